// app/settings/integrations/connections.tsx
'use client';
import { createHttpBackend } from '@plugboard/core';
import { ApiKeyConnectForm, ConnectAccountButton, ConnectProvider } from '@plugboard/react';
import '@plugboard/react/styles.css';

const backend = createHttpBackend({ baseUrl: '/api/connect' });

export function Connections() {
  return (
    <ConnectProvider backend={backend}>
      <ConnectAccountButton authConfigId="ac_github" mode="auto">
        Connect GitHub
      </ConnectAccountButton>
      <ApiKeyConnectForm authConfigId="ac_zendesk" />
    </ConnectProvider>
  );
}
