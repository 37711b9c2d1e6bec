import { test, expect, Page } from '@playwright/test';
import { loadDemo, ready, expectNoAxeViolations, watchErrors } from './helpers';

// Issue 11, "The Plus board shows its clashes": clashes marked on the grid, the day editor
// warns before one is made, the fill message speaks for the whole board, the grid's
// keyboard model, forced colours, the sticky column and the printout's school name.

async function openBoard(page: Page) {
  await loadDemo(page);
  await page.goto('/board');
  await ready(page);
  await expect(page.getByRole('heading', { name: 'Maple Ridge Middle School' })).toBeVisible();
}

const said = (page: Page) => page.getByTestId('board-said');
const slot = (page: Page, m: number, w: number, d: number) => page.locator(`#slot-${m}-${w}-${d}`);

/** Give Plus teacher 1's Monday of week 1 to a teacher who is with someone else then. */
async function makeClash(page: Page) {
  await slot(page, 1, 1, 0).click();
  await expect(page.locator('#slot-editor-title')).toBeVisible();
  await page.getByLabel('Coaching cycle with a teacher').check();
  await expect(page.getByTestId('free-teachers')).toContainText(/^\d+ of 40 teachers are free that day/);
  const busy = page.locator('#slot-teacher option', { hasText: 'busy with' }).first();
  const value = await busy.getAttribute('value');
  await page.locator('#slot-teacher').selectOption(value!);
  // The warning comes before the clash is made.
  await expect(page.getByTestId('clash-warning')).toContainText('saving this makes a clash');
  await page.getByRole('button', { name: 'Save anyway' }).click();
  await expect(said(page)).toContainText('Placed coaching cycle with');
}

test('a clash is marked on every cell involved, for eyes and screen readers, and "Show" goes to it', async ({ page }) => {
  const errors = watchErrors(page);
  await openBoard(page);
  await expect(page.locator('button.slot.clash')).toHaveCount(0);
  await makeClash(page);
  await expect(page.getByTestId('hard-rules')).toContainText('broken');
  // Both Plus teachers' Mondays are marked: a class and the rule in the accessible name.
  const marked = page.locator('button.slot.clash');
  await expect(marked).toHaveCount(2);
  await expect(slot(page, 1, 1, 0)).toHaveClass(/\bclash\b/);
  await expect(slot(page, 1, 1, 0)).toHaveAttribute('aria-label', /Clash: .* is in two sessions at once on week 1, Monday/);
  // "Show week 1" goes to a cell of that clash, not to the first cell of the week.
  await page.locator('.findings.hard').getByRole('button', { name: 'Show week 1' }).first().click();
  await expect(page.locator(':focus')).toHaveClass(/\bclash\b/);
  await expectNoAxeViolations(page, '/board with a clash');
  expect(errors).toEqual([]);
});

test('the fill message names the weeks it covers and the broken rules it did not touch; no timings', async ({ page }) => {
  await openBoard(page);
  await makeClash(page);
  await page.getByLabel('From week').fill('2');
  await page.getByRole('button', { name: 'Fill the rest of the year', exact: true }).click();
  await page.getByRole('button', { name: 'Plan again' }).click();
  await expect(said(page)).toContainText('Weeks 2 to 36 were already full');
  await expect(said(page)).toContainText('in week 1, which this fill did not change');
  await expect(said(page)).not.toContainText('Every hard rule is met');
  await expect(said(page)).not.toContainText(/\d ms/);
  await expect(page.getByTestId('hard-rules')).toContainText('broken');
});

