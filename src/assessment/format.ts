/** Dates and score changes as the test shows them, in the current language. */
import { currentLanguage, localize, t } from '../i18n/index.ts';
import type { Assessment } from './content.ts';

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
