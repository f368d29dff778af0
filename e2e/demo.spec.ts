import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_URL } from './ports';

// The demo (apps/demo/server.ts: the sandbox server + the demo page + @plugboard/server at
// /api/connect), over real HTTP in real Chromium. Every test starts from a reset sandbox.

test.use({ baseURL: DEMO_URL, viewport: { width: 1280, height: 900 } });

test.beforeEach(async ({ page, request }) => {
  const reset = await request.post(`${DEMO_URL}/api/demo/sandbox`, { data: { action: 'reset' } });
  expect(reset.status()).toBe(200);
  // A fixed theme and mode for every test: the page would otherwise follow the system and storage.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('demo-e2e-init')) {
      sessionStorage.setItem('demo-e2e-init', '1');
      localStorage.setItem('plugboard-demo-theme', 'light');
      localStorage.setItem('plugboard-demo-mode', 'popup');
    }
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
});

async function expectAxeClean(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' | ')})`,
  );
  expect(violations, `axe violations in state "${state}"`).toEqual([]);
}

function card(page: Page, name: string): Locator {
  return page.getByRole('article', { name });
}

/** Presses Tab until `target` has focus, the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('the page: landmarks, one h1, a card per sandbox toolkit with scheme and status; axe clean', async ({
  page,
}) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Integrations']);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Sandbox controls' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  for (const [name, scheme] of [
    ['GitHub', 'OAuth 2.0'],
    ['Slack', 'OAuth 2.0'],
    ['Zendesk', 'API key'],
    ['Jira', 'Username and password'],
    ['Stripe', 'API key'],
    ['Vercel', 'Bearer token'],
  ] as const) {
    await expect(card(page, name)).toContainText(scheme);
    await expect(card(page, name)).toContainText('Not connected');
  }
  await expect(page.getByText('No connections yet.')).toBeVisible();
  await expectAxeClean(page, 'initial');
});

test('keyboard only: GitHub by popup, Zendesk by form in the dialog, both in the connected-accounts list', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // The button's name follows the flow ("Waiting for GitHub…"): find it by its card.
  const github = card(page, 'GitHub').getByRole('button').first();
  await expect(github).toHaveAccessibleName('Connect GitHub');
  await tabTo(page, github);
  const popupPromise = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await popupPromise;
  await expect(github).toHaveAccessibleName('Waiting for GitHub…');
  // The provider's consent page: the test is the user there.
  await popup.getByRole('button', { name: 'Allow' }).click();
  await expect(github).toHaveAccessibleName('GitHub connected');
  await expect(card(page, 'GitHub')).toContainText('Connected');

  const zendesk = page.getByRole('button', { name: 'Connect Zendesk' });
  await tabTo(page, zendesk);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connect Zendesk' });
  await expect(dialog).toBeVisible();
  const subdomain = dialog.getByRole('textbox', { name: /Subdomain/ });
  await tabTo(page, subdomain);
  await page.keyboard.type('acme');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: /Email/ })).toBeFocused();
  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('zd-token-12345678');
  await tabTo(page, dialog.getByRole('button', { name: 'Connect', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Focus goes back to the trigger, which now offers to reconnect.
  await expect(page.getByRole('button', { name: 'Reconnect Zendesk' })).toBeFocused();
  await expect(card(page, 'Zendesk')).toContainText('Connected');

  const list = page.getByRole('table', { name: 'Connected accounts' });
  await expect(list.getByRole('row')).toHaveCount(3);
  for (const name of ['GitHub', 'Zendesk']) {
    const row = list.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row).toContainText('Connected');
  }
  // The secret typed into the form is nowhere on the page.
  expect(await page.content()).not.toContain('zd-token-12345678');
  await expectAxeClean(page, 'connected');
});

test('states: the credential dialog open, then its form errors — axe clean', async ({ page }) => {
  await page.getByRole('button', { name: 'Connect Zendesk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect Zendesk' });
  await expect(dialog.getByRole('textbox', { name: /Subdomain/ })).toBeVisible();
  await expectAxeClean(page, 'dialog open');

  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('alert').first()).toContainText(/Check \d+ field/);
  await expect(dialog.getByRole('textbox', { name: /Subdomain/ })).toBeFocused();
  await expectAxeClean(page, 'form error');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Connect Zendesk' })).toBeFocused();
});

test('states: connecting (3 s scripted latency), waiting for the provider, cancelled — axe clean', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const slow = page.getByRole('switch', { name: 'Slow connecting (3 s)' });
  await slow.click();
  await expect(slow).toBeChecked();
  const github = card(page, 'GitHub').getByRole('button').first();
  const popupPromise = page.waitForEvent('popup');
  await github.click();
  const popup = await popupPromise;
  await expect(github).toHaveAccessibleName('Connecting GitHub…');
  await expectAxeClean(page, 'connecting');
  await expect(github).toHaveAccessibleName('Waiting for GitHub…', { timeout: 10_000 });
  await expect(card(page, 'GitHub')).toContainText('Pending');
  await expectAxeClean(page, 'waiting for the provider');
  await popup.close();
  await expect(card(page, 'GitHub')).toContainText('The connection was cancelled.');
  await expect(card(page, 'GitHub').getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('states: the provider denies consent → failed with the reason and a retry — axe clean', async ({
  page,
}) => {
  const deny = page.getByRole('switch', { name: 'Provider denies consent' });
  await deny.click();
  await expect(deny).toBeChecked();
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connect Slack' }).click();
  await popupPromise;
  const slack = card(page, 'Slack');
  await expect(slack.getByRole('status').first()).toContainText('Could not connect.', { timeout: 10_000 });
  await expect(slack.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(slack).toContainText('Failed');
  await expectAxeClean(page, 'failed');
});

test('a scripted 500 on create shows the message and the request id, and retry connects', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Fail next request (500)' }).click();
  await expect(page.getByText('A 500 is armed for the next request.')).toBeVisible();
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  const github = card(page, 'GitHub');
  await expect(github).toContainText('The sandbox failed this request on purpose');
  await expect(github).toContainText('Request ID');
  await expectAxeClean(page, 'failed with a 500');
  const popupPromise = page.waitForEvent('popup');
  await github.getByRole('button', { name: 'Try again' }).click();
  const popup = await popupPromise;
  await popup.getByRole('button', { name: 'Allow' }).click();
  await expect(github).toContainText('Connected');
});

test('dark theme: chosen by the switch, kept across a reload; axe clean', async ({ page }) => {
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expectAxeClean(page, 'dark theme');
  await page.getByRole('button', { name: 'Connect Zendesk' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: /Subdomain/ })).toBeVisible();
  await expectAxeClean(page, 'dark theme, dialog open');
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot: the page in ${theme} matches the committed baseline`, async ({ page }) => {
    await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByText('No connections yet.')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Slow connecting (3 s)' })).toBeEnabled();
    // Nothing focused, so no focus ring lands in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page).toHaveScreenshot(`demo-${theme}.png`, {
      fullPage: true,
      animations: 'disabled',
      maxDiffPixelRatio: 0.01,
    });
  });
}
