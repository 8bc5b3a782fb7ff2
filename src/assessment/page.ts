/** What every page of the test receives from the test view, and what it gives back. */
import type { AppContext } from '../ui/app-context.ts';
import type { Assessment } from './content.ts';
import type { AssessmentController, AssessmentSnapshot } from './controller.ts';
import { newAttemptId } from './storage.ts';

export interface TestPageDeps {
  ctx: AppContext;
  content: Assessment;
  controller: AssessmentController;
  /** Goes to a route of the test (a new history entry). */
  go(href: string): void;
  /** Redraws the current page (after a change it shows), then announces `message`. */
  refresh(message?: string): void;
}

export interface TestPage {
  title: string;
  /** The machine changed while this page stays: refresh what shows its state. */
  update?(snapshot: AssessmentSnapshot): void;
}

/**
 * Starts a new attempt, closing a finished one first; the view then follows the
 * machine to the first page. False when the machine refused: nobody has said
 * who they answer for yet (the intro then says so).
 */
export function startNewAttempt(controller: AssessmentController): boolean {
  if (controller.snapshot().state !== 'intro') controller.send({ type: 'RESTART' });
  controller.send({ type: 'START', attemptId: newAttemptId(Date.now(), Math.random()), startedAt: new Date().toISOString() });
  return controller.snapshot().state === 'questions';
}
