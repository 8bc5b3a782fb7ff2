import { describe, expect, it } from 'vitest';
import { manifestNames } from '../../tools/lib/vite-pwa.ts';

describe('web app manifest', () => {
  it("carries the kit's names in French, with English beside them", () => {
    expect(manifestNames()).toEqual({
      name: 'Kit territoire résilient',
      short_name: 'Kit territoire résilient',
      description: "Construire des projets territoriaux résilients avec l'économie sociale et solidaire",
      lang: 'fr',
      name_localized: { en: 'Resilient territory kit' },
      short_name_localized: { en: 'Resilient territory kit' },
      description_localized: { en: 'Building resilient territorial projects with the social and solidarity economy' },
    });
  });
});
