/** What every course page receives from the view, and what it gives back. */
import type { SnapshotFrom } from 'xstate';
import type { CourseEvent, CourseMachine } from '../../machines/course.ts';
import type { AppContext } from '../../ui/app-context.ts';
import type { Course } from '../schema.ts';

export type CourseSnapshot = SnapshotFrom<CourseMachine>;

export interface PageArgs {
  course: Course;
  snapshot: CourseSnapshot;
  /** Sends an event to the course actor; the view redraws the page when the event changes it. */
  send(event: CourseEvent): void;
  ctx: AppContext;
}

export interface RenderedPage {
  /** The page's own name, for the document title. */
  title: string;
  node: HTMLElement;
}
