import { readdirSync, readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { jsonStrings } from '../../tools/lib/french-typography.ts';

/**
 * Locale files other branches are editing: their "(s)" plurals, missing French "_many" forms and
 * French-style English figures are theirs to fix; listed here and shown as to-do, not skipped silently.
 */
const LOCALE_PENDING: string[] = [];

const dir = new URL('../../src/i18n/locales/', import.meta.url);
const files = (['fr', 'en'] as const).flatMap((language) =>
  readdirSync(new URL(`${language}/`, dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      language,
      name: `${language}/${name}`,
      strings: jsonStrings(JSON.parse(readFileSync(new URL(`${language}/${name}`, dir), 'utf8'))),
    })),
);

function problems(file: (typeof files)[number]): string[] {
  const out: string[] = [];
  const keys = new Set(file.strings.map((s) => s.path.join('.')));
  for (const { path, text } of file.strings) {
    const key = path.join('.');
    if (/\w\((s|e|es)\)/.test(text)) out.push(`${key}: "(s)" plural in "${text}"`);
    if (text.includes('{{count}}') && !/_(one|other|many)$/.test(key) && !/\{\{count\}\} min\b/.test(text)) {
      out.push(`${key}: a count without plural forms`);
    }
    if (file.language === 'fr' && key.endsWith('_other') && !keys.has(key.replace(/_other$/, '_many'))) {
      out.push(`${key}: no _many form (French plural for 1,000,000 and up)`);
    }
    if (file.language === 'en') {
      if (/[«»\u00a0\u202f]/.test(text)) out.push(`${key}: French quotes or spaces in English: "${text}"`);
      if (/ [%:;?!]/.test(text)) out.push(`${key}: a space before punctuation or % in English: "${text}"`);
      if (/\d,\d{1,2}(?!\d)/.test(text)) out.push(`${key}: a decimal comma in English: "${text}"`);
    }
  }
  return out;
}

describe('locales: plurals and English style', () => {
  for (const file of files) {
    if (LOCALE_PENDING.includes(file.name)) {
      it.todo(`${file.name}: pending (LOCALE_PENDING), ${problems(file).length} problems`);
      continue;
    }
    it(`${file.name}: plural forms for every count, no "(s)", English figures in English style`, () => {
      expect(problems(file)).toEqual([]);
    });
  }

  it('the game picks the right form in both languages (French 0 and 1 are singular)', async () => {
    const game = (language: string) => JSON.parse(readFileSync(new URL(`${language}/game.json`, dir), 'utf8'));
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'fr',
      resources: { fr: { game: game('fr') }, en: { game: game('en') } },
      interpolation: { escapeValue: false },
    });
    const fr = i18n.getFixedT('fr', 'game');
    const en = i18n.getFixedT('en', 'game');
    expect(fr('implement.inProgress', { count: 0 })).toBe('0 projet en cours.');
    expect(fr('implement.inProgress', { count: 1 })).toBe('1 projet en cours.');
    expect(fr('implement.inProgress', { count: 2 })).toBe('2 projets en cours.');
    expect(fr('implement.inProgress', { count: 1_000_000 })).toBe('1000000 projets en cours.');
    expect(fr('department.days', { count: 1 })).toBe('Ingénierie départementale\u00a0: 1 jour restant');
    expect(fr('department.days', { count: 3 })).toBe('Ingénierie départementale\u00a0: 3 jours restants');
    expect(fr('setup.unreadable', { count: 2 })).toBe('2 sauvegardes illisibles ont été ignorées.');
    expect(en('implement.inProgress', { count: 0 })).toBe('0 projects under way.');
    expect(en('implement.inProgress', { count: 1 })).toBe('1 project under way.');
    expect(en('plan.duration', { count: 1 })).toBe('Duration: 1 round');
    expect(en('plan.duration', { count: 2 })).toBe('Duration: 2 rounds');
    expect(en('plan.minPartners', { count: 1 })).toBe('Needs at least 1 partner');
    expect(en('turn.moves', { count: 3 })).toBe('3 more projects possible this round');
  });

  it('the debrief counts the rounds played in French: one round is singular', async () => {
    const debrief = (language: string) => JSON.parse(readFileSync(new URL(`${language}/debrief.json`, dir), 'utf8'));
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'fr',
      resources: { fr: { debrief: debrief('fr') }, en: { debrief: debrief('en') } },
      interpolation: { escapeValue: false },
    });
    const options = (count: number) => ({ scenario: 'Montalbret', count, rounds: 7, target: 54 });
    expect(i18n.getFixedT('fr', 'debrief')('headline.intro', options(1))).toContain(
      '«\u00a0Montalbret\u00a0»\u00a0: 1 manche jouée sur 7.',
    );
    expect(i18n.getFixedT('fr', 'debrief')('headline.intro', options(7))).toContain(': 7 manches jouées sur 7.');
    expect(i18n.getFixedT('en', 'debrief')('headline.intro', options(1))).toContain('“Montalbret”: 1 of 7 rounds played.');
  });
});
