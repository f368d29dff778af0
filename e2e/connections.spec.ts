import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import {
  allowInPopup,
  connectWithSwitchOn,
  demoCard,
  expectAxeClean,
  readDemoSandbox,
  tabTo,
  demoTest as test,
} from './helpers';

// Managing connections in the demo (issue 12): connect, disconnect, connect again, expire through
// the sandbox panel, reconnect, disable and enable — by mouse, then by keyboard only. The sandbox
// server behind the demo is asked after each step: what the page shows is what the backend holds.

/** The demo user's GitHub accounts as the sandbox holds them (deleted ones are not listed). */
async function githubStatuses(request: APIRequestContext): Promise<string[]> {
  const { items } = await readDemoSandbox<{ items: Array<{ status: string }> }>(
    request,
    '/api/v3/connected_accounts?user_ids=demo-user&auth_config_ids=ac_github',
  );
  return items.map((item) => item.status);
}

const card = (page: Page) => demoCard(page, 'GitHub');
const accountRow = (page: Page): Locator =>
  page.getByRole('list', { name: 'Connected accounts' }).getByRole('listitem').filter({ hasText: 'GitHub' });

/** Presses a button by mouse, or Tab to it and Enter. */
async function press(page: Page, target: Locator, keyboard: boolean) {
  if (!keyboard) return target.click();
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

async function journey(page: Page, request: APIRequestContext, keyboard: boolean) {
  // Connect GitHub.
  await allowInPopup(
    page,
    () => press(page, page.getByRole('button', { name: 'Connect GitHub' }), keyboard),
    keyboard,
  );
  const disconnect = card(page).getByRole('button', { name: 'Disconnect GitHub' });
  await expect(disconnect).toBeVisible();
  await expect(accountRow(page)).toContainText('Connected');
  expect(await githubStatuses(request)).toEqual(['ACTIVE']);

  // Disconnect it from its card, confirmed in the dialog; focus back on the connect button.
  await press(page, disconnect, keyboard);
  const dialog = page.getByRole('alertdialog', { name: 'Disconnect GitHub?' });
  await expect(dialog).toBeVisible();
  await expectAxeClean(page, 'disconnect dialog');
  await press(page, dialog.getByRole('button', { name: 'Disconnect' }), keyboard);
  await expect(dialog).toBeHidden();
  const connect = page.getByRole('button', { name: 'Connect GitHub' });
  await expect(connect).toBeFocused();
  await expect(accountRow(page)).toHaveCount(0);
  await expect.poll(() => githubStatuses(request)).toEqual([]);
  // Nothing to expire: the panel says so rather than claiming it expired something.
  await press(page, page.getByRole('button', { name: 'Expire my connections' }), keyboard);
  await expect(page.getByText('No connected account to expire.')).toBeVisible();

  // Connect again: one account.
  await allowInPopup(page, () => press(page, connect, keyboard), keyboard);
  await expect(card(page).getByRole('button', { name: 'Disconnect GitHub' })).toBeVisible();
  expect(await githubStatuses(request)).toEqual(['ACTIVE']);

  // The provider revokes access (sandbox panel): the account reads Expired, Reconnect brings it back.
  await press(page, page.getByRole('button', { name: 'Expire my connections' }), keyboard);
  await expect(page.getByText('One connection expired: reconnect it.')).toBeVisible();
  await expect(accountRow(page)).toContainText('Expired');
  await expect.poll(() => githubStatuses(request)).toEqual(['EXPIRED']);
  await expectAxeClean(page, 'expired');
  const reconnect = accountRow(page).getByRole('button', { name: 'Reconnect GitHub' });
  await allowInPopup(page, () => press(page, reconnect, keyboard), keyboard);
  // For a moment the new account is listed beside the old one, until the old one is deleted.
  await expect
    .poll(() => accountRow(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state'))))
    .toEqual(['connected']);
  await expect.poll(() => githubStatuses(request)).toEqual(['ACTIVE']);

  // Disable, then enable, from the list.
  await press(page, accountRow(page).getByRole('button', { name: 'Disable GitHub' }), keyboard);
  await expect(accountRow(page)).toHaveAttribute('data-state', 'disabled');
  await expect.poll(() => githubStatuses(request)).toEqual(['INACTIVE']);
  await expectAxeClean(page, 'disabled');
  await press(page, accountRow(page).getByRole('button', { name: 'Enable GitHub' }), keyboard);
  await expect(accountRow(page)).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => githubStatuses(request)).toEqual(['ACTIVE']);
}

test('by mouse: connect, disconnect, connect again, expire, reconnect, disable, enable', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await journey(page, request, false);
});

test('by keyboard only: the same journey', async ({ page, request }) => {
  test.setTimeout(90_000);
  await journey(page, request, true);
});

test('every state the sandbox panel makes can be cleaned up from the list', async ({ page, request }) => {
  test.setTimeout(60_000);
  // A denied consent leaves a FAILED attempt, an expired link an EXPIRED one: each removed from its row.
  for (const [switchName, status] of [
    ['Provider denies consent', 'Failed'],
    ['Links expire at once', 'Expired'],
  ] as const) {
    await connectWithSwitchOn(page, switchName, 'GitHub');
    await expect(accountRow(page)).toContainText(status);
    await accountRow(page).getByRole('button', { name: 'Remove GitHub' }).click();
    await expect(accountRow(page)).toHaveCount(0);
    await expect.poll(() => githubStatuses(request)).toEqual([]);
    await page.getByRole('switch', { name: switchName }).click();
  }
});

test('an attempt the user cancels leaves the list at once, though the sandbox keeps it INITIATED', async ({
  page,
  request,
}) => {
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('button', { name: 'Allow' })).toBeVisible();
  await expect(accountRow(page)).toHaveAttribute('data-state', 'pending');
  await popup.close();
  await card(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(accountRow(page)).toHaveCount(0);
  // Composio keeps the attempt until its link runs out; the list no longer says it waits for the user.
  expect(await githubStatuses(request)).toEqual(['INITIATED']);
});

test('an attempt left by a reload is not pending on its card or in the list', async ({ page, request }) => {
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('button', { name: 'Allow' })).toBeVisible();
  await expect(card(page).getByText('Pending')).toBeVisible();
  await popup.close();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Connected accounts' })).toHaveCount(0);
  await expect(card(page).getByText('Pending')).toHaveCount(0);
  expect(await githubStatuses(request)).toEqual(['INITIATED']);
});

