import { test, expect, Page } from '@playwright/test';
import { loadDemo, loadDemoUnplanned, saveStatus, expectNoAxeViolations, ready, watchErrors } from './helpers';

/** Start a scenario from the adopted plan; its settings are then on screen. */
async function newScenario(page: Page) {
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(page).toHaveURL(/\?scenario=/);
  await expect(page.getByLabel('Scenario name')).toBeFocused();
}

/** The names in one year's cohort table, in order. */
async function cohort(page: Page, year: number): Promise<string[]> {
  const section = page.locator('section.cohort', { has: page.getByRole('heading', { name: new RegExp(`^Year ${year}:`) }) });
  return section.locator('tbody tr:not(.pin-form-row) th a').allInnerTexts();
}

test('the plan follows the story: year 1 by readiness, the gate and opt-outs hold schools back', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/phase-in');
  await expect(page.getByRole('heading', { name: 'Year 1: 7 of 7 places' })).toBeVisible();
  await expect(page.getByTestId('consequence')).toHaveText('2 of the 4 lowest-performing schools get a coach in year 1.');
  const one = await cohort(page, 1);
  expect(one).toContain('Canal Street Elementary');
  expect(one).not.toContain('Northgate Middle School');
  expect(one).not.toContain('Summit High School'); // self-selected out
  // Both rankings, side by side, with the places apart.
  const need = page.locator('section.rank-list', { has: page.getByRole('heading', { name: 'By student-achievement need' }) });
  await expect(need.locator('tbody tr').first()).toContainText('Northgate Middle School');
  await expect(need.getByRole('row', { name: /Northgate Middle School/ })).toContainText('far apart');
  await expect(page.getByText('Not assessed yet: Kestrel Park Elementary; Linden Elementary; Westbrook High School.')).toBeVisible();
  // The champion's list: one school placed in year 1 by hand, with the rationale.
  const pinned = page.locator('section.cohort').getByRole('row', { name: /Pinecrest Middle School/ });
  await expect(pinned).toContainText('Pinned');
  await expect(pinned).toContainText('Pinned: The principals’ council asked for a middle school with high need in year 1.');
  expect(await cohort(page, 1)).toContain('Pinecrest Middle School');
  // A scenario kept apart from the plan.
  await expect(page.getByLabel('Plan on this page').locator('option')).toHaveText(['The adopted plan', 'Scenario: Stricter gate: Emerging holds a school back']);
  // The two lowest-performing schools that wait have readiness plans with a leadership coach.
  await page.goto('/phase-in/brief');
  for (const [school, coach] of [['Northgate Middle School', 'Dr. Ellen Marsh'], ['Harbor View Elementary', 'Marcus Bell']]) {
    const card = page.getByTestId('brief-deferred').locator('.deferred', { hasText: school });
    await expect(card).toContainText(coach);
  }
  await expect(page.getByTestId('brief-overrides')).toContainText('Pinecrest Middle School, pinned to year 1:');
  expect(errors).toEqual([]);
});

