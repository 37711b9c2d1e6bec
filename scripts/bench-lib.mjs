// Shared harness for the scale benches: serve dist/, open Chromium, put an envelope in
// localStorage, and time real input the way the browser times interactions (Event Timing:
// from the input event to the next frame painted, what INP measures).
import { chromium } from 'playwright';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const LIMIT_MS = 50;

/** Serve dist/ on `port` and open Chromium on a page that records interactions (Event
 *  Timing) and long tasks in `window.__events` and `window.__long`. */
export async function launch(port) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('node', ['scripts/serve-dist.mjs', process.env.BENCH_DIST ?? 'dist', String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
  return { base, server, browser, page };
}

/** Start the static server and the browser; returns helpers and a `close` function. */
export async function open(file, port) {
  const base = `http://127.0.0.1:${port}`;
  const envelope = readFileSync(file, 'utf8').trim();
  const doc = JSON.parse(envelope).document;
  const { server, browser, page } = await launch(port);
  await page.goto(`${base}/data`);
  await page.evaluate((raw) => localStorage.setItem('readyboard.district', raw), envelope);
  const stored = await page.evaluate(() => localStorage.getItem('readyboard.district').length);

  const rows = [];
  let failed = false;
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  const mark = () => page.evaluate(() => performance.now());
  /** The slowest interaction since `t`, in ms (0 when none reached 16 ms). */
  const worstSince = (t) => page.evaluate((t) => Math.max(0, ...window.__events.filter((e) => e.start >= t && e.id > 0).map((e) => e.duration)), t);
  /** Run `action` (real input), then record the slowest interaction it caused. */
  async function step(name, action, { limit = true, limitMs = LIMIT_MS } = {}) {
    if (process.env.BENCH_GAP) await page.waitForTimeout(Number(process.env.BENCH_GAP));
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
    const slow = limit && worst > limitMs;
    if (slow) failed = true;
    // Event Timing reports durations in 8 ms steps and omits those under 16 ms.
    rows.push([name, events.length ? `${worst.toFixed(0)} ms` : '< 16 ms', longest ? `${longest.toFixed(0)} ms` : '–',
      slow ? 'SLOW' : limit ? (limitMs === LIMIT_MS ? 'ok' : `ok (limit ${limitMs} ms)`) : '(not held to the limit)']);
  }
  function report() {
    const w = Math.max(...rows.map((r) => r[0].length));
    console.log(`${'step'.padEnd(w)}  ${'input→paint'.padStart(12)}  ${'long task'.padStart(10)}`);
    for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padStart(12)}  ${r[2].padStart(10)}  ${r[3]}`);
  }
  return {
    base, doc, page, stored, step, raw: envelope, settle, mark, worstSince, report,
    fail: () => { failed = true; },
    failed: () => failed,
    close: async () => { await browser.close(); server.kill(); },
  };
}
