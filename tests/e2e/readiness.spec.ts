import { test, expect, Page, Locator } from '@playwright/test';
import { loadDemo, saveStatus, expectNoAxeViolations, ready, watchErrors } from './helpers';

/** Press Tab (or Shift+Tab) until `target` has the focus. Keyboard only: no clicks. */
async function tabTo(page: Page, target: Locator, max = 250) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Choose a level in a radio group by keyboard: Space checks the first, arrows move on. */
async function chooseLevel(page: Page, firstRadio: Locator, level: number) {
  await tabTo(page, firstRadio);
  await page.keyboard.press('Space');
  for (let l = 1; l < level; l++) await page.keyboard.press('ArrowRight');
}

const TEAM_A = [3, 3, 3, 2, 3, 3, 3, 3];
const TEAM_B = [3, 1, 3, 2, 3, 3, 3, 2];
const PRINCIPAL = [4, 3, 3, 2, 4, 3, 4, 3];
const AGREED = [3, 2, 3, 2, 3, 3, 4, 3];

test('a full round by keyboard only: three raters, reveal, consensus and summary', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('/');
  await tabTo(page, page.getByRole('button', { name: 'Explore the Benson demo district' }));
  await page.keyboard.press('Enter');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.goto('/readiness/westbrook-hs');
  await expect(page.locator('h1')).toHaveText('Westbrook High School: readiness');
  await tabTo(page, page.getByLabel('Name', { exact: true }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Fall 2026');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Westbrook High School: Fall 2026');

  // Three raters: two leadership-team members and the principal.
  const name = page.getByLabel('Name or role');
  for (const rater of ['Grade 9 lead', 'Science chair']) {
    await tabTo(page, name);
    await page.keyboard.type(rater);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${rater} added.` })).toBeVisible();
  }
  await tabTo(page, name);
  await page.keyboard.type('Principal Shaw');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // Role: Principal
  await tabTo(page, page.getByRole('button', { name: 'Add rater' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Principal Shaw Principal Not started/ })).toBeVisible();
  await expect(page.getByText('Grade 9 lead has not rated any criterion yet.')).toBeVisible();

  const ratings: [string, number[]][] = [['Grade 9 lead', TEAM_A], ['Science chair', TEAM_B], ['Principal Shaw', PRINCIPAL]];
  for (const [rater, levels] of ratings) {
    await tabTo(page, page.getByRole('button', { name: `Rate as ${rater}` }));
    await page.keyboard.press('Enter');
    // The rater chooses a PIN first: their saved form opens again only with it.
    await expect(page.getByRole('heading', { name: `Start rating as ${rater}` })).toBeFocused();
    await tabTo(page, page.getByLabel(`Choose a PIN for ${rater} (4 to 8 digits)`));
    await page.keyboard.type('4826');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4826');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Rating as ${rater}` })).toBeFocused();
    // One rater's form at a time: no other rater's name is on the page.
    for (const [other] of ratings.filter(([r]) => r !== rater)) {
      await expect(page.getByText(other, { exact: true })).toHaveCount(0);
    }
    for (let i = 0; i < 8; i++) {
      await chooseLevel(page, page.locator(`#c${i}-l1`), levels[i]);
    }
    if (rater === 'Science chair') {
      await tabTo(page, page.locator('#evidence-1'));
      await page.keyboard.type('Parents and attendance came up every time we discussed results.');
    }
    await expect(page.getByText('8 of 8 criteria rated.')).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Save and hand over' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText(`${rater}’s ratings are saved.`)).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /Principal Shaw Principal All criteria rated/ })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Reveal the ratings…' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Yes, reveal' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Every rating, revealed' })).toBeVisible();
  await expect(page.getByText('1 criterion has raters two or more levels apart')).toBeVisible();
  const commitment = page.locator('table.reveal tr', { hasText: 'Staff commitment to student success' });
  await expect(commitment).toHaveClass(/flagged/);
  await expect(commitment).toContainText('Differ by 2+');
  // The gap view: principal 4 against a team mean of 3.0 on collaboration.
  await expect(page.locator('table.gap tr', { hasText: 'Staff collaboration' })).toContainText('3.04+1.0');
  await expect(page.getByText('Parents and attendance came up')).toHaveCount(1); // in the evidence notes

  for (let i = 0; i < 8; i++) {
    await chooseLevel(page, page.locator(`#a${i}-l1`), AGREED[i]);
  }
  await tabTo(page, page.locator('#agree-note-1'));
  await page.keyboard.type('We agreed on Emerging: the conversation still turns to families.');
  await expect(page.getByText('8 of 8 criteria agreed.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible();
  await expect(page.locator('.result')).toContainText('Ready for a coach: no criterion is at or below the gate');
  await expect(page.locator('.result table.profile-chart tbody tr')).toHaveCount(8);

  await tabTo(page, page.getByRole('link', { name: 'Open the printable summary' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Westbrook High School: readiness summary, Fall 2026');
  await expect(page.getByTestId('rater-notes')).toHaveCount(0);
  await expect(page.getByTestId('team-notes')).toContainText('Staff commitment to student success (2 Emerging)We agreed on Emerging: the conversation still turns to families.');
  await tabTo(page, page.getByLabel('Include raters’ evidence notes'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('rater-notes')).toContainText('Parents and attendance came up');
  await expect(saveStatus(page)).toHaveText('Saved');

  // It all survives a reload, and the overview shows the new result.
  await page.goto('/readiness');
  await expect(page.getByRole('row', { name: /Westbrook High School/ })).toContainText('Ready');
  expect(errors).toEqual([]);
});

test('a round cannot be revealed until everyone has rated everything, and says who is missing what', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/readiness/linden-es/round-linden-es-2026-11');
  await expect(page.getByText('Grade 1 team lead has not rated these criteria:')).toBeVisible();
  await expect(page.getByText('Principal Delgado has not rated any criterion yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal the ratings…' })).toHaveCount(0);
});

test('removing a rater asks first and can be undone', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/readiness/linden-es/round-linden-es-2026-11');
  await page.getByRole('button', { name: 'Remove… Grade 4 team lead' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('row', { name: /Grade 4 team lead/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Grade 4 team lead Leadership-team member All criteria rated/ })).toBeVisible();
});

test('a school self-selects out of year one with a reason, and can opt back in', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/readiness/ash-grove-es');
  await page.getByRole('button', { name: 'Self-select out of year one' }).click();
  await expect(page.getByText('Give a reason')).toBeVisible();
  await page.getByLabel('Reason for self-selecting out of year one').fill('We want more time to prepare.');
  await page.getByRole('button', { name: 'Self-select out of year one' }).click();
  await expect(page.getByTestId('opt-out-status')).toContainText('self-selected out of first-year placement');
  await expect(page.locator('blockquote.reason')).toHaveText('We want more time to prepare.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(page.locator('blockquote.reason')).toHaveText('We want more time to prepare.');
  await page.goto('/readiness');
  await expect(page.getByRole('row', { name: /Ash Grove Elementary/ })).toContainText('Self-selected out');
  await page.goto('/readiness/ash-grove-es');
  await page.getByRole('button', { name: 'Opt back in to first-year placement' }).click();
  await expect(page.getByTestId('opt-out-status')).toHaveCount(0);
});

test('deleting a round asks first and can be undone', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/readiness/pinecrest-ms');
  await expect(page.getByRole('heading', { name: 'Trend by criterion' })).toBeVisible();
  const spring = page.getByRole('row', { name: /Spring 2026/ }).first();
  await spring.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row', { name: /Spring 2026/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Spring 2026/ }).first()).toBeVisible();
});

test('editing the framework makes a new version and leaves past results alone', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/readiness/canal-street-es/round-canal-street-es-2026-10/summary');
  const before = await page.locator('.verdict-line').innerText();
  await page.goto('/readiness/framework');
  await expect(page.getByText('This is version 1, used by')).toBeVisible();
  await page.getByRole('radio', { name: 'At or below 2 Emerging' }).check();
  await expect(page.getByText('Gate changed.')).toBeVisible();
  await expect(page.getByText('This is version 2')).toBeVisible();
  await page.goto('/readiness/canal-street-es/round-canal-street-es-2026-10/summary');
  await expect(page.locator('.verdict-line')).toHaveText(before);
  await expect(page.locator('.facts-line')).toContainText('framework version 1');
});

