/** What every course page receives from the view, and what it gives back. */
import type { SnapshotFrom } from 'xstate';
import type { CourseEvent, CourseMachine } from '../../machines/course.ts';
import type { AppContext } from '../../ui/app-context.ts';
import type { CoursePolicy } from '../policy.ts';
import type { ProgressBackend } from '../progress.ts';
import type { Course } from '../schema.ts';

export type CourseSnapshot = SnapshotFrom<CourseMachine>;

export interface PageArgs {
  course: Course;
  snapshot: CourseSnapshot;
  /** Sends an event to the course actor; the view redraws the page when the event changes it. */
  send(event: CourseEvent): void;
  ctx: AppContext;
  /** The deployer's completion rule and attempt limit. */
  policy: CoursePolicy;
  /** Where progress goes (its wording on the pages depends on it) and whether the last save got there. */
  backend: ProgressBackend;
  /** The kit's parts this build holds: lessons link to no other part. */
  parts: readonly string[];
}

export interface RenderedPage {
  /** The page's own name, for the document title. */
  title: string;
  node: HTMLElement;
}
