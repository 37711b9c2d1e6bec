// A district that outgrows 5 MB: 500 schools with 10 readiness rounds each (5 years of fall
// and spring), readiness plans and pins, and 30 filled Plus boards (12 × 40 × 120 each).
// Puts what a first save stores into localStorage (from `cargo run --example storage_size --
// 500 10 30 --stored`), then measures in Chromium:
//   - the stored size against the quota (at least 30 % must stay free);
//   - loading: reading and decoding the stored district (the app's own performance marks),
//     and the time from navigation to the page's heading (under 1 s);
//   - saving after an edit to the core (the district's name), to a round (a rating) and to a
//     board (a cell): the longest task from the save's first step to its write (none over
//     50 ms; a save compares parts in short steps and writes in one task).
// Prints a table and exits non-zero when a goal is missed.
//
// Usage: node scripts/bench-storage.mjs STORED.json [PORT]   (make bench runs it)
import { launch } from './bench-lib.mjs';
import { readFileSync } from 'node:fs';

const QUOTA = 5 * 1024 * 1024;
const LOAD_LIMIT_MS = 1000;
const TASK_LIMIT_MS = 50;
const FREE_GOAL = 30;

const [file, portArg] = process.argv.slice(2);
const port = Number(portArg ?? 4179);
const base = `http://127.0.0.1:${port}`; // as launch() serves it
const { stored, facts } = JSON.parse(readFileSync(file, 'utf8'));

const { server, browser, page } = await launch(port);

const rows = [];
let failed = false;
function row(what, value, ok, note = '') {
  if (!ok) failed = true;
  rows.push([what, value, ok ? 'ok' : 'MISSED', note]);
}
/** The time between the app's performance marks `name-start` and `name-end`, the last pair. */
const between = (name) => page.evaluate((name) => {
  const s = performance.getEntriesByName(`${name}-start`).at(-1);
  const e = performance.getEntriesByName(`${name}-end`).at(-1);
  return s && e ? e.startTime - s.startTime : null;
}, name);

try {
  await page.goto(`${base}/data`);
  await page.evaluate((stored) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
  }, stored);
  const used = await page.evaluate(() => {
    let n = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      n += k.length + localStorage.getItem(k).length;
    }
    return n;
  });
  const free = 100 - (used * 100) / QUOTA;
  row('stored size', `${(used / 1e6).toFixed(2)} M characters (${(100 - free).toFixed(1)} % of the quota, ${free.toFixed(1)} % free)`,
    free >= FREE_GOAL, `as one JSON envelope it would be ${(facts.jsonChars / 1e6).toFixed(1)} M characters`);

  // Loading: the first visit compiles the code (cached afterwards, as for a returning user).
  await page.goto(`${base}/readiness`);
  await page.locator('h1').waitFor();
  const loads = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${base}/readiness`);
    await page.getByRole('heading', { level: 1, name: 'Readiness self-assessments' }).waitFor();
    const toHeading = await page.evaluate(() => performance.now());
    const reading = await between('readyboard:load');
    loads.push({ toHeading, reading });
  }
  const worstRead = Math.max(...loads.map((l) => l.reading ?? Infinity));
  const worstHeading = Math.max(...loads.map((l) => l.toHeading));
  row('load: read and decode the stored district', `${worstRead.toFixed(0)} ms (worst of 3)`, worstRead < LOAD_LIMIT_MS);
  row('load: navigation to the page heading', `${worstHeading.toFixed(0)} ms (worst of 3)`, worstHeading < LOAD_LIMIT_MS,
    'includes fetching and starting the app');
  const status = page.getByTestId('save-status');

  /** Make an edit, wait for the autosave, and report the longest task while it ran. */
  async function save(what, edit) {
    await edit();
    const t0 = await page.evaluate(() => performance.getEntriesByName('readyboard:save-end').length);
    await page.waitForFunction((t0) => performance.getEntriesByName('readyboard:save-end').length > t0, t0, { timeout: 10_000 });
    await page.waitForTimeout(150);
    const saveMs = await between('readyboard:save');
    const { longest, steps } = await page.evaluate(() => {
      const s = performance.getEntriesByName('readyboard:save-start').at(-1).startTime;
      const e = performance.getEntriesByName('readyboard:save-end').at(-1).startTime;
      // The save's steps and its write, each a task: every long task between its start and end.
      const hits = window.__long.filter((l) => l.start <= e + 1 && l.start + l.duration >= s - 1);
      const steps = performance.getEntriesByName('readyboard:save-step').filter((m) => m.startTime >= s && m.startTime <= e).length;
      return { longest: Math.max(0, ...hits.map((l) => l.duration)), steps };
    });
    const text = await status.innerText();
    row(`save after ${what}`, `${saveMs.toFixed(1)} ms from start to written, in ${steps} steps; longest task ${longest ? `${longest.toFixed(0)} ms` : 'under 50 ms'}`,
      longest <= TASK_LIMIT_MS && text.trim() === 'Saved', `status "${text.trim()}"`);
  }

  await page.goto(`${base}/data`);
  await save('renaming the district (the core part)', async () => {
    await page.locator('#district-name').fill('Synthetic District, renamed once');
    await page.getByRole('button', { name: 'Save name' }).click();
  });
  await save('renaming it again', async () => {
    await page.locator('#district-name').fill('Synthetic District, renamed');
    await page.getByRole('button', { name: 'Save name' }).click();
  });

  const r = facts.openRound;
  await page.goto(`${base}/readiness/${r.school}/${r.id}`);
  await page.getByRole('button', { name: `Rate as ${r.rater}` }).click();
  await page.locator('#pin').fill('1234'); // the rater chooses a PIN before their form opens
  await page.locator('#pin-again').fill('1234');
  await page.getByRole('button', { name: 'Start rating' }).click();
  await save('a rating in a round (one school\u2019s rounds)', () => page.locator('label[for="c0-l3"]').click());

  await page.goto(`${base}/board?school=${facts.boardSchool}`);
  await page.locator('#slot-0-1-0').waitFor();
  await page.locator('#slot-0-1-0').focus();
  await save('removing a cell on a filled board (one board)', () => page.keyboard.press('Delete'));

  // And the edits are there after a reload.
  await page.goto(`${base}/data`);
  const name = await page.locator('#district-name').inputValue();
  row('reload keeps the saved edits', `district name "${name}"`, name === 'Synthetic District, renamed');

  console.log(`District: ${facts.schools} schools, ${facts.rounds} rounds, ${facts.boards} Plus boards (12 × 40 × 120).`);
  const w = Math.max(...rows.map((x) => x[0].length));
  for (const [a, b, c, d] of rows) console.log(`${a.padEnd(w)}  ${c.padEnd(6)}  ${b}${d ? `  (${d})` : ''}`);
} finally {
  await browser.close();
  server.kill();
}
if (failed) {
  console.log(`FAIL: the district must keep ${FREE_GOAL} % of the quota free, load within ${LOAD_LIMIT_MS} ms and save with no task over ${TASK_LIMIT_MS} ms.`);
  process.exit(1);
}
console.log(`ok: ${FREE_GOAL} % or more free, loaded within ${LOAD_LIMIT_MS} ms, every save without a task over ${TASK_LIMIT_MS} ms.`);
