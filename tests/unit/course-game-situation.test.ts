import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/content.ts';
import { shockOutcome } from '../../src/course/game-situation.ts';
import type { GameSituationActivity } from '../../src/course/schema.ts';
import { scenario } from './helpers.ts';

const course = loadCourse();
const situations = course.modules.map((m) => m.activity).filter((a): a is GameSituationActivity => a.type === 'game-situation');

const total = (impacts: Record<string, number | undefined>) =>
  Object.values(impacts).reduce((sum: number, v) => sum + (v ?? 0), 0);

describe('game situations: what happens next', () => {
  it('names a shock of its scenario for each game situation', () => {
    expect(situations.map((a) => [a.id, a.shock])).toEqual([
      ['designing-projects-montalbret', 'irrigation-restriction'],
      ['collective-dynamics-vallaurac', 'plant-closure'],
    ]);
    for (const a of situations) expect(Object.keys(scenario(a.scenario).hazards)).toContain(a.shock);
  });

  it('agrees with the engine: the best option is the one that absorbs most of the shock once built', () => {
    for (const a of situations) {
      const s = scenario(a.scenario);
      const outcomes = a.options.map((o) => ({ option: o, outcome: shockOutcome(s, o.card, a.shock) }));
      const best = outcomes.find((o) => o.option.best)?.outcome;
      expect(best?.started, a.id).toBe(true);
      for (const { option, outcome } of outcomes) {
        expect(outcome, option.id).not.toBeNull();
        if (option.best) continue;
        expect(outcome?.absorbed ?? 1, option.id).toBeLessThan(best?.absorbed ?? 0);
        expect(total(outcome?.impacts ?? {}), option.id).toBeLessThanOrEqual(total(best?.impacts ?? {}));
      }
    }
  });

  it('plays the shock after the project is built, and without a project for comparison', () => {
    const s = scenario('market-town-drought');
    const pact = shockOutcome(s, 'agroecology-pact', 'irrigation-restriction');
    expect(pact?.round).toBeGreaterThan(1);
    expect(total(pact?.impacts ?? {})).toBeGreaterThan(total(pact?.withoutProject ?? {}));
    // A card that does nothing against this shock changes nothing about its losses.
    const greening = shockOutcome(s, 'cool-islands-greening', 'irrigation-restriction');
    expect(greening?.impacts).toEqual(greening?.withoutProject);
  });

  it('says when the commune cannot start a card alone: the shock strikes as if nothing had been done', () => {
    const ptce = shockOutcome(scenario('periurban-brownfield'), 'ptce', 'plant-closure');
    expect(ptce?.started).toBe(false);
    expect(ptce?.round).toBe(1);
    expect(ptce?.impacts).toEqual(ptce?.withoutProject);
    expect(shockOutcome(scenario('periurban-brownfield'), 'ptce', 'no-such-hazard')).toBeNull();
  });
});
