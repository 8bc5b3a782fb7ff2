/** src/machines/assessment.ts on two synthetic pages: a (q1, q2) and b (q3). */

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { AssessmentPage } from '../../src/assessment/progress.ts';
import { type AssessmentEvent, createAssessmentMachine, EMPTY_ATTEMPT } from '../../src/machines/assessment.ts';

const pages: AssessmentPage[] = [
  { dimension: 'a', questions: ['q1', 'q2'] },
  { dimension: 'b', questions: ['q3'] },
];

function run(...events: AssessmentEvent[]) {
  const actor = createActor(createAssessmentMachine(pages)).start();
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
      page: 0,
      answers: {},
      unansweredNotice: false,
    });
    expect(run().value).toBe('intro');
    expect(run().context).toEqual(EMPTY_ATTEMPT);
    const started = run(START);
    expect(started.value).toBe('questions');
    expect(started.context).toEqual({ ...EMPTY_ATTEMPT, attemptId: 'att-1', startedAt: '2026-01-01T10:00:00Z' });
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
    expect([again.value, again.context]).toEqual(['intro', EMPTY_ATTEMPT]);
    expect(run(START, { type: 'FINISH', finishedAt: 'x' }).context.finishedAt).toBeNull();
  });
});
