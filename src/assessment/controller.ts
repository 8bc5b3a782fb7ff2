/**
 * Runs the assessment actor for the views: restores it from the saved
 * progress, saves the progress after every event and, once the attempt is
 * finished, keeps it among the earlier results.
 */
import { type Actor, createActor } from 'xstate';
import {
  type AssessmentContext,
  type AssessmentEvent,
  type AssessmentMachine,
  type AssessmentState,
  createAssessmentMachine,
  EMPTY_ATTEMPT,
} from '../machines/assessment.ts';
import type { KeyValueStore, StoreResult } from '../storage/store.ts';
import { type Assessment, type Mode, modeOf, RESPONDENTS, type Respondent } from './content.ts';
import { hrefForState } from './paths.ts';
import type { AssessmentPage } from './progress.ts';
import { type Attempt, PROGRESS_FORMAT, PROGRESS_VERSION, type Progress, saveAttempt, saveProgress } from './storage.ts';

export interface AssessmentSnapshot {
  state: AssessmentState;
  context: AssessmentContext;
}

export function pagesFor(content: Assessment): AssessmentPage[] {
  return content.dimensions.map((d) => {
    const questions = content.questions.filter((q) => q.dimension === d.id);
    return {
      dimension: d.id,
      questions: questions.map((q) => q.id),
      modes: Object.fromEntries(
        questions.map((q) => [q.id, Object.fromEntries(RESPONDENTS.map((r) => [r, modeOf(q, r)])) as Record<Respondent, Mode>]),
      ),
    };
  });
}

export function progressOf(snapshot: AssessmentSnapshot): Progress {
  const { attemptId, startedAt, finishedAt, respondent, respondentNotice, page, answers } = snapshot.context;
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    state: snapshot.state,
    attemptId,
    startedAt,
    finishedAt,
    respondent,
    respondentNotice,
    page,
    answers,
  };
}

/** The finished attempt to keep, once the machine has reached the results. */
export function finishedAttempt(snapshot: AssessmentSnapshot): Attempt | null {
  const { attemptId, startedAt, finishedAt, answers, respondent } = snapshot.context;
  if (snapshot.state !== 'results' || !attemptId || !startedAt || !finishedAt) return null;
  return respondent
    ? { id: attemptId, startedAt, finishedAt, answers, respondent }
    : { id: attemptId, startedAt, finishedAt, answers };
}

export class AssessmentController {
  readonly pages: AssessmentPage[];
  private readonly actor: Actor<AssessmentMachine>;
  private listeners = new Set<(snapshot: AssessmentSnapshot) => void>();
  private disposed = false;
  /** The attempt is kept once, when the results are reached (a deleted one is not brought back on reload). */
  private lastState: AssessmentState;

  constructor(
    content: Assessment,
    private readonly store: KeyValueStore,
    private readonly onStoreResult: (result: StoreResult) => void,
    saved: Progress | null,
  ) {
    this.pages = pagesFor(content);
    this.lastState = saved?.state ?? 'intro';
    const machine = createAssessmentMachine(this.pages);
    const snapshot = saved
      ? machine.resolveState({
          value: saved.state,
          context: {
            ...EMPTY_ATTEMPT,
            attemptId: saved.attemptId,
            startedAt: saved.startedAt,
            finishedAt: saved.finishedAt,
            respondent: saved.respondent,
            respondentNotice: saved.respondentNotice,
            page: saved.page,
            answers: saved.answers,
          },
        })
      : undefined;
    this.actor = snapshot ? createActor(machine, { snapshot }) : createActor(machine);
    this.actor.subscribe(() => this.changed());
    this.actor.start();
  }

  send(event: AssessmentEvent): void {
    if (!this.disposed) this.actor.send(event);
  }

  snapshot(): AssessmentSnapshot {
    const snap = this.actor.getSnapshot();
    return { state: snap.value as AssessmentState, context: snap.context };
  }

  /** The route that shows the current state. */
  href(): string {
    const { state, context } = this.snapshot();
    return hrefForState(state, this.pages[context.page]?.dimension, context.attemptId);
  }

  subscribe(listener: (snapshot: AssessmentSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.actor.stop();
    this.listeners.clear();
  }

  private changed(): void {
    if (this.disposed) return;
    const snapshot = this.snapshot();
    this.onStoreResult(saveProgress(this.store, progressOf(snapshot)));
    const attempt = this.lastState === 'results' ? null : finishedAttempt(snapshot);
    if (attempt) this.onStoreResult(saveAttempt(this.store, attempt));
    this.lastState = snapshot.state;
    for (const listener of this.listeners) listener(snapshot);
  }
}
