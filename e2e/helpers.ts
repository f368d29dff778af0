// What the e2e suites share: axe, keyboard navigation and the e2e sandbox server's control route.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { DEMO_URL, SANDBOX_URL } from './ports';

/** Runs axe on the page as it is now; `state` names it in the failure message. */
export async function expectAxeClean(page: Page, state = 'current') {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' | ')})`,
  );
  expect(violations, `axe violations in state "${state}"`).toEqual([]);
}

/** Presses Tab until `target` has focus, the way a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Scripts the e2e sandbox server; scripts that name a route or a link leave other suites untouched. */
export async function controlSandbox(request: APIRequestContext, action: Record<string, unknown>) {
  const response = await request.post(`${SANDBOX_URL}/_sandbox/control`, { data: action });
  expect(response.ok(), await response.text()).toBe(true);
  return response;
}

/**
 * Every demo test starts here: the demo's sandbox reset, a fixed theme and mode (the page would
 * otherwise follow the system and storage), and the page loaded with its cards.
 */
export async function openResetDemo(page: Page, request: APIRequestContext) {
  const reset = await request.post(`${DEMO_URL}/api/demo/sandbox`, { data: { action: 'reset' } });
  expect(reset.status()).toBe(200);
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('demo-e2e-init')) {
      sessionStorage.setItem('demo-e2e-init', '1');
      localStorage.setItem('plugboard-demo-theme', 'light');
      localStorage.setItem('plugboard-demo-mode', 'popup');
    }
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
}
