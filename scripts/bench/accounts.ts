// <ConnectedAccountList> with 100 accounts (issue 12's budget): how many rows React renders when
// the list first arrives (budget: each row once) and when one account's status changes on the
// server and the next read brings it (budget: that row alone). Counted by a part inside every row
// (it renders whenever its row's account or state changes), on React's production build in
// happy-dom, against the in-process sandbox (the same backend the unit tests use). React's
// <Profiler> was tried: it reports every row again in a nested update of the first commit even
// though no component of the row renders again, so it counts commits, not row renders.
import { installDom } from './form';
import type { BenchRow } from './types';

process.env.NODE_ENV = 'production';

const ACCOUNTS = 100;

async function until(check: () => boolean, what: string) {
  for (let tries = 0; tries < 2000; tries++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export default async function accountsBench(): Promise<BenchRow[]> {
  const window = await installDom();
  const { createElement: h, Fragment } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { createSandbox } = await import('@plugboard/sandbox');
  const {
    ConnectedAccountList,
    ConnectProvider,
    CONNECTED_ACCOUNTS_KEY,
    createConnectQueryClient,
    useConnectedAccountRow,
  } = await import('@plugboard/react');

  const sandbox = createSandbox({ maxAccounts: ACCOUNTS * 2 });
  const ids: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'bench' });
    await sandbox.completeLink(link.link_token, { allow: true });
    ids.push(link.connected_account_id);
  }

  const renders = new Map<string, number>();
  /** A row's parts, counting each render of the row by its account. */
  // biome-ignore lint/correctness/noComponentHookFactories: React is imported after NODE_ENV is set, so the component is made here, once.
  function CountedRow() {
    const { account } = useConnectedAccountRow();
    renders.set(account.id, (renders.get(account.id) ?? 0) + 1);
    return h(
      Fragment,
      null,
      h(ConnectedAccountList.App),
      h(ConnectedAccountList.Status),
      h(ConnectedAccountList.AddedAt),
      h(
        ConnectedAccountList.Actions,
        null,
        h(ConnectedAccountList.EnabledToggle),
        h(ConnectedAccountList.Disconnect),
      ),
    );
  }

  const queryClient = createConnectQueryClient();
  const container = window.document.createElement('div');
  window.document.body.appendChild(container as unknown as Node & typeof container);
  const root = createRoot(container as unknown as HTMLElement);
  root.render(
    h(
      ConnectProvider,
      { backend: sandbox.backend, queryClient },
      h(ConnectedAccountList, null, h(ConnectedAccountList.Items, null, h(CountedRow))),
    ),
  );
  await until(() => container.querySelectorAll('li').length === ACCOUNTS, 'the rows');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const firstRenders = [...renders.values()].reduce((sum, count) => sum + count, 0);
  const rowsRenderedTwice = [...renders.values()].filter((count) => count > 1).length;

  // One account is disabled on the server; the next read of the list brings it.
  renders.clear();
  const changed = ids[ACCOUNTS / 2] as string;
  await sandbox.backend.setConnectedAccountEnabled(changed, false);
  await queryClient.invalidateQueries({ queryKey: CONNECTED_ACCOUNTS_KEY });
  await until(() => container.querySelector('li[data-state="disabled"]') !== null, 'the changed row');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const changeRenders = [...renders.values()].reduce((sum, count) => sum + count, 0);
  const otherRows = [...renders.keys()].filter((id) => id !== changed).length;

  root.unmount();
  await window.happyDOM.close();
  return [
    {
      metric: `account list: row renders to list ${ACCOUNTS} accounts`,
      value: firstRenders,
      unit: 'renders',
      budget: ACCOUNTS,
      note: `${rowsRenderedTwice} rows rendered more than once`,
    },
    {
      metric: 'account list: row renders when one account changes',
      value: changeRenders,
      unit: 'renders',
      budget: 1,
      note: `one account disabled on the server, the list read again; ${otherRows} other rows rendered`,
    },
  ];
}
