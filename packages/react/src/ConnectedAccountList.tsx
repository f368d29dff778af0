import type {
  ConnectEnvironment,
  ConnectError,
  ConnectedAccountFilters,
  ConnectedAccountSummary,
  ConnectMode,
} from '@plugboard/core';
import { formatMessage } from '@plugboard/core/internal';
import { Slot, VisuallyHidden } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  type ReactNode,
  useCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type AccountState, accountStateOf, nameFromSlug } from './account-status';
import { Disconnect, EnabledToggle, Reconnect } from './ConnectedAccountActions';
import {
  type AccountListData,
  AccountListDataContext,
  type AccountListSettings,
  AccountListSettingsContext,
  type AccountRow,
  AccountRowContext,
  useListData,
  useListSettings,
} from './ConnectedAccountListContext';
import { Actions, AddedAt, App, Empty, Status } from './ConnectedAccountListParts';
import { useConnectContext } from './ConnectProvider';
import { cx } from './class-names';
import { describeError } from './error-message';
import { defaultAccountMessages } from './messages-accounts';
import { defaultConnectMessages } from './messages-connect';
import { setRef } from './set-ref';
import { useConnectedAccounts } from './useConnectedAccounts';

/** What the list's live region says: the last action's outcome. */
interface Announcement {
  text: string;
  failed: boolean;
}
const SILENT: Announcement = { text: '', failed: false };

/**
 * Dates in the messages' language: the browser's own regional variant of it if it has one (en-GB
 * for `en`), else the language itself — never the browser's language under German words.
 */
function dateFormatFor(locale: string): Intl.DateTimeFormat {
  const language = locale.split('-')[0];
  const regional =
    typeof navigator === 'undefined'
      ? []
      : (navigator.languages ?? []).filter((tag) => tag.split('-')[0] === language);
  return new Intl.DateTimeFormat([...regional, locale], { dateStyle: 'medium', timeStyle: 'short' });
}

export interface ConnectedAccountListRootProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onError'> {
  /** Which accounts to list (auth configs, toolkits, statuses, order); all of the user's by default. */
  filters?: ConnectedAccountFilters | undefined;
  /** Also list attempts whose link ran out unanswered (INITIATED / INITIALIZING). Default false. */
  showAbandoned?: boolean | undefined;
  /** The app's name for an account, e.g. from your auth configs; default: its toolkit slug, capitalised. */
  appName?: ((account: ConnectedAccountSummary) => string) | undefined;
  /** How Reconnect opens the provider: `auto` (default), `popup` or `redirect`. */
  mode?: ConnectMode | undefined;
  /** Replaces Reconnect's browser effects (popup, navigation, storage, timers): for stories and tests. */
  environment?: Partial<ConnectEnvironment> | undefined;
  /** An account action (disconnect, enable / disable, reconnect) failed; it is announced as well. */
  onError?: ((error: ConnectError, account: ConnectedAccountSummary) => void) | undefined;
  asChild?: boolean | undefined;
  /** Drop the kit's class names; `data-state` stays for your own CSS. */
  unstyled?: boolean | undefined;
}

