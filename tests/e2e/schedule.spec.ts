import { test, expect, Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { KEY, loadDemo, ready, expectNoAxeViolations, watchErrors, saveStatus, storedKeys as allStored, storedDocument, storeWholeDocument, downloadText } from './helpers';

// A real share link and schedule file for the demo's Maple Ridge board, made by the same
// domain code the board page publishes with (examples/share_link.rs).
let payload = '';
let scheduleFile = '';

test.beforeAll(() => {
  test.setTimeout(300_000); // the first run compiles the example
  payload = execSync('cargo run --quiet --example share_link', { encoding: 'utf8' }).trim();
  scheduleFile = execSync('cargo run --quiet --example share_link -- --file', { encoding: 'utf8' });
  expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
});

const SCHOOL = 'Maple Ridge Middle School';
const BANNER = `A schedule shared with you: ${SCHOOL}. Read-only; nothing is saved in this browser.`;
/** Today as the app sees it (UTC, YYYY-MM-DD). */
const today = () => new Date().toISOString().slice(0, 10);

function schedule(page: Page) {
  return page.getByTestId('my-schedule');
}

/** Search for a name and pick the match in the given team. */
async function pickTeacher(page: Page, search: string, line: string) {
  await page.getByLabel('Your name', { exact: true }).fill(search);
  await expect(page.locator('.teacher-count')).toContainText('teachers match');
  await page.getByRole('button', { name: new RegExp(`${search}.*${line}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: search })).toBeFocused();
}

/** UIDs of every VEVENT, after unfolding (RFC 5545 §3.1). */
function uids(ics: string): string[] {
  const unfolded = ics.replace(/\r\n /g, '');
  return unfolded.split('\r\n').filter((l) => l.startsWith('UID:')).map((l) => l.slice(4));
}

async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('readyboard')));
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a teacher finds their name and sees what is coming first, PD days and no sideways scroll', async ({ page }) => {
    const errors = watchErrors(page);
    await loadDemo(page);
    await page.goto('/schedule');
    await ready(page);
    await expect(page.getByText(`From this browser’s district: ${SCHOOL}.`)).toBeVisible();
    await expect(page.locator('.teacher-count')).toHaveText('40 teachers.');
    await expectNoAxeViolations(page, 'schedule picker at 360px');

    // Two Abbys: the search finds both.
    await page.getByLabel('Your name', { exact: true }).fill('abby');
    await expect(page.locator('.teacher-count')).toHaveText('2 of 40 teachers match.');
    await page.getByLabel('Your name', { exact: true }).fill('nobody at all');
    await expect(page.locator('.teacher-count')).toHaveText('No name matches “nobody at all”. Try part of your first or last name.');
    await pickTeacher(page, 'Abby Diaz', 'Grade 6');
    // The name for people to read, then the teacher's stable key.
    await expect(page).toHaveURL(/\/schedule\?teacher=abby-diaz-[0-9a-z]{8}$/);
    await expect(page.locator('.teacher-meta')).toHaveText(/^Grade 6 · Math · Coaching focus: /);

    // Upcoming sessions first: on or after today, soonest first.
    const upcoming = await schedule(page).locator('ol.sessions.upcoming time').evaluateAll(
      (ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming[0] >= today(), `${upcoming[0]} is not before ${today()}`).toBe(true);
    expect([...upcoming].sort()).toEqual(upcoming);
    // The first card on the page is the first upcoming session.
    await expect(schedule(page).locator('li.session').first().locator('time')).toHaveAttribute('datetime', upcoming[0]);
    const first = schedule(page).locator('ol.sessions.upcoming li.session').first();
    await expect(first.locator('.session-what')).not.toBeEmpty();
    await expect(first.locator('dd').first()).toHaveText(/\(.+\)$/); // the Plus teacher, with expertise
    await expect(first.locator('time')).toHaveText(/^(Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 20\d\d$/);
    // A PD day: the Grade 6 team's Tuesday and Wednesday in week 24 are still to come.
    const pd = schedule(page).locator('ul.pd-days.upcoming li.pd-day');
    expect(await pd.count()).toBeGreaterThan(0);
    await expect(pd.first()).toContainText('Full-day PD with the Grade 6 team. The Plus team teaches your classes.');
    // Earlier sessions wait, collapsed, after everything to come.
    const earlier = schedule(page).locator('details.earlier', { hasText: 'Earlier sessions' });
    await expect(earlier).not.toHaveAttribute('open');
    const past = await earlier.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((d) => d < today())).toBe(true);
    expect([...past].sort().reverse()).toEqual(past);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(360);
    await earlier.locator('summary').click();
    await expect(earlier.locator('li.session').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'a teacher’s schedule at 360px');

    // The URL keeps the choice: a reload shows the same teacher.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
    await expect(page.locator('.teacher-meta')).toHaveText(/^Grade 6 · Math/);
    // Choosing again goes back to the list, with focus in the search.
    await page.getByRole('button', { name: 'Choose another name' }).click();
    await expect(page.getByLabel('Your name', { exact: true })).toBeFocused();
    await expect(page).toHaveURL(/\/schedule$/);
    expect(errors).toEqual([]);
  });

  test('a share link reads the same on a phone, with no sideways scroll', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`/schedule?teacher=abby-diaz#s=${payload}`);
    await expect(page.getByTestId('shared-banner').locator('p').first()).toHaveText(BANNER);
    await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'shared schedule at 360px');
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('calendar files: one teacher and the whole school, with one stable UID per event', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  // An address from before teacher keys (the name alone) still opens the teacher.
  await page.goto('/schedule?teacher=abby-diaz');
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
  await expectNoAxeViolations(page, 'a teacher’s schedule at 1280px');
  const shown = await schedule(page).locator('li.session, li.pd-day').count();
  expect(shown).toBeGreaterThan(0);

  const one = await downloadText(page, 'Download Abby Diaz’s calendar');
  expect(one.name).toMatch(/^coaching-abby-diaz-[0-9a-z]{8}\.ics$/);
  expect(one.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(one.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(one.text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  const mine = uids(one.text);
  expect(mine.length).toBe((one.text.match(/BEGIN:VEVENT/g) ?? []).length);
  expect(mine.length).toBe(shown);
  expect(new Set(mine).size).toBe(mine.length);
  await expect(page.getByTestId('my-calendar-status')).toHaveText(`Downloaded “${one.name}” (${shown} events). Open it, or import it into your calendar app.`);

  const again = await downloadText(page, 'Download Abby Diaz’s calendar');
  expect(uids(again.text)).toEqual(mine);

  const all = await downloadText(page, /Download the whole school’s calendar/);
  expect(all.name).toBe('coaching-maple-ridge-middle-school.ics');
  expect(all.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const everyone = uids(all.text);
  expect(new Set(everyone).size).toBe(everyone.length);
  expect(everyone.length).toBeGreaterThan(mine.length * 20);
  // The same person and day keep their UID in both files, so imports update, not copy.
  const set = new Set(everyone);
  expect(mine.every((u) => set.has(u))).toBe(true);
  expect(uids((await downloadText(page, /Download the whole school’s calendar/)).text)).toEqual(everyone);
  expect(errors).toEqual([]);
});

/** The payload as a build from before teacher keys wrote it: the same schedule, no `keys`. */
function withoutKeys(p: string): string {
  const json = JSON.parse(inflateRawSync(Buffer.from(p.slice(3), 'base64url')).toString('utf8'));
  expect(json.keys).toHaveLength(40);
  delete json.keys;
  return `v1.${deflateRawSync(Buffer.from(JSON.stringify(json), 'utf8')).toString('base64url')}`;
}

test('a link made before teacher keys still opens, with names and calendar files as before', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const old = withoutKeys(payload);
  await page.goto(`/schedule#s=${old}`);
  await expect(page.getByTestId('shared-banner').locator('p').first()).toHaveText(BANNER);
  await pickTeacher(page, 'Abby Diaz', 'Grade 6');
  expect(page.url()).toContain(`/schedule?teacher=abby-diaz#s=${old}`);
  const fromOld = await schedule(page).innerText();
  const one = await downloadText(page, 'Download Abby Diaz’s calendar');
  expect(one.name).toBe('coaching-abby-diaz.ics');
  const mine = uids(one.text);
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.every((u) => /^\d{8}-maple-ridge-middle-school-abby-diaz(-pd)?@readyboard$/.test(u))).toBe(true);
  // The same schedule as the new link shows.
  await page.goto('/');
  await page.goto(`/schedule?teacher=abby-diaz#s=${payload}`);
  await expect(schedule(page)).toBeVisible();
  expect(await schedule(page).innerText()).toBe(fromOld);
  expect(errors).toEqual([]);
  await context.close();
});

test('a share link opens read-only in a browser with no district, and stores nothing', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`/schedule#s=${payload}`);
  await ready(page);
  await expect(page.getByTestId('shared-banner').locator('p').first()).toHaveText(BANNER);
  await expectNoAxeViolations(page, 'shared schedule picker at 1280px');
  await pickTeacher(page, 'Abby Diaz', 'Grade 6');
  // The query joins the fragment, which stays whole.
  expect(page.url()).toMatch(/\/schedule\?teacher=abby-diaz-[0-9a-z]{8}#s=/);
  expect(page.url().endsWith(`#s=${payload}`)).toBe(true);
  await expectNoAxeViolations(page, 'shared schedule at 1280px');
  await downloadText(page, 'Download Abby Diaz’s calendar');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
  await page.waitForTimeout(1000); // longer than the save delay
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  expect(await storedKeys(page)).toEqual([]);
  // The teacher's own app: no staff navigation and no save status, which would only say
  // that nothing is saved.
  await expect(saveStatus(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  // Leaving the shared schedule shows this browser's own state: nothing yet.
  await page.getByRole('link', { name: 'Leave the shared schedule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No schedule in this browser yet' })).toBeVisible();
  expect(await storedKeys(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a share link leaves a browser’s own district byte for byte as it was', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByLabel('District name').fill('Lakeside Unified');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const before = await allStored(page);
  expect((await storedDocument(page)).district.name).toBe('Lakeside Unified');

  await page.goto(`/schedule#s=${payload}`);
  await expect(page.getByTestId('shared-banner').locator('p').first()).toHaveText(BANNER);
  await pickTeacher(page, 'Abby Ellis', 'Grade 8');
  await downloadText(page, /Download the whole school’s calendar/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Ellis' })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await allStored(page)).toEqual(before);
  // This district has no Plus board: leaving the link says so, with the way to the board.
  await page.getByRole('link', { name: 'Leave the shared schedule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No coaching schedule yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the Plus board' })).toHaveAttribute('href', '/board');
  await expectNoAxeViolations(page, 'schedule with no board');
  expect(await allStored(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
});

test('the shared copy and the browser’s own district show the same schedule', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/schedule?teacher=tara-quinlan');
  await expect(page.getByRole('heading', { level: 2, name: 'Tara Quinlan' })).toBeVisible();
  const local = await schedule(page).innerText();
  const before = await allStored(page);
  await page.goto('/');
  await page.goto(`/schedule?teacher=tara-quinlan#s=${payload}`);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  expect(await schedule(page).innerText()).toBe(local);
  await page.waitForTimeout(1000);
  expect(await allStored(page)).toEqual(before);
});

test('a district with several Plus boards lets the person choose the school, in the URL', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  // A second board, for Linden Elementary: the demo's board under another school.
  const doc = await storedDocument(page);
  const copy = JSON.parse(JSON.stringify(doc.plus.boards[0]));
  copy.schoolId = 'linden-es';
  doc.plus.boards.push(copy);
  await storeWholeDocument(page, doc);
  await page.goto('/schedule');
  const school = page.getByLabel('School', { exact: true });
  await expect(school).toHaveValue('maple-ridge-ms');
  await expectNoAxeViolations(page, 'schedule with two boards');
  await school.selectOption({ label: 'Linden Elementary' });
  await expect(page).toHaveURL(/\/schedule\?school=linden-es$/);
  await pickTeacher(page, 'Abby Diaz', 'Grade 6');
  await expect(page).toHaveURL(/\/schedule\?school=linden-es&teacher=abby-diaz-[0-9a-z]{8}$/);
  const linden = await downloadText(page, /Download the whole school’s calendar \(Linden Elementary\)/);
  expect(linden.name).toBe('coaching-linden-elementary.ics');
  await page.reload();
  await expect(page.getByLabel('School', { exact: true })).toHaveValue('linden-es');
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
  // A teacher the schedule does not have is said, and the list is offered.
  await page.goto('/schedule?teacher=someone-else');
  await expect(page.getByText('This schedule has no teacher “someone-else”')).toBeVisible();
  await expect(page.locator('.teacher-count')).toHaveText('40 teachers.');
  expect(errors).toEqual([]);
});

test('a damaged link says why, without a crash', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`/schedule#s=${payload.slice(0, Math.floor(payload.length / 2))}`);
  await ready(page);
  const alert = page.getByRole('alert').filter({ hasText: 'This schedule link can’t be opened.' });
  await expect(alert).toContainText('This link is damaged');
  await expect(page.getByTestId('my-schedule')).toHaveCount(0);
  await expectNoAxeViolations(page, 'damaged link');

  await page.goto('/');
  await page.goto('/schedule#s=hello');
  await expect(page.getByTestId('link-problem')).toContainText(
    'This link was not made by this version of Readyboard, or it is cut short.');
  await page.getByRole('link', { name: 'Go to the schedule page' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No schedule in this browser yet' })).toBeVisible();
  await expect(page.getByTestId('link-problem')).toHaveCount(0);
  expect(await storedKeys(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a schedule file opens read-only; a wrong file says why', async ({ browser, baseURL }, info) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/schedule');
  await ready(page);
  await expect(page.getByRole('heading', { level: 2, name: 'No schedule in this browser yet' })).toBeVisible();

  const wrong = info.outputPath('notes.json');
  writeFileSync(wrong, '{"hello": 1}');
  await page.getByLabel('Schedule file (.json)').setInputFiles(wrong);
  await expect(page.locator('.open-file [role=alert]')).toHaveText(
    '“notes.json” can’t be opened. This file is not a Readyboard schedule file. Choose the .json file your Plus lead sent you.');

  const damaged = info.outputPath('damaged.json');
  writeFileSync(damaged, scheduleFile.replace(/"payload": "v1\.(.{40})/, '"payload": "v1.!!'));
  await page.getByLabel('Schedule file (.json)').setInputFiles(damaged);
  await expect(page.locator('.open-file [role=alert]')).toContainText('“damaged.json” can’t be opened. This file is damaged');

  const good = info.outputPath('coaching-schedule-maple-ridge-middle-school.json');
  writeFileSync(good, scheduleFile);
  await page.getByLabel('Schedule file (.json)').setInputFiles(good);
  const banner = page.getByTestId('shared-banner');
  await expect(banner.locator('p').first()).toHaveText(BANNER);
  await expect(banner).toContainText('Opened from the file “coaching-schedule-maple-ridge-middle-school.json”.');
  await expect(banner).toBeFocused();
  await expect(page.locator('.open-file [role=alert]')).toHaveText('');
  await pickTeacher(page, 'Abby Diaz', 'Grade 6');
  const fromFile = await schedule(page).innerText();
  await expectNoAxeViolations(page, 'schedule from a file');
  expect(await storedKeys(page)).toEqual([]);

  // The link shows exactly what the file shows.
  await page.goto('/');
  await page.goto(`/schedule?teacher=abby-diaz#s=${payload}`);
  await expect(schedule(page)).toBeVisible();
  expect(await schedule(page).innerText()).toBe(fromFile);

  // Closing the file returns to the link's own schedule or this browser's.
  await page.goto('/schedule');
  await page.getByLabel('Schedule file (.json)').setInputFiles(good);
  await page.getByRole('button', { name: 'Close this file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No schedule in this browser yet' })).toBeVisible();
  expect(await storedKeys(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

// Screenshots for a person to look at: SHOTS=/tmp/schedule-shots npx playwright test schedule
// (the whole page, and its first screens one by one, as a phone shows them).
async function shoot(page: Page, path: string) {
  await page.screenshot({ path: `${path}.png`, fullPage: true });
  const height = page.viewportSize()!.height;
  for (let k = 0; k < 3; k++) {
    await page.evaluate((y) => window.scrollTo(0, y), k * height);
    await page.screenshot({ path: `${path}-screen${k + 1}.png` });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('screenshots', async ({ browser, baseURL }) => {
  test.skip(!process.env.SHOTS, 'set SHOTS to a folder to take screenshots');
  const dir = process.env.SHOTS!;
  for (const width of [1280, 360]) {
    const viewport = { width, height: width === 360 ? 740 : 900 };
    const context = await browser.newContext({ baseURL, viewport });
    const page = await context.newPage();
    await loadDemo(page);
    await page.goto('/schedule');
    await ready(page);
    await shoot(page, `${dir}/local-picker-${width}`);
    await page.goto('/schedule?teacher=abby-diaz');
    await expect(schedule(page)).toBeVisible();
    await shoot(page, `${dir}/local-${width}`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${dir}/print-${width}.png`, fullPage: true });
    await context.close();

    const fresh = await browser.newContext({ baseURL, viewport });
    const shared = await fresh.newPage();
    await shared.goto(`/schedule?teacher=abby-diaz#s=${payload}`);
    await expect(schedule(shared)).toBeVisible();
    await shoot(shared, `${dir}/shared-${width}`);
    await shared.goto(`/schedule#s=${payload.slice(0, 100)}`);
    await ready(shared);
    await shared.screenshot({ path: `${dir}/damaged-${width}.png` });
    await fresh.close();
  }
});
