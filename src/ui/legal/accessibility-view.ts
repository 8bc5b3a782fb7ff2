import { legalPage } from './legal-page.ts';

/** `#/accessibilite`: the RGAA 4.1 accessibility statement (its figures come from docs/rgaa-4.1-audit.json). */
export const accessibilityView = legalPage('accessibility');
