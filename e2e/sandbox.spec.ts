import { type APIRequestContext, expect, test } from '@playwright/test';
import { controlSandbox, expectAxeClean, tabTo } from './helpers';
import { E2E_APP_URL, SANDBOX_API_KEY, SANDBOX_URL } from './ports';

// The sandbox *server* (playwright.config.ts's webServer), over real HTTP, in real Chromium.
// Each test makes its own link session and scripts only that link, so suites sharing the
// sandbox never see each other's state.

const CALLBACK = `${E2E_APP_URL}/?cb=1`;

async function createLink(request: APIRequestContext, authConfigId: string) {
  const response = await request.post(`${SANDBOX_URL}/api/v3/connected_accounts/link`, {
    headers: { 'x-api-key': SANDBOX_API_KEY },
    data: { auth_config_id: authConfigId, user_id: 'e2e-sandbox-user', callback_url: CALLBACK },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as {
    link_token: string;
    redirect_url: string;
    expires_at: string;
    connected_account_id: string;
  };
}

async function accountOf(request: APIRequestContext, id: string) {
  const response = await request.get(`${SANDBOX_URL}/api/v3/connected_accounts/${id}`, {
    headers: { 'x-api-key': SANDBOX_API_KEY },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; status_reason: string | null };
}

test('OAuth: Allow on the consent page lands on the callback with status=success and an ACTIVE account', async ({
  page,
  request,
}) => {
  const link = await createLink(request, 'ac_github');
  await page.goto(link.redirect_url);
  await expect(page).toHaveTitle(/Connect GitHub/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connect GitHub' })).toBeVisible();
  await expectAxeClean(page);

  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.origin === E2E_APP_URL && url.searchParams.has('status'));
  const landed = new URL(page.url());
  expect(landed.searchParams.get('cb')).toBe('1');
  expect(landed.searchParams.get('status')).toBe('success');
  expect(landed.searchParams.get('connected_account_id')).toBe(link.connected_account_id);
  expect((await accountOf(request, link.connected_account_id)).status).toBe('ACTIVE');
});

test('OAuth: Deny lands with status=failed and a FAILED account with a reason', async ({ page, request }) => {
  const link = await createLink(request, 'ac_slack');
  await page.goto(link.redirect_url);
  // Keyboard only: Tab to Deny, press Enter.
  await tabTo(page, page.getByRole('button', { name: 'Deny' }));
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.origin === E2E_APP_URL && url.searchParams.has('status'));
  expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
  const account = await accountOf(request, link.connected_account_id);
  expect(account.status).toBe('FAILED');
  expect(account.status_reason).toMatch(/denied/);
});

test('credential link (Zendesk): errors tied to fields, then filled by label and ACTIVE', async ({
  page,
  request,
}) => {
  const link = await createLink(request, 'ac_zendesk');
  await page.goto(link.redirect_url);
  await expect(page.getByRole('heading', { level: 1, name: 'Connect Zendesk' })).toBeVisible();
  await expectAxeClean(page);
  await expect(page.getByLabel('API token')).toHaveAttribute('type', 'password');

  await page.getByLabel('Subdomain').fill('acme');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('API token').fill('zd-token-0001');
  await page.getByRole('button', { name: 'Connect' }).click();

  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/must be an email address/);
  await expect(email).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Email');
  // The secret is never written back into the page.
  await expect(page.getByLabel('API token')).toHaveValue('');
  expect(await page.content()).not.toContain('zd-token-0001');
  await expectAxeClean(page);

  await email.fill('ada@acme.test');
  await page.getByLabel('API token').fill('zd-token-0001');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.waitForURL((url) => url.origin === E2E_APP_URL && url.searchParams.has('status'));
  expect(page.url()).not.toContain('zd-token-0001');
  expect(new URL(page.url()).searchParams.get('status')).toBe('success');
  expect((await accountOf(request, link.connected_account_id)).status).toBe('ACTIVE');
});

test('an expired link shows an error page that leads back with status=failed', async ({ page, request }) => {
  const link = await createLink(request, 'ac_github');
  const expired = await controlSandbox(request, { action: 'expireLinks', linkToken: link.link_token });
  expect(await expired.json()).toEqual({ ok: true, expired: 1 });

  const response = await page.goto(link.redirect_url);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: 'This link has expired' })).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole('link', { name: 'Return to the app' }).click();
  await page.waitForURL((url) => url.origin === E2E_APP_URL && url.searchParams.has('status'));
  expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
  expect((await accountOf(request, link.connected_account_id)).status).toBe('EXPIRED');
});

test('an unknown link shows a not-found page', async ({ page }) => {
  const response = await page.goto(`${SANDBOX_URL}/link/lt_doesnotexist`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Link not found' })).toBeVisible();
});

/** Opens `url` in a popup from a page of the app, as the connect flow does; returns both sides. */
async function openPopup(page: import('@playwright/test').Page, url: string) {
  await page.goto(`${E2E_APP_URL}/?opener=1`);
  const popupEvent = page.context().waitForEvent('page');
  await page.evaluate((target) => {
    (window as unknown as { connectPopup: Window | null }).connectPopup = window.open(
      target,
      'plugboard-connect',
      'popup,width=500,height=640',
    );
  }, url);
  const popup = await popupEvent;
  await popup.waitForLoadState();
  const openerSeesClosed = () =>
    page.evaluate(() => (window as unknown as { connectPopup: Window | null }).connectPopup?.closed ?? true);
  return { popup, openerSeesClosed };
}

test('COOP: the Linear consent page (always same-origin) severs the popup from its opener; GitHub keeps it', async ({
  page,
  request,
}) => {
  const linear = await createLink(request, 'ac_linear');
  const header = await request.get(linear.redirect_url);
  expect(header.headers()['cross-origin-opener-policy']).toBe('same-origin');

  const severed = await openPopup(page, linear.redirect_url);
  await expect(severed.popup.getByRole('heading', { level: 1, name: 'Connect Linear' })).toBeVisible();
  // What providers such as Linear do to the app: the window is on screen, yet the opener sees it closed.
  expect(await severed.openerSeesClosed()).toBe(true);
  expect(await severed.popup.evaluate(() => window.opener === null)).toBe(true);
  await severed.popup.getByRole('button', { name: 'Allow' }).click();
  await expect
    .poll(async () => (await accountOf(request, linear.connected_account_id)).status)
    .toBe('ACTIVE');
  await severed.popup.close();

  const github = await createLink(request, 'ac_github');
  expect((await request.get(github.redirect_url)).headers()['cross-origin-opener-policy']).toBeUndefined();
  const kept = await openPopup(page, github.redirect_url);
  await expect(kept.popup.getByRole('heading', { level: 1, name: 'Connect GitHub' })).toBeVisible();
  expect(await kept.openerSeesClosed()).toBe(false);
  expect(await kept.popup.evaluate(() => window.opener !== null)).toBe(true);
  await kept.popup.close();
});
