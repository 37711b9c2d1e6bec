// The readiness scale bench: 200 schools × 10 rounds in localStorage, then real input
// through Chromium, timed the way the browser times interactions (Event Timing: from the
// input event to the next frame painted, what INP measures). Prints one row per step and
// exits non-zero if any interaction takes more than the limit.
//
// Usage: node scripts/bench-scale.mjs ENVELOPE.json [PORT]   (make bench runs it)
import { chromium } from 'playwright';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT_MS = 50;
const [file, portArg] = process.argv.slice(2);
const port = Number(portArg ?? 4176);
const base = `http://127.0.0.1:${port}`;
const envelope = readFileSync(file, 'utf8').trim();
const doc = JSON.parse(envelope).document;

const server = spawn('node', ['scripts/serve-dist.mjs', 'dist', String(port)], { stdio: 'ignore' });
const stop = () => server.kill();
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const rows = [];
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Collect every event-timing entry and every long task from the first moment.
  await page.addInitScript(() => {
    window.__events = [];
    window.__long = [];
    new PerformanceObserver((l) => window.__events.push(...l.getEntries().map((e) => ({
      name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId,
    })))).observe({ type: 'event', buffered: true, durationThreshold: 16 });
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => ({
      start: e.startTime, duration: e.duration,
    })))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}/data`);
  await page.evaluate((raw) => localStorage.setItem('readyboard.district', raw), envelope);
  const stored = await page.evaluate(() => localStorage.getItem('readyboard.district').length);

  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  const mark = () => page.evaluate(() => performance.now());
  /** Run `action` (real input), then report the slowest interaction it caused. */
  async function step(name, action) {
    await settle();
    const t0 = await mark();
    await action();
    await settle();
    await page.waitForTimeout(120); // event-timing entries arrive after the frame
    const { events, long } = await page.evaluate((t) => ({
      events: window.__events.filter((e) => e.start >= t && e.id > 0),
      long: window.__long.filter((e) => e.start >= t),
    }), t0);
    const worst = Math.max(0, ...events.map((e) => e.duration));
    const longest = Math.max(0, ...long.map((e) => e.duration));
    // Event Timing reports durations in 8 ms steps and omits those under 16 ms.
    const shown = events.length ? `${worst.toFixed(0)} ms` : '< 16 ms';
    if (worst > LIMIT_MS) failed = true;
    rows.push([name, shown, longest ? `${longest.toFixed(0)} ms` : '–', worst > LIMIT_MS ? 'SLOW' : 'ok']);
  }

  // Warm-up: a first visit, as every returning user has had. A fresh browser profile compiles
  // each part of the app's code the first time it runs, and then keeps the compiled code
  // (Chromium caches it by URL); the first click on a school costs 10–15 ms more that once,
  // whatever the district's size. It is timed and shown, not held to the limit.
  const school = doc.schools[0];
  await page.goto(`${base}/readiness`);
  await page.locator('table tbody tr').nth(doc.schools.length - 1).waitFor();
  await settle();
  const c0 = await mark();
  await page.getByRole('link', { name: school.name, exact: true }).click();
  await page.getByRole('heading', { name: 'Trend by criterion' }).waitFor();
  await settle();
  await page.waitForTimeout(120);
  const cold = await page.evaluate((t) => Math.max(0, ...window.__events.filter((e) => e.start >= t && e.id > 0).map((e) => e.duration)), c0);

  // Loading the page is not an interaction; it is timed and shown for information.
  const t = Date.now();
  await page.goto(`${base}/readiness`);
  await page.locator('table tbody tr').nth(doc.schools.length - 1).waitFor();
  const loadMs = Date.now() - t;

  const search = page.locator('#school-search');
  await search.focus();
  await step('overview: type "Oak" in the search (3 keys)', () => page.keyboard.type('Oak', { delay: 60 }));
  await step('overview: clear the search', async () => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  });
  await step(`open a school with ${doc.readiness.rounds.filter((r) => r.schoolId === school.id).length} rounds (click)`, async () => {
    await page.getByRole('link', { name: school.name, exact: true }).click();
    await page.getByRole('heading', { name: 'Trend by criterion' }).waitFor();
  });
  await step('school: choose another round to compare', () => page.locator('#compare-a').selectOption({ index: 3 }));
  const open = doc.readiness.rounds.find((r) => r.schoolId === school.id && !r.revealed);
  await step('open the round being rated (click)', async () => {
    await page.goto(`${base}/readiness/${school.id}`); // the in-page link is in the Rounds table
    await page.locator(`a[href="/readiness/${school.id}/${open.id}"]`).first().click();
    await page.getByRole('heading', { name: 'Raters' }).waitFor();
  });
  const last = open.raters[open.raters.length - 1];
  await step('round: open a rater\u2019s form (click)', async () => {
    await page.getByRole('button', { name: `Rate as ${last.name}` }).click();
    await page.getByRole('heading', { name: `Rating as ${last.name}` }).waitFor();
  });
  for (let c = 0; c < 8; c++) {
    await step(`round: rate criterion ${c + 1} (click a level)`, () => page.locator(`label[for="c${c}-l${(c % 4) + 1}"]`).click());
  }
  await step('round: type evidence (12 keys)', async () => {
    await page.locator('#evidence-0').focus();
    await page.keyboard.type('Seen in May.', { delay: 40 });
  });
  await step('round: save and hand over (click)', () => page.getByRole('button', { name: 'Save and hand over' }).click());
  await step('round: reveal (two clicks)', async () => {
    await page.getByRole('button', { name: 'Reveal the ratings…' }).click();
    await page.getByRole('button', { name: 'Yes, reveal' }).click();
    await page.getByRole('heading', { name: 'Every rating, revealed' }).waitFor();
  });
  for (let c = 0; c < 8; c++) {
    await step(`round: agree criterion ${c + 1} (click a level)`, () => page.locator(`label[for="a${c}-l${3 + (c % 2)}"]`).click());
  }
  await page.getByRole('heading', { name: 'Result' }).waitFor();
  await step('autosave of the whole district (no input)', () => page.waitForTimeout(800));
  const status = await page.getByTestId('save-status').innerText().catch(() => '?');
  const saved = await page.evaluate(() => localStorage.getItem('readyboard.district').length);

  console.log(`Scale: ${doc.schools.length} schools, ${doc.readiness.rounds.length} rounds; stored envelope ${(stored / 1e6).toFixed(2)} M characters (localStorage holds about 5.2 M)`);
  console.log(`Opening /readiness with all of it: ${loadMs} ms (a page load, not an interaction). After the edits: "${status}", ${(saved / 1e6).toFixed(2)} M characters.`);
  console.log(`First click on a school in a fresh browser profile, before the compiled code is cached: ${cold.toFixed(0)} ms (not held to the limit).`);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'step'.padEnd(w)}  ${'input→paint'.padStart(12)}  ${'long task'.padStart(10)}`);
  for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padStart(12)}  ${r[2].padStart(10)}  ${r[3]}`);
  if (!status.startsWith('Saved')) { console.log('The edits were not saved.'); failed = true; }
} finally {
  await browser.close();
  stop();
}
if (failed) {
  console.log(`FAIL: an interaction took more than ${LIMIT_MS} ms, or the edits were not saved.`);
  process.exit(1);
}
console.log(`ok: every interaction painted within ${LIMIT_MS} ms.`);
