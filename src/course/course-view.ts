/**
 * #/course in the kit: the course's UI with progress kept in the kit's own storage. An LMS package uses
 * the same UI with its own backend: `createCourseView((ctx, hooks) => myBackend)` or `mountCourse(...)`.
 */
import type { ViewFactory } from '../ui/app-context.ts';
import { createCourseView } from './create-course-view.ts';
import { createLocalBackend } from './local-backend.ts';

export {
  type BackendFactory,
  type BackendHooks,
  type CourseViewOptions,
  createCourseView,
  mountCourse,
} from './create-course-view.ts';

export const courseView: ViewFactory = createCourseView((ctx, hooks) =>
  createLocalBackend(ctx.store, {
    onUnreadable: hooks.unreadable,
    onWrite: (result) => ctx.reportStore(result),
  }),
);
