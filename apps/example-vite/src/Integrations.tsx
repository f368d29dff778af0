import { createHttpBackend } from '@plugboard/core';
import { ApiKeyConnectForm, ConnectAccountButton, ConnectProvider } from '@plugboard/react';
import '@plugboard/react/styles.css';

const backend = createHttpBackend({ baseUrl: '/api/connect' }); // your server's route, not Composio

export const Integrations = () => (
  <ConnectProvider backend={backend}>
    <ConnectAccountButton authConfigId="ac_github">Connect GitHub</ConnectAccountButton>
    <ApiKeyConnectForm authConfigId="ac_zendesk" onSuccess={(account) => console.log(account.id)} />
  </ConnectProvider>
);
