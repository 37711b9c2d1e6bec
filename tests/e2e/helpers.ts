import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

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
