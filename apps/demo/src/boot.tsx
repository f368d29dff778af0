import { createHttpBackend } from '@plugboard/core';
import { createConnectQueryClient } from '@plugboard/react';
import '@plugboard/react/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CallbackPage } from './CallbackPage';
import './demo.css';
import { applyTheme, initialTheme } from './theme';

/** Where the provider returns; the kit's default callback URL is the same path on this origin. */
export const CALLBACK_PATH = '/connect/callback';

/**
 * Starts the demo in `container`: the callback page on `/connect/callback`, the Integrations page
 * anywhere else. The browser talks only to this app's own server (`/api/connect`), never to the
 * sandbox or Composio, and holds no key.
 */
export function bootDemo(container: HTMLElement): void {
  const { location } = window;
  // Before the first paint, so a dark-theme visitor never sees a light flash.
  applyTheme(initialTheme());
  const backend = createHttpBackend({ baseUrl: `${location.origin}/api/connect` });
  const isCallback = location.pathname === CALLBACK_PATH || location.pathname === `${CALLBACK_PATH}/`;
  createRoot(container).render(
    <StrictMode>
      {isCallback ? (
        <CallbackPage backend={backend} />
      ) : (
        <App backend={backend} queryClient={createConnectQueryClient()} />
      )}
    </StrictMode>,
  );
}
