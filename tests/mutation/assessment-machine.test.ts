/** src/machines/assessment.ts on two synthetic pages: a (q1, q2) and b (q3). */

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { AssessmentPage } from '../../src/assessment/progress.ts';
import { type AssessmentEvent, createAssessmentMachine, EMPTY_ATTEMPT } from '../../src/machines/assessment.ts';

const pages: AssessmentPage[] = [
  { dimension: 'a', questions: ['q1', 'q2'] },
  { dimension: 'b', questions: ['q3'] },
];
/** The same pages where an association is not asked q2 and is asked q3 in other words. */
const adapted: AssessmentPage[] = [
  {
    dimension: 'a',
    questions: ['q1', 'q2'],
    modes: {
      q1: { commune: 'asked', epci: 'asked', association: 'asked' },
      q2: { commune: 'asked', epci: 'asked', association: 'skipped' },
    },
  },
  { dimension: 'b', questions: ['q3'], modes: { q3: { commune: 'asked', epci: 'adapted', association: 'adapted' } } },
];
const AS: Record<string, AssessmentEvent> = {
  commune: { type: 'CHOOSE_RESPONDENT', respondent: 'commune' },
  association: { type: 'CHOOSE_RESPONDENT', respondent: 'association' },
};

/** Every run but the bare ones starts by choosing to answer for a commune, as the intro asks. */
function run(...events: AssessmentEvent[]) {
  return runOn(pages, ...(events.length > 0 ? [AS.commune as AssessmentEvent, ...events] : []));
}

