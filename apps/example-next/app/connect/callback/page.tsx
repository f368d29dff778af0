// app/connect/callback/page.tsx
'use client';
import { createHttpBackend } from '@plugboard/core';
import { ConnectCallback, ConnectProvider } from '@plugboard/react';

const backend = createHttpBackend({ baseUrl: '/api/connect' });

export default function ConnectCallbackPage() {
  return (
    <ConnectProvider backend={backend}>
      <ConnectCallback />
    </ConnectProvider>
  );
}
