// app/settings/integrations/connections.tsx
'use client';
import { ApiKeyConnectForm, accountActions, ConnectAccountButton } from '@plugboard/react';
import { PlugboardProvider } from '../../plugboard-provider';

// A client component: `accountActions` (the button knows the account it stands for, so after a
// reload it reads "GitHub connected" and offers Disconnect) cannot cross from a server component.
export function Connections() {
  return (
    <PlugboardProvider>
      <ConnectAccountButton
        authConfigId="ac_github"
        appName="GitHub"
        accountActions={accountActions}
        mode="auto"
      >
        Connect GitHub
      </ConnectAccountButton>
      <ApiKeyConnectForm authConfigId="ac_zendesk" appName="Zendesk" />
    </PlugboardProvider>
  );
}
