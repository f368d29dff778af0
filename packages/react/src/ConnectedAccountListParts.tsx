import { formatMessage } from '@plugboard/core/internal';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import type { AccountState } from './account-status';
import { useAccountRow, useListData, useListSettings } from './ConnectedAccountListContext';
import { cx } from './class-names';
import type { defaultAccountMessages } from './messages-accounts';

// The list's small parts: what a row shows, and what stands in for the rows.

const STATE_MESSAGE = {
  connected: 'accountStateConnected',
  disabled: 'accountStateDisabled',
  pending: 'accountStatePending',
  abandoned: 'accountStateAbandoned',
  failed: 'accountStateFailed',
  expired: 'accountStateExpired',
} as const satisfies Record<AccountState, keyof typeof defaultAccountMessages>;

/** The app's name. */
export const App = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(
  function ConnectedAccountListApp({ className, children, ...props }, ref) {
    const { name } = useAccountRow('App');
    const { unstyled } = useListSettings('App');
    return (
      <span {...props} ref={ref} className={cx(unstyled ? undefined : 'plugboard-accounts__app', className)}>
        {children ?? name}
      </span>
    );
  },
);

/** The account's state in words ("Connected", "Expired", …). */
export const Status = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(
  function ConnectedAccountListStatus({ className, children, ...props }, ref) {
    const { state } = useAccountRow('Status');
    const { messages, unstyled } = useListSettings('Status');
    return (
      <span
        {...props}
        ref={ref}
        className={cx(unstyled ? undefined : 'plugboard-accounts__status', className)}
        data-state={state}
      >
        {children ?? messages[STATE_MESSAGE[state]]}
      </span>
    );
  },
);

/** When the account was added, as a `<time>`. */
export const AddedAt = forwardRef<HTMLTimeElement, ComponentPropsWithoutRef<'time'>>(
  function ConnectedAccountListAddedAt({ className, children, ...props }, ref) {
    const { account } = useAccountRow('AddedAt');
    const { messages, unstyled, formatDate } = useListSettings('AddedAt');
    return (
      <time
        {...props}
        ref={ref}
        dateTime={account.created_at}
        className={cx(unstyled ? undefined : 'plugboard-accounts__added', className)}
      >
        {children ?? formatMessage(messages.accountAddedAt, { date: formatDate(account.created_at) })}
      </time>
    );
  },
);

/** The row's buttons. */
export const Actions = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function ConnectedAccountListActions({ className, ...props }, ref) {
    const { unstyled } = useListSettings('Actions');
    return (
      <div
        {...props}
        ref={ref}
        className={cx(unstyled ? undefined : 'plugboard-accounts__actions', className)}
      />
    );
  },
);

/** Shown instead of the rows while loading, when the list cannot be read, and when it is empty. */
export const Empty = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function ConnectedAccountListEmpty({ className, children, ...props }, ref) {
    const { accounts, error } = useListData('Empty');
    const { messages, unstyled, describeError: describe } = useListSettings('Empty');
    if (accounts !== undefined && accounts.length > 0 && !error) return null;
    const state = error ? 'error' : accounts === undefined ? 'loading' : 'empty';
    const text = error
      ? formatMessage(messages.accountListFailed, { reason: describe(error) })
      : accounts === undefined
        ? messages.accountListLoading
        : (children ?? messages.accountListEmpty);
    return (
      <p
        {...props}
        ref={ref}
        role={error ? 'alert' : undefined}
        className={cx(unstyled ? undefined : 'plugboard-accounts__empty', className)}
        data-state={state}
      >
        {text}
      </p>
    );
  },
);
