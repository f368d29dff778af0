import { createHttpBackend } from '@plugboard/core';
import { ApiKeyConnectForm, accountActions, ConnectAccountButton, ConnectProvider } from '@plugboard/react';
import '@plugboard/react/styles.css';

const backend = createHttpBackend({ baseUrl: '/api/connect' }); // your server's route, not Composio

export const Integrations = () => (
  <ConnectProvider backend={backend}>
    {/* accountActions: after a reload it reads "GitHub connected" and offers Disconnect */}
    <ConnectAccountButton authConfigId="ac_github" appName="GitHub" accountActions={accountActions}>
      Connect GitHub
    </ConnectAccountButton>
    <ApiKeyConnectForm
      authConfigId="ac_zendesk"
      appName="Zendesk"
      onSuccess={(account) => console.log(account.id)}
    />
  </ConnectProvider>
);
