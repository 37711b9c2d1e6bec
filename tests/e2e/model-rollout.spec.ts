import { test, expect } from '@playwright/test';
import { loadDemo, saveStatus, ready, watchErrors, storedDocument, storedHead, storeWholeDocument } from './helpers';

// The demo's dates count back from the day it is loaded: fix the day.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
});

test('recording a campus adaptation: a refusal at its field, the champion approves, a non-negotiable is flagged', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/model/schools');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('The coaching model in the schools');
  // The demo: one adaptation touches a non-negotiable element, and cannot be approved.
  const flagged = page.getByRole('listitem').filter({ hasText: 'The coach shares classroom observation notes with the principal.' });
  await expect(flagged).toContainText('Touches “Coaches never evaluate teachers”, which is non-negotiable: it can’t be approved.');
  await expect(flagged.getByRole('button', { name: /^Approve/ })).toHaveCount(0);

  // Without a reason, the form refuses at the "why" field.
  const form = page.getByRole('form', { name: 'Record an adaptation' });
  await form.getByLabel('School', { exact: true }).selectOption({ index: 3 });
  const school = (await form.getByLabel('School', { exact: true }).locator('option:checked').textContent())!.trim();
  await form.getByLabel('Focus').check();
  await form.getByLabel('The element of the model it adapts').selectOption({ label: 'The focus of coaching cycles' });
  await form.getByLabel('What the school does differently').fill('Cycles focus on the new maths curriculum this year.');
  await form.getByRole('button', { name: 'Record the adaptation' }).click();
  const why = form.getByLabel('Why: the campus’s need');
  await expect(why).toBeFocused();
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Say why the school adapts it: the campus’s need.')).toBeVisible();
  await why.fill('The school adopted a new maths curriculum and its teachers asked for help with it.');
  await form.getByRole('button', { name: 'Record the adaptation' }).click();
  await expect(page.getByText('Adaptation recorded. It waits for the champion’s approval.')).toBeVisible();
  await expect(why).toHaveValue('');

  // The champion approves it; focus goes to its status.
  const card = page.getByRole('listitem').filter({ hasText: 'Cycles focus on the new maths curriculum this year.' });
  await expect(card).toContainText(school);
  await expect(card).toContainText('Waiting for approval.');
  await card.getByRole('button', { name: /^Approve/ }).click();
  await expect(card).toContainText('Approved on 2026-11-30.');
  await expect(card.getByText('Approved on 2026-11-30.')).toBeFocused();

  // Choosing a non-negotiable element says so before it is recorded; it is kept, and flagged.
  await form.getByLabel('School', { exact: true }).selectOption({ index: 2 });
  await form.getByLabel('Approach').check();
  await form.getByLabel('The element of the model it adapts').selectOption({ label: 'Confidentiality of coaching conversations (non-negotiable)' });
  await expect(form.getByText('This element is non-negotiable: the adaptation will be recorded, flagged, and can’t be approved.')).toBeVisible();
  await form.getByLabel('What the school does differently').fill('Coaches report each teacher’s goals to the principal.');
  await form.getByLabel('Why: the campus’s need').fill('The principal wants to follow every teacher’s growth.');
  await form.getByRole('button', { name: 'Record the adaptation' }).click();
  await expect(page.getByText('Adaptation recorded, and flagged: it touches a non-negotiable element, so it can’t be approved.')).toBeVisible();
  const second = page.getByRole('listitem').filter({ hasText: 'Coaches report each teacher’s goals to the principal.' });
  await expect(second.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expect(page.getByText('0 waiting for approval; 2 adaptations touching a non-negotiable element.')).toBeVisible();

  // Editing another adaptation shows its own choices, whatever was picked in the form before.
  const heading = (await flagged.getByRole('heading').textContent())!.split(' · ')[0].trim();
  await flagged.getByRole('button', { name: /^Edit/ }).click();
  const edit = page.getByRole('form', { name: 'Edit the adaptation' });
  await expect(edit.getByLabel('School', { exact: true }).locator('option:checked')).toHaveText(heading);
  await expect(edit.getByLabel('The element of the model it adapts').locator('option:checked'))
    .toHaveText('Coaches never evaluate teachers (non-negotiable)');
  await expect(edit.getByLabel('Approach')).toBeChecked();
  await edit.getByRole('button', { name: 'Cancel' }).click();

  await expect(saveStatus(page)).toHaveText('Saved');
  const doc = await storedDocument(page);
  const kept = doc.model.adaptations.find((a: any) => a.what.startsWith('Cycles focus'));
  expect(kept.aspect).toBe('focus');
  expect(kept.approved.on).toBe('2026-11-30');
  expect(doc.model.adaptations.find((a: any) => a.what.startsWith('Coaches report')).approved).toBeUndefined();
  expect(errors).toEqual([]);
});

