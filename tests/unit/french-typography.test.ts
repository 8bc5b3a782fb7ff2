import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileIssues,
  fixFile,
  fixFrenchText,
  fixJson,
  fixMarkdown,
  frenchFiles,
  isPending,
  ROOT,
} from '../../tools/lib/french-typography.ts';

const NB = '\u00a0';
const NN = '\u202f';

describe('French typography fixer', () => {
  it('puts a narrow no-break space before ; ! ? and a no-break space before : and % and inside « »', () => {
    expect(fixFrenchText('Vraiment ? Oui ! Enfin ; presque')).toBe(`Vraiment${NN}? Oui${NN}! Enfin${NN}; presque`);
    expect(fixFrenchText('Budget : 80 % du coût')).toBe(`Budget${NB}: 80${NB}% du coût`);
    expect(fixFrenchText('le projet « Garage solidaire » démarre')).toBe(`le projet «${NB}Garage solidaire${NB}» démarre`);
    expect(fixFrenchText('deux  espaces  ?')).toBe(`deux  espaces${NN}?`);
  });

  it('leaves interpolations, times, URLs and text without a space alone', () => {
    expect(fixFrenchText('Au tour de : {{team}} ({{share}} %)')).toBe(`Au tour de${NB}: {{team}} ({{share}}${NB}%)`);
    expect(fixFrenchText('De 10:30 à 12:00, 10 h 30')).toBe('De 10:30 à 12:00, 10 h 30');
    expect(fixFrenchText('Voir https://www.defenseurdesdroits.fr/?a=1 ; ou www.exemple.fr/?b !')).toBe(
      `Voir https://www.defenseurdesdroits.fr/?a=1${NN}; ou www.exemple.fr/?b${NN}!`,
    );
    expect(fixFrenchText('déjà?bien:ok')).toBe('déjà?bien:ok');
    expect(fixFrenchText(`déjà${NB}: fait${NN}?`)).toBe(`déjà${NB}: fait${NN}?`);
  });

  it('in Markdown, leaves code, link targets, images, anchors, HTML and fenced blocks alone', () => {
    const source = [
      '## Pourquoi coopérer ? {#why : here}',
      'Lisez [la fiche ?](#/guide/tool?x=1 "titre ?") et `a : b` ![carte](map.svg) <abbr title="a : b">ESS</abbr> !',
      '```',
      'code : intact ?',
      '```',
      '| Colonne | Question ? |',
    ].join('\n');
    expect(fixMarkdown(source)).toBe(
      [
        `## Pourquoi coopérer${NN}? {#why : here}`,
        `Lisez [la fiche${NN}?](#/guide/tool?x=1 "titre ?") et \`a : b\` ![carte](map.svg) <abbr title="a : b">ESS</abbr>${NN}!`,
        '```',
        'code : intact ?',
        '```',
        `| Colonne | Question${NN}? |`,
      ].join('\n'),
    );
  });

  it('in JSON, rewrites French values only: never keys, never English, formatting kept', () => {
    const locale = '{\n  "a : b": "c : d",\n  "list": ["e ?", 3, true]\n}\n';
    expect(fixJson(locale, () => true)).toBe(`{\n  "a : b": "c${NB}: d",\n  "list": ["e${NN}?", 3, true]\n}\n`);
    const localized = '{ "name": { "fr": "Quoi ?", "en": "What ?" }, "id": "x ?" }';
    expect(fixJson(localized, (path) => path.at(-1) === 'fr')).toBe(
      `{ "name": { "fr": "Quoi${NN}?", "en": "What ?" }, "id": "x ?" }`,
    );
    expect(fixJson('{"fr": "a \\" : b"}', () => true)).toBe(`{"fr": "a \\"${NB}: b"}`);
  });

  it('is deterministic and idempotent on every French file', () => {
    for (const file of frenchFiles()) {
      const source = readFileSync(join(ROOT, file.path), 'utf8');
      const once = fixFile(file, source);
      expect(fixFile(file, once), file.path).toBe(once);
      expect(fileIssues(file, once), file.path).toEqual([]);
      if (file.kind !== 'markdown') expect(() => JSON.parse(once), file.path).not.toThrow();
    }
  });
});

describe('French text in the kit', () => {
  const files = frenchFiles();

  it('covers the locales, scenarios, library, content data and Markdown', () => {
    const paths = files.map((f) => f.path);
    for (const expected of [
      'src/i18n/locales/fr/common.json',
      'src/i18n/locales/fr/game.json',
      'src/i18n/locales/fr/legal.json',
      'scenarios/market-town-drought.json',
      'scenarios/library/cards.json',
      'src/course/content/course.json',
      'src/assessment/content/assessment.json',
      'src/guide/content/fr/glossary.md',
      'src/facilitator/content/fr/facilitation.md',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(paths.some((p) => p.includes('/en/'))).toBe(false);
  });

  for (const file of files.filter((f) => !isPending(f.path))) {
    it(`${file.path}: no ordinary space before ; ! ? : % or inside « »`, () => {
      expect(fileIssues(file)).toEqual([]);
    });
  }

  // Areas other branches are editing: listed, counted and shown as to-do, never silently skipped.
  for (const file of files.filter((f) => isPending(f.path))) {
    const count = fileIssues(file).length;
    it.todo(`${file.path}: pending (TYPOGRAPHY_PENDING_AREAS), ${count} ordinary spaces to fix with npm run fix:typography`);
  }
});
