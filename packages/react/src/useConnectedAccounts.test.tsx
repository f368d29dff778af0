import { type ConnectBackend, ConnectError } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import { act, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { ConnectProvider, createConnectQueryClient, useConnectContext } from './ConnectProvider';
import { useDisconnect, useSetAccountEnabled } from './useAccountMutations';
import { type UseConnectedAccountsOptions, useConnectedAccounts } from './useConnectedAccounts';

/** The in-process sandbox, counting list reads. */
function setup() {
  const sandbox = createSandbox();
  let lists = 0;
  const backend: ConnectBackend = {
    ...sandbox.backend,
    listConnectedAccounts: (filters, options) => {
      lists++;
      return sandbox.backend.listConnectedAccounts(filters, options);
    },
  };
  const queryClient = createConnectQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ConnectProvider backend={backend} queryClient={queryClient}>
      {children}
    </ConnectProvider>
  );
  return { sandbox, backend, wrapper, queryClient, lists: () => lists };
}

/** A link session answered with Allow: an ACTIVE account. */
async function connect(sandbox: Sandbox, authConfigId = 'ac_github'): Promise<string> {
  const link = await sandbox.backend.createLinkSession({ auth_config_id: authConfigId, user_id: 'u1' });
  await sandbox.completeLink(link.link_token, { allow: true });
  return link.connected_account_id;
}

/** The list, with the three hooks, as one component would use them. */
function useAll() {
  return {
    list: useConnectedAccounts({}, { pollIntervalMs: 10 }),
    disconnect: useDisconnect(),
    setEnabled: useSetAccountEnabled(),
  };
}

/** What a connect flow of the page does while it waits for the user on `id` (useConnectAccount). */
function useWaitingOn(id: string | undefined) {
  const { attemptsInProgress } = useConnectContext();
  useEffect(() => {
    const flow = {};
    attemptsInProgress.set(flow, id);
    return () => attemptsInProgress.set(flow, undefined);
  }, [attemptsInProgress, id]);
}

/** The list beside a flow of the page that waits on `id`. */
function renderWaitingList(
  wrapper: ({ children }: { children: ReactNode }) => ReactNode,
  id: string,
  options: UseConnectedAccountsOptions,
) {
  return renderHook(
    () => {
      useWaitingOn(id);
      return useConnectedAccounts({}, options);
    },
    { wrapper },
  );
}

const ids = (result: { current: ReturnType<typeof useAll> }) =>
  result.current.list.data?.map((account) => account.id);

describe('useConnectedAccounts', () => {
  it('lists every page of accounts as summaries', async () => {
    const { sandbox, wrapper } = setup();
    const made = [await connect(sandbox), await connect(sandbox, 'ac_slack'), await connect(sandbox)];
    const { result } = renderHook(() => useConnectedAccounts({ limit: 2 }), { wrapper });
    await waitFor(() => expect(result.current.data).toHaveLength(3));
    expect(result.current.data?.map((account) => account.id).sort()).toEqual([...made].sort());
    for (const account of result.current.data ?? []) {
      expect(account).not.toHaveProperty('state');
      expect(account).not.toHaveProperty('data');
      expect(account).not.toHaveProperty('params');
    }
  });

  it('polls while a flow of the page waits on a pending attempt and stops once none is', async () => {
    const { sandbox, wrapper, lists } = setup();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const { result } = renderWaitingList(wrapper, link.connected_account_id, { pollIntervalMs: 10 });
    await waitFor(() => expect(result.current.data?.[0]?.status).toBe('INITIATED'));
    await waitFor(() => expect(lists()).toBeGreaterThan(2));
    await sandbox.completeLink(link.link_token, { allow: true });
    await waitFor(() => expect(result.current.data?.[0]?.status).toBe('ACTIVE'));
    const settled = lists();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(lists()).toBe(settled);
  });

  it('backs off while an attempt stays pending: each wait twice the last, up to the cap', async () => {
    const { sandbox, wrapper, lists } = setup();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const { result } = renderWaitingList(wrapper, link.connected_account_id, {
      pollIntervalMs: 10,
      maxPollIntervalMs: 80,
    });
    await waitFor(() => expect(result.current.data?.[0]?.status).toBe('INITIATED'));
    const first = lists();
    // 10 + 20 + 40 + 80 + 80 ms: about five reads in 330 ms, where a fixed 10 ms would make ~30.
    await new Promise((resolve) => setTimeout(resolve, 330));
    expect(lists() - first).toBeGreaterThanOrEqual(2);
    expect(lists() - first).toBeLessThanOrEqual(8);
  });

  it('does not poll for an attempt no flow of the page waits on (left, or begun elsewhere)', async () => {
    const { sandbox, wrapper, lists } = setup();
    await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const { result } = renderHook(() => useConnectedAccounts({}, { pollIntervalMs: 10 }), { wrapper });
    await waitFor(() => expect(result.current.data?.[0]?.status).toBe('INITIATED'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(lists()).toBe(1);
  });

  it('answers a failed read with a ConnectError', async () => {
    const { sandbox, wrapper } = setup();
    sandbox.control.failNext({ status: 503, route: 'listConnectedAccounts' });
    const { result } = renderHook(() => useConnectedAccounts(), { wrapper });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ConnectError));
    expect(result.current.error?.status).toBe(503);
  });
});

