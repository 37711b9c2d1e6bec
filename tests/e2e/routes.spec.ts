import { test, expect } from '@playwright/test';
import { ROUTES, watchErrors, loadDemo, ready } from './helpers';

test('every route renders its one h1 and its own title, with no console error', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  const titles = new Set<string>();
  for (const { path, h1 } of ROUTES) {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(h1);
    const title = await page.title();
    expect(title).toContain('Readyboard');
    titles.add(title);
    // Exactly one landmark of each kind, and the skip link targets main.
    await expect(page.locator('main#main')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  }
  expect(titles.size, 'each route has its own title').toBe(ROUTES.length);
  expect(errors).toEqual([]);
});

test('an unknown path shows page not found, with a way home', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/no/such/page');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Page not found/);
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('h1')).toHaveText(/Launch instructional coaching/);
  expect(errors).toEqual([]);
});

test('a deep link survives a reload, and the current page is marked in the navigation', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/phase-in');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Phase-in plan');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phase-in plan' }))
    .toHaveAttribute('aria-current', 'page');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/data');
  await ready(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('following a link moves focus to the new page’s heading, so the next Tab starts at the top', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/readiness');
  await ready(page);
  const link = page.getByRole('link', { name: 'Canal Street Elementary', exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  const h1 = page.locator('h1');
  await expect(h1).toHaveText('Canal Street Elementary: readiness');
  await expect(h1).toBeFocused();
  // The main navigation works the same way.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data & backup' }).click();
  await expect(page.locator('h1')).toBeFocused();
});
