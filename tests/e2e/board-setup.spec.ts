import { test, expect } from '@playwright/test';
import { loadDemo, ready, expectNoAxeViolations, watchErrors, saveStatus } from './helpers';

test('a new board set up from scratch: calendar, Plus team, teams and teachers, then a filled year', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/board');
  await ready(page);
  await page.getByRole('link', { name: 'Start a board for another school' }).click();
  await expect(page.locator('h1')).toHaveText('Plus board set-up');
  await page.locator('#start-school').selectOption({ label: 'Oak Hollow Middle School' });
  await page.getByRole('button', { name: 'Start the board' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Oak Hollow Middle School' })).toBeVisible();
  await expect(page).toHaveURL(/\/board\/setup\?school=oak-hollow-ms$/);

  // The calendar: 12 weeks from 31 August, with a one-week break that starts term 2.
  await page.getByLabel('First day of school').fill('2026-08-31');
  await page.getByLabel('Instructional weeks').fill('12');
  await page.getByRole('button', { name: 'Add a break' }).click();
  await page.getByLabel('Name', { exact: true }).first().fill('Fall break');
  await page.getByLabel('From').fill('2026-10-12');
  await page.getByLabel('To').fill('2026-10-16');
  await page.getByRole('button', { name: 'Save the calendar' }).click();
  await expect(page.getByTestId('setup-said')).toHaveText('Saved the calendar: 12 weeks, 2 terms, 0 days off inside school weeks.');
  // Each break's fields and its remove button are named by the break.
  await expect(page.getByRole('group', { name: 'Break 1, Fall break' }).getByLabel('From')).toHaveValue('2026-10-12');
  await expect(page.getByRole('button', { name: 'Remove this break: break 1, Fall break' })).toBeVisible();
  // A break that ends before it starts is refused, and the saved calendar stays.
  await page.getByLabel('To').fill('2026-10-01');
  await page.getByRole('button', { name: 'Save the calendar' }).click();
  await expect(page.getByRole('alert')).toContainText('ends before it starts');
  await page.getByLabel('To').fill('2026-10-16');
  await page.getByRole('button', { name: 'Save the calendar' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The Plus team.
  for (const [name, expertise] of [['Ivy Grant', 'Math'], ['Omar Haddad', 'Science']]) {
    await page.locator('#member-name').fill(name);
    await page.locator('#member-expertise').fill(expertise);
    await page.getByRole('button', { name: 'Add a Plus teacher' }).click();
    await expect(page.getByTestId('setup-said')).toHaveText(`Added ${name} to the Plus team.`);
  }
  await expect(page.getByRole('heading', { name: 'Plus team (2 of 12)' })).toBeVisible();
  await page.locator('#member-name').fill('   ');
  await page.getByRole('button', { name: 'Add a Plus teacher' }).click();
  await expect(page.getByRole('alert')).toContainText("The Plus teacher’s name can't be empty.");

  // A team and its teachers.
  await page.getByLabel('Team name').fill('Grade 7');
  await page.getByRole('button', { name: 'Add a team' }).click();
  for (const [name, subject] of [['Lena Park', 'Math'], ['Raj Iyer', 'Science'], ['Tom Reed', 'Math']]) {
    await page.locator('#teacher-name').fill(name);
    await page.locator('#teacher-subject').fill(subject);
    await page.locator('#teacher-focus').fill('Exit tickets');
    await page.getByRole('button', { name: 'Add a teacher' }).click();
    await expect(page.getByTestId('setup-said')).toHaveText(`Added ${name}.`);
  }
  await expect(page.getByRole('heading', { name: 'Teachers (3)' })).toBeVisible();
  // A coaching focus changes during the year: edit it.
  await page.getByRole('button', { name: 'Edit Lena Park' }).click();
  await expect(page.locator('#teacher-name')).toBeFocused();
  await expect(page.locator('#teacher-name')).toHaveValue('Lena Park');
  await page.locator('#teacher-focus').fill('Academic discussion');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('setup-said')).toHaveText('Saved Lena Park.');
  await expect(page.getByRole('row', { name: /Lena Park/ })).toContainText('Academic discussion');
  await expect(page.getByRole('heading', { name: 'Teachers (3)' })).toBeVisible();
  // And a Plus teacher's expertise.
  await page.getByRole('button', { name: 'Edit Omar Haddad' }).click();
  await page.locator('#member-expertise').fill('Science and engineering');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('setup-said')).toHaveText('Saved Omar Haddad.');
  await expect(page.getByRole('row', { name: /Omar Haddad/ })).toContainText('Science and engineering');
  // A team with teachers can't go.
  await page.getByRole('button', { name: 'Remove the team Grade 7' }).click();
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Teacher teams' }) }).getByRole('alert')).toContainText('Grade 7 still has 3 teachers');
  // Remove a teacher, then undo.
  await page.getByRole('button', { name: 'Remove Tom Reed' }).click();
  await expect(page.getByRole('heading', { name: 'Teachers (2)' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo the removal' }).click();
  await expect(page.getByRole('heading', { name: 'Teachers (3)' })).toBeVisible();
  await expectNoAxeViolations(page, '/board/setup');

  // The board: two terms, filled with every hard rule met.
  await page.getByRole('link', { name: 'Open this school’s board' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Oak Hollow Middle School' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Term 1: 31 Aug to 9 Oct/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Term 2: 19 Oct to 27 Nov/ })).toBeVisible();
  await page.getByRole('button', { name: 'Fill the whole year', exact: true }).click();
  await expect(page.getByTestId('board-said')).toContainText('Filled weeks 1 to 12');
  await expect(page.getByTestId('hard-rules')).toContainText('Every hard rule is met');
  await expect(page.locator('#slot-0-1-0')).toContainText('Cycle');
  await expect(saveStatus(page)).toHaveText('Saved');
  // Both boards are kept: the demo's is still there.
  await page.locator('#board-school').selectOption({ label: 'Maple Ridge Middle School' });
  await expect(page.getByRole('heading', { level: 2, name: 'Maple Ridge Middle School' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('/board in a district with no schools says to add schools first, and links there', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('District name').fill('Lakeside Unified');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto('/board');
  await ready(page);
  await expect(page.getByText('Every school in the district has a board')).toHaveCount(0);
  await expect(page.getByTestId('no-schools')).toContainText('This district has no schools yet');
  await page.getByRole('link', { name: 'add your schools on the roster' }).click();
  await expect(page).toHaveURL(/\/phase-in\/roster$/);
});

test('a year with no breaks is named by its weeks, and its rules speak of the year', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/board/setup');
  await page.locator('#start-school').selectOption({ label: 'Oak Hollow Middle School' });
  await page.getByRole('button', { name: 'Start the board' }).click();
  await page.getByLabel('First day of school').fill('2026-08-31');
  await page.getByLabel('Instructional weeks').fill('36');
  await page.getByRole('button', { name: 'Save the calendar' }).click();
  await page.locator('#member-name').fill('Ivy Grant');
  await page.locator('#member-expertise').fill('Math');
  await page.getByRole('button', { name: 'Add a Plus teacher' }).click();
  await page.getByRole('link', { name: 'Open this school’s board' }).click();
  await expect(page.getByRole('button', { name: /^Weeks 1 to 12: 31 Aug/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Terms' })).not.toContainText('Term');
  await expect(page.getByTestId('hard-rules')).toBeVisible();
  await expect(page.locator('.rules')).not.toContainText('this term');
  await expect(page.locator('.rules')).toContainText('Ivy Grant coaches 0 of the year’s 180 days');
});

test('teachers pasted from a spreadsheet: a preview with errors by row, nothing saved until they are fixed, then one import', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/board/setup?school=maple-ridge-ms');
  await expect(page.getByRole('heading', { level: 2, name: 'Import teachers or the Plus team' })).toBeVisible();
  const before = await page.getByRole('heading', { name: /^Teachers \(\d+\)$/ }).innerText();
  // A row with no subject and a name given twice.
  await page.getByLabel('Paste spreadsheet rows here').fill('Name\tTeam\tSubject\tCoaching focus\nLena Park\tGrade 6\t\tExit tickets\nRaj Iyer\tGrade 9\tScience\tLabs\nRaj Iyer\tGrade 9\tMath\t\n');
  await page.getByRole('button', { name: 'Preview the pasted rows' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('alert')).toHaveText('2 errors: nothing is imported until they are fixed.');
  await expect(preview).toContainText('Row 2: ');
  await expect(preview).toContainText('Row 4: Raj Iyer is also on row 3.');
  await expect(page.getByRole('button', { name: /^Import \d+ rows$/ })).toBeDisabled();
  // On a phone the preview wraps: the page never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('heading', { name: /^Teachers \(\d+\)$/ })).toHaveText(before);

  await page.getByLabel('Paste spreadsheet rows here').fill('Name\tTeam\tSubject\tCoaching focus\nLena Park\tGrade 6\tMath\tExit tickets\nRaj Iyer\tGrade 9\tScience\tLabs\n');
  await page.getByRole('button', { name: 'Preview the pasted rows' }).click();
  await expect(preview).toContainText('2 rows: 2 to add, 0 to update; 1 new team.');
  await expect(preview.getByRole('table', { name: 'Rows to import' })).toContainText('Grade 9 (new team)');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByTestId('import-said')).toHaveText('Imported 2 rows: 2 added, 0 updated; 1 new team.');
  await expect(page.getByRole('heading', { name: 'Teachers (42)' })).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByRole('heading', { name: 'Teachers (40)' })).toBeVisible();
  await expectNoAxeViolations(page, '/board/setup with an import');
});
