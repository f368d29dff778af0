import { type APIRequestContext, expect, type Page, type Request, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { controlSandbox, expectAxeClean, onEachReact } from './helpers';
import { SANDBOX_API_KEY, SANDBOX_URL } from './ports';

// <ConnectAccountButton> against the sandbox *server* through the e2e app's /api/connect route, in
// real Chromium with its popup blocker ON (Playwright turns it off by default): a popup opened
// after an await would be blocked here, so every passing popup test proves it opened in the click.
test.use({ launchOptions: { ...chromiumLaunchOptions(), ignoreDefaultArgs: ['--disable-popup-blocking'] } });

const CREATE_PATH = '/api/connect/api/v3/connected_accounts/link';
/** The name Chromium itself gives `selector`'s element, as a screen reader reads it (CDP). */
async function chromiumAccessibleName(page: Page, selector: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return nodes[0]?.name?.value;
  } finally {
    await cdp.detach();
  }
}

const isCreate = (request: Request) => request.method() === 'POST' && request.url().endsWith(CREATE_PATH);
const isAccountGet = (request: Request) =>
  request.method() === 'GET' && /\/api\/connect\/api\/v3\/connected_accounts\/[^/]+$/.test(request.url());

/** The sandbox's hosted link page, where a full-page redirect lands. */
const isLinkPage = (url: URL) => url.origin === SANDBOX_URL && url.pathname.startsWith('/link/');

const connectButton = (page: Page) => page.getByRole('button', { name: 'Connect GitHub' });
const statusRegion = (page: Page) => page.getByRole('status');
const events = (page: Page) => page.getByRole('list', { name: 'Events' });

/**
 * Clicks Connect and returns the popup and its link token. Nothing reads the create response's
 * body through the browser: Chromium does not always keep it for the DevTools protocol.
 */
async function openPopup(page: Page) {
  const popupPromise = page.waitForEvent('popup');
  await connectButton(page).click();
  const popup = await popupPromise;
  await popup.waitForURL(/\/link\/[^/?]+/);
  // The link token is in the hosted page's address, as the provider gave it to the popup.
  const linkToken = new URL(popup.url()).pathname.split('/').pop() ?? '';
  return { popup, session: { link_token: decodeURIComponent(linkToken) } };
}

