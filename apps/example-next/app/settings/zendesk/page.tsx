// app/settings/zendesk/page.tsx — a server component (no 'use client'): the form's parts by their
// top-level names, which cross the client boundary (`ApiKeyConnectForm.Root` would be undefined here).
import {
  ApiKeyConnectFormError,
  ApiKeyConnectFormFields,
  ApiKeyConnectFormRoot,
  ApiKeyConnectFormSubmit,
} from '@plugboard/react';
import { PlugboardProvider } from '../../plugboard-provider';

export default function ZendeskPage() {
  return (
    <main>
      <h1>Zendesk</h1>
      <PlugboardProvider>
        <ApiKeyConnectFormRoot authConfigId="ac_zendesk" appName="Zendesk">
          <ApiKeyConnectFormError />
          <ApiKeyConnectFormFields />
          <ApiKeyConnectFormSubmit>Connect Zendesk</ApiKeyConnectFormSubmit>
        </ApiKeyConnectFormRoot>
      </PlugboardProvider>
    </main>
  );
}
