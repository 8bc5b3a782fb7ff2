import { describe, expect, it } from 'vitest';
import { guidePage } from '../../src/guide/content.ts';

describe('the sources page', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`cites the source sheet, its further reading, the compass and the public tools (${language})`, () => {
      const page = guidePage(language, 'sources');
      expect(page?.kind).toBe('sources');
      const text = page?.body ?? '';
      for (const name of [
        'RTES',
        '13',
        '2021',
        'TRESSONS',
        '2020',
        'Ille-et-Vilaine',
        '2019',
        'RepèrESS',
        '2016',
        'CEREMA',
        'Boussole de la résilience',
        'Géorisques',
        'Climadiag Commune',
        'TACCT',
        'Territoires en Transitions',
        'Diag360',
        'DICRIM',
        'PCS',
        'réserve communale de sécurité civile',
      ])
        expect(text, name).toContain(name);
      expect(page?.sections.map((s) => s.id)).toEqual([
        '',
        'source-sheet',
        'further-reading',
        'resilience-compass',
        'public-tools',
        'commune-instruments',
      ]);
      // No address is invented: the page names the documents and tools, it does not link outside the kit.
      expect(text).not.toMatch(/https?:\/\//);
    });
  }
});