test('week headings are in the grid\u2019s keyboard model, a picked-up cell says so, and the toolbar answers arrow keys', async ({ page }) => {
  await openBoard(page);
  // One Tab stop for the grid: headings are reached with the arrow keys.
  const heads = page.locator('button.week-head');
  await expect(heads.first()).toHaveAttribute('tabindex', '-1');
  await slot(page, 0, 1, 0).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#week-head-1')).toBeFocused();
  await expect(page.locator('#week-head-1')).toHaveAccessibleName(/^Week 1 · 24 Aug.*opens the week’s editor$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#week-head-2')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(slot(page, 0, 2, 0)).toBeFocused();

  // A picked-up cell is described as picked up; the description goes when it is put back.
  await page.keyboard.press('Space');
  await expect(slot(page, 0, 2, 0)).toHaveAttribute('aria-describedby', 'board-picked-note');
  await expect(slot(page, 0, 2, 0)).toHaveAccessibleDescription(/^Picked up\./);
  await page.keyboard.press('Escape');
  await expect(slot(page, 0, 2, 0)).not.toHaveAttribute('aria-describedby', /./);

  // The toolbar: one Tab stop, arrow keys between its controls.
  const bar = page.getByRole('toolbar', { name: 'Board actions' });
  await expect(bar.locator('[tabindex="0"]')).toHaveCount(1);
  await bar.getByRole('button', { name: 'Fill the rest of the year', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByRole('button', { name: 'Fill the whole year' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByRole('button', { name: 'Print the board' })).toBeFocused();
  await expect(bar.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#fill-from')).toBeFocused();
});

for (const width of [390, 1280]) {
  test(`at ${width} px the focused day never hides behind the sticky Plus-teacher column`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openBoard(page);
    await slot(page, 0, 1, 0).focus();
    const check = async () => {
      const [cell, sticky] = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const th = document.querySelector('.board-grid tbody th') as HTMLElement;
        const scroller = document.querySelector('.board-scroll') as HTMLElement;
        const r = el.getBoundingClientRect();
        const s = th.getBoundingClientRect();
        const box = scroller.getBoundingClientRect();
        return [[r.left, r.right], [s.right, box.right]];
      });
      expect(cell[0], 'left edge clear of the sticky column').toBeGreaterThanOrEqual(sticky[0] - 1);
      expect(cell[1], 'right edge inside the board').toBeLessThanOrEqual(sticky[1] + 1);
    };
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('ArrowRight');
      await check();
    }
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('ArrowLeft');
      await check();
    }
  });
}

test('under forced colours the selected term, the bars and the clash marks keep a border or a shape', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openBoard(page);
  await makeClash(page);
  const pressed = page.locator('.terms button[aria-pressed="true"]');
  await expect(pressed).toHaveCSS('border-top-style', 'double');
  await expect(slot(page, 1, 1, 0)).toHaveCSS('border-top-style', 'double');
  const bars = await page.locator('.metrics .bar').evaluateAll((els) => els.map((e) => {
    const s = getComputedStyle(e);
    return { bg: s.backgroundColor, border: s.borderTopStyle, width: e.getBoundingClientRect().width };
  }));
  expect(bars.length).toBeGreaterThan(0);
  for (const b of bars) {
    expect(b.bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(b.border).toBe('solid');
  }
  await page.screenshot({ path: '/tmp/wtb-shots/board-forced-colors.png' });
});

test('the printout names the school', async ({ page }) => {
  await openBoard(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.print-term h2').first()).toContainText('Maple Ridge Middle School');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-term table').first()).toHaveAccessibleName(/^Maple Ridge Middle School · Plus board · Term 1/);
});

for (const width of [1280, 390]) {
  test(`a screenshot of the board at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openBoard(page);
    await makeClash(page);
    await page.screenshot({ path: `/tmp/wtb-shots/board-${width}.png`, fullPage: false });
  });
}

test('a PD plan for the year: previewed as it is chosen, put on the board in one step, undone in one', async ({ page }) => {
  await openBoard(page);
  // The demo has PD weeks, so the plan starts closed.
  await page.getByText('Plan the year’s PD weeks').click();
  await page.getByLabel('First PD week').fill('3');
  await page.getByLabel('First PD week').press('Tab');
  const plan = page.locator('.pd-plan');
  await plan.getByLabel('Monday').check();
  await plan.getByLabel('Tuesday').uncheck();
  const preview = page.getByTestId('pd-preview');
  await expect(preview).toContainText('Preview: 9 PD weeks, in place of the 9 on the board now.');
  // Labor Day is Monday of week 3: that week's PD is on Wednesday only.
  await expect(preview).toContainText('Week 3: Grade 6, Wednesday');
  await expect(preview).toContainText('Week 7: Grade 7, Monday and Wednesday');
  await expect(page.locator('#week-head-3')).toContainText('Coaching');
  await page.getByRole('button', { name: 'Put this PD plan on the board' }).click();
  await expect(said(page)).toContainText('Planned 9 PD weeks in place of the 9 the board had.');
  await expect(page.locator('#week-head-3')).toContainText('PD: Grade 6 (Wed)');
  await page.getByRole('button', { name: 'Undo the PD plan' }).click();
  await expect(said(page)).toContainText('Undone: the PD plan.');
  await expect(page.locator('#week-head-3')).toContainText('Coaching');
  // A plan with no day says so, and cannot be put on the board.
  await plan.getByLabel('Monday').uncheck();
  await plan.getByLabel('Wednesday').uncheck();
  await expect(preview).toContainText('Choose at least one PD day.');
  await expect(page.getByRole('button', { name: 'Put this PD plan on the board' })).toBeDisabled();
});