describe('useDisconnect', () => {
  it('drops the account from the list at once, and the sandbox agrees', async () => {
    const { sandbox, wrapper } = setup();
    const keep = await connect(sandbox, 'ac_slack');
    const gone = await connect(sandbox);
    const { result } = renderHook(useAll, { wrapper });
    await waitFor(() => expect(ids(result)).toEqual([gone, keep]));
    sandbox.control.setLatency(50, 'deleteConnectedAccount');
    act(() => result.current.disconnect.mutate(gone));
    await waitFor(() => expect(ids(result)).toEqual([keep]));
    expect(result.current.disconnect.isPending).toBe(true);
    await waitFor(() => expect(result.current.disconnect.isSuccess).toBe(true));
    const page = await sandbox.backend.listConnectedAccounts();
    expect(page.items.map((account) => account.id)).toEqual([keep]);
    await expect(sandbox.backend.getConnectedAccount(gone)).rejects.toMatchObject({ status: 404 });
  });

  it('puts the account back where it was when the delete fails, with a typed error', async () => {
    const { sandbox, wrapper } = setup();
    const made = [await connect(sandbox), await connect(sandbox), await connect(sandbox)];
    const { result } = renderHook(useAll, { wrapper });
    const order = [...made].reverse();
    await waitFor(() => expect(ids(result)).toEqual(order));
    sandbox.control.setLatency(50, 'deleteConnectedAccount');
    sandbox.control.failNext({ status: 500, route: 'deleteConnectedAccount' });
    act(() => result.current.disconnect.mutate(order[1] as string));
    await waitFor(() => expect(ids(result)).toEqual([order[0], order[2]]));
    await waitFor(() => expect(result.current.disconnect.error).toBeInstanceOf(ConnectError));
    expect(result.current.disconnect.error?.status).toBe(500);
    expect(ids(result)).toEqual(order);
  });
});

describe('useSetAccountEnabled', () => {
  it('disables and enables at once, and the sandbox agrees', async () => {
    const { sandbox, wrapper } = setup();
    const id = await connect(sandbox);
    const { result } = renderHook(useAll, { wrapper });
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe('ACTIVE'));
    sandbox.control.setLatency(50, 'setConnectedAccountEnabled');
    act(() => result.current.setEnabled.mutate({ id, enabled: false }));
    await waitFor(() =>
      expect(result.current.list.data?.[0]).toMatchObject({ status: 'INACTIVE', is_disabled: true }),
    );
    expect(result.current.setEnabled.isPending).toBe(true);
    await waitFor(() => expect(result.current.setEnabled.isSuccess).toBe(true));
    expect(await sandbox.backend.getConnectedAccount(id)).toMatchObject({
      status: 'INACTIVE',
      is_disabled: true,
    });
    act(() => result.current.setEnabled.mutate({ id, enabled: true }));
    await waitFor(() =>
      expect(result.current.list.data?.[0]).toMatchObject({ status: 'ACTIVE', is_disabled: false }),
    );
    await waitFor(() => expect(result.current.setEnabled.isSuccess).toBe(true));
    expect(await sandbox.backend.getConnectedAccount(id)).toMatchObject({
      status: 'ACTIVE',
      is_disabled: false,
    });
  });

  it('restores the account when the change fails, with a typed error', async () => {
    const { sandbox, wrapper } = setup();
    const id = await connect(sandbox);
    const { result } = renderHook(useAll, { wrapper });
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe('ACTIVE'));
    sandbox.control.setLatency(50, 'setConnectedAccountEnabled');
    sandbox.control.failNext({ status: 500, route: 'setConnectedAccountEnabled' });
    act(() => result.current.setEnabled.mutate({ id, enabled: false }));
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe('INACTIVE'));
    await waitFor(() => expect(result.current.setEnabled.error).toBeInstanceOf(ConnectError));
    expect(result.current.list.data?.[0]).toMatchObject({ status: 'ACTIVE', is_disabled: false });
    expect(await sandbox.backend.getConnectedAccount(id)).toMatchObject({ status: 'ACTIVE' });
  });
});
