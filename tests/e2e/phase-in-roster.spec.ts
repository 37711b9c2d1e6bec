import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { KEY, loadDemo, ready, saveStatus, expectNoAxeViolations, watchErrors, storedDocument } from './helpers';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/h3-shots';

async function openRoster(page: Page) {
  await page.goto('/phase-in/roster');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('School roster');
}

function addSection(page: Page) {
  return page.locator('section', { has: page.getByRole('heading', { name: 'Add a school', exact: true }) });
}

function importSection(page: Page) {
  return page.locator('section', { has: page.getByRole('heading', { name: 'Import a roster from a CSV file' }) });
}

function rosterRow(page: Page, name: string) {
  return page.locator('table.roster tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });
}

/** The schools as stored, so a test can show that nothing was written. */
async function storedSchools(page: Page): Promise<unknown> {
  return (await storedDocument(page))?.schools;
}

async function chooseCsv(page: Page, name: string, text: string) {
  await page.getByLabel('Roster file (.csv or .txt)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const BAD_CSV = [
  'Name,Level,Enrollment,Reading % proficient,Math % proficient',
  'Zephyr Elementary,Elementary,300,120,40',
  'Yarrow Middle School,Middle,abc,50,50',
  'Willow High School,High,900,55,48',
].join('\n');

const GOOD_CSV = [
  'School,Type,Enrollment,Principal',
  'Quarry Hill Elementary,Elementary,388,Ms Lee',
  'ash grove elementary,,430,Mr Ode',
].join('\r\n');

test('add a school (with a mistake first), edit it, remove it and undo', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await openRoster(page);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Phase-in plan' })).toHaveAttribute('href', '/phase-in');
  await expect(page.locator('table.roster tbody tr')).toHaveCount(21);

  const add = addSection(page);
  await add.getByLabel('School name').fill('Quarry Hill Elementary');
  await add.getByLabel('Level', { exact: true }).fill('Elementary');
  await add.getByLabel('Enrollment', { exact: true }).fill('four hundred');
  await add.getByLabel('Reading % proficient').fill('41.5');
  await add.getByRole('button', { name: 'Add the school' }).click();
  const enrollment = add.getByLabel('Enrollment', { exact: true });
  await expect(add.getByRole('alert')).toHaveText('Enrollment is a whole number, like 412.');
  await expect(enrollment).toHaveAttribute('aria-invalid', 'true');
  await expect(enrollment).toHaveAttribute('aria-describedby', 'add-error');
  await expect(enrollment).toBeFocused();
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toHaveCount(0);

  // Fix it, from the keyboard.
  await enrollment.fill('430');
  await enrollment.press('Enter');
  await expect(add.getByRole('status')).toHaveText('Added “Quarry Hill Elementary” to the roster.');
  await expect(add.getByRole('alert')).toHaveCount(0);
  const row = rosterRow(page, 'Quarry Hill Elementary');
  await expect(row).toContainText('430');
  await expect(row).toContainText('41.5%');
  await expect(row.getByRole('link', { name: 'Quarry Hill Elementary' })).toHaveAttribute('href', /^\/readiness\/[0-9a-f-]{36}$/);
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  await ready(page);
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toContainText('430');

  // Edit: focus goes to the first field, and back to the Edit button after saving.
  await page.getByRole('button', { name: 'Edit Quarry Hill Elementary' }).click();
  await expect(page.locator('#edit-name')).toBeFocused();
  await expect(page.locator('#edit-name')).toHaveValue('Quarry Hill Elementary');
  await page.locator('#edit-reading').fill('47');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toContainText('47%');
  await expect(page.getByRole('button', { name: 'Edit Quarry Hill Elementary' })).toBeFocused();

  // Cancel restores.
  await page.getByRole('button', { name: 'Edit Quarry Hill Elementary' }).click();
  await page.locator('#edit-reading').fill('99');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toContainText('47%');
  await expect(page.getByRole('button', { name: 'Edit Quarry Hill Elementary' })).toBeFocused();

  // A demo school's confirm says what goes with it; keep it.
  await page.getByRole('button', { name: 'Remove… Canal Street Elementary' }).click();
  await expect(page.locator('#remove-question')).toContainText(/This also removes its \d+ readiness rounds?/);
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('button', { name: 'Remove… Canal Street Elementary' })).toBeFocused();

  // Remove with confirm, then undo.
  await page.getByRole('button', { name: 'Remove… Quarry Hill Elementary' }).click();
  await expect(page.locator('#remove-question')).toContainText('It has no readiness rounds, pin or readiness plan.');
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toHaveCount(0);
  await expect(page.getByText('Removed “Quarry Hill Elementary”.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toContainText('47%');
  await expect(page.getByRole('button', { name: 'Edit Quarry Hill Elementary' })).toBeFocused();
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(errors).toEqual([]);
});

test('a CSV with bad rows is refused with every problem; a good one imports after a preview', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await openRoster(page);
  const before = await storedSchools(page);

  await chooseCsv(page, 'bad-roster.csv', BAD_CSV);
  const section = importSection(page);
  const alert = section.locator('.error-summary[role="alert"]');
  await expect(alert).toContainText('The file has 2 problems:');
  await expect(alert.locator('li')).toHaveText([
    'Row 2: reading proficiency 120 is over 100%.',
    'Row 3: enrollment “abc” is not a whole number.',
  ]);
  await expect(alert).toContainText('Nothing was imported. Fix these rows in your spreadsheet and choose the file again.');
  await expect(section.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await expect(page.locator('#import-preview-title')).toBeFocused();
  await expect(page.locator('table.roster tbody tr')).toHaveCount(21);
  expect(await storedSchools(page)).toEqual(before);
  await section.getByRole('button', { name: 'Close' }).click();
  await expect(section.locator('.import-preview')).toHaveCount(0);

  // A good file: one new school, one update (matched ignoring case), an ignored column.
  await chooseCsv(page, 'roster.csv', GOOD_CSV);
  await expect(page.getByTestId('import-counts')).toHaveText(
    'The file lists 2 schools: 1 to add, 1 to update, 0 unchanged. 20 schools not in the file are left as they are.');
  await expect(section.getByText('Ignored column: “Principal”.')).toBeVisible();
  const preview = section.locator('.import-preview table');
  await expect(preview.getByRole('row', { name: /Quarry Hill Elementary/ })).toContainText('Add');
  const update = preview.getByRole('row', { name: /Ash Grove Elementary/ });
  await expect(update).toContainText('enrollment 412 → 430');
  await expect(update).toContainText('“ash grove elementary” in the file');
  expect(await storedSchools(page)).toEqual(before); // still nothing written
  await section.getByRole('button', { name: 'Import 2 schools' }).click();
  await expect(section.getByRole('status')).toContainText('Imported: 1 added, 1 updated, 0 unchanged.');
  await expect(section.locator('.import-preview')).toHaveCount(0);
  await expect(rosterRow(page, 'Quarry Hill Elementary')).toContainText('388');
  await expect(rosterRow(page, 'Ash Grove Elementary')).toContainText('430');
  await expect(page.locator('table.roster tbody tr')).toHaveCount(22);
  await expect(saveStatus(page)).toHaveText('Saved');

  // The phase-in planner has it, not assessed yet.
  await page.goto('/phase-in');
  await ready(page);
  await expect(page.locator('p', { hasText: 'Not assessed yet:' })).toContainText('Quarry Hill Elementary');
  expect(errors).toEqual([]);
});

test('a Windows Excel CSV (Windows-1252) imports with its accents, and says how it was read', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await openRoster(page);
  // As Excel on Windows saves "CSV (Comma delimited)" in a French locale: Windows-1252,
  // semicolons, a dot between thousands and a comma before decimals. 0xC9 É, 0xE9 é,
  // 0xE8 è; 0x80 € and 0x96 – only exist in Windows-1252, not in Latin-1.
  const bytes = Buffer.concat([
    Buffer.from('Name;Level;Enrollment;Reading % proficient;Notes\r\n', 'ascii'),
    Buffer.from([0xc9]), Buffer.from('cole Sainte-Th', 'ascii'), Buffer.from([0xe9]), Buffer.from('r', 'ascii'),
    Buffer.from([0xe8]), Buffer.from('se;K-8;1.212;45,5;Budget 5000 ', 'ascii'), Buffer.from([0x80, 0x20, 0x96]),
    Buffer.from(' new wing\r\n', 'ascii'),
  ]);
  expect(bytes.toString('utf8')).toContain('\uFFFD'); // not valid UTF-8
  await page.getByLabel('Roster file (.csv or .txt)').setInputFiles({ name: 'roster-excel.csv', mimeType: 'text/csv', buffer: bytes });
  const section = importSection(page);
  await expect(page.getByTestId('import-encoding')).toContainText('Read as Windows-1252 (Western, as Windows Excel saves CSV).');
  await expect(page.getByTestId('import-counts')).toHaveText(
    'The file lists 1 school: 1 to add, 0 to update, 0 unchanged. 21 schools not in the file are left as they are.');
  const row = section.locator('.import-preview table').getByRole('row', { name: /École Sainte-Thérèse/ });
  await expect(row).toContainText('K-8 · 1212 students · reading 45.5%');
  await expect(section).not.toContainText('\uFFFD');
  await section.getByRole('button', { name: 'Import 1 school' }).click();
  await expect(section.getByRole('status')).toContainText('Imported: 1 added, 0 updated, 0 unchanged.');
  const added = rosterRow(page, 'École Sainte-Thérèse');
  await expect(added).toContainText('K-8');
  await expect(added).toContainText('1212');
  await expect(added).toContainText('Budget 5000 € – new wing');

  // A UTF-8 file says so too.
  await chooseCsv(page, 'roster-utf8.csv', 'Name,Level\nÉcole Sud,PreK-5\n');
  await expect(page.getByTestId('import-encoding')).toHaveText('Read as UTF-8.');
  await expect(section.locator('.import-preview table')).toContainText('École Sud');
  expect(errors).toEqual([]);
});

test('Excel "Unicode Text" (UTF-16, tabs) imports; a grade span Excel made a date is named', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await openRoster(page);
  // Excel's "Unicode Text": UTF-16 little-endian with a byte-order mark, tab-separated,
  // numbers as a US locale writes them (no quotes around 1,212).
  const text = 'Name\tLevel\tEnrollment\tReading % proficient\r\n\u738b\u82b3 Academy\t6-8\t1,212\t45.5\r\n';
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await page.getByLabel('Roster file (.csv or .txt)').setInputFiles({ name: 'roster.txt', mimeType: 'text/plain', buffer: bytes });
  const section = importSection(page);
  await expect(page.getByTestId('import-encoding')).toContainText('UTF-16');
  const row = section.locator('.import-preview table').getByRole('row', { name: /王芳 Academy/ });
  await expect(row).toContainText('6-8 · 1212 students · reading 45.5%');

  // Typed as 6-8 and saved by Excel as a date ("8-Jun"): the preview says what happened.
  await chooseCsv(page, 'roster-dates.csv', 'Name,Level\nNew Middle,8-Jun\n');
  await expect(section.getByRole('alert')).toContainText(
    'Row 2: the level \u201c8-Jun\u201d looks like a date that a spreadsheet made of the grade span 6-8.');
  await expect(section.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the CSV template downloads with the right header row', async ({ page }) => {
  await loadDemo(page);
  await openRoster(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a CSV template' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('roster-template.csv');
  const path = await download.path();
  const text = fs.readFileSync(path!, 'utf8').replace(/^\uFEFF/, '');
  expect(text.split(/\r?\n/)[0]).toBe('Name,Level,Enrollment,Reading % proficient,Math % proficient,Notes');
  // And the template itself imports cleanly.
  await chooseCsv(page, 'roster-template.csv', text);
  await expect(page.getByTestId('import-counts')).toContainText('2 to add');
});

for (const width of [1280, 360]) {
  test(`axe and layout at ${width} px: add errors, an edit open, an import preview with errors`, async ({ page }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height: 900 });
    await loadDemo(page);
    await openRoster(page);

    const noSideScroll = async (label: string) => {
      const wide = await page.evaluate(() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return [];
        // Name whatever sticks out, outside the scrolling tables.
        return [...document.querySelectorAll('main *')]
          .filter((el) => !el.closest('.table-wrap') && el.getBoundingClientRect().right > root.clientWidth + 1)
          .map((el) => el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className)
          .slice(0, 5);
      });
      expect(wide, `nothing scrolls sideways at ${width} px (${label})`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    };

    await page.screenshot({ path: `${SHOTS}/roster-${width}.png`, fullPage: true });
    await noSideScroll('roster');

    const add = addSection(page);
    await add.getByRole('button', { name: 'Add the school' }).click();
    await expect(add.getByRole('alert')).toContainText('Enter the school’s name');
    await add.getByLabel('School name').fill('Test School');
    await add.getByRole('button', { name: 'Add the school' }).click();
    await expect(add.getByRole('alert')).toHaveText('Enter the school’s level, such as Elementary, Middle, High or K-8.');
    await add.getByLabel('Level', { exact: true }).fill('High');
    await add.getByLabel('Enrollment', { exact: true }).fill('12x');
    await add.getByRole('button', { name: 'Add the school' }).click();
    await expect(add.getByRole('alert')).toHaveText('Enrollment is a whole number, like 412.');
    await expectNoAxeViolations(page, `roster, add form with errors, ${width}px`);
    await add.screenshot({ path: `${SHOTS}/roster-add-error-${width}.png` });
    await noSideScroll('add errors');

    await page.getByRole('button', { name: 'Edit Ash Grove Elementary' }).click();
    await expect(page.locator('#edit-name')).toBeFocused();
    await page.locator('#edit-math').fill('101');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('#edit-error')).toHaveText('Math % proficient is a percentage from 0 to 100; 101 is not.');
    await expect(page.locator('#edit-math')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, `roster, edit open, ${width}px`);
    await page.screenshot({ path: `${SHOTS}/roster-edit-${width}.png` });
    await noSideScroll('edit open');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Remove… Canal Street Elementary' }).click();
    await expectNoAxeViolations(page, `roster, remove confirm, ${width}px`);
    await page.screenshot({ path: `${SHOTS}/roster-remove-confirm-${width}.png` });
    await page.getByRole('button', { name: 'Keep it' }).click();

    await chooseCsv(page, 'bad-roster.csv', BAD_CSV);
    await expect(importSection(page).locator('.error-summary li')).toHaveCount(2);
    await expectNoAxeViolations(page, `roster, import preview with errors, ${width}px`);
    await importSection(page).screenshot({ path: `${SHOTS}/roster-import-errors-${width}.png` });
    await noSideScroll('import errors');

    await chooseCsv(page, 'roster.csv', GOOD_CSV);
    await expect(page.getByTestId('import-counts')).toContainText('1 to add, 1 to update');
    await expectNoAxeViolations(page, `roster, import preview, ${width}px`);
    await importSection(page).screenshot({ path: `${SHOTS}/roster-import-preview-${width}.png` });
    await noSideScroll('import preview');
  });
}
