import { type APIRequestContext, expect, type Page, type Request, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { expectAxeClean, onEachReact } from './helpers';
import { SANDBOX_API_KEY, SANDBOX_URL } from './ports';

// Issue 16: popups whose opener is severed. A provider page served with
// `Cross-Origin-Opener-Policy: same-origin` (the sandbox's `ac_linear` fixture always sends it, as
// Linear does) puts the popup in another browsing-context group: Chromium then reports
// `popup.closed === true` while the window is on screen, and the callback reaches the app only by
// the BroadcastChannel and status polling. Closed is a hint: the button waits, never "cancelled".
// Chromium's popup blocker is ON (Playwright turns it off by default), so every window that opens
// here opened inside a click. Each test runs on React 19 (`/`) and React 18 (`/react18/`).
test.use({ launchOptions: { ...chromiumLaunchOptions(), ignoreDefaultArgs: ['--disable-popup-blocking'] } });

/** The sandbox fixture whose hosted pages always sever the opener. */
const LINEAR = { authConfigId: 'ac_linear', appName: 'Linear' };
/** A provider page without COOP: a closed window is really closed. */
const GITHUB = { authConfigId: 'ac_github', appName: 'GitHub' };
type App = typeof GITHUB;

const CREATE_PATH = '/api/connect/api/v3/connected_accounts/link';
const isCreate = (request: Request) => request.method() === 'POST' && request.url().endsWith(CREATE_PATH);
const isLinkPage = (url: URL) => url.origin === SANDBOX_URL && url.pathname.startsWith('/link/');

/** Every link session the page asks its server for. */
function countCreates(page: Page): Request[] {
  const creates: Request[] = [];
  page.on('request', (request) => isCreate(request) && creates.push(request));
  return creates;
}

/** The e2e user's accounts on `authConfigId`, asked of the sandbox server itself. */
async function accounts(request: APIRequestContext, authConfigId: string) {
  const response = await request.get(
    `${SANDBOX_URL}/api/v3/connected_accounts?user_ids=e2e-user&auth_config_ids=${authConfigId}&limit=1000`,
    { headers: { 'x-api-key': SANDBOX_API_KEY } },
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: Array<{ id: string; status: string }> }).items;
}

/** The accounts made since `before` was read: a test's own, whatever earlier tests left. */
async function newAccounts(request: APIRequestContext, authConfigId: string, before: Array<{ id: string }>) {
  const known = new Set(before.map((account) => account.id));
  return (await accounts(request, authConfigId)).filter((account) => !known.has(account.id));
}

const linkTokenOf = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

