import { formatMessage } from '@plugboard/core/internal';
import { Slot } from 'radix-ui';
import { composeEventHandlers, useComposedRefs } from 'radix-ui/internal';
import { type ComponentPropsWithoutRef, forwardRef, useRef } from 'react';
import { needsReconnect } from './account-status';
import { useAccountRow, useListSettings } from './ConnectedAccountListContext';
import { cx } from './class-names';
import { DisconnectDialog } from './DisconnectDialog';
import { APP_STATUS_MESSAGE, STATUS_MESSAGE } from './messages-connect';
import { useDisconnect, useSetAccountEnabled } from './useAccountMutations';
import { popupPlaceholderIn, useConnectAccount } from './useConnectAccount';

export interface AccountActionProps extends ComponentPropsWithoutRef<'button'> {
  asChild?: boolean | undefined;
}

/** A row's action button: a `<button>` (or your element, `asChild`) with the kit's class unless `unstyled`. */
const ActionButton = forwardRef<HTMLButtonElement, AccountActionProps & { unstyled: boolean }>(
  function ActionButton({ asChild = false, unstyled, className, ...props }, ref) {
    const Component = asChild ? Slot.Root : 'button';
    return (
      <Component
        {...(asChild ? {} : { type: 'button' as const })}
        {...props}
        ref={ref}
        className={cx(unstyled ? undefined : 'plugboard-accounts__action', className)}
      />
    );
  },
);

/**
 * Disconnects the row's account: a connected or disabled one after a confirm dialog; an attempt
 * that failed, expired or is still open is removed at once ("Remove"). Focus goes to the list.
 */
export const Disconnect = forwardRef<HTMLButtonElement, AccountActionProps>(
  function ConnectedAccountListDisconnect({ asChild = false, className, children, onClick, ...props }, ref) {
    const { account, state, name } = useAccountRow('Disconnect');
    const { messages, unstyled, perform, focusList } = useListSettings('Disconnect');
    const disconnect = useDisconnect();
    const asks = state === 'connected' || state === 'disabled';
    const run = () =>
      perform(
        account,
        () => disconnect.mutateAsync(account.id),
        formatMessage(asks ? messages.accountDisconnected : messages.accountRemoved, { app: name }),
      );
    const button = (
      <ActionButton
        {...props}
        ref={ref}
        asChild={asChild}
        unstyled={unstyled}
        className={className}
        data-action="disconnect"
        aria-label={formatMessage(asks ? messages.accountDisconnectLabel : messages.accountRemoveLabel, {
          app: name,
        })}
        onClick={composeEventHandlers(onClick, () => {
          if (asks) return;
          run();
          focusList()?.focus();
        })}
      >
        {children ?? (asks ? messages.accountDisconnect : messages.accountRemove)}
      </ActionButton>
    );
    if (!asks) return button;
    return (
      <DisconnectDialog
        trigger={button}
        appName={name}
        messages={messages}
        unstyled={unstyled}
        onConfirm={run}
        focusAfterConfirm={focusList}
      />
    );
  },
);

/** Disables a connected account, or enables a disabled one, without deleting it. */
export const EnabledToggle = forwardRef<HTMLButtonElement, AccountActionProps>(
  function ConnectedAccountListEnabledToggle(
    { asChild = false, className, children, onClick, ...props },
    ref,
  ) {
    const { account, state, name } = useAccountRow('EnabledToggle');
    const { messages, unstyled, perform } = useListSettings('EnabledToggle');
    const setEnabled = useSetAccountEnabled();
    if (state !== 'connected' && state !== 'disabled') return null;
    const enable = state === 'disabled';
    return (
      <ActionButton
        {...props}
        ref={ref}
        asChild={asChild}
        unstyled={unstyled}
        className={className}
        data-action={enable ? 'enable' : 'disable'}
        aria-label={formatMessage(enable ? messages.accountEnableLabel : messages.accountDisableLabel, {
          app: name,
        })}
        onClick={composeEventHandlers(onClick, () => {
          perform(
            account,
            () => setEnabled.mutateAsync({ id: account.id, enabled: enable }),
            formatMessage(enable ? messages.accountEnabled : messages.accountDisabled, { app: name }),
          );
        })}
      >
        {children ?? (enable ? messages.accountEnable : messages.accountDisable)}
      </ActionButton>
    );
  },
);

