import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadDemo, loadDemoUnplanned, ready, saveStatus, expectNoAxeViolations, watchErrors } from './helpers';

const PLAN = '/phase-in/plans/northgate-ms';

async function startPlan(page: Page) {
  await page.goto(PLAN);
  await expect(page.locator('h1')).toHaveText('Northgate Middle School: readiness plan');
  await page.getByRole('button', { name: 'Start a readiness plan' }).click();
  await expect(page.getByRole('heading', { name: 'Goals', level: 2 })).toBeFocused();
  await expect(saveStatus(page)).toHaveText('Saved');
}

test('a readiness plan: goals, actions with check-ins, coach and re-assessment, kept on reload', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemoUnplanned(page);
  await page.goto(PLAN);
  await expect(page.locator('h1')).toHaveText('Northgate Middle School: readiness plan');
  // Context: Northgate is gated and not in year 1.
  await expect(page.getByTestId('plan-placement')).toContainText(/Year [23]/);
  await expect(page.getByTestId('plan-placement')).toContainText('Not yet ready');
  await expect(page.getByRole('link', { name: /readiness rounds and trend/ })).toHaveAttribute('href', '/readiness/northgate-ms');
  await expect(page.getByText('No readiness plan yet')).toBeVisible();

  await page.getByRole('button', { name: 'Start a readiness plan' }).click();
  await expect(page.getByRole('heading', { name: 'Goals', level: 2 })).toBeFocused();
  const goals = page.locator('.goal h3');
  await expect(goals).toHaveCount(3);
  await expect(goals.nth(0)).toHaveText(/^Principal readiness/);
  await expect(goals.nth(1)).toHaveText(/^Staff commitment/);
  await expect(goals.nth(2)).toHaveText('Current student results');
  await expect(page.locator('.goal-levels').first()).toHaveText('Baseline 1 Not yet → target 2 Emerging');
  await expect(page.getByTestId('plan-progress')).toContainText('Awaiting re-assessment');

  // Edit a goal's text and target.
  const goalText = page.getByLabel(/^Goal for Current student results/);
  await goalText.fill('Use the spring data in every team meeting.');
  await goalText.blur();
  await expect(page.getByRole('status').filter({ hasText: 'Goal saved.' })).toBeVisible();
  await page.getByLabel(/^Target level for Current student results/).selectOption({ label: '3 Developing' });
  await expect(page.locator('.goal-levels').nth(2)).toHaveText('Baseline 1 Not yet → target 3 Developing');

  // Remove a goal, undo; then add a goal for another criterion.
  await page.getByRole('button', { name: /^Remove goal… Current student results/ }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(goals).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(goals).toHaveCount(3);
  await expect(goals.nth(2)).toHaveText('Current student results');
  await page.getByLabel('Criterion', { exact: true }).selectOption({ label: 'Staff collaboration' });
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect(goals).toHaveCount(4);
  await expect(goals.nth(3)).toHaveText('Staff collaboration');

  // An action without an owner is refused, with the error on the field.
  await page.getByLabel('What', { exact: true }).fill('Protocol training for team leads');
  await page.getByLabel('Due date').fill('2027-01-15');
  await page.getByRole('button', { name: 'Add action' }).click();
  const owner = page.getByLabel('Owner', { exact: true });
  await expect(page.getByRole('alert').filter({ hasText: 'Name who owns the action.' })).toBeVisible();
  await expect(owner).toHaveAttribute('aria-invalid', 'true');
  await expect(owner).toHaveAttribute('aria-describedby', 'action-owner-error');
  await expect(owner).toBeFocused();
  await expect(page.getByTestId('actions-table')).toHaveCount(0);
  await owner.fill('Principal Ortiz');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Action added' })).toBeVisible();
  await expect(owner).not.toHaveAttribute('aria-invalid', 'true');
  const row = page.getByTestId('actions-table').getByRole('row', { name: /Protocol training for team leads/ });
  await expect(row).toContainText('Principal Ortiz');
  await expect(row).toContainText('2027-01-15');
  await expect(row).toContainText('Not started');

  // A check-in marks the action at risk.
  const block = page.locator('details.check-in-block', { hasText: 'Protocol training for team leads' });
  await block.locator('summary').click();
  await block.getByLabel('Date').fill('2026-12-01');
  await block.getByLabel('Status').selectOption({ label: 'At risk' });
  await block.getByLabel('Note (optional)').fill('Two leads on leave.');
  await block.getByRole('button', { name: 'Record check-in' }).click();
  await expect(block.getByRole('status')).toHaveText('Check-in recorded: At risk on 2026-12-01.');
  await expect(row.locator('.status-badge')).toHaveText('At risk');
  await expect(block.locator('.check-in-list li')).toHaveCount(1);
  await expect(block.locator('.check-in-list li')).toContainText('Two leads on leave.');

  // The principal's leadership coach and the re-assessment date.
  await page.getByLabel('Leadership coach', { exact: true }).fill('Dr. Amara Lee');
  await page.getByRole('button', { name: 'Save the leadership coach' }).click();
  await expect(page.getByText('Saved: Dr. Amara Lee works with the principal.')).toBeVisible();
  await page.getByLabel('Re-assessment date', { exact: true }).fill('2027-04-20');
  await page.getByRole('button', { name: 'Save the re-assessment date' }).click();
  await expect(page.getByText('Saved: re-assessment on 2027-04-20.')).toBeVisible();
  await expect(page.getByTestId('plan-progress')).toHaveText(/Awaiting re-assessment: Re-assess on 2027-04-20 to measure progress\./);
  await expect(page.getByRole('link', { name: /Start the re-assessment round/ })).toHaveAttribute('href', '/readiness/northgate-ms');
  await expect(saveStatus(page)).toHaveText('Saved');

  // Everything is kept.
  await page.reload();
  await ready(page);
  await expect(goals).toHaveCount(4);
  await expect(page.getByLabel(/^Goal for Current student results/)).toHaveValue('Use the spring data in every team meeting.');
  await expect(page.locator('.goal-levels').nth(2)).toHaveText('Baseline 1 Not yet → target 3 Developing');
  await expect(page.getByTestId('actions-table').getByRole('row', { name: /Protocol training/ }).locator('.status-badge')).toHaveText('At risk');
  await expect(page.getByLabel('Leadership coach', { exact: true })).toHaveValue('Dr. Amara Lee');
  await expect(page.getByLabel('Re-assessment date', { exact: true })).toHaveValue('2027-04-20');
  await expect(page.getByTestId('plan-progress')).toContainText('Awaiting re-assessment');

  // Remove the action, then undo.
  await page.getByRole('button', { name: /^Remove… Protocol training/ }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByTestId('actions-table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('actions-table').getByRole('row', { name: /Protocol training/ })).toBeVisible();

  // The brief shows the plan.
  await page.goto('/phase-in/brief');
  const deferred = page.getByTestId('brief-deferred').locator('.deferred', { hasText: 'Northgate Middle School' });
  await expect(deferred).toContainText('Dr. Amara Lee');
  await expect(deferred).toContainText('2027-04-20');
  await expect(deferred).toContainText('1 action: 1 at risk');
  await expect(deferred).toContainText('Awaiting re-assessment');
  expect(errors).toEqual([]);
});

test('the brief prints without controls, and the plan downloads as a safe CSV', async ({ page }, info) => {
  const errors = watchErrors(page);
  await loadDemoUnplanned(page);
  await page.goto('/phase-in/brief');
  await expect(page.locator('h1')).toHaveText('Phase-in decision brief');
  await expect(page.locator('.kicker')).toContainText('Benson School District');
  await expect(page.getByTestId('brief-overrides')).toContainText('No overrides.');
  await expect(page.getByRole('heading', { name: /^Year 1:/ })).toBeVisible();
  await expect(page.getByText(/of the \d+ lowest-performing schools gets? a coach in year 1\./)).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header nav')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download the plan as CSV' })).toBeHidden();
  await expect(page.locator('.crumbs')).toBeHidden();
  const cohorts = page.getByTestId('brief-cohorts').locator('table');
  expect(await cohorts.count()).toBeGreaterThanOrEqual(3);
  for (const t of await cohorts.all()) await expect(t).toBeVisible();
  await expect(page.getByTestId('brief-overrides')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the plan as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^benson-school-district-phase-in-plan-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = info.outputPath('plan.csv');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const body = text.slice(1);
  expect(body.endsWith('\r\n')).toBe(true);
  const lines = parseCsv(body);
  expect(lines[0]).toEqual([
    'School', 'Level', 'Year', 'Pinned', 'Rationale', 'Need place', 'Proficiency %', 'Readiness place',
    'Readiness index', 'Gated criteria', 'Self-selected out', 'Why', 'Readiness plan',
  ]);
  const rows = lines.slice(1);
  expect(rows).toHaveLength(21);
  for (const r of rows) expect(r).toHaveLength(13);
  const northgate = rows.find((r) => r[0] === 'Northgate Middle School')!;
  expect(northgate[2]).not.toBe('1');
  expect(northgate[9]).toContain('Not yet');
  expect(northgate[12]).toBe('None yet');
  // Nothing a spreadsheet would evaluate starts a cell, except plain numbers.
  for (const cell of rows.flat()) {
    if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
  }
  expect(errors).toEqual([]);
});

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