onEachReact(({ base, open }) => {
  /** Opens the fixture button page for `app`. */
  const openButtonPage = (page: Page, app: App, query = 'mode=popup') =>
    open(page, `button.html?${query}&authConfigId=${app.authConfigId}&appName=${app.appName}`);

  /** Runs `action` (a click) and returns the window it opened once that shows a link page. */
  async function popupAfter(page: Page, action: () => Promise<void>) {
    const popupPromise = page.waitForEvent('popup');
    await action();
    const popup = await popupPromise;
    await popup.waitForURL(/\/link\/[^/?]+/);
    return popup;
  }

  const clickConnect = (page: Page, app: App) =>
    popupAfter(page, () => page.getByRole('button', { name: `Connect ${app.appName}` }).click());

  /** A GitHub popup attempt whose window the user really closed, and what to count it by. */
  async function closedAttempt(page: Page, request: APIRequestContext) {
    const creates = countCreates(page);
    const before = await accounts(request, GITHUB.authConfigId);
    await openButtonPage(page, GITHUB);
    const first = await clickConnect(page, GITHUB);
    await first.close();
    return { creates, before, first };
  }

  const status = (page: Page) => page.getByRole('status');
  const mainButton = (page: Page) => page.locator('button[data-state]').first();

  test('COOP: a consent page read for 5 s says nothing about cancelling; Allow connects one account', async ({
    page,
    request,
  }) => {
    test.setTimeout(45_000);
    const creates = countCreates(page);
    const before = await accounts(request, LINEAR.authConfigId);
    await openButtonPage(page, LINEAR);
    const popup = await clickConnect(page, LINEAR);
    // The provider's page really severs the opener.
    const served = await request.get(popup.url());
    expect(served.headers()['cross-origin-opener-policy']).toBe('same-origin');

    // The user reads the consent page; the app sees the window "closed" the whole time.
    await expect(page.getByRole('button', { name: 'Open again' })).toBeVisible();
    await page.waitForTimeout(5000);
    await expect(status(page)).toContainText('Finish connecting in the Linear window.');
    await expect(status(page)).not.toContainText(/cancel/i);
    await expect(mainButton(page)).toHaveAttribute('data-state', 'awaiting_user');
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Events' })).toBeEmpty();
    await expectAxeClean(page, 'waiting for the severed window');

    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'Linear connected' })).toHaveAttribute(
      'data-state',
      'connected',
    );
    const made = await newAccounts(request, LINEAR.authConfigId, before);
    expect(made.map((account) => account.status)).toEqual(['ACTIVE']);
    await expect(page.getByRole('list', { name: 'Events' })).toContainText(`success ${made[0]?.id}`);
    expect(creates).toHaveLength(1);
  });

  test('a real close shows the waiting state; Open again reopens the same link, one link session', async ({
    page,
    request,
  }) => {
    const { creates, before, first } = await closedAttempt(page, request);
    await expect(status(page)).toContainText('Finish connecting in the GitHub window.');
    await expect(status(page)).not.toContainText(/cancel/i);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expectAxeClean(page, 'waiting after a real close');

    const second = await popupAfter(page, () => page.getByRole('button', { name: 'Open again' }).click());
    expect(linkTokenOf(second.url())).toBe(linkTokenOf(first.url()));
    await expect(page.getByRole('button', { name: 'Open again' })).toHaveCount(0);
    await second.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    expect(creates).toHaveLength(1);
    expect(
      (await newAccounts(request, GITHUB.authConfigId, before)).map((account) => account.status),
    ).toEqual(['ACTIVE']);
  });

  test('pressing Connect again while it waits reopens that attempt instead of racing a second', async ({
    page,
    request,
  }) => {
    const { creates, first } = await closedAttempt(page, request);
    await expect(page.getByRole('button', { name: 'Open again' })).toBeVisible();
    const second = await popupAfter(page, () => mainButton(page).click());
    expect(linkTokenOf(second.url())).toBe(linkTokenOf(first.url()));
    // The window is open now: another press only focuses it.
    await mainButton(page).click();
    await second.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    expect(creates).toHaveLength(1);
  });

  test('Cancel, then connect again: a new link that connects, the old attempt gone', async ({
    page,
    request,
  }) => {
    const { creates, before, first } = await closedAttempt(page, request);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(status(page)).toContainText('The connection was cancelled.');
    await expect(page.getByRole('button', { name: `Connect ${GITHUB.appName}` })).toBeFocused();
    const second = await popupAfter(page, () =>
      page.getByRole('button', { name: `Connect ${GITHUB.appName}` }).click(),
    );
    expect(linkTokenOf(second.url())).not.toBe(linkTokenOf(first.url()));
    await second.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    expect(creates).toHaveLength(2);
    const made = await newAccounts(request, GITHUB.authConfigId, before);
    // The cancelled attempt's account never completed; exactly one is ACTIVE.
    expect(made.filter((account) => account.status === 'ACTIVE')).toHaveLength(1);
  });

  test('redirect mode is unaffected: a round trip through the callback route', async ({ page }) => {
    await openButtonPage(page, GITHUB, 'mode=redirect');
    await page.getByRole('button', { name: 'Connect GitHub' }).click();
    await page.waitForURL(isLinkPage);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(
      (url) => url.pathname === `${base}button.html` && url.searchParams.get('mode') === 'redirect',
    );
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
  });

  test('auto is unaffected: a blocked popup falls back to a redirect that returns connected', async ({
    page,
  }) => {
    await openButtonPage(page, GITHUB, 'mode=auto&blockPopup=1');
    await page.getByRole('button', { name: 'Connect GitHub' }).click();
    await page.waitForURL(isLinkPage);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(
      (url) => url.pathname === `${base}button.html` && url.searchParams.get('mode') === 'auto',
    );
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
  });

  test('auto with a COOP provider: the popup opens in the click and connects', async ({ page }) => {
    await openButtonPage(page, LINEAR, 'mode=auto');
    const popup = await clickConnect(page, LINEAR);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'Linear connected' })).toBeVisible();
  });
});
