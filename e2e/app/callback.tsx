import { ConnectCallback, ConnectProvider } from '../../packages/react/src/index';
import '../../packages/react/src/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { backend, CALLBACK_URL } from './app-backend';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConnectProvider backend={backend} callbackUrl={CALLBACK_URL}>
        <main>
          <h1>Connecting your account</h1>
          <ConnectCallback />
        </main>
      </ConnectProvider>
    </StrictMode>,
  );
}
