/** team-cards.ts and the caches beside it: a team's cards follow starts and builds, and are kept while the projects do not change. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/game.ts';
import { shieldsAgainst } from '../../src/engine/lookup.ts';
import { quoteProject } from '../../src/engine/projects.ts';
import { mitigationFor } from '../../src/engine/round.ts';
import { cardsOfTeam, cardsOpenTo, sseActorTypesBuilt } from '../../src/engine/team-cards.ts';
import type { GameState, Scenario } from '../../src/engine/types.ts';
import { makeScenario, names, planGame, project, start, team, withProjects } from './fixture.ts';

let s: Scenario;
let g: GameState;
beforeEach(() => {
  s = makeScenario();
  g = planGame(s, 2);
});

const ids = (state: GameState, teamId: string) => cardsOpenTo(state, s, teamId).map((c) => c.id);
const DECK = ['garden', 'wells', 'hall', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce'];

describe("a team's cards", () => {
  it('are the same object, and the same open cards, while the projects are the same list', () => {
    const h = withProjects(g, project('hall', ['team-1']));
    expect(cardsOfTeam(h, s, 'team-1')).toBe(cardsOfTeam(h, s, 'team-1'));
    expect(cardsOpenTo(h, s, 'team-1')).toBe(cardsOpenTo(h, s, 'team-1'));
    // A copy of the state with the same projects list reads the same cards.
    expect(cardsOfTeam({ ...h }, s, 'team-1')).toBe(cardsOfTeam(h, s, 'team-1'));
  });

  it('are read afresh for another scenario, even on the same projects', () => {
    const h = withProjects(g, project('hall', ['team-1']));
    const other = makeScenario();
    const here = cardsOfTeam(h, s, 'team-1');
    const there = cardsOfTeam(h, other, 'team-1');
    expect(there).not.toBe(here);
    expect(there.hasBuilt('hall')).toBe(true);
    // Back to the first scenario after the other: read afresh again, with the same answers.
    const again = cardsOfTeam(h, s, 'team-1');
    expect(again).not.toBe(here);
    expect([again.started, again.built]).toEqual([['hall'], ['hall']]);
  });

  it("after a start, keep the other teams' cards and give the owner its open cards at once", () => {
    expect(ids(g, 'team-1')).toEqual(DECK);
    const other = cardsOfTeam(g, s, 'team-2');
    const h = withProjects(g, project('garden', ['team-1'], { built: false }));
    expect(cardsOfTeam(h, s, 'team-2')).toBe(other);
    const mine = cardsOfTeam(h, s, 'team-1');
    // Worked out from the open cards before the start, without reading the deck again.
    expect(mine.open?.map((c) => c.id)).toEqual([
      'wells',
      'hall',
      'shop',
      'firebreak',
      'concrete',
      'sprawl',
      'coalition',
      'ptce',
    ]);
    expect([mine.started, mine.built, mine.hasStarted('garden'), mine.hasBuilt('garden')]).toEqual([['garden'], [], true, false]);
  });

  it("after a start on a longer list, keep the other teams' cards too, and leave the owner's earlier cards as they were", () => {
    const a = withProjects(g, project('hall', ['team-1']));
    const before = cardsOfTeam(a, s, 'team-1');
    const other = cardsOfTeam(a, s, 'team-2');
    const b = withProjects(a, project('garden', ['team-1'], { built: false }));
    expect(cardsOfTeam(b, s, 'team-2')).toBe(other);
    expect(cardsOfTeam(b, s, 'team-1').started).toEqual(['hall', 'garden']);
    // The cards read from the shorter list still say what that list said.
    expect([before.started, before.hasStarted('garden')]).toEqual([['hall'], false]);
  });

  it('after a start in another scenario, read its deck, not the one last asked', () => {
    const a = withProjects(g, project('hall', ['team-1']));
    // hall is built, but center also needs garden built.
    expect(ids(a, 'team-1')).toEqual(['garden', 'wells', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce']);
    const noShop = makeScenario({
      deckCards: ['garden', 'wells', 'hall', 'center', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce'],
    });
    const b = withProjects(a, project('garden', ['team-1'], { built: false }));
    expect(cardsOpenTo(b, noShop, 'team-1').map((c) => c.id)).toEqual([
      'wells',
      'firebreak',
      'concrete',
      'sprawl',
      'coalition',
      'ptce',
    ]);
  });

  it('after a start, close the cards that exclude the started one', () => {
    expect(ids(g, 'team-1')).toEqual(DECK);
    // firebreak excludes concrete.
    const h = withProjects(g, project('concrete', ['team-1'], { built: false }));
    expect(cardsOfTeam(h, s, 'team-1').open?.map((c) => c.id)).toEqual([
      'garden',
      'wells',
      'hall',
      'shop',
      'sprawl',
      'coalition',
      'ptce',
    ]);
  });

  it('after a start of a card the scenario does not hold, keep the open cards as they were', () => {
    const before = cardsOpenTo(g, s, 'team-1');
    const h = withProjects(g, project('ghost', ['team-1'], { built: false }));
    const mine = cardsOfTeam(h, s, 'team-1');
    expect(mine.open).toBe(before);
    expect([mine.started, mine.hasStarted('ghost')]).toEqual([['ghost'], false]);
  });

  it('read a team first asked after a start from the whole list', () => {
    const a = withProjects(g, project('garden', ['team-1']));
    cardsOfTeam(a, s, 'team-1');
    const b = withProjects(a, project('hall', ['team-2'], { built: false }));
    const theirs = cardsOfTeam(b, s, 'team-2');
    expect([theirs.started, theirs.built, theirs.hasStarted('hall')]).toEqual([['hall'], [], true]);
    expect(cardsOfTeam(b, s, 'team-1').started).toEqual(['garden']);
  });

  it('read every team afresh when a project changed as another was added', () => {
    const a = withProjects(g, project('hall', ['team-1'], { built: false }));
    expect(cardsOfTeam(a, s, 'team-1').built).toEqual([]);
    // One longer, but its first project is now built: not a start alone.
    const b = {
      ...a,
      projects: [
        { ...(a.projects[0] as GameState['projects'][number]), built: true },
        project('shop', ['team-1'], { built: false }),
      ],
    };
    const mine = cardsOfTeam(b, s, 'team-1');
    expect([mine.started, mine.built, mine.hasBuilt('hall'), mine.hasBuilt('shop')]).toEqual([
      ['hall', 'shop'],
      ['hall'],
      true,
      false,
    ]);
  });

  it('read every team afresh when two projects were added at once', () => {
    cardsOfTeam(g, s, 'team-1');
    const h = withProjects(g, project('hall', ['team-1']), project('shop', ['team-1'], { built: false }));
    expect(cardsOfTeam(h, s, 'team-1').started).toEqual(['hall', 'shop']);
  });

  it('list built cards in the order they were started, and their slots', () => {
    const h = withProjects(
      g,
      project('shop', ['team-1']),
      project('garden', ['team-1'], { built: false }),
      project('hall', ['team-1', 'team-2']),
      project('ghost', ['team-1']),
    );
    const mine = cardsOfTeam(h, s, 'team-1');
    expect(mine.started).toEqual(['shop', 'garden', 'hall', 'ghost']);
    expect(mine.built).toEqual(['shop', 'hall', 'ghost']);
    // Slots are the places among the scenario's cards: shop is the 5th, hall the 3rd; ghost has none.
    expect(mine.builtSlots).toEqual([4, 2, -1]);
    expect([mine.pooledBuilt, cardsOfTeam(h, s, 'team-2').pooledBuilt]).toEqual([true, true]);
  });

  it('tell a pooled build from a pooled start', () => {
    const h = withProjects(g, project('garden', ['team-1', 'team-2'], { built: false }), project('hall', ['team-1']));
    expect(cardsOfTeam(h, s, 'team-1').pooledBuilt).toBe(false);
  });

  it('ignore a built card the scenario does not hold when counting SSE types and shields', () => {
    const h = withProjects(g, project('ghost', ['team-1']), project('garden', ['team-1']));
    // garden is an association's card; ghost counts for nothing.
    expect(sseActorTypesBuilt(h, s, 'team-1')).toBe(1);
    // Cooperation 40 points at 1/400 each = 0.1, and garden -30 % of heat: 0.4.
    expect(mitigationFor(h, s, team(h, 'team-1'), 'heat')).toBeCloseTo(0.4, 10);
  });
});

describe('the caches beside them', () => {
  it("keeps each hazard's shields by slot once per scenario", () => {
    const fire = shieldsAgainst(s, 'fire');
    expect(shieldsAgainst(s, 'fire')).toBe(fire);
    // garden (slot 0) does not shield from fire; firebreak (slot 5) -60 %; concrete (slot 6) -20 % + 50 %; sprawl +80 %.
    expect([fire[0], fire[5], fire[6], fire[7]]).toEqual([0, 0.6, -0.3, -0.8]);
  });

  it('gives the same quote for the same state and start, and another for another scenario', () => {
    const action = start('team-1', 'hall');
    const quote = quoteProject(g, s, action);
    expect(quoteProject(g, s, action)).toBe(quote);
    const dear = makeScenario();
    (dear.cards.hall as { cost: number }).cost = 70;
    const other = quoteProject(g, dear, action);
    expect([quote.cost, other.cost]).toEqual([50, 70]);
  });

  it('starts a game with no planned hazard, note, offer or aid', () => {
    const fresh = createGame(s, { seed: 3, teams: names(2) });
    expect([fresh.plannedHazards, fresh.notes, fresh.offers, fresh.aid, fresh.projects]).toEqual([[], [], [], [], []]);
  });
});
