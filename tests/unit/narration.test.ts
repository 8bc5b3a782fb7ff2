/**
 * Narration reads the log: each new entry, replayed from the game the view
 * last showed, says what it did. Games are 3 teams (T1, T2, T3) on
 * periurban-brownfield, seed 1, in round 1's plan phase with T1 to play;
 * "Transport solidaire" (solidarity-transport) is a 25 k€ card that takes one
 * round alone, two when pooled.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createGame } from '../../src/engine/index.ts';
import type { GameEvent, GameState } from '../../src/engine/types.ts';
import {
  CATCH_UP_ENTRIES,
  type LoggedStep,
  narrate,
  narrateStep,
  replaySteps,
  soundCue,
} from '../../src/game/table/narration.ts';
import { changeLanguage, initI18n } from '../../src/i18n/index.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import { CONTINUE, pass, playingView, scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const play = (state: GameState, ...events: GameEvent[]) => events.reduce((g, e) => applyEvent(g, s, e), state);
const PLAN = () => play(createGame(s, { seed: 1, teams: ['T1', 'T2', 'T3'] }), CONTINUE);

const view = (game: GameState, log: LogEntry[] = []) => playingView(game, log);

/** What the entries say when the view last showed `from`. */
function told(from: GameState, ...entries: LogEntry[]): string[] {
  return replaySteps(entries, from, s).flatMap((step) => narrateStep(step, s));
}

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  await changeLanguage('en');
});

describe('replaying the new entries', () => {
  it('gives one step per entry, each starting where the one before ended', () => {
    const from = PLAN();
    const steps = replaySteps(
      [start('team-1', 'solidarity-transport', ['call-for-projects']), { type: 'pause' }, pass('team-1')],
      from,
      s,
    );
    expect(steps.map((step) => step.entry.type)).toEqual(['start-project', 'pause', 'pass']);
    expect(steps[0]?.before).toBe(from);
    expect(steps[1]?.before).toBe(steps[0]?.after);
    // A pause leaves the game as it was.
    expect(steps[1]?.after).toBe(steps[1]?.before);
    expect(steps[2]?.after.teams[0]?.acted).toBe(true);
  });
});

describe('what each entry says', () => {
  it('a start alone, a pass, a pause and a resume', () => {
    expect(told(PLAN(), start('team-1', 'solidarity-transport', ['call-for-projects']), pass('team-1'))).toEqual([
      'T1 launches “Solidarity transport”.',
      'T1 passes.',
    ]);
    expect(told(PLAN(), { type: 'pause' }, { type: 'resume' })).toEqual(['The game is paused.', 'The game resumes.']);
  });

  it('an offer, then its acceptance, which starts the pooled project', () => {
    const offered = start('team-1', 'solidarity-transport', ['call-for-projects'], ['team-2']);
    expect(told(PLAN(), offered)).toEqual(['T1 offers T2 to pool “Solidarity transport”.']);
    // T1 passes; T2, on its turn, accepts.
    const t2Turn = play(PLAN(), offered, pass('team-1'));
    expect(told(t2Turn, { type: 'answer-offer', team: 'team-2', offer: 'o1', accept: true })).toEqual([
      'T2 agrees to pool “Solidarity transport”.',
      'T1 pools “Solidarity transport” with T2.',
    ]);
    expect(told(t2Turn, { type: 'answer-offer', team: 'team-2', offer: 'o1', accept: false })).toEqual([
      'T2 declines to pool “Solidarity transport”.',
    ]);
  });

  it('the facilitator’s plans and clock say nothing', () => {
    expect(told(PLAN(), { type: 'plan-hazard', round: 2, hazard: 'heatwave' }, { type: 'extend-time', seconds: 60 })).toEqual([]);
  });

  it('in French', async () => {
    await changeLanguage('fr');
    expect(told(PLAN(), start('team-1', 'solidarity-transport', ['call-for-projects']))).toEqual([
      'T1 lance «\u00a0Transport solidaire\u00a0».',
    ]);
  });
});

describe('a new view', () => {
  it('tells the steps, then whose turn it is when it changed', () => {
    const before = PLAN();
    const entries: LogEntry[] = [pass('team-1')];
    const after = play(before, pass('team-1'));
    expect(narrate(view(before), view(after, entries), replaySteps(entries, before, s), s)).toEqual(['T1 passes.', "T2's turn."]);
  });

  it('a window catching up (more than the catch-up limit at once) hears where the game stands, not every entry', () => {
    const before = PLAN();
    const entries: LogEntry[] = Array.from(
      { length: CATCH_UP_ENTRIES + 1 },
      () => ({ type: 'extend-time', seconds: 30 }) as LogEntry,
    );
    expect(CATCH_UP_ENTRIES).toBe(12);
    expect(narrate(view(before), view(before, entries), replaySteps(entries, before, s), s)).toEqual([
      'Round 1, Choice of projects.',
    ]);
  });

  it('the first view says the phase and whose turn', () => {
    expect(narrate(null, view(PLAN()), [], s)).toEqual(['Round 1, Choice of projects.', "T1's turn."]);
  });
});

describe('the sound of a new view', () => {
  it('a turn that moves on in the plan phase, nothing for a pause', () => {
    const before = PLAN();
    const after = play(before, pass('team-1'));
    expect(soundCue(view(before), view(after), replaySteps([pass('team-1')], before, s))).toBe('turn');
    expect(soundCue(view(before), view(before), replaySteps([{ type: 'pause' }], before, s))).toBeNull();
  });

  it('a project built outranks the turn, and the pass that ends the plan phase says so', () => {
    // T1 starts alone (one round); the last pass of the plan phase builds it.
    const planned = play(PLAN(), start('team-1', 'solidarity-transport', ['call-for-projects']), pass('team-1'), pass('team-2'));
    const steps = replaySteps([pass('team-3')], planned, s);
    expect(steps[0]?.after.projects.map((p) => p.built)).toEqual([true]);
    expect(narrateStep(steps[0] as LoggedStep, s).slice(0, 2)).toEqual([
      'T3 passes.',
      'Project built: “Solidarity transport” for T1.',
    ]);
    expect(soundCue(view(planned), view(steps[0]?.after ?? planned), steps)).toBe('build');
  });

  it('a shock outranks everything', () => {
    const implement = play(PLAN(), pass('team-1'), pass('team-2'), pass('team-3'));
    const steps = replaySteps([CONTINUE], implement, s);
    expect(steps[0]?.after.hazards).toHaveLength(1);
    expect(soundCue(view(implement), view(steps[0]?.after ?? implement), steps)).toBe('hazard');
  });
});
