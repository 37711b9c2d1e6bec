// The coaching model's scale bench: 500 schools, 60 coaches over the plan's three years and
// a roles matrix of 40 rows (issue 14), in localStorage; then real input through Chromium,
// timed the way the browser times interactions (Event Timing, as INP). Prints one row per
// step and exits non-zero if any interaction takes more than the limit.
//
// Usage: node scripts/bench-model.mjs ENVELOPE.json [PORT]   (make bench runs it)
import { open, LIMIT_MS } from './bench-lib.mjs';

const [file, portArg] = process.argv.slice(2);
const b = await open(file, Number(portArg ?? 4179));
const { base, doc, page, step, settle } = b;
try {
  const m = doc.model;
  const rows = m.versions[m.versions.length - 1].charter.roles.length;
  // Warm-up: each page once, as a returning user has seen them (a fresh profile compiles
  // each part of the code the first time it runs).
  for (const [path, last] of [['/model', '#elements-title'], ['/model/schools', '#adaptations-title'], ['/model/coaches', '#learning-title-h']]) {
    await page.goto(`${base}${path}`);
    await page.locator(last).waitFor();
  }
  await page.goto(`${base}/model`);
  await page.locator('#elements-title').waitFor();
  await settle();

  const cell = page.locator('table.roles-matrix select').nth(5);
  await step(`charter: set a cell of the ${rows}-row roles matrix`, () => cell.selectOption('informed'));
  await page.locator('#role-text').focus();
  await step('charter: type a responsibility (12 keys)', () => page.keyboard.type('Plan cycles.', { delay: 40 }));
  await step('charter: add it to the matrix (Enter)', async () => {
    await page.keyboard.press('Enter');
    await page.locator('table.roles-matrix tbody tr').nth(rows).waitFor();
  });
  await step('open the schools page (click)', async () => {
    await page.locator('nav.sub-nav a[href="/model/schools"]').click();
    await page.locator('#rollout-title').waitFor();
  });
  await page.locator('#adaptations-title').waitFor();
  await step(`schools: choose a school of ${doc.schools.length}`, () => page.locator('#adaptation-school').selectOption({ index: 250 }));
  await step('schools: choose a non-negotiable element', () => page.locator('#adaptation-element').selectOption('element-confidential'));
  await page.locator('#adaptation-what').fill('Coaches share goals with the principal.');
  await page.locator('#adaptation-why').fill('The principal asked for it.');
  await step('schools: record the adaptation (click)', async () => {
    await page.locator('form[aria-labelledby="adaptation-form-title"] button[type="submit"]').click();
    await page.locator('form[aria-labelledby="adaptation-form-title"] p.ok:not(:empty)').waitFor();
  });
  await step(`schools: show 50 more of ${m.adaptations.length + 1} adaptations (click)`, async () => {
    await page.locator('section[aria-labelledby="adaptations-title"] .show-more button').click();
    await page.locator('ul.adaptations > li').nth(69).waitFor();
  });
  await step('schools: approve an adaptation (click)', () => page.locator('ul.adaptations button.primary').first().click());
  await step('schools: remove a session (two clicks)', async () => {
    await page.locator('button[id^="session-"][id$="-remove"]').first().click();
    await page.locator('button[id$="-yes"]').click();
    await page.locator('#session-undo').waitFor();
  });
  await step('schools: undo (click)', () => page.locator('#session-undo').click());
  await step(`open the coaches page with ${m.coaches.length} coaches (click)`, async () => {
    await page.locator('nav.sub-nav a[href="/model/coaches"]').click();
    await page.locator('#glance-title').waitFor();
  });
  await page.locator('#learning-title-h').waitFor();
  await step('coaches: show the flagged coaches', () => page.locator('#glance-show').selectOption('flagged'));
  await step('coaches: show every coach', () => page.locator('#glance-show').selectOption(''));
  await page.locator('#check-in-coach').selectOption({ index: 9 });
  await page.locator('#check-in-date').fill('2026-11-27');
  await page.locator('#check-in-topics').focus();
  await step('coaches: type a check-in\'s topics (12 keys)', () => page.keyboard.type('Cycle goals.', { delay: 40 }));
  await step('coaches: record the check-in (click)', async () => {
    await page.locator('form[aria-labelledby="check-in-form-title"] button[type="submit"]').click();
    await page.locator('form[aria-labelledby="check-in-form-title"] p.ok:not(:empty)').waitFor();
  });
  await step(`coaches: show 50 more of ${m.checkIns.length + 1} check-ins (click)`, async () => {
    await page.locator('section[aria-labelledby="check-ins-title"] .show-more button').click();
    await page.locator('section[aria-labelledby="check-ins-title"] ol.log > li').nth(59).waitFor();
  });
  await step('coaches: remove a coach, 60 check-ins shown (two clicks)', async () => {
    await page.locator('ul.coaches button[id$="-remove"]').nth(4).click();
    await page.locator('ul.coaches button[id$="-yes"]').click();
    await page.locator('#coach-undo').waitFor();
  });
  await step('coaches: undo (click)', () => page.locator('#coach-undo').click());
  await step('back to the charter (click)', async () => {
    await page.locator('nav.sub-nav a[href="/model"]').click();
    await page.locator('#publish-title').waitFor();
  });
  await step('autosave (no input)', () => page.waitForTimeout(800));
  const status = await page.getByTestId('save-status').innerText().catch(() => '?');

  console.log(`Scale: ${doc.schools.length} schools, ${m.coaches.length} coaches, a roles matrix of ${rows} rows, ${m.checkIns.length} check-ins, ${m.sessions.length} sessions, ${m.adaptations.length} adaptations.`);
  console.log(`After the edits: "${status}".`);
  b.report();
  if (!status.startsWith('Saved')) { console.log('The edits were not saved.'); b.fail(); }
} finally {
  await b.close();
}
if (b.failed()) {
  console.log(`FAIL: an interaction took more than ${LIMIT_MS} ms, or the edits were not saved.`);
  process.exit(1);
}
console.log(`ok: every interaction painted within ${LIMIT_MS} ms.`);
