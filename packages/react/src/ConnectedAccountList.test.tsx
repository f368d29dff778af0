import type { ConnectBackend } from '@plugboard/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectAccountButton } from './ConnectAccountButton';
import { ConnectedAccountList } from './ConnectedAccountList';
import {
  appName,
  connect,
  popupEnvironment,
  renderList,
  rows,
  setup,
  type TestPopup,
} from './ConnectedAccountList.testing';
import { useAccountRow } from './ConnectedAccountListContext';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { de } from './locales/de';

/** How often each row rendered, by account id. */
const renders = new Map<string, number>();
function CountRenders() {
  const { account } = useAccountRow('CountRenders');
  renders.set(account.id, (renders.get(account.id) ?? 0) + 1);
  return null;
}

describe('<ConnectedAccountList>', () => {
  it('shows one row per account with its app, state and date; abandoned attempts are left out', async () => {
    // Composio marks such an attempt EXPIRED in time; until it does, the list hides it.
    const { sandbox, setClock } = setup(60 * 60_000);
    setClock(Date.now() - 20 * 60_000);
    await connect(sandbox, 'ac_slack', 'open'); // opened 20 minutes ago, never answered
    setClock(Date.now());
    await connect(sandbox, 'ac_github');
    await connect(sandbox, 'ac_slack', 'deny');
    renderList(sandbox);
    expect(screen.getByText('Loading your connections…')).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [failed, active] = rows() as [HTMLElement, HTMLElement];
    expect(active.getAttribute('data-state')).toBe('connected');
    expect(within(active).getByText('GitHub')).toBeTruthy();
    expect(within(active).getByText('Connected')).toBeTruthy();
    expect(
      within(active)
        .getByText(/^Added /)
        .getAttribute('datetime'),
    ).toMatch(/^\d{4}-/);
    expect(failed.getAttribute('data-state')).toBe('failed');
    expect(within(failed).getByRole('button', { name: 'Reconnect Slack' })).toBeTruthy();
    expect(within(failed).getByRole('button', { name: 'Remove Slack' })).toBeTruthy();
  });

  it('says so when there is nothing to list, and when the list cannot be read', async () => {
    const { sandbox } = setup();
    const { unmount } = renderList(sandbox);
    expect(await screen.findByText('No connected accounts yet.')).toBeTruthy();
    unmount();
    sandbox.control.failNext({ status: 500, route: 'listConnectedAccounts', message: 'boom' });
    renderList(sandbox);
    expect((await screen.findByRole('alert')).textContent).toContain('Your connections could not be loaded.');
  });

  it('disconnects after a confirm; the sandbox agrees and focus goes to the list', async () => {
    const { sandbox } = setup();
    const link = await connect(sandbox);
    renderList(sandbox);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disconnect GitHub' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect GitHub?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(await screen.findByText('No connected accounts yet.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('GitHub disconnected.'));
    expect(document.activeElement?.classList.contains('plugboard-accounts')).toBe(true);
    await expect(sandbox.backend.getConnectedAccount(link.connected_account_id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('keeps the account when the dialog is cancelled, with focus back on Disconnect', async () => {
    const { sandbox } = setup();
    await connect(sandbox);
    renderList(sandbox);
    const user = userEvent.setup();
    const trigger = await screen.findByRole('button', { name: 'Disconnect GitHub' });
    await user.click(trigger);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.activeElement).toBe(trigger);
    expect(rows()).toHaveLength(1);
    expect((await sandbox.backend.listConnectedAccounts()).items).toHaveLength(1);
  });

  it('disables and enables an account', async () => {
    const { sandbox } = setup();
    const link = await connect(sandbox);
    renderList(sandbox);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disable GitHub' }));
    await waitFor(() => expect(rows()[0]?.getAttribute('data-state')).toBe('disabled'));
    await waitFor(async () =>
      expect(await sandbox.backend.getConnectedAccount(link.connected_account_id)).toMatchObject({
        status: 'INACTIVE',
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Enable GitHub' }));
    await waitFor(() => expect(rows()[0]?.getAttribute('data-state')).toBe('connected'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('GitHub enabled.'));
    expect(await sandbox.backend.getConnectedAccount(link.connected_account_id)).toMatchObject({
      status: 'ACTIVE',
    });
  });

  it('removes a failed attempt without asking', async () => {
    const { sandbox } = setup();
    await connect(sandbox, 'ac_slack', 'deny');
    renderList(sandbox);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove Slack' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect((await sandbox.backend.listConnectedAccounts()).items).toHaveLength(0);
  });

  it('dates an account in the language of its messages, not the browser’s', async () => {
    const { sandbox, setClock } = setup();
    setClock(Date.UTC(2026, 10, 30, 12, 5));
    await connect(sandbox);
    render(
      <ConnectProvider backend={sandbox.backend} queryClient={createConnectQueryClient()} messages={de}>
        <ConnectedAccountList aria-label="Verbindungen" appName={appName} mode="popup" />
      </ConnectProvider>,
    );
    // German's medium date, whatever language the test's browser says it has.
    expect(await screen.findByText(/Hinzugefügt am 30\.11\.2026/)).toBeTruthy();
  });

  it('announces a failed action and keeps the row', async () => {
    const { sandbox } = setup();
    await connect(sandbox);
    renderList(sandbox);
    const user = userEvent.setup();
    sandbox.control.failNext({ status: 500, route: 'setConnectedAccountEnabled', message: 'Upstream broke' });
    await user.click(await screen.findByRole('button', { name: 'Disable GitHub' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        "Could not change GitHub. Couldn't connect to GitHub right now. Try again in a few minutes.",
      ),
    );
    // The upstream's own words are the developer's: onError has them, the user does not read them.
    expect(screen.queryByText(/Upstream broke/)).toBeNull();
    expect(rows()[0]?.getAttribute('data-state')).toBe('connected');
  });

  it('reconnects an expired account: a new link, and once it is ACTIVE the old account is gone', async () => {
    const { sandbox, backend } = setup();
    const old = await connect(sandbox);
    sandbox.control.setStatusSequence(['EXPIRED'], { accountId: old.connected_account_id });
    await sandbox.backend.getConnectedAccount(old.connected_account_id);
    render(
      <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
        <ConnectedAccountList appName={appName} mode="popup" environment={popupEnvironment()}>
          <ConnectedAccountList.Items>
            <ConnectedAccountList.App />
            <ConnectedAccountList.Status />
            <ConnectedAccountList.Reconnect />
          </ConnectedAccountList.Items>
        </ConnectedAccountList>
      </ConnectProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reconnect GitHub' }));
    await waitFor(async () => expect((await sandbox.backend.listConnectedAccounts()).items).toHaveLength(2));
    const fresh = (await sandbox.backend.listConnectedAccounts()).items.find(
      (account) => account.id !== old.connected_account_id,
    );
    const token = sandbox.snapshot().links.find((entry) => entry.accountId === fresh?.id)?.token;
    await act(() => sandbox.completeLink(token as string, { allow: true }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('GitHub reconnected.'), {
      timeout: 5000,
    });
    await waitFor(async () =>
      expect((await sandbox.backend.listConnectedAccounts()).items.map((account) => account.status)).toEqual([
        'ACTIVE',
      ]),
    );
    await waitFor(() => expect(rows().map((row) => row.getAttribute('data-state'))).toEqual(['connected']));
  });

  it('renders each of 100 rows once, and only the changed row when one account changes', async () => {
    const { sandbox } = setup();
    const links = [];
    for (let index = 0; index < 100; index++) links.push(await connect(sandbox));
    renders.clear();
    renderList(
      sandbox,
      <ConnectedAccountList.Items>
        <ConnectedAccountList.App />
        <CountRenders />
        <ConnectedAccountList.EnabledToggle />
      </ConnectedAccountList.Items>,
    );
    await waitFor(() => expect(rows()).toHaveLength(100));
    expect([...renders.values()].every((count) => count === 1)).toBe(true);
    const target = links[40]?.connected_account_id as string;
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'Disable GitHub' })[59] as HTMLElement);
    await waitFor(async () =>
      expect(await sandbox.backend.getConnectedAccount(target)).toMatchObject({ status: 'INACTIVE' }),
    );
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Enable GitHub' })).toHaveLength(1));
    const changed = [...renders].filter(([, count]) => count > 1).map(([id]) => id);
    expect(changed).toEqual([target]);
  });
});

describe('<ConnectedAccountList> beside a connect button', () => {
  /** A GitHub button (popup) whose windows the test closes, and, once `withList`, two lists beside it. */
  function renderBeside(backend: ConnectBackend) {
    const popups: TestPopup[] = [];
    const environment = popupEnvironment(popups);
    const client = createConnectQueryClient();
    const page = (withList: boolean) => (
      <ConnectProvider backend={backend} queryClient={client}>
        <ConnectAccountButton
          authConfigId="ac_github"
          appName="GitHub"
          mode="popup"
          environment={environment}
        >
          Connect GitHub
        </ConnectAccountButton>
        {withList ? (
          <>
            <section aria-label="Accounts">
              <ConnectedAccountList appName={appName} />
            </section>
            <section aria-label="Every attempt">
              <ConnectedAccountList appName={appName} showAbandoned />
            </section>
          </>
        ) : null}
      </ConnectProvider>
    );
    const view = render(page(false));
    return { popups, showLists: () => view.rerender(page(true)) };
  }

  const listIn = (name: string) => within(screen.getByRole('region', { name }));

  it('calls the button’s attempt waiting, and drops it once the user cancels', async () => {
    const { sandbox, backend } = setup();
    const { popups, showLists } = renderBeside(backend);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    await waitFor(() => expect(popups[0]?.navigate).toHaveBeenCalled());
    showLists();
    expect(await listIn('Accounts').findByText('Waiting for you to finish')).toBeTruthy();
    // The window closed, and the user cancels: Composio keeps the attempt INITIATED for its link's 10 minutes.
    if (popups[0]) popups[0].closed = true;
    await user.click(await screen.findByRole('button', { name: 'Cancel' }, { timeout: 2000 }));
    expect(await listIn('Accounts').findByText('No connected accounts yet.')).toBeTruthy();
    expect(listIn('Every attempt').getByText('Not finished')).toBeTruthy();
    expect((await sandbox.backend.listConnectedAccounts()).items.map((account) => account.status)).toEqual([
      'INITIATED',
    ]);
  });

  it('does not call an attempt waiting when no flow here waits on it (a reload, Back, another tab)', async () => {
    const { sandbox, backend } = setup();
    await connect(sandbox, 'ac_github', 'open'); // just opened, its link good for 10 minutes
    const { showLists } = renderBeside(backend);
    showLists();
    expect(await listIn('Accounts').findByText('No connected accounts yet.')).toBeTruthy();
    expect(await listIn('Every attempt').findByText('Not finished')).toBeTruthy();
  });

  it('shows the account the button just connected without waiting for a poll', async () => {
    const { sandbox, backend } = setup();
    const { popups, showLists } = renderBeside(backend);
    showLists();
    expect(await listIn('Accounts').findByText('No connected accounts yet.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    await waitFor(() => expect(popups[0]?.navigate).toHaveBeenCalled());
    const token = sandbox.snapshot().links.at(-1)?.token as string;
    await act(() => sandbox.completeLink(token, { allow: true }));
    await screen.findByRole('button', { name: 'GitHub connected' }, { timeout: 5000 });
    // The list saw no attempt (it read before the click), so nothing made it poll: the flow told it.
    expect(await listIn('Accounts').findByText('Connected')).toBeTruthy();
  });
});
