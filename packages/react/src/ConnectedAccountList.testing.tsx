// For the list's tests only (not exported by the package): the sandbox, its accounts and fake popups.
import type { ConnectBackend, ConnectEnvironment, PopupHandle } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { ConnectedAccountList } from './ConnectedAccountList';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';

const NAMES: Record<string, string> = { ac_github: 'GitHub', ac_slack: 'Slack', ac_zendesk: 'Zendesk' };
export const appName = (account: { auth_config: { id: string } }) => NAMES[account.auth_config.id] ?? '?';

/** The in-process sandbox on a clock the test moves. */
export function setup(linkTtlMs?: number) {
  let clock = Date.now();
  const sandbox = createSandbox({ now: () => clock, linkTtlMs });
  // The user bound as a server proxy would.
  const backend: ConnectBackend = {
    ...sandbox.backend,
    createLinkSession: (input, options) =>
      sandbox.backend.createLinkSession({ ...input, user_id: 'u1' }, options),
  };
  return {
    sandbox,
    backend,
    setClock: (at: number) => {
      clock = at;
    },
  };
}

export async function connect(
  sandbox: Sandbox,
  authConfigId = 'ac_github',
  outcome: 'allow' | 'deny' | 'open' = 'allow',
) {
  const link = await sandbox.backend.createLinkSession({ auth_config_id: authConfigId, user_id: 'u1' });
  if (outcome !== 'open')
    await sandbox.completeLink(link.link_token, outcome === 'allow' ? { allow: true } : { deny: true });
  return link;
}

export type TestPopup = PopupHandle & { closed: boolean };

/** Popups that open, navigate nowhere and close when told; each is also pushed onto `popups`. */
export function popupEnvironment(popups: TestPopup[] = []): Partial<ConnectEnvironment> {
  return {
    openPopup: () => {
      const popup: TestPopup = { closed: false, navigate: vi.fn(), close: () => {} };
      popup.close = () => {
        popup.closed = true;
      };
      popups.push(popup);
      return popup;
    },
  };
}

/** The default list (popup Reconnect through `environment`), labelled by a heading. */
export function renderList(
  sandbox: Sandbox,
  children?: ReactNode,
  options: { backend?: ConnectBackend; environment?: Partial<ConnectEnvironment> } = {},
) {
  return render(
    <ConnectProvider backend={options.backend ?? sandbox.backend} queryClient={createConnectQueryClient()}>
      <h2 id="accounts">Connected accounts</h2>
      <ConnectedAccountList
        aria-labelledby="accounts"
        appName={appName}
        mode="popup"
        environment={options.environment}
      >
        {children}
      </ConnectedAccountList>
    </ConnectProvider>,
  );
}

export const rows = () => screen.queryAllByRole('listitem');