test('what-if: the gate, the capacity and the weights re-plan a scenario at once', async ({ page }) => {
  await loadDemoUnplanned(page);
  await page.goto('/phase-in');
  await expect(page.getByRole('heading', { name: 'Year 1: 7 of 7 places' })).toBeVisible();
  await newScenario(page);

  // A stricter gate: fewer schools may go in year 1, and the years still hold all 21.
  await page.getByLabel('At or below 2 Emerging').check();
  await expect(page.getByRole('heading', { name: /^Year 1: \d of \d places?$/ })).not.toHaveText('Year 1: 7 of 7 places');
  const strict = await cohort(page, 1);
  expect(strict.length).toBeLessThan(7);
  await expect(page.getByTestId('plan-conflicts')).toHaveCount(0);
  await page.getByLabel('The framework’s gate (at or below 1 Not yet)').check();
  await expect(page.getByRole('heading', { name: 'Year 1: 7 of 7 places' })).toBeVisible();

  // Capacity by hand: 3 coaches in year 1 leaves schools that do not fit, and says so.
  await page.getByLabel('Year 1', { exact: true }).fill('3');
  await page.getByLabel('Year 1', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Year 1: 3 of 3 places' })).toBeVisible();
  await expect(page.getByTestId('plan-conflicts')).toContainText('4 schools do not fit');
  await page.getByRole('button', { name: 'Split evenly again' }).click();
  await expect(page.getByRole('heading', { name: 'Year 1: 7 of 7 places' })).toBeVisible();

  // Weights: count only current student results.
  const before = await cohort(page, 1);
  await page.getByText('Criteria weights for planning').click();
  for (const name of ['Staff collaboration', 'Staff commitment to student success', 'Staff sense of efficacy and agency',
    'Commitment to continuous improvement', 'Collective responsibility',
    'Principal readiness and understanding of the coach\'s role', 'Leadership-team dynamics']) {
    const input = page.getByRole('spinbutton', { name, exact: true });
    await input.fill('0');
    await input.press('Tab');
  }
  await expect.poll(() => cohort(page, 1)).not.toEqual(before);
  await expect(saveStatus(page)).toHaveText('Saved');
  // The settings are kept.
  await page.reload();
  await page.getByText('Criteria weights for planning').click();
  await expect(page.getByRole('spinbutton', { name: 'Staff collaboration', exact: true })).toHaveValue('0');
  await page.getByRole('button', { name: 'Use the framework’s weights' }).click();
  await expect.poll(() => cohort(page, 1)).toEqual(before);
});

test('a scenario is kept apart from the adopted plan, compared with it, and adopted in one undoable step', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemoUnplanned(page);
  await page.goto('/phase-in');
  await expect(page.getByTestId('adopted-line')).toContainText('no scenario has been adopted yet');
  const adopted = await cohort(page, 1);
  await newScenario(page);
  await page.getByLabel('Scenario name').fill('Stricter gate');
  await page.getByLabel('Scenario name').press('Tab');
  await page.getByLabel('At or below 2 Emerging').check();
  await expect(page.getByRole('heading', { name: 'Cohorts in this scenario' })).toBeVisible();
  const tried = await cohort(page, 1);
  expect(tried).not.toEqual(adopted);
  // The comparison names the schools that move, and to which year.
  const moves = page.getByTestId('scenario-moves');
  await expect(moves).toContainText(/Compared with the adopted plan: \d+ schools? moves? to another year\./);
  const moved = adopted.find((n) => !tried.includes(n))!;
  await expect(moves.getByRole('row', { name: new RegExp(moved) })).toContainText('Year 1');
  // The adopted plan, and the brief, have not changed.
  await page.getByLabel('Plan on this page').selectOption({ label: 'The adopted plan' });
  await expect(page).not.toHaveURL(/scenario=/);
  expect(await cohort(page, 1)).toEqual(adopted);
  await page.goto('/phase-in/brief');
  await expect(page.getByTestId('brief-adopted')).toContainText('no scenario has been adopted yet');
  expect(await page.getByTestId('brief-cohorts').locator('h3').first().innerText()).toContain('Year 1: 7 schools');
  // Adopt: one step, with Undo.
  await page.goto('/phase-in');
  await page.getByLabel('Plan on this page').selectOption({ label: 'Scenario: Stricter gate' });
  await page.getByRole('button', { name: 'Adopt this scenario' }).click();
  await expect(page.getByText('“Stricter gate” is now the adopted plan.')).toBeVisible();
  expect(await cohort(page, 1)).toEqual(tried);
  await expect(page.getByTestId('adopted-line')).toContainText('The plan was last adopted');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('The adoption is undone')).toBeVisible();
  expect(await cohort(page, 1)).toEqual(adopted);
  // Adopt again, and the brief prints the adopted plan with its date.
  await page.getByLabel('Plan on this page').selectOption({ label: 'Scenario: Stricter gate' });
  await page.getByRole('button', { name: 'Adopt this scenario' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto('/phase-in/brief');
  await expect(page.getByTestId('brief-adopted')).toContainText('The adopted plan, adopted ');
  await expect(page.locator('.facts-line').first()).toContainText('gate at or below 2 Emerging');
  expect(errors).toEqual([]);
});

test('keyboard focus stays on the control while the plan re-renders around it', async ({ page }) => {
  await loadDemoUnplanned(page);
  await page.goto('/phase-in');
  await newScenario(page);
  const framework = page.getByLabel('The framework’s gate (at or below 1 Not yet)');
  await framework.focus();
  await page.keyboard.press('ArrowDown'); // Off
  await page.keyboard.press('ArrowDown'); // At or below 1
  await page.keyboard.press('ArrowDown'); // At or below 2
  const two = page.getByLabel('At or below 2 Emerging');
  await expect(two).toBeChecked();
  await expect(two).toBeFocused();
  await expect(page.getByRole('heading', { name: /^Year 1:/ })).not.toHaveText('Year 1: 7 of 7 places');
  // Typing a weight and tabbing on lands in the next weight, which survives the re-plan.
  await page.getByText('Criteria weights for planning').click();
  const first = page.getByRole('spinbutton', { name: 'Staff collaboration', exact: true });
  await first.fill('5');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('spinbutton', { name: 'Staff commitment to student success', exact: true })).toBeFocused();
  await expect(first).toHaveValue('5');
});

