/**
 * strike.ts: what one hazard did, commune by commune (struck head-on, spill-over
 * from struck neighbours or spared), the zones it struck, the shields built by
 * its round and what neighbours stopped at the source. Fixture numbers in fixture.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/engine/flow.ts';
import { type CommuneStrike, hazardStrike } from '../../src/engine/strike.ts';
import type { GameEvent, GameState, HazardRecord, Indicators, Scenario } from '../../src/engine/types.ts';
import { CONTINUE, card, hazard, makeScenario, planGame, project, withProjects } from './fixture.ts';

/**
 * A fresh scenario in each test (the engine caches per scenario object), with
 * four extra shields: hedge (fire -40 %), pond (fire -30 %), windbreak (storm
 * -50 %), seawall (storm -30 %); and gale: move -6, strikes forest and
 * farmland (c2 and c3, next to each other), spill 0.3.
 */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
  s.cards.hedge = card('hedge', { mitigates: [{ hazard: 'fire', share: 0.4 }] });
  s.cards.pond = card('pond', { mitigates: [{ hazard: 'fire', share: 0.3 }] });
  s.cards.windbreak = card('windbreak', { mitigates: [{ hazard: 'storm', share: 0.5 }] });
  s.cards.seawall = card('seawall', { mitigates: [{ hazard: 'storm', share: 0.3 }] });
  s.hazards.gale = hazard('gale', { kind: 'storm', impacts: { move: -6 }, zoneKinds: ['forest', 'farmland'], spill: 0.3 });
});

type Effect = HazardRecord['effects'][string];
const took = (exposure: number, mitigation: number, impacts: Partial<Indicators> = {}): Effect => ({
  impacts,
  exposure,
  mitigation,
});

/** The state with one more hazard record, as applyHazard writes it. */
function withHazard(
  state: GameState,
  hazardId: string,
  round: number,
  effects: Record<string, Effect>,
  injected = false,
): GameState {
  return { ...state, hazards: [...state.hazards, { round, hazard: hazardId, injected, effects }] };
}

/** A commune nobody plays, or a played one the hazard did not reach: nothing to show. */
function quiet(commune: string, team: string | null, over: Partial<CommuneStrike> = {}): CommuneStrike {
  return {
    commune,
    team,
    reach: 'spared',
    exposure: 0,
    mitigation: 0,
    impacts: {},
    zones: [],
    shields: [],
    from: [],
    stoppedBy: [],
    ...over,
  };
}

function communes(state: GameState, index?: number): CommuneStrike[] {
  const strike = hazardStrike(state, s, index);
  if (!strike) throw new Error('no hazard strike');
  return strike.communes;
}

const field = <K extends keyof CommuneStrike>(list: CommuneStrike[], key: K) => list.map((c) => c[key]);

describe('which record', () => {
  it('is null when no hazard struck yet, for an index past the records, or for a hazard the scenario does not hold', () => {
    const g = planGame(s, 2);
    expect(hazardStrike(g, s)).toBeNull();
    const one = withHazard(g, 'fire', 1, {});
    expect(hazardStrike(one, s, 1)).toBeNull();
    expect(hazardStrike(one, s, -1)).toBeNull();
    expect(hazardStrike(withHazard(g, 'ghost', 1, {}), s)).toBeNull();
  });

  it("reads the last record by default, any other by its index, with that record's round and injected flag", () => {
    const g = withHazard(withHazard(planGame(s, 2), 'flood', 1, {}, true), 'heat', 2, {});
    expect(hazardStrike(g, s)).toMatchObject({ hazard: 'heat', round: 2, injected: false });
    expect(hazardStrike(g, s, 1)).toMatchObject({ hazard: 'heat', round: 2, injected: false });
    expect(hazardStrike(g, s, 0)).toMatchObject({ hazard: 'flood', round: 1, injected: true });
  });
});