test('a school whose staff has had no session is flagged; removing a session asks first and can be undone', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model/schools');
  await ready(page);
  await expect(page.getByText('Every school in coaching has had a staff session.')).toBeVisible();
  const sessions = page.getByRole('table', { name: 'Sessions, newest first' });
  const first = sessions.getByRole('row').nth(1);
  const who = (await first.getByRole('cell').first().textContent())!.replace('Staff of ', '').trim();
  await first.getByRole('button', { name: /^Remove…/ }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText('1 school with no staff session held yet.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(who) }).filter({ hasText: 'No staff session yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Every school in coaching has had a staff session.')).toBeVisible();

  // A planned session for the leaders; a held one without its attendance is refused at that field.
  const form = page.getByRole('form', { name: 'Add a session' });
  await form.getByLabel('Date').fill('2026-12-10');
  await form.getByLabel('Held').check();
  await form.getByRole('button', { name: 'Add the session' }).click();
  await expect(form.getByLabel('How many attended')).toBeFocused();
  await expect(form.getByText('A held session needs its attendance: how many came.')).toBeVisible();
  await form.getByLabel('How many attended').fill('12a');
  await form.getByRole('button', { name: 'Add the session' }).click();
  await expect(form.getByText('Attendance is a whole number, like 12: “12a” is not.')).toBeVisible();
  await form.getByLabel('Planned').check();
  await form.getByLabel('How many are expected (optional)').fill('40');
  await form.getByRole('button', { name: 'Add the session' }).click();
  await expect(page.getByText('Session added.')).toBeVisible();
  await expect(sessions.getByRole('row').nth(1)).toContainText('2026-12-10');
  await expect(sessions.getByRole('row').nth(1)).toContainText('40 expected');
});

test('coaches: the development flags, a mentoring check-in that clears one, learning hours, and a coach removed and restored', async ({ page }) => {
  const errors = watchErrors(page);
  await loadDemo(page);
  await page.goto('/model/coaches');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Coaches’ development');
  // One flag of each kind in the demo.
  await expect(page.getByText('Flags — No mentor: 1; No check-in for 4 weeks: 1; No shadowing day: 1.')).toBeVisible();
  const glance = page.getByRole('table', { name: 'Every coach’s development' });
  await expect(glance.getByRole('row', { name: /^Ama Mensah/ })).toContainText('over 4 weeks ago');
  await expect(glance.getByRole('row', { name: /^Beth Harlow/ })).toContainText('Every coach needs a mentor');
  await expect(glance.getByRole('row', { name: /^Sanjay Patel/ })).toContainText('A novice coach with no shadowing day held by');
  await page.getByLabel('Show coaches').selectOption({ label: 'No mentor' });
  await expect(glance.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Show coaches').selectOption({ label: 'Every coach' });
  await expect(glance.getByRole('row')).toHaveCount(8);

  // The phase-in plan: year 1 is staffed; later years wait for hires.
  await expect(page.getByRole('region', { name: 'Year 1' })).toContainText('Every school has a coach placed.');
  await expect(page.getByRole('region', { name: 'Year 2' })).toContainText('waiting for a hire');

  // A check-in without topics is refused at that field; with them, the flag clears.
  const form = page.getByRole('form', { name: 'Record a check-in' });
  await form.getByLabel('Coach').selectOption({ label: 'Ama Mensah' });
  await form.getByLabel('Date').fill('2026-11-27');
  await form.getByRole('button', { name: 'Record the check-in' }).click();
  await expect(form.getByLabel('Topics')).toBeFocused();
  await expect(form.getByLabel('Topics')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Topics').fill('Planning the second round of cycles');
  await form.getByLabel('Next steps (optional)').fill('Share two cycle goals at the next meeting.');
  await form.getByRole('button', { name: 'Record the check-in' }).click();
  await expect(page.getByText('Check-in recorded for Ama Mensah.')).toBeVisible();
  await expect(page.getByText('Flags — No mentor: 1; No check-in for 4 weeks: 0; No shadowing day: 1.')).toBeVisible();

  // Learning: hours typed with a comma count; letters are refused at the hours field.
  const learning = page.getByRole('form', { name: 'Record learning' });
  await learning.getByLabel('Coach').selectOption({ label: 'Beth Harlow' });
  await learning.getByLabel('Date').fill('2026-11-20');
  await learning.getByLabel('Hours').fill('two');
  await learning.getByLabel('Title').fill('Coaching conversations workshop');
  await learning.getByRole('button', { name: 'Record the learning' }).click();
  await expect(learning.getByLabel('Hours')).toBeFocused();
  await expect(learning.getByText('“two” is not a number of hours (for example 1.5).')).toBeVisible();
  await learning.getByLabel('Hours').fill('2,5');
  await learning.getByRole('button', { name: 'Record the learning' }).click();
  await expect(page.getByText('2.5 h of learning recorded.')).toBeVisible();
  await expect(glance.getByRole('row', { name: /^Beth Harlow/ })).toContainText('23.5 h of 30 h');

  // Removing a coach asks first, takes their records with them, and the undo brings all back.
  await page.getByRole('button', { name: 'Remove… Ama Mensah', exact: true }).click();
  await expect(page.getByText('Remove Ama Mensah, with their check-ins, shadowing days and learning?')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText('Ama Mensah removed, with 4 check-ins and 1 piece of learning.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(glance.getByRole('row', { name: /^Ama Mensah/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'The coaches' })).toBeFocused();
  await expect(saveStatus(page)).toHaveText('Saved');
  const doc = await storedDocument(page);
  const ama = doc.model.coaches.find((c: any) => c.name === 'Ama Mensah');
  expect(doc.model.checkIns.filter((c: any) => c.coach === ama.id)).toHaveLength(4);
  expect(doc.model.meetings[0].attended).toContain(ama.id);
  expect(errors).toEqual([]);
});

test('adding a coach: placed at a school found by name, with a mentor; the school leaves the hire list', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model/coaches');
  await ready(page);
  const year2 = page.getByRole('region', { name: 'Year 2' });
  // The first list of a year is its schools waiting for a hire.
  const waiting = year2.getByRole('list').first().getByRole('listitem');
  // The panel is drawn a frame after the page: wait for its list before counting it.
  await waiting.first().waitFor();
  const before = await waiting.count();
  const school = (await waiting.first().textContent())!.trim();
  await expect(year2).toContainText(`${before} schools waiting for a hire.`);
  const form = page.getByRole('form', { name: 'Add a coach' });
  // Refusals come in the form's order, each at its field.
  await form.getByLabel('Teachers served').fill('many');
  await form.getByRole('button', { name: 'Add the coach' }).click();
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByLabel('Name', { exact: true }).fill('Noor Haddad');
  await form.getByRole('button', { name: 'Add the coach' }).click();
  await expect(form.getByLabel('First day as a coach')).toBeFocused();
  await expect(form.getByText('Give the coach’s start date.')).toBeVisible();
  await form.getByLabel('First day as a coach').fill('2026-11-02');
  await form.getByRole('button', { name: 'Add the coach' }).click();
  await expect(form.getByLabel('Teachers served')).toBeFocused();
  await expect(form.getByLabel('Teachers served')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Teachers served is a whole number, like 12: “many” is not.')).toBeVisible();
  await form.getByLabel('Teachers served').fill('21');
  await form.getByLabel('Find a school').fill(school.slice(0, 6));
  await form.getByLabel(school, { exact: true }).check();
  await form.getByLabel('Mentor’s name').fill('Erik Lindqvist');
  await form.getByLabel('Their organisation or role (optional)').fill('Benson coach');
  await form.getByRole('button', { name: 'Add the coach' }).click();
  await expect(page.getByText('Noor Haddad added.')).toBeVisible();
  await expect(year2).toContainText(`${before - 1} ${before - 1 === 1 ? 'school' : 'schools'} waiting for a hire.`);
  await expect(waiting.filter({ hasText: school })).toHaveCount(0);
  await expect(year2).toContainText(`${school}: Noor Haddad`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Noor Haddad/ }) });
  await expect(card).toContainText('novice');
  await expect(card).toContainText('Mentor: Erik Lindqvist (Benson coach), from inside the district.');
});

test('the printed charter is the version in force, never the draft, and prints without the app around it', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model');
  await ready(page);
  await page.getByLabel('Vision', { exact: true }).fill('A draft vision nobody adopted yet.');
  await page.getByRole('button', { name: 'Save the model and its vision' }).click();
  await expect(page.getByText('Saved in the draft.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Coaching model' }).getByRole('link', { name: 'Print the charter' }).click();
  await expect(page.locator('h1')).toHaveText('Coaching model: Impact cycle coaching');
  await expect(page.getByText('Version 2, published on 2026-08-20')).toBeVisible();
  await expect(page.getByText('The draft has 1 change not yet published')).toBeVisible();
  await expect(page.getByText('A draft vision nobody adopted yet.')).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '60%' })).toBeVisible();
  await expect(page.getByText('No outcome serves it.')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Coaching model' })).toBeHidden();
  await expect(page.getByText('The draft has 1 change not yet published')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Roles and responsibilities' })).toBeVisible();
});