/** The list's live region (each connect button has its own beside it). */
const listStatus = (page: Page) => page.locator('.demo-accounts').getByRole('status');

test('the list says what its actions did, though the row is gone; a success leaves no stale line', async ({
  page,
  request,
}) => {
  await allowInPopup(page, () => page.getByRole('button', { name: 'Connect GitHub' }).click(), false);
  await expect(accountRow(page)).toContainText('Connected');
  await accountRow(page).getByRole('button', { name: 'Disable GitHub' }).click();
  await expect(listStatus(page)).toHaveText('GitHub disabled.');
  // Said to a screen reader, not left under the list: the row's own change is what is seen.
  expect(await listStatus(page).evaluate((status) => status.getBoundingClientRect().height)).toBe(0);
  await accountRow(page).getByRole('button', { name: 'Enable GitHub' }).click();
  await expect(listStatus(page)).toHaveText('GitHub enabled.');
  // Disconnected from the list: the row leaves at once, the sandbox answers over HTTP after.
  await accountRow(page).getByRole('button', { name: 'Disconnect GitHub' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(accountRow(page)).toHaveCount(0);
  await expect(listStatus(page)).toHaveText('GitHub disconnected.');
  await expect.poll(() => githubStatuses(request)).toEqual([]);

  await connectWithSwitchOn(page, 'Provider denies consent', 'GitHub');
  await expect(accountRow(page)).toContainText('Failed');
  await accountRow(page).getByRole('button', { name: 'Remove GitHub' }).click();
  await expect(accountRow(page)).toHaveCount(0);
  await expect(listStatus(page)).toHaveText('GitHub removed.');
});

test('a failed row on a 390 px phone: Reconnect whose window closed can be cancelled; Details opens below', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const denied = page.waitForEvent('popup');
  await connectWithSwitchOn(page, 'Provider denies consent', 'GitHub');
  await expect(accountRow(page)).toContainText('Failed');
  await (await denied).close();
  await page.getByRole('switch', { name: 'Provider denies consent' }).click();

  // Reconnect, and the user closes its window: the row offers a way out, not "waiting" until the link expires.
  const popupPromise = page.waitForEvent('popup');
  await accountRow(page).getByRole('button', { name: 'Reconnect GitHub' }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('button', { name: 'Allow' })).toBeVisible();
  await popup.close();
  await accountRow(page).getByRole('button', { name: 'Cancel reconnecting GitHub' }).click();
  await expect(accountRow(page).getByRole('button', { name: 'Reconnect GitHub' })).toBeFocused();
  await expect(accountRow(page)).toHaveCount(1);
  await expect(accountRow(page)).toHaveAttribute('data-state', 'failed');

  // The reason's Details is the row's last line, full width: opening it moves nothing beside it.
  const row = accountRow(page);
  const actions = row.locator('.plugboard-accounts__actions');
  const before = await actions.boundingBox();
  await row.getByText('Details', { exact: true }).click();
  const details = await row.locator('details').boundingBox();
  expect(await actions.boundingBox()).toEqual(before);
  expect(details && before && details.y >= before.y + before.height).toBe(true);
  const rowBox = await row.boundingBox();
  expect(details && rowBox && details.width > rowBox.width * 0.8).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAxeClean(page, 'failed row, Details open');
});
