import { test, expect, Page } from '@playwright/test';
import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { loadDemo, ready, expectNoAxeViolations, watchErrors } from './helpers';

// Issue 15: a private link per teacher. The whole-school link used to carry every teacher's
// coaching focus, so any teacher who had it could read every colleague's.

type Shared = { school: string; teachers: [string, number, string, string][] };

/** What a share link carries, read as a teacher's phone would (the v1 payload). */
function decode(link: string): Shared {
  const payload = /#s=v1\.([A-Za-z0-9_-]+)/.exec(link)![1];
  return JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8'));
}

async function publish(page: Page) {
  await loadDemo(page);
  await page.goto('/board');
  await ready(page);
  await page.getByRole('button', { name: 'Make a share link' }).click();
}

test('the whole-school link carries no coaching focus unless the lead includes it, and the panel says who reads what', async ({ page }) => {
  await publish(page);
  await expect(page.getByText('Anyone with the whole-school link can read every teacher’s sessions')).toBeVisible();
  const plain = decode(await page.getByLabel('Whole-school link').inputValue());
  expect(plain.teachers.length).toBe(40);
  expect(plain.teachers.every((t) => t[3] === ''), 'no focus by default').toBe(true);
  await page.getByLabel('Include each teacher’s coaching focus').check();
  const withFocus = decode(await page.getByLabel('Whole-school link').inputValue());
  expect(withFocus.teachers.filter((t) => t[3] !== '').length).toBeGreaterThan(0);
});

test.describe('a teacher on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('their own link opens their schedule at once, with the calendar button above the fold, and nobody else in it', async ({ page, browser, baseURL }) => {
    await publish(page);
    await page.getByLabel('Include each teacher’s coaching focus').check();
    const everyone = decode(await page.getByLabel('Whole-school link').inputValue()).teachers;
    const link = await page.getByLabel('Abby Diaz’s link', { exact: true }).first().inputValue();
    expect(link).toMatch(/\/schedule#s=v1\./);
    expect(link.length, 'short enough for a text message').toBeLessThanOrEqual(1000);
    // Every teacher's own link is within the aim.
    const all = await page.locator('input.own-link').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(all.length).toBe(40);
    for (const l of all) expect(l.length).toBeLessThanOrEqual(1000);

    // The decoded link: Abby alone, with her own focus and no one else's name or focus.
    const mine = decode(link);
    expect(mine.teachers.map((t) => t[0])).toEqual(['Abby Diaz']);
    const abby = everyone.find((t) => t[0] === 'Abby Diaz' && t[3] === mine.teachers[0][3])!;
    const raw = JSON.stringify(mine);
    for (const t of everyone) {
      if (t === abby) continue;
      if (t[0] !== 'Abby Diaz') expect(raw, `the link names ${t[0]}`).not.toContain(t[0]);
      if (t[3] && t[3] !== abby[3]) expect(raw, `the link carries ${t[0]}'s focus`).not.toContain(t[3]);
    }

    // A fresh phone: the schedule opens at once, no picker, the calendar button in view.
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    const errors = watchErrors(phone);
    await phone.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(phone.getByRole('heading', { level: 2, name: 'Abby Diaz' })).toBeVisible();
    await expect(phone.getByLabel('Your name', { exact: true })).toHaveCount(0);
    await expect(phone.locator('#calendar-title')).toHaveCount(0);
    const button = phone.getByRole('button', { name: 'Download Abby Diaz’s calendar' });
    await expect(button).toBeInViewport();
    const text = await phone.locator('body').innerText();
    for (const t of everyone) {
      if (t === abby) continue;
      if (t[0] !== 'Abby Diaz') expect(text, `the page names ${t[0]}`).not.toContain(t[0]);
      if (t[3] && t[3] !== abby[3]) expect(text, `the page shows ${t[0]}'s focus`).not.toContain(t[3]);
    }
    await expectNoAxeViolations(phone, 'a teacher’s own link at 390 px');
    expect(await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('readyboard')))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('publishing again says whose links changed, and the slips print one QR code per teacher and nothing else', async ({ page }) => {
  await publish(page);
  const before = await page.locator('input.own-link').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  // A session moves off the board: only the teachers it was for need a new link.
  await page.locator('#slot-0-1-0').click();
  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Make the link again' }).click();
  const after = await page.locator('input.own-link').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  const changed = after.filter((l, i) => l !== before[i]).length;
  expect(changed).toBeGreaterThan(0);
  expect(changed).toBeLessThan(40);
  await expect(page.getByTestId('links-changed')).toContainText(changed === 1 ? '1 teacher’s link changed' : `${changed} teachers’ links changed`);
  await expect(page.locator('.own-links .tag', { hasText: 'New link' })).toHaveCount(changed);

  // The slips: one per teacher, each with a QR code, and nothing else in print.
  await page.evaluate(() => { (window as any).printed = 0; window.print = () => { (window as any).printed += 1; }; });
  await page.getByRole('button', { name: 'Print a slip for each teacher' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).printed)).toBe(1);
  await expect(page.locator('.slip')).toHaveCount(40);
  await expect(page.locator('.slip svg path')).toHaveCount(40);
  await expect(page.locator('.slip').first()).toContainText('Scan this code with your phone’s camera');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('main')).toBeHidden();
  await expect(page.locator('.slip').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.slip').first()).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.slip')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.classList.contains('printing-slips'))).toBe(false);
  await expectNoAxeViolations(page, 'the publish panel with its own links');
});

test('a teacher’s email, set on the set-up page, goes into the mail-merge CSV beside their own link, and a wrong one is refused', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/board/setup?school=maple-ridge-ms');
  await ready(page);
  await page.getByRole('button', { name: 'Edit Ben Khan' }).click();
  await page.locator('#teacher-email').fill('ben khan at school');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('“ben khan at school” is not an email address')).toBeVisible();
  await page.locator('#teacher-email').fill('ben.khan@bensonschools.org');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('row', { name: /Ben Khan/ })).toContainText('ben.khan@bensonschools.org');

  await page.goto('/board');
  await ready(page);
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const own = await page.getByLabel('Ben Khan’s link', { exact: true }).inputValue();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the links as a CSV' }).click()]);
  expect(file.suggestedFilename()).toBe('teacher-links-maple-ridge-middle-school.csv');
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Name,Email,Link');
  expect(lines).toHaveLength(41);
  expect(lines).toContain(`Ben Khan,ben.khan@bensonschools.org,${own}`);
  // No focus, no other teacher's link in Ben's row: the link is his own.
  expect(own.length).toBeLessThanOrEqual(1000);
});
