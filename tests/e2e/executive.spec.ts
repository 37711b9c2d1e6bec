import { test, expect, Page, Locator } from '@playwright/test';
import { loadDemo, saveStatus, expectNoAxeViolations, ready, watchErrors, downloadText, storedDocument, storeWholeDocument } from './helpers';

// Flags and pace count from today: every test here runs on the same day of the demo's year.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
});

/** Press Tab until `target` has focus: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** The demo's private notes: none may be printed, reported or exported. */
const PRIVATE = ['Whitfield hesitant to name the two teachers', 'The assistant principal undercuts meetings',
  'Parent complaint may go to the board', 'worried about her evaluation'];

test('an engagement from start to an agreed plan, by keyboard only', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/executive');
  await ready(page);
  await tabTo(page, page.getByRole('link', { name: 'Start an engagement' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Start an engagement');

  // A refused set-up says which field, and keeps focus there.
  await tabTo(page, page.getByRole('button', { name: 'Start the engagement' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Principal')).toBeFocused();
  await expect(page.getByText('The principal’s name can\'t be empty.')).toBeVisible();
  await page.keyboard.type('Maya Chen');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('School')).toBeFocused();
  await page.keyboard.type('Birchwood');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dr. Ellen Marsh');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Support tier')).toBeFocused();
  await page.keyboard.type('Platinum');
  await tabTo(page, page.getByRole('button', { name: 'Start the engagement' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Maya Chen, Birchwood Elementary');
  await expect(page.getByText('0 of 15 on-site days used')).toBeVisible();

  // Phase 1 needs the reflection and the data review before planning can begin.
  await expect(page.getByRole('heading', { name: 'Before phase 2 can begin, assessment still needs:' })).toBeVisible();
  const strands = ['Systems thinking', 'Vision', 'Teaching and learning', 'Human relationships', 'Culture for learning'];
  for (const strand of strands) {
    const group = page.getByRole('group', { name: strand });
    await tabTo(page, group.getByRole('radio').first());
    await page.keyboard.press('ArrowRight'); // Developing
    await expect(group.getByLabel('Developing')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(group.getByLabel('Evidence')).toBeFocused();
    await page.keyboard.type(`Evidence for ${strand.toLowerCase()}.`);
    await page.keyboard.press('Tab'); // commits the evidence
  }
  await tabTo(page, page.getByLabel('What the data and the plan say'));
  await page.keyboard.type('Reading 58%, math 52%; the plan targets grade 3 reading.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Data review saved.')).toBeVisible();
  const onward = page.getByRole('button', { name: 'Move on to phase 2: Planning' });
  await tabTo(page, onward);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Phase 2: Planning' })).toBeVisible();

  // One objective is not a plan: the count is enforced with a clear message.
  await tabTo(page, page.getByLabel('Objective', { exact: true }).last());
  await page.keyboard.type('Grade 3 reading on track');
  await page.keyboard.press('Tab');
  await page.keyboard.type('80% of grade 3 at benchmark by May');
  await tabTo(page, page.getByRole('button', { name: 'Add objective' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Objective added: Grade 3 reading on track.')).toBeVisible();
  await tabTo(page, page.getByLabel('Areas of focus for coaching'));
  await page.keyboard.type('Literacy leadership');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Weekly on-site; what we discuss stays between us.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Agree the plan' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('A plan has 2 or 3 key objectives; this one has 1. Add 1 more.');

  await tabTo(page, page.getByLabel('Objective', { exact: true }).last());
  await page.keyboard.type('Teams plan from student work');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Every team brings student work twice a month');
  await tabTo(page, page.getByRole('button', { name: 'Add objective' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 objectives of 2–3.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Agree the plan' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Coach and principal agreed the plan on 2026-11-30.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move on to phase 3: Work plan' })).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');

  // What was agreed is what is stored.
  const doc = await storedDocument(page);
  const e = doc.executive.engagements.find((x: any) => x.principal === 'Maya Chen');
  expect(e.objectives.map((o: any) => o.title)).toEqual(['Grade 3 reading on track', 'Teams plan from student work']);
  expect(e.planAgreedOn).toBe('2026-11-30');
  expect(e.allowance).toEqual({ onSiteDays: 15, offSiteSessions: 5 });
  expect(errors).toEqual([]);
});

test('moving on early needs a reason, which is kept', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive/eng-canal-street');
  await ready(page);
  await page.getByRole('button', { name: 'Move on to phase 2 early…' }).click();
  await expect(page.getByLabel('Why move on now')).toBeFocused();
  await page.getByRole('button', { name: 'Move on early' }).click();
  await expect(page.getByRole('alert')).toContainText('To move on now, give a reason');
  await page.getByLabel('Why move on now').fill('The superintendent asked for objectives before winter break.');
  await page.getByRole('button', { name: 'Move on early' }).click();
  await expect(page.getByRole('heading', { name: 'Phase 2: Planning' })).toBeVisible();
  await expect(page.locator('.phase-step').first()).toContainText('Moved on early: The superintendent asked for objectives before winter break.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.phase-step.current')).toContainText('Assessment and reflection');
});

test('logging contacts, allowance burn, the warning before the allowance, and undo', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  // A district's own tier, with a small allowance.
  await page.goto('/executive/tiers');
  await page.getByLabel('Name', { exact: true }).last().fill('Pilot');
  await page.getByRole('button', { name: 'Add tier' }).click();
  const pilot = page.locator('section', { has: page.getByRole('heading', { name: 'Pilot' }) });
  await pilot.getByLabel('On-site days').fill('2');
  await pilot.getByRole('button', { name: /Save/ }).click();
  await expect(pilot.getByText(/^Saved\./)).toBeVisible();

  await page.goto('/executive/new?school=juniper-es');
  await page.getByLabel('Principal').fill('Omar Haddad');
  await page.getByLabel('Executive coach').fill('Marcus Bell');
  await page.getByLabel('Support tier').selectOption({ label: 'Pilot: 2 on-site days' });
  await page.getByLabel('Start').fill('2026-09-01');
  await page.getByRole('button', { name: 'Start the engagement' }).click();
  await expect(page.locator('h1')).toHaveText('Omar Haddad, Juniper Elementary');
  await page.getByRole('link', { name: 'Contact log' }).click();
  await expect(page.locator('h1')).toHaveText('Omar Haddad, Juniper Elementary: contact log');

  // Bad input is refused with a clear message, and nothing is logged.
  await page.getByLabel('Date').fill('2026-08-15');
  await page.getByLabel('Duration').fill('300');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByText('2026-08-15 is outside the engagement, which runs from 2026-09-01 to 2027-06-30.')).toBeVisible();
  await expect(page.getByLabel('Date')).toBeFocused();
  await page.getByLabel('Date').fill('2026-09-09');
  await page.getByLabel('Duration').fill('-30');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByText('A duration can\'t be negative.')).toBeVisible();
  await expect(page.getByText('No contacts yet.')).toBeVisible();

  // Two on-site days burn the allowance.
  for (const date of ['2026-09-09', '2026-10-14']) {
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('Duration').fill('5:00');
    await page.getByLabel('Private notes', { exact: true }).fill('PRIVATE-coach-only');
    await page.getByRole('button', { name: 'Log contact' }).click();
    await expect(page.getByText(`Logged: On-site day on ${date}, 5 h.`)).toBeVisible();
  }
  await expect(page.getByText('2 of 2 on-site days used')).toBeVisible();
  // Phone and email are unlimited.
  await page.getByLabel('Kind').selectOption({ label: 'Phone' });
  await expect(page.locator('#allowance-warning')).toHaveCount(0);
  await page.getByLabel('Date').fill('2026-10-20');
  await page.getByLabel('Duration').fill('20');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByText('Logged: Phone on 2026-10-20, 20 min.')).toBeVisible();

  // The warning comes before the third on-site day; the contact is kept and marked.
  await page.getByLabel('Kind').selectOption({ label: 'On-site day' });
  await expect(page.locator('#allowance-warning')).toHaveText('This would be 1 on-site day over the allowance of 2 on-site days: 2 already used. It will be kept and marked as over.');
  await page.getByLabel('Date').fill('2026-11-18');
  await page.getByLabel('Duration').fill('300');
  await page.getByRole('button', { name: 'Log it over the allowance' }).click();
  await expect(page.getByText('1 on-site day over the allowance.')).toBeVisible();
  const over = page.getByRole('row', { name: /2026-11-18/ });
  await expect(over).toContainText('Over the allowance');
  await expect(page.getByText('3 of 2 on-site days used')).toBeVisible();

  // Private notes show only when asked for.
  await expect(page.getByText('PRIVATE-coach-only')).toHaveCount(0);
  await page.getByLabel('Show the coach’s private notes').check();
  await expect(page.getByText('PRIVATE-coach-only').first()).toBeVisible();

  // Deleting asks first, and can be undone.
  await over.getByRole('button', { name: /Delete…/ }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(page.getByText('2 of 2 on-site days used')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 of 2 on-site days used')).toBeVisible();

  // The program view shows the burn.
  await page.goto('/executive');
  const row = page.getByRole('row', { name: /Omar Haddad/ });
  await expect(row).toContainText('3 of 2 on-site days used');
  await expect(row).toContainText('Pilot');
  expect(errors).toEqual([]);
});

test('a contact can be edited: its values come into the form, and it is checked again', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  // A contact with every field set, and one a newer version of Readyboard would keep.
  const doc = await storedDocument(page);
  const e = doc.executive.engagements.find((x: any) => x.id === 'eng-northgate');
  const objective = e.objectives[0];
  e.contacts.push({ id: 'edit-me', date: '2026-11-24', kind: 'phone', minutes: 20, observation: true,
    stance: 'facilitative', strand: 'vision', objective: objective.id, sharedNotes: 'Before the edit.',
    privateNotes: 'PRIVATE-edit-me', fromANewerVersion: 'kept' });
  e.contacts.sort((a: any, b: any) => a.date.localeCompare(b.date));
  await storeWholeDocument(page, doc);
  await page.goto('/executive/eng-northgate/log');
  await ready(page);
  const count = await page.locator('p.hint', { hasText: /in the log, newest first/ }).innerText();

  await page.getByRole('button', { name: 'Edit the phone on 2026-11-24, 20 min' }).click();
  await expect(page.getByRole('heading', { name: 'Edit the contact' })).toBeVisible();
  await expect(page.getByLabel('Date')).toBeFocused();
  await expect(page.getByLabel('Date')).toHaveValue('2026-11-24');
  await expect(page.getByLabel('Kind')).toHaveValue('phone');
  await expect(page.getByLabel('Duration')).toHaveValue('20');
  await expect(page.getByLabel('The coach’s stance')).toHaveValue('facilitative');
  await expect(page.getByLabel('Content strand')).toHaveValue('vision');
  await expect(page.getByLabel('Objective it served')).toHaveValue(objective.id);
  await expect(page.getByLabel('Included an observation')).toBeChecked();
  await expect(page.getByLabel('Shared notes')).toHaveValue('Before the edit.');
  await expect(page.getByLabel('Private notes', { exact: true })).toHaveValue('PRIVATE-edit-me');
  await expectNoAxeViolations(page, 'the log while a contact is edited');

  // Checked again: a negative duration is refused, and nothing changes.
  await page.getByLabel('Duration').fill('-5');
  await page.getByRole('button', { name: 'Save the contact' }).click();
  await expect(page.getByText('A duration can\'t be negative.')).toBeVisible();
  await page.getByLabel('Duration').fill('2:15');
  await page.getByLabel('Kind').selectOption({ label: 'Email' });
  await page.getByLabel('Shared notes').fill('Edited: walked the grade 7 classrooms together.');
  await page.getByRole('button', { name: 'Save the contact' }).click();
  await expect(page.getByText('Saved: Email on 2026-11-24, 2 h 15 min.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Log a contact' })).toBeVisible();
  const row = page.getByRole('row', { name: /2026-11-24/ }).filter({ hasText: 'Edited: walked' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('rowheader')).toBeFocused();
  await expect(page.locator('p.hint', { hasText: /in the log, newest first/ })).toHaveText(count);
  // The form is fresh again: nothing of the edited contact is left in it.
  await expect(page.getByLabel('Kind')).toHaveValue('on-site');
  await expect(page.getByLabel('The coach’s stance')).toHaveValue('');
  await expect(page.getByLabel('Objective it served')).toHaveValue('');
  await expect(page.getByLabel('Private notes', { exact: true })).toHaveValue('');
  await expect(saveStatus(page)).toHaveText('Saved');
  const stored = (await storedDocument(page)).executive.engagements.find((x: any) => x.id === 'eng-northgate');
  expect(stored.contacts.filter((c: any) => c.id === 'edit-me')).toEqual([{
    id: 'edit-me', date: '2026-11-24', kind: 'email', minutes: 135, observation: true, stance: 'facilitative',
    strand: 'vision', objective: objective.id, sharedNotes: 'Edited: walked the grade 7 classrooms together.',
    privateNotes: 'PRIVATE-edit-me', fromANewerVersion: 'kept' }]);

  // Cancelling an edit changes nothing, leaves a fresh form, and focus goes back to the contact.
  await page.getByRole('button', { name: 'Edit the email on 2026-11-24, 2 h 15 min' }).click();
  await page.getByLabel('Duration').fill('999');
  await page.getByRole('button', { name: 'Cancel the edit' }).click();
  await expect(page.getByRole('heading', { name: 'Log a contact' })).toBeVisible();
  await expect(page.getByLabel('Duration')).toHaveValue('');
  await expect(page.getByLabel('Kind')).toHaveValue('on-site');
  await expect(page.locator('th:focus')).toHaveText('2026-11-24');

  // Deleting the contact being edited ends the edit, with nothing of it left in the form.
  await page.getByRole('button', { name: 'Edit the email on 2026-11-24, 2 h 15 min' }).click();
  await page.getByRole('button', { name: 'Delete… the email on 2026-11-24, 2 h 15 min' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Log a contact' })).toBeVisible();
  await expect(page.getByLabel('Shared notes')).toHaveValue('');
  await expect(page.getByLabel('Private notes', { exact: true })).toHaveValue('');
  expect(errors).toEqual([]);
});

test('a long log shows its latest 40, the rest on request, and prints whole for the principal without a private note', async ({ page }) => {
  await loadDemo(page);
  // Sixty phone calls more for Dana Whitfield, each with a private note of its own.
  const doc = await storedDocument(page);
  const e = doc.executive.engagements.find((x: any) => x.id === 'eng-northgate');
  for (let i = 0; i < 60; i++) {
    const day = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
    e.contacts.push({ id: `call-${i}`, date: day, kind: 'phone', minutes: 10, sharedNotes: `Call ${i}: shared.`, privateNotes: `PRIVATE-call-${i}` });
  }
  e.contacts.sort((a: any, b: any) => a.date.localeCompare(b.date));
  const total = e.contacts.length;
  await storeWholeDocument(page, doc);
  await page.goto('/executive/eng-northgate/log');
  await ready(page);
  const rows = page.locator('table.contact-log tbody tr');
  await expect(rows).toHaveCount(40);
  await expect(page.getByText(`${total} contacts in the log, newest first.`)).toBeVisible();
  await expect(page.getByText(`40 of ${total} shown.`)).toBeVisible();
  // More on request, 50 at a time; focus stays on the button while there are more, and goes
  // to the log's heading once every contact is shown.
  expect(total).toBeGreaterThan(40);
  expect(total).toBeLessThanOrEqual(140);
  const more = page.getByRole('button', { name: `Show ${Math.min(50, total - 40)} more contacts` });
  await more.click();
  await expect(rows).toHaveCount(Math.min(90, total));
  if (total > 90) {
    await expect(page.getByRole('button', { name: `Show ${total - 90} more contacts` })).toBeFocused();
    await page.getByRole('button', { name: `Show ${total - 90} more contacts` }).click();
  }
  await expect(rows).toHaveCount(total);
  await expect(page.locator('#log-title')).toBeFocused();
  await expect(page.getByRole('button', { name: /more contacts$/ })).toHaveCount(0);

  // Print: the whole log, shared notes, never a private note (even when shown on screen).
  await page.goto('/executive/eng-northgate/log');
  await ready(page);
  await page.getByLabel('Show the coach’s private notes').check();
  await expect(page.locator('.private-note').first()).toBeVisible();
  // The browser's own Print (Ctrl+P) draws every contact before printing.
  await expect(rows).toHaveCount(40);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(rows).toHaveCount(total);
  await page.goto('/executive/eng-northgate/log');
  await ready(page);
  await page.getByLabel('Show the coach’s private notes').check();
  await expect(rows).toHaveCount(40);
  await page.evaluate(() => { (window as any).printed = 0; window.print = () => { (window as any).printed += 1; }; });
  await page.getByRole('button', { name: 'Print the log for the principal' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).printed)).toBe(1);
  await expect(rows).toHaveCount(total);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('main').innerText();
  expect(printed).toContain('Call 59: shared.');
  expect(printed).not.toContain('PRIVATE-call');
  for (const p of PRIVATE) expect(printed).not.toContain(p);
  expect(printed).not.toContain('Log a contact');
});

test('the program view flags engagements and filters by coach, tier, cohort and flag', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive');
  await expect(page.getByText('All 4 engagements shown.')).toBeVisible();
  const harbor = page.getByRole('row', { name: /Luis Ortega/ });
  await expect(harbor).toContainText('Behind pace');
  await expect(harbor).toContainText('Objective without indicators');
  await page.getByLabel('Needs attention').selectOption({ label: 'Behind pace' });
  await expect(page.getByText('1 of 4 engagements shown.')).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Cohort').selectOption({ label: 'Benson Valley principals' });
  await expect(page.locator('tbody th a')).toHaveText(['Grace Okafor', 'Tom Brennan']);
  await page.getByLabel('Coach', { exact: true }).selectOption('Dr. Ellen Marsh');
  await expect(page.locator('tbody th a')).toHaveText(['Tom Brennan']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Tier').selectOption({ label: 'Diamond' });
  await expect(page.locator('tbody th a')).toHaveText(['Dana Whitfield']);
  await page.getByLabel('Find a principal, school or coach').fill('harbor');
  await expect(page.getByText('No engagement matches these filters.')).toBeVisible();
});

test('the status report in print media, and its CSV, carry no private note', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive/eng-northgate/report');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  const report = page.locator('article.status-report');
  await expect(report.getByRole('heading', { name: 'Dana Whitfield, Northgate Middle School' })).toBeVisible();
  await expect(report).toContainText('Phase 4 of 4: Implementation, monitoring and evaluation');
  await expect(report).toContainText('11 of 30 on-site days used');
  await expect(report).toContainText('Math intervention reaches every student two grade levels behind');
  await expect(report).toContainText('On track (2026-11-18)');
  await expect(report).toContainText('Common assessments drafted by January');
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  const printed = await page.locator('body').innerText();
  const html = await page.content();
  for (const p of PRIVATE) {
    expect(printed).not.toContain(p);
    expect(html).not.toContain(p);
  }
  // One or two pages: the printed report fits in two A4 heights (at 96 dpi, less margins).
  const height = await report.evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeLessThan(2 * 1030);
  await page.emulateMedia({ media: 'screen' });
  const csv = await downloadText(page, 'Download CSV');
  expect(csv.name).toBe('dana-whitfield-northgate-middle-school-status-2026-11-30.csv');
  expect(csv.text).toContain('Allowance,11 of 30 on-site days used');
  for (const p of PRIVATE) expect(csv.text).not.toContain(p);

  // The contact log shows a private note only when asked, and never prints it.
  await page.goto('/executive/eng-northgate/log');
  await page.getByLabel('Show the coach’s private notes').check();
  await expect(page.getByText(PRIVATE[0])).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const printedLog = await page.locator('body').innerText();
  for (const p of PRIVATE) expect(printedLog).not.toContain(p);
});

test('a cohort meeting is logged once and counts for every principal in the cohort', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  const offSite = async (id: string) => {
    await page.goto(`/executive/${id}/log`);
    await ready(page);
    return page.locator('.glance').innerText();
  };
  expect(await offSite('eng-canal-street')).toContain('3 off-site sessions (by agreement)');
  expect(await offSite('eng-riverside')).toContain('3 off-site sessions (by agreement)');
  await page.goto('/executive/cohorts');
  await page.getByLabel('Date').fill('2026-12-02');
  await page.getByLabel('Duration').fill('2:30');
  await page.getByLabel('Shared notes').fill('Walkthrough protocols, shared across the cohort.');
  await page.getByRole('button', { name: 'Log the meeting for the cohort' }).click();
  await expect(page.getByText('Logged the Benson Valley principals meeting on 2026-12-02: it counts for 2 principals.')).toBeVisible();
  await expect(page.locator('.session-list li').first()).toContainText('2026-12-02, 2 h 30 min: counted for 2 principals');
  for (const id of ['eng-canal-street', 'eng-riverside']) {
    expect(await offSite(id)).toContain('4 off-site sessions (by agreement)');
    const row = page.getByRole('row', { name: /2026-12-02/ });
    await expect(row).toContainText('Cohort meeting');
    await expect(row).toContainText('Walkthrough protocols, shared across the cohort.');
  }
  // Stored once, in the program, not copied into each engagement.
  const doc = await storedDocument(page);
  expect(doc.executive.sessions.filter((s: any) => s.date === '2026-12-02')).toHaveLength(1);
  for (const e of doc.executive.engagements) expect(e.contacts.some((c: any) => c.date === '2026-12-02')).toBe(false);
  // A principal marked absent does not count it.
  await page.goto('/executive/cohorts');
  await page.getByLabel('Date').fill('2027-01-13');
  await page.getByLabel('Duration').fill('120');
  await page.getByLabel('Grace Okafor (Canal Street Elementary)').check();
  await page.getByRole('button', { name: 'Log the meeting for the cohort' }).click();
  await expect(page.getByText('it counts for 1 principal.')).toBeVisible();
  expect(await offSite('eng-canal-street')).toContain('4 off-site sessions (by agreement)');
  expect(await offSite('eng-riverside')).toContain('5 off-site sessions (by agreement)');
  expect(errors).toEqual([]);
});

test('the weekly meetings calendar keeps its event IDs', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive/eng-northgate/log');
  const a = await downloadText(page, 'Download the calendar (.ics)');
  expect(a.name).toBe('dana-whitfield-northgate-middle-school-weekly.ics');
  expect(a.text).toContain('UID:20260902-exec-eng-northgate@readyboard');
  await page.getByLabel('Place (optional)').fill('Library');
  await page.getByRole('button', { name: /Save/ }).last().click();
  const b = await downloadText(page, 'Download the calendar (.ics)');
  const uids = (t: string) => t.split('\r\n').filter((l) => l.startsWith('UID:'));
  expect(uids(b.text)).toEqual(uids(a.text));
  expect(b.text.replace(/\r\n /g, '')).toContain('Place: Library.');
  for (const p of PRIVATE) expect(b.text).not.toContain(p);
});

test('the phases\' expected dates: set in order on the set-up page, and a date passed flags the phase', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/executive/eng-harbor-view');
  await ready(page);
  // Planning is Luis Ortega's current phase; the tracker says by when, and links to the dates.
  await page.getByRole('link', { name: 'Change the expected dates' }).click();
  await expect(page.locator('h1')).toHaveText('Luis Ortega, Harbor View Elementary: set-up');
  const dates = page.getByRole('region', { name: 'When each phase is expected to be done' });
  // The link leads to the dates, below the set-up form, not to the top of the page.
  await expect(dates).toBeFocused();
  await expect(dates).toBeInViewport();
  await dates.getByLabel('Assessment and reflection').fill('2026-10-15');
  await dates.getByLabel('Planning', { exact: true }).fill('2026-10-01');
  await dates.getByRole('button', { name: 'Save the dates' }).click();
  await expect(dates.getByText('Planning can’t be expected to be done before assessment and reflection (2026-10-15).')).toBeVisible();
  await expect(dates.getByLabel('Planning', { exact: true })).toBeFocused();
  await expect(dates.getByLabel('Planning', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await dates.getByLabel('Planning', { exact: true }).fill('2027-09-01');
  await dates.getByRole('button', { name: 'Save the dates' }).click();
  await expect(dates.getByText('Planning is expected to be done within the engagement, from 2026-08-31 to 2027-06-11.')).toBeVisible();

  // Today is 2026-11-30: a planning date already passed flags the phase.
  await dates.getByLabel('Planning', { exact: true }).fill('2026-11-20');
  await dates.getByRole('button', { name: 'Save the dates' }).click();
  await expect(dates.getByText('Saved.')).toBeVisible();
  await page.goto('/executive');
  const row = page.getByRole('row', { name: /Luis Ortega/ });
  await expect(row).toContainText('Phase stalled');
  await page.goto('/executive/eng-harbor-view');
  await expect(page.getByText('Planning was expected to be done by 2026-11-20.')).toBeVisible();
  await expect(page.locator('p.hint', { hasText: 'Expected to be done by 2026-11-20.' })).toBeVisible();

  // A later date clears the flag, and the form shows what is saved.
  await page.goto('/executive/eng-harbor-view/setup');
  await expect(dates.getByLabel('Planning', { exact: true })).toHaveValue('2026-11-20');
  await expect(dates.getByLabel('Assessment and reflection')).toHaveValue('2026-10-15');
  await dates.getByLabel('Planning', { exact: true }).fill('2026-12-18');
  await dates.getByRole('button', { name: 'Save the dates' }).click();
  // The work plan's date (2026-11-23) now comes before planning's: refused, and said.
  await expect(dates.getByText('Work plan can’t be expected to be done before planning (2026-12-18).')).toBeVisible();
  await expect(dates.getByLabel('Work plan')).toBeFocused();
  await dates.getByLabel('Work plan').fill('2027-01-29');
  await dates.getByRole('button', { name: 'Save the dates' }).click();
  await expect(dates.getByText('Saved.')).toBeVisible();
  await page.goto('/executive');
  await expect(page.getByRole('row', { name: /Luis Ortega/ })).not.toContainText('Phase stalled');
  await expect(saveStatus(page)).toHaveText('Saved');
  const stored = await storedDocument(page);
  const harbor = stored.executive.engagements.find((e: any) => e.id === 'eng-harbor-view');
  expect(harbor.targets).toEqual({ assessment: '2026-10-15', planning: '2026-12-18', workPlan: '2027-01-29' });
  expect(errors).toEqual([]);
});

test('pace counts the school weeks of the school\'s own calendar, when its Plus board has one', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive/eng-harbor-view');
  const pace = page.locator('.glance li', { hasText: 'Pace' });
  // 193 days from 2026-11-30 to the end on 2027-06-11.
  await expect(pace).toContainText(/unused with 27 weeks left$/);
  // Harbor View gets a Plus board with the demo's calendar (36 school weeks from 2026-08-24,
  // the last from 2027-05-17): pace then counts its school weeks, from this week's to the
  // last, less the three weeks off (two at winter break, one at spring break): 25 - 3 = 22.
  // Not the summer.
  const doc = await storedDocument(page);
  const calendar = doc.plus.boards[0].calendar;
  doc.plus.boards.push({ schoolId: 'harbor-view-es', calendar });
  await storeWholeDocument(page, doc);
  await page.goto('/executive/eng-harbor-view');
  await ready(page);
  await expect(pace).toContainText(/unused with 22 school weeks left$/);
  const withCalendar = 22;
  // The status report counts the same way.
  await page.goto('/executive/eng-harbor-view/report');
  await expect(page.locator('article.status-report')).toContainText(`with ${withCalendar} school weeks left`);
});

test('removing an engagement asks first and can be undone', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive/eng-riverside/setup');
  await page.getByRole('button', { name: /Remove…/ }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page).toHaveURL(/\/executive$/);
  await expect(page.getByText('The engagement with Tom Brennan was removed.')).toBeVisible();
  await expect(page.getByText('All 3 engagements shown.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('All 4 engagements shown.')).toBeVisible();
});

const PAGES = ['/executive', '/executive/new', '/executive/cohorts', '/executive/tiers', '/executive/eng-northgate',
  '/executive/eng-northgate?phase=1', '/executive/eng-northgate?phase=2', '/executive/eng-northgate?phase=3',
  '/executive/eng-harbor-view', '/executive/eng-northgate/log', '/executive/eng-northgate/report',
  '/executive/eng-northgate/setup', '/executive/no-such-engagement'];

for (const width of [1280, 390]) {
  test(`axe finds no violation on any executive-coaching page at ${width} px, and nothing scrolls sideways`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 844 });
    await loadDemo(page);
    for (const path of PAGES) {
      await page.goto(path);
      await ready(page);
      await expectNoAxeViolations(page, `${path} at ${width}px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    // With the private notes shown, and a confirmation open.
    await page.goto('/executive/eng-northgate/log');
    await page.getByLabel('Show the coach’s private notes').check();
    await page.getByRole('button', { name: /Delete…/ }).first().click();
    await expectNoAxeViolations(page, `the log with private notes and a confirmation at ${width}px`);
  });
}

test('the phase-in plan ties in: a readiness plan starts or opens an engagement, and the brief names the coaches', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/phase-in/plans/northgate-ms');
  await expect(page.getByTestId('plan-executive')).toContainText('Dana Whitfield works with executive coach Dr. Ellen Marsh (Diamond tier, phase 4 of 4: implementation).');
  await page.getByRole('link', { name: 'Open the engagement' }).click();
  await expect(page.locator('h1')).toHaveText('Dana Whitfield, Northgate Middle School');

  await page.goto('/executive/eng-harbor-view/setup');
  await page.getByRole('button', { name: /Remove…/ }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page).toHaveURL(/\/executive$/);
  await page.goto('/phase-in/plans/harbor-view-es');
  await expect(page.getByTestId('plan-executive')).toContainText('The principal has no executive coach yet.');
  await page.getByRole('link', { name: 'Start an executive-coaching engagement' }).click();
  await expect(page.locator('h1')).toHaveText('Start an engagement');
  await expect(page.getByLabel('School')).toHaveValue('harbor-view-es');
  await expect(page.getByLabel('Executive coach')).toHaveValue('Marcus Bell');

  await page.goto('/phase-in/brief');
  const brief = page.getByTestId('brief-deferred');
  await expect(brief.locator('.deferred', { hasText: 'Northgate Middle School' })).toContainText('Dana Whitfield works with executive coach Dr. Ellen Marsh');
  await expect(brief.locator('.deferred', { hasText: 'Harbor View Elementary' })).toContainText('The principal has no executive coach yet.');
});

test('every form shows what is saved: cadences, the rating, outcomes, the weekly day', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/executive/eng-northgate?phase=2');
  await ready(page);
  const cadences = page.locator('.objective-list select');
  await expect(cadences).toHaveCount(3);
  await expect(cadences.nth(0)).toHaveValue('monthly');
  await expect(cadences.nth(1)).toHaveValue('weekly');
  await expect(cadences.nth(2)).toHaveValue('quarterly');
  await expect(page.getByLabel('Monitored').last()).toHaveValue('monthly'); // a new objective's default
  await expect(page.locator('#new-objective-cadence option:checked')).toHaveText('Monthly');
  await page.goto('/executive/eng-northgate?phase=4');
  await expect(page.getByLabel('Rating')).toHaveValue('on-track');
  await expect(page.locator('#check-rating option:checked')).toHaveText('On track');
  const outcome = page.getByLabel('Team leads share instructional decisions', { exact: true });
  await outcome.selectOption('partly-met');
  await page.goto('/executive/eng-northgate?phase=4');
  await expect(page.locator('select[id^="outcome-obj-ng-leads"] option:checked')).toHaveText('Partly met');
  await page.goto('/executive/eng-northgate/log');
  await expect(page.locator('#weekly-day option:checked')).toHaveText('Wednesday');
  // The tracker's "Move on" for a phase that is done, and a refused one, say so.
  await page.goto('/executive/eng-riverside');
  await expect(page.getByRole('heading', { name: 'Before phase 4 can begin, work plan still needs:' })).toBeVisible();
});
