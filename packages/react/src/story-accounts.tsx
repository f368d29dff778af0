// Stories only (not exported by the package): an in-process sandbox seeded with accounts before
// the story renders, the user bound as a server proxy would, and a provider window that stays open.
import type { ConnectBackend, ConnectEnvironment, PopupHandle } from '@plugboard/core';
import { createSandbox, type Sandbox } from '@plugboard/sandbox';
import type { Decorator } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { useStoryMessages } from './story-locale';

export type Seed = (sandbox: Sandbox) => Promise<void> | void;

/** Adds an account for `authConfigId` that ends in `outcome`; returns its id. */
export async function seedAccount(
  sandbox: Sandbox,
  authConfigId: string,
  outcome: 'active' | 'disabled' | 'failed' | 'expired' | 'pending',
): Promise<string> {
  const link = await sandbox.backend.createLinkSession({
    auth_config_id: authConfigId,
    user_id: 'story-user',
  });
  const id = link.connected_account_id;
  if (outcome === 'pending') return id;
  await sandbox.completeLink(link.link_token, outcome === 'failed' ? { deny: true } : { allow: true });
  if (outcome === 'disabled') await sandbox.backend.setConnectedAccountEnabled(id, false);
  if (outcome === 'expired') {
    sandbox.control.setStatusSequence(['EXPIRED'], { accountId: id });
    await sandbox.backend.getConnectedAccount(id);
  }
  return id;
}

/** A provider window that opens and stays open: the flow waits for the user. */
export const openWindowEnvironment: Partial<ConnectEnvironment> = {
  openPopup: (): PopupHandle => ({ closed: false, navigate: () => {}, close: () => {} }),
};

function SeededProvider({ seed, children }: { seed: Seed; children: ReactNode }) {
  const messages = useStoryMessages();
  const [value] = useState(() => {
    const sandbox = createSandbox();
    const backend: ConnectBackend = {
      ...sandbox.backend,
      createLinkSession: (input, options) =>
        sandbox.backend.createLinkSession({ ...input, user_id: 'story-user' }, options),
    };
    return {
      sandbox,
      backend,
      queryClient: createConnectQueryClient(),
      seeded: Promise.resolve(seed(sandbox)),
    };
  });
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void value.seeded.then(() => setReady(true));
  }, [value]);
  if (!ready) return null;
  return (
    <ConnectProvider backend={value.backend} queryClient={value.queryClient} messages={messages}>
      {children}
    </ConnectProvider>
  );
}

/** A decorator: the story renders once the sandbox holds what `seed` put there. */
export const withAccounts =
  (seed: Seed): Decorator =>
  (Story) => (
    <SeededProvider seed={seed}>
      <Story />
    </SeededProvider>
  );
