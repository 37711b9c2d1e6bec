// The executive-coaching scale bench: 60 engagements with 150 contacts each (the seed's
// program serves 60 schools) in localStorage, then real input through Chromium, timed the
// way the browser times interactions (Event Timing, as INP). Prints one row per step and
// exits non-zero if any interaction takes more than the limit.
//
// Each step waits for what it draws with a CSS selector: Playwright's role and text queries
// run in the page, on its main thread, while it waits, and would be timed as the app's work
// (3-7 ms of a step in a CPU profile, computing accessible names over the whole page).
//
// Usage: node scripts/bench-executive.mjs ENVELOPE.json [PORT]   (make bench runs it)
import { open, LIMIT_MS } from './bench-lib.mjs';

const [file, portArg] = process.argv.slice(2);
const b = await open(file, Number(portArg ?? 4178));
const { base, doc, page, step, settle } = b;
try {
  const n = doc.executive.engagements.length;
  const e = doc.executive.engagements[n - 1];
  const contacts = e.contacts.length;
  // Warm-up: a first visit, as every returning user has had. A fresh browser profile compiles
  // each part of the code the first time it runs (see bench-readiness.mjs): the first click
  // into an engagement is timed and shown, not held to the limit. Then each page once.
  await page.goto(`${base}/executive`);
  await page.locator('table.engagements tbody tr').nth(n - 1).waitFor();
  await settle();
  await step('first visit: open an engagement (click)', async () => {
    await page.getByRole('link', { name: e.principal, exact: true }).click();
    await page.locator('#tracker-title').waitFor();
  }, { limit: false });
  await page.goto(`${base}/executive/${e.id}?phase=4`);
  await page.locator('#phase-title', { hasText: 'Phase 4:' }).waitFor();
  await page.goto(`${base}/executive/${e.id}/report`);
  await page.locator('article.status-report').waitFor();
  await page.goto(`${base}/executive/${e.id}/log`);
  await page.locator('table.contact-log tbody tr').nth(39).waitFor();
  await page.goto(`${base}/executive`);
  await page.locator('table.engagements tbody tr').nth(n - 1).waitFor();
  await settle();

  const t = Date.now();
  await page.goto(`${base}/executive`);
  await page.locator('table.engagements tbody tr').nth(n - 1).waitFor();
  const loadMs = Date.now() - t;

  await page.locator('#eng-search').focus();
  await step('program: type "Oak" in the search (3 keys)', () => page.keyboard.type('Oak', { delay: 60 }));
  await step('program: clear the search', async () => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  });
  await step('program: filter by a coach', () => page.locator('#eng-coach').selectOption({ index: 2 }));
  await step('program: filter by a flag', () => page.locator('#eng-flag').selectOption({ index: 2 }));
  await step('program: clear the filters (click)', () => page.getByRole('button', { name: 'Clear filters' }).click());
  await step(`open an engagement (click)`, async () => {
    await page.getByRole('link', { name: e.principal, exact: true }).click();
    await page.locator('#tracker-title').waitFor();
  });
  await step('phases: show phase 1 (click)', async () => {
    await page.locator('.phase-step a').first().click();
    await page.locator('#phase-title', { hasText: 'Phase 1:' }).waitFor();
  });
  await step('phase 1: choose a level (click)', () => page.locator('label[for="start-vision-level-4"]').click());
  await step('phases: show phase 4 (click)', async () => {
    await page.locator('.phase-step a').nth(3).click();
    await page.locator('#phase-title', { hasText: 'Phase 4:' }).waitFor();
  });
  await step(`open the contact log with ${contacts} contacts, the latest 40 shown (click)`, async () => {
    await page.getByRole('link', { name: 'Contact log' }).click();
    await page.locator('table.contact-log tbody tr').nth(39).waitFor();
  });
  await page.locator('#contact-date').fill('2027-01-12');
  await page.locator('#contact-minutes').fill('90');
  await step('log: choose a kind', () => page.locator('#contact-kind').selectOption('off-site'));
  await page.locator('#contact-shared').focus();
  await step('log: type shared notes (12 keys)', () => page.keyboard.type('Met at team.', { delay: 40 }));
  await step('log: log the contact (click)', async () => {
    await page.getByRole('button', { name: /^Log (contact|it over the allowance)$/ }).click();
    await page.locator('p.ok', { hasText: 'Logged: Off-site session on 2027-01-12, 1 h 30 min.' }).waitFor();
  });
  await step('log: show the private notes (click)', () => page.locator('#show-private').check());
  await step('log: delete a contact (two clicks)', async () => {
    await page.getByRole('button', { name: /^Delete…/ }).first().click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.locator('#contact-undo').waitFor();
  });
  await step('log: undo (click)', () => page.getByRole('button', { name: 'Undo' }).click());
  await step('log: edit a contact (click)', async () => {
    await page.getByRole('button', { name: /^Edit the / }).nth(2).click();
    await page.locator('#log-contact-title', { hasText: 'Edit the contact' }).waitFor();
  });
  await page.locator('#contact-minutes').fill('75');
  await step('log: save the edit (click)', async () => {
    await page.getByRole('button', { name: 'Save the contact' }).click();
    await page.locator('#log-contact-title', { hasText: 'Log a contact' }).waitFor();
  });
  await step('log: show 50 more contacts (click)', async () => {
    await page.getByRole('button', { name: 'Show 50 more contacts' }).click();
    await page.locator('table.contact-log tbody tr').nth(89).waitFor();
  });
  await step('log, 90 shown: delete a contact (two clicks)', async () => {
    await page.getByRole('button', { name: /^Delete…/ }).nth(80).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.locator('#contact-undo').waitFor();
  });
  await step('log, 90 shown: undo (click)', () => page.getByRole('button', { name: 'Undo' }).click());
  await step('open the status report (click)', async () => {
    await page.getByRole('link', { name: 'Status report' }).click();
    await page.locator('article.status-report').waitFor();
  });
  await step('program: back to every engagement (click)', async () => {
    await page.getByRole('link', { name: 'Executive coaching' }).first().click();
    await page.locator('table.engagements tbody tr').nth(n - 1).waitFor();
  });
  await step('autosave (no input)', () => page.waitForTimeout(800));
  const status = await page.getByTestId('save-status').innerText().catch(() => '?');

  const all = doc.executive.engagements.reduce((s, x) => s + x.contacts.length, 0);
  console.log(`Scale: ${n} engagements, ${all} contacts, ${doc.executive.sessions.length} cohort meetings.`);
  console.log(`Opening /executive with all of it: ${loadMs} ms (a page load, not an interaction). After the edits: "${status}".`);
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
