import { expect, type Locator, type Page } from '@playwright/test';
import {
  allowInPopup,
  demoCard as card,
  connectWithSwitchOn,
  expectAxeClean,
  readDemoSandbox,
  tabTo,
  demoTest as test,
} from './helpers';
import { DEMO_SANDBOX_URL, DEMO_URL } from './ports';

// The demo (apps/demo/server.ts: the sandbox server + the demo page + @plugboard/server at
// /api/connect), over real HTTP in real Chromium. Every test starts from a reset sandbox.

/** The sandbox panel's "Fail next request (500)", then Connect GitHub: the card shows the failure. */
/**
 * A connected OAuth card says so once: the button reads "GitHub connected", and no status badge
 * says "Connected" beside it (a disabled, expired or disconnected account's badge is shown).
 */
async function expectSaysConnectedOnce(github: Locator) {
  await expect(github.getByRole('button', { name: 'GitHub connected' })).toBeVisible();
  await expect(github.getByText('Connected', { exact: true })).toHaveCount(0);
}

async function failGitHubWith500(page: Page) {
  await page.getByRole('button', { name: 'Fail next request (500)' }).click();
  await expect(page.getByText('A 500 is armed for the next request.')).toBeVisible();
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  await expect(card(page, 'GitHub')).toContainText("Couldn't connect to GitHub right now.");
  // The request used the 500: the panel, reading the sandbox again, stops saying it is armed.
  await expect(page.getByText('A 500 is armed for the next request.')).toBeHidden();
}

