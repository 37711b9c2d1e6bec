#!/usr/bin/env node
// What a cold first load of each route fetches, measured in headless Chromium: every wasm, js
// and css file requested before the page's h1 shows, and their gzip sizes (gzip -9 of the file
// in dist/, what a static host that compresses sends). One new browser context per route, so
// nothing is cached and nothing is stored: the route as a new user, or a teacher following a
// link, first opens it.
//
// Prints one table row per route and fails when a route is over its budget:
//   ROUTE_BUDGETS  "PATH=KB …": a route's budget is that of the longest PATH it starts with
//                  ("/readiness=540" covers /readiness/…; "/=410" covers the rest);
//   TEACHER_KB     a teacher's schedule link (/schedule#s=…, from `cargo run --example share_link`);
//   RETURNING      "PATH=KB …" for a returning visit after a deploy: the demo district stored,
//                  nothing cached (it fetches the code that reads the district too).
// 1 KB = 1000 bytes. Usage: node scripts/route-sizes.mjs DIST ROUTE_BUDGETS TEACHER_KB RETURNING [--json FILE]
import { chromium } from 'playwright';
import { execSync, spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist = 'dist', budgetSpec, teacherKb, returningSpec] = process.argv.slice(2);
if (!budgetSpec || !teacherKb || !returningSpec) {
  console.error('usage: node scripts/route-sizes.mjs DIST "PATH=KB …" TEACHER_KB "PATH=KB …" [--json FILE]');
  process.exit(2);
}
const parseBudgets = (spec) => spec.trim().split(/\s+/).map((pair) => {
  const m = /^(\/[^=]*)=(\d+(?:\.\d+)?)$/.exec(pair);
  if (!m) throw new Error(`a route budget is PATH=KB, not ${pair}`);
  return { prefix: m[1], bytes: Number(m[2]) * 1000 };
});
const budgets = parseBudgets(budgetSpec);
const returningBudgets = parseBudgets(returningSpec);
/** The budget of the longest prefix (on a path segment) of `path`. */
function budgetOf(path, among = budgets) {
  const fits = among.filter(({ prefix }) => prefix === '/' || path === prefix || path.startsWith(prefix + '/'));
  if (!fits.length) throw new Error(`no budget covers ${path}: add "/=KB" to the route budgets`);
  return fits.sort((a, b) => b.prefix.length - a.prefix.length)[0].bytes;
}
const jsonAt = process.argv.indexOf('--json');
const jsonOut = jsonAt > 0 ? process.argv[jsonAt + 1] : null;
const port = Number(process.env.ROUTE_SIZES_PORT ?? 4175);
const base = `http://127.0.0.1:${port}`;

// Every route of src/ui/app.rs (the ones with parameters at a demo school and round).
const PAGES = [
  '/', '/readiness', '/readiness/framework', '/readiness/canal-street-es',
  '/readiness/canal-street-es/round-canal-street-es-2026-10',
  '/readiness/canal-street-es/round-canal-street-es-2026-10/summary',
  '/phase-in', '/phase-in/roster', '/phase-in/brief', '/phase-in/plans/northgate-ms',
  '/board', '/board/setup', '/schedule', '/model', '/executive', '/data', '/no/such/page',
];

