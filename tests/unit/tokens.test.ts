import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TOKENS = readFileSync('src/ui/tokens.css', 'utf8');
const STYLES = readFileSync('src/ui/styles.css', 'utf8');

/** The custom properties of tokens.css, name (without the dashes) to value. */
function tokens(css: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/--([a-z0-9-]+)\s*:\s*([^;]+);/g))
    found.set(name as string, (value as string).trim());
  return found;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = Number.parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('design tokens', () => {
  const values = tokens(TOKENS);
  const colour = (name: string) => {
    const value = values.get(name);
    expect(value, `--${name}`).toMatch(/^#[0-9a-f]{6}$/i);
    return value as string;
  };

  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #777 on white is the well-known near miss: 4.48:1, under the 4.5:1 of body text.
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#777777')).toBeCloseTo(4.48, 2);
  });

  it('defines the colour, spacing, type and icon scales', () => {
    for (const name of [
      'ink',
      'muted',
      'paper',
      'wash',
      'accent',
      'accent-ink',
      'link',
      'warn',
      'warn-wash',
      'info-wash',
      'focus',
    ])
      colour(name);
    expect(values.get('space-1')).toBe('0.25rem');
    expect(values.get('space-4')).toBe('1rem');
    expect(values.get('space-6')).toBe('2rem');
    expect(values.get('text-base')).toBe('1rem');
    for (const name of [
      'space-2',
      'space-3',
      'space-5',
      'text-sm',
      'text-lg',
      'text-xl',
      'text-2xl',
      'icon-sm',
      'icon-md',
      'icon-lg',
    ])
      expect(values.get(name), `--${name}`).toMatch(/^\d*\.?\d+rem$/);
    expect(values.get('leading-normal')).toBe('1.55');
  });

  it('gives text 4.5:1 or better on every background it is set on', () => {
    const pairs: [string, string][] = [
      ['ink', 'paper'],
      ['ink', 'wash'],
      ['ink', 'info-wash'],
      ['ink', 'warn-wash'],
      ['muted', 'paper'],
      ['muted', 'wash'],
      ['muted', 'info-wash'],
      ['accent', 'paper'],
      ['accent', 'wash'],
      ['accent-ink', 'accent'],
      ['link', 'paper'],
      ['link', 'wash'],
      ['link', 'info-wash'],
      ['warn', 'paper'],
      ['warn', 'warn-wash'],
    ];
    for (const [text, background] of pairs)
      expect(contrast(colour(text), colour(background)), `--${text} on --${background}`).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the focus ring and the edges of controls 3:1 or better', () => {
    for (const background of ['paper', 'wash', 'info-wash'])
      expect(contrast(colour('focus'), colour(background)), `--focus on --${background}`).toBeGreaterThanOrEqual(3);
    expect(contrast(colour('line-strong'), colour('paper'))).toBeGreaterThanOrEqual(3);
  });

  it('is loaded with the kit stylesheet, and styles.css no longer defines the colours itself', () => {
    expect(STYLES).toMatch(/@import\s+["']\.\/tokens\.css["'];/);
    expect(tokens(STYLES).size).toBe(0);
  });
});
