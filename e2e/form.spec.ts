import { expect, type Page, test } from '@playwright/test';
import { controlSandbox, expectAxeClean, onEachReact, tabTo } from './helpers';

// <ApiKeyConnectForm> against the sandbox *server* through the e2e app's /api/connect route, in
// real Chromium. Fields come from the sandbox's Zendesk toolkit metadata (getAuthFields).

const CREATE_PATH = '/api/connect/api/v3/connected_accounts';

const subdomain = (page: Page) => page.getByRole('textbox', { name: /^Subdomain/ });
const email = (page: Page) => page.getByRole('textbox', { name: /^Email/ });
// A password input has no role; its label is its accessible name.
const apiToken = (page: Page) => page.getByLabel(/^API token/);
const connect = (page: Page) => page.getByRole('button', { name: 'Connect' });
const events = (page: Page) => page.getByRole('list', { name: 'Events' });

async function fill(page: Page, key: string) {
  await subdomain(page).fill('acme');
  await email(page).fill('ops@acme.test');
  await apiToken(page).fill(key);
}

onEachReact(({ open }) => {
  test('Zendesk: every control by role and name, success, axe clean', async ({ page }) => {
    await open(page, 'form.html');
    await expect(subdomain(page)).toBeVisible();
    await expect(subdomain(page)).toHaveAttribute('aria-required', 'true');
    await expect(email(page)).toHaveAttribute('type', 'email');
    await expect(apiToken(page)).toHaveAttribute('type', 'password');
    const reveal = page.getByRole('button', { name: 'Show API token' });
    await expect(reveal).toHaveAttribute('aria-pressed', 'false');
    await expect(connect(page)).toBeEnabled();
    await expectAxeClean(page);

    const secret = 'zd_e2e_Secret_123';
    await fill(page, secret);
    await reveal.click();
    await expect(apiToken(page)).toHaveAttribute('type', 'text');
    await reveal.click();
    const created = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith(CREATE_PATH),
    );
    await connect(page).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const sent = response.request().postDataJSON() as { connection: { state: unknown } };
    expect(sent.connection.state).toEqual({
      authScheme: 'API_KEY',
      val: { subdomain: 'acme', email: 'ops@acme.test', api_key: secret, status: 'ACTIVE' },
    });
    expect(response.request().url()).not.toContain(secret);
    await expect(page.getByText('Zendesk connected.')).toBeVisible();
    await expect(events(page)).toContainText('success ca_');
    // The success state says which account; the form comes back empty for another.
    await expect(page.getByText('Account: acme · ops@acme.test')).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expectAxeClean(page, 'connected');
    await page.getByRole('button', { name: 'Connect another account' }).click();
    await expect(apiToken(page)).toHaveValue('');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(
      secret,
    );
    await expectAxeClean(page);
  });

  test('a key the sandbox refuses: its 422 appears on that field, focused and announced; values kept', async ({
    page,
  }) => {
    await open(page, 'form.html');
    await fill(page, 'short1');
    await connect(page).click();
    await expect(apiToken(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(apiToken(page)).toHaveAccessibleDescription(/must be at least 8 characters/);
    await expect(apiToken(page)).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('API token: must be at least 8 characters');
    await expect(subdomain(page)).toHaveValue('acme');
    await expect(email(page)).toHaveValue('ops@acme.test');
    await expect(apiToken(page)).toHaveValue('short1');
    await expect(events(page)).toContainText('error http 422');
    await expectAxeClean(page);
  });

  test('validate_credentials: the provider refuses the key, shown on the field with the fix', async ({
    page,
  }) => {
    await open(page, 'form.html?validate=1');
    await fill(page, 'invalid-e2e-key-1');
    await connect(page).click();
    await expect(apiToken(page)).toHaveAccessibleDescription(/the provider rejected this credential/);
    await expect(page.getByRole('alert')).toContainText('Zendesk refused 1 field:');
    await expect(apiToken(page)).toHaveValue('invalid-e2e-key-1');
  });

  test('a 500 keeps every value, reads plainly and shows the request id under Details; the retry succeeds', async ({
    page,
    request,
  }) => {
    await open(page, 'form.html');
    await fill(page, 'zd_e2e_after_500');
    await controlSandbox(request, {
      action: 'failNext',
      route: 'createConnectedAccount',
      status: 500,
      message: 'The sandbox fell over',
      suggested_fix: 'Try again in a moment.',
    });
    await connect(page).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("Couldn't connect to Zendesk right now. Try again in a few minutes.");
    await expect(alert).toBeFocused();
    await expect(alert).not.toContainText('The sandbox fell over');
    await alert.getByText('Details', { exact: true }).click();
    await expect(alert).toContainText('The sandbox fell over');
    await expect(alert).toContainText('Suggested fixTry again in a moment.');
    await expect(alert).toContainText(/Request ID\s*req_\S+/);
    await expect(subdomain(page)).toHaveValue('acme');
    await expect(email(page)).toHaveValue('ops@acme.test');
    await expect(apiToken(page)).toHaveValue('zd_e2e_after_500');
    await expectAxeClean(page);
    await connect(page).click();
    await expect(page.getByText('Zendesk connected.')).toBeVisible();
  });

  test('completed by keyboard alone, the first invalid field focused on a refused submit', async ({
    page,
  }) => {
    await open(page, 'form.html');
    await expect(subdomain(page)).toBeVisible();
    // Submit empty with Enter from the first field: focus returns to it with the errors announced.
    await page.keyboard.press('Tab');
    await expect(subdomain(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Fill in 3 fields before connecting:');
    await expect(subdomain(page)).toBeFocused();
    await page.keyboard.type('acme');
    await page.keyboard.press('Tab');
    await expect(email(page)).toBeFocused();
    await page.keyboard.type('ops@acme.test');
    await page.keyboard.press('Tab');
    await expect(apiToken(page)).toBeFocused();
    await page.keyboard.type('zd_keyboard_only_1');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Show API token' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(apiToken(page)).toHaveAttribute('type', 'text');
    await page.keyboard.press('Tab');
    await expect(connect(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Zendesk connected.')).toBeVisible();
  });
});

test.describe('the OS in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  const label = (page: Page) => page.locator('label', { hasText: /^Subdomain/ });

  test('a page with no theme of its own keeps the kit light and readable; one that declares dark gets it', async ({
    page,
  }) => {
    await page.goto('form.html');
    await expect(subdomain(page)).toBeVisible();
    // The fixture page sets no theme, no color-scheme and no background: white, as a stranger's page.
    await expect(label(page)).toHaveCSS('color', 'rgb(15, 23, 42)');
    await expectAxeClean(page, 'OS dark, page without a theme');

    // A page that supports both schemes, on the system's canvas colour (dark here; axe reads it).
    await page.evaluate(() => {
      document.documentElement.style.colorScheme = 'light dark';
      document.body.style.background = 'Canvas';
    });
    await expect(label(page)).toHaveCSS('color', 'rgb(226, 232, 240)');
    await expectAxeClean(page, 'OS dark, page declaring light dark');

    // A choice of light on the page wins over the scheme it declares.
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
    });
    await expect(label(page)).toHaveCSS('color', 'rgb(15, 23, 42)');
  });
});

test('a focused API token field shows one ring, and a focus outline in forced-colors mode', async ({
  page,
}) => {
  await page.goto('form.html');
  await tabTo(page, apiToken(page));
  const ring = apiToken(page).locator('xpath=..');
  await expect(ring).toHaveClass(/plugboard-secret/);
  // The kit's ring (a box-shadow in the accent) on the box, not the browser's outline on the input too.
  await expect(ring).toHaveCSS('box-shadow', /rgb\(67, 56, 202\)/);
  await expect(apiToken(page)).toHaveCSS('outline-style', 'none');
  // Forced colours drop box-shadows: the box's transparent outline is painted in the system colour.
  await page.emulateMedia({ forcedColors: 'active' });
  await expect(ring).toHaveCSS('outline-style', 'solid');
  await expect(ring).not.toHaveCSS('outline-color', /rgba\(0, 0, 0, 0\)/);
});