describe('how far it reached', () => {
  it('strikes head-on the commune holding a zone of its kind; its neighbours take the spill-over the record gives', () => {
    // Fire strikes forest (z-wood, c2), spill 0.5; three teams on c1, c2, c3, nobody on c4.
    const g = withHazard(planGame(s, 3), 'fire', 1, {
      'team-1': took(0.45, 0.1, { breathe: -6, live: -3 }),
      'team-2': took(1, 0.1, { breathe: -13, live: -6 }),
      'team-3': took(0.45, 0.1, { breathe: -6, live: -3 }),
    });
    expect(hazardStrike(g, s)).toEqual({
      hazard: 'fire',
      round: 1,
      injected: false,
      zones: ['z-wood'],
      communes: [
        quiet('c1', 'team-1', {
          reach: 'spill',
          exposure: 0.45,
          mitigation: 0.1,
          impacts: { breathe: -6, live: -3 },
          from: ['c2'],
        }),
        quiet('c2', 'team-2', {
          reach: 'struck',
          exposure: 1,
          mitigation: 0.1,
          impacts: { breathe: -13, live: -6 },
          zones: ['z-wood'],
        }),
        // c3 borders c2 (struck) and c4 (not struck): the spill-over comes from c2 only.
        quiet('c3', 'team-3', {
          reach: 'spill',
          exposure: 0.45,
          mitigation: 0.1,
          impacts: { breathe: -6, live: -3 },
          from: ['c2'],
        }),
        quiet('c4', null),
      ],
    });
  });

  it('reckons no spill-over for a commune nobody plays, but shows a struck one as struck head-on', () => {
    // Two teams: c3 (nobody) borders the struck c2.
    const fire = withHazard(planGame(s, 2), 'fire', 1, { 'team-1': took(0.45, 0.1), 'team-2': took(1, 0.1) });
    expect(communes(fire)[2]).toEqual(quiet('c3', null));
    // Flood strikes the coast: c4, played by nobody.
    const flood = withHazard(planGame(s, 2), 'flood', 1, { 'team-1': took(0, 0.1), 'team-2': took(0, 0.1) });
    expect(communes(flood)[3]).toEqual(quiet('c4', null, { reach: 'struck', exposure: 1, zones: ['z-shore'] }));
    expect(hazardStrike(flood, s)?.zones).toEqual(['z-shore']);
  });

  it('has no spill-over from a hazard that does not spill (flood, spill 0), even next to the struck commune', () => {
    const g = withHazard(planGame(s, 4), 'flood', 2, {
      'team-1': took(0, 0.1),
      'team-2': took(0, 0.1),
      'team-3': took(0, 0.1),
      'team-4': took(1, 0.1, { live: -19 }),
    });
    const list = communes(g);
    expect(list[2]).toEqual(quiet('c3', 'team-3', { mitigation: 0.1 }));
    expect(list[3]).toEqual(
      quiet('c4', 'team-4', { reach: 'struck', exposure: 1, mitigation: 0.1, impacts: { live: -19 }, zones: ['z-shore'] }),
    );
  });

  it('names every struck neighbour a spill-over came from, in the order the commune lists them', () => {
    // Storm strikes forest (c2) and coast (c4): c3 sits between them.
    const g = withHazard(planGame(s, 4), 'storm', 1, {
      'team-1': took(0.36, 0.1),
      'team-2': took(1, 0.1),
      'team-3': took(0.36, 0.1),
      'team-4': took(1, 0.1),
    });
    expect(field(communes(g), 'from')).toEqual([['c2'], [], ['c2', 'c4'], []]);
    expect(field(communes(g), 'reach')).toEqual(['spill', 'struck', 'spill', 'struck']);
    expect(hazardStrike(g, s)?.zones).toEqual(['z-wood', 'z-shore']);
  });

  it('takes no spill-over into a commune struck head-on, even from a struck neighbour', () => {
    // Gale strikes forest (c2) and farmland (c3), which border each other; spill 0.3.
    const g = withHazard(planGame(s, 4), 'gale', 1, {
      'team-1': took(0.27, 0.1),
      'team-2': took(1, 0.1),
      'team-3': took(1, 0.1),
      'team-4': took(0.27, 0.1),
    });
    expect(field(communes(g), 'from')).toEqual([['c2'], [], [], ['c3']]);
    expect(field(communes(g), 'zones')).toEqual([[], ['z-wood'], ['z-farm'], []]);
  });

  it('strikes every commune and zone, in the territory order, when it strikes the whole territory (heat)', () => {
    const g = withHazard(planGame(s, 2), 'heat', 3, {
      'team-1': took(1, 0.1, { drink: -6, eat: -3 }),
      'team-2': took(1, 0.1, { drink: -6, eat: -3 }),
    });
    const strike = hazardStrike(g, s);
    expect(strike?.zones).toEqual(['z-town', 'z-wood', 'z-farm', 'z-shore']);
    expect(strike?.round).toBe(3);
    const list = communes(g);
    expect(field(list, 'reach')).toEqual(['struck', 'struck', 'struck', 'struck']);
    expect(field(list, 'exposure')).toEqual([1, 1, 1, 1]);
    expect(field(list, 'zones')).toEqual([['z-town'], ['z-wood'], ['z-farm'], ['z-shore']]);
    expect(field(list, 'from')).toEqual([[], [], [], []]);
    expect(field(list, 'team')).toEqual(['team-1', 'team-2', null, null]);
    expect(field(list, 'impacts')).toEqual([{ drink: -6, eat: -3 }, { drink: -6, eat: -3 }, {}, {}]);
    expect(field(list, 'mitigation')).toEqual([0.1, 0.1, 0, 0]);
  });

  it("lists only a commune's zones of the struck kind, and no struck zone that no commune holds", () => {
    // c3 also holds a copse (forest); a wild forest belongs to no commune.
    const wooded = makeScenario();
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
    ];
    const zone = (id: string) => ({ id, name: { fr: id, en: id }, kind: 'forest' as const, population: 5, polygon: square });
    wooded.territory.zones = [...wooded.territory.zones, zone('z-copse'), zone('z-wild')];
    wooded.territory.communes = wooded.territory.communes.map((c) =>
      c.id === 'c3' ? { ...c, zones: ['z-farm', 'z-copse'] } : c,
    );
    const g = withHazard(planGame(wooded, 4), 'fire', 1, {});
    const strike = hazardStrike(g, wooded);
    expect(strike?.zones).toEqual(['z-wood', 'z-copse']);
    expect(strike?.communes.map((c) => c.zones)).toEqual([[], ['z-wood'], ['z-copse'], []]);
    expect(strike?.communes.map((c) => c.reach)).toEqual(['spared', 'struck', 'struck', 'spared']);
    // c4 borders c3, now struck by fire.
    expect(strike?.communes.map((c) => c.from)).toEqual([['c2'], [], [], ['c3']]);
  });

  it('reads exposure 1 as struck, between 0 and 1 as spill-over, 0 as spared', () => {
    const g = withHazard(planGame(s, 3), 'fire', 1, {
      'team-1': took(1, 0),
      'team-2': took(0.01, 0),
      'team-3': took(0, 0),
    });
    expect(field(communes(g), 'reach')).toEqual(['struck', 'spill', 'spared', 'spared']);
    expect(field(communes(g), 'exposure')).toEqual([1, 0.01, 0, 0]);
  });
});

