import { Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useRef,
} from 'react';
import type { AccountActions } from './account-actions';
import { useConnectContext } from './ConnectProvider';
import { cx } from './class-names';
import { defaultConnectMessages, STATUS_MESSAGE } from './messages-connect';
import { setRef } from './set-ref';
import type { AccountAwareConnect, AccountAwareOptions } from './useAccountAwareConnect';
import {
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
    const overrides = useConnectContext().messages;
    const messages = useMemo(() => ({ ...defaultConnectMessages, ...overrides }), [overrides]);
    const flow = useConnectAccount({
      authConfigId,
      mode,
      callbackUrl,
      onSuccess,
      onError,
      onStateChange,
      environment,
    });
    // The account this button stands for: connected shows it, failed / expired / disabled reconnects it.
    const useAccount = accountActions?.useConnect ?? useFlowOnly;
    const connect = useAccount(flow, authConfigId, { allowMultiple, appName });
    const statusId = useId();
    const ownRef = useRef<HTMLButtonElement | null>(null);
    const composedRef = useCallback(
      (node: HTMLButtonElement | null) => {
        ownRef.current = node;
        setRef(ref, node);
      },
      [ref],
    );
    const { status, error } = connect;
    // Connected and busy states ignore clicks but keep focus (aria-disabled, not disabled).
    const inert = connect.isBusy || status === 'connected';
    const statusKey = STATUS_MESSAGE[status];
    const label =
      typeof children === 'function'
        ? children(connect)
        : status === 'idle' || status === 'failed' || status === 'cancelled' || status === 'expired'
          ? (connect.reconnectLabel ?? children ?? messages.connectIdle)
          : statusKey && messages[statusKey];
    const Component = asChild ? Slot.Root : 'button';
    const showError = error !== undefined && (status === 'failed' || status === 'expired');

    return (
      <div className={unstyled ? undefined : 'plugboard-connect'} data-state={status}>
        <Component
          {...(asChild ? {} : { type: 'button' as const })}
          {...buttonProps}
          ref={composedRef}
          className={cx(unstyled ? undefined : 'plugboard-connect__button', className)}
          data-state={status}
          aria-busy={connect.isBusy || undefined}
          aria-disabled={inert || buttonProps['aria-disabled'] || undefined}
          aria-describedby={cx(buttonProps['aria-describedby'], statusId)}
          onClick={(event: MouseEvent<HTMLButtonElement>) => {
            onClick?.(event);
            // A user's handler runs first and may opt out, as in Radix's composeEventHandlers.
            if (event.defaultPrevented || inert || buttonProps.disabled) return;
            connect.start();
          }}
        >
          {asChild ? (children as ReactNode) : label}
        </Component>
        <div id={statusId} role="status" className={unstyled ? undefined : 'plugboard-connect__status'}>
          {statusKey && status !== 'failed' && status !== 'expired' ? messages[statusKey] : null}
          {status === 'awaiting_user' && connect.mode !== 'redirect'
            ? ` ${messages.connectAwaitingUserHint}`
            : null}
          {showError ? (
            <>
              <span className={unstyled ? undefined : 'plugboard-connect__error'}>
                {messages[statusKey ?? 'connectFailed']} {error.message}
              </span>
              {error.suggestedFix ? (
                <span className={unstyled ? undefined : 'plugboard-connect__detail'}>
                  {messages.errorSuggestedFix}: {error.suggestedFix}
                </span>
              ) : null}
              {error.requestId ? (
                <span className={unstyled ? undefined : 'plugboard-connect__detail'}>
                  {messages.errorRequestId}: <code>{error.requestId}</code>
                </span>
              ) : null}
            </>
          ) : null}
        </div>
        {showError || status === 'cancelled' ? (
          <button
            type="button"
            className={unstyled ? undefined : 'plugboard-connect__retry'}
            onClick={() => {
              connect.retry();
              // This button leaves with the error; keep keyboard focus on the connect button.
              ownRef.current?.focus();
            }}
          >
            {messages.retry}
          </button>
        ) : null}
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
