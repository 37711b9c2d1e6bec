import { test, expect, Page } from '@playwright/test';
import { ROUTES, loadDemo, watchErrors } from './helpers';

// The release build is split per route (scripts/build-split.mjs): the main wasm, and one
// split_<route>.wasm per route plus chunk_<n>.wasm files that some routes share, fetched the
// first time a route shows. These tests hold the build to it.

/** Every .wasm and .js file the page requests from now on, in order. */
function watchCode(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (req) => {
    const { pathname } = new URL(req.url());
    if (/\.(wasm|js)$/.test(pathname)) files.push(pathname.slice(1));
  });
  return files;
}

/** The route a split file holds: split___phase_in_view_<n>-<hash>.wasm → phase_in. */
const routeOf = (file: string) => /^split___(.+)_view_\d+-[0-9a-f]{16}\.wasm$/.exec(file)?.[1];
const isPiece = (file: string) => /^(split|chunk)_.*-[0-9a-f]{16}\.wasm$/.test(file);

test('a cold load fetches the main files and that route\'s own code only', async ({ page }) => {
  const files = watchCode(page);
  const errors = watchErrors(page);
  await page.goto('/schedule');
  await expect(page.locator('h1')).toHaveText('My coaching schedule');
  const routes = files.filter(isPiece).map(routeOf).filter(Boolean);
  expect(routes, 'the split files fetched for /schedule').toEqual(['schedule']);
  expect(files.filter((f) => /^app-[0-9a-f]{16}_bg\.wasm$/.test(f)), 'the main wasm, once').toHaveLength(1);
  expect(new Set(files).size, `a file fetched twice: ${files.join(', ')}`).toBe(files.length);
  expect(errors).toEqual([]);
});

test('going from route to route fetches each route\'s code once, and coming back fetches nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  const files = watchCode(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const seen = new Set<string>(['home']);
  const name = (path: string) => (path === '/' ? 'home' : path.slice(1).replace(/-/g, '_'));
  for (const { path, h1 } of [...ROUTES.slice(1), ...ROUTES]) {
    const before = files.length;
    await nav.locator(`a[href="${path}"]`).click();
    await expect(page).toHaveURL(path);
    await expect(page.locator('h1')).toHaveText(h1);
    // The page's h1 gets focus once its code has arrived, as after a page load.
    await expect(page.locator('main h1')).toBeFocused();
    const fetched = files.slice(before);
    expect(fetched.every(isPiece), `${path} fetched only split files: ${fetched.join(', ')}`).toBe(true);
    const routes = fetched.map(routeOf).filter(Boolean);
    expect(routes, `the split files fetched going to ${path}`).toEqual(seen.has(name(path)) ? [] : [name(path)]);
    seen.add(name(path));
  }
  expect(new Set(files).size, `a file fetched twice: ${files.join(', ')}`).toBe(files.length);
  expect(errors).toEqual([]);
});

test('no blank page: index.html says it is loading until the app starts, then steps aside', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  // Hold the main wasm back, as a slow phone network would.
  await page.route(/\/app-[0-9a-f]{16}_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('status').filter({ hasText: 'Loading Readyboard…' })).toBeVisible();
  release();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
});

test('when WebAssembly cannot start, the page says so instead of staying blank', async ({ page }) => {
  await page.route(/\/app-[0-9a-f]{16}_bg\.wasm$/, (route) => route.abort());
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('alert')).toContainText('Readyboard could not start in this browser');
});
