import { test, expect, Page } from '@playwright/test';
import { loadDemo, ready, watchErrors, saveStatus, downloadText } from './helpers';

// A person's address on /schedule, their calendar file's name and every event's UID come
// from their stable ID, not from their name: names in any script, and names that differ
// only in punctuation, each get their own, and renaming someone changes none of them.

const SETUP = '/board/setup?school=maple-ridge-ms';
const NEW_TEACHERS = ['王芳', '李娜', 'Mary-Ann Lee', 'Mary Ann Lee'];

/** Read a calendar file back as a calendar app does (RFC 5545): every line at most 75
 *  octets, no control character but CR LF (and tab), then unfold and list the UIDs. */
function uids(ics: string): string[] {
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  const lines = ics.split('\r\n');
  expect(lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75), 'lines over 75 octets').toEqual([]);
  expect(lines.filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(l)), 'control characters').toEqual([]);
  const unfolded = ics.replace(/\r\n /g, '');
  const found = unfolded.split('\r\n').filter((l) => l.startsWith('UID:')).map((l) => l.slice(4));
  expect(found.length).toBe((ics.match(/\r\nBEGIN:VEVENT\r\n/g) ?? []).length);
  return found;
}

/** Choose a teacher on /schedule; their heading takes focus. Returns the address's key. */
async function choose(page: Page, search: string, button: RegExp, heading: string): Promise<string> {
  await page.getByLabel('Your name', { exact: true }).fill(search);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeFocused();
  const key = new URL(page.url()).searchParams.get('teacher');
  expect(key).toBeTruthy();
  return key!;
}

async function chooseAgain(page: Page) {
  await page.getByRole('button', { name: 'Choose another name' }).click();
  await expect(page.getByLabel('Your name', { exact: true })).toBeFocused();
}

