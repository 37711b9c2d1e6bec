import { test, expect, Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES, loadDemo, watchErrors } from './helpers';

// The Content-Security-Policy the app must run under, with no violation on any page.
// index.html carries it as a meta tag (without frame-ancestors, which a meta tag cannot carry);
// hosts send the whole of it as a header (README.md, "Hosting dist/"), as scripts/serve-dist.mjs does.
const META_POLICY = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'",
].join('; ');
const POLICY = `${META_POLICY}; frame-ancestors 'none'`;

const DIST = process.env.E2E_DIST ?? 'dist';

/** Record every `securitypolicyviolation` of every document the page loads in `window.__csp`. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
      const what = e.target instanceof Element ? ` on <${e.target.localName} class="${e.target.getAttribute('class') ?? ''}">` : '';
      // Each violation is reported once per policy: the header's and the meta tag's.
      const policy = e.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta';
      seen.push(`${e.effectiveDirective} (${policy}) blocked ${e.blockedURI || 'inline'}${what}${where}: ${e.sample}`);
    }, true);
  });
}

async function violations(page: Page): Promise<string[]> {
  // Let the last effects and the board's frame-by-frame drawing run first.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? ['window.__csp is missing']);
}

/** Open a page with a full load, check the policy came with it, and that it rendered with no violation. */
async function visit(page: Page, path: string, h1?: string | RegExp) {
  const res = await page.goto(path);
  expect(res?.headers()['content-security-policy'], `the CSP header on ${path}`).toBe(POLICY);
  const heading = page.locator('h1');
  // A blocked boot script leaves the page blank: say so, with what the policy blocked.
  const rendered = await heading.first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
  const seen = await violations(page);
  expect(rendered ? seen : [`${path} stayed blank (no h1)`, ...seen], `CSP violations on ${path}`).toEqual([]);
  await expect(heading).toHaveCount(1);
  if (h1) await expect(heading).toHaveText(h1);
  else await expect(heading).toHaveText(/\S/);
}

test('dist/index.html carries the policy as a meta tag and has no inline script or style', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/gi)];
  expect(metas.map((m) => m[1])).toEqual([META_POLICY]);
  // The meta tag comes before anything it governs.
  expect(html.search(/http-equiv=["']?Content-Security-Policy/i)).toBeLessThan(html.search(/<(script|link)\b/i));

  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  expect(scripts.length, 'the boot script').toBeGreaterThan(0);
  for (const [tag, attrs, body] of scripts) {
    const src = /\ssrc="([^"]+)"/.exec(attrs)?.[1];
    expect(src, `an inline script in dist/index.html: ${tag.slice(0, 80)}`).toBeTruthy();
    expect(body.trim(), 'a script with src has no body').toBe('');
    expect(existsSync(join(DIST, src!)), `${src} is in ${DIST}`).toBe(true);
  }
  expect(html, 'no <style> element').not.toMatch(/<style\b/i);
  expect(html, 'no style attribute').not.toMatch(/\sstyle\s*=/i);
  expect(html, 'no inline event handler').not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
});

