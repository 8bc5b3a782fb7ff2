import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/content/schema.ts';
import { checkScenario, exclusiveCards, parseJsonText } from '../../src/content/validate.ts';
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

describe('the second edition’s checks, on broken copies of market-town-drought', () => {
  const guide = loadGuideIndex();
  const { library } = loadLibrary(guide);
  // biome-ignore lint/suspicious/noExplicitAny: test cases reach deep into an untyped JSON copy.
  const issuesOf = (change: (s: Record<string, any>) => void) => {
    const copy = structuredClone(valid);
    change(copy);
    const result = checkScenario(copy, { library, guide });
    return result.ok ? [] : result.issues;
  };
  // Communes, in order: montalbret, castera-sur-serene, le-tuquet, les-bordes, peyrelongue, sainte-colombe-des-coteaux.
  // Deck cards 23-25: deep-irrigation-borehole (the trap), reservoir-drinking-water and reservoir-market-gardens (the dilemma).

  it('communes: every zone in exactly one commune', () => {
    expect(
      issuesOf((s) => {
        s.territory.communes[1].zones = ['atlantis'];
      }),
    ).toEqual([
      { path: '$.territory.communes[1].zones[0]', message: 'no zone has the id "atlantis"' },
      { path: '$.territory.zones[5].id', message: 'the zone "irrigated-plain" belongs to no commune' },
    ]);
    expect(
      issuesOf((s) => {
        s.territory.communes[3].zones.push('pine-forest');
      }),
    ).toEqual([
      {
        path: '$.territory.communes[3].zones[1]',
        message: 'the zone "pine-forest" already belongs to the commune "le-tuquet"',
      },
    ]);
  });

  it('communes: neighbours that exist, are not the commune itself, and know each other', () => {
    // Castéra forgets Montalbret, which still lists it first.
    expect(
      issuesOf((s) => {
        s.territory.communes[1].neighbours = ['le-tuquet', 'sainte-colombe-des-coteaux'];
      }),
    ).toEqual([
      {
        path: '$.territory.communes[0].neighbours[0]',
        message: '"castera-sur-serene" does not list "montalbret" as a neighbour',
      },
    ]);
    // Les Bordes lists itself instead of Montalbret (whose third neighbour it is).
    expect(
      issuesOf((s) => {
        s.territory.communes[3].neighbours[0] = 'les-bordes';
      }),
    ).toEqual([
      { path: '$.territory.communes[0].neighbours[2]', message: '"les-bordes" does not list "montalbret" as a neighbour' },
      { path: '$.territory.communes[3].neighbours[0]', message: 'a commune is not its own neighbour' },
    ]);
    expect(
      issuesOf((s) => {
        s.territory.communes[1].neighbours.push('atlantis');
      }),
    ).toEqual([{ path: '$.territory.communes[1].neighbours[3]', message: 'no commune has the id "atlantis"' }]);
    // Six communes, one per team.
    expect(
      issuesOf((s) => {
        s.territory.communes.pop();
      })[0]?.path,
    ).toBe('$.territory.communes');
  });

  it('exclusions go both ways and stay within the deck', () => {
    expect(
      issuesOf((s) => {
        s.cards[7].excludes = [];
      }),
    ).toEqual([
      {
        path: '$.deck.cards[24]',
        message:
          'the card "reservoir-drinking-water" excludes "reservoir-market-gardens", but "reservoir-market-gardens" does not exclude it',
      },
      {
        path: '$.deck.cards[25]',
        message:
          'the dilemma "reservoir-market-gardens" needs a rival dilemma card it excludes, each serving a different essential need first',
      },
    ]);
    // Out of the deck: the exclusion, and the debrief lesson about building it, point at nothing.
    expect(
      issuesOf((s) => {
        s.deck.cards.pop();
      }),
    ).toEqual([
      { path: '$.debrief[11].when.card', message: 'the card "reservoir-market-gardens" is not in this scenario\'s deck' },
      {
        path: '$.deck.cards[24]',
        message: 'the card "reservoir-drinking-water" excludes "reservoir-market-gardens", which is not in the deck',
      },
    ]);
  });

  it('a deck holds a trap, and a trap does harm: it aggravates a hazard or lowers an essential need', () => {
    // deep-irrigation-borehole without its aggravations still lowers drink (-4): still a trap.
    expect(
      issuesOf((s) => {
        s.cards[5].aggravates = [];
      }),
    ).toEqual([]);
    expect(
      issuesOf((s) => {
        s.cards[5].aggravates = [];
        s.cards[5].effects = { eat: 8, jobs: 4 };
      }),
    ).toEqual([
      {
        path: '$.deck.cards[23]',
        message: 'the trap "deep-irrigation-borehole" neither aggravates a hazard nor lowers an essential need',
      },
      { path: '$.deck.cards', message: 'the deck has no trap card (a card with "lesson": "trap")' },
    ]);
    expect(
      issuesOf((s) => {
        delete s.cards[5].lesson;
      }),
    ).toEqual([{ path: '$.deck.cards', message: 'the deck has no trap card (a card with "lesson": "trap")' }]);
  });

  it('a dilemma is between two essential needs', () => {
    // reservoir-market-gardens serving drink first, like reservoir-drinking-water: no dilemma left.
    const rival = 'needs a rival dilemma card it excludes, each serving a different essential need first';
    expect(
      issuesOf((s) => {
        s.cards[7].effects = { drink: 9, jobs: 4, cohesion: 2 };
      }),
    ).toEqual([
      { path: '$.deck.cards[24]', message: `the dilemma "reservoir-drinking-water" ${rival}` },
      { path: '$.deck.cards[25]', message: `the dilemma "reservoir-market-gardens" ${rival}` },
      { path: '$.deck.cards', message: 'the deck has no dilemma (two "lesson": "dilemma" cards that exclude each other)' },
    ]);
  });

  it('a scenario’s own card protects, or aggravates, only hazards its deck can draw', () => {
    // coastal-erosion is a library hazard market-town-drought never draws.
    expect(
      issuesOf((s) => {
        s.cards[4].mitigates.push({ hazard: 'coastal-erosion', share: 0.2 });
      }),
    ).toEqual([
      {
        path: '$.cards[4].mitigates[1].hazard',
        message:
          'the hazard "coastal-erosion" is not in this scenario\'s deck: the card would promise a protection that never plays',
      },
    ]);
    expect(
      issuesOf((s) => {
        s.cards[5].aggravates.push({ hazard: 'coastal-erosion', share: 0.2 });
      }),
    ).toEqual([
      { path: '$.cards[5].aggravates[2].hazard', message: 'the hazard "coastal-erosion" is not in this scenario\'s deck' },
    ]);
  });

  it('refuses a card that can be pooled when no pooling lever funds it', () => {
    expect(
      issuesOf((s) => {
        // Deck card 1, the shared health centre, without the "shared" tag the neighbours' pooling lever asks for.
        s.cards[1].tags = ['services-access', 'solidarity-citizenship'];
      }),
    ).toEqual([
      {
        path: '$.deck.cards[1]',
        message:
          'the card "shared-health-centre" can be pooled, but no pooling lever of this scenario funds it ("pooling-neighbours" needs one of the tags shared)',
      },
    ]);
  });

  it('counts the deck cards no other scenario holds, and loses them when another deck takes them', () => {
    const files = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'].map(
      (id) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as ScenarioFile,
    );
    const MARKET_OWN = [
      'multi-service-shop',
      'shared-health-centre',
      'agroecology-pact',
      'three-commune-pact',
      'cae-branch',
      'cool-islands-greening',
      'deep-irrigation-borehole',
      'reservoir-drinking-water',
      'reservoir-market-gardens',
    ];
    const counts = (map: Map<string, string[]>) => Object.fromEntries([...map].map(([id, cards]) => [id, cards.length]));
    const today = exclusiveCards(files);
    expect(today.get('market-town-drought')).toEqual(MARKET_OWN);
    // At least 8 each, as the validator asks.
    expect(counts(today)).toEqual({
      'market-town-drought': 9,
      'forest-commune-wildfire': 9,
      'coastal-estuary': 9,
      'periurban-brownfield': 10,
    });
    // periurban-brownfield also deals the shop and the health centre: market-town-drought keeps 7, under 8.
    const [market, forest, coastal, periurban] = files as [ScenarioFile, ScenarioFile, ScenarioFile, ScenarioFile];
    const copied = {
      ...periurban,
      deck: { ...periurban.deck, cards: [...periurban.deck.cards, 'multi-service-shop', 'shared-health-centre'] },
    };
    const after = exclusiveCards([market, forest, coastal, copied]);
    expect(after.get('market-town-drought')).toEqual(MARKET_OWN.slice(2));
    expect(after.get('periurban-brownfield')).toHaveLength(10);
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
