import { describe, expect, it } from 'vitest';
import { actionRows, csvField, toCsv } from '../../src/assessment/action-plan.ts';
import { type Answers, assessment } from '../../src/assessment/content.ts';
import { scoreAssessment } from '../../src/assessment/scoring.ts';

const content = assessment();

describe('action plan', () => {
  it('puts finding out first, then the recommendations in their order', () => {
    const answers: Answers = {};
    for (const q of content.questions) answers[q.id] = q.dimension === 'seeing-ahead' ? 'unknown' : 1;
    const results = scoreAssessment(content, answers);
    const rows = actionRows(content, results);
    expect(rows[0]).toMatchObject({ kind: 'find-out', dimension: 'seeing-ahead', score: null, priority: 0 });
    expect(rows[0]?.text.en).toContain('Géorisques');
    expect(rows.slice(1).map((r) => r.kind)).toEqual(results.recommendations.map(() => 'recommendation'));
    expect(rows.slice(1).map((r) => r.title.en)).toEqual(results.recommendations.map((r) => r.title.en));
  });

  it('quotes what needs quoting and never lets a spreadsheet run a formula', () => {
    expect(csvField('plain', ';')).toBe('plain');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")', ';')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+33 5', ';')).toBe("'+33 5");
    expect(csvField('@mairie', ';')).toBe("'@mairie");
    expect(toCsv([['a', 'b'], [], ['c']], ';')).toBe('\uFEFFa;b\r\n\r\nc\r\n');
  });
});
