import { test, expect, Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { ROUTES, expectNoAxeViolations, loadDemo, saveStatus, storedDocument, storedKeys, watchErrors } from './helpers';

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

/** The route a split file holds: split_phase_in_route-<hash>.wasm → phase_in. */
const routeOf = (file: string) => /^split_(.+)_route-[0-9a-f]{16}\.wasm$/.exec(file)?.[1];
/** The board's own split file. */
const BOARD_SPLIT = /\/split_board_route-[0-9a-f]{16}\.wasm$/;
const isPiece = (file: string) => /^(split|chunk)_.*-[0-9a-f]{16}\.wasm$/.test(file);

test('a cold load fetches the main files and that route\'s own code only', async ({ page }) => {
  const files = watchCode(page);
  const errors = watchErrors(page);
  await page.goto('/board/setup');
  await expect(page.locator('h1')).toHaveText('Plus board set-up');
  const routes = files.filter(isPiece).map(routeOf).filter(Boolean);
  expect(routes, 'the split files fetched for /board/setup').toEqual(['board_setup']);
  expect(files.filter((f) => /^app-[0-9a-f]{16}_bg\.wasm$/.test(f)), 'the main wasm, once').toHaveLength(1);
  expect(new Set(files).size, `a file fetched twice: ${files.join(', ')}`).toBe(files.length);
  expect(errors).toEqual([]);
});

test('a teacher\'s share link starts the teacher\'s own small app, and leaving it starts the staff app', async ({ page }) => {
  test.setTimeout(300_000); // the first run may compile the example
  const payload = execSync('cargo run --quiet --example share_link', { encoding: 'utf8' }).trim();
  const files = watchCode(page);
  const errors = watchErrors(page);
  await page.goto(`/schedule#s=${payload}`);
  await expect(page.locator('h1')).toHaveText('My coaching schedule');
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  await expect(page).toHaveTitle('My coaching schedule · Readyboard');
  const code = files.filter((f) => !/^boot-/.test(f));
  expect(code, 'the teacher\'s app only').toHaveLength(2);
  expect(code.filter((f) => /^teacher-[0-9a-f]{16}\.js$/.test(f))).toHaveLength(1);
  expect(code.filter((f) => /^teacher-[0-9a-f]{16}_bg\.wasm$/.test(f))).toHaveLength(1);
  // Choosing a name keeps it in the URL, with the link, and Back returns to the list.
  await page.getByLabel('Your name', { exact: true }).fill('Abby Diaz');
  await page.getByRole('button', { name: /Abby Diaz.*Grade 6/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeFocused();
  expect(page.url()).toMatch(/\/schedule\?teacher=abby-diaz-[0-9a-z]{8}#s=/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toHaveCount(0);
  await expect(page.getByLabel('Your name', { exact: true })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
  // Leaving the link, in a browser that keeps no district, stays in the teacher's app; a
  // Plus lead goes on from there to the staff app.
  await page.getByRole('link', { name: 'Leave the shared schedule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No schedule in this browser yet' })).toBeVisible();
  expect(page.url()).not.toContain('#');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Plus board' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(files.some((f) => /^app-[0-9a-f]{16}_bg\.wasm$/.test(f))).toBe(true);
  expect(errors).toEqual([]);
});

test('/schedule opens the teacher\'s small app in a browser that keeps no district, and the staff page where one is kept', async ({ page }) => {
  const errors = watchErrors(page);
  let files = watchCode(page);
  await page.goto('/schedule');
  await expect(page.locator('h1')).toHaveText('My coaching schedule');
  await expect(page.getByRole('heading', { level: 2, name: 'No schedule in this browser yet' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(saveStatus(page)).toHaveCount(0);
  // The JS glue and the wasm have hashes of their own, so their order by name is either way.
  const teacher = files.filter((f) => !/^boot-/.test(f));
  expect(teacher, 'the teacher\'s app only').toHaveLength(2);
  expect(teacher, 'the teacher\'s app only')
    .toEqual(expect.arrayContaining([expect.stringMatching(/^teacher-[0-9a-f]{16}\.js$/), expect.stringMatching(/^teacher-[0-9a-f]{16}_bg\.wasm$/)]));
  await expectNoAxeViolations(page, '/schedule with no district');
  // A Plus lead on a new device goes on to the staff app from there.
  await page.getByRole('link', { name: 'Plus board' }).click();
  await expect(page.locator('h1')).toHaveText('Plus-teacher rotation board');
  await page.getByRole('button', { name: 'Explore the Benson demo district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  // With a district kept, a fresh load of /schedule is the staff page, with its navigation.
  files = watchCode(page);
  await page.goto('/schedule');
  await expect(page.getByText('From this browser’s district: Maple Ridge Middle School.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(files.filter(isPiece).map(routeOf).filter(Boolean)).toEqual(['schedule']);
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

/** Rename the district on /data, and go to the Plus board before the save's pause is over. */
async function renameThenOpenBoard(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).locator('a[href="/data"]').click();
  await page.getByLabel('District name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('navigation', { name: 'Main' }).locator('a[href="/board"]').click();
}

test('a route whose code does not arrive says so, saves the edits first, and reloads into the page', async ({ page }) => {
  await loadDemo(page);
  await page.route(BOARD_SPLIT, (route) => route.abort());
  await renameThenOpenBoard(page, 'Benson Unified');
  const failed = page.getByTestId('chunk-failed');
  await expect(failed.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded');
  await expect(page).toHaveTitle('This page could not be loaded · Readyboard');
  // Never blank: the header and navigation stay, and the edit made just before is stored.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('chunk-saved')).toHaveText('Your work is saved in this browser: reloading loses nothing.');
  expect((await storedDocument(page)).district.name).toBe('Benson Unified');
  await expectNoAxeViolations(page, 'a route whose code did not arrive');
  // The app still runs: other routes open.
  await page.getByRole('navigation', { name: 'Main' }).locator('a[href="/"]').click();
  await expect(page.locator('h1')).toHaveText(ROUTES[0].h1);
  await page.goBack();
  await expect(failed).toBeVisible();
  // Once the network is back, the reload opens the board, with the edit.
  await page.unroute(BOARD_SPLIT);
  await failed.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.locator('h1')).toHaveText('Plus-teacher rotation board');
  await expect(page.locator('.district-name')).toHaveText(/Benson Unified/);
});

test('when the edits cannot be saved either, the failed route offers a backup before any reload', async ({ page }) => {
  await loadDemo(page);
  await page.route(BOARD_SPLIT, (route) => route.abort());
  // Browser storage refuses every write from now on.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await renameThenOpenBoard(page, 'Benson Unified');
  const failed = page.getByTestId('chunk-failed');
  await expect(failed.getByRole('alert')).toContainText('Your latest changes are not saved in this browser');
  const download = page.waitForEvent('download');
  await failed.getByRole('button', { name: 'Download a backup' }).click();
  const text = await (await download).createReadStream().then(async (s) => {
    let out = '';
    for await (const c of s) out += c;
    return out;
  });
  expect(text).toContain('Benson Unified');
  // The first press of Reload does not reload: it asks again, naming the loss.
  await failed.getByRole('button', { name: 'Reload the page' }).click();
  await expect(failed.getByRole('button', { name: 'Reload anyway, losing those changes' })).toBeVisible();
  await expectNoAxeViolations(page, 'a failed route with unsaved edits');
  await expect(page.locator('.district-name')).toHaveText(/Benson Unified/);
  await expect(saveStatus(page)).toContainText('Not saved');
});

test('when the demo\'s code does not arrive, the first-run choice says so and stays usable', async ({ page }) => {
  const demo = /\/split_benson_demo-[0-9a-f]{16}\.wasm$/;
  await page.route(demo, (route) => route.abort());
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Explore the Benson demo district' });
  await button.click();
  await expect(page.getByRole('alert').filter({ hasText: 'The demo could not be opened' })).toBeVisible();
  await expect(page.locator('#panic')).toHaveCount(0);
  // Once the network is back, the same button opens it.
  await page.unroute(demo);
  await button.click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
});

// The code that reads a stored district's bulk (rounds, the planner, boards…) is a piece of its
// own (storage::codec::Reader): a new user never fetches it, and a returning one fetches it
// beside the main wasm, before any page shows. The code that writes every part is another
// (storage::codec::Writer), never in a route's first load: each route asks for it once its
// page has drawn, for the first save.
const READER_SPLIT = /\/split_stored_reader-[0-9a-f]{16}\.wasm$/;
const WRITER_SPLIT = /\/split_stored_writer-[0-9a-f]{16}\.wasm$/;

test('the code that reads a district comes only when one is stored, and the code that saves after the page, once each', async ({ page }) => {
  const errors = watchErrors(page);
  const first = watchCode(page);
  // What the page shows when the writer is asked for (the request waits while we look).
  const shownAtRequest: (string | null)[] = [];
  await page.route(WRITER_SPLIT, async (route) => {
    shownAtRequest.push(await page.evaluate(() => document.querySelector('h1')?.textContent ?? null));
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Explore the Benson demo district' })).toBeVisible();
  await expect.poll(() => shownAtRequest.length).toBe(1);
  expect(shownAtRequest[0], 'the writer was asked for after the page showed').toBe(ROUTES[0].h1);
  expect(first.filter((f) => WRITER_SPLIT.test('/' + f)), 'the writer, once').toHaveLength(1);
  expect(first.some((f) => READER_SPLIT.test('/' + f)), 'a first visit fetches no reader').toBe(false);
  await page.getByRole('button', { name: 'Explore the Benson demo district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.unroute(WRITER_SPLIT);
  // A returning visit: the district is stored, so the reader comes before the page.
  const files = watchCode(page);
  await page.goto('/readiness');
  await expect(page.locator('h1')).toHaveText(ROUTES[1].h1);
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
  expect(files.filter((f) => READER_SPLIT.test('/' + f)), 'the reader, once').toHaveLength(1);
  await expect.poll(() => files.filter((f) => WRITER_SPLIT.test('/' + f)).length, 'the writer, once').toBe(1);
  expect(new Set(files).size, `a file fetched twice: ${files.join(', ')}`).toBe(files.length);
  expect(errors).toEqual([]);
});

test('a first save waits for the code that saves, keeps the district meanwhile, and says so if it cannot come', async ({ page }) => {
  await page.route(WRITER_SPLIT, (route) => route.abort());
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore the Benson demo district' }).click();
  await expect(saveStatus(page)).toHaveText(/Not saved: the code that saves could not load/);
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
  expect(await storedKeys(page)).toEqual({});
  // The connection is back: the store tries again on its own, and saves the district.
  await page.unroute(WRITER_SPLIT);
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 15_000 });
  expect(Object.keys(await storedKeys(page))).toContain('readyboard.district');
  await page.reload();
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
});

test('when the code that reads a stored district does not arrive, it says so and changes nothing', async ({ page }) => {
  await loadDemo(page);
  const before = await storedKeys(page);
  await page.route(READER_SPLIT, (route) => route.abort());
  await page.goto('/board');
  const failed = page.getByTestId('opening-failed');
  await expect(failed.getByRole('heading', { level: 1 })).toHaveText('Your district could not be opened');
  await expect(failed).toContainText('Your data is safe in this browser: nothing was changed.');
  await expect(page).toHaveTitle('Your district could not be opened · Readyboard');
  await expectNoAxeViolations(page, 'a district whose reader did not arrive');
  // Nothing was set aside, rewritten or removed.
  expect(await storedKeys(page)).toEqual(before);
  // Once the network is back, Reload opens the district.
  await page.unroute(READER_SPLIT);
  await failed.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.locator('h1')).toHaveText('Plus-teacher rotation board');
  await expect(page.locator('.district-name')).toHaveText(/Benson School District/);
  expect(await storedKeys(page)).toEqual(before);
});
