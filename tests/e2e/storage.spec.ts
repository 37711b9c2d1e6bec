import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { KEY, loadDemo, saveStatus, storedDocument, storedHead, storedKeys, watchErrors } from './helpers';

/** The schema 1 fixture, as a build before schema 2 stored it: one whole envelope. */
const V1 = readFileSync('tests/fixtures/schema-v1.json', 'utf8');

/** Load the demo and download its backup to `path` (the Data page stays open). */
async function demoBackup(page: Page, path: string): Promise<string> {
  await loadDemo(page);
  await page.goto('/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
  ]);
  await download.saveAs(path);
  return path;
}

/** Another app on this site fills localStorage until only about `chars` characters are free. */
async function leaveFree(page: Page, chars: number) {
  await page.evaluate((chars) => {
    let used = 0;
    for (let i = 0; i < localStorage.length; i++) used += localStorage.key(i)!.length + localStorage.getItem(localStorage.key(i)!)!.length;
    localStorage.setItem('another-app', 'x'.repeat(5 * 1024 * 1024 - used - chars));
  }, chars);
}

async function firstLoad(page: Page) {
  await page.goto('/data');
  await expect(page.locator('h1')).toHaveCount(1);
}

test('the district is stored in parts, and a district stored whole by an older build is read and then kept in parts', async ({ page }) => {
  const errors = watchErrors(page);
  await firstLoad(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, V1]);
  await page.reload();
  await expect(page.getByText('Your data was saved by an older version of Readyboard (schema 1) and has been upgraded.')).toBeVisible();
  await expect(page.locator('.district-name')).toHaveText(/Fixture Unified/);
  // Reading writes nothing.
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(V1);

  await page.getByLabel('District name').fill('Fixture Unified, upgraded');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const head = await storedHead(page);
  expect(head.layout).toBe('parts');
  expect(head.document).toBeNull();
  const doc = await storedDocument(page);
  expect(doc.district.name).toBe('Fixture Unified, upgraded');
  expect(doc.schools.map((s: any) => s.name)).toEqual(JSON.parse(V1).document.schools.map((s: any) => s.name));

  // Reloading writes nothing; another edit rewrites only the part it touched (the core).
  const before = await storedKeys(page);
  await page.reload();
  await expect(page.locator('.district-name')).toHaveText(/upgraded/);
  expect(await storedKeys(page)).toEqual(before);
  await page.getByLabel('District name').fill('Fixture Unified, renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const after = await storedKeys(page);
  const changed = Object.keys(after).filter((k) => k.startsWith('readyboard.p.') && after[k] !== before[k]);
  expect(changed.map((k) => k.replace(/@.*/, ''))).toEqual(['readyboard.p.core']);
  // The untouched parts kept their keys and text.
  for (const k of Object.keys(before).filter((k) => k.startsWith('readyboard.p.') && !k.startsWith('readyboard.p.core@'))) {
    expect(after[k]).toBe(before[k]);
  }
  expect(errors).toEqual([]);
});

test('a lone surrogate in stored text is set aside exactly as it was', async ({ page }) => {
  await firstLoad(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"broken \ud800 text'), KEY);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Your saved data couldn’t be read');
  const same = await page.evaluate((k) => {
    const kept = Object.keys(localStorage).filter((q) => q.startsWith('readyboard.quarantine.'));
    return { kept: kept.length, identical: localStorage.getItem(kept[0]) === '{"broken \ud800 text', main: localStorage.getItem(k) };
  }, KEY);
  expect(same).toEqual({ kept: 1, identical: true, main: null });
});

test('read-only data from a newer build downloads as the stored text itself, which this build will not restore', async ({ page }, info) => {
  await firstLoad(page);
  const newer = V1.replace('"schemaVersion": 1', '"schemaVersion": 99').replace('"appVersion": "0.1.0"', '"appVersion": "9.0.0"');
  expect(newer).toContain('"schemaVersion": 99');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.reload();
  await expect(page.getByTestId('read-only')).toContainText('newer version of Readyboard (9.0.0, schema 99)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('read-only').getByRole('button', { name: 'Download a copy' }).click(),
  ]);
  const path = info.outputPath('copy.json');
  await download.saveAs(path);
  expect(readFileSync(path, 'utf8')).toBe(newer);
  // Restoring that copy here is refused: it is the newer build's data.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Backup file (.json)').setInputFiles(path);
  await expect(page.getByRole('alert')).toContainText('was made by a newer version of Readyboard (9.0.0)');
  expect(await storedKeys(page)).toEqual({});
});

