import { test, expect, Page, Locator } from '@playwright/test';
import { loadDemo, saveStatus, expectNoAxeViolations, ready, watchErrors, storedDocument } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
});

/** Press Tab until `target` has focus: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test('a charter written and published by keyboard only, then changed and published again', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByLabel('District name').fill('Lakeside Unified');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto('/model');
  await ready(page);
  await expect(page.getByText('Nothing is published yet')).toBeVisible();

  // Publishing an empty charter is refused, and says what it needs.
  await tabTo(page, page.getByRole('button', { name: 'Publish this version' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Not published yet: The model needs a name.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Before it can be published, the charter needs:' })).toBeVisible();

  // The model and its vision.
  await tabTo(page, page.getByLabel('Model', { exact: true }));
  await page.keyboard.type('Impact cycle coaching');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Coaches and teachers work in cycles.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Knight, J. (2018). The Impact Cycle.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Vision', { exact: true })).toBeFocused();
  await page.keyboard.type('Every teacher has a thinking partner.');
  await tabTo(page, page.getByRole('button', { name: 'Save the model and its vision' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Saved in the draft.')).toBeVisible();

  // An outcome, measurable: a missing indicator is refused at its field.
  await tabTo(page, page.getByLabel('Outcome', { exact: true }));
  await page.keyboard.type('Teachers in a coaching cycle');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Indicator', { exact: true })).toBeFocused();
  await expect(page.getByText('Say how the outcome is measured: its indicator.')).toBeVisible();
  await page.keyboard.type('% of teachers in a coaching cycle each semester');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Baseline', { exact: true })).toBeFocused();
  await page.keyboard.type('20%');
  await page.keyboard.press('Tab');
  await page.keyboard.type('50%');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('By', { exact: true })).toBeFocused();
  await page.keyboard.type('06302027');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Outcome “Teachers in a coaching cycle” added.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Teachers in a coaching cycle/ })).toContainText('2027-06-30');

  // A responsibility, and who leads it.
  await tabTo(page, page.getByLabel('Add a responsibility'));
  await page.keyboard.type('Set each coaching cycle’s goal');
  await page.keyboard.press('Enter');
  const teacher = page.getByRole('combobox', { name: 'Set each coaching cycle’s goal: Teacher' });
  await tabTo(page, teacher);
  await page.keyboard.press('l'); // Leads
  await expect(teacher).toHaveValue('leads');

  // Publish, with a note.
  await tabTo(page, page.getByLabel('What changed, and why (kept with the version)'));
  await page.keyboard.type('Adopted by the cabinet.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Publish this version' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Version 1 published.')).toBeVisible();
  await expect(page.getByText('Version 1, published on 2026-11-30, is in force.')).toBeVisible();
  await expect(page.getByText('The draft is the same as the version in force.')).toBeVisible();

  // A change to the target, published as version 2: what changed, in words.
  await tabTo(page, page.getByRole('button', { name: 'Edit the outcome Teachers in a coaching cycle' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Outcome', { exact: true })).toBeFocused();
  await tabTo(page, page.getByLabel('Target', { exact: true }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('60%');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Outcome “Teachers in a coaching cycle” saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The draft changes 1 thing:' })).toBeVisible();
  await expect(page.getByText('Outcome “Teachers in a coaching cycle”: target 60% (was 50%).')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Publish this version' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Version 2 published.')).toBeVisible();

  // Every version is kept, with what it changed; version 1 never changed.
  await tabTo(page, page.getByRole('link', { name: 'Published versions' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Published versions of the coaching model');
  const v2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Version 2, published on 2026-11-30' }) });
  await expect(v2).toContainText('target 60% (was 50%)');
  const v1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Version 1, published on 2026-11-30' }) });
  await expect(v1).toContainText('Adopted by the cabinet.');
  await expect(v1).toContainText('Outcome added: “Teachers in a coaching cycle”, from 20% to 50% by 2027-06-30.');
  await expect(saveStatus(page)).toHaveText('Saved');
  const doc = await storedDocument(page);
  expect(doc.model.versions.map((v: any) => v.charter.outcomes[0].target)).toEqual(['50%', '60%']);
  expect(errors).toEqual([]);
});

test('the demo: two versions, a gap, two sign-offs pending, and nothing new to publish', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model');
  await ready(page);
  await expect(page.getByText('Version 2, published on 2026-08-20, is in force.')).toBeVisible();
  await expect(page.getByText('No outcome serves “Families as partners in every school”.')).toBeVisible();
  await expect(page.getByText('2 sign-offs pending.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.getByText('Nothing has changed since version 2 was published.')).toBeVisible();
  await page.getByRole('link', { name: 'Published versions' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Version 2, published on 2026-08-20', 'Version 1, published on 2026-06-15',
  ]);
  await expect(page.getByText('Outcome “Teachers in a coaching cycle”: target 60% (was 50%).')).toBeVisible();
});

test('removing an outcome asks first, unlinks it from its goals, and the undo links it again', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model');
  await ready(page);
  const link = page.getByRole('group', { name: /Keep 90% of our teachers each year/ }).getByLabel('Teachers who trust coaching');
  await expect(link).toBeChecked();
  await page.getByRole('button', { name: 'Remove… Teachers who trust coaching' }).click();
  await expect(page.getByText('Remove the outcome “Teachers who trust coaching”? Goals it serves lose the link.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText('No outcome serves “Keep 90% of our teachers each year”.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /The draft changes/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(link).toBeChecked();
  await expect(page.getByText('No outcome serves “Keep 90% of our teachers each year”.')).toHaveCount(0);
  await expect(page.getByText('The draft is the same as the version in force.')).toBeVisible();
});

for (const width of [1280, 390]) {
  test(`axe finds no violation on the coaching model's pages at ${width} px, and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await loadDemo(page);
    const last: Record<string, string> = {
      '/model': 'What campuses may adapt', '/model/schools': 'Campus adaptations',
      '/model/coaches': 'Professional learning', '/model/print': 'What campuses may adapt',
    };
    for (const path of ['/model', '/model/versions', '/model/schools', '/model/coaches', '/model/print']) {
      await page.goto(path);
      await ready(page);
      await expect(page.getByRole('navigation', { name: 'Coaching model' })).toBeVisible();
      // The panels below the first screen are drawn a frame after the page: wait for the last.
      if (last[path]) await expect(page.getByRole('heading', { name: last[path] })).toBeVisible();
      await expectNoAxeViolations(page, `${path} at ${width}px`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(sideways, `${path} scrolls sideways at ${width}px`).toBe(false);
    }
  });
}