/**
 * Connects the row's app again when its account failed or expired: a new link session, and once
 * the new account is ACTIVE the old one is deleted, so the user keeps one account.
 */
export const Reconnect = forwardRef<HTMLButtonElement, AccountActionProps>(
  function ConnectedAccountListReconnect(props, ref) {
    const { state } = useAccountRow('Reconnect');
    if (!needsReconnect(state)) return null;
    return <ReconnectButton {...props} ref={ref} />;
  },
);

/**
 * Only rows that need it mount a connect flow. When its window reads closed without an answer
 * (closed by the user, or cut off by the provider's COOP) the row offers Open again and Cancel,
 * as `<ConnectAccountButton>` does, instead of waiting for the link to expire.
 */
const ReconnectButton = forwardRef<HTMLButtonElement, AccountActionProps>(function ReconnectButton(
  { asChild = false, className, children, onClick, ...props },
  ref,
) {
  const { account, name } = useAccountRow('Reconnect');
  const { messages, unstyled, announce, reportError, mode, environment } = useListSettings('Reconnect');
  const disconnect = useDisconnect();
  const ownRef = useRef<HTMLButtonElement | null>(null);
  const composedRef = useComposedRefs(ref, ownRef);
  const connect = useConnectAccount({
    authConfigId: account.auth_config.id,
    mode,
    environment,
    popup: popupPlaceholderIn(messages, name),
    onSuccess: ({ connectedAccountId }) => {
      announce(formatMessage(messages.accountReconnected, { app: name }));
      if (connectedAccountId !== account.id) disconnect.mutate(account.id);
    },
    onError: (error) => reportError(error, account),
  });
  const statusKey = STATUS_MESSAGE[connect.status];
  // "Waiting for GitHub…" while its window is open: the row knows the app's name.
  const appKey = APP_STATUS_MESSAGE[connect.status];
  const windowClosed = connect.status === 'awaiting_user' && connect.popupClosed;
  const fill = (template: string) => formatMessage(template, { app: name });
  return (
    <>
      <ActionButton
        {...props}
        ref={composedRef}
        asChild={asChild}
        unstyled={unstyled}
        className={className}
        data-action="reconnect"
        data-state={connect.status}
        aria-busy={connect.isBusy || undefined}
        aria-disabled={connect.isBusy || undefined}
        aria-label={connect.isBusy ? undefined : fill(messages.accountReconnectLabel)}
        onClick={composeEventHandlers(onClick, () => {
          if (connect.isBusy) return;
          announce('');
          connect.start();
        })}
      >
        {children ??
          (connect.isBusy && appKey
            ? fill(messages[appKey])
            : connect.isBusy && statusKey
              ? messages[statusKey]
              : messages.accountReconnect)}
      </ActionButton>
      {windowClosed ? (
        <>
          <ActionButton
            unstyled={unstyled}
            data-action="reconnect-open-again"
            aria-label={fill(messages.accountReconnectOpenAgainLabel)}
            // Inside the click: the same link opens in a window the browser lets through.
            onClick={() => connect.reopen()}
          >
            {messages.accountReconnectOpenAgain}
          </ActionButton>
          <ActionButton
            unstyled={unstyled}
            data-action="reconnect-cancel"
            aria-label={fill(messages.accountReconnectCancelLabel)}
            onClick={() => {
              connect.cancel();
              ownRef.current?.focus();
            }}
          >
            {messages.accountReconnectCancel}
          </ActionButton>
        </>
      ) : null}
    </>
  );
});
