import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { assessment } from '../../src/assessment/content.ts';
import { pagesFor } from '../../src/assessment/controller.ts';
import { unansweredOn } from '../../src/assessment/progress.ts';
import { type AssessmentContext, type AssessmentEvent, createAssessmentMachine } from '../../src/machines/assessment.ts';

const content = assessment();
const pages = pagesFor(content);
const machine = createAssessmentMachine(pages);
const FIRST = pages[0]?.dimension as string;
const LAST = pages[pages.length - 1]?.dimension as string;
const START: AssessmentEvent = { type: 'START', attemptId: 'attempt-1', startedAt: '2026-11-28T10:00:00.000Z' };
const AS_COMMUNE: AssessmentEvent = { type: 'CHOOSE_RESPONDENT', respondent: 'commune' };
const AS_ASSOCIATION: AssessmentEvent = { type: 'CHOOSE_RESPONDENT', respondent: 'association' };

type Snap = { value: unknown; context: AssessmentContext };

/** Events offered in a state: answers go to the first unanswered question of the page shown. */
function eventsFor(snap: Snap): AssessmentEvent[] {
  const next = unansweredOn(pages, snap.context.page, snap.context.answers, snap.context.respondent)[0];
  return [
    AS_COMMUNE,
    AS_ASSOCIATION,
    START,
    { type: 'NEXT' },
    { type: 'BACK' },
    { type: 'SKIP' },
    ...(next
      ? ([
          { type: 'ANSWER', question: next, value: 2 },
          { type: 'ANSWER', question: next, value: 'unknown' },
        ] as AssessmentEvent[])
      : []),
    { type: 'ANSWER', question: 'no-such-question', value: 1 },
    { type: 'GOTO_DIMENSION', dimension: FIRST },
    { type: 'GOTO_DIMENSION', dimension: LAST },
    { type: 'GOTO_DIMENSION', dimension: 'no-such-dimension' },
    { type: 'FINISH', finishedAt: '2026-11-28T10:20:00.000Z' },
    { type: 'RESTART' },
  ];
}

/** A node per state, respondent, page, answers left on that page and notices: small, yet NEXT can succeed. */
function key(snap: Snap): string {
  const { page, answers, unansweredNotice, respondent, respondentNotice } = snap.context;
  const left = unansweredOn(pages, page, answers, respondent).length;
  return `${String(snap.value)}|${respondent}|${page}|${left}|${unansweredNotice}|${respondentNotice}`;
}

describe('assessment machine (model-based)', () => {
  const model = createTestModel(machine, {
    events: (snap) => eventsFor(snap as Snap),
    serializeState: (snap) => key(snap as Snap) as never,
  });
  const paths = model.getShortestPaths({ allowDuplicatePaths: true });

  it('reaches every state and every dimension page', () => {
    const states = new Set(paths.map((p) => String(p.state.value)));
    expect([...states].sort()).toEqual(['intro', 'questions', 'results', 'review']);
    const questionPages = new Set(
      paths.filter((p) => p.state.value === 'questions').map((p) => (p.state.context as AssessmentContext).page),
    );
    expect([...questionPages].sort()).toEqual(pages.map((_, i) => i));
    // NEXT is refused on an incomplete page, and moves on from a complete one somewhere in the graph.
    expect(paths.some((p) => (p.state.context as AssessmentContext).unansweredNotice)).toBe(true);
    type Transition = { event: AssessmentEvent; state: Snap };
    const moves = Object.values(model.getAdjacencyMap()).flatMap((node) =>
      (Object.values(node.transitions) as Transition[])
        .filter((move) => move.event.type === 'NEXT')
        .map((move) => [(node.state as Snap).context.page, move.state.context.page, String(move.state.value)] as const),
    );
    expect(moves.some(([from, to]) => to === from + 1)).toBe(true);
    expect(moves.some(([, , state]) => state === 'review')).toBe(true);
    // START is refused until someone says who they answer for, and both respondents reach the review.
    expect(paths.some((p) => (p.state.context as AssessmentContext).respondentNotice)).toBe(true);
    for (const respondent of ['commune', 'association'])
      expect(
        paths.some((p) => p.state.value === 'review' && (p.state.context as AssessmentContext).respondent === respondent),
        respondent,
      ).toBe(true);
  });

  it('follows every shortest path on a live actor, state by state', () => {
    expect(paths.length).toBeGreaterThan(pages.length);
    for (const path of paths) {
      const actor = createActor(machine).start();
      for (const step of path.steps) {
        if ((step.event.type as string) !== 'xstate.init') actor.send(step.event as AssessmentEvent);
        const snap = actor.getSnapshot();
        expect(key(snap), path.description).toBe(key(step.state as Snap));
      }
      actor.stop();
    }
  });
});

