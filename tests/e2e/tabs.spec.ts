import { test, expect, Page } from '@playwright/test';
import { loadDemo, saveStatus, storedDocument } from './helpers';

async function rename(page: Page, name: string) {
  await page.getByLabel('District name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
}

async function flushByHiding(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}

async function storedName(page: Page) {
  return (await storedDocument(page)).district.name;
}

test('a tab with no unsaved edits takes the other tab’s newer save', async ({ context }) => {
  const a = await context.newPage();
  await loadDemo(a);
  await a.goto('/data');
  const b = await context.newPage();
  await b.goto('/data');
  await expect(b.locator('.district-name')).toHaveText(/Benson School District/);

  await rename(b, 'Saved In Tab B');
  await expect(saveStatus(b)).toHaveText('Saved');
  await expect(a.locator('.district-name')).toHaveText(/Saved In Tab B/);
  await expect(a.getByText('Updated with changes saved in another tab.')).toBeVisible();
  await expect(a.getByLabel('District name')).toHaveValue('Saved In Tab B');
  // And A goes on saving on top of B's revision.
  await rename(a, 'Then Tab A');
  await expect(saveStatus(a)).toHaveText('Saved');
  await expect(b.locator('.district-name')).toHaveText(/Then Tab A/);
});

test('a tab with unsaved edits is told, and neither side is overwritten until the person chooses', async ({ context }) => {
  const a = await context.newPage();
  await a.clock.install(); // hold A's debounced save, so A has unsaved edits
  await loadDemo(a); // replacing the district saves at once, with no timer
  await a.goto('/data');
  await a.clock.pauseAt(Date.now() + 60_000); // from here on, timers run only when told
  const b = await context.newPage();
  await b.goto('/data');

  await rename(a, 'Unsaved In A');
  await expect(saveStatus(a)).toHaveText('Saving…');
  await rename(b, 'Saved In B');
  await flushByHiding(b); // the fake clock is shared by the context: B saves as a hidden tab does
  await expect(saveStatus(b)).toHaveText('Saved');

  const conflict = a.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('changed in another tab while this tab had unsaved edits');
  await expect(saveStatus(a)).toHaveText('Not saved: changed in another tab');
  await expect(a.locator('.district-name')).toHaveText(/Unsaved In A/); // A keeps its edits
  await a.clock.runFor(2000);
  expect(await storedName(a)).toBe('Saved In B'); // B's save is not clobbered

  await a.getByRole('button', { name: 'Keep this tab’s version' }).click();
  await expect(conflict).toBeHidden();
  await expect(saveStatus(a)).toHaveText('Saved');
  expect(await storedName(a)).toBe('Unsaved In A');
  await expect(b.locator('.district-name')).toHaveText(/Unsaved In A/); // B was clean: it follows

  // Second round: this time A takes B's version.
  await rename(a, 'Dropped In A');
  await rename(b, 'Kept From B');
  await flushByHiding(b);
  await expect(conflict).toBeVisible();
  await a.getByRole('button', { name: 'Use the other tab’s version' }).click();
  await expect(a.locator('.district-name')).toHaveText(/Kept From B/);
  // The page is drawn again from B's version: its form holds nothing of A's dropped edit.
  await expect(a.getByLabel('District name')).toHaveValue('Kept From B');
  await a.clock.runFor(2000);
  expect(await storedName(a)).toBe('Kept From B');
});
