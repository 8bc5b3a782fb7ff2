/** Per-scenario lookups: lever eligibility, shields (exact hazard minus aggravation), struck communes. */
import { describe, expect, it } from 'vitest';
import { leverFits, lookup, shieldShare, struckCommunes } from '../../src/engine/lookup.ts';
import { card, lever, makeScenario } from './fixture.ts';

describe('lever eligibility', () => {
  const open = lever('any', 'solidarity-territory-contract');
  const tagged = lever('eco', 'call-for-projects', { tagsAny: ['ecological-transition', 'shared'] });
  const typed = lever('sse', 'integration-clause', { actorTypes: ['cooperative', 'scic'] });

  it('fits any card when it names no tag and no actor type', () => {
    expect(leverFits(open, card('x'), undefined)).toBe(true);
  });

  it('needs one of its tags', () => {
    expect(leverFits(tagged, card('x', { tags: ['shared'] }), 'association')).toBe(true);
    expect(leverFits(tagged, card('x', { tags: ['public-works'] }), 'association')).toBe(false);
    expect(leverFits(tagged, card('x'), 'association')).toBe(false);
  });

  it('needs one of its actor types, and a known actor', () => {
    expect(leverFits(typed, card('x'), 'scic')).toBe(true);
    expect(leverFits(typed, card('x'), 'association')).toBe(false);
    expect(leverFits(typed, card('x'), undefined)).toBe(false);
  });
});

describe('scenario lookup', () => {
  it('is computed once per scenario', () => {
    const s = makeScenario();
    expect(lookup(s)).toBe(lookup(s));
    expect(lookup(makeScenario())).not.toBe(lookup(s));
  });

  it('indexes the deck, the levers, the eligible levers, effects, actor types and neighbours', () => {
    const s = makeScenario();
    const index = lookup(s);
    expect(index.inDeck.has('garden')).toBe(true);
    expect(index.inDeck.has('stray')).toBe(false);
    expect(index.lever.get('call')?.share).toBe(0.35);
    // garden: eco + shared tags, association -> contract, call, eng, pool (not the clause).
    expect([...(index.eligible.get('garden') ?? [])]).toEqual(['contract', 'call', 'eng', 'pool']);
    // hall: a cooperative without eco or shared tags -> contract, eng, clause.
    expect([...(index.eligible.get('hall') ?? [])]).toEqual(['contract', 'eng', 'clause']);
    expect([...(index.eligible.get('wells') ?? [])]).toEqual(['contract', 'eng', 'pool']);
    expect(index.effects.get('garden')).toEqual([
      ['eat', 8],
      ['cohesion', 3],
    ]);
    expect(index.actorType.get('garden')).toBe('association');
    expect(index.actorType.get('wells')).toBe('local-authority');
    expect(index.neighbours.get('c2')).toEqual(['c1', 'c3']);
    expect(index.neighbours.get('c4')).toEqual(['c3']);
  });

  it('gives no actor type to a card whose actor is unknown', () => {
    const s = makeScenario();
    s.cards.orphan = card('orphan', { actor: 'nobody' });
    const index = lookup(s);
    expect(index.actorType.has('orphan')).toBe(false);
    expect([...(index.eligible.get('orphan') ?? [])]).toEqual(['contract', 'eng']);
  });
});

describe('shields', () => {
  it('is exactly what the card lists against that hazard, minus what it aggravates', () => {
    const s = makeScenario();
    expect(shieldShare(s, 'firebreak', 'fire')).toBe(0.6);
    // concrete: fire -20 % but +50 % -> 0.2 - 0.5 = -0.3.
    expect(shieldShare(s, 'concrete', 'fire')).toBeCloseTo(-0.3, 10);
    expect(shieldShare(s, 'sprawl', 'fire')).toBe(-0.8);
    expect(shieldShare(s, 'garden', 'heat')).toBe(0.3);
    expect(shieldShare(s, 'firebreak', 'heat')).toBe(0);
    expect(shieldShare(s, 'concrete', 'flood')).toBe(0);
    expect(shieldShare(s, 'ghost-card', 'fire')).toBe(0);
  });

  it('adds several lines for the same hazard', () => {
    const s = makeScenario();
    s.cards.dyke = card('dyke', {
      mitigates: [
        { hazard: 'flood', share: 0.25 },
        { hazard: 'flood', share: 0.5 },
        { hazard: 'fire', share: 0.1 },
      ],
      aggravates: [
        { hazard: 'flood', share: 0.125 },
        { hazard: 'heat', share: 0.5 },
      ],
    });
    // 0.25 + 0.5 - 0.125 = 0.625.
    expect(shieldShare(s, 'dyke', 'flood')).toBe(0.625);
    expect(shieldShare(s, 'dyke', 'heat')).toBe(-0.5);
  });

  it('is cached per card and hazard (a scenario never changes in play)', () => {
    const s = makeScenario();
    expect(shieldShare(s, 'firebreak', 'fire')).toBe(0.6);
    expect(shieldShare(s, 'firebreak', 'flood')).toBe(0);
    s.cards.firebreak = card('firebreak', { mitigates: [{ hazard: 'fire', share: 0.1 }] });
    expect(shieldShare(s, 'firebreak', 'fire')).toBe(0.6);
    expect(shieldShare(s, 'firebreak', 'flood')).toBe(0);
  });
});

describe('struck communes', () => {
  it('holds a zone of a kind the hazard strikes', () => {
    const s = makeScenario();
    expect([...struckCommunes(s, 'fire')]).toEqual(['c2']);
    expect([...struckCommunes(s, 'flood')]).toEqual(['c4']);
    expect([...struckCommunes(s, 'storm')]).toEqual(['c2', 'c4']);
  });

  it('is every commune for a territory-wide hazard (and an unknown one)', () => {
    const s = makeScenario();
    expect([...struckCommunes(s, 'heat')]).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect([...struckCommunes(s, 'ghost')]).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('ignores a zone id the territory does not define, and is cached', () => {
    const s = makeScenario();
    s.territory.communes = [
      { id: 'c1', name: { fr: 'c1', en: 'c1' }, zones: ['z-missing'], neighbours: ['c2'] },
      { id: 'c2', name: { fr: 'c2', en: 'c2' }, zones: ['z-missing', 'z-shore'], neighbours: ['c1'] },
    ];
    const struck = struckCommunes(s, 'flood');
    expect([...struck]).toEqual(['c2']);
    expect(struckCommunes(s, 'flood')).toBe(struck);
  });
});
