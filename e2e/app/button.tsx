import { type ConnectMode, isConnectError } from '@plugboard/core';
import { ConnectAccountButton } from '@plugboard/react';
import { backend, CALLBACK_URL } from './app-backend';
import { EventLog, mountFixture, useEventLog } from './fixture-page';

// The page is configured by its query:
// ?mode=popup|redirect|auto&authConfigId=ac_github&appName=GitHub&blockPopup=1
const params = new URLSearchParams(location.search);
const mode = (params.get('mode') ?? 'auto') as ConnectMode;
const authConfigId = params.get('authConfigId') ?? 'ac_github';
const appName = params.get('appName') ?? 'GitHub';
if (params.has('blockPopup')) {
  // What a popup blocker does to `window.open`: the page gets null back.
  window.open = () => null;
}

function App() {
  const [events, log] = useEventLog();
  return (
    <main>
      <h1>Connect your accounts</h1>
      <ConnectAccountButton
        authConfigId={authConfigId}
        appName={appName}
        mode={mode}
        onSuccess={({ connectedAccountId }) => log(`success ${connectedAccountId}`)}
        onError={(error) => log(`error ${isConnectError(error) ? error.kind : 'unknown'}`)}
      >
        Connect {appName}
      </ConnectAccountButton>
      <EventLog events={events} />
    </main>
  );
}

mountFixture(<App />, { backend, callbackUrl: CALLBACK_URL });