for (const width of [1280, 360]) {
  test(`axe finds no violation on the readiness pages at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await loadDemo(page);
    const pages = [
      '/readiness',
      '/readiness/framework',
      '/readiness/pinecrest-ms',
      '/readiness/linden-es/round-linden-es-2026-11',
      '/readiness/canal-street-es/round-canal-street-es-2026-10',
      '/readiness/canal-street-es/round-canal-street-es-2026-10/summary',
    ];
    for (const path of pages) {
      await page.goto(path);
      await ready(page);
      await expectNoAxeViolations(page, `${path} at ${width}px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    }
    await page.goto('/readiness/linden-es/round-linden-es-2026-11');
    await page.getByRole('button', { name: 'Rate as Principal Delgado' }).click();
    await expectNoAxeViolations(page, `a rater's PIN step at ${width}px`);
    await page.getByLabel('Choose a PIN for Principal Delgado (4 to 8 digits)').fill('1234');
    await page.getByLabel('Type the PIN again').fill('1234');
    await page.getByRole('button', { name: 'Start rating' }).click();
    await expect(page.getByRole('heading', { name: 'Rating as Principal Delgado' })).toBeVisible();
    await expectNoAxeViolations(page, `a rater's form at ${width}px`);
    await page.goto('/readiness/framework');
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await expectNoAxeViolations(page, `the criterion editor at ${width}px`);
  });
}

test('the printable summary fits on one page, without the app’s navigation or buttons', async ({ page }) => {
  await loadDemo(page);
  // A ready school, and the school with the most gaps, gated criteria and team notes.
  for (const path of ['/readiness/canal-street-es/round-canal-street-es-2026-10/summary',
                      '/readiness/northgate-ms/round-northgate-ms-2026-04/summary']) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(path);
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    for (const b of await page.getByRole('button').all()) await expect(b).toBeHidden();
    await expect(page.locator('table.profile-chart')).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages, `${path} prints on one A4 page`).toBe(1);
  }
});