/** The newest connected account of the e2e user, asked of the sandbox server itself. */
async function newestAccountId(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${SANDBOX_URL}/api/v3/connected_accounts?user_ids=e2e-user&limit=1`, {
    headers: { 'x-api-key': SANDBOX_API_KEY },
  });
  expect(response.ok()).toBe(true);
  const list = (await response.json()) as { items: Array<{ id: string }> };
  return list.items[0]?.id ?? '';
}

onEachReact(({ open }) => {
  test('the popup blocker is on: window.open outside a user gesture returns null', async ({ page }) => {
    // page.evaluate runs with a user gesture, so the unprompted window.open must come from the page
    // itself: a script at load time, before anything was clicked.
    await page.addInitScript(() => {
      window.addEventListener('load', () => {
        document.documentElement.dataset.popupBlocked = String(window.open('about:blank', '_blank') === null);
      });
    });
    await open(page, 'button.html');
    await expect(page.locator('html')).toHaveAttribute('data-popup-blocked', 'true');
  });

  test('popup: Allow connects, the callback closes the popup, axe clean before and after', async ({
    page,
    request,
  }) => {
    await open(page, 'button.html?mode=popup');
    await expectAxeClean(page);
    const { popup } = await openPopup(page);
    await expect(page.getByRole('button', { name: 'Waiting for GitHub…' })).toBeVisible();
    await expectAxeClean(page);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Allow' }).click();
    await closed;
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toHaveAttribute(
      'data-state',
      'connected',
    );
    await expect(statusRegion(page)).toHaveText('GitHub connected');
    const accountId = await newestAccountId(request);
    expect(accountId).toMatch(/^ca_/);
    await expect(events(page)).toContainText(`success ${accountId}`);
    await expectAxeClean(page);
  });

  test('popup: Deny ends in failed with the reason in the user’s words, and the button is the one action', async ({
    page,
  }) => {
    await open(page, 'button.html?mode=popup');
    const { popup } = await openPopup(page);
    await popup.getByRole('button', { name: 'Deny' }).click();
    await expect(statusRegion(page)).toHaveText('You declined access on GitHub. Connect again to allow it.');
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(connectButton(page)).toHaveAttribute('data-state', 'failed');
    await expect(events(page)).toContainText('error connection_failed');
    await expectAxeClean(page);
  });

  test('popup: the user closing the window waits (closed is a hint); Cancel cancels', async ({ page }) => {
    await open(page, 'button.html?mode=popup');
    const { popup } = await openPopup(page);
    await popup.close();
    await expect(statusRegion(page)).toContainText('Finish connecting in the GitHub window.');
    await expect(page.getByRole('button', { name: 'Waiting for GitHub…' })).toHaveAttribute(
      'data-state',
      'awaiting_user',
    );
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(statusRegion(page)).toHaveText('The connection was cancelled.');
    await expect(connectButton(page)).toHaveAttribute('data-state', 'cancelled');
    await expectAxeClean(page);
  });

  test('auto: a blocked popup falls back to a full-page redirect that returns connected', async ({
    page,
  }) => {
    await open(page, 'button.html?mode=auto&blockPopup=1');
    await connectButton(page).click();
    await page.waitForURL(isLinkPage);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/button\.html\?mode=auto&blockPopup=1$/);
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    await expect(events(page)).toContainText(/success ca_/);
  });

  test('popup mode: a blocked popup is popup_blocked, and no link session is made', async ({ page }) => {
    const creates: Request[] = [];
    page.on('request', (request) => isCreate(request) && creates.push(request));
    await open(page, 'button.html?mode=popup&blockPopup=1');
    await connectButton(page).click();
    await expect(statusRegion(page)).toContainText('Your browser blocked the window for GitHub.');
    await expect(statusRegion(page)).toContainText('Allow pop-ups for this site');
    expect(creates).toHaveLength(0);
    await expectAxeClean(page);
  });

  test('redirect mode: a full round trip through the callback route', async ({ page }) => {
    await open(page, 'button.html?mode=redirect#settings');
    await connectButton(page).click();
    await page.waitForURL(isLinkPage);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/button\.html\?mode=redirect#settings$/);
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    // The pending attempt is consumed: a reload starts idle, nothing secret was left behind.
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    expect(stored).not.toMatch(/sandbox-e2e-key|lt_/);
    await page.reload();
    await expect(connectButton(page)).toHaveAttribute('data-state', 'idle');
  });

  test('redirect mode: Deny comes back as failed', async ({ page }) => {
    await open(page, 'button.html?mode=redirect');
    await connectButton(page).click();
    await page.waitForURL(isLinkPage);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(/\/button\.html\?mode=redirect$/);
    await expect(statusRegion(page)).toContainText('You declined access');
  });

  test('an expired link ends in expired, and connecting again makes a new link that connects', async ({
    page,
    request,
  }) => {
    await open(page, 'button.html?mode=popup');
    const { session } = await openPopup(page);
    await controlSandbox(request, { action: 'expireLinks', linkToken: session.link_token });
    await expect(statusRegion(page)).toHaveText('That link expired. Start again.');
    await expect(connectButton(page)).toHaveAttribute('data-state', 'expired');
    await expectAxeClean(page);

    const popupPromise = page.waitForEvent('popup');
    await connectButton(page).click();
    const popup = await popupPromise;
    await popup.waitForURL(/\/link\//);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
  });

  test('10 s of latency on create: the popup still opens (in the click) and then connects', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    await controlSandbox(request, { action: 'latency', ms: 10_000, route: 'createLinkSession' });
    try {
      await open(page, 'button.html?mode=popup');
      const popupPromise = page.waitForEvent('popup', { timeout: 2000 });
      await connectButton(page).click();
      const popup = await popupPromise;
      await expect(page.getByRole('button', { name: 'Connecting…' })).toBeVisible();
      await expect(popup.getByRole('status')).toHaveText('Connecting to GitHub…');
      await popup.waitForURL(/\/link\//, { timeout: 20_000 });
      await popup.getByRole('button', { name: 'Allow' }).click();
      await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    } finally {
      await controlSandbox(request, { action: 'latency', ms: 0, route: 'createLinkSession' });
    }
  });

  test('callback messages from another origin or with a wrong state are ignored', async ({ page }) => {
    let state = '';
    page.on('request', (request) => {
      if (isCreate(request)) {
        const body = request.postDataJSON() as { callback_url: string };
        state = new URL(body.callback_url).searchParams.get('plugboard_state') ?? '';
      }
    });
    await open(page, 'button.html?mode=popup');
    const { popup } = await openPopup(page);
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    // Each sender follows its message with a marker: messages from one sender arrive in order, so
    // once both markers are in, the kit has handled (and ignored) both messages.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { e2eMarkers: string[] }).e2eMarkers = seen;
      window.addEventListener('message', (event) => {
        if (event.data?.type === 'e2e-marker') seen.push(event.data.from);
      });
    });
    const message = { type: 'plugboard:connect-callback', status: 'success' };
    // From the provider's origin (the popup shows the sandbox), with the right state.
    await popup.evaluate(
      (data) => {
        window.opener?.postMessage(data, '*');
        window.opener?.postMessage({ type: 'e2e-marker', from: 'popup' }, '*');
      },
      { ...message, state },
    );
    // From the app's own origin, with a wrong state.
    await page.evaluate(
      (data) => {
        window.postMessage(data, location.origin);
        window.postMessage({ type: 'e2e-marker', from: 'page' }, location.origin);
      },
      { ...message, state: 'f'.repeat(32) },
    );
    await page.waitForFunction(() => (window as unknown as { e2eMarkers: string[] }).e2eMarkers.length === 2);
    // Read once, not retried: accepted, either message would have moved the flow to verifying.
    expect(await page.getByRole('button').first().getAttribute('data-state')).toBe('awaiting_user');
    // The control: the same message from the app's origin with the right state is acted on.
    await page.evaluate((data) => window.postMessage(data, location.origin), { ...message, state });
    await expect(page.getByRole('button', { name: 'Checking the connection…' })).toBeVisible();
  });

  test('a 500 on create reads as a plain sentence; the envelope message and request_id are behind Details', async ({
    page,
    request,
  }) => {
    await controlSandbox(request, {
      action: 'failNext',
      status: 500,
      route: 'createLinkSession',
      message: 'The sandbox was told to fail',
    });
    await open(page, 'button.html?mode=popup');
    await connectButton(page).click();
    await expect(statusRegion(page)).toHaveText(
      "Couldn't connect to GitHub right now. Try again in a few minutes.",
    );
    await expect(page.getByText('The sandbox was told to fail')).toHaveCount(0);
    // The drawn ▸ is decoration: Chromium's own accessibility tree names the summary "Details".
    expect(await chromiumAccessibleName(page, '.plugboard-details summary')).toBe('Details');
    await page.getByText('Details', { exact: true }).click();
    expect(await chromiumAccessibleName(page, '.plugboard-details summary')).toBe('Details');
    await expect(page.getByText('The sandbox was told to fail')).toBeVisible();
    await expect(page.locator('.plugboard-details')).toContainText(/Request ID\s*req_\S+/);
    await expect(connectButton(page)).toHaveAttribute('data-state', 'failed');
    await expectAxeClean(page);
  });

  test('the network dropping mid-poll recovers and still connects', async ({ page }) => {
    let dropped = 0;
    let resolveDropped = () => {};
    const twoDropped = new Promise<void>((resolve) => {
      resolveDropped = resolve;
    });
    // Only the account GETs: intercepting the create too (its path ends in /link) can make Chromium
    // drop the create's response body before the test reads it.
    await page.route(/\/api\/connect\/api\/v3\/connected_accounts\/(?!link$)[^/]+$/, async (route) => {
      if (route.request().method() === 'GET' && dropped < 2) {
        dropped += 1;
        if (dropped === 2) resolveDropped();
        await route.abort('internetdisconnected');
        return;
      }
      await route.fallback();
    });
    await open(page, 'button.html?mode=popup');
    const { popup } = await openPopup(page);
    await twoDropped;
    await expect(page.getByRole('button', { name: 'Waiting for GitHub…' })).toBeVisible();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
  });

  test('keyboard only: Tab, Enter, deny, connect again from the keyboard', async ({ page }) => {
    await open(page, 'button.html?mode=popup');
    // Tab only once the page has rendered: before that the keystroke would land on the empty body.
    await expect(connectButton(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(connectButton(page)).toBeFocused();
    let popupPromise = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    let popup = await popupPromise;
    await popup.waitForURL(/\/link\//);
    await popup.getByRole('button', { name: 'Deny' }).focus();
    await popup.keyboard.press('Enter');
    await expect(statusRegion(page)).toContainText('You declined access');
    await page.bringToFront();
    // Focus stays on the connect button, the one action after a failure.
    await expect(connectButton(page)).toBeFocused();
    popupPromise = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    popup = await popupPromise;
    await expect(page.getByRole('button', { name: /Connecting…|Waiting for GitHub…/ })).toBeFocused();
    await popup.waitForURL(/\/link\//);
    await popup.getByRole('button', { name: 'Allow' }).focus();
    await popup.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeFocused();
  });

  test('requests for a popup connection: one create, one account read, none once connected', async ({
    page,
  }) => {
    const creates: Request[] = [];
    const reads: Request[] = [];
    page.on('request', (request) => {
      if (isCreate(request)) creates.push(request);
      else if (isAccountGet(request)) reads.push(request);
    });
    // The page's timers run on a clock the test holds: no poll falls due while the user is in the
    // popup, so the callback alone asks for the account.
    await page.clock.install();
    await open(page, 'button.html?mode=popup');
    await expect(connectButton(page)).toBeVisible();
    await page.clock.pauseAt(Date.now() + 1000);
    const { popup } = await openPopup(page);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
    expect(creates).toHaveLength(1);
    // The callback page tells the opener twice (postMessage and BroadcastChannel): one read.
    expect(reads).toHaveLength(1);

    // A minute later (every poll the flow could have left, backoff included, falls due): no read.
    await page.clock.runFor(60_000);
    // Requests are reported in order: once this one is seen, any read made before it was too.
    const marker = page.waitForRequest((request) => request.url().endsWith('/healthz'));
    await page.evaluate(() => fetch('/healthz'));
    await marker;
    expect(reads).toHaveLength(1);
    expect(creates).toHaveLength(1);
  });
});
