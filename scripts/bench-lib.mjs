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
  // An envelope (stored whole, as before schema 2), or what a district in use keeps in
  // localStorage: {"stored": {key: text}, "document": …}.
  const envelope = readFileSync(file, 'utf8').trim();
  const parsed = JSON.parse(envelope);
  const doc = parsed.document;
  const keys = parsed.stored ?? { 'readyboard.district': envelope };
  const { server, browser, page } = await launch(port);
  await page.goto(`${base}/data`);
  await page.evaluate((keys) => { for (const [k, v] of Object.entries(keys)) localStorage.setItem(k, v); }, keys);
  const stored = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + localStorage.getItem(k).length, 0));

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
    // BENCH_PROFILE=<part of a step's name>: print where that step's CPU time went (build
    // with READYBOARD_KEEP_NAMES=1 into BENCH_DIST for function names).
    const profile = process.env.BENCH_PROFILE && name.includes(process.env.BENCH_PROFILE);
    const cdp = profile ? await page.context().newCDPSession(page) : null;
    if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
    const t0 = await mark();
    await action();
    await settle();
    if (cdp) {
      const { profile: p } = await cdp.send('Profiler.stop');
      const self = new Map();
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      const dt = p.timeDeltas;
      p.samples.forEach((id, i) => {
        const f = byId.get(id).callFrame.functionName || '(anonymous)';
        self.set(f, (self.get(f) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      // Time in each function and what it calls (each function once per sample).
      const parent = new Map();
      for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const total = new Map();
      p.samples.forEach((id, i) => {
        const seen = new Set();
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const f = byId.get(n).callFrame.functionName || '(anonymous)';
          if (!seen.has(f)) { seen.add(f); total.set(f, (total.get(f) ?? 0) + (dt[i] ?? 0) / 1000); }
        }
      });
      const show = (m, what, n) => {
        console.log(`--- profile of "${name}" (${what}, ms)`);
        for (const [f, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms.toFixed(1).padStart(7)}  ${f.slice(0, 150)}`);
      };
      show(self, 'self time', 25);
      show(total, 'with what it calls', 45);
    }
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
