import { ConnectCallback } from '@plugboard/react';
import { backend, CALLBACK_URL } from './app-backend';
import { mountFixture } from './fixture-page';

mountFixture(
  <main>
    <h1>Connecting your account</h1>
    <ConnectCallback />
  </main>,
  { backend, callbackUrl: CALLBACK_URL },
);
