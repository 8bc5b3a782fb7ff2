/**
 * What a hazard did, commune by commune, for the reveal: on periurban-brownfield.
 * Communes in team order: vallaurac-sur-lisse (town-centre, forges-brownfield),
 * saint-romain-de-lisse (lisse-palus wetland, south-bank farmland), cantegrive
 * (commuter-estates town, brandes-forest forest), saint-jean-des-jalles
 * (market-garden-plain), peyrelade (peyrelade-hamlet), montaut (montaut-vineyards).
 * The storm strikes coast, estuary and forest, spills 0.3; the river flood the
 * wetland, spills 0.5; the heatwave everyone, with no spill.
 */
import { describe, expect, it } from 'vitest';
import { applyAction, applyHazard, createGame, hazardStrike, implementProjects } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/types.ts';
import { scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const game = (teams: number): GameState =>
  createGame(s, { seed: 1, teams: Array.from({ length: teams }, (_, i) => `T${i + 1}`) });

describe('what a hazard struck, and what spared or shielded each commune', () => {
  it('a storm strikes Cantegrive’s forest head-on, spills on its neighbours, spares Saint-Jean', () => {
    const strike = hazardStrike(applyHazard(game(4), s, 'storm'), s);
    expect(strike?.zones).toEqual(['brandes-forest']);
    expect([strike?.hazard, strike?.round, strike?.injected]).toEqual(['storm', 1, false]);
    // Exposures as the rules gave them: 0.3 x (1 - 0.0875) = 0.27 for Cantegrive's neighbours.
    expect(strike?.communes.map((c) => [c.commune, c.team, c.reach, c.exposure, c.zones, c.from])).toEqual([
      ['vallaurac-sur-lisse', 'team-1', 'spill', 0.27, [], ['cantegrive']],
      ['saint-romain-de-lisse', 'team-2', 'spill', 0.27, [], ['cantegrive']],
      ['cantegrive', 'team-3', 'struck', 1, ['brandes-forest'], []],
      ['saint-jean-des-jalles', 'team-4', 'spared', 0, [], []],
      // Nobody plays Peyrelade or Montaut: their spill-over is not reckoned.
      ['peyrelade', null, 'spared', 0, [], []],
      ['montaut', null, 'spared', 0, [], []],
    ]);
    expect(strike?.communes[2]).toMatchObject({
      impacts: { live: -6, move: -5, jobs: -2 },
      mitigation: 0.09,
      shields: [],
      stoppedBy: [],
    });
  });

  it('names the built project that shielded the struck commune and stopped part of the spill at the source', () => {
    // Cantegrive (team-3) builds the neighbour solidarity network (storm 0.15): its neighbours' spill falls to 0.23.
    const g = implementProjects(applyAction(game(4), s, start('team-3', 'neighbour-solidarity-network')), s);
    const strike = hazardStrike(applyHazard(g, s, 'storm'), s);
    const [vallaurac, , cantegrive, saintJean] = strike?.communes ?? [];
    expect(cantegrive).toMatchObject({ reach: 'struck', mitigation: 0.25, shields: ['neighbour-solidarity-network'] });
    expect(vallaurac).toMatchObject({
      reach: 'spill',
      exposure: 0.23,
      shields: [],
      from: ['cantegrive'],
      stoppedBy: ['neighbour-solidarity-network'],
    });
    expect(saintJean).toMatchObject({ reach: 'spared', from: [], stoppedBy: [] });
  });

  it('a project built after the shock shielded nothing from it', () => {
    const hit = applyHazard(game(4), s, 'storm');
    const later = implementProjects(applyAction({ ...hit, round: 2 }, s, start('team-3', 'neighbour-solidarity-network')), s);
    expect(later.projects[0]).toMatchObject({ built: true, readyRound: 2 });
    const [vallaurac, , cantegrive] = hazardStrike(later, s, 0)?.communes ?? [];
    expect(cantegrive?.shields).toEqual([]);
    expect(vallaurac?.stoppedBy).toEqual([]);
  });

  it('a flood strikes the wetland of Saint-Romain; a heatwave every zone, with no spill-over', () => {
    const flood = hazardStrike(applyHazard(game(2), s, 'river-flood'), s);
    expect(flood?.zones).toEqual(['lisse-palus']);
    // Vallaurac: 0.5 x (1 - 0.0875) = 0.46 from Saint-Romain.
    expect(flood?.communes.slice(0, 2).map((c) => [c.reach, c.exposure, c.zones, c.from])).toEqual([
      ['spill', 0.46, [], ['saint-romain-de-lisse']],
      ['struck', 1, ['lisse-palus'], []],
    ]);
    const heat = hazardStrike(applyHazard(game(1), s, 'heatwave'), s);
    expect(heat?.zones).toHaveLength(9);
    expect(heat?.communes.map((c) => c.reach)).toEqual(['struck', 'struck', 'struck', 'struck', 'struck', 'struck']);
    expect(heat?.communes[0]?.zones).toEqual(['town-centre', 'forges-brownfield']);
  });

  it('is null before any hazard', () => {
    expect(hazardStrike(game(2), s)).toBeNull();
  });
});
