import { test, expect } from '@playwright/test';
import { KEY, loadDemo, saveStatus, watchErrors, ready, storedDocument, storedHead, storedKeys } from './helpers';
import { readFileSync } from 'node:fs';

test('first run offers the demo and an empty district; the demo loads 21 schools', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(saveStatus(page)).toHaveText('Not saved: no district yet');
  await expect(page.getByRole('button', { name: 'Explore the Benson demo district' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start my district' })).toBeVisible();
  await page.getByRole('button', { name: 'Explore the Benson demo district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  await expect(page.getByText('21 schools: 12 elementary, 5 middle, 4 high.')).toBeVisible();
  const head = await storedHead(page);
  expect(head.format).toBe('readyboard');
  expect(head.schemaVersion).toBe(5);
  expect(head.layout).toBe('parts');
  expect((await storedDocument(page)).schools).toHaveLength(21);
  expect(errors).toEqual([]);
});

test('start my district asks for a name and explains a blank one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(page.getByText("The district name can't be empty.")).toBeVisible();
  await expect(page.getByLabel('District name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('District name').fill('Lakeside Unified');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(page.locator('.district-name')).toHaveText(/Lakeside Unified/);
  await expect(page.getByTestId('no-schools')).toContainText('No schools yet.');
  await expect(saveStatus(page)).toHaveText('Saved');
  // Not a dead end: the first step is one click away.
  await page.getByRole('link', { name: 'Add schools or import a roster' }).click();
  await expect(page).toHaveURL(/\/phase-in\/roster$/);
  // The brief too says what to do first.
  await page.goto('/phase-in/brief');
  await expect(page.getByTestId('no-schools')).toContainText('This district has no schools yet');
  await page.getByRole('link', { name: 'Add schools or import a roster' }).click();
  await expect(page).toHaveURL(/\/phase-in\/roster$/);
});

test('an edit survives a reload', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/data');
  await page.getByLabel('District name').fill('Benson Unified School District');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.locator('.district-name')).toHaveText(/Benson Unified School District/);
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await ready(page);
  await expect(page.locator('.district-name')).toHaveText(/Benson Unified School District/);
  await expect(page.getByLabel('District name')).toHaveValue('Benson Unified School District');
});

test('the indicator shows Saving… until the debounced save lands', async ({ page }) => {
  await page.clock.install();
  await loadDemo(page);
  await page.goto('/data');
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByLabel('District name').fill('Benson East');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(saveStatus(page)).toHaveText('Saving…');
  await page.clock.runFor(1000);
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('a pending edit is flushed when the page is hidden', async ({ page }) => {
  await page.clock.install();
  await loadDemo(page);
  await page.goto('/data');
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByLabel('District name').fill('Flushed On Hide');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(saveStatus(page)).toHaveText('Saving…');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await storedDocument(page)).district.name).toBe('Flushed On Hide');
});

test('a backup downloads and restores, after a preview; a bad file changes nothing', async ({ page }, info) => {
  await loadDemo(page);
  await page.goto('/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^readyboard-benson-school-district-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = info.outputPath('backup.json');
  await download.saveAs(backupPath);
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup.document.schools).toHaveLength(21);

  // Change the district, then restore the backup.
  await page.getByLabel('District name').fill('Changed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');

  // A broken file is refused with a reason; nothing changes.
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"readyboard"'),
  });
  await expect(page.getByRole('alert')).toContainText('can’t be restored');
  await expect(page.locator('.district-name')).toHaveText(/Changed/);

  await page.getByLabel('Backup file (.json)').setInputFiles(backupPath);
  await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Benson School District');
  await expect(page.locator('.facts')).toContainText('21');
  await expect(page.locator('.district-name')).toHaveText(/Changed/); // not yet
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('reset asks for confirmation, offers a backup first, then returns to the first-run choice', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/data');
  await page.getByRole('button', { name: 'Reset…' }).click();
  await expect(page.getByRole('heading', { name: /Remove “Benson School District” from this browser\?/ })).toBeFocused();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup first' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.district-name')).toHaveText(/Benson/);

  await page.getByRole('button', { name: 'Reset…' }).click();
  await page.getByRole('button', { name: 'Remove the district' }).click();
  await expect(page.getByRole('button', { name: 'Explore the Benson demo district' })).toBeVisible();
  expect(await storedKeys(page)).toEqual({});
  await expect(saveStatus(page)).toHaveText('Not saved: no district yet');
});

test('the data page says how much of the browser’s storage the district takes', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/data');
  const usage = page.getByTestId('storage-usage');
  await expect(usage).toContainText(/Readyboard takes 0\.\d\d million of the about 5\.2 million characters/);
  const keys = await storedKeys(page);
  const stored = Object.entries(keys).reduce((n, [k, v]) => n + k.length + v.length, 0);
  // The figure is every stored key of the district, in millions, to two places.
  await expect(usage).toContainText(`${(stored / 1e6).toFixed(2)} million`);
  await expect(usage).not.toContainText('Other data');
  await expect(usage).not.toHaveClass(/near-full/);
});