// 320 px is 1280 px at 400 % zoom (WCAG 1.4.10 reflow).
for (const width of [1280, 360, 320]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 1280 ? 800 : 780 } });

    test('axe finds no violation on the plan page and the brief, and nothing scrolls sideways', async ({ page }) => {
      await loadDemoUnplanned(page);
      const noSideways = async (label: string) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${label} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      };
      await page.goto(PLAN);
      await ready(page);
      await expectNoAxeViolations(page, `plan page before a plan at ${width}px`);
      await noSideways('plan page before a plan');

      await startPlan(page);
      await page.getByLabel('What', { exact: true }).fill('Protocol training');
      await page.getByRole('button', { name: 'Add action' }).click();
      await expect(page.getByRole('alert').first()).toBeVisible(); // field errors on screen
      await expectNoAxeViolations(page, `plan page with field errors at ${width}px`);
      await page.getByLabel('Owner', { exact: true }).fill('Principal Ortiz');
      await page.getByLabel('Due date').fill('2027-01-15');
      await page.getByRole('button', { name: 'Add action' }).click();
      await expect(page.getByTestId('actions-table')).toBeVisible();
      await page.locator('details.check-in-block summary').first().click();
      await expectNoAxeViolations(page, `plan page with a plan at ${width}px`);
      await noSideways('plan page with a plan');
      await page.screenshot({ path: `/tmp/h2-shots/plan-${width}.png`, fullPage: true });

      await page.goto('/phase-in/brief');
      await ready(page);
      await expectNoAxeViolations(page, `brief at ${width}px`);
      await noSideways('brief');
      await page.screenshot({ path: `/tmp/h2-shots/brief-${width}.png`, fullPage: true });
      if (width === 1280) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: '/tmp/h2-shots/brief-print.png', fullPage: true });
        await page.pdf({ path: '/tmp/h2-shots/brief.pdf', format: 'Letter' }).catch(() => undefined);
      }
    });
  });
}

