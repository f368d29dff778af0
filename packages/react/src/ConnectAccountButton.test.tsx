import {
  type ConnectBackend,
  type ConnectEnvironment,
  notifyConnectOpener,
  type PopupHandle,
  savePendingAttempt,
} from '@plugboard/core';
import { createSandbox } from '@plugboard/sandbox';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectAccountButton, type ConnectAccountButtonProps } from './ConnectAccountButton';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';

/** The in-process sandbox, counting link sessions, with the user bound as a server proxy would. */
function sandboxBackend() {
  const sandbox = createSandbox();
  const signals: Array<AbortSignal | undefined> = [];
  const backend: ConnectBackend = {
    ...sandbox.backend,
    createLinkSession: (input, options) => {
      signals.push(options?.signal);
      return sandbox.backend.createLinkSession({ ...input, user_id: 'test-user' }, options);
    },
  };
  return { sandbox, backend, signals };
}

function popupEnvironment() {
  const popups: Array<PopupHandle & { closed: boolean; url?: string; focus: () => void }> = [];
  const environment: Partial<ConnectEnvironment> = {
    openPopup: () => {
      const popup = {
        closed: false,
        url: undefined as string | undefined,
        navigate: vi.fn((url: string) => {
          popup.url = url;
        }),
        focus: vi.fn(),
        close: () => {
          popup.closed = true;
        },
      };
      popups.push(popup);
      return popup;
    },
  };
  return { environment, popups };
}

/** What a screen reader reads after an element's name: the text of its `aria-describedby` targets. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

/** "Connect GitHub" on `ac_github` in a provider of its own, with `props` over it. */
function renderGitHubButton(backend: ConnectBackend, props: Partial<ConnectAccountButtonProps> = {}) {
  return render(
    <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
      <ConnectAccountButton authConfigId="ac_github" {...props}>
        Connect GitHub
      </ConnectAccountButton>
    </ConnectProvider>,
  );
}