describe('assessment machine (behaviour)', () => {
  const started = () => {
    const actor = createActor(machine).start();
    actor.send(AS_COMMUNE);
    actor.send(START);
    return actor;
  };
  const answerPage = (actor: ReturnType<typeof started>, value: 0 | 1 | 2 | 3 | 'unknown') => {
    for (const question of pages[actor.getSnapshot().context.page]?.questions ?? [])
      actor.send({ type: 'ANSWER', question, value });
  };

  it('starts an attempt on the first page with no answer', () => {
    const snap = started().getSnapshot();
    expect(snap.value).toBe('questions');
    expect(snap.context).toMatchObject({ attemptId: 'attempt-1', page: 0, answers: {}, unansweredNotice: false });
  });

  it('refuses NEXT on a page with unanswered questions and says so; SKIP moves on leaving them unanswered', () => {
    const actor = started();
    actor.send({ type: 'ANSWER', question: pages[0]?.questions[0] as string, value: 3 });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context).toMatchObject({ page: 0, unansweredNotice: true });
    actor.send({ type: 'SKIP' });
    expect(actor.getSnapshot().context).toMatchObject({ page: 1, unansweredNotice: false });
    expect(Object.keys(actor.getSnapshot().context.answers)).toEqual([pages[0]?.questions[0]]);
  });

  it('accepts "don\'t know" as an answer that completes a page', () => {
    const actor = started();
    answerPage(actor, 'unknown');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.page).toBe(1);
  });

  it('ignores answers to unknown questions or out of range', () => {
    const actor = started();
    actor.send({ type: 'ANSWER', question: 'nope', value: 1 });
    actor.send({ type: 'ANSWER', question: pages[0]?.questions[0] as string, value: 4 as never });
    expect(actor.getSnapshot().context.answers).toEqual({});
  });

  it('goes back, jumps to a dimension, reviews, returns and finishes', () => {
    const actor = started();
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.page).toBe(0);
    actor.send({ type: 'GOTO_DIMENSION', dimension: LAST });
    expect(actor.getSnapshot().context.page).toBe(pages.length - 1);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.page).toBe(pages.length - 2);
    actor.send({ type: 'GOTO_DIMENSION', dimension: LAST });
    answerPage(actor, 1);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'questions', context: { page: pages.length - 1 } });
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'GOTO_DIMENSION', dimension: FIRST });
    expect(actor.getSnapshot()).toMatchObject({ value: 'questions', context: { page: 0 } });
    actor.send({ type: 'GOTO_DIMENSION', dimension: LAST });
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'FINISH', finishedAt: '2026-11-28T11:00:00.000Z' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'results', context: { finishedAt: '2026-11-28T11:00:00.000Z' } });
    actor.send({ type: 'RESTART' });
    // The respondent stays as the next attempt's default.
    expect(actor.getSnapshot()).toMatchObject({
      value: 'intro',
      context: { attemptId: null, answers: {}, respondent: 'commune' },
    });
  });
});

describe('assessment machine: who answers', () => {
  it('refuses START until a respondent is chosen, and says so', () => {
    const actor = createActor(machine).start();
    actor.send(START);
    expect(actor.getSnapshot()).toMatchObject({ value: 'intro', context: { respondent: null, respondentNotice: true } });
    actor.send({ type: 'CHOOSE_RESPONDENT', respondent: 'mayor' as never });
    expect(actor.getSnapshot().context).toMatchObject({ respondent: null, respondentNotice: true });
    actor.send(AS_ASSOCIATION);
    expect(actor.getSnapshot()).toMatchObject({
      value: 'intro',
      context: { respondent: 'association', respondentNotice: false },
    });
    actor.send(START);
    expect(actor.getSnapshot()).toMatchObject({
      value: 'questions',
      context: { respondent: 'association', attemptId: 'attempt-1', page: 0, answers: {} },
    });
  });

  it('an association is not asked water uses or local food: answers to them are refused, its page is complete without them', () => {
    const actor = createActor(machine).start();
    actor.send(AS_ASSOCIATION);
    actor.send(START);
    actor.send({ type: 'GOTO_DIMENSION', dimension: 'essentials-first' });
    actor.send({ type: 'ANSWER', question: 'water-uses', value: 2 });
    actor.send({ type: 'ANSWER', question: 'local-food', value: 1 });
    expect(actor.getSnapshot().context.answers).toEqual({});
    // The four questions it is asked on this page, by hand from the content's rules.
    for (const question of ['needs-named', 'mobility-without-car', 'energy-in-buildings', 'share-before-build'])
      actor.send({ type: 'ANSWER', question, value: 1 });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
  });

  it('a change of respondent keeps the answers to questions put in the same words and drops the others', () => {
    const actor = createActor(machine).start();
    actor.send(AS_COMMUNE);
    actor.send(START);
    actor.send({ type: 'ANSWER', question: 'mixed-steering-group', value: 2 }); // asked as is of both
    actor.send({ type: 'ANSWER', question: 'resilience-written-aim', value: 3 }); // other words for an association
    actor.send({ type: 'GOTO_DIMENSION', dimension: 'essentials-first' });
    actor.send({ type: 'ANSWER', question: 'water-uses', value: 1 }); // not asked of an association
    actor.send({ type: 'ANSWER', question: 'share-before-build', value: 'unknown' }); // asked as is of both
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.unansweredNotice).toBe(true);
    actor.send(AS_ASSOCIATION);
    expect(actor.getSnapshot()).toMatchObject({
      value: 'questions',
      context: {
        respondent: 'association',
        page: 5,
        answers: { 'mixed-steering-group': 2, 'share-before-build': 'unknown' },
        unansweredNotice: false,
      },
    });
    expect(Object.keys(actor.getSnapshot().context.answers)).toHaveLength(2);
    // Back to the commune: the association's answers to questions in its own words would go the same way.
    actor.send({ type: 'SKIP' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send(AS_COMMUNE);
    expect(actor.getSnapshot()).toMatchObject({ value: 'review', context: { respondent: 'commune' } });
    expect(actor.getSnapshot().context.answers).toEqual({ 'mixed-steering-group': 2, 'share-before-build': 'unknown' });
    actor.send({ type: 'FINISH', finishedAt: '2026-11-28T11:00:00.000Z' });
    actor.send(AS_ASSOCIATION);
    expect(actor.getSnapshot()).toMatchObject({ value: 'results', context: { respondent: 'commune' } });
  });
});
