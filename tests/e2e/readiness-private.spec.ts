import { test, expect, Page } from '@playwright/test';
import { loadDemo, saveStatus, expectNoAxeViolations, ready, storedDocument, storedKeys, storeWholeDocument } from './helpers';

// Issue 11, readiness: ratings stay private until the reveal; one scale in the profile chart;
// forced colours; the school page's main action; the reveal's heading; why a verdict; an
// empty district; table names and scroll regions.

const LINDEN = '/readiness/linden-es/round-linden-es-2026-11';
const DEMO_PIN = '2468'; // src/domain/demo.rs, DEMO_PIN
const LEVEL_NAMES = ['Not yet', 'Emerging', 'Developing', 'Ready'];

/** Everything the page holds, visible or not: its HTML (attributes, hidden text), its text,
 *  its title and its address. None of it may carry a level before the reveal. */
async function expectNoLevelAnywhere(page: Page, label: string) {
  const { html, text, title, url, radios } = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    text: document.body.innerText + ' ' + document.body.textContent,
    title: document.title,
    url: location.href,
    radios: document.querySelectorAll('input[type=radio]').length,
  }));
  expect(radios, `${label}: no level options in the page`).toBe(0);
  for (const name of LEVEL_NAMES) {
    expect(html.includes(`1 ${name}`) || html.includes(`2 ${name}`) || html.includes(`3 ${name}`) || html.includes(`4 ${name}`),
      `${label}: no level name (${name}) in the HTML`).toBe(false);
    expect(text.includes(`${name}`) && /\b[1-4] (Not yet|Emerging|Developing|Ready)\b/.test(text), `${label}: no level in the text`).toBe(false);
  }
  expect(html, `${label}: no level classes`).not.toMatch(/class="[^"]*\b(lv|l[1-4])\b/);
  expect(title).toBe('Linden Elementary: Fall 2026 · Readyboard');
  expect(url).toMatch(/\/readiness\/linden-es\/round-linden-es-2026-11$/);
}

