/** Who answers: the "I answer for" choice, an association's questions and scores, the notes; axe and reflow. */
import { content, press, type Respondent, title } from './assessment-helpers.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';

type Question = (typeof content.questions)[number];
/** Read from the content file by the test itself: how a question is put to a respondent. */
const rule = (q: Question, r: Respondent) => q.respondents[r];
const askedOf = (dimension: string, r: Respondent) =>
  content.questions.filter((q) => q.dimension === dimension && rule(q, r) !== 'skipped');
const promptFor = (q: Question, r: Respondent, lang: 'fr' | 'en' = 'fr') => {
  const x = rule(q, r);
  return typeof x === 'string' ? q.prompt[lang] : x.prompt[lang];
};
/** The level given to the i-th question asked on a page: 0, 1, 2, 3, 0, ... */
const level = (i: number) => i % 4;
const sidewaysScroll = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('self-assessment: who answers', () => {
  test('an association skips territory questions, reads adapted prompts and gets every dimension scored', async ({ page }) => {
    // A deep link into the test with nobody chosen comes back to the choice, which says why.
    await open(page, '#/test/questions/seeing-ahead');
    await expect(page).toHaveURL(/#\/test$/);
    await expect(page.locator('#respondent-notice')).toBeVisible();
    await expect(page.locator('#respondent-notice')).toContainText('Choisissez pour qui vous répondez');
    await press(page.locator('#respondent-association'), 'Space');
    await expect(page.locator('#respondent-notice')).toBeHidden();
    await expect(page.locator('label[for="respondent-association"]')).toContainText('36 questions');
    await press(page.getByRole('button', { name: 'Commencer le test' }));

    const skipped = content.questions.filter((q) => rule(q, 'association') === 'skipped');
    expect(skipped.map((q) => q.id)).toContain('water-uses');
    const adapted = content.questions.filter((q) => typeof rule(q, 'association') === 'object');
    expect(adapted.length).toBeGreaterThan(5);
    const expected = new Map<string, number>();
    for (const [i, d] of content.dimensions.entries()) {
      await expect(title(page)).toHaveText(d.name.fr);
      await expect(page.locator('.test-respondent')).toContainText("Vous répondez pour une association ou un acteur de l'ESS");
      const asked = askedOf(d.id, 'association');
      await expect(page.locator('fieldset.question')).toHaveCount(asked.length);
      // What it is not asked is not on the page at all; what it is asked in other words reads so.
      for (const q of skipped.filter((x) => x.dimension === d.id)) await expect(page.locator(`#question-${q.id}`)).toHaveCount(0);
      for (const q of asked)
        await expect(page.locator(`#question-${q.id} .question-prompt`)).toHaveText(promptFor(q, 'association'));
      for (const [n, q] of asked.entries()) await press(page.locator(`#${q.id}-${level(n)}`), 'Space');
      const sum = asked.reduce((total, _, n) => total + level(n), 0);
      expected.set(d.id, Math.round((100 * sum) / (3 * asked.length)));
      const last = i === content.dimensions.length - 1;
      await press(page.getByRole('button', { name: last ? 'Relire mes réponses' : 'Dimension suivante' }));
    }
    await expect(title(page)).toHaveText('Relire vos réponses');
    await expect(page.locator('.test-review-missing')).toHaveCount(0);
    await press(page.getByRole('button', { name: 'Voir mes résultats' }));
    await expect(title(page)).toHaveText('Vos résultats');
    await expect(page.locator('.results-respondent')).toContainText(
      `pour une association ou un acteur de l'ESS. ${skipped.length} questions ne lui sont pas posées`,
    );
    for (const d of content.dimensions) {
      const row = page.locator(`.results-table tbody tr[data-dimension="${d.id}"]`);
      const asked = askedOf(d.id, 'association').length;
      await expect(row.locator('td').nth(0)).toHaveText(String(expected.get(d.id)));
      await expect(row.locator('td').nth(2)).toHaveText(`${asked} sur ${asked}`);
    }
    await expect(page.locator('.results-table')).not.toContainText('Pas assez de réponses');
    const scores = [...expected.values()];
    const overall = Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
    await expect(page.locator('.overall-score')).toContainText(`${overall} sur 100`);
    // The attempt is listed with who it answered for.
    await open(page, '#/test');
    await expect(page.locator('.test-attempts li > span')).toHaveText(
      new RegExp(`^Test du .+, pour une association ou un acteur de l'ESS — ${overall} sur 100$`),
    );
    // A new attempt keeps the same respondent as its default.
    await expect(page.locator('#respondent-association')).toBeChecked();
  });

  test('changing who answers says which answers go, keeps those put in the same words', async ({ page }) => {
    await open(page, '#/test');
    await press(page.locator('#respondent-commune'), 'Space');
    await press(page.getByRole('button', { name: 'Commencer le test' }));
    await expect(page.locator('fieldset.question')).toHaveCount(askedOf('steering-together', 'commune').length);
    // resilience-written-aim is put in other words to an association; mixed-steering-group in the same words.
    await press(page.locator('#resilience-written-aim-3'), 'Space');
    await press(page.locator('#mixed-steering-group-2'), 'Space');
    await open(page, '#/test');
    await expect(page.locator('#respondent-commune')).toBeChecked();
    await press(page.locator('#respondent-association'), 'Space');
    await press(page.getByRole('button', { name: 'Changer pour qui je réponds' }));
    const dialog = page.locator('dialog.confirm-dialog');
    await expect(dialog).toContainText("Répondre désormais pour une association ou un acteur de l'ESS");
    await expect(dialog).toContainText('1 réponse sera effacée');
    await expect(dialog).toContainText(/Réponses gardées\s?: 1\./);
    await press(dialog.getByRole('button', { name: 'Confirmer' }));
    await expect(page.locator('#respondent-association')).toBeChecked();
    await press(page.getByRole('button', { name: 'Reprendre le test' }));
    await expect(page.locator('#mixed-steering-group-2')).toBeChecked();
    await expect(page.locator('input[name="answer-resilience-written-aim"]:checked')).toHaveCount(0);
    const aim = content.questions.find((q) => q.id === 'resilience-written-aim');
    if (aim)
      await expect(page.locator('#question-resilience-written-aim .question-prompt')).toHaveText(promptFor(aim, 'association'));
  });

  for (const lang of ['fr', 'en'] as const)
    for (const width of [1280, 375])
      test(`the choice and a question with its note: no WCAG 2.2 A/AA violation, no sideways scroll (${lang}, ${width} px)`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 800 });
        await open(page, '#/test');
        if (lang === 'en') {
          await press(page.getByRole('button', { name: /EN/ }));
          await expect(title(page)).toHaveText('Self-assessment test');
        }
        const start = page.getByRole('button', { name: lang === 'en' ? 'Start the test' : 'Commencer le test' });
        // Start without a choice: refused, the notice takes the focus.
        await press(start);
        await expect(page.locator('#respondent-notice')).toBeFocused();
        await expect(page.locator('fieldset[aria-describedby~="respondent-notice"]')).toHaveCount(1);
        expect(await axeViolations(page), 'intro with the choice and its notice').toEqual([]);
        expect(await sidewaysScroll(page), 'intro').toBeLessThanOrEqual(0);
        await press(page.locator('#respondent-association'), 'Space');
        await press(start);
        await expect(page.locator('.test-progress')).toHaveText(lang === 'en' ? 'Dimension 1 of 6' : 'Dimension 1 sur 6');
        const first = askedOf('steering-together', 'association')[0];
        const note = page.locator(`#question-${first?.id} details.question-note`);
        await press(note.locator('summary'));
        await expect(note).toHaveAttribute('open', '');
        await expect(note.locator('dt')).toHaveText(
          lang === 'en' ? ['What to look at', 'Who knows'] : ["Ce qu'il faut regarder", 'Qui sait'],
        );
        // After the answers, never over them.
        const answersBox = await page.locator(`#question-${first?.id} .answer-options`).boundingBox();
        const noteBox = await note.boundingBox();
        expect((noteBox?.y ?? 0) >= (answersBox?.y ?? 0) + (answersBox?.height ?? 0)).toBe(true);
        expect(await axeViolations(page), 'question with its note open').toEqual([]);
        expect(await sidewaysScroll(page), 'question page').toBeLessThanOrEqual(0);
      });
});
