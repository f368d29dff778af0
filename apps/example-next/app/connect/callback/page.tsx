// app/connect/callback/page.tsx
import { ConnectCallback } from '@plugboard/react';
import { PlugboardProvider } from '../../plugboard-provider';

export default function ConnectCallbackPage() {
  return (
    <PlugboardProvider>
      <ConnectCallback />
    </PlugboardProvider>
  );
}
