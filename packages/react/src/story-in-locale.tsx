// For stories only (not exported by the package): renders its children under the story's own
// ConnectProvider again, with a locale's messages, as an app passes them to its provider.
import type { ReactNode } from 'react';
import { ConnectProvider, useConnectContext } from './ConnectProvider';
import type { Messages } from './messages';

export function InLocale({ messages, children }: { messages: Messages; children: ReactNode }) {
  const { backend, queryClient, callbackUrl } = useConnectContext();
  return (
    <ConnectProvider
      backend={backend}
      queryClient={queryClient}
      callbackUrl={callbackUrl}
      messages={messages}
    >
      {children}
    </ConnectProvider>
  );
}
