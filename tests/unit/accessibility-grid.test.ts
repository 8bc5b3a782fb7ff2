import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditFigures, readGrid } from '../../tools/lib/rgaa-grid.ts';

const grid = readGrid();
const figures = auditFigures(grid);
const NBSP = '\u00a0';

function locale<T>(language: 'fr' | 'en', ns: string): T {
  return JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${language}/${ns}.json`, import.meta.url), 'utf8')) as T;
}
const legal = (language: 'fr' | 'en') =>
  locale<{ accessibility: { sections: { heading: string; paragraphs: string[] }[] } }>(language, 'legal');
const footer = (language: 'fr' | 'en') => locale<{ legalLinks: Record<string, string> }>(language, 'common').legalLinks;

function statementText(language: 'fr' | 'en'): string {
  return legal(language)
    .accessibility.sections.flatMap((s) => s.paragraphs)
    .join('\n');
}

describe('RGAA 4.1 audit grid', () => {
  it('lists the 106 criteria of the 13 themes, in order, once each', () => {
    const perTheme = new Map<string, number>();
    for (const c of grid.criteria) perTheme.set(c.id.split('.')[0] ?? '', (perTheme.get(c.id.split('.')[0] ?? '') ?? 0) + 1);
    expect([...perTheme.values()]).toEqual([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
    expect(new Set(grid.criteria.map((c) => c.id)).size).toBe(106);
    expect(grid.criteria[0]?.id).toBe('1.1');
    expect(grid.criteria.at(-1)?.id).toBe('13.12');
  });

  it('says how each criterion was judged, and claims nothing for those not tested', () => {
    for (const c of grid.criteria) {
      expect(['C', 'NC', 'NA', 'NT'], c.id).toContain(c.status);
      expect(c.how.length, c.id).toBeGreaterThan(10);
      expect(c.how.startsWith('Non vérifié'), c.id).toBe(c.status === 'NT');
    }
  });

  it('computes the figures the statement quotes', () => {
    expect(figures).toEqual({
      total: 106,
      applicable: 97,
      notApplicable: 9,
      checked: 8,
      met: 8,
      notMet: 0,
      notTested: 89,
      rate: 100,
      coverage: 8,
      state: 'non conforme',
    });
  });

  it('the French statement and footer quote the grid', () => {
    const text = statementText('fr');
    expect(text).toContain(
      `Sur les ${figures.total} critères du RGAA 4.1, ${figures.notApplicable} ne s'appliquent pas au kit et ${figures.applicable} s'appliquent.`,
    );
    expect(text).toContain(
      `${figures.checked} critères applicables ont été vérifiés${NBSP}: ${figures.met} sont respectés et ${figures.notMet} ne l'est pas, soit un taux de conformité de ${figures.rate}${NBSP}% sur les critères vérifiés.`,
    );
    expect(text).toContain(`Les ${figures.notTested} autres critères applicables`);
    expect(text).toContain(`ce taux ne porte que sur ${figures.coverage}${NBSP}% des critères applicables`);
    expect(text).toContain(`est ${figures.state} avec le RGAA 4.1`);
    expect(footer('fr').accessibilite).toBe(`Accessibilité${NBSP}: ${figures.state}`);
  });

  it('the English statement and footer quote the grid', () => {
    const text = statementText('en');
    const state = {
      'non conforme': 'not compliant',
      'partiellement conforme': 'partially compliant',
      'totalement conforme': 'fully compliant',
    }[figures.state];
    expect(text).toContain(
      `Of the ${figures.total} criteria of RGAA 4.1, ${figures.notApplicable} do not apply to the kit and ${figures.applicable} apply.`,
    );
    expect(text).toContain(
      `${figures.checked} applicable criteria have been checked: ${figures.met} are met and ${figures.notMet} are not, a compliance rate of ${figures.rate}% over the criteria checked.`,
    );
    expect(text).toContain(`The other ${figures.notTested} applicable criteria`);
    expect(text).toContain(`this rate covers only ${figures.coverage}% of the applicable criteria`);
    expect(text).toContain(`is ${state} with RGAA 4.1`);
    expect(footer('en').accessibilite).toBe(`Accessibility: ${state}`);
  });

  it('criterion 8.1 holds: the page declares its document type', () => {
    expect(readFileSync(new URL('../../index.html', import.meta.url), 'utf8').startsWith('<!doctype html>')).toBe(true);
    expect(grid.criteria.find((c) => c.id === '8.1')?.status).toBe('C');
  });
});