describe('what shielded it', () => {
  /**
   * Round 3, after a fire in round 2 (c2 struck, c1 spill-over) and a flood in
   * round 3. team-2: firebreak (ready in round 2), concrete (a trap: fire
   * -20 % +50 %), hall (no shield), pond (built in round 3, after the fire), a
   * hedge shared with team-1; team-1: pond (round 1), sprawl (a trap).
   */
  let g: GameState;
  beforeEach(() => {
    g = withProjects(
      { ...planGame(s, 2), round: 3 },
      project('firebreak', ['team-2'], { readyRound: 2 }),
      project('concrete', ['team-2']),
      project('hall', ['team-2']),
      project('pond', ['team-2'], { readyRound: 3, startedRound: 3 }),
      project('hedge', ['team-1', 'team-2']),
      project('pond', ['team-1']),
      project('sprawl', ['team-1']),
    );
    g = withHazard(g, 'fire', 2, { 'team-1': took(0.15, 0.4), 'team-2': took(1, 0.85) });
    g = withHazard(g, 'flood', 3, { 'team-1': took(0, 0.4), 'team-2': took(0, 0.85) });
  });

  it("names the cards of a commune's own projects built by the hazard's round that lessen it (no trap, no other shield)", () => {
    const list = communes(g, 0);
    expect(list[1]?.shields).toEqual(['firebreak', 'hedge']);
    expect(list[0]?.shields).toEqual(['hedge', 'pond']);
  });

  it('names the cards of the struck neighbours that stopped part of the hazard at its source', () => {
    const list = communes(g, 0);
    expect(list[0]?.stoppedBy).toEqual(['firebreak', 'hedge']);
    expect(list[1]?.stoppedBy).toEqual([]);
  });

  it('names no shield where the hazard did not reach', () => {
    expect(field(communes(g, 1), 'shields')).toEqual([[], [], [], []]);
    // Fire, four teams: c4 borders no struck commune, its firebreak shields nothing.
    const far = withHazard(withProjects(planGame(s, 4), project('firebreak', ['team-4'])), 'fire', 1, {
      'team-4': took(0, 0.7),
    });
    expect(communes(far)[3]).toEqual(quiet('c4', 'team-4', { mitigation: 0.7 }));
  });

  it('counts a project once it is built, not while it is under way', () => {
    const heat = withHazard(
      withProjects(planGame(s, 2), project('garden', ['team-1'], { built: false }), project('wells', ['team-2'])),
      'heat',
      1,
      {},
    );
    expect(field(communes(heat), 'shields')).toEqual([[], ['wells'], [], []]);
  });

  it('names each card once when several struck neighbours stopped the hazard with it', () => {
    // Storm strikes c2 and c4; c3 between them. team-2: windbreak; team-4: windbreak, seawall, firebreak (not a storm shield).
    const storm = withHazard(
      withProjects(
        planGame(s, 4),
        project('windbreak', ['team-2']),
        project('windbreak', ['team-4']),
        project('seawall', ['team-4']),
        project('firebreak', ['team-4']),
      ),
      'storm',
      1,
      { 'team-1': took(0.2, 0.1), 'team-2': took(1, 0.6), 'team-3': took(0.2, 0.1), 'team-4': took(1, 0.9) },
    );
    const list = communes(storm);
    expect(field(list, 'stoppedBy')).toEqual([['windbreak'], [], ['windbreak', 'seawall'], []]);
    expect(field(list, 'shields')).toEqual([[], ['windbreak'], [], ['windbreak', 'seawall']]);
  });

  it('stops nothing at a struck neighbour nobody plays', () => {
    // Storm, three teams: c3's spill-over comes from c2 (team-2, windbreak) and c4 (nobody).
    const storm = withHazard(withProjects(planGame(s, 3), project('windbreak', ['team-2'])), 'storm', 1, {
      'team-3': took(0.2, 0.1),
    });
    expect(communes(storm)[2]).toMatchObject({ from: ['c2', 'c4'], stoppedBy: ['windbreak'] });
  });
});

