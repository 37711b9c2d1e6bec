import { test, expect } from '@playwright/test';
import { KEY, watchErrors } from './helpers';

const CORRUPT = '{"format":"readyboard","schemaVersion":1,"document":{"district":{"id":"x","na';

test('corrupt stored data gets the recovery page; the raw text is kept aside and downloadable', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Let the app finish loading first: otherwise this page's own start-up may find the
  // corrupt text and quarantine it before the navigation below.
  await expect(page.locator('h1')).toHaveCount(1);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, CORRUPT]);
  await page.goto('/phase-in');
  await expect(page.locator('h1')).toHaveText('Your saved data couldn’t be read');
  await expect(page.getByText('Nothing has been deleted or overwritten.')).toBeVisible();

  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('readyboard.quarantine.')));
  expect(kept).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), kept[0])).toBe(CORRUPT);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path!, 'utf8')).toBe(CORRUPT);

  await page.getByRole('button', { name: 'Start fresh' }).click();
  await expect(page.locator('h1')).toHaveText('Phase-in plan');
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Explore the Benson demo district' })).toBeVisible();
  // The quarantined copy is still there, listed on the Data page.
  await page.goto('/data');
  await expect(page.getByRole('heading', { name: 'Data set aside' })).toBeVisible();
  await expect(page.locator('.aside-list li')).toHaveCount(1);
  expect(errors).toEqual([]);
});
