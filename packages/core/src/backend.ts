import type {
  AuthScheme,
  ConnectedAccount,
  CreateConnectedAccountRequest,
  CreatedConnectedAccount,
  LinkSession,
  LinkSessionInput,
  Open,
  ToolkitField,
} from './wire';
import type { ConnectedAccountFilters, ConnectedAccountPage } from './wire-accounts';

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/** The fields a user fills to connect an auth config: its toolkit's `connected_account_initiation`. */
export interface AuthFields {
  authConfigId: string;
  /** The toolkit's mode for the config's scheme: open, a mode the kit does not know is kept. */
  authScheme: Open<AuthScheme>;
  toolkitSlug: string;
  toolkitName: string;
  /** Required fields first, then optional ones; each keeps its own `required` flag. */
  fields: ToolkitField[];
}

/**
 * The only thing the UI knows about a server. Every method parses what it receives with the
 * wire schemas and rejects with a `ConnectError` — never anything else.
 */
export interface ConnectBackend {
  createLinkSession(input: LinkSessionInput, options?: RequestOptions): Promise<LinkSession>;
  createConnectedAccount(
    input: CreateConnectedAccountRequest,
    options?: RequestOptions,
  ): Promise<CreatedConnectedAccount>;
  getConnectedAccount(id: string, options?: RequestOptions): Promise<ConnectedAccount>;
  /** Optional: the toolkit field metadata the credential form renders when no `fields` are given. */
  getAuthFields?(authConfigId: string, options?: RequestOptions): Promise<AuthFields>;
  /**
   * One page of the user's accounts, as summaries (no `state`, `data` or `params`). No user ids:
   * a server proxy binds the user from the session.
   */
  listConnectedAccounts(
    filters?: ConnectedAccountFilters,
    options?: RequestOptions,
  ): Promise<ConnectedAccountPage>;
  /** Deletes an account (a soft delete at Composio: it no longer lists or reads). */
  deleteConnectedAccount(id: string, options?: RequestOptions): Promise<void>;
  /** Enables (ACTIVE) or disables (INACTIVE) an account without deleting it. */
  setConnectedAccountEnabled(id: string, enabled: boolean, options?: RequestOptions): Promise<void>;
}
