import {
  type ConnectBackend,
  type ConnectCallbackResult,
  STATE_PARAM,
  savePendingAttempt,
} from '@plugboard/core';
import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectCallback } from './ConnectCallback';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

/** A redirect-mode attempt saved before the page left, whose account the backend reports as `status`. */
async function redirectAttempt(status: 'ACTIVE' | 'EXPIRED' = 'ACTIVE', returnPath = '/settings') {
  const sandbox = createSandbox();
  const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'test-user' });
  sandbox.control.setStatusSequence([status], { accountId: link.connected_account_id });
  let checks = 0;
  const backend: ConnectBackend = {
    ...sandbox.backend,
    getConnectedAccount: (id, options) => {
      checks++;
      return sandbox.backend.getConnectedAccount(id, options);
    },
  };
  savePendingAttempt(sessionStorage, {
    authConfigId: 'ac_github',
    connectedAccountId: link.connected_account_id,
    state: 'nonce-1',
    returnPath,
    expiresAt: Date.now() + 60_000,
  });
  const url = `http://localhost/callback?${STATE_PARAM}=nonce-1&status=success`;
  return { backend, url, checks: () => checks };
}

/** A callback page whose parent keeps the result in state, with callbacks written inline. */
function CallbackPage({ url, navigated }: { url: string; navigated: string[] }) {
  const [result, setResult] = useState<ConnectCallbackResult | null>(null);
  return (
    <>
      <p>Saved: {result?.status ?? 'nothing'}</p>
      <ConnectCallback
        url={url}
        onResult={(r) => setResult(r)}
        navigate={(path) => {
          navigated.push(path);
        }}
      />
    </>
  );
}

/** Renders the callback page for a redirect that connects; resolves with where it sent the user. */
async function finishRedirect(backend: ConnectBackend, url: string): Promise<string[]> {
  const navigated: string[] = [];
  render(
    <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
      <CallbackPage url={url} navigated={navigated} />
    </ConnectProvider>,
  );
  await screen.findByText('Saved: connected');
  return navigated;
}

describe('<ConnectCallback>', () => {
  it('checks a redirect once, even when inline callbacks re-render its parent', async () => {
    const { backend, url, checks } = await redirectAttempt();
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const navigated = await finishRedirect(backend, url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('status').textContent).toBe('Connected');
    expect(screen.getByRole('link', { name: 'Return to the app' }).getAttribute('href')).toBe('/settings');
    expect(navigated).toEqual(['/settings']);
    expect(checks()).toBe(1);
    expect(close).not.toHaveBeenCalled();
  });

  it('sends the user back only to a same-origin path, whatever storage held', async () => {
    const { backend, url } = await redirectAttempt('ACTIVE', '/a/..//evil.example/steal');
    const navigated = await finishRedirect(backend, url);
    expect(navigated).toEqual(['/']);
    expect(screen.getByRole('link', { name: 'Return to the app' }).getAttribute('href')).toBe('/');
  });

  it('opened directly, says there is nothing to finish and stays open', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    render(
      <ConnectProvider backend={createSandbox().backend} queryClient={createConnectQueryClient()}>
        <ConnectCallback url="http://localhost/callback" />
      </ConnectProvider>,
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        "There's no connection to finish here. Go back to the app and start again.",
      ),
    );
    expect(screen.getByRole('link', { name: 'Return to the app' }).getAttribute('href')).toBe('/');
    expect(close).not.toHaveBeenCalled();
  });

  it('in a popup, relays the answer and leaves "connected" to the app, which asks the backend', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    render(
      <ConnectProvider backend={createSandbox().backend} queryClient={createConnectQueryClient()}>
        <ConnectCallback url={`http://localhost/callback?${STATE_PARAM}=nonce-9&status=success`} />
      </ConnectProvider>,
    );
    await waitFor(() => expect(close).toHaveBeenCalled());
    const said = screen.getByRole('status').textContent ?? '';
    expect(said).toBe('You can close this window. The app is finishing the connection.');
    expect(said).not.toMatch(/Done|Connected/);
  });

  it('says when the link expired', async () => {
    const { backend, url } = await redirectAttempt('EXPIRED');
    render(
      <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
        <ConnectCallback url={url} navigate={() => {}} />
      </ConnectProvider>,
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('That link expired. Start again.'),
    );
  });
});