test('a school\'s printed version carries its approved adaptations, and only those', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model/schools');
  await ready(page);
  const card = (text: string) => page.getByRole('listitem').filter({ hasText: text });
  const approved = (await card('Coaching time moves to the last period on Wednesdays').getByRole('heading').textContent())!.split(' · ')[0].trim();
  const flagged = (await card('The coach shares classroom observation notes').getByRole('heading').textContent())!.split(' · ')[0].trim();
  await page.goto('/model/print');
  await ready(page);
  const choose = page.getByLabel('Print for');
  // Chosen by keyboard: the select stays, with focus on it, while the version below changes.
  await choose.focus();
  await choose.selectOption({ label: approved });
  await expect(page).toHaveURL(/\/model\/print\?school=/);
  await expect(choose).toBeFocused();
  await expect(page.getByRole('heading', { name: `How ${approved} adapts the model` })).toBeVisible();
  await expect(page.getByText('Coaching time moves to the last period on Wednesdays, the early-release day.')).toBeVisible();
  // The school's name heads the printed page, after the district's.
  await expect(page.locator('article.charter-print p.small').first()).toHaveText(new RegExp(` · ${approved}$`));
  // The flagged adaptation is never part of its school's version.
  await choose.selectOption({ label: flagged });
  await expect(page.getByText(`${flagged} follows the model as the district wrote it.`)).toBeVisible();
  await expect(page.getByText(`1 adaptation of ${flagged} not printed: only approved adaptations are part of the school’s version.`)).toBeVisible();
  await expect(page.getByText('The coach shares classroom observation notes with the principal.')).toHaveCount(0);
  // The link opens the same version.
  await page.reload();
  await ready(page);
  await expect(page.getByRole('heading', { name: `How ${flagged} adapts the model` })).toBeVisible();
  await choose.selectOption({ label: 'The whole district' });
  await expect(page.getByRole('heading', { name: /adapts the model/ })).toHaveCount(0);
});

