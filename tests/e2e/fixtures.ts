/**
 * Every end-to-end test runs with two guards: the console shows no error and
 * no request leaves the machine.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export const test = base.extend<{ guards: { errors: string[]; external: string[] } }>({
  guards: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && !LOCAL_HOSTS.has(url.hostname)) {
          external.push(request.url());
        }
      });
      const guards = { errors, external };
      await use(guards);
      expect(errors, 'console errors').toEqual([]);
      expect(external, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a route and waits until the app has rendered it. */
export async function open(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`./${hash}`);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.locator('#page-title')).toBeVisible();
}

/** WCAG 2.2 A and AA violations on the page as it stands (2.2 adds targets of at least 24 by 24 pixels). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
