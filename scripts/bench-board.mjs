// The Plus board at scale: 12 Plus teachers × 40 weeks × 120 teachers. Fills the year in the
// browser (the generator's limit is 100 ms, input to paint), then times the board's editing
// interactions against the 50 ms limit. The harness is in bench-lib.mjs.
//
// Usage: node scripts/bench-board.mjs ENVELOPE.json [PORT]   (make bench runs it)
import { open, LIMIT_MS } from './bench-lib.mjs';

const GENERATE_LIMIT_MS = 100;
const [file, portArg] = process.argv.slice(2);
const b = await open(file, Number(portArg ?? 4178));
const { base, doc, page, step, settle } = b;
const board = doc.plus.boards[0];
const said = () => page.getByTestId('board-said').innerText();
const fillAll = () => page.getByRole('button', { name: 'Fill the whole year', exact: true }).click();
try {
  // Warm-up visit: the browser compiles and caches the code (see bench-readiness.mjs).
  await page.goto(`${base}/board`);
  await page.locator('#slot-0-1-0').waitFor();
  await fillAll();
  await settle();

  // The measured visit starts again from the empty board, so filling draws every cell.
  await page.goto(`${base}/data`);
  await page.evaluate((raw) => localStorage.setItem('readyboard.district', raw), b.raw);
  const t = Date.now();
  await page.goto(`${base}/board`);
  await page.locator('#slot-0-1-0').waitFor();
  const before = await page.locator('#slot-0-1-0').innerText();
  if (before !== '\u2014') throw new Error(`the board should start empty, not with "${before}"`);
  const loadMs = Date.now() - t;

  await step(`fill the whole year (click; ${GENERATE_LIMIT_MS} ms limit)`, fillAll, { limitMs: GENERATE_LIMIT_MS });
  const filled = await said();
  await step(`fill from week 21 (click; ${GENERATE_LIMIT_MS} ms limit)`, async () => {
    await page.getByLabel('From week').fill('21');
    await page.getByRole('button', { name: 'Fill the rest of the year', exact: true }).click();
    // The year is full: the lead is asked first.
    await page.getByRole('button', { name: 'Plan again', exact: true }).click();
  }, { limitMs: GENERATE_LIMIT_MS });
  await page.locator('#slot-0-1-0').focus();
  await step('move right (ArrowRight)', () => page.keyboard.press('ArrowRight'));
  await step('move down (ArrowDown)', () => page.keyboard.press('ArrowDown'));
  await step('pick up (Space)', () => page.keyboard.press(' '));
  await page.keyboard.press('ArrowRight');
  await step('drop (Space)', () => page.keyboard.press(' '));
  await step('undo (Ctrl+Z)', () => page.keyboard.press('Control+z'));
  await step('redo (Ctrl+Shift+Z)', () => page.keyboard.press('Control+Shift+z'));
  await step('remove (Delete)', () => page.keyboard.press('Delete'));
  await step('open the editor (Enter)', () => page.keyboard.press('Enter'));
  await step('close the editor (Escape)', () => page.keyboard.press('Escape'));
  await step('edit a day (click)', () => page.locator('#slot-3-2-2').click());
  await step('save it (click)', () => page.getByRole('button', { name: 'Save', exact: true }).click());
  await step('drag a cell to another day', () => page.locator('#slot-5-3-1').dragTo(page.locator('#slot-6-4-3')));
  await step('next term (click)', () => page.getByRole('button', { name: /^Weeks 15 to 28/ }).click());

  console.log(`Scale: ${board.members.length} Plus teachers × ${board.calendar.weeks} weeks × ${board.teachers.length} teachers; stored envelope ${(b.stored / 1e6).toFixed(2)} M characters`);
  console.log(`Opening /board: ${loadMs} ms (a page load, not an interaction).`);
  console.log(`The generator said: "${filled}"`);
  b.report();
} finally {
  await b.close();
}
if (b.failed()) {
  console.log(`FAIL: an interaction took more than its limit (${LIMIT_MS} ms; ${GENERATE_LIMIT_MS} ms to generate).`);
  process.exit(1);
}
console.log(`ok: generating paints within ${GENERATE_LIMIT_MS} ms and every edit within ${LIMIT_MS} ms.`);