test('pinning needs a rationale, is marked, survives a reload and can be undone', async ({ page }) => {
  await loadDemoUnplanned(page);
  await page.goto('/phase-in');
  const row = page.getByRole('row', { name: /Westbrook High School/ }).first();
  await row.getByRole('button', { name: 'Pin… Westbrook High School' }).click();
  const form = page.getByRole('form', { name: 'Pin Westbrook High School to a year' });
  // No complete round: year 1 is not offered, and the form says why.
  await expect(form.getByRole('option', { name: 'Year 1 (not possible)' })).toBeDisabled();
  await expect(form).toContainText('Westbrook High School can’t go in year 1: it has no complete readiness round');
  await form.getByLabel('Year').selectOption('2');
  await form.getByRole('button', { name: 'Pin' }).click();
  await expect(form.getByRole('alert')).toContainText('Write why this school goes in that year');
  await expect(form.getByLabel(/Rationale/)).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel(/Rationale/).fill('Its new principal starts next year and asked for a coach from day one.');
  await form.getByRole('button', { name: 'Pin' }).click();
  await expect(page.getByText('Westbrook High School is pinned to year 2.')).toBeVisible();
  expect(await cohort(page, 2)).toContain('Westbrook High School');
  const pinned = page.locator('section.cohort').getByRole('row', { name: /Westbrook High School/ });
  await expect(pinned).toContainText('Pinned');
  await expect(pinned).toContainText('Pinned: Its new principal starts next year');

  await expect(form).toHaveCount(0);

  // A school below the gate: year 1 only as an explicit override, refused in the form first,
  // never "pinned" and then "not applied".
  await page.getByRole('button', { name: 'Pin… Harbor View Elementary' }).click();
  const f2 = page.getByRole('form', { name: 'Pin Harbor View Elementary to a year' });
  await expect(f2.getByRole('option', { name: 'Year 1 (as an override)' })).toBeAttached();
  await f2.getByLabel('Year').selectOption('1');
  await f2.getByLabel(/Rationale/).fill('The board asked for it.');
  await expect(f2.getByRole('button', { name: 'Pin as an override' })).toBeVisible();
  await f2.getByRole('button', { name: 'Pin as an override' }).click();
  await expect(f2.getByRole('alert')).toContainText('Harbor View Elementary is below the gate (');
  await expect(f2.getByRole('alert')).toContainText('so year 1 takes it only as an override');
  await expect(page.getByText('Harbor View Elementary is pinned to year 1.')).toHaveCount(0);
  await expect(page.getByTestId('plan-conflicts')).toHaveCount(0);
  expect(await cohort(page, 1)).not.toContain('Harbor View Elementary');
  // The override, chosen on purpose, with its rationale: marked on the plan and both rankings.
  await f2.getByLabel(/^Override: put this school in year 1 although it is below the gate/).check();
  await f2.getByRole('button', { name: 'Pin as an override' }).click();
  await expect(page.getByText('Harbor View Elementary is in year 1 as an override.')).toBeVisible();
  expect(await cohort(page, 1)).toContain('Harbor View Elementary');
  const over = page.locator('section.cohort').getByRole('row', { name: /Harbor View Elementary/ });
  await expect(over).toContainText('Override');
  await expect(over).toContainText('Override of year 1’s rule: below the gate (');
  for (const list of ['By student-achievement need', 'By readiness']) {
    const ranks = page.locator('section.rank-list', { has: page.getByRole('heading', { name: list }) });
    await expect(ranks.getByRole('row', { name: /Harbor View Elementary/ })).toContainText('Override: year 1');
  }
  await expect(page.getByTestId('plan-conflicts')).toHaveCount(0);
  await page.goto('/phase-in/brief');
  await expect(page.getByTestId('brief-overrides')).toContainText('Harbor View Elementary, in year 1 as an override (it is below the gate (');
  await expect(page.getByTestId('brief-cohorts').getByRole('row', { name: /Harbor View Elementary/ })).toContainText('Override');
  await page.goto('/phase-in');
  await page.getByRole('button', { name: 'Unpin Harbor View Elementary' }).click();
  expect(await cohort(page, 1)).not.toContain('Harbor View Elementary');

  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(page.locator('section.cohort').getByRole('row', { name: /Westbrook High School/ })).toContainText('Pinned');
  await page.getByRole('button', { name: 'Unpin Westbrook High School' }).click();
  await expect(page.getByText('Westbrook High School is no longer pinned.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Westbrook High School is pinned again.')).toBeVisible();
  await expect(page.locator('section.cohort').getByRole('row', { name: /Westbrook High School/ })).toContainText('Pinned');
});

