#!/usr/bin/env node
// What a cold first load of each route fetches, measured in headless Chromium: every wasm, js
// and css file requested before the page's h1 shows, and their gzip sizes (gzip -9 of the file
// in dist/, what a static host that compresses sends). One new browser context per route, so
// nothing is cached and nothing is stored: the route as a new user, or a teacher following a
// link, first opens it.
//
// Prints one table row per route and fails when a route is over its budget:
//   ROUTE_KB    every route;
//   TEACHER_KB  a teacher's schedule link (/schedule#s=…, from `cargo run --example share_link`).
// 1 KB = 1000 bytes. Usage: node scripts/route-sizes.mjs DIST ROUTE_KB TEACHER_KB [--json FILE]
import { chromium } from 'playwright';
import { execSync, spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist = 'dist', routeKb, teacherKb] = process.argv.slice(2);
if (!routeKb || !teacherKb) {
  console.error('usage: node scripts/route-sizes.mjs DIST ROUTE_KB TEACHER_KB [--json FILE]');
  process.exit(2);
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

async function measure(browser, path, budget) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const files = [];
  let shown = false;
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!shown && url.origin === base && /\.(wasm|js|css)$/.test(url.pathname)) files.push(url.pathname.slice(1));
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path);
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  shown = true;
  await context.close();
  if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
  const unique = [...new Set(files)];
  if (unique.length !== files.length) throw new Error(`${path} fetched a file twice: ${files.join(', ')}`);
  const rows = unique.map((f) => ({ file: f, gzip: gzipSize(f) }));
  return { path, files: rows, gzip: rows.reduce((s, r) => s + r.gzip, 0), budget };
}

const server = spawn('node', ['scripts/serve-dist.mjs', dist, String(port)], { stdio: 'ignore' });
let failed = false;
try {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const payload = execSync('cargo run --quiet --example share_link', { encoding: 'utf8' }).trim();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = [];
  for (const path of PAGES) results.push(await measure(browser, path, Number(routeKb) * 1000));
  const teacher = await measure(browser, `/schedule#s=${payload}`, Number(teacherKb) * 1000);
  teacher.path = '/schedule#s=… (a teacher\'s link)';
  results.push(teacher);
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
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ shell: [...shell], results }, null, 2) + '\n');
  if (failed) {
    console.error('✗ A route is over its first-load budget. Shrink what it loads, or raise ROUTE_BUDGET_KB / TEACHER_LINK_BUDGET_KB in the Makefile on purpose.');
  } else {
    console.log('✓ Every route within its first-load budget');
  }
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
