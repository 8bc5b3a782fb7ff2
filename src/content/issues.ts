/** Content problems in plain words, each with the JSON path where it sits. */
import type { z } from 'zod';

export interface ContentIssue {
  /** JSON path such as $.deck.cards[3] */
  path: string;
  message: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (input === undefined) return 'nothing';
  return `${typeof input} ${String(input)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  tuple: 'a pair of numbers',
};

/** Rewrites zod's issues as sentences a scenario author understands. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const issue of issues) {
    const path = jsonPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({
            path: jsonPath([...issue.path, key]),
            message: `unknown key "${key}" (check its spelling; unknown keys are not allowed)`,
          });
        }
        continue;
      case 'invalid_type': {
        const input = (issue as { input?: unknown }).input;
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        out.push({
          path,
          message:
            input === undefined ? `is missing (expected ${expected})` : `should be ${expected}, not ${describeValue(input)}`,
        });
        continue;
      }
      case 'too_small': {
        const message =
          issue.origin === 'array'
            ? `must have at least ${issue.minimum} items`
            : issue.origin === 'string'
              ? 'must not be empty'
              : `must be at least ${issue.minimum}`;
        out.push({ path, message });
        continue;
      }
      case 'too_big': {
        const what = issue.origin === 'array' ? `have at most ${issue.maximum} items` : `be at most ${issue.maximum}`;
        out.push({ path, message: `must ${what}` });
        continue;
      }
      case 'invalid_value':
        out.push({ path, message: `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` });
        continue;
      case 'invalid_union': {
        const input = (issue as { input?: unknown }).input;
        const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
        out.push({ path, message: type === undefined ? 'is not a valid entry' : `has an unknown type ${JSON.stringify(type)}` });
        continue;
      }
      case 'invalid_key':
        out.push({
          path,
          message: 'has a key that is not an indicator id (breathe, drink, eat, move, live, cohesion, jobs, cooperation)',
        });
        continue;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}