test('search and filter narrow every list', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/phase-in');
  await page.getByLabel('Show').selectOption('gated');
  // Wait for the lists to settle on the filter before reading them.
  const links = page.locator('section.cohort tbody th a');
  await expect(links.filter({ hasText: 'Northgate Middle School' })).toHaveCount(1);
  await expect(links.filter({ hasText: 'Fairview Elementary' })).toHaveCount(0);
  const names = await links.allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  await page.getByLabel('Show').selectOption('all');
  await page.getByLabel('Find a school').fill('canal');
  await expect(page.locator('section.cohort tbody th a')).toHaveText(['Canal Street Elementary']);
});

for (const width of [1280, 360]) {
  test(`axe finds no violation on the planner at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await loadDemoUnplanned(page);
    await page.goto('/phase-in');
    await ready(page);
    await newScenario(page);
    await page.getByText('Criteria weights for planning').click();
    await expectNoAxeViolations(page, `/phase-in with a scenario at ${width}px`);
    // Pins are set on the adopted plan: its pin form too.
    await page.getByLabel('Plan on this page').selectOption({ label: 'The adopted plan' });
    await page.getByRole('button', { name: 'Pin… Westbrook High School' }).click();
    await expectNoAxeViolations(page, `/phase-in at ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `/phase-in scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  });
}

test('every section of /phase-in is in the accessibility tree at load, and the page does not jump', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/phase-in');
  await ready(page);
  // Read the tree before scrolling: off-screen sections must be there already.
  const tree = await page.locator('main').ariaSnapshot();
  for (const h of ['heading "Year 1: 7 of 7 places"', 'heading "Year 3: 7 of 7 places"',
    'heading "By student-achievement need"', 'heading "By readiness"']) {
    expect(tree, h).toContain(h);
  }
  // No section is painted late: content-visibility is not used on the planner.
  const lazy = await page.evaluate(() => [...document.querySelectorAll('main *')]
    .filter((e) => getComputedStyle(e).contentVisibility === 'auto').length);
  expect(lazy).toBe(0);
});

test('scroll regions are Tab stops only when they scroll, tables are named, and wide tables say they scroll', async ({ page }) => {
  await loadDemo(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('/phase-in');
    await ready(page);
    await newScenario(page);
    await page.getByText('Criteria weights for planning').click();
    // Let the wrappers measure.
    await page.waitForTimeout(100);
    const regions = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].map((d) => ({
      focusable: d.getAttribute('tabindex') === '0',
      scrolls: d.scrollWidth > d.clientWidth + 1,
      name: d.getAttribute('aria-label'),
      cue: !(d.nextElementSibling?.classList.contains('hidden') ?? true),
      visible: (d as HTMLElement).offsetParent !== null,
    })).filter((r) => r.visible));
    for (const r of regions) {
      expect(r.focusable, `${width}px: ${JSON.stringify(r)}`).toBe(r.scrolls);
      expect(r.cue, `${width}px: ${JSON.stringify(r)}`).toBe(r.scrolls);
      if (r.scrolls) expect(r.name).toMatch(/table \(scrolls sideways\)$/);
    }
    if (width === 1280) expect(regions.filter((r) => r.focusable), JSON.stringify(regions)).toHaveLength(0);
    if (width === 390) expect(regions.filter((r) => r.focusable).length).toBeGreaterThan(0);
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('main table')]
      .filter((t) => !t.querySelector('caption') && !t.getAttribute('aria-label') && !t.getAttribute('aria-labelledby')).length);
    expect(unnamed, `${width}px: tables with no name`).toBe(0);
    // At 390 px no school name is drawn over the figures beside it.
    if (width === 390) {
      const overlaps = await page.evaluate(() => [...document.querySelectorAll('.rank-list tbody tr')].filter((tr) => {
        const th = tr.querySelector('th')!;
        const next = th.nextElementSibling!;
        return th.scrollWidth > th.clientWidth + 1 || th.getBoundingClientRect().right > next.getBoundingClientRect().left + 1;
      }).length);
      expect(overlaps).toBe(0);
      await page.screenshot({ path: 'test-results/phase-in-390.png', fullPage: true });
    }
  }
});

test('under forced colours the current page in the navigation is still marked', async ({ page }) => {
  await loadDemo(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/phase-in');
  const current = page.locator('.nav-list a[aria-current="page"]');
  await expect(current).toHaveText('Phase-in plan');
  const line = await current.evaluate((a) => getComputedStyle(a).textDecorationLine);
  expect(line).toContain('underline');
  const other = page.locator('.nav-list a:not([aria-current])').first();
  expect(await other.evaluate((a) => getComputedStyle(a).textDecorationLine)).not.toContain('underline');
});

test('one year’s capacity changes alone, and a scenario names the pins it cannot keep before it is adopted', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/phase-in');
  await newScenario(page);
  // A stricter gate adjusts the even split; the numbers on screen are the starting point.
  await page.getByLabel('At or below 2 Emerging').check();
  const shown = async () => Promise.all([1, 2, 3].map((y) => page.getByLabel(`Year ${y}`, { exact: true }).inputValue()));
  await expect.poll(async () => (await shown())[0]).not.toBe('7');
  const before = await shown();
  await page.getByLabel('Year 3', { exact: true }).fill(String(Number(before[2]) + 1));
  await page.getByLabel('Year 3', { exact: true }).press('Enter');
  await expect.poll(shown).toEqual([before[0], before[1], String(Number(before[2]) + 1)]);
  // No coach in year 1: the champion's pin of Pinecrest cannot be kept, and the scenario says so.
  await page.getByLabel('Year 1', { exact: true }).fill('0');
  await page.getByLabel('Year 1', { exact: true }).press('Enter');
  await expect(page.getByTestId('dropped-pins')).toContainText('Pins this scenario cannot keep: Pinecrest Middle School (year 1).');
  await page.getByRole('button', { name: 'Adopt this scenario' }).click();
  await expect(page.getByText(/is now the adopted plan\. The brief shows it\. It does not apply the pin of Pinecrest Middle School \(year 1\)/)).toBeVisible();
  await expect(page.getByTestId('plan-conflicts')).toContainText('Pinecrest Middle School is pinned to year 1');
  expect(errors).toEqual([]);
});

test('pins are set on the adopted plan only, and a scenario names at once the pins it cannot keep', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/phase-in?scenario=scenario-stricter-gate');
  await expect(page.getByRole('heading', { name: 'Cohorts in this scenario' })).toBeVisible();
  await expect(page.getByTestId('scenario-pins-note')).toContainText('Pins belong to the adopted plan');
  await expect(page.locator('section.cohort').getByRole('button', { name: /^(Pin…|Unpin) / })).toHaveCount(0);
  const banner = page.getByTestId('dropped-pins');
  const before = (await banner.count()) ? await banner.innerText() : '';
  expect(before).not.toContain('Canal Street Elementary');
  // Pin Canal Street (it passes the framework's gate, not the scenario's) on the adopted plan.
  await page.getByLabel('Plan on this page').selectOption({ label: 'The adopted plan' });
  await page.getByRole('button', { name: 'Pin… Canal Street Elementary' }).click();
  const form = page.getByRole('form', { name: 'Pin Canal Street Elementary to a year' });
  await form.getByLabel('Year').selectOption('1');
  await form.getByLabel(/Rationale/).fill('The council wants it.');
  await form.getByRole('button', { name: 'Pin' }).click();
  await expect(page.getByText('Canal Street Elementary is pinned to year 1.')).toBeVisible();
  // Back on the scenario, without a reload, the banner names it.
  await page.getByLabel('Plan on this page').selectOption({ label: 'Scenario: Stricter gate: Emerging holds a school back' });
  await expect(page.getByTestId('dropped-pins')).toContainText('Canal Street Elementary (year 1)');
  expect(errors).toEqual([]);
});
