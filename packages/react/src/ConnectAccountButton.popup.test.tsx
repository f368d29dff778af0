import type { ConnectEnvironment, PopupPlaceholder } from '@plugboard/core';
import { openPopupPlaceholder } from '@plugboard/core/internal';
import { createSandbox } from '@plugboard/sandbox';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectAccountButton } from './ConnectAccountButton';
import { ConnectProvider, createConnectQueryClient } from './ConnectProvider';
import { de } from './locales/de';
import type { Messages } from './messages';

/**
 * The popup's own page, drawn by core's real `openPopupPlaceholder` into a document of its own
 * (happy-dom opens no second window), from this page: its theme is this page's root.
 */
function placeholderWindow() {
  const doc = document.implementation.createHTMLDocument('');
  const win = { document: doc, closed: false, location: { replace: () => {} }, close: () => {} };
  win.close = () => {
    win.closed = true;
  };
  const environment: Partial<ConnectEnvironment> = {
    openPopup: (placeholder) =>
      openPopupPlaceholder(
        {
          screenX: 0,
          screenY: 0,
          outerWidth: 1280,
          outerHeight: 800,
          document,
          getComputedStyle: (element) => window.getComputedStyle(element),
          open: () => win as unknown as Window,
        },
        placeholder,
      ),
  };
  const status = () => doc.querySelector('[role="status"]')?.textContent;
  const button = (name: string) => [...doc.querySelectorAll('button')].find((b) => b.textContent === name);
  return { doc, win, environment, status, button };
}

function connectButton(
  environment: Partial<ConnectEnvironment>,
  messages?: Messages,
  popup?: PopupPlaceholder,
) {
  const sandbox = createSandbox();
  // Slow enough that the placeholder is still up when the test reads it.
  sandbox.control.setLatency(60_000, 'createLinkSession');
  render(
    <ConnectProvider backend={sandbox.backend} queryClient={createConnectQueryClient()} messages={messages}>
      <ConnectAccountButton
        authConfigId="ac_github"
        appName="GitHub"
        mode="popup"
        environment={environment}
        popup={popup}
      >
        Connect GitHub
      </ConnectAccountButton>
    </ConnectProvider>,
  );
}

describe("the popup's placeholder page", () => {
  it('names the app, follows its dark theme, and its Cancel link cancels the connection', async () => {
    document.documentElement.dataset.theme = 'dark';
    document.documentElement.style.setProperty('--plugboard-color-surface', '#0f172a');
    try {
      const popup = placeholderWindow();
      connectButton(popup.environment);
      await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
      expect(popup.status()).toBe('Connecting to GitHub…');
      expect(popup.doc.title).toBe('Connecting to GitHub…');
      expect(popup.doc.documentElement.style.colorScheme).toBe('dark');
      expect(popup.doc.body.style.background).toMatch(/#0f172a|rgb\(15, 23, 42\)/);
      popup.button('Cancel')?.click();
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe('The connection was cancelled.'),
      );
      expect(popup.win.closed).toBe(true);
    } finally {
      delete document.documentElement.dataset.theme;
      document.documentElement.style.removeProperty('--plugboard-color-surface');
    }
  });

  it("speaks the provider's locale", async () => {
    const popup = placeholderWindow();
    connectButton(popup.environment, de);
    await userEvent.click(screen.getByRole('button', { name: 'Connect GitHub' }));
    expect(popup.status()).toBe('Verbindung mit GitHub wird hergestellt…');
    expect(popup.button('Abbrechen')).toBeDefined();
    expect(popup.doc.documentElement.style.colorScheme).toBe('light');
  });

  it('takes the app’s own popup options over the kit’s, and leaves the button element alone', async () => {
    const opened: PopupPlaceholder[] = [];
    const popup = placeholderWindow();
    const environment: Partial<ConnectEnvironment> = {
      openPopup: (placeholder) => {
        opened.push(placeholder);
        return popup.environment.openPopup?.(placeholder) ?? null;
      },
    };
    connectButton(environment, undefined, { width: 640, text: 'Opening GitHub…' });
    const button = screen.getByRole('button', { name: 'Connect GitHub' });
    await userEvent.click(button);
    expect(opened[0]).toMatchObject({ width: 640, text: 'Opening GitHub…', cancelText: 'Cancel' });
    expect(popup.status()).toBe('Opening GitHub…');
    expect(button.hasAttribute('popup')).toBe(false);
  });
});
