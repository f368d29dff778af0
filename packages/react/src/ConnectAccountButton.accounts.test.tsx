import type { ConnectBackend, ConnectEnvironment, PopupHandle } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { accountActions } from './account-actions';
import { ConnectAccountButton } from './ConnectAccountButton';
import { ConnectedAccountList } from './ConnectedAccountList';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';

/** The in-process sandbox with the user bound as a server proxy would. */
function setup() {
  const sandbox = createSandbox();
  const backend: ConnectBackend = {
    ...sandbox.backend,
    createLinkSession: (input, options) =>
      sandbox.backend.createLinkSession({ ...input, user_id: 'u1' }, options),
  };
  const environment: Partial<ConnectEnvironment> = {
    openPopup: () => {
      const popup: PopupHandle & { closed: boolean } = { closed: false, navigate: vi.fn(), close: () => {} };
      popup.close = () => {
        popup.closed = true;
      };
      return popup;
    },
  };
  return { sandbox, backend, environment };
}

async function activeAccount(sandbox: Sandbox): Promise<string> {
  const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
  await sandbox.completeLink(link.link_token, { allow: true });
  return link.connected_account_id;
}

/** Answers the consent of the newest open link, as the user in the popup would (Allow, or Deny). */
async function answerNewestLink(
  sandbox: Sandbox,
  answer: { allow: true } | { deny: true } = { allow: true },
) {
  const open = sandbox.snapshot().links.filter((link) => link.completed === undefined);
  const newest = open[open.length - 1];
  if (!newest) throw new Error('no open link');
  await act(() => sandbox.completeLink(newest.token, answer));
}

const statuses = async (sandbox: Sandbox) =>
  (await sandbox.backend.listConnectedAccounts()).items.map((account) => account.status);

function renderButton(
  setupResult: ReturnType<typeof setup>,
  props: { allowMultiple?: boolean } = {},
  beside: ReactNode = null,
) {
  return render(
    <ConnectProvider backend={setupResult.backend} queryClient={createConnectQueryClient()}>
      <ConnectAccountButton
        authConfigId="ac_github"
        appName="GitHub"
        accountActions={accountActions}
        mode="popup"
        environment={setupResult.environment}
        {...props}
      >
        Connect GitHub
      </ConnectAccountButton>
      {beside}
    </ConnectProvider>,
  );
}

describe('<ConnectAccountButton> and the account it stands for', () => {
  it('shows an ACTIVE account as connected and disconnects it after a confirm, focus back on the button', async () => {
    const context = setup();
    const id = await activeAccount(context.sandbox);
    renderButton(context);
    const disconnect = await screen.findByRole('button', { name: 'Disconnect GitHub' });
    const button = screen.getByRole('button', { name: 'GitHub connected' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const user = userEvent.setup();
    await user.click(disconnect);
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect GitHub?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect GitHub' })).toBe(document.activeElement),
    );
    expect(screen.queryByRole('button', { name: 'Disconnect GitHub' })).toBeNull();
    await expect(context.sandbox.backend.getConnectedAccount(id)).rejects.toMatchObject({ status: 404 });
  });

  it('connects, disconnects and connects again: one account', async () => {
    const context = setup();
    renderButton(context);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Connect GitHub' }));
    await answerNewestLink(context.sandbox);
    await user.click(await screen.findByRole('button', { name: 'Disconnect GitHub' }, { timeout: 5000 }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Connect GitHub' }));
    await answerNewestLink(context.sandbox);
    expect(await screen.findByRole('button', { name: 'Disconnect GitHub' }, { timeout: 5000 })).toBeTruthy();
    expect(await statuses(context.sandbox)).toEqual(['ACTIVE']);
  });

  it('reconnects an expired account: a new link, and the old account is deleted once the new one is ACTIVE', async () => {
    const context = setup();
    const old = await activeAccount(context.sandbox);
    context.sandbox.control.setStatusSequence(['EXPIRED'], { accountId: old });
    await context.sandbox.backend.getConnectedAccount(old);
    renderButton(context);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reconnect GitHub' }));
    await answerNewestLink(context.sandbox);
    expect(await screen.findByRole('button', { name: 'Disconnect GitHub' }, { timeout: 5000 })).toBeTruthy();
    await waitFor(async () => expect(await statuses(context.sandbox)).toEqual(['ACTIVE']));
    await expect(context.sandbox.backend.getConnectedAccount(old)).rejects.toMatchObject({ status: 404 });
  });

  it('offers Reconnect for a disabled account too', async () => {
    const context = setup();
    const id = await activeAccount(context.sandbox);
    await context.sandbox.backend.setConnectedAccountEnabled(id, false);
    renderButton(context);
    expect(await screen.findByRole('button', { name: 'Reconnect GitHub' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disconnect GitHub' })).toBeNull();
  });

  it('without accountActions is the connect flow alone: it reads no accounts', async () => {
    const context = setup();
    await activeAccount(context.sandbox);
    let lists = 0;
    const backend: ConnectBackend = {
      ...context.backend,
      listConnectedAccounts: (filters, options) => {
        lists++;
        return context.backend.listConnectedAccounts(filters, options);
      },
    };
    render(
      <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
        <ConnectAccountButton authConfigId="ac_github">Connect GitHub</ConnectAccountButton>
      </ConnectProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('button', { name: 'Connect GitHub' })).toBeTruthy();
    expect(lists).toBe(0);
  });

  it('with allowMultiple connects a second account beside the ACTIVE one', async () => {
    const context = setup();
    await activeAccount(context.sandbox);
    renderButton(context, { allowMultiple: true });
    const user = userEvent.setup();
    // Let the list load first, so the button could have refused.
    await waitFor(async () => expect(await statuses(context.sandbox)).toEqual(['ACTIVE']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await user.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    await answerNewestLink(context.sandbox);
    await waitFor(async () => expect(await statuses(context.sandbox)).toEqual(['ACTIVE', 'ACTIVE']));
    expect(await screen.findByRole('button', { name: 'GitHub connected' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disconnect GitHub' })).toBeNull();
  }, 15_000);

  it('drops its error once the failed attempt is removed from the list', async () => {
    const context = setup();
    renderButton(context, {}, <ConnectedAccountList appName={() => 'GitHub'} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Connect GitHub' }));
    await answerNewestLink(context.sandbox, { deny: true });
    expect(await screen.findByText(/You declined access on GitHub/, {}, { timeout: 5000 })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Remove GitHub' }));
    await waitFor(() => expect(screen.queryByText(/You declined access on GitHub/)).toBeNull());
    expect(screen.getByRole('button', { name: 'Connect GitHub' }).getAttribute('data-state')).toBe('idle');
    expect(await statuses(context.sandbox)).toEqual([]);
  });

  it('says the account was disconnected once the backend agrees, in a live region', async () => {
    const context = setup();
    await activeAccount(context.sandbox);
    context.sandbox.control.setLatency(200, 'deleteConnectedAccount');
    renderButton(context);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disconnect GitHub' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }),
    );
    const said = await screen.findByText('GitHub disconnected.', {}, { timeout: 3000 });
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(await statuses(context.sandbox)).toEqual([]);
  });
});