test('the server sends the policy as a header, and the right content types', async ({ page, request }) => {
  const res = await request.get('/');
  expect(res.headers()['content-security-policy']).toBe(POLICY);
  const html = await res.text();
  for (const [, src] of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/gi)) {
    const js = await request.get(src);
    expect(js.headers()['content-type'], src).toMatch(/^text\/javascript\b/);
  }
  // The boot script names both apps' wasm files: the staff app's and the teacher's.
  const boot = /<script\b[^>]*\ssrc="([^"]*boot-[^"]+\.js)"/.exec(html)?.[1];
  expect(boot, 'the boot script').toBeTruthy();
  const wasms = [...(await (await request.get(boot!)).text()).matchAll(/'([^']+\.wasm)'/g)].map((m) => m[1]);
  expect(wasms.length, `the wasm files the boot script starts: ${wasms.join(', ')}`).toBe(2);
  for (const wasm of wasms) {
    expect((await request.get(wasm)).headers()['content-type'], wasm).toBe('application/wasm');
  }

  // The first-run page, before any data exists, starts under the policy too.
  await watchCsp(page);
  const errors = watchErrors(page);
  await visit(page, '/', ROUTES[0].h1);
  await expect(page.getByRole('button', { name: 'Explore the Benson demo district' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a teacher\'s share link starts the teacher\'s app under the policy, with no violation', async ({ page }) => {
  test.setTimeout(300_000); // the first run may compile the example
  const payload = execSync('cargo run --quiet --example share_link', { encoding: 'utf8' }).trim();
  await watchCsp(page);
  const errors = watchErrors(page);
  await visit(page, `/schedule#s=${payload}`, 'My coaching schedule');
  await page.getByLabel('Your name', { exact: true }).fill('Abby Diaz');
  await page.getByRole('button', { name: /Abby Diaz.*Grade 6/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Abby Diaz’s calendar' }).click();
  await download;
  expect(await violations(page), 'CSP violations on a teacher\'s link').toEqual([]);
  expect(errors).toEqual([]);
});

// Every route and the pages under it, with the Benson demo loaded.
const PAGES: { path: string; h1?: string | RegExp }[] = [
  ...ROUTES,
  { path: '/readiness/framework' },
  { path: '/readiness/canal-street-es' },
  { path: '/readiness/linden-es/round-linden-es-2026-11' },
  { path: '/readiness/canal-street-es/round-canal-street-es-2026-10' },
  { path: '/readiness/canal-street-es/round-canal-street-es-2026-10/summary' },
  { path: '/phase-in/roster' },
  { path: '/phase-in/plans/northgate-ms' },
  { path: '/phase-in/brief' },
  { path: '/board/setup' },
  { path: '/schedule?teacher=abby-diaz' },
  { path: '/executive/eng-northgate' },
  { path: '/executive/eng-northgate/log' },
  { path: '/executive/eng-northgate/report' },
  { path: '/executive/cohorts' },
  { path: '/executive/tiers' },
  { path: '/executive/new' },
  { path: '/no/such/page', h1: 'Page not found' },
];

for (const { path, h1 } of PAGES) {
  test(`no CSP violation and no console error on ${path}`, async ({ page }) => {
    await watchCsp(page);
    const errors = watchErrors(page);
    await visit(page, '/', ROUTES[0].h1);
    await loadDemo(page);
    expect(await violations(page), 'CSP violations on the first-run page and loading the demo').toEqual([]);
    await visit(page, path, h1);
    if (path === '/board') {
      // The grid and its metrics panel (the distribution's bars) are drawn.
      await expect(page.getByRole('heading', { name: 'Maple Ridge Middle School' })).toBeVisible();
      await expect(page.locator('table.board-grid button.slot').first()).toBeVisible();
      await expect(page.locator('table.distribution .bar').first()).toBeAttached();
      // Widths set from code go through the CSSOM (a style attribute would be blocked and leave them empty).
      const widths = await page.evaluate(() => ({
        grid: document.querySelector<HTMLElement>('table.board-grid')!.style.width,
        bars: [...document.querySelectorAll<HTMLElement>('table.distribution .bar')].map((b) => b.style.width),
      }));
      expect(widths.grid).toMatch(/^\d+(\.\d+)?rem$/);
      expect(widths.bars).toContain('100%');
      expect(await violations(page), 'CSP violations on the board once drawn').toEqual([]);
    }
    expect(errors, `console errors on ${path}`).toEqual([]);
  });
}

test('every round summary in the demo, found by following the links, renders with no violation', async ({ page }) => {
  test.setTimeout(120_000);
  await watchCsp(page);
  const errors = watchErrors(page);
  await loadDemo(page);
  await visit(page, '/readiness', 'Readiness self-assessments');
  const schools = new Set(
    (await page.locator('main a[href^="/readiness/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
      .filter((h) => /^\/readiness\/[^/]+$/.test(h) && h !== '/readiness/framework'),
  );
  expect(schools.size, 'school pages linked from /readiness').toBeGreaterThan(10);
  const summaries = new Set<string>();
  for (const school of schools) {
    await visit(page, school);
    for (const h of await page.locator('main a[href$="/summary"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      summaries.add(h);
    }
  }
  expect(summaries.size, 'round summaries linked from the school pages').toBeGreaterThan(10);
  for (const summary of summaries) {
    await visit(page, summary);
    await expect(page.locator('table.profile-chart')).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('the profile chart draws each bar to its level and each mark in its place', async ({ page }, testInfo) => {
  await watchCsp(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await loadDemo(page);
  // The geometry first, then the violations: a blocked style attribute shows as 2 px bars.
  await page.goto('/readiness/canal-street-es/round-canal-street-es-2026-10/summary');
  await expect(page.locator('table.profile-chart')).toBeVisible();
  await page.locator('figure.profile').screenshot({ path: testInfo.outputPath('profile-chart.png') });
  const rows = page.locator('table.profile-chart tbody tr');
  expect(await rows.count()).toBe(8);
  for (const row of await rows.all()) {
    const track = (await row.locator('.track').boundingBox())!;
    const bar = row.locator('.track .bar');
    const level = Number(/\bl(\d)\b/.exec((await bar.getAttribute('class')) ?? '')?.[1]);
    expect(level).toBeGreaterThanOrEqual(1);
    const box = (await bar.boundingBox())!;
    expect(box.width, 'a bar is wider than its 2 px minimum').toBeGreaterThan(2);
    // One scale for bars and marks: a level ends at the centre of its quarter (issue 11).
    expect(box.width / track.width).toBeCloseTo((level - 0.5) / 4, 2);
    expect(box.x).toBeCloseTo(track.x, 0);
    // A mark is centred on its level's quarter of the track, never at the left edge.
    for (const mark of await row.locator('.mark').all()) {
      const m = (await mark.boundingBox())!;
      const at = (m.x + m.width / 2 - track.x) / track.width;
      expect(at).toBeGreaterThanOrEqual(0.125 - 0.01);
      expect(at).toBeLessThanOrEqual(0.875 + 0.01);
    }
    const principal = row.locator('.mark.principal');
    if (await principal.count()) {
      const said = await row.locator('.visually-hidden').innerText();
      const p = Number(/principal (\d)/.exec(said)?.[1]);
      const m = (await principal.boundingBox())!;
      expect((m.x + m.width / 2 - track.x) / track.width).toBeCloseTo((p - 0.5) / 4, 1);
    }
  }
  expect(await page.locator('table.profile-chart .mark').count()).toBeGreaterThan(0);
  expect(await violations(page)).toEqual([]);
});
