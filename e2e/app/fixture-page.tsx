// What every e2e fixture page shares: an event log the specs read by role, and the mount.
import { ConnectProvider, type ConnectProviderProps } from '@plugboard/react';
import { de } from '@plugboard/react/locales/de';
import '@plugboard/react/styles.css';
import { type ReactNode, StrictMode, useCallback, useState, version } from 'react';
import { createRoot } from 'react-dom/client';

/** An append-only list of what the component reported (success ids, error kinds). */
export function useEventLog(): [events: string[], log: (line: string) => void] {
  const [events, setEvents] = useState<string[]>([]);
  const log = useCallback((line: string) => setEvents((previous) => [...previous, line]), []);
  return [events, log];
}

export function EventLog({ events }: { events: string[] }) {
  return (
    <>
      <h2>Events</h2>
      <ul aria-label="Events">
        {events.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={index}>{event}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * Renders `app` in StrictMode inside a provider, on the page's `#root`. `?locale=de` gives the
 * provider the German messages (`@plugboard/react/locales/de`), as an app would.
 */
export function mountFixture(app: ReactNode, provider: Omit<ConnectProviderProps, 'children'>) {
  const root = document.getElementById('root');
  if (!root) return;
  // Which React renders the page (`/react18/…` pages run on 18): the specs check it.
  document.documentElement.dataset.react = version;
  const locale = new URLSearchParams(location.search).get('locale');
  if (locale === 'de') document.documentElement.lang = 'de';
  createRoot(root).render(
    <StrictMode>
      <ConnectProvider {...provider} messages={locale === 'de' ? de : provider.messages}>
        {app}
      </ConnectProvider>
    </StrictMode>,
  );
}
