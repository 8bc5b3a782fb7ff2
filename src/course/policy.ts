/**
 * The rules a deployer chooses when building the course (Vite environment variables, so the kit and the
 * SCORM package can differ without a code change):
 *   VITE_COURSE_COMPLETION=quizzes|all   completion on every quiz passed, or on every lesson read,
 *                                        every activity done and every quiz passed
 *   VITE_COURSE_ATTEMPTS=<n>             attempts allowed per quiz (unset or 0: as many as wanted)
 */
export interface CoursePolicy {
  completion: 'quizzes' | 'all';
  /** Attempts allowed per quiz; null for no limit. */
  maxAttempts: number | null;
}

export const DEFAULT_POLICY: CoursePolicy = { completion: 'quizzes', maxAttempts: null };

export function policyFrom(env: Record<string, string | boolean | undefined>): CoursePolicy {
  const completion = env.VITE_COURSE_COMPLETION === 'all' ? 'all' : 'quizzes';
  const attempts = Number.parseInt(String(env.VITE_COURSE_ATTEMPTS ?? ''), 10);
  return { completion, maxAttempts: Number.isInteger(attempts) && attempts > 0 && attempts <= 99 ? attempts : null };
}

/** The policy this build was made with. */
export function buildPolicy(): CoursePolicy {
  return policyFrom(import.meta.env);
}
