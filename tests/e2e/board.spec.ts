import { test, expect, Page } from '@playwright/test';
import { loadDemo, ready, expectNoAxeViolations, watchErrors, saveStatus, storedKeys } from './helpers';

// The demo board: Maple Ridge Middle School, 8 Plus teachers, 36 weeks from 24 August.
// Slot ids are slot-{plus teacher}-{week}-{day}; week 1 runs 24 to 28 August.

async function openBoard(page: Page) {
  await loadDemo(page);
  await page.goto('/board');
  await ready(page);
  await expect(page.getByRole('heading', { name: 'Maple Ridge Middle School' })).toBeVisible();
}

const said = (page: Page) => page.getByTestId('board-said');
const slot = (page: Page, m: number, w: number, d: number) => page.locator(`#slot-${m}-${w}-${d}`);
/** What a slot shows (its text; the day letter and the lock are drawn by CSS). */
const shown = slot;

async function focusGridByTab(page: Page) {
  await page.getByRole('button', { name: /^Term 1, part 1 of 2/ }).focus();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const isSlot = await page.evaluate(() => document.activeElement?.classList.contains('slot'));
    if (isSlot) return;
  }
  throw new Error('Tab never reached the board');
}

test('a few days built by keyboard alone: edit, pick up, drop, cancel, remove, undo and redo', async ({ page }) => {
  const errors = watchErrors(page);
  await openBoard(page);
  await focusGridByTab(page);
  await expect(page.locator(':focus')).toHaveAttribute('id', 'slot-0-1-0');

  // Enter edits Monday of week 1 for Dana Whitfield: make it co-teaching.
  await page.keyboard.press('Enter');
  await expect(page.locator('#slot-editor-title')).toBeFocused();
  await expect(page.locator('#slot-editor-title')).toHaveText('Dana Whitfield, Monday 24 Aug');
  await page.keyboard.press('Tab'); // the checked radio: coaching cycle
  await page.keyboard.press('ArrowDown'); // co-teaching
  await expect(page.getByLabel('Co-teaching with a teacher')).toBeChecked();
  await page.keyboard.press('Tab'); // teacher
  await expect(page.locator('#slot-teacher')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab'); // all week
  await page.keyboard.press('Tab'); // locked
  await page.keyboard.press('Tab'); // save
  await page.keyboard.press('Enter');
  await expect(said(page)).toContainText('Placed co-teaching with');
  await expect(slot(page, 0, 1, 0)).toContainText('Co-teach');
  await expect(slot(page, 0, 1, 0)).toBeFocused();
  const partner = (await shown(page, 0, 1, 0).innerText()).replace('Co-teach ', '').trim();

  // Space picks it up; the arrow moves to Tuesday; Space drops it there.
  await page.keyboard.press('Space');
  await expect(said(page)).toContainText('Picked up co-teaching with');
  await page.keyboard.press('ArrowRight');
  await expect(slot(page, 0, 1, 1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(said(page)).toContainText('Moved co-teaching with');
  await expect(said(page)).toContainText('Dana Whitfield, Tuesday 25 Aug');
  await expect(slot(page, 0, 1, 1)).toContainText(`Co-teach ${partner}`);
  await expect(slot(page, 0, 1, 0)).toContainText('\u2014');

  // Escape cancels a pick-up; Down moves to the next Plus teacher.
  await expect(slot(page, 0, 1, 1)).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(slot(page, 1, 1, 1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(said(page)).toContainText('Cancelled: co-teaching with');
  await expect(slot(page, 0, 1, 1)).toContainText('Co-teach');

  // Delete removes; Ctrl+Z undoes; Ctrl+Shift+Z redoes.
  const before = await shown(page, 1, 1, 1).innerText();
  await page.keyboard.press('Delete');
  await expect(said(page)).toContainText('Removed');
  await expect(slot(page, 1, 1, 1)).toContainText('\u2014');
  await page.keyboard.press('Control+z');
  await expect(said(page)).toContainText('Undone: remove');
  await expect(shown(page, 1, 1, 1)).toHaveText(before);
  await page.keyboard.press('Control+Shift+z');
  await expect(said(page)).toContainText('Redone: remove');
  await expect(slot(page, 1, 1, 1)).toContainText('\u2014');

  // Everything is saved: a reload shows the same board.
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await ready(page);
  await expect(slot(page, 0, 1, 1)).toContainText(`Co-teach ${partner}`);
  await expect(slot(page, 1, 1, 1)).toContainText('\u2014');
  expect(errors).toEqual([]);
});

test('click to place: choose an activity once, then click each day; pick, then place to move', async ({ page }) => {
  await openBoard(page);
  await slot(page, 0, 1, 2).click();
  await expect(page.locator('#slot-editor-title')).toHaveText('Dana Whitfield, Wednesday 26 Aug');
  await page.getByLabel('Lesson study with a team').check();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Grade 7' });
  await page.getByRole('button', { name: 'Place on more days\u2026' }).click();
  await expect(said(page)).toContainText('Holding lesson study with Grade 7');
  for (const [m, d] of [[0, 2], [0, 3], [0, 4]]) {
    await slot(page, m, 1, d).click();
    await expect(slot(page, m, 1, d)).toContainText('Study Grade 7');
  }
  await expect(said(page)).toContainText('Still holding it');
  await page.getByRole('button', { name: 'Stop (Esc)' }).click();
  await expect(said(page)).toContainText('Stopped placing lesson study with Grade 7');

  // Pick, then place: Thursday's lesson study goes to Priya Raman's Monday of week 2.
  await slot(page, 0, 1, 3).click();
  await page.getByRole('button', { name: 'Pick up to move' }).click();
  await expect(said(page)).toContainText('Picked up lesson study with Grade 7');
  await slot(page, 2, 2, 0).click();
  await expect(said(page)).toContainText('Moved lesson study with Grade 7 to Priya Raman, Monday 31 Aug');
  await expect(slot(page, 2, 2, 0)).toContainText('Study Grade 7');
  await expect(slot(page, 0, 1, 3)).toContainText('\u2014');

  // A day off refuses a drop, in words.
  await slot(page, 2, 2, 0).click();
  await page.getByRole('button', { name: 'Pick up to move' }).click();
  await slot(page, 2, 3, 0).click(); // Labor Day
  await expect(said(page)).toContainText('Monday 7 Sep is a day off.');
  await page.keyboard.press('Escape');

  // The buttons undo and redo too.
  await page.getByRole('button', { name: /^Undo move/ }).click();
  await expect(slot(page, 0, 1, 3)).toContainText('Study Grade 7');
  await page.getByRole('button', { name: /^Redo move/ }).click();
  await expect(slot(page, 2, 2, 0)).toContainText('Study Grade 7');
});

test('drag and drop moves a cell', async ({ page }) => {
  await openBoard(page);
  const text = await shown(page, 3, 1, 0).innerText();
  await slot(page, 3, 1, 0).dragTo(slot(page, 4, 2, 1));
  await expect(said(page)).toContainText('Moved coaching cycle with');
  await expect(shown(page, 4, 2, 1)).toHaveText(text);
  await expect(slot(page, 3, 1, 0)).toContainText('\u2014');
});

test('a new PD week breaks the cover rule until the rest of the year is filled; locked cells stay', async ({ page }) => {
  await openBoard(page);
  await expect(page.getByTestId('hard-rules')).toContainText('Every hard rule is met');
  const locked = await shown(page, 0, 2, 3).innerText();
  expect(locked).toContain('Study Grade 6');

  await page.getByRole('button', { name: /^Week 5 · 21 Sep/ }).click();
  await page.getByLabel('A PD week for one team').check();
  await page.getByLabel('Team at PD').selectOption({ label: 'Grade 8' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(said(page)).toContainText('Week 5 is now a PD week for Grade 8 on Tuesday and Wednesday');
  await expect(page.getByTestId('hard-rules')).toContainText('hard rules are broken');
  await expect(page.getByRole('button', { name: /^Week 5 · 21 Sep/ })).toContainText('problems');
  // "Show week 5" from another term switches back and puts focus on the week.
  await page.getByRole('button', { name: /^Term 2/ }).click();
  await expect(page.locator('table.board-grid caption')).toContainText('Term 2');
  await page.getByRole('button', { name: 'Show week 5' }).first().click();
  await expect(page.locator('table.board-grid caption')).toContainText('Term 1, part 1 of 2');
  // The rule is about Tuesday, the first PD day: "Show" goes to that day.
  await expect(slot(page, 0, 5, 1)).toBeFocused();

  await page.getByLabel('From week').fill('5');
  await page.getByRole('button', { name: 'Fill the rest of the year', exact: true }).click();
  // The demo year is full: the lead is asked before it is planned again, and focus is on
  // the answer.
  await expect(page.getByRole('group', { name: /^Weeks 5 to 36 are already planned\. Plan again/ })).toBeVisible();
  await page.getByRole('button', { name: 'Keep the plan' }).click();
  await expect(page.getByRole('group', { name: /already planned/ })).toHaveCount(0);
  await expect(said(page)).not.toContainText('already full');
  await page.getByRole('button', { name: 'Fill the rest of the year', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Plan again' })).toBeFocused();
  await page.getByRole('button', { name: 'Plan again' }).click();
  // The message says what the fill changed; no timings.
  await expect(said(page)).toContainText(/^Weeks 5 to 36 were already full; filling planned them again around 0 locked cells: \d+ of \d+ days changed\./);
  await expect(said(page)).toContainText('Every hard rule is met on the whole board.');
  await expect(said(page)).not.toContainText(/\d ms/);
  await expect(page.getByTestId('hard-rules')).toContainText('Every hard rule is met');
  await expect(slot(page, 0, 5, 1)).toContainText('Cover Grade 8');
  await expect(shown(page, 0, 2, 3)).toHaveText(locked);

  // The same input gives the same year.
  // A refilled term is drawn a few weeks per frame: read it once its last day is there.
  const grid = async () => {
    await expect(slot(page, 7, 9, 4)).toBeVisible();
    return page.locator('table.board-grid tbody').innerText();
  };
  await page.getByRole('button', { name: 'Fill the whole year', exact: true }).click();
  await page.getByRole('button', { name: 'Plan again' }).click();
  await expect(said(page)).toContainText('Weeks 1 to 36 were already full');
  const first = await grid();
  await page.getByRole('button', { name: 'Fill the whole year', exact: true }).click();
  await page.getByRole('button', { name: 'Plan again' }).click();
  expect(await grid()).toEqual(first);
  await expect(said(page)).toContainText('Nothing changed: weeks 1 to 36 were already filled');
  await expect(page.getByTestId('mean-days')).toContainText(/^\d+\.\d/);
  await expect(page.getByTestId('multiple-one')).toContainText('\u00d7');
});

test('the print button draws every term before it prints', async ({ page }) => {
  await openBoard(page);
  await page.evaluate(() => {
    (window as any).__printed = -1;
    window.print = () => { (window as any).__printed = document.querySelectorAll('.print-term').length; };
  });
  await page.getByRole('button', { name: 'Print the board' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(4);
});

test('the board has the wide page, and leaves it to the next page', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 900 });
  await openBoard(page);
  // Set by path (not a `main:has(.board-grid)` rule, which made every page change slower).
  await expect(page.locator('main')).toHaveCSS('max-width', '1600px');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Executive coaching' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Executive coaching' })).toBeVisible();
  await expect(page.locator('main')).toHaveCSS('max-width', '1280px');
});

test('the board prints every term on its own landscape page', async ({ page }) => {
  await openBoard(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-term')).toHaveCount(4);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(4);
  // A4 landscape: the media box is wider than it is tall.
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  expect(box).not.toBeNull();
  expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
});

for (const width of [1280, 360]) {
  test(`axe finds no violation on the board at ${width} px, with the editor open too`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openBoard(page);
    await expectNoAxeViolations(page, `/board at ${width}`);
    await slot(page, 0, 1, 0).click();
    await expect(page.locator('#slot-editor-title')).toBeVisible();
    await expectNoAxeViolations(page, `/board editor at ${width}`);
  });
}

test('the board is untouched in storage by looking at it', async ({ page }) => {
  await openBoard(page);
  const before = await storedKeys(page);
  await slot(page, 0, 1, 0).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /^Term 2/ }).click();
  expect(await storedKeys(page)).toEqual(before);
});

test('publishing: a share link made on the board opens read-only in a fresh browser', async ({ page, browser, baseURL }) => {
  await openBoard(page);
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel('Whole-school link').inputValue();
  expect(link).toMatch(/\/schedule#s=v1\./);
  expect(link.length).toBeLessThanOrEqual(8 * 1024);
  await expect(page.locator('#publish-size')).toContainText('within the 8 KB');
  // An edit after publishing makes the link out of date, and says so.
  await slot(page, 0, 1, 0).click();
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('The board has changed since this link was made')).toBeVisible();
  await page.getByRole('button', { name: 'Make the link again' }).click();
  await expect(page.getByText('The board has changed since this link was made')).toHaveCount(0);
  const fresh = await page.getByLabel('Whole-school link').inputValue();
  expect(fresh).not.toEqual(link);
  // The schedule file downloads too.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the whole school’s schedule file' }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.json$/);

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  const errors = watchErrors(other);
  await other.goto(fresh.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('shared-banner')).toContainText('A schedule shared with you: Maple Ridge Middle School');
  await other.getByLabel('Your name', { exact: true }).fill('Abby Diaz');
  await other.getByRole('button', { name: /Abby Diaz/ }).click();
  await expect(other.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
  expect(await storedKeys(other)).toEqual({});
  expect(errors).toEqual([]);
  await context.close();
});

test('a choice that would leave the board unreadable is refused, and the district still loads', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/board/setup');
  await page.locator('#start-school').selectOption({ label: 'Pinecrest Middle School' });
  await page.getByRole('button', { name: 'Start the board' }).click();
  await page.locator('#member-name').fill('Ivy Grant');
  await page.locator('#member-expertise').fill('Math');
  await page.getByRole('button', { name: 'Add a Plus teacher' }).click();
  await expect(page.getByTestId('setup-said')).toHaveText('Added Ivy Grant to the Plus team.');
  await page.getByRole('link', { name: 'Open this school’s board' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pinecrest Middle School' })).toBeVisible();
  // No teachers and no teams yet: a coaching cycle has no one to be with.
  await slot(page, 0, 1, 0).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('This board has no teachers yet: add them in the set-up first.');
  await page.keyboard.press('Escape');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Plus-teacher rotation board');
  expect(errors).toEqual([]);
});