test('readiness plans are for schools not ready, the words agree with the plan, and a cover note leads the brief', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemoUnplanned(page);
  await page.goto('/phase-in');
  // A ready school that waits only for a place is not offered a readiness plan.
  const waiting = page.locator('section.cohort tbody tr', { hasText: 'Ready, waiting for a place' });
  // The page's code may still be on its way (a split build fetches it after the page loads).
  await expect(waiting.first()).toBeVisible();
  expect(await waiting.count()).toBeGreaterThan(0);
  for (const row of await waiting.all()) {
    await expect(row.getByRole('link', { name: /readiness plan/ })).toHaveCount(0);
  }
  // Every plan link names its school.
  const links = page.getByRole('link', { name: /^Start a readiness plan for / });
  const names = await links.allTextContents();
  expect(new Set(names).size).toBe(names.length);
  // The plan page of a waiting school says it needs none, and offers no button.
  const href = await page.locator('section.cohort tbody tr', { hasText: 'Ready, waiting for a place' }).first()
    .locator('th a').getAttribute('href');
  await page.goto(href!.replace('/readiness/', '/phase-in/plans/'));
  await expect(page.getByTestId('no-plan-needed')).toContainText('It needs no readiness plan: it waits only for its place in year');
  await expect(page.getByRole('button', { name: 'Start a readiness plan' })).toHaveCount(0);
  // A gated school's plan page says which year it can move to, in words the plan keeps.
  await page.goto(PLAN);
  await expect(page.getByTestId('once-ready')).toHaveText(/^If it passes the gate at its re-assessment, it (can move up to year 2|keeps year \d)/);

  // The brief lists only schools not ready under "Schools that wait", and agrees with the plan.
  await page.goto('/phase-in/brief');
  const deferred = page.getByTestId('brief-deferred');
  await expect(deferred).not.toContainText('Ready, waiting for a place');
  await expect(deferred).toContainText('If it passes the gate at its re-assessment');
  await expect(page.locator('#b-consequence').locator('..')).not.toContainText('assigned a coach the next year');

  // A cover note: written on screen, printed first.
  await page.getByRole('button', { name: 'Write a cover note' }).click();
  await page.getByLabel(/Your cover note/).fill('I recommend the seven schools in year 1.\n\nThe others get a readiness plan and a leadership coach.');
  await page.getByRole('button', { name: 'Save the cover note' }).click();
  await expect(page.getByTestId('cover-note')).toContainText('I recommend the seven schools in year 1.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('cover-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit the cover note' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});

test('with the gate off, a ready label still names the criteria at 1', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/phase-in');
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Off: no gate').check();
  const row = page.locator('section.cohort').getByRole('row', { name: /Northgate Middle School/ });
  await expect(row).toContainText('With the gate off, 3 criteria are at 1 Not yet');
});

test('the once-ready sentence names a pin, an override and a missing round', async ({ page }) => {
  await loadDemoUnplanned(page);
  // Kestrel Park opted out and has no complete round.
  await page.goto('/phase-in/plans/kestrel-park-es');
  await expect(page.getByTestId('once-ready')).toHaveText('If it opts back in and completes a readiness round, the plan places it by readiness like any other school.');
  // Harbor View, below the gate, overridden into year 1 by the champion.
  await page.goto('/phase-in');
  await page.getByRole('button', { name: 'Pin… Harbor View Elementary' }).click();
  const form = page.getByRole('form', { name: 'Pin Harbor View Elementary to a year' });
  await form.getByLabel('Year').selectOption('1');
  await form.getByLabel(/Rationale/).fill('The board asked for it.');
  await form.getByLabel(/^Override: put this school in year 1 although it is below the gate/).check();
  await form.getByRole('button', { name: 'Pin as an override' }).click();
  await expect(page.getByText('Harbor View Elementary is in year 1 as an override.')).toBeVisible();
  await page.goto('/phase-in/plans/harbor-view-es');
  await expect(page.getByTestId('once-ready')).toHaveText(/^It is in year 1 by the champion’s override, so it has its coach now/);
});
