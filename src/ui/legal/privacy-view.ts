import { legalPage } from './legal-page.ts';

/** `#/donnees-personnelles`: what the kit keeps, where, and the legal notice. */
export const privacyView = legalPage('privacy');
