import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/game/map/draw/labels.ts';

// Every character 10 units wide: easy widths to reason about.
const measure = (text: string) => text.length * 10;

describe('zone name wrapping on the map', () => {
  it('keeps a name that fits on one line', () => {
    expect(wrapWords(measure, 'Le Bourg', 200)).toEqual(['Le Bourg']);
  });

  it('puts as many words on a line as fit', () => {
    expect(wrapWords(measure, 'Clairières agricoles de la Craste', 200)).toEqual(['Clairières agricoles', 'de la Craste']);
  });

  it('gives a word longer than the width a line of its own rather than cutting it', () => {
    expect(wrapWords(measure, 'Sablon-Plage-et-ses-dunes est', 100)).toEqual(['Sablon-Plage-et-ses-dunes', 'est']);
  });

  it('ignores extra spaces and gives no line for an empty name', () => {
    expect(wrapWords(measure, '  Marais   de  l’estuaire ', 120)).toEqual(['Marais de', 'l’estuaire']);
    expect(wrapWords(measure, '   ', 100)).toEqual([]);
  });
});
