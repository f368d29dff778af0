import { isConnectError } from '@plugboard/core';
import { ApiKeyConnectForm } from '@plugboard/react';
import { backend } from './app-backend';
import { EventLog, mountFixture, useEventLog } from './fixture-page';

// Configured by the query: ?authConfigId=ac_zendesk&validate=1
const params = new URLSearchParams(location.search);
const authConfigId = params.get('authConfigId') ?? 'ac_zendesk';
const validateCredentials = params.has('validate');

function App() {
  const [events, log] = useEventLog();
  return (
    <main>
      <h1>Connect Zendesk</h1>
      <ApiKeyConnectForm
        authConfigId={authConfigId}
        validateCredentials={validateCredentials}
        onSuccess={(account) => log(`success ${account.id}`)}
        onError={(error) =>
          log(`error ${isConnectError(error) ? `${error.kind} ${error.status ?? ''}` : 'unknown'}`)
        }
      />
      <EventLog events={events} />
    </main>
  );
}

mountFixture(<App />, { backend });