test('a field being typed in keeps the text when another tab saves, and says so', async ({ context }) => {
  const a = await context.newPage();
  await loadDemo(a);
  await a.goto('/data');
  const b = await context.newPage();
  await b.goto('/data');
  await a.getByLabel('District name').fill('Typed In Tab A');
  await b.getByLabel('District name').fill('Saved In Tab B');
  await b.getByRole('button', { name: 'Save name' }).click();
  await expect(saveStatus(b)).toHaveText('Saved');
  await expect(a.getByTestId('name-changed-elsewhere')).toContainText('The district’s name was changed to “Saved In Tab B” (in another tab, or by a restore)');
  await expect(a.getByLabel('District name')).toHaveValue('Typed In Tab A');
  await a.getByRole('button', { name: 'Save name' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Name changed' })).toHaveText('Name changed to “Typed In Tab A”.');
  await expect(saveStatus(a)).toHaveText('Saved');
  expect((await storedDocument(a)).district.name).toBe('Typed In Tab A');
  // And B, which has nothing unsaved, follows.
  await expect(b.getByLabel('District name')).toHaveValue('Typed In Tab A');
});

test('the usage line counts what other data on this site takes', async ({ page }) => {
  await loadDemo(page);
  await page.evaluate(() => localStorage.setItem('another-app', 'x'.repeat(4_900_000)));
  await page.goto('/data');
  const usage = page.getByTestId('storage-usage');
  await expect(usage).toContainText(/Other data kept by this site takes 9\d%, so \d+% is free\./);
  await expect(usage).toHaveClass(/near-full/);
});

test('unavailable storage is said once, in the browser’s own words', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto('/');
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('Browser storage can’t be used here (the browser says: SecurityError: The operation is insecure.)');
  await expect(warning).not.toContainText('unavailable (browser storage is unavailable)');
});

test('restoring refuses a file with damaged characters, one nested too deeply, and one that would not fit', async ({ page }, info) => {
  const path = await demoBackup(page, info.outputPath('backup.json'));
  const good = readFileSync(path);
  const before = await storedKeys(page);
  const input = page.getByLabel('Backup file (.json)');

  // Two bytes that are not UTF-8, inside a school's name.
  const at = good.indexOf(Buffer.from('Linden'));
  const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xfe]), good.subarray(at)]);
  await input.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: damaged });
  await expect(page.getByRole('alert')).toContainText('2 characters are not valid UTF-8');
  await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toHaveCount(0);

  const deep = '['.repeat(5000) + ']'.repeat(5000);
  await input.setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
  await expect(page.getByRole('alert')).toContainText('nested too deeply');
  await expect(page.getByRole('alert')).not.toContainText('cut off');

  // Another app on this site leaves too little room for the backup's district.
  await leaveFree(page, 200);
  const bigger = JSON.parse(good.toString('utf8'));
  bigger.document.district.name = 'A different district';
  await input.setInputFiles({ name: 'bigger.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bigger)) });
  await expect(page.getByRole('alert')).toContainText('This browser does not have room to keep it');
  await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toHaveCount(0);
  await page.evaluate(() => localStorage.removeItem('another-app'));
  expect(await storedKeys(page)).toEqual(before);
});

test('a roster import that would not fit in this browser is refused before its preview', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/phase-in/roster');
  const before = await storedKeys(page);
  await leaveFree(page, 200);
  const rows = ['Name,Level,Enrollment,Reading % proficient,Math % proficient'];
  for (let i = 0; i < 300; i++) rows.push(`Imported School ${i},K-8,${300 + i},45,40`);
  await page.getByLabel('Roster file (.csv or .txt)').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) });
  await expect(page.getByRole('alert').filter({ hasText: 'big.csv' })).toContainText('This browser does not have room to keep it');
  await expect(page.locator('.import-preview')).toHaveCount(0);
  await page.evaluate(() => localStorage.removeItem('another-app'));
  expect(await storedKeys(page)).toEqual(before);
});

test('a date outside 1990–2100 is refused in a restored backup, yet a stored district that has one still opens', async ({ page }, info) => {
  const path = await demoBackup(page, info.outputPath('backup.json'));
  const backup = JSON.parse(readFileSync(path, 'utf8'));
  backup.document.readiness.rounds[0].date = '2206-10-01';
  const before = await storedKeys(page);
  await page.getByLabel('Backup file (.json)').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.getByRole('alert')).toContainText('“2206-10-01” is too far in the future: Readyboard works with dates from 1990-01-01 to 2100-12-31.');
  await expect(page.locator('.confirm')).toHaveCount(0);
  expect(await storedKeys(page)).toEqual(before);

  // Saved by an earlier build, before the range: the district opens as it was.
  await page.evaluate(([k, v]) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('readyboard.')) localStorage.removeItem(key);
    localStorage.setItem(k, v);
  }, [KEY, JSON.stringify({ ...backup, schemaVersion: 1 })]);
  await page.goto('/readiness');
  await expect(page.locator('h1')).toHaveText('Readiness self-assessments');
});
