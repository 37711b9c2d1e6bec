import { expect, Page, Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { inflateSync } from 'node:zlib';

export const KEY = 'readyboard.district';

/** Every route, its one h1 and its page title. */
export const ROUTES: { path: string; h1: string | RegExp }[] = [
  { path: '/', h1: 'Launch instructional coaching where schools are ready' },
  { path: '/readiness', h1: 'Readiness self-assessments' },
  { path: '/phase-in', h1: 'Phase-in plan' },
  { path: '/board', h1: 'Plus-teacher rotation board' },
  { path: '/schedule', h1: 'My coaching schedule' },
  { path: '/model', h1: 'Coaching model' },
  { path: '/executive', h1: 'Executive coaching' },
  { path: '/data', h1: 'Data & backup' },
];

/** Collect console errors and uncaught exceptions for the whole test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Wait until the wasm app has rendered. */
export async function ready(page: Page) {
  // Past 'Opening your district…' (the code that reads a stored district), at the page's h1.
  // Starting the wasm and fetching a route's piece can take a while on a busy machine.
  await expect(page.locator('h1')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByTestId('opening')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('h1')).toHaveCount(1);
}

export async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore the Benson demo district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
}

export function saveStatus(page: Page) {
  return page.getByTestId('save-status');
}

export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n'));
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Every `readyboard.*` key and its stored text: for "nothing was written" checks. */
export async function storedKeys(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith('readyboard.')) out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

/** Unpack one stored part ("z1:<bytes>:" then 15 bits a character from U+0800) to JSON. */
export function unpackPart(text: string): unknown {
  const m = /^z1:(\d+):/.exec(text);
  if (!m) throw new Error(`not a packed part: ${text.slice(0, 20)}`);
  const count = Number(m[1]);
  const bytes = Buffer.alloc(count);
  let acc = 0, bits = 0, n = 0;
  for (const ch of text.slice(m[0].length)) {
    acc = ((acc << 15) | (ch.codePointAt(0)! - 0x800)) >>> 0;
    bits += 15;
    while (bits >= 8 && n < count) {
      bits -= 8;
      bytes[n++] = (acc >>> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
    acc &= (1 << bits) - 1;
  }
  return JSON.parse(inflateSync(bytes).toString('utf8'));
}

/**
 * The stored district as one document, read independently of the app: the head in
 * `readyboard.district` names each part and the revision it was written at. `null` when
 * nothing is stored. A district stored whole (before schema 2) is returned as it is.
 */
export async function storedDocument(page: Page): Promise<any> {
  const keys = await storedKeys(page);
  const head = keys[KEY];
  if (head === undefined) return null;
  const env = JSON.parse(head);
  if (env.layout !== 'parts') return env.document;
  const part = (name: string) => unpackPart(keys[`readyboard.p.${name}@${env.parts[name]}`]) as any;
  const core = part('core');
  const doc: any = {
    ...(core.extra ?? {}), district: core.district, schools: core.schools,
    readiness: { ...(core.readinessExtra ?? {}), frameworks: core.frameworks ?? [], rounds: [] },
    plus: { ...(core.plusExtra ?? {}), boards: [] },
  };
  if (env.parts['phase-in'] !== undefined) doc.phaseIn = part('phase-in');
  for (const name of Object.keys(env.parts)) {
    if (name.startsWith('rounds.')) doc.readiness.rounds.push(...part(name));
    if (name.startsWith('board.')) doc.plus.boards.push(...part(name));
  }
  if (env.parts['executive'] !== undefined) {
    // Executive coaching: its own part, and one part per engagement in its order.
    const { order = [], extra = {}, ...x } = part('executive');
    doc.executive = { ...extra, ...x, engagements: order.map((id: string) => part(`engagement.${id}`)) };
  }
  // The coaching model: its own part, the published versions, and a part per school (staff
  // sessions, adaptations) and per coach (check-ins, shadowing, learning).
  const names = Object.keys(env.parts);
  const modelNames = names.filter((n) => n === 'model' || n === 'model-versions'
    || n.startsWith('model-school.') || n.startsWith('model-coach.'));
  if (modelNames.length > 0) {
    const model: any = { ...(env.parts['model'] !== undefined ? part('model') : {}) };
    if (env.parts['model-versions'] !== undefined) model.versions = part('model-versions');
    const add = (field: string, items: unknown[] | undefined) => {
      if (items && items.length > 0) model[field] = [...(model[field] ?? []), ...items];
    };
    for (const name of modelNames) {
      if (name.startsWith('model-school.')) {
        const x = part(name);
        add('sessions', x.sessions);
        add('adaptations', x.adaptations);
      } else if (name.startsWith('model-coach.')) {
        const x = part(name);
        add('checkIns', x.checkIns);
        add('shadowing', x.shadowing);
        add('learning', x.learning);
      }
    }
    doc.model = model;
  }
  return doc;
}

/** The stored head's header fields (schemaVersion, revision, writer…). */
export async function storedHead(page: Page): Promise<any> {
  const head = await page.evaluate((k) => localStorage.getItem(k), KEY);
  return head === null ? null : JSON.parse(head);
}

/** Replace what is stored with `doc` as one whole envelope (the layout before schema 2,
 *  which the app still reads): for tests that set up a district by hand. */
export async function storeWholeDocument(page: Page, doc: unknown) {
  await page.evaluate(([k, doc]) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('readyboard.')) localStorage.removeItem(key);
    localStorage.setItem(k as string, JSON.stringify({
      format: 'readyboard', schemaVersion: 5, appVersion: '0.1.0', savedAt: new Date().toISOString(),
      revision: 1000, writer: 'test', document: doc,
    }));
  }, [KEY, doc]);
}

/** The Benson demo with its planner untouched (no pins, readiness plans or scenarios), as a
 *  champion finds a district before planning: for tests of the planner's own rules. */
export async function loadDemoUnplanned(page: Page) {
  await loadDemo(page);
  await expect(saveStatus(page)).toHaveText('Saved');
  const doc = await storedDocument(page);
  delete doc.phaseIn;
  await storeWholeDocument(page, doc);
  await page.reload();
  await ready(page);
}

/** Click the button named `button` and return the file it downloads: its name and text. */
export async function downloadText(page: Page, button: string | RegExp): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}
