/** Team names that tell the teams apart, whatever their case or Unicode composition. */
import { describe, expect, it } from 'vitest';
import { distinctNames, repeatedName } from '../../src/game/setup/team-names.ts';

describe('team names', () => {
  it('finds the first name that repeats an earlier one', () => {
    expect(repeatedName(['Bourg', 'Marais', 'Pins'])).toBe(-1);
    expect(repeatedName(['Bourg', 'Marais', 'bourg'])).toBe(2);
    // "Évreux" typed with a combining accent is the same name as with a precomposed É.
    expect(repeatedName(['\u00c9vreux', 'Marais', 'E\u0301vreux'])).toBe(2);
    expect(repeatedName(['A', 'B', 'B', 'A'])).toBe(2);
  });

  it('numbers the repeats of a hand-edited link', () => {
    expect(distinctNames(['Bourg', 'bourg', 'Bourg'])).toEqual(['Bourg', 'bourg (2)', 'Bourg (3)']);
    expect(distinctNames(['X (2)', 'X', 'X'])).toEqual(['X (2)', 'X', 'X (3)']);
    expect(distinctNames(['Pins', 'Marais'])).toEqual(['Pins', 'Marais']);
  });
});
