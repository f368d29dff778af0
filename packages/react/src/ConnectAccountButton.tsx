import { formatMessage } from '@plugboard/core/internal';
import { Slot, VisuallyHidden } from 'radix-ui';
import { composeEventHandlers, useComposedRefs } from 'radix-ui/internal';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
} from 'react';
import type { AccountActions } from './account-actions';
import { useConnectContext } from './ConnectProvider';
import { cx } from './class-names';
import { ErrorDetails } from './ErrorDetails';
import { describeError, reportMisconfiguration } from './error-message';
import { APP_STATUS_MESSAGE, defaultButtonMessages, STATUS_MESSAGE } from './messages-connect';
import type { AccountAwareConnect, AccountAwareOptions } from './useAccountAwareConnect';
import {
  popupPlaceholderIn,
  type UseConnectAccountOptions,
  type UseConnectAccountResult,
  useConnectAccount,
} from './useConnectAccount';

/** Without `accountActions` the button is the connect flow alone. */
const useFlowOnly = (flow: UseConnectAccountResult): UseConnectAccountResult & Partial<AccountAwareConnect> =>
  flow;

export interface ConnectAccountButtonProps
  extends Omit<ComponentPropsWithoutRef<'button'>, 'children' | 'onError'>,
    UseConnectAccountOptions,
    AccountAwareOptions {
  /** Render your own element (a link-styled button, a menu item) with the behaviour merged in. */
  asChild?: boolean | undefined;
  /** Drop the kit's class names; `data-state` stays for your own CSS. */
  unstyled?: boolean | undefined;
  /** The service's name ("GitHub"), for the connected label and the error sentences. */
  appName?: string | undefined;
  /** The label when idle, or a function of the flow's state for full control. */
  children?: ReactNode | ((connect: UseConnectAccountResult & Partial<AccountAwareConnect>) => ReactNode);
  /**
   * `accountActions` (a separate import) makes the button know the account it stands for: an
   * ACTIVE one shows as connected with Disconnect; a failed, expired or disabled one, Reconnect.
   * Pass the same object on every render.
   */
  accountActions?: AccountActions | undefined;
}

/**
 * Connects an OAuth account through a hosted link: a popup opened inside the click (or a
 * full-page redirect), and `connected` only when the backend says the account is ACTIVE.
 * Progress and errors are announced in a live region beside the button.
 *
 * @example
 * <ConnectAccountButton authConfigId="ac_github" onSuccess={({ connectedAccountId }) => save(connectedAccountId)}>
 *   Connect GitHub
 * </ConnectAccountButton>
 */
