import type { ConnectedAccountSummary, ConnectMode } from '@plugboard/core';
import { ConnectedAccountList, useConnectedAccountRow, useConnectedAccounts } from '@plugboard/react';
import { StatusBadge } from './StatusBadge';
import { cardStatusOf, type DemoAuthConfig, schemeLabel, shortNameOf } from './toolkits';

export interface ConnectedAccountsListProps {
  configs: readonly DemoAuthConfig[];
  headingId: string;
  /** How Reconnect opens the provider: the page's mode switch. */
  mode: ConnectMode;
}

/** The account's auth scheme and its status as a pill, as the cards show them. */
function AccountDetails() {
  const { account } = useConnectedAccountRow();
  return (
    <span className="demo-accounts__details">
      <span className="demo-accounts__scheme">{schemeLabel(account.auth_config.auth_scheme)}</span>
      <StatusBadge status={account.is_disabled ? 'inactive' : cardStatusOf([account])} />
    </span>
  );
}

/**
 * The reason the API gives for a status ("Status EXPIRED scripted by …") is the developer's:
 * behind a Details line at the end of the row, full width, so opening it pushes down what is
 * below instead of pushing the date and the buttons aside.
 */
function AccountReason() {
  const { account } = useConnectedAccountRow();
  if (!account.status_reason) return null;
  return (
    <details className="demo-accounts__reason">
      <summary>Details</summary>
      <p>{account.status_reason}</p>
    </details>
  );
}

/**
 * The user's accounts through the kit: `<ConnectedAccountList>` reads them from `/api/connect`
 * (the user bound by the server, no credentials), and each row disconnects, disables / enables,
 * reconnects or removes what the sandbox panel can produce.
 */
export function ConnectedAccountsList({ configs, headingId, mode }: ConnectedAccountsListProps) {
  // The same query (and cache entry) the list reads: the demo words its own empty and error states.
  const accounts = useConnectedAccounts();
  const nameOf = (account: ConnectedAccountSummary) => {
    const config = configs.find((entry) => entry.id === account.auth_config.id);
    return config ? shortNameOf(config.name) : account.toolkit.slug;
  };
  if (accounts.error) {
    return (
      <p role="alert" className="demo-empty demo-empty--error">
        Your connections could not be loaded: {accounts.error.message}
      </p>
    );
  }
  if (accounts.data === undefined) return <p className="demo-empty">Loading your connections…</p>;
  return (
    <ConnectedAccountList className="demo-accounts" appName={nameOf} mode={mode}>
      <ConnectedAccountList.Items aria-labelledby={headingId}>
        <ConnectedAccountList.App />
        <AccountDetails />
        <ConnectedAccountList.AddedAt />
        <ConnectedAccountList.Actions>
          <ConnectedAccountList.Reconnect />
          <ConnectedAccountList.EnabledToggle />
          <ConnectedAccountList.Disconnect />
        </ConnectedAccountList.Actions>
        <AccountReason />
      </ConnectedAccountList.Items>
      <ConnectedAccountList.Empty className="demo-empty">
        No connections yet. Connect an app above and it appears here.
      </ConnectedAccountList.Empty>
    </ConnectedAccountList>
  );
}
