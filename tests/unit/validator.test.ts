import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario, parseJsonText } from '../../src/content/validate.ts';
import { libraryJsonSchema, scenarioJsonSchema } from '../../tools/export-schema.ts';
import { loadGuideIndex, loadLibrary } from '../../tools/lib/content.ts';

const dir = mkdtempSync(join(tmpdir(), 'rtk-validate-'));
const valid = JSON.parse(readFileSync('scenarios/market-town-drought.json', 'utf8'));

function runValidate(...files: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tools/validate.ts', ...files], { encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

function writeCase(name: string, content: string): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, content);
  return file;
}

// biome-ignore lint/suspicious/noExplicitAny: test cases reach deep into an untyped JSON copy.
function mutated(change: (s: Record<string, any>) => void): string {
  const copy = structuredClone(valid);
  change(copy);
  return JSON.stringify(copy);
}

describe('npm run validate', () => {
  it('passes every scenario and library file', () => {
    const { code, out } = runValidate();
    expect(out).toContain('OK    scenarios/market-town-drought.json');
    expect(out).toContain('OK    scenarios/library/cards.json');
    expect(out.match(/^OK /gm)?.length).toBe(8);
    expect(code).toBe(0);
  });

  const cases: [string, string, RegExp][] = [
    ['empty', '', /\$: the file is empty/],
    ['not-json', '{"id": "x",, }', /\$: the file is not valid JSON at line 1, column \d+/],
    ['huge', `{"pad": "${'x'.repeat(2_100_000)}"}`, /\$: the file is too large/],
    ['array', '[1, 2]', /\$: should be an object, not a list/],
    [
      'unknown-key',
      mutated((s) => {
        s.rounds = 7;
        s.roundz = 8;
      }),
      /\$\.roundz: unknown key "roundz"/,
    ],
    [
      'missing-english',
      mutated((s) => {
        delete s.title.en;
      }),
      /\$\.title\.en: is missing/,
    ],
    [
      'empty-french',
      mutated((s) => {
        s.summary.fr = '  ';
      }),
      /\$\.summary\.fr: must not be empty/,
    ],
    [
      'bad-number',
      mutated((s) => {
        s.rounds = 99;
      }),
      /\$\.rounds: must be at most 12/,
    ],
    [
      'wrong-type',
      mutated((s) => {
        s.funding.startBudget = 'lots';
      }),
      /\$\.funding\.startBudget: should be a number, not the text "lots"/,
    ],
    [
      'duplicate-card',
      mutated((s) => {
        s.cards.push({ ...s.cards[0] });
      }),
      /\$\.cards\[\d+\]\.id: the card id "[a-z-]+" is used twice/,
    ],
    [
      'unknown-deck-card',
      mutated((s) => {
        s.deck.cards[2] = 'flying-carpet';
      }),
      /\$\.deck\.cards\[2\]: no card has the id "flying-carpet"/,
    ],
    [
      'unknown-actor',
      mutated((s) => {
        s.cards[0].actor = 'nobody';
      }),
      /\$\.cards\[0\]\.actor: no actor has the id "nobody"/,
    ],
    [
      'unknown-hazard',
      mutated((s) => {
        s.deck.hazards[0].hazard = 'meteor';
      }),
      /\$\.deck\.hazards\[0\]\.hazard: no hazard has the id "meteor"/,
    ],
    [
      'unknown-lever',
      mutated((s) => {
        s.funding.levers[0].lever = 'lottery';
      }),
      /\$\.funding\.levers\[0\]\.lever: no lever has the id "lottery"/,
    ],
    [
      'unknown-guide',
      mutated((s) => {
        s.debrief[0].guide = 'fund-the-project#nowhere';
      }),
      /\$\.debrief\[0\]\.guide: the guide has no section "fund-the-project#nowhere"/,
    ],
    [
      'unknown-indicator',
      mutated((s) => {
        s.cards[0].effects = { happiness: 3 };
      }),
      /\$\.cards\[0\]\.effects\.happiness: unknown key "happiness"/,
    ],
    [
      'missing-indicator',
      mutated((s) => {
        s.indicators = s.indicators.slice(1);
      }),
      /\$\.indicators: the indicator "[a-z]+" is missing/,
    ],
    [
      'off-map',
      mutated((s) => {
        s.territory.zones[0].polygon[0] = [999, 999];
      }),
      /\$\.territory\.zones\[0\]\.polygon: a point lies outside/,
    ],
    [
      'bad-debrief-type',
      mutated((s) => {
        s.debrief[0].when = { type: 'moon-phase' };
      }),
      /\$\.debrief\[0\]\.when\.type: has an unknown type "moon-phase"/,
    ],
    [
      'library-clash',
      mutated((s) => {
        s.cards[0].id = 'producer-shop';
      }),
      /already in the shared library/,
    ],
  ];

  it.each(cases)(
    'refuses a malformed file (%s), naming the file and the path, without a stack trace',
    (name, content, expected) => {
      const file = writeCase(name, content);
      const { code, out } = runValidate(file);
      expect(code).toBe(1);
      expect(out).toContain(`ERROR ${file}: `);
      expect(out).toMatch(expected);
      expect(out).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    },
  );

  it('explains a missing file and a folder', () => {
    const { code, out } = runValidate(join(dir, 'does-not-exist.json'), dir);
    expect(code).toBe(1);
    expect(out).toMatch(/does-not-exist\.json: \$: the file does not exist/);
    expect(out).toMatch(/: \$: this is a folder, not a file/);
  });

  it('names the file whose id does not match its name', () => {
    const file = writeCase('other-name', JSON.stringify(valid));
    expect(runValidate(file).out).toMatch(/\$\.id: the id "market-town-drought" does not match the file name/);
  });
});

describe('content checks as functions', () => {
  it('parse JSON text and explain failures', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText('\uFEFF{"a":1}').ok).toBe(true);
    const broken = parseJsonText('{\n  "a": \n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]?.message).toBe('the file is not valid JSON at line 3, column 1 (expected a value)');
  });

  it('accept the real scenario and reject a dangling debrief card', () => {
    const guide = loadGuideIndex();
    const { library } = loadLibrary(guide);
    expect(checkScenario(valid, { library, guide }).ok).toBe(true);
    const copy = structuredClone(valid);
    copy.debrief[0].when = { type: 'card-built', card: 'not-in-deck' };
    const result = checkScenario(copy, { library, guide });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('$.debrief[0].when.card');
  });
});

describe('JSON Schema files', () => {
  it('are up to date with the zod schemas (run npm run schema after changing them)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchema());
    expect(readFileSync('scenarios/library/library.schema.json', 'utf8')).toBe(libraryJsonSchema());
  });

  it('are referenced by every content file', () => {
    for (const f of ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield']) {
      expect(JSON.parse(readFileSync(`scenarios/${f}.json`, 'utf8')).$schema).toBe('./scenario.schema.json');
    }
  });
});
