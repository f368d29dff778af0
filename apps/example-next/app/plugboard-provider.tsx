// app/plugboard-provider.tsx
'use client';
import { createHttpBackend } from '@plugboard/core';
import { ConnectProvider } from '@plugboard/react';
import type { ReactNode } from 'react';

// The backend is made in the browser: a server component cannot pass it as a prop.
const backend = createHttpBackend({ baseUrl: '/api/connect' });

export function PlugboardProvider({ children }: { children: ReactNode }) {
  return <ConnectProvider backend={backend}>{children}</ConnectProvider>;
}