describe('<ConnectAccountButton>', () => {
  it('makes one link session for a double click, under StrictMode', async () => {
    const { backend, signals } = sandboxBackend();
    const { environment, popups } = popupEnvironment();
    render(
      <StrictMode>
        <ConnectProvider backend={backend} queryClient={createConnectQueryClient()}>
          <ConnectAccountButton authConfigId="ac_github" mode="popup" environment={environment}>
            Connect GitHub
          </ConnectAccountButton>
        </ConnectProvider>
      </StrictMode>,
    );
    const user = userEvent.setup();
    await user.dblClick(screen.getByRole('button', { name: 'Connect GitHub' }));
    expect(
      (await screen.findByRole('button', { name: 'Waiting for you to finish…' })).getAttribute('aria-busy'),
    ).toBe('true');
    expect(signals).toHaveLength(1);
    expect(popups).toHaveLength(1);
  });

  it('says each state once: the label reads it, the description only adds the next step', async () => {
    const { sandbox, backend } = sandboxBackend();
    const { environment } = popupEnvironment();
    renderGitHubButton(backend, { appName: 'GitHub', mode: 'popup', environment });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    const waiting = await screen.findByRole('button', { name: 'Waiting for GitHub…' });
    expect(description(waiting)).toBe('Finish in the window that opened.');
    // The state is still announced by the status region, once.
    expect(screen.getByRole('status').textContent).toBe(
      'Waiting for GitHub… Finish in the window that opened.',
    );
    const link = sandbox.snapshot().links[0];
    if (!link) throw new Error('no link session');
    await act(() => sandbox.completeLink(link.token, { allow: true }));
    const connected = await screen.findByRole('button', { name: 'GitHub connected' }, { timeout: 5000 });
    expect(description(connected)).toBe('');
    expect(screen.getByRole('status').textContent).toBe('GitHub connected');
    expect(screen.getAllByText('GitHub connected')).toHaveLength(2); // the label, and the hidden announcement
  });

  it('back from a redirect, focuses the button once its outcome is known, so it is read out', async () => {
    const { sandbox, backend } = sandboxBackend();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_github',
      user_id: 'test-user',
    });
    sandbox.control.setStatusSequence(['ACTIVE'], { accountId: link.connected_account_id });
    // The attempt the page saved before it left for the provider; the callback route never ran.
    savePendingAttempt(sessionStorage, {
      authConfigId: 'ac_github',
      connectedAccountId: link.connected_account_id,
      state: 'nonce-r',
      returnPath: '/',
      expiresAt: Date.now() + 60_000,
    });
    try {
      renderGitHubButton(backend, { appName: 'GitHub', mode: 'redirect' });
      const connected = await screen.findByRole('button', { name: 'GitHub connected' });
      await waitFor(() => expect(document.activeElement).toBe(connected));
    } finally {
      sessionStorage.clear();
    }
  });

  it('does not take focus when the page merely loads', async () => {
    const { backend } = sandboxBackend();
    renderGitHubButton(backend, { mode: 'redirect' });
    await screen.findByRole('button', { name: 'Connect GitHub' });
    expect(document.activeElement).toBe(document.body);
  });

  it('aborts the request and updates nothing when unmounted mid-flow', async () => {
    const { sandbox, backend, signals } = sandboxBackend();
    // Long enough to still be in flight at the unmount on a loaded machine; short enough that a
    // request left running, or a timer left set, would answer within the wait below.
    sandbox.control.setLatency(250, 'createLinkSession');
    const { environment, popups } = popupEnvironment();
    const onStateChange = vi.fn();
    const errors = vi.spyOn(console, 'error');
    const view = renderGitHubButton(backend, { mode: 'popup', environment, onStateChange });
    await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    expect(screen.getByRole('button', { name: 'Connecting…' })).toBeDefined();
    const calls = onStateChange.mock.calls.length;
    view.unmount();
    expect(signals[0]?.aborted).toBe(true);
    expect(popups[0]?.closed).toBe(true);
    await act(() => new Promise((resolve) => setTimeout(resolve, 900)));
    expect(onStateChange.mock.calls.length).toBe(calls);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('calls the user onClick first and lets it opt out with preventDefault', async () => {
    const { backend, signals } = sandboxBackend();
    const { environment } = popupEnvironment();
    renderGitHubButton(backend, { mode: 'popup', environment, onClick: (event) => event.preventDefault() });
    await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect GitHub' }).getAttribute('data-state')).toBe('idle'),
    );
    expect(signals).toHaveLength(0);
  });

  describe('when the window reads closed without an answer (closed, or severed by COOP)', () => {
    function renderWaiting() {
      const { sandbox, backend, signals } = sandboxBackend();
      const { environment, popups } = popupEnvironment();
      const onSuccess = vi.fn();
      renderGitHubButton(backend, { appName: 'GitHub', mode: 'popup', environment, onSuccess });
      return { sandbox, signals, popups, onSuccess };
    }

    async function closeTheWindow(popups: ReturnType<typeof popupEnvironment>['popups']) {
      await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
      await waitFor(() => expect(popups[0]?.url).toBeDefined());
      const popup = popups[0];
      if (popup) popup.closed = true;
      await screen.findByRole('button', { name: 'Open again' }, { timeout: 2000 });
    }

    it('says where to finish, never that it was cancelled, with Open again and Cancel', async () => {
      const { popups } = renderWaiting();
      await closeTheWindow(popups);
      const status = screen.getByRole('status');
      expect(status.textContent).toContain('Finish connecting in the GitHub window.');
      expect(status.textContent).not.toMatch(/cancel/i);
      expect(screen.getByRole('button', { name: 'Cancel' })).toBeDefined();
      expect(screen.getByRole('button', { name: 'Waiting for GitHub…' }).getAttribute('data-state')).toBe(
        'awaiting_user',
      );
    });

    it('Open again and the button itself reopen the same link, never a second link session', async () => {
      const { popups, signals } = renderWaiting();
      await closeTheWindow(popups);
      await userEvent.click(screen.getByRole('button', { name: 'Open again' }));
      expect(popups).toHaveLength(2);
      expect(popups[1]?.url).toBe(popups[0]?.url);
      expect(screen.queryByRole('button', { name: 'Open again' })).toBeNull();
      // The window is open again: pressing the main button focuses it.
      await userEvent.click(screen.getByRole('button', { name: 'Waiting for GitHub…' }));
      expect(popups[1]?.focus).toHaveBeenCalledOnce();
      expect(popups).toHaveLength(2);
      expect(signals).toHaveLength(1);
    });

    it('Cancel ends it cancelled and keeps focus on the connect button', async () => {
      const { popups } = renderWaiting();
      await closeTheWindow(popups);
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toContain('The connection was cancelled.'),
      );
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect GitHub' }));
    });

    it('connects when the callback arrives later over the BroadcastChannel (COOP)', async () => {
      const { sandbox, popups, onSuccess } = renderWaiting();
      await closeTheWindow(popups);
      // The user allows in the severed window; its callback page reaches the app by the channel only.
      const token = new URL(popups[0]?.url ?? '').pathname.split('/').pop() ?? '';
      const { location } = await sandbox.completeLink(token, { allow: true });
      const severed = { opener: null, location: { origin: new URL(location).origin } };
      expect(notifyConnectOpener(location, { window: severed as unknown as Window })).toBe(true);
      expect(await screen.findByRole('button', { name: 'GitHub connected' })).toBeDefined();
      expect(onSuccess).toHaveBeenCalledOnce();
    });
  });
});