test('names in any script get their own schedule, calendar file and UIDs, and keep them when renamed', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);

  // Four teachers whose names an ASCII slug can't tell apart, on the demo school's board.
  await page.goto(SETUP);
  await ready(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Maple Ridge Middle School' })).toBeVisible();
  for (const name of NEW_TEACHERS) {
    await page.locator('#teacher-name').fill(name);
    await page.locator('#teacher-subject').fill('Math');
    await page.getByRole('button', { name: 'Add a teacher' }).click();
    await expect(page.getByTestId('setup-said')).toHaveText(`Added ${name}.`);
  }
  await expect(page.getByRole('heading', { name: 'Teachers (44)' })).toBeVisible();

  // Fill the year so the new teachers have sessions too.
  await page.goto('/board');
  await ready(page);
  await page.getByRole('button', { name: 'Fill the whole year', exact: true }).click();
  await page.getByRole('button', { name: 'Plan again', exact: true }).click();
  await expect(page.getByTestId('board-said')).toContainText('Weeks 1 to 36 were already full; filling planned them again');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.goto('/schedule');
  await ready(page);
  await expect(page.locator('.teacher-count')).toHaveText('44 teachers.');

  // 李娜 opens 李娜, at an address of her own.
  const li = await choose(page, '李娜', /^李娜/, '李娜');
  await expect(page).toHaveURL(new RegExp(`/schedule\\?teacher=${li}$`));
  expect(li).toMatch(/^[0-9a-z]{8}$/);
  const liFile = await downloadText(page, 'Download 李娜’s calendar');
  expect(liFile.name).toBe(`coaching-${li}.ics`);
  expect(liFile.text).toContain('\r\nX-WR-CALNAME:Coaching: 李娜 (Maple Ridge Middle School)\r\n');
  const liUids = uids(liFile.text);
  expect(liUids.length).toBeGreaterThan(0);
  const shown = await page.getByTestId('my-schedule').locator('li.session, li.pd-day').count();
  expect(liUids.length).toBe(shown);

  await chooseAgain(page);
  const wang = await choose(page, '王芳', /^王芳/, '王芳');
  expect(wang).not.toBe(li);
  const wangFile = await downloadText(page, 'Download 王芳’s calendar');
  expect(wangFile.name).toBe(`coaching-${wang}.ics`);
  expect(wangFile.text).toContain('X-WR-CALNAME:Coaching: 王芳 (Maple Ridge Middle School)');
  const wangUids = uids(wangFile.text);
  expect(wangUids.some((u) => liUids.includes(u))).toBe(false);

  // Names that differ only in a hyphen: two teachers, two addresses, two files.
  await chooseAgain(page);
  const hyphen = await choose(page, 'Mary', /^Mary-Ann Lee/, 'Mary-Ann Lee');
  expect(hyphen).toMatch(/^mary-ann-lee-[0-9a-z]{8}$/);
  const hyphenFile = await downloadText(page, 'Download Mary-Ann Lee’s calendar');
  await chooseAgain(page);
  const space = await choose(page, 'Mary', /^Mary Ann Lee/, 'Mary Ann Lee');
  expect(space).toMatch(/^mary-ann-lee-[0-9a-z]{8}$/);
  expect(space).not.toBe(hyphen);
  const spaceFile = await downloadText(page, 'Download Mary Ann Lee’s calendar');
  expect(spaceFile.name).not.toBe(hyphenFile.name);
  const [hyphenUids, spaceUids] = [uids(hyphenFile.text), uids(spaceFile.text)];
  expect(hyphenUids.length).toBeGreaterThan(0);
  expect(spaceUids.some((u) => hyphenUids.includes(u))).toBe(false);
  // Each address reopens its own teacher.
  for (const [key, name] of [[li, '李娜'], [wang, '王芳'], [hyphen, 'Mary-Ann Lee'], [space, 'Mary Ann Lee']]) {
    await page.goto(`/schedule?teacher=${key}`);
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }

  // The whole school's file, read back: every UID once, and everyone's own UIDs in it.
  const all = await downloadText(page, /Download the whole school’s calendar/);
  expect(all.name).toBe('coaching-maple-ridge-middle-school.ics');
  const everyone = uids(all.text);
  expect(new Set(everyone).size).toBe(everyone.length);
  const set = new Set(everyone);
  for (const own of [liUids, wangUids, hyphenUids, spaceUids]) {
    expect(own.every((u) => set.has(u))).toBe(true);
  }

  // Rename 李娜: her address, file name and every UID stay.
  await page.goto(SETUP);
  await ready(page);
  await page.getByRole('button', { name: 'Edit 李娜', exact: true }).click();
  await expect(page.locator('#teacher-name')).toHaveValue('李娜');
  await page.locator('#teacher-name').fill('李丽娜');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('setup-said')).toHaveText('Saved 李丽娜.');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.goto(`/schedule?teacher=${li}`);
  await expect(page.getByRole('heading', { level: 2, name: '李丽娜', exact: true })).toBeVisible();
  const renamed = await downloadText(page, 'Download 李丽娜’s calendar');
  expect(renamed.name).toBe(liFile.name);
  expect(renamed.text).toContain('X-WR-CALNAME:Coaching: 李丽娜 (Maple Ridge Middle School)');
  expect(uids(renamed.text)).toEqual(liUids);
  const allAfter = await downloadText(page, /Download the whole school’s calendar/);
  expect(uids(allAfter.text)).toEqual(everyone);
  expect(errors).toEqual([]);
});

test('a first day of school outside 1990 to 2100 is refused in the set-up, and the board still opens', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto(SETUP);
  await ready(page);
  await page.getByLabel('First day of school').fill('9999-12-31');
  await page.getByRole('button', { name: 'Save the calendar' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The first day of school: “9999-12-31” is too far in the future: Readyboard works with dates from 1990-01-01 to 2100-12-31.');
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 2, name: 'Maple Ridge Middle School' })).toBeVisible();
  await page.goto('/schedule');
  await expect(page.locator('.teacher-count')).toHaveText('40 teachers.');
  expect(errors).toEqual([]);
});
