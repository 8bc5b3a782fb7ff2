/**
 * The action plan of one attempt: its recommendations and its "find out first" steps, as rows to fill in
 * (who, by when), exported as CSV and printed on its own. Pure data here; the view is in results-overall.ts.
 */
import type { Assessment } from './content.ts';
import type { AssessmentResults } from './scoring.ts';

export interface ActionRow {
  dimension: string;
  /** The dimension's score, null when it has none. */
  score: number | null;
  kind: 'find-out' | 'recommendation';
  /** Recommendation priority 1..3; 0 for finding out, which comes first. */
  priority: number;
  title: { fr: string; en: string };
  text: { fr: string; en: string };
  guide: string;
}

/** Finding out first (content order), then the chosen recommendations in their order. */
export function actionRows(content: Assessment, results: AssessmentResults): ActionRow[] {
  const score = (id: string) => results.dimensions.find((d) => d.dimension === id)?.score ?? null;
  const findOut = results.findOut.flatMap((id) => {
    const dimension = content.dimensions.find((d) => d.id === id);
    if (!dimension) return [];
    return [
      {
        dimension: id,
        score: score(id),
        kind: 'find-out' as const,
        priority: 0,
        title: dimension.name,
        text: dimension.findOut.text,
        guide: dimension.findOut.guide,
      },
    ];
  });
  const recommended = results.recommendations.map((r) => ({
    dimension: r.dimension,
    score: score(r.dimension),
    kind: 'recommendation' as const,
    priority: r.priority,
    title: r.title,
    text: r.text,
    guide: r.guide,
  }));
  return [...findOut, ...recommended];
}

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break; a leading = + - @ (or tab,
 * carriage return) is neutralised with an apostrophe so a spreadsheet never runs a name as a formula.
 */
export function csvField(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells to CSV, CRLF line ends, with a byte order mark so spreadsheets read the accents. */
export function toCsv(rows: readonly (readonly string[])[], separator: string): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvField(cell, separator)).join(separator)).join('\r\n')}\r\n`;
}