test('a saved draft opens only with its rater’s PIN; nothing shows a level before the reveal', async ({ page }) => {
  await loadDemo(page);
  await page.goto(LINDEN);
  await expect(page.getByText('guards against a colleague at the table, not against someone with the browser’s developer tools')).toBeVisible();
  await expectNoLevelAnywhere(page, 'the raters list');

  // The principal (in the demo's round at Linden) cannot open a team member's draft.
  await page.getByRole('button', { name: 'Continue rating as Grade 4 team lead' }).click();
  await expect(page.getByRole('heading', { name: 'Continue rating as Grade 4 team lead' })).toBeFocused();
  await expectNoLevelAnywhere(page, 'the PIN step');
  await page.getByLabel('Grade 4 team lead’s PIN').fill('0000');
  await page.getByRole('button', { name: 'Open my form' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That PIN does not open Grade 4 team lead’s form/);
  await expect(page.getByLabel('Grade 4 team lead’s PIN')).toHaveValue('');
  await expectNoLevelAnywhere(page, 'after a wrong PIN');

  // With the PIN, the rater's own form opens with their levels.
  await page.getByLabel('Grade 4 team lead’s PIN').fill(DEMO_PIN);
  await page.getByRole('button', { name: 'Open my form' }).click();
  await expect(page.getByRole('heading', { name: 'Rating as Grade 4 team lead' })).toBeFocused();
  await expect(page.locator('input[type=radio]:checked')).toHaveCount(8);
  await page.getByRole('button', { name: 'Save and hand over' }).click();
  await expect(page.getByText('Grade 4 team lead’s ratings are saved.')).toBeVisible();
  await expectNoLevelAnywhere(page, 'after hand-over');
  // Reopening asks again.
  await page.getByRole('button', { name: 'Continue rating as Grade 4 team lead' }).click();
  await expect(page.getByLabel('Grade 4 team lead’s PIN')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the raters' }).click();

  // A new rater chooses a PIN; only a salted hash is stored.
  await page.getByRole('button', { name: 'Rate as Principal Delgado' }).click();
  await page.getByLabel('Choose a PIN for Principal Delgado (4 to 8 digits)').fill('1357');
  await page.getByLabel('Type the PIN again').fill('1375');
  await page.getByRole('button', { name: 'Start rating' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two PINs differ. Type the same PIN twice.');
  await page.getByLabel('Choose a PIN for Principal Delgado (4 to 8 digits)').fill('1357');
  await page.getByLabel('Type the PIN again').fill('1357');
  await page.getByRole('button', { name: 'Start rating' }).click();
  await expect(page.getByRole('heading', { name: 'Rating as Principal Delgado' })).toBeFocused();
  await page.locator('label[for=c0-l3]').click();
  await expect(page.getByText('1 of 8 criteria rated.')).toBeVisible();
  await page.getByRole('button', { name: 'Save and hand over' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const doc = await storedDocument(page);
  const principal = doc.readiness.rounds.find((r: any) => r.id === 'round-linden-es-2026-11').raters.find((r: any) => r.name === 'Principal Delgado');
  expect(principal.pin.salt).toMatch(/^[0-9a-f]{32}$/);
  expect(principal.pin.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(doc)).not.toContain('1357');
  await expect(page.getByRole('row', { name: /Principal Delgado Principal Draft: 1 of 8 rated/ })).toBeVisible();
  await expectNoLevelAnywhere(page, 'after the principal’s draft');

  // Clear and re-rate deletes the answers; undo brings them back (before the reveal).
  await page.getByRole('button', { name: 'Clear and re-rate… Principal Delgado' }).click();
  await page.getByRole('button', { name: 'Yes, clear' }).click();
  await expect(page.getByRole('row', { name: /Principal Delgado Principal Not started/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Principal Delgado Principal Draft: 1 of 8 rated/ })).toBeVisible();
  await page.getByRole('button', { name: 'Clear and re-rate… Principal Delgado' }).click();
  await page.getByRole('button', { name: 'Yes, clear' }).click();
  await expect(page.getByRole('row', { name: /Principal Delgado Principal Not started/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rate as Principal Delgado' })).toBeVisible();
  await expectNoLevelAnywhere(page, 'after clearing');
  // Undoable until the reveal, not only while the page stays open.
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await ready(page);
  await expectNoLevelAnywhere(page, 'after clearing and a reload');
  await page.getByRole('button', { name: 'Undo clearing Principal Delgado’s answers' }).click();
  await expect(page.getByRole('row', { name: /Principal Delgado Principal Draft: 1 of 8 rated/ })).toBeVisible();
});

test('drafts saved before PINs still load, stay closed, and still count', async ({ page }) => {
  await loadDemo(page);
  const doc = await storedDocument(page);
  const round = doc.readiness.rounds.find((r: any) => r.id === 'round-linden-es-2026-11');
  for (const r of round.raters) delete r.pin;
  await storeWholeDocument(page, doc);
  await page.goto(LINDEN);
  await expect(page.getByRole('row', { name: /Grade 4 team lead .* All criteria rated Saved before PINs: closed until the reveal/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue rating as Grade 4 team lead' })).toHaveCount(0);
  await expect(page.getByText('Grade 1 team lead has not rated these criteria:')).toBeVisible();
  await expectNoLevelAnywhere(page, 'a round from before PINs');
  const after = await storedDocument(page);
  const kept = after.readiness.rounds.find((r: any) => r.id === 'round-linden-es-2026-11');
  expect(kept.raters.map((r: any) => r.levels)).toEqual(round.raters.map((r: any) => r.levels));
});

/** Finish the Linden round: the part-way member continues with their PIN, the principal starts. */
async function finishLinden(page: Page) {
  await page.goto(LINDEN);
  await page.getByRole('button', { name: 'Continue rating as Grade 1 team lead' }).click();
  await page.getByLabel('Grade 1 team lead’s PIN').fill(DEMO_PIN);
  await page.getByRole('button', { name: 'Open my form' }).click();
  for (let i = 5; i < 8; i++) await page.locator(`label[for=c${i}-l2]`).click();
  await expect(page.getByText('8 of 8 criteria rated.')).toBeVisible();
  await page.getByRole('button', { name: 'Save and hand over' }).click();
  await page.getByRole('button', { name: 'Rate as Principal Delgado' }).click();
  await page.getByLabel('Choose a PIN for Principal Delgado (4 to 8 digits)').fill('8080');
  await page.getByLabel('Type the PIN again').fill('8080');
  await page.getByRole('button', { name: 'Start rating' }).click();
  for (let i = 0; i < 8; i++) await page.locator(`label[for=c${i}-l3]`).click();
  await expect(page.getByText('8 of 8 criteria rated.')).toBeVisible();
  await page.getByRole('button', { name: 'Save and hand over' }).click();
}

for (const width of [1280, 390]) {
  test(`after the reveal, the page moves to the revealed ratings and their heading at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await loadDemo(page);
    // Every Linden rater done (stored as by a build before PINs, so this runs on any build).
    const doc = await storedDocument(page);
    for (const r of doc.readiness.rounds.find((x: any) => x.id === 'round-linden-es-2026-11').raters) {
      r.levels = [2, 3, 2, 2, 3, 2, 3, 2];
      delete r.pin;
    }
    await storeWholeDocument(page, doc);
    await page.goto(LINDEN);
    await page.getByRole('button', { name: 'Reveal the ratings…' }).click();
    await page.getByRole('button', { name: 'Yes, reveal' }).click();
    const heading = page.getByRole('heading', { name: 'Every rating, revealed' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top, 'the heading is near the top of the window').toBeLessThan(200);
  });
}

test('on a phone the raters’ actions are on screen, without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await loadDemo(page);
  await page.goto(LINDEN);
  await ready(page);
  for (const b of await page.locator('table.raters button').all()) {
    const box = (await b.boundingBox())!;
    expect(box.x + box.width, `${await b.innerText()} is inside the window`).toBeLessThanOrEqual(390);
  }
  await expect(page.getByRole('table', { name: 'Raters' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Grade 1 team lead .*Draft: 5 of 8 rated/ })).toBeVisible();
});

test('the part-way rater finishes with their PIN, the principal starts with a new one, and the round can be revealed', async ({ page }) => {
  await loadDemo(page);
  await finishLinden(page);
  await expect(page.getByRole('button', { name: 'Reveal the ratings…' })).toBeVisible();
  await expectNoLevelAnywhere(page, 'every rater done, before the reveal');
});

test('the round page’s headings are in the accessibility tree, before and after the reveal', async ({ page }) => {
  await loadDemo(page);
  await page.goto(LINDEN);
  await ready(page);
  const before = await page.locator('main').ariaSnapshot();
  for (const h of ['heading "Linden Elementary: Fall 2026" [level=1]', 'heading "Raters" [level=2]', 'heading "Add a rater" [level=2]', 'heading "Reveal the ratings" [level=2]']) {
    expect(before).toContain(h);
  }
  expect(before).toContain('table "Raters"');
  await page.goto('/readiness/canal-street-es/round-canal-street-es-2026-10');
  await ready(page);
  const after = await page.locator('main').ariaSnapshot();
  for (const h of ['heading "Every rating, revealed" [level=2]', 'heading "The principal and the team" [level=2]', 'heading "Agree a level for each criterion" [level=2]', 'heading "Result" [level=2]', 'heading "Strengths" [level=3]', 'heading "Gaps" [level=3]']) {
    expect(after).toContain(h);
  }
  expect(after).toContain('table "Every rating, revealed"');
  expect(after).toContain('table "The principal and the team"');
});

/** Each chart row: where the bar ends, where the marks sit, and where the values say they should. */
async function chartGeometry(page: Page) {
  return page.locator('table.profile-chart tbody tr').evaluateAll((rows) => rows.map((tr) => {
    const said = tr.querySelector('.visually-hidden')!.textContent!;
    const agreed = Number(/agreed (\d)/.exec(said)![1]);
    const team = /team mean (\d\.\d)/.exec(said);
    const principal = /principal (\d)/.exec(said);
    const track = tr.querySelector('.track')!.getBoundingClientRect();
    const at = (v: number) => track.left + ((v - 0.5) / 4) * track.width;
    const centre = (sel: string) => { const r = tr.querySelector(sel)!.getBoundingClientRect(); return r.left + r.width / 2; };
    return {
      bar: tr.querySelector('.bar')!.getBoundingClientRect().right, barWant: at(agreed),
      team: team ? centre('.mark.team') : null, teamWant: team ? at(Number(team[1])) : null,
      principal: principal ? centre('.mark.principal') : null, principalWant: principal ? at(Number(principal[1])) : null,
      agreed, teamValue: team ? Number(team[1]) : null,
      // The mean is said to one decimal: allow for that rounding (0.05 of a level).
      teamSlack: (0.05 / 4) * track.width + 1.5,
    };
  }));
}

test('the profile chart’s bars and marks share one scale, on screen and in print', async ({ page }) => {
  await loadDemo(page);
  const path = '/readiness/northgate-ms/round-northgate-ms-2026-04/summary';
  for (const media of ['screen', 'print'] as const) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(path);
    await ready(page);
    await page.emulateMedia({ media });
    const rows = await chartGeometry(page);
    expect(rows.length).toBe(8);
    for (const r of rows) {
      expect(Math.abs(r.bar - r.barWant), `${media}: the bar of level ${r.agreed} ends at its level`).toBeLessThan(1.5);
      if (r.team !== null) expect(Math.abs(r.team - r.teamWant!), `${media}: the team mean ${r.teamValue}`).toBeLessThan(r.teamSlack);
      if (r.principal !== null) expect(Math.abs(r.principal - r.principalWant!), `${media}: the principal`).toBeLessThan(1.5);
    }
  }
  // The legend shows the four colours the bars are drawn in.
  await page.emulateMedia({ media: 'screen' });
  const legend = page.locator('.profile .legend');
  await expect(legend).toContainText('Agreed level, a bar coloured by level:');
  const keys = await legend.locator('.bar-key').evaluateAll((ks) => ks.map((k) => getComputedStyle(k).backgroundColor));
  const bars = await page.locator('.track .bar').evaluateAll((bs) => Object.fromEntries(bs.map((b) => [b.className, getComputedStyle(b).backgroundColor])));
  expect(new Set(keys).size).toBe(4);
  for (const [cls, colour] of Object.entries(bars)) {
    const level = Number(/l(\d)/.exec(cls)![1]);
    expect(keys[level - 1], `the legend's key for level ${level}`).toBe(colour);
  }
});

test('under forced colours the chart keeps its bars, principal marks and legend keys', async ({ page }) => {
  await loadDemo(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/readiness/canal-street-es/round-canal-street-es-2026-10');
  await ready(page);
  const inkless = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.setProperty('background-color', 'Canvas');
    probe.style.setProperty('forced-color-adjust', 'none');
    document.body.append(probe);
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const ink = (el: Element) => {
      const cs = getComputedStyle(el);
      const colours: string[] = [];
      const bg = cs.backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') colours.push(bg);
      for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
        if (parseFloat((cs as any)[`border${side}Width`]) > 0) colours.push((cs as any)[`border${side}Color`]);
      }
      return colours.some((c) => c !== canvas && c !== 'rgba(0, 0, 0, 0)');
    };
    const out: string[] = [];
    for (const sel of ['.track .bar', '.mark.principal', '.mark.team', '.legend .key']) {
      const els = [...document.querySelectorAll(sel)];
      if (els.length === 0) out.push(`${sel}: none drawn`);
      els.forEach((el, i) => { if (!ink(el)) out.push(`${sel} #${i}`); });
    }
    return out;
  });
  expect(inkless, 'elements with nothing that forced colours keep').toEqual([]);
  await page.locator('.result .profile').screenshot({ path: '/tmp/i11-shots/profile-forced-colors.png' });
});

for (const width of [1280, 390]) {
  test(`the school page puts "Start a round" first, aligned, and says why the verdict at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await loadDemo(page);
    await page.goto('/readiness/canal-street-es');
    await ready(page);
    const start = await page.getByRole('heading', { name: 'Start a round' }).boundingBox();
    const optOut = await page.getByRole('heading', { name: 'First-year placement' }).boundingBox();
    expect(start!.y).toBeLessThan(optOut!.y);
    const button = await page.getByRole('button', { name: 'Start the round' }).boundingBox();
    const date = await page.getByLabel('Meeting date').boundingBox();
    const name = await page.getByLabel('Name', { exact: true }).boundingBox();
    if (width === 1280) {
      expect(Math.abs(button!.y + button!.height - (date!.y + date!.height)), 'the button lines up with the fields').toBeLessThan(2);
    } else {
      expect(Math.abs(button!.x - name!.x), 'the button lines up with the fields on a phone').toBeLessThan(2);
    }
    const reason = await page.getByLabel('Reason for self-selecting out of year one').boundingBox();
    const optOutButton = await page.getByRole('button', { name: 'Self-select out of year one' }).boundingBox();
    expect(Math.abs(optOutButton!.x - reason!.x), 'the opt-out button starts under its field').toBeLessThan(2);
    expect(optOutButton!.y).toBeGreaterThan(reason!.y + reason!.height);
    await expect(page.locator('#latest-title + p .verdict-why')).toHaveText('No criterion is at or below the gate (1 Not yet).');
    await page.screenshot({ path: `/tmp/i11-shots/school-${width}.png`, fullPage: true });
    await page.goto('/readiness/northgate-ms');
    await expect(page.locator('#latest-title + p .verdict-why')).toContainText('At or below the gate (1 Not yet):');
    await expect(page.getByRole('row', { name: /Spring 2026/ }).first()).toContainText('At or below the gate');
    await page.goto(LINDEN);
    await ready(page);
    await page.screenshot({ path: `/tmp/i11-shots/round-${width}.png`, fullPage: true });
    await page.goto('/readiness/canal-street-es/round-canal-street-es-2026-10');
    await ready(page);
    await page.screenshot({ path: `/tmp/i11-shots/round-revealed-${width}.png`, fullPage: true });
    await page.locator('.result .profile').screenshot({ path: `/tmp/i11-shots/profile-${width}.png` });
  });
}

test('an empty district’s readiness page says to add schools first, and links there', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('District name').fill('Lakeside Unified');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto('/readiness');
  await ready(page);
  await expect(page.getByText('No school matches that search.')).toHaveCount(0);
  await expect(page.getByTestId('no-schools')).toContainText('This district has no schools yet.');
  await page.getByRole('link', { name: 'Add schools on the roster' }).click();
  await expect(page).toHaveURL(/\/phase-in\/roster$/);
  await page.goto('/readiness');
  await expectNoAxeViolations(page, 'empty readiness page');
});

for (const width of [1280, 390]) {
  test(`tables have names, and only tables that scroll are focusable regions, named apart from their section, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await loadDemo(page);
    for (const path of ['/readiness', '/readiness/pinecrest-ms', LINDEN, '/readiness/canal-street-es/round-canal-street-es-2026-10']) {
      await page.goto(path);
      await ready(page);
      await page.waitForTimeout(100); // one frame for the scroll check
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const nameOf = (el: Element) => {
          const by = el.getAttribute('aria-labelledby');
          if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
          return (el.getAttribute('aria-label') ?? el.querySelector(':scope > caption')?.textContent ?? '').trim();
        };
        document.querySelectorAll('main table').forEach((t, i) => { if (!nameOf(t)) out.push(`table #${i} has no name`); });
        document.querySelectorAll('main [tabindex="0"]').forEach((el) => {
          const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
          if (!scrolls) out.push(`${el.className} is focusable but does not scroll`);
        });
        document.querySelectorAll('main .table-wrap').forEach((el) => {
          const scrolls = el.scrollWidth > el.clientWidth + 1;
          if (scrolls && el.getAttribute('tabindex') !== '0') out.push('a table that scrolls cannot be focused');
          if (el.getAttribute('role') === 'region') {
            const section = el.closest('section[aria-labelledby]');
            if (section && nameOf(section) === nameOf(el)) out.push(`region "${nameOf(el)}" repeats its section's name`);
          }
        });
        return out;
      });
      expect(problems, `${path} at ${width}px`).toEqual([]);
      await expectNoAxeViolations(page, `${path} at ${width}px`);
    }
  });
}

test('five wrong PINs in a row make the next try wait, even with the right PIN and after a reload', async ({ page }) => {
  await loadDemo(page);
  await page.goto(LINDEN);
  await page.getByRole('button', { name: 'Continue rating as Grade 4 team lead' }).click();
  const field = page.getByLabel('Grade 4 team lead’s PIN');
  const open = page.getByRole('button', { name: 'Open my form' });
  for (let i = 0; i < 4; i++) {
    await field.fill(`000${i}`);
    await open.click();
    await expect(page.getByRole('alert')).toHaveText(/That PIN does not open Grade 4 team lead’s form/);
  }
  await expect(page.getByRole('alert')).toContainText('One more wrong PIN starts a 30-second pause.');
  await field.fill('0004');
  await open.click();
  await expect(page.getByRole('alert')).toHaveText(/Too many wrong PINs for Grade 4 team lead\. Wait 30 seconds/);
  await field.fill(DEMO_PIN);
  await open.click();
  await expect(page.getByRole('alert')).toHaveText(/Too many wrong PINs for Grade 4 team lead\. Wait \d+ seconds/);
  await expect(page.getByRole('heading', { name: 'Rating as Grade 4 team lead', exact: true })).toHaveCount(0);
  await expectNoLevelAnywhere(page, 'while the PIN waits');
  // The pause is kept with the round: a reload does not start the count again.
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await page.getByRole('button', { name: 'Continue rating as Grade 4 team lead' }).click();
  await page.getByLabel('Grade 4 team lead’s PIN').fill(DEMO_PIN);
  await page.getByRole('button', { name: 'Open my form' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Too many wrong PINs for Grade 4 team lead\. Wait \d+ seconds/);
  await expect(page.getByRole('heading', { name: 'Rating as Grade 4 team lead', exact: true })).toHaveCount(0);
});

test('the Undo of a removed rater survives opening another rater’s form', async ({ page }) => {
  await loadDemo(page);
  await page.goto(LINDEN);
  const raters = page.getByRole('table', { name: 'Raters' });
  // The round page's code may still be on its way: read the raters once they are shown.
  await expect(raters.getByRole('rowheader', { name: 'Grade 4 team lead' })).toBeVisible();
  const before = await raters.locator('tbody th').allInnerTexts();
  expect(before.length).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Remove… Grade 4 team lead' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText('Grade 4 team lead removed from the round.')).toBeVisible();
  // Someone else opens their own PIN step, then comes back.
  const other = before.find((n) => n !== 'Grade 4 team lead')!;
  await page.getByRole('button', { name: new RegExp(`^(Rate|Continue rating) as ${other}$`) }).click();
  await page.getByRole('button', { name: /Back to the raters|Cancel/ }).first().click();
  await expect(page.getByText('Grade 4 team lead removed from the round.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => raters.locator('tbody th').allInnerTexts()).toEqual(before);
});