function runOn(on: AssessmentPage[], ...events: AssessmentEvent[]) {
  const actor = createActor(createAssessmentMachine(on)).start();
  for (const event of events) actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

const START: AssessmentEvent = { type: 'START', attemptId: 'att-1', startedAt: '2026-01-01T10:00:00Z' };
const answer = (question: string, value: unknown) => ({ type: 'ANSWER', question, value }) as AssessmentEvent;
const NEXT: AssessmentEvent = { type: 'NEXT' };

describe('the self-assessment machine', () => {
  it('starts on the intro with an empty attempt, then begins one', () => {
    expect(EMPTY_ATTEMPT).toEqual({
      attemptId: null,
      startedAt: null,
      finishedAt: null,
      respondent: null,
      page: 0,
      answers: {},
      unansweredNotice: false,
      respondentNotice: false,
    });
    expect(run().value).toBe('intro');
    expect(run().context).toEqual(EMPTY_ATTEMPT);
    const started = run(START);
    expect(started.value).toBe('questions');
    expect(started.context).toEqual({
      ...EMPTY_ATTEMPT,
      respondent: 'commune',
      attemptId: 'att-1',
      startedAt: '2026-01-01T10:00:00Z',
    });
  });

  it('records valid answers only', () => {
    const snap = run(START, answer('q1', 2), answer('q2', 'unknown'), answer('q9', 1), answer('q3', 4), answer('q3', 1.5));
    expect(snap.context.answers).toEqual({ q1: 2, q2: 'unknown' });
    expect(run(answer('q1', 2)).context.answers).toEqual({});
  });

  it('moves on from a complete page, flags an incomplete one', () => {
    const flagged = run(START, answer('q1', 1), NEXT);
    expect([flagged.context.page, flagged.context.unansweredNotice]).toEqual([0, true]);
    const next = run(START, answer('q1', 1), NEXT, answer('q2', 0), NEXT);
    expect([next.value, next.context.page, next.context.unansweredNotice]).toEqual(['questions', 1, false]);
    const review = run(START, answer('q1', 1), answer('q2', 0), NEXT, NEXT, answer('q3', 3), NEXT);
    expect([review.value, review.context.unansweredNotice]).toEqual(['review', false]);
    const unanswered = run(START, answer('q1', 1), answer('q2', 0), NEXT, NEXT);
    expect([unanswered.value, unanswered.context.unansweredNotice]).toEqual(['questions', true]);
  });

  it('skips a page, to the review from the last one', () => {
    const skipped = run(START, answer('q1', 1), NEXT, { type: 'SKIP' });
    expect([skipped.value, skipped.context.page, skipped.context.unansweredNotice]).toEqual(['questions', 1, false]);
    const last = run(START, { type: 'SKIP' }, NEXT, { type: 'SKIP' });
    expect([last.value, last.context.unansweredNotice]).toEqual(['review', false]);
  });

  it('goes back, never before the first page', () => {
    expect(run(START, { type: 'SKIP' }, { type: 'BACK' }).context.page).toBe(0);
    expect(run(START, { type: 'BACK' }).context.page).toBe(0);
    const fromReview = run(START, { type: 'SKIP' }, { type: 'SKIP' }, { type: 'BACK' });
    expect([fromReview.value, fromReview.context.page]).toEqual(['questions', 1]);
  });

  it('clears the notice when it moves to another page', () => {
    const flagged = [START, { type: 'SKIP' }, NEXT] as AssessmentEvent[];
    expect(run(...flagged).context).toMatchObject({ page: 1, unansweredNotice: true });
    expect(run(...flagged, { type: 'BACK' }).context).toMatchObject({ page: 0, unansweredNotice: false });
    expect(run(...flagged, { type: 'GOTO_DIMENSION', dimension: 'a' }).context).toMatchObject({
      page: 0,
      unansweredNotice: false,
    });
    const back = run(START, { type: 'SKIP' }, { type: 'SKIP' }, { type: 'BACK' });
    expect(back.context).toMatchObject({ page: 1, unansweredNotice: false });
    expect(createAssessmentMachine(pages).id).toBe('assessment');
  });

  it('jumps to a known dimension', () => {
    expect(run(START, { type: 'GOTO_DIMENSION', dimension: 'b' }).context.page).toBe(1);
    expect(run(START, { type: 'SKIP' }, { type: 'GOTO_DIMENSION', dimension: 'a' }).context.page).toBe(0);
    expect(run(START, { type: 'GOTO_DIMENSION', dimension: 'z' }).context.page).toBe(0);
    const fromReview = run(START, { type: 'SKIP' }, { type: 'SKIP' }, { type: 'GOTO_DIMENSION', dimension: 'a' });
    expect([fromReview.value, fromReview.context.page]).toEqual(['questions', 0]);
    const unknown = run(START, { type: 'SKIP' }, { type: 'SKIP' }, { type: 'GOTO_DIMENSION', dimension: 'z' });
    expect(unknown.value).toBe('review');
  });

  it('finishes with a time, and restarts from scratch', () => {
    const done = run(START, { type: 'SKIP' }, { type: 'SKIP' }, { type: 'FINISH', finishedAt: '2026-01-01T10:30:00Z' });
    expect([done.value, done.context.finishedAt]).toEqual(['results', '2026-01-01T10:30:00Z']);
    const again = run(START, answer('q1', 1), { type: 'SKIP' }, { type: 'RESTART' });
    expect([again.value, again.context]).toEqual(['intro', { ...EMPTY_ATTEMPT, respondent: 'commune' }]);
    expect(run(START, { type: 'FINISH', finishedAt: 'x' }).context.finishedAt).toBeNull();
  });
});

describe('who answers', () => {
  it('refuses START with nobody chosen and flags it; a choice clears the flag', () => {
    const refused = runOn(pages, START);
    expect([refused.value, refused.context]).toEqual(['intro', { ...EMPTY_ATTEMPT, respondentNotice: true }]);
    const chosen = runOn(pages, START, AS.association as AssessmentEvent);
    expect(chosen.context).toEqual({ ...EMPTY_ATTEMPT, respondent: 'association' });
    expect(runOn(pages, { type: 'CHOOSE_RESPONDENT', respondent: 'x' as never }).context.respondent).toBeNull();
    expect(runOn(pages, AS.association as AssessmentEvent, START).context.respondent).toBe('association');
  });

  it('asks an association only its questions: q2 refused, page a complete with q1 alone', () => {
    const snap = runOn(adapted, AS.association as AssessmentEvent, START, answer('q2', 1), answer('q1', 0), NEXT);
    expect([snap.context.page, snap.context.answers, snap.context.unansweredNotice]).toEqual([1, { q1: 0 }, false]);
    const commune = runOn(adapted, AS.commune as AssessmentEvent, START, answer('q1', 0), NEXT);
    expect([commune.context.page, commune.context.unansweredNotice]).toEqual([0, true]);
  });

  it('a change keeps answers put in the same words, drops the others, in questions and in review only', () => {
    const base = [AS.commune, START, answer('q1', 1), answer('q2', 2), NEXT, answer('q3', 3)] as AssessmentEvent[];
    const changed = runOn(adapted, ...base, AS.association as AssessmentEvent);
    expect([changed.value, changed.context.respondent, changed.context.answers]).toEqual(['questions', 'association', { q1: 1 }]);
    const same = runOn(adapted, ...base, AS.commune as AssessmentEvent);
    expect(same.context.answers).toEqual({ q1: 1, q2: 2, q3: 3 });
    const inReview = runOn(adapted, ...base, NEXT, AS.association as AssessmentEvent);
    expect([inReview.value, inReview.context.answers]).toEqual(['review', { q1: 1 }]);
    const done = runOn(adapted, ...base, NEXT, { type: 'FINISH', finishedAt: 'x' }, AS.association as AssessmentEvent);
    expect([done.value, done.context.respondent, done.context.answers]).toEqual(['results', 'commune', { q1: 1, q2: 2, q3: 3 }]);
  });
});