const gz = new Map();
function gzipSize(file) {
  if (!gz.has(file)) {
    const p = join(dist, file);
    statSync(p);
    gz.set(file, gzipSync(readFileSync(p), { level: 9 }).length);
  }
  return gz.get(file);
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const short = (f) => f.replace(/-[0-9a-f]{16}(?=(_bg)?\.(wasm|js|css)$)/, '');

async function measureOnce(browser, path, budget, kept = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (kept) {
    // A returning visit after a deploy: the district is stored, nothing is cached.
    await context.addInitScript((keys) => {
      if (!localStorage.getItem('readyboard.district')) {
        for (const [k, v] of Object.entries(keys)) localStorage.setItem(k, v);
      }
    }, kept);
  }
  // When the page's h1 first shows, to the microsecond (a MutationObserver, not polling from
  // here, which would count what the page fetches just after it has shown), and every file
  // fetched before then, from the page's own resource timing.
  await context.addInitScript(() => {
    performance.setResourceTimingBufferSize(5000);
    new MutationObserver((_, observer) => {
      if (document.querySelector('main h1')) {
        window.__h1At = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path);
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  // A file's timing entry is added when it has arrived: let every fetch under way finish.
  await page.waitForLoadState('networkidle');
  const files = await page.evaluate((origin) => performance.getEntriesByType('resource')
    .filter((r) => r.startTime <= window.__h1At)
    .map((r) => new URL(r.name))
    .filter((u) => u.origin === origin && /\.(wasm|js|css)$/.test(u.pathname))
    .map((u) => u.pathname.slice(1)), base);
  await context.close();
  if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
  const unique = [...new Set(files)];
  if (unique.length !== files.length) return { twice: files };
  const rows = unique.map((f) => ({ file: f, gzip: gzipSize(f) }));
  return { path, files: rows, gzip: rows.reduce((s, r) => s + r.gzip, 0), budget };
}

/** A route's cold load, measured again once if a file was fetched twice: under load,
 *  Chromium now and then fetches a preloaded file a second time when the preload has not
 *  answered yet. Twice in a row is the app's own double fetch, and fails. */
async function measure(browser, path, budget, kept = null) {
  const first = await measureOnce(browser, path, budget, kept);
  if (!first.twice) return first;
  console.log(`  (${path} fetched a file twice; measured again)`);
  const again = await measureOnce(browser, path, budget, kept);
  if (again.twice) throw new Error(`${path} fetched a file twice: ${again.twice.join(', ')}`);
  return again;
}

const server = spawn('node', ['scripts/serve-dist.mjs', dist, String(port)], { stdio: 'ignore' });
let failed = false;
try {
  let served = null;
  for (let i = 0; i < 100 && served === null && server.exitCode === null; i++) {
    try { served = await (await fetch(base)).text(); } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  // Another server on the port would be measured instead: make sure it is ours, serving DIST.
  if (server.exitCode !== null || served !== readFileSync(join(dist, 'index.html'), 'utf8')) {
    throw new Error(`the server on port ${port} is not serving ${dist}/ (port taken? set ROUTE_SIZES_PORT)`);
  }
  const payload = execSync('cargo run --quiet --example share_link', { encoding: 'utf8' }).trim();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = [];
  for (const path of PAGES) results.push(await measure(browser, path, budgetOf(path)));
  const teacher = await measure(browser, `/schedule#s=${payload}`, Number(teacherKb) * 1000);
  teacher.path = '/schedule#s=… (a teacher\'s link)';
  results.push(teacher);
  // The same routes for someone whose district is stored (the demo), with nothing cached:
  // they fetch the code that reads it too, and /schedule is the staff page.
  const kept = await (async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.getByRole('button', { name: 'Explore the Benson demo district' }).click();
    await page.getByTestId('save-status').filter({ hasText: /^Saved$/ }).waitFor();
    const keys = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    await context.close();
    return keys;
  })();
  const returning = [];
  for (const path of ['/', '/readiness', '/phase-in', '/board', '/schedule', '/data']) {
    const r = await measure(browser, path, budgetOf(path, returningBudgets), kept);
    r.path = `${path} (a district stored)`;
    returning.push(r);
  }
  await browser.close();

  // The files every route loads (the shell) once, then each route's own.
  const shell = results.map((r) => new Set(r.files.map((f) => f.file))).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  const shellGz = [...shell].reduce((s, f) => s + gzipSize(f), 0);
  console.log('Cold first load of each route: the wasm, js and css fetched before its h1 shows, in headless Chromium');
  console.log(`(gzip -9 of each file, KB = 1000 bytes). Every route loads ${[...shell].map(short).sort().join(', ')}: ${kb(shellGz)} KB.`);
  const w = Math.max(...results.map((r) => r.path.length));
  console.log(`  ${'route'.padEnd(w)}  ${'files'.padStart(5)}  ${'gzip KB'.padStart(7)}  ${'budget'.padStart(6)}  ${'own split'.padStart(9)}  shared chunks`);
  for (const r of results) {
    const own = r.files.filter((f) => !shell.has(f.file));
    const split = own.filter((f) => f.file.startsWith('split_')).reduce((s, f) => s + f.gzip, 0);
    const chunks = own.filter((f) => f.file.startsWith('chunk_'));
    const over = r.gzip > r.budget;
    if (over) failed = true;
    console.log(`${over ? '✗' : ' '} ${r.path.padEnd(w)}  ${String(r.files.length).padStart(5)}  ${kb(r.gzip).padStart(7)}  ${kb(r.budget).padStart(6)}` +
      `  ${kb(split).padStart(9)}  ${chunks.length} files, ${kb(chunks.reduce((s, f) => s + f.gzip, 0))} KB`);
  }
  console.log('A returning visit with nothing cached (after a deploy): the district is stored, so the code that reads it comes too.');
  for (const r of returning) {
    const over = r.gzip > r.budget;
    if (over) failed = true;
    console.log(`${over ? '✗' : ' '} ${r.path.padEnd(w)}  ${String(r.files.length).padStart(5)}  ${kb(r.gzip).padStart(7)}  ${kb(r.budget).padStart(6)}`);
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ shell: [...shell], results, returning }, null, 2) + '\n');
  if (failed) {
    console.error('✗ A route is over its first-load budget. Shrink what it loads, or raise ROUTE_BUDGETS_KB / TEACHER_LINK_BUDGET_KB in the Makefile on purpose.');
  } else {
    console.log('✓ Every route within its first-load budget');
  }
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