/** Reads the list and shares it with its parts; announces what the actions did. */
const Root = forwardRef<HTMLDivElement, ConnectedAccountListRootProps>(function ConnectedAccountListRoot(
  {
    filters,
    showAbandoned = false,
    appName,
    mode,
    environment,
    onError,
    asChild = false,
    unstyled = false,
    className,
    children,
    ...props
  },
  ref,
) {
  const { messages: overrides, errorMessages, attemptsInProgress } = useConnectContext();
  const query = useConnectedAccounts(filters);
  const [announcement, setAnnouncement] = useState<Announcement>(SILENT);
  const ownRef = useRef<HTMLDivElement | null>(null);
  const composedRef = useCallback(
    (node: HTMLDivElement | null) => {
      ownRef.current = node;
      setRef(ref, node);
    },
    [ref],
  );
  // Callbacks from props are read through a ref, so a new arrow each render re-renders no row.
  const latest = useRef({ appName, onError });
  latest.current = { appName, onError };

  const messages = useMemo(
    () => ({ ...defaultConnectMessages, ...defaultAccountMessages, ...overrides }),
    [overrides],
  );
  // An error as the user reads it (the kit's sentence, or the app's per-slug wording).
  const describe = useCallback(
    (error: ConnectError, app?: string) => describeError(error, { messages, appName: app, errorMessages }),
    [messages, errorMessages],
  );
  const reportError = useCallback(
    (error: ConnectError, account: ConnectedAccountSummary) => {
      const app = (latest.current.appName ?? nameFromSlug)(account);
      setAnnouncement({
        text: formatMessage(messages.accountActionFailed, { app, reason: describe(error, app) }),
        failed: true,
      });
      latest.current.onError?.(error, account);
    },
    [messages, describe],
  );
  const announce = useCallback((text: string) => setAnnouncement({ text, failed: false }), []);
  // The promise, not mutate's callbacks: those are dropped once the row that called it unmounts.
  const perform = useCallback<AccountListSettings['perform']>(
    (account, action, success) => {
      announce('');
      action().then(
        () => announce(success),
        (error: ConnectError) => reportError(error, account),
      );
    },
    [announce, reportError],
  );
  const settings = useMemo<AccountListSettings>(() => {
    const dateFormat = dateFormatFor(messages.locale);
    return {
      messages,
      appName: (account) => (latest.current.appName ?? nameFromSlug)(account),
      announce,
      reportError,
      perform,
      focusList: () => ownRef.current,
      mode,
      environment,
      unstyled,
      formatDate: (iso) => {
        const time = Date.parse(iso);
        return Number.isFinite(time) ? dateFormat.format(time) : iso;
      },
      describeError: describe,
    };
  }, [messages, describe, announce, reportError, perform, mode, environment, unstyled]);

  const now = query.dataUpdatedAt || Date.now();
  // An attempt is pending only while a flow of this page waits on it: Composio lists one the user
  // left (cancelled, Back from the provider, a reload) as INITIATED until its link runs out.
  const inProgress = useSyncExternalStore(
    attemptsInProgress.subscribe,
    attemptsInProgress.version,
    attemptsInProgress.version,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `inProgress` (the set's version) makes a new `stateOf` when the set changes.
  const data = useMemo<AccountListData>(() => {
    const stateOf = (account: ConnectedAccountSummary): AccountState => {
      const state = accountStateOf(account, now);
      return state === 'pending' && !attemptsInProgress.has(account.id) ? 'abandoned' : state;
    };
    const accounts = showAbandoned
      ? query.data
      : query.data?.filter((account) => stateOf(account) !== 'abandoned');
    return { accounts, error: query.error, stateOf };
  }, [query.data, query.error, showAbandoned, now, attemptsInProgress, inProgress]);
  const { accounts } = data;
  const state = query.error
    ? 'error'
    : accounts === undefined
      ? 'loading'
      : accounts.length === 0
        ? 'empty'
        : 'ready';
  const Component = asChild ? Slot.Root : 'div';

  return (
    <AccountListSettingsContext.Provider value={settings}>
      <AccountListDataContext.Provider value={data}>
        <Component
          {...props}
          ref={composedRef}
          tabIndex={-1}
          className={cx(unstyled ? undefined : 'plugboard-accounts', className)}
          data-state={state}
          aria-busy={state === 'loading' || undefined}
        >
          {children ?? (
            <>
              <Items />
              <Empty />
            </>
          )}
          {/* One region, never re-mounted: a success is said off screen, a failure stays in sight. */}
          <p
            role="status"
            className={unstyled ? undefined : 'plugboard-accounts__announcement'}
            data-outcome={announcement.text ? (announcement.failed ? 'failure' : 'success') : undefined}
          >
            {announcement.failed || !announcement.text ? (
              announcement.text
            ) : (
              <VisuallyHidden.Root>{announcement.text}</VisuallyHidden.Root>
            )}
          </p>
        </Component>
      </AccountListDataContext.Provider>
    </AccountListSettingsContext.Provider>
  );
});

export interface ConnectedAccountListItemsProps extends ComponentPropsWithoutRef<'ul'> {
  /** The parts of one row, repeated for every account; default: app, status, date and actions. */
  children?: ReactNode;
}

/** The rows: one `Item` per account. A row renders again only when its own account changes. */
const Items = forwardRef<HTMLUListElement, ConnectedAccountListItemsProps>(function ConnectedAccountListItems(
  { children, className, ...props },
  ref,
) {
  const { accounts, stateOf } = useListData('Items');
  const { unstyled } = useListSettings('Items');
  if (accounts === undefined || accounts.length === 0) return null;
  return (
    <ul {...props} ref={ref} className={cx(unstyled ? undefined : 'plugboard-accounts__items', className)}>
      {accounts.map((account) => (
        <Item key={account.id} account={account} state={stateOf(account)}>
          {children}
        </Item>
      ))}
    </ul>
  );
});

export interface ConnectedAccountListItemProps extends ComponentPropsWithoutRef<'li'> {
  account: ConnectedAccountSummary;
  /** The account's state; worked out from the account (and the clock) when absent. */
  state?: AccountState | undefined;
  asChild?: boolean | undefined;
}

/** One account's row (`<li>`, `data-state` = its `AccountState`); its parts read the account from it. */
const Item = memo(
  forwardRef<HTMLLIElement, ConnectedAccountListItemProps>(function ConnectedAccountListItem(
    { account, state: givenState, asChild = false, className, children, ...props },
    ref,
  ) {
    // Only the row's own props (the account, its state) re-render it: it reads no list data.
    const settings = useListSettings('Item');
    const state = givenState ?? accountStateOf(account);
    const name = settings.appName(account);
    const row = useMemo<AccountRow>(() => ({ account, state, name }), [account, state, name]);
    const Component = asChild ? Slot.Root : 'li';
    return (
      <AccountRowContext.Provider value={row}>
        <Component
          {...props}
          ref={ref}
          className={cx(settings.unstyled ? undefined : 'plugboard-accounts__item', className)}
          data-state={state}
          data-disabled={account.is_disabled || undefined}
        >
          {children ?? <DefaultRow />}
        </Component>
      </AccountRowContext.Provider>
    );
  }),
);

function DefaultRow() {
  return (
    <>
      <App />
      <Status />
      <AddedAt />
      <Actions>
        <Reconnect />
        <EnabledToggle />
        <Disconnect />
      </Actions>
    </>
  );
}

/** `ConnectedAccountList`'s props: its `Root`'s, whose default children are `Items` and `Empty`. */
export type ConnectedAccountListProps = ConnectedAccountListRootProps;

/**
 * The signed-in user's connected accounts, one row each: the app, its state, when it was added,
 * and what can be done about it — Disconnect (asked in a dialog), Disable / Enable, Reconnect
 * (a new link; the old account goes once the new one is ACTIVE), Remove for an attempt that
 * failed. Attempts abandoned with their link expired are left out unless `showAbandoned`.
 * With children, lay out your own from the compound parts.
 *
 * @example <ConnectedAccountList appName={(account) => names[account.auth_config.id]} />
 */
/** The default list, with its compound parts for custom layouts (`ConnectedAccountList.Root`, …). */
export const ConnectedAccountList = Object.assign(Root, {
  Root,
  Items,
  Item,
  App,
  Status,
  AddedAt,
  Actions,
  Disconnect,
  EnabledToggle,
  Reconnect,
  Empty,
});
