/**
 * The join code as a person types it: case, spaces and dashes do not matter;
 * what is left must be six letters of the workshop's alphabet.
 */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../session/workshop-protocol.ts';

/** Upper case, without the spaces and dashes people put in to read it out. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export type CodeProblem = 'empty' | 'letters' | 'length';

/** Why a normalised code cannot be one (letters outside the alphabet first: they say what to fix). */
export function codeProblem(code: string): CodeProblem | null {
  if (code.length === 0) return 'empty';
  if ([...code].some((c) => !JOIN_CODE_ALPHABET.includes(c))) return 'letters';
  return code.length === JOIN_CODE_LENGTH ? null : 'length';
}

/** The letters of a code that no code holds (shown back in the error), each once. */
export function strangeLetters(code: string): string[] {
  return [...new Set([...code].filter((c) => !JOIN_CODE_ALPHABET.includes(c)))];
}
