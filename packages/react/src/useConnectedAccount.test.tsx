import type { ConnectBackend } from '@plugboard/core';
import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { useConnectedAccount } from './useConnectedAccount';

function AccountStatus({ id }: { id: string }) {
  const { data, error } = useConnectedAccount(id, { pollIntervalMs: 10 });
  return <p role="status">{error ? `error: ${error.message}` : (data?.status ?? 'loading')}</p>;
}

/** The in-process sandbox with one pending account, and a count of the GETs made for it. */
async function pendingAccount() {
  const sandbox = createSandbox();
  const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'test-user' });
  let gets = 0;
  const backend: ConnectBackend = {
    ...sandbox.backend,
    getConnectedAccount: (id, options) => {
      gets++;
      return sandbox.backend.getConnectedAccount(id, options);
    },
  };
  return { sandbox, backend, id: link.connected_account_id, gets: () => gets };
}

describe('useConnectedAccount', () => {
  it('polls while the account is pending (INACTIVE too) and stops once it is ACTIVE', async () => {
    const { sandbox, backend, id, gets } = await pendingAccount();
    sandbox.control.setStatusSequence(['INITIATED', 'INACTIVE', 'ACTIVE'], { accountId: id });
    render(
      <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
        <AccountStatus id={id} />
      </ConnectProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('ACTIVE'));
    const settled = gets();
    expect(settled).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gets()).toBe(settled);
  });

  it('keeps the account in the cache without state, data or params (they may hold tokens)', async () => {
    const { sandbox, backend, id } = await pendingAccount();
    sandbox.control.setStatusSequence(['ACTIVE'], { accountId: id });
    const queryClient = createConnectQueryClient();
    render(
      <ConnectProvider backend={backend} queryClient={queryClient}>
        <AccountStatus id={id} />
      </ConnectProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('ACTIVE'));
    const cached = queryClient.getQueryData(['plugboard', 'connected-account', id]) as Record<
      string,
      unknown
    >;
    expect(cached).toMatchObject({ id, status: 'ACTIVE' });
    for (const key of ['state', 'data', 'params']) expect(cached).not.toHaveProperty(key);
  });

  it('shows a failure of the backend as the query error', async () => {
    const { backend } = await pendingAccount();
    render(
      <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
        <AccountStatus id="ca_missing" />
      </ConnectProvider>,
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^error: No connected account/),
    );
  });
});
