import type { ConnectBackend, ConnectMode } from '@plugboard/core';
import { ConnectProvider } from '@plugboard/react';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { IntegrationsPage } from './IntegrationsPage';
import { initialMode, rememberMode } from './mode';
import { applyTheme, initialTheme, type Theme } from './theme';

export interface AppProps {
  backend: ConnectBackend;
  queryClient: QueryClient;
}

/** The demo app: the kit's provider and the demo's own queries share one QueryClient. */
export function App({ backend, queryClient }: AppProps) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [mode, setMode] = useState<ConnectMode>(initialMode);
  return (
    <QueryClientProvider client={queryClient}>
      <ConnectProvider backend={backend} queryClient={queryClient}>
        <IntegrationsPage
          theme={theme}
          onThemeChange={(next) => {
            applyTheme(next);
            setTheme(next);
          }}
          mode={mode}
          onModeChange={(next) => {
            rememberMode(next);
            setMode(next);
          }}
        />
      </ConnectProvider>
    </QueryClientProvider>
  );
}