/** Zendesk by its credential dialog, keyboard only: the dialog closes and focus returns to its trigger. */
async function connectZendeskByKeyboard(page: Page) {
  await tabTo(page, page.getByRole('button', { name: 'Connect Zendesk' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connect Zendesk' });
  await expect(dialog).toBeVisible();
  // The dialog's first focus is its first field, not its close button.
  await expect(dialog.getByRole('textbox', { name: /Subdomain/ })).toBeFocused();
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
}

test('the page: landmarks, one h1, a card per sandbox toolkit with scheme and status; axe clean', async ({
  page,
  request,
}) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Integrations']);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Sandbox controls' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  for (const [name, scheme] of [
    ['GitHub', 'OAuth 2.0'],
    ['Slack', 'OAuth 2.0'],
    // A credential card names what its form asks for.
    ['Zendesk', 'Subdomain, email and API token'],
    ['Jira', 'Site name, email and API token'],
    ['Stripe', 'API key'],
    ['Vercel', 'Bearer token'],
  ] as const) {
    await expect(card(page, name)).toContainText(scheme);
  }
  // Asked of the demo's sandbox itself: every auth config it has gets a card, not yet connected.
  const { items } = await readDemoSandbox<{ items: unknown[] }>(request, '/api/v3/auth_configs?limit=100');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(items.length);
  for (const each of await cards.all()) await expect(each).toContainText('Not connected');
  // A card is headed by the app's name alone: the auth config's own name ("Notion (custom OAuth
  // app)", "Okta (SAML)") is the developer's, under Details.
  for (const heading of await cards.getByRole('heading').all()) await expect(heading).not.toHaveText(/\(/);
  const notion = card(page, 'Notion');
  await notion.getByText('Details', { exact: true }).click();
  await expect(notion).toContainText('Notion (custom OAuth app)');
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
  await expectSaysConnectedOnce(card(page, 'GitHub'));
  // After a reload the button reads the ACTIVE account as connected: still said once.
  await page.reload();
  await expectSaysConnectedOnce(card(page, 'GitHub'));

  await connectZendeskByKeyboard(page);

  const list = page.getByRole('list', { name: 'Connected accounts' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  for (const name of ['GitHub', 'Zendesk']) {
    const row = list.getByRole('listitem').filter({ hasText: name });
    await expect(row).toContainText('Connected');
  }
  // The secret typed into the form is nowhere on the page.
  expect(await page.content()).not.toContain('zd-token-12345678');
  await expectAxeClean(page, 'connected');
});

test('redirect mode: GitHub by a full-page redirect through the consent page, back connected; axe clean', async ({
  page,
}) => {
  const redirect = page.getByRole('radio', { name: 'Redirect' });
  await redirect.click();
  await expect(redirect).toBeChecked();
  let popups = 0;
  page.on('popup', () => {
    popups += 1;
  });
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  // The whole tab goes to the provider's consent page, on the demo's sandbox.
  await page.waitForURL((url) => url.origin === DEMO_SANDBOX_URL && url.pathname.startsWith('/link/'));
  await page.getByRole('button', { name: 'Allow' }).click();
  // Through the callback route, which verifies and sends the tab back to where it started.
  await page.waitForURL(`${DEMO_URL}/`);
  const github = card(page, 'GitHub');
  await expect(github.getByRole('button').first()).toHaveAccessibleName('GitHub connected');
  await expectSaysConnectedOnce(github);
  const list = page.getByRole('list', { name: 'Connected accounts' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').filter({ hasText: 'GitHub' })).toContainText('Connected');
  // The chosen mode survived the round trip; no popup was ever opened.
  await expect(page.getByRole('radio', { name: 'Redirect' })).toBeChecked();
  expect(popups).toBe(0);
  await expectAxeClean(page, 'back from the redirect, connected');
});

test('the "Links expire at once" switch: connecting ends expired; switched off, connecting again connects', async ({
  page,
}) => {
  const expire = page.getByRole('switch', { name: 'Links expire at once' });
  await expire.click();
  await expect(expire).toBeChecked();
  const github = card(page, 'GitHub');
  const firstPopup = page.waitForEvent('popup');
  await github.getByRole('button', { name: 'Connect GitHub' }).click();
  await firstPopup;
  await expect(github.getByRole('status').first()).toContainText('That link expired. Start again.');
  const connect = github.getByRole('button').first();
  await expect(connect).toHaveAttribute('data-state', 'expired');
  await expect(connect).toHaveAccessibleName('Connect GitHub');
  // One action after a failure: the connect button, no second "Try again".
  await expect(github.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expectAxeClean(page, 'link expired');

  await expire.click();
  await expect(expire).not.toBeChecked();
  await allowInPopup(page, () => connect.click());
  await expect(connect).toHaveAccessibleName('GitHub connected');
  await expectSaysConnectedOnce(github);
  await expect(github.getByText('That link expired.')).toBeHidden();
});

test('keyboard only in the dark theme: the theme by its switch, then Zendesk by form into the list', async ({
  page,
}) => {
  // The theme switch is a radio group, one tab stop: Tab to it; the arrow key moves to Dark and
  // chooses it, as radios do (held as a person holds it: the focus moves before the key is up).
  const light = page.getByRole('radio', { name: 'Light' });
  const dark = page.getByRole('radio', { name: 'Dark' });
  await tabTo(page, light);
  await page.keyboard.down('ArrowRight');
  await expect(dark).toBeFocused();
  await page.keyboard.up('ArrowRight');
  await expect(dark).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await connectZendeskByKeyboard(page);
  const list = page.getByRole('list', { name: 'Connected accounts' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').filter({ hasText: 'Zendesk' })).toContainText('Connected');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAxeClean(page, 'dark theme, connected');
});

test('states: the credential dialog open, then its form errors — axe clean', async ({ page }) => {
  await page.getByRole('button', { name: 'Connect Zendesk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect Zendesk' });
  await expect(dialog.getByRole('textbox', { name: /Subdomain/ })).toBeFocused();
  // Cancel beside Connect.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expectAxeClean(page, 'dialog open');

  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('alert').first()).toContainText(/Fill in \d+ fields/);
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
  // Closed is a hint (the window may only be severed by COOP): the card waits until the user cancels.
  await expect(card(page, 'GitHub')).toContainText('Finish connecting in the GitHub window.');
  await card(page, 'GitHub').getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, 'GitHub')).toContainText('The connection was cancelled.');
  await expect(card(page, 'GitHub').getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
  // The abandoned attempt still waits at the backend, but the card does not call it "Pending".
  await expect(card(page, 'GitHub')).toContainText('Not connected');
  await expect(card(page, 'GitHub')).not.toContainText('Pending');
});

test('states: the provider denies consent → failed, said in the user’s words — axe clean', async ({
  page,
}) => {
  await connectWithSwitchOn(page, 'Provider denies consent', 'Slack');
  const slack = card(page, 'Slack');
  await expect(slack.getByRole('status').first()).toContainText(
    'You declined access on Slack. Connect again to allow it.',
    { timeout: 10_000 },
  );
  await expect(slack.getByRole('button', { name: 'Connect Slack' })).toBeVisible();
  await expect(slack).toContainText('Failed');
  await expectAxeClean(page, 'failed');
});

test('a scripted 500 on create reads plainly, shows the message and request id under Details, and connecting again works', async ({
  page,
}) => {
  await failGitHubWith500(page);
  const github = card(page, 'GitHub');
  await expect(github).toContainText("Couldn't connect to GitHub right now. Try again in a few minutes.");
  await expect(github).not.toContainText('The sandbox failed this request on purpose');
  // One "Details" on the card: the error's (the button's), not the card's own line beside it.
  await expect(github.getByText('Details', { exact: true })).toHaveCount(1);
  await github.getByText('Details', { exact: true }).click();
  await expect(github).toContainText('The sandbox failed this request on purpose');
  await expect(github).toContainText('Request ID');
  await expectAxeClean(page, 'failed with a 500');
  await allowInPopup(page, () => github.getByRole('button', { name: 'Connect GitHub' }).click());
  await expectSaysConnectedOnce(github);
  // No error any more: the card's own Details line (the auth config's id) is back, once.
  await expect(github.getByText('Details', { exact: true })).toHaveCount(1);
  await github.getByText('Details', { exact: true }).click();
  await expect(github).toContainText('Auth config ac_github');
});

test('the sandbox panel says once that a 500 is armed, and no more once a request used it', async ({
  page,
}) => {
  const panel = page.getByRole('complementary', { name: 'Sandbox controls' });
  const saidArmed = async () => ((await panel.textContent()) ?? '').match(/a 500\b/gi)?.length ?? 0;
  await panel.getByRole('button', { name: 'Fail next request (500)' }).click();
  await expect(panel).toContainText('A 500 is armed for the next request.');
  expect(await saidArmed()).toBe(1);
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  await expect(card(page, 'GitHub')).toContainText("Couldn't connect to GitHub right now.");
  await expect.poll(saidArmed).toBe(0);
});

test('cards in a row line up: buttons on one line and Details on one line, even beside an error', async ({
  page,
}) => {
  const top = async (locator: Locator) => Math.round((await locator.boundingBox())?.y ?? Number.NaN);
  // GitHub and Slack share the first row at 1280 px.
  const [github, slack] = [card(page, 'GitHub'), card(page, 'Slack')];
  const buttonsLineUp = async () =>
    (await top(github.getByRole('button').first())) === (await top(slack.getByRole('button').first()));
  const detailsLineUp = async () =>
    (await top(github.getByText('Details', { exact: true }))) ===
    (await top(slack.getByText('Details', { exact: true })));
  await expect.poll(buttonsLineUp).toBe(true);
  await expect.poll(detailsLineUp).toBe(true);
  await failGitHubWith500(page);
  await expect.poll(buttonsLineUp).toBe(true);
  // The connect button stays right under its heading: Slack's does not drop to the card's foot.
  const gap = (await top(slack.getByRole('button').first())) - (await top(slack.getByRole('heading')));
  expect(gap).toBeLessThan(80);
});

test('a failed connection: the API’s reason sits behind its row’s Details, not in the accounts list', async ({
  page,
}) => {
  await connectWithSwitchOn(page, 'Provider denies consent', 'Slack');
  const row = page
    .getByRole('list', { name: 'Connected accounts' })
    .getByRole('listitem')
    .filter({ hasText: 'Slack' });
  await expect(row).toContainText('Failed');
  // "The user denied access on the Slack consent screen": the developer's words.
  const reason = row.getByText(/denied access/);
  await expect(reason).toBeHidden();
  await row.getByText('Details', { exact: true }).click();
  await expect(reason).toBeVisible();
  await expectAxeClean(page, 'failed row, its details open');
});

test('the callback page visited directly says once what happened, under a heading that claims nothing', async ({
  page,
}) => {
  await page.goto('/connect/callback');
  await expect(page.getByText("There's no connection to finish here.")).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/finish/i);
  await expect(page.getByRole('link', { name: 'Return to the app' })).toBeVisible();
  await expectAxeClean(page, 'callback visited directly');
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

/**
 * The visual check: the demo's main states in light and dark, on a desktop and a 390 px phone,
 * each against its committed baseline (e2e/__screenshots__/demo.spec.ts). A diff over 1 % of the
 * pixels fails; regenerate with `--update-snapshots` after an intended change, and look at them.
 */
const SCREENS = {
  /** Nothing connected yet: every card, the empty accounts list. */
  start: async (_page: Page) => {},
  /** In use: Zendesk connected (its card, the accounts list), GitHub failed with its one action. */
  'in-use': async (page: Page) => {
    await connectZendeskByKeyboard(page);
    await failGitHubWith500(page);
  },
  /** The credential dialog open on its first field. */
  dialog: async (page: Page) => {
    await page.getByRole('button', { name: 'Connect Zendesk' }).click();
    await expect(page.getByRole('dialog').getByRole('textbox', { name: /Subdomain/ })).toBeFocused();
  },
} as const;

for (const width of [1280, 390] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const [state, reach] of Object.entries(SCREENS)) {
      test(`screenshot: ${state}, ${theme}, ${width} px matches the committed baseline`, async ({ page }) => {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(page.getByRole('switch', { name: 'Slow connecting (3 s)' })).toBeEnabled();
        await reach(page);
        // What a user reads in the page's main and its dialog, outside the "Details" disclosures,
        // carries no developer words (the done-means, for the demo's states; the sandbox
        // controls beside main are the demo's developer tools).
        const read = await page.evaluate(() => {
          const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
          if (!main) return '';
          for (const details of main.querySelectorAll('details')) details.remove();
          for (const trigger of main.querySelectorAll('button[aria-controls]')) {
            if (trigger.textContent?.trim() !== 'Details') continue;
            main.querySelector(`[id="${trigger.getAttribute('aria-controls')}"]`)?.remove();
          }
          const dialog = document.querySelector('[role="dialog"]')?.textContent ?? '';
          return `${main.textContent}\n${dialog}`;
        });
        expect(read).not.toMatch(/\b(?:GET|POST|PUT|PATCH|DELETE)\b|\/api\/|\bHTTP\b|\b[45]\d\d\b/);
        expect(read).not.toMatch(/\bthe user\b/i);
        // Nothing focused outside a dialog, so no focus ring lands in the picture.
        if (state !== 'dialog')
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await expect(page).toHaveScreenshot(`demo-${state}-${theme}-${width}.png`, {
          fullPage: state !== 'dialog',
          animations: 'disabled',
          caret: 'hide',
          // When an account was added is the sandbox's clock: covered, so the baseline holds on any day.
          mask: [page.locator('time')],
          maxDiffPixelRatio: 0.01,
        });
      });
    }
  }
}

test('a 390 px phone: no sideways scroll, with accounts in the list and an error shown', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await connectZendeskByKeyboard(page);
  await failGitHubWith500(page);
  await card(page, 'GitHub').getByText('Details', { exact: true }).click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectAxeClean(page, 'phone');
});
