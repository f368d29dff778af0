// What the e2e suites share: axe, keyboard navigation, the e2e sandbox server's control route, and
// the demo suites' `test` (a reset demo) with the steps both take.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_SANDBOX_API_KEY, DEMO_SANDBOX_URL, DEMO_URL, SANDBOX_URL } from './ports';

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
async function openResetDemo(page: Page, request: APIRequestContext) {
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

/**
 * The `test` of the demo's suites (e2e/demo.spec.ts, e2e/connections.spec.ts): the demo's origin
 * on a 1280 × 900 screen, and every test from a reset demo (`openResetDemo`).
 */
export const demoTest = test.extend<{ resetDemo: undefined }>({
  baseURL: DEMO_URL,
  viewport: { width: 1280, height: 900 },
  resetDemo: [
    async ({ page, request }, use) => {
      await openResetDemo(page, request);
      await use(undefined);
    },
    { auto: true },
  ],
});

/** A toolkit's card on the demo page, by the toolkit's name. */
export const demoCard = (page: Page, name: string): Locator => page.getByRole('article', { name });

/** Asks the demo's own sandbox, with its key (which the page never holds), for `path`'s JSON. */
export async function readDemoSandbox<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`${DEMO_SANDBOX_URL}${path}`, {
    headers: { 'x-api-key': DEMO_SANDBOX_API_KEY },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/** Opens the consent popup with `opener` and answers Allow there, by mouse or by Tab and Enter. */
export async function allowInPopup(page: Page, opener: () => Promise<unknown>, keyboard = false) {
  const popupPromise = page.waitForEvent('popup');
  await opener();
  const popup = await popupPromise;
  const allow = popup.getByRole('button', { name: 'Allow' });
  if (keyboard) {
    await tabTo(popup, allow);
    await popup.keyboard.press('Enter');
  } else {
    await allow.click();
  }
}

/**
 * Turns a sandbox switch on ("Provider denies consent", "Links expire at once") and connects `app`
 * by popup: the attempt ends on the switch's terms, the popup left as the sandbox made it.
 */
export async function connectWithSwitchOn(page: Page, switchName: string, app: string) {
  const toggle = page.getByRole('switch', { name: switchName });
  await toggle.click();
  await expect(toggle).toBeChecked();
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: `Connect ${app}` }).click();
  await popupPromise;
}

/** A React the e2e fixture pages run on: `/…` renders with React 19, `/react18/…` with React 18. */
export interface FixtureReact {
  version: '19' | '18';
  /** Where its pages live: `/` or `/react18/`. */
  base: string;
  /** Opens a fixture page (`button.html?mode=popup`) on this React, and checks which React renders it. */
  open: (page: Page, path: string) => Promise<void>;
}

/** Declares `body`'s tests once per React the kit supports, in a `React 19` / `React 18` describe. */
export function onEachReact(body: (react: FixtureReact) => void) {
  for (const version of ['19', '18'] as const) {
    const base = version === '18' ? '/react18/' : '/';
    const open = async (page: Page, path: string) => {
      await page.goto(`${base}${path}`);
      await expect(page.locator('html')).toHaveAttribute('data-react', new RegExp(`^${version}\\.`));
    };
    test.describe(`React ${version}`, () => body({ version, base, open }));
  }
}
