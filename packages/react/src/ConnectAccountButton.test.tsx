import type { ConnectBackend, ConnectEnvironment, PopupHandle } from '@plugboard/core';
import { createSandbox } from '@plugboard/sandbox';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectAccountButton } from './ConnectAccountButton';
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
  const popups: Array<PopupHandle & { closed: boolean }> = [];
  const environment: Partial<ConnectEnvironment> = {
    openPopup: () => {
      const popup = {
        closed: false,
        navigate: vi.fn(),
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
      (await screen.findByRole('button', { name: 'Waiting for the provider…' })).getAttribute('aria-busy'),
    ).toBe('true');
    expect(signals).toHaveLength(1);
    expect(popups).toHaveLength(1);
  });

  it('aborts the request and updates nothing when unmounted mid-flow', async () => {
    const { sandbox, backend, signals } = sandboxBackend();
    // Short enough that a request left running, or a timer left set, would answer within the wait below.
    sandbox.control.setLatency(30, 'createLinkSession');
    const { environment, popups } = popupEnvironment();
    const onStateChange = vi.fn();
    const errors = vi.spyOn(console, 'error');
    const view = render(
      <ConnectProvider backend={backend}>
        <ConnectAccountButton
          authConfigId="ac_github"
          mode="popup"
          environment={environment}
          onStateChange={onStateChange}
        >
          Connect GitHub
        </ConnectAccountButton>
      </ConnectProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    expect(screen.getByRole('button', { name: 'Connecting…' })).toBeDefined();
    const calls = onStateChange.mock.calls.length;
    view.unmount();
    expect(signals[0]?.aborted).toBe(true);
    expect(popups[0]?.closed).toBe(true);
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    expect(onStateChange.mock.calls.length).toBe(calls);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('calls the user onClick first and lets it opt out with preventDefault', async () => {
    const { backend, signals } = sandboxBackend();
    const { environment } = popupEnvironment();
    render(
      <ConnectProvider backend={backend}>
        <ConnectAccountButton
          authConfigId="ac_github"
          mode="popup"
          environment={environment}
          onClick={(event) => event.preventDefault()}
        >
          Connect GitHub
        </ConnectAccountButton>
      </ConnectProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect GitHub' }).getAttribute('data-state')).toBe('idle'),
    );
    expect(signals).toHaveLength(0);
  });
});