describe('a hazard struck in play', () => {
  it('shows what applyHazard wrote for the round-1 fire planned by the facilitator', () => {
    // team-2 (c2, struck) has a firebreak: mitigation 40 / 400 + 0.6 = 0.7; team-1 (c1): 0.1.
    // c1's exposure: spill 0.5 x (1 - 0.7) = 0.15. Impacts x 0.7 (normal difficulty):
    // c2 breathe 50 - 20 x 0.7 x 0.3 = 45.8 -> 46 (-4), live 55 - 10 x 0.7 x 0.3 = 52.9 -> 53 (-2);
    // c1 breathe 50 - 20 x 0.7 x 0.15 x 0.9 = 48.11 -> 48 (-2), live 55 - 10 x 0.7 x 0.15 x 0.9 = 54.055 -> 54 (-1).
    let g = withProjects(planGame(s, 2), project('firebreak', ['team-2']));
    const events: GameEvent[] = [{ type: 'plan-hazard', round: 1, hazard: 'fire' }, { type: 'skip-phase' }, CONTINUE];
    for (const event of events) g = applyEvent(g, s, event);
    expect(g.phase).toBe('shock');
    expect(hazardStrike(g, s)).toEqual({
      hazard: 'fire',
      round: 1,
      injected: true,
      zones: ['z-wood'],
      communes: [
        quiet('c1', 'team-1', {
          reach: 'spill',
          exposure: 0.15,
          mitigation: 0.1,
          impacts: { breathe: -2, live: -1 },
          from: ['c2'],
          stoppedBy: ['firebreak'],
        }),
        quiet('c2', 'team-2', {
          reach: 'struck',
          exposure: 1,
          mitigation: 0.7,
          impacts: { breathe: -4, live: -2 },
          zones: ['z-wood'],
          shields: ['firebreak'],
        }),
        quiet('c3', null),
        quiet('c4', null),
      ],
    });
  });
});
