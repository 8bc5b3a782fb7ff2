/**
 * The RGAA 4.1 audit grid (docs/rgaa-4.1-audit.json) and the figures the accessibility statement
 * must quote. Rate as RGAA defines it: criteria met ÷ (met + not met), over the criteria checked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CriterionStatus = 'C' | 'NC' | 'NA' | 'NT';

export interface Criterion {
  id: string;
  theme: string;
  subject: string;
  status: CriterionStatus;
  how: string;
}

export interface AuditGrid {
  reference: string;
  date: string;
  criteria: Criterion[];
}

export const GRID_FILE = fileURLToPath(new URL('../../docs/rgaa-4.1-audit.json', import.meta.url));

export function readGrid(file = GRID_FILE): AuditGrid {
  return JSON.parse(readFileSync(file, 'utf8')) as AuditGrid;
}

export interface AuditFigures {
  total: number;
  applicable: number;
  notApplicable: number;
  checked: number;
  met: number;
  notMet: number;
  notTested: number;
  /** Percentage of met criteria among those checked, rounded; null when none was checked. */
  rate: number | null;
  /** Percentage of the applicable criteria that were checked, rounded. */
  coverage: number;
  /** RGAA's three states; with criteria left untested no state but "non conforme" can be claimed. */
  state: 'totalement conforme' | 'partiellement conforme' | 'non conforme';
}

export function auditFigures(grid: AuditGrid): AuditFigures {
  const count = (status: CriterionStatus) => grid.criteria.filter((c) => c.status === status).length;
  const met = count('C');
  const notMet = count('NC');
  const notApplicable = count('NA');
  const notTested = count('NT');
  const checked = met + notMet;
  const applicable = grid.criteria.length - notApplicable;
  const rate = checked === 0 ? null : Math.round((100 * met) / checked);
  let state: AuditFigures['state'] = 'non conforme';
  if (notTested === 0 && rate === 100) state = 'totalement conforme';
  else if (notTested === 0 && rate !== null && rate >= 50) state = 'partiellement conforme';
  return {
    total: grid.criteria.length,
    applicable,
    notApplicable,
    checked,
    met,
    notMet,
    notTested,
    rate,
    coverage: applicable === 0 ? 0 : Math.round((100 * checked) / applicable),
    state,
  };
}
