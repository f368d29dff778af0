// What the e2e suites share: axe, keyboard navigation and the e2e sandbox server's control route.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { SANDBOX_URL } from './ports';

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
