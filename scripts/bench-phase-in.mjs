// The phase-in scale bench: 500 schools (two readiness rounds each) in localStorage, then
// real input on /phase-in: every what-if change re-ranks and re-plans the whole district,
// and each must paint within the limit. The harness is in bench-lib.mjs.
//
// Usage: node scripts/bench-phase-in.mjs ENVELOPE.json [PORT]   (make bench runs it)
import { open, LIMIT_MS } from './bench-lib.mjs';

const [file, portArg] = process.argv.slice(2);
const b = await open(file, Number(portArg ?? 4177));
const { base, doc, page, step, settle } = b;
try {
  // Warm-up visit (see bench-readiness.mjs): the browser compiles and caches the code.
  await page.goto(`${base}/phase-in`);
  await page.getByRole('heading', { name: /^Year 1:/ }).waitFor();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('At or below 2 Emerging').check();
  await page.getByLabel('The framework’s gate (at or below 1 Not yet)').check();
  await settle();

  const t = Date.now();
  await page.goto(`${base}/phase-in`);
  await page.getByRole('heading', { name: /^Year 1:/ }).waitFor();
  const loadMs = Date.now() - t;

  const year1 = () => page.getByRole('heading', { name: /^Year 1:/ }).textContent();
  // What-if changes happen in a scenario: each one plans the scenario and compares it with
  // the adopted plan.
  await step('scenario: new (click)', () => page.getByRole('button', { name: 'New scenario' }).click());
  await step('gate: at or below 2 Emerging (click)', () => page.getByLabel('At or below 2 Emerging').check());
  await step('gate: off (click)', () => page.getByLabel('Off: no gate').check());
  await step('gate: back to the framework’s (click)', () => page.getByLabel('The framework’s gate (at or below 1 Not yet)').check());
  await step('capacity: year 1 = 120 (type, Enter)', async () => {
    await page.getByLabel('Year 1', { exact: true }).fill('120');
    await page.getByLabel('Year 1', { exact: true }).press('Enter');
  });
  const afterCapacity = await year1();
  await step('capacity: split evenly again (click)', () => page.getByRole('button', { name: 'Split evenly again' }).click());
  await page.getByText('Criteria weights for planning').click();
  await step('weight: results = 10 (type, Tab)', async () => {
    const input = page.getByRole('spinbutton', { name: 'Current student results', exact: true });
    await input.fill('10');
    await input.press('Tab');
  });
  await step('weights: back to the framework’s (click)', () => page.getByRole('button', { name: 'Use the framework’s weights' }).click());
  // Selects by keyboard: Playwright's selectOption sends synthetic events, which the browser
  // does not time as interactions.
  await page.getByLabel('Years in the phase-in').focus();
  await step('years: 4 (ArrowDown on the select)', () => page.keyboard.press('ArrowDown'));
  await step('years: 3 (ArrowUp on the select)', () => page.keyboard.press('ArrowUp'));
  await step('scenario: adopt (click)', () => page.getByRole('button', { name: 'Adopt this scenario' }).click());
  const first = { name: (await page.locator('section.cohort tbody th a').first().innerText()) };
  await step('pin: open the form (click)', () => page.getByRole('button', { name: `Pin… ${first.name}`, exact: true }).click());
  const form = page.getByRole('form', { name: `Pin ${first.name} to a year` });
  await form.getByLabel('Year').selectOption('2');
  await form.getByLabel(/Rationale/).fill('Bench pin.');
  await step('pin: save it (click)', () => form.getByRole('button', { name: 'Pin' }).click());
  await step('unpin (click)', () => page.getByRole('button', { name: `Unpin ${first.name}`, exact: true }).click());
  await step('search: type "Oak" (3 keys)', async () => {
    await page.getByLabel('Find a school').focus();
    await page.keyboard.type('Oak', { delay: 60 });
  });
  await step('search: clear', async () => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  });
  await page.getByLabel('Show').focus();
  await step('filter: rankings far apart (ArrowDown on the select)', () => page.keyboard.press('ArrowDown'));
  await step('filter: all schools (ArrowUp on the select)', () => page.keyboard.press('ArrowUp'));
  await step(`show all of year 2 (click; renders every row)`, () =>
    page.locator('section.cohort', { has: page.getByRole('heading', { name: /^Year 2:/ }) }).getByRole('button', { name: /^Show all/ }).click(),
    { limit: false });

  console.log(`Scale: ${doc.schools.length} schools, ${doc.readiness.rounds.length} rounds; stored envelope ${(b.stored / 1e6).toFixed(2)} M characters`);
  console.log(`Opening /phase-in: ${loadMs} ms (a page load, not an interaction). With 120 coaches in year 1: "${afterCapacity}".`);
  b.report();
} finally {
  await b.close();
}
if (b.failed()) {
  console.log(`FAIL: an interaction took more than ${LIMIT_MS} ms.`);
  process.exit(1);
}
console.log(`ok: every re-rank and re-plan painted within ${LIMIT_MS} ms.`);
