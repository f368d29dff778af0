import { formatMessage } from '@plugboard/core/internal';
import { VisuallyHidden } from 'radix-ui';
import { type RefObject, useMemo, useState } from 'react';
import { useConnectContext } from './ConnectProvider';
import { DisconnectDialog } from './DisconnectDialog';
import { describeError } from './error-message';
import { defaultAccountMessages } from './messages-accounts';
import { defaultSharedMessages } from './messages-shared';
import type { AccountAwareConnect } from './useAccountAwareConnect';
import { useDisconnect } from './useAccountMutations';

export interface ConnectAccountButtonDisconnectProps {
  connect: AccountAwareConnect;
  /** The connect button: focus goes back to it once the account is gone. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  unstyled: boolean;
}

/** The Disconnect beside a connected `<ConnectAccountButton>`, asked in a dialog. */
export function ConnectAccountButtonDisconnect({
  connect,
  buttonRef,
  unstyled,
}: ConnectAccountButtonDisconnectProps) {
  const { messages: overrides, errorMessages } = useConnectContext();
  const messages = useMemo(
    () => ({ ...defaultSharedMessages, ...defaultAccountMessages, ...overrides }),
    [overrides],
  );
  const disconnect = useDisconnect();
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // Said once the backend agrees; the region stays mounted while the account (and the dialog) goes.
  const [said, setSaid] = useState('');
  const { account, appName } = connect;
  const showsDialog = connect.canDisconnect && account !== undefined;
  return (
    <>
      {showsDialog ? (
        <DisconnectDialog
          appName={appName}
          messages={messages}
          unstyled={unstyled}
          focusAfterConfirm={() => buttonRef.current}
          onConfirm={() => {
            setFailure(undefined);
            setSaid('');
            disconnect.mutate(account.id, {
              onSuccess: () => setSaid(formatMessage(messages.accountDisconnected, { app: appName })),
              onError: (error) =>
                setFailure(
                  formatMessage(messages.accountActionFailed, {
                    app: appName,
                    reason: describeError(error, { messages, appName, errorMessages }),
                  }),
                ),
            });
          }}
          trigger={
            <button
              type="button"
              className={unstyled ? undefined : 'plugboard-connect__disconnect'}
              aria-label={formatMessage(messages.accountDisconnectLabel, { app: appName })}
            >
              {messages.accountDisconnect}
            </button>
          }
        />
      ) : null}
      {/* Out of the flow (absolutely positioned), so the button's layout has no gap for it. */}
      <VisuallyHidden.Root role="status">{said}</VisuallyHidden.Root>
      {failure ? (
        <span role="alert" className={unstyled ? undefined : 'plugboard-connect__error'}>
          {failure}
        </span>
      ) : null}
    </>
  );
}
