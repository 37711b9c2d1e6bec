import { test, expect } from '@playwright/test';
import { ROUTES, KEY, loadDemo, expectNoAxeViolations, ready, saveStatus } from './helpers';

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 360 ? 780 : 800 } });

    // One test per route: a slow machine checks eight pages well within a test's time.
    for (const { path } of ROUTES) {
      test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
        await loadDemo(page);
        await page.goto(path);
        await ready(page);
        await expectNoAxeViolations(page, `${path} at ${width}px`);
      });
    }

    test('axe finds no WCAG 2.2 AA violation on a page that does not exist', async ({ page }) => {
      await loadDemo(page);
      await page.goto('/no-such-page');
      await ready(page);
      await expectNoAxeViolations(page, `not found at ${width}px`);
    });

    test('axe finds no violation in the first run, the recovery page and the data confirmations', async ({ page }) => {
      await page.goto('/');
      await ready(page);
      await expectNoAxeViolations(page, `first run at ${width}px`);
      await page.getByRole('button', { name: 'Start my district' }).click(); // shows a field error
      await expectNoAxeViolations(page, `first run with an error at ${width}px`);

      await page.evaluate((k) => localStorage.setItem(k, '{oops'), KEY);
      await page.reload();
      await expect(page.locator('h1')).toHaveText('Your saved data couldn’t be read');
      await expectNoAxeViolations(page, `recovery at ${width}px`);

      await page.getByRole('button', { name: 'Start from the demo' }).click();
      // The demo's code is fetched the first time it is asked for: wait until it is saved.
      await expect(saveStatus(page)).toHaveText('Saved');
      await page.goto('/data');
      await page.getByRole('button', { name: 'Reset…' }).click();
      await expectNoAxeViolations(page, `data with reset confirmation at ${width}px`);
    });

    for (const { path } of ROUTES) {
      test(`nothing scrolls sideways on ${path}`, async ({ page }) => {
        await loadDemo(page);
        await page.goto(path);
        await ready(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      });
    }
  });
}