export const ConnectAccountButton = forwardRef<HTMLButtonElement, ConnectAccountButtonProps>(
  function ConnectAccountButton(props, ref) {
    const {
      authConfigId,
      mode,
      callbackUrl,
      onSuccess,
      onError,
      onStateChange,
      environment,
      popup,
      allowMultiple,
      appName,
      accountActions,
      asChild = false,
      unstyled = false,
      children,
      className,
      onClick,
      ...buttonProps
    } = props;
    const { messages: overrides, errorMessages } = useConnectContext();
    const messages = useMemo(() => ({ ...defaultButtonMessages, ...overrides }), [overrides]);
    // The flow's options as given (the hook reads only its own); the popup's page in the kit's
    // words unless `popup` says otherwise.
    const flow = useConnectAccount({
      ...props,
      popup: { ...popupPlaceholderIn(messages, appName), ...popup },
    });
    // The account this button stands for: connected shows it, failed / expired / disabled reconnects it.
    const useAccount = accountActions?.useConnect ?? useFlowOnly;
    const connect = useAccount(flow, authConfigId, { allowMultiple, appName });
    const detailId = useId();
    const ownRef = useRef<HTMLButtonElement | null>(null);
    const composedRef = useComposedRefs(ref, ownRef);
    const { status, error } = connect;
    // Clicks are ignored but focus stays (aria-disabled, not disabled) while creating, checking and
    // connected. While waiting for the user a click brings the attempt's window back (`start()`
    // reopens it), never a second link session.
    const inert = status === 'creating' || status === 'verifying' || status === 'connected';
    // The window read as closed without a callback: maybe closed, maybe severed by COOP. Wait.
    const waitingForWindow = status === 'awaiting_user' && connect.popupClosed;
    const statusKey = STATUS_MESSAGE[status];
    // With the app's name known, the waiting and connected states say it: "Waiting for GitHub…",
    // "GitHub connected", not the same words on every button.
    const appKey = APP_STATUS_MESSAGE[status];
    const statusText =
      appName && appKey
        ? formatMessage(messages[appKey], { app: appName })
        : statusKey && messages[statusKey];
    const label =
      typeof children === 'function'
        ? children(connect)
        : status === 'idle' || status === 'failed' || status === 'cancelled' || status === 'expired'
          ? (connect.reconnectLabel ?? children ?? messages.connectIdle)
          : statusText;
    const Component = asChild ? Slot.Root : 'button';
    const showError = error !== undefined && (status === 'failed' || status === 'expired');
    // A failure is said by the sentence below, not by "Couldn't connect." above it.
    const stateShown = statusKey !== undefined && status !== 'failed' && status !== 'expired';
    // What the status says beyond the state the label reads: the next step, or the failure.
    const detail =
      status === 'awaiting_user' && connect.mode !== 'redirect' ? (
        waitingForWindow && appName ? (
          formatMessage(messages.waitingForWindow, { app: appName })
        ) : (
          messages.connectAwaitingUserHint
        )
      ) : showError ? (
        <span className={unstyled ? undefined : 'plugboard-connect__error'}>
          {describeError(error, { messages, appName, errorMessages })}
        </span>
      ) : null;
    useEffect(() => {
      if (showError) reportMisconfiguration(error);
    }, [showError, error]);
    // Back from a full-page redirect, the outcome is on the page before anyone focused anything:
    // focus goes to the button once, so a screen reader reads its state and what the description adds.
    // Cleared by the first click or the one focus: later outcomes are the user's own doing.
    const focusOnReturn = useRef(true);
    const redirectOutcome =
      connect.mode === 'redirect' &&
      (status === 'connected' || status === 'failed' || status === 'cancelled' || status === 'expired');
    useEffect(() => {
      if (!redirectOutcome || !focusOnReturn.current) return;
      focusOnReturn.current = false;
      ownRef.current?.focus();
    }, [redirectOutcome]);

    return (
      <div
        className={unstyled ? undefined : 'plugboard-connect'}
        data-state={status}
        data-popup-closed={waitingForWindow || undefined}
      >
        <Component
          {...(asChild ? {} : { type: 'button' as const })}
          {...buttonProps}
          ref={composedRef}
          className={cx(unstyled ? undefined : 'plugboard-connect__button', className)}
          data-state={status}
          aria-busy={connect.isBusy || undefined}
          aria-disabled={inert || buttonProps['aria-disabled'] || undefined}
          // Described by what the label does not say (the hint, the error), never the state it reads.
          aria-describedby={cx(buttonProps['aria-describedby'], detail ? detailId : undefined)}
          // A user's handler runs first and may opt out with `event.preventDefault()`.
          onClick={composeEventHandlers(onClick, () => {
            focusOnReturn.current = false;
            if (inert || buttonProps.disabled) return;
            connect.start();
          })}
        >
          {asChild ? (children as ReactNode) : label}
        </Component>
        <div role="status" className={unstyled ? undefined : 'plugboard-connect__status'}>
          {stateShown ? (
            asChild ? (
              statusText
            ) : (
              // The button's own label reads the state ("Connecting…", "GitHub connected"): said
              // once on screen, still announced.
              <VisuallyHidden.Root>{statusText}</VisuallyHidden.Root>
            )
          ) : null}
          {detail ? (
            <>
              {stateShown ? ' ' : null}
              <span id={detailId} className={unstyled ? undefined : 'plugboard-connect__detail'}>
                {detail}
              </span>
            </>
          ) : null}
        </div>
        {waitingForWindow ? (
          <div className={unstyled ? undefined : 'plugboard-connect__actions'}>
            <button
              type="button"
              className={unstyled ? undefined : 'plugboard-connect__retry'}
              // Inside the click: the same link opens in a window the browser lets through.
              onClick={() => connect.reopen()}
            >
              {messages.openAgain}
            </button>
            <button
              type="button"
              className={unstyled ? undefined : 'plugboard-connect__retry'}
              onClick={() => {
                connect.cancel();
                ownRef.current?.focus();
              }}
            >
              {messages.cancel}
            </button>
          </div>
        ) : null}
        {/* The button above is the one action after a failure; the developer's detail waits here. */}
        {showError ? <ErrorDetails error={error} messages={messages} unstyled={unstyled} /> : null}
        {accountActions ? (
          <accountActions.Disconnect
            connect={connect as AccountAwareConnect}
            buttonRef={ownRef}
            unstyled={unstyled}
          />
        ) : null}
      </div>
    );
  },
);
