import type { DemoAccount } from './demo-api';
import { StatusBadge } from './StatusBadge';
import { cardStatusOf, type DemoAuthConfig, schemeLabel, shortNameOf } from './toolkits';

export interface ConnectedAccountsListProps {
  accounts: readonly DemoAccount[] | undefined;
  configs: readonly DemoAuthConfig[];
  /** The list could not be read; shown instead of it. */
  error: Error | null;
  headingId: string;
}

/** The user's accounts as the backend reports them, newest first; statuses update while pending. */
export function ConnectedAccountsList({ accounts, configs, error, headingId }: ConnectedAccountsListProps) {
  if (error) {
    return (
      <p role="alert" className="demo-empty demo-empty--error">
        Your connections could not be loaded: {error.message}
      </p>
    );
  }
  if (accounts === undefined) return <p className="demo-empty">Loading your connections…</p>;
  if (accounts.length === 0) {
    return <p className="demo-empty">No connections yet. Connect an app above and it appears here.</p>;
  }
  const nameOf = (id: string) => {
    const config = configs.find((entry) => entry.id === id);
    return config ? shortNameOf(config.name) : id;
  };
  return (
    <div className="demo-table-wrap">
      <table className="demo-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Auth</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-status={account.status}>
              <th scope="row">{nameOf(account.auth_config.id)}</th>
              <td>{schemeLabel(account.auth_config.auth_scheme)}</td>
              <td>
                <code>{account.id}</code>
              </td>
              <td>
                <StatusBadge status={cardStatusOf([account])} />
                {account.status_reason ? (
                  <span className="demo-table__reason">{account.status_reason}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