test('before anything is published, there is nothing to print', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('District name').fill('Lakeside Unified');
  await page.getByRole('button', { name: 'Start my district' }).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto('/model/print');
  await ready(page);
  await expect(page.getByText('Nothing is published yet, so there is nothing to print.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toHaveCount(0);
});

test('a check-in is saved in its coach’s own part: nothing else of the model is written again', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/model/coaches');
  await ready(page);
  const before = (await storedHead(page)).parts as Record<string, string>;
  const doc = await storedDocument(page);
  const ama = doc.model.coaches.find((c: any) => c.name === 'Ama Mensah');
  expect(Object.keys(before)).toContain(`model-coach.${ama.id}`);
  const form = page.getByRole('form', { name: 'Record a check-in' });
  await form.getByLabel('Coach').selectOption({ label: 'Ama Mensah' });
  await form.getByLabel('Date').fill('2026-11-27');
  await form.getByLabel('Topics').fill('Planning the second round of cycles');
  await form.getByRole('button', { name: 'Record the check-in' }).click();
  await expect(page.getByText('Check-in recorded for Ama Mensah.')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved');
  const after = (await storedHead(page)).parts as Record<string, string>;
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  expect(changed).toEqual([`model-coach.${ama.id}`]);
  expect(Object.keys(before).filter((k) => !(k in after))).toEqual([]);
  const stored = await storedDocument(page);
  expect(stored.model.checkIns.filter((c: any) => c.coach === ama.id && c.topics === 'Planning the second round of cycles')).toHaveLength(1);
  expect(stored.model.checkIns).toHaveLength(doc.model.checkIns.length + 1);
});

test('the district’s targets follow another tab’s save, so saving them again never undoes it', async ({ context }) => {
  const a = await context.newPage();
  await a.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
  await loadDemo(a);
  await a.goto('/model/coaches');
  await ready(a);
  const b = await context.newPage();
  await b.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
  await b.goto('/model/coaches');
  await ready(b);
  const target = (p: typeof a) => p.getByLabel('Learning hours each coach aims for in a school year');
  await expect(target(a)).toHaveValue('30');
  await target(b).fill('40');
  await b.getByRole('button', { name: 'Save the targets' }).click();
  await expect(b.getByText('Settings saved.')).toBeVisible();
  await expect(saveStatus(b)).toHaveText('Saved');
  // A had typed nothing: its form shows B's target, so saving it keeps B's.
  await expect(target(a)).toHaveValue('40');
  await expect(a.getByText('Updated with changes saved in another tab.')).toBeVisible();
  // A saves its date: B's target stays.
  await a.getByLabel('Each novice shadows a coach by (optional)').fill('2027-01-15');
  await a.getByRole('button', { name: 'Save the targets' }).click();
  await expect(saveStatus(a)).toHaveText('Saved');
  const doc = await storedDocument(a);
  expect(doc.model.settings.hoursTarget).toBe(40);
  expect(doc.model.settings.shadowBy).toBe('2027-01-15');
});

test('with more than 30 schools, a school ticked while finding stays in view when unticked', async ({ page }) => {
  await loadDemo(page);
  const doc = await storedDocument(page);
  for (let i = 1; i <= 15; i++) {
    doc.schools.push({ ...doc.schools[0], id: `extra-${i}`, name: `Extra School ${i}` });
  }
  await storeWholeDocument(page, doc);
  await page.goto('/model/coaches');
  await ready(page);
  const form = page.getByRole('form', { name: 'Add a coach' });
  const choices = form.getByRole('group', { name: 'Schools they serve' }).getByRole('checkbox');
  // Too many schools to list: a search shows them.
  await expect(form.getByLabel('Find a school')).toBeVisible();
  await expect(form.getByText('Type part of a school’s name.')).toBeVisible();
  await expect(choices).toHaveCount(0);
  await form.getByLabel('Find a school').fill('Extra School 1');
  await expect(choices).toHaveCount(7); // 1, 10 to 15
  await form.getByLabel('Extra School 12', { exact: true }).check();
  await form.getByLabel('Find a school').fill('');
  await expect(choices).toHaveCount(1);
  // Unticked by a slip: it stays where it was, to be ticked again.
  await form.getByLabel('Extra School 12', { exact: true }).uncheck();
  await expect(form.getByLabel('Extra School 12', { exact: true })).not.toBeChecked();
  await form.getByLabel('Extra School 12', { exact: true }).check();
  await expect(form.getByLabel('Extra School 12', { exact: true })).toBeChecked();
});
