/** Dates and score changes as the test shows them, in the current language. */
import { currentLanguage, localize, t } from '../i18n/index.ts';
import type { Assessment, Respondent } from './content.ts';
import { scoreAssessment } from './scoring.ts';
import type { Attempt } from './storage.ts';

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' });
}

/** "+12", "−5" (a true minus sign) or "no change"; a dash when either score is missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return t('test:results.noChange');
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

export function dimensionName(content: Assessment, id: string): string {
  const dimension = content.dimensions.find((d) => d.id === id);
  return dimension ? localize(dimension.name) : id;
}

export function bandLabel(content: Assessment, id: string | null): string {
  const band = content.bands.find((b) => b.id === id);
  return band ? localize(band.label) : '—';
}

/** "Structure · commune · respondent", the parts given; '' when the attempt has no name. */
export function attemptName(attempt: Attempt): string {
  const name = attempt.name;
  if (!name) return '';
  return [name.structure, name.commune, name.respondent].filter((part) => part).join(' · ');
}

/** "for an association or SSE actor": who the test was answered for, as a label says it. */
export function respondentFor(respondent: Respondent): string {
  return t(`test:respondent.for.${respondent}`);
}

/**
 * What tells an attempt apart wherever it is listed: its name if any, who it
 * answered for (attempts from before the choice say nothing), its finish date,
 * its overall score.
 */
export function attemptLabel(content: Assessment, attempt: Attempt): string {
  const date = formatDate(attempt.finishedAt);
  const name = attemptName(attempt);
  const profile = scoreAssessment(content, attempt.answers, attempt.respondent).profile;
  const score = profile?.score != null ? t('test:attempt.score', { score: profile.score }) : t('test:attempt.noScore');
  if (attempt.respondent) {
    const who = respondentFor(attempt.respondent);
    return name ? t('test:attempt.namedFor', { name, who, date, score }) : t('test:attempt.unnamedFor', { who, date, score });
  }
  return name ? t('test:attempt.named', { name, date, score }) : t('test:attempt.unnamed', { date, score });
}

/** Name, who it answered for and date, for headers, legends and the group view that show the scores beside. */
export function attemptShortLabel(attempt: Attempt): string {
  const date = formatDate(attempt.finishedAt);
  const name = attemptName(attempt);
  if (attempt.respondent) {
    const who = respondentFor(attempt.respondent);
    return name ? t('test:attempt.shortNamedFor', { name, who, date }) : t('test:attempt.shortUnnamedFor', { who, date });
  }
  return name ? t('test:attempt.shortNamed', { name, date }) : t('test:attempt.shortUnnamed', { date });
}
