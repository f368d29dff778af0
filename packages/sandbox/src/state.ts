import type { AuthScheme, ConnectionStatus } from '@plugboard/core';

/** A connected account as the sandbox keeps it. Secret values are never kept (see `maskSecrets`). */
export interface AccountRecord {
  id: string;
  uuid: string;
  authConfigId: string;
  authScheme: AuthScheme;
  userId: string;
  status: ConnectionStatus;
  statusReason: string | null;
  createdAt: number;
  updatedAt: number;
  /** `state.val` without `status`; secrets replaced by `MASK`. */
  val: Record<string, unknown>;
  linkToken?: string | undefined;
  /** Scripted statuses the next GETs return, one each, the last one sticking. */
  statusSequence?: ConnectionStatus[] | undefined;
  /** v3.1's `word_id`: toolkit-prefixed words, e.g. `github_red-castle`. */
  wordId?: string | undefined;
  /** v3.1's `alias` (the sandbox never sets one). */
  alias?: string | undefined;
  /** Set by `PATCH …/status` with `enabled: false` (the account's `is_disabled`). */
  disabled?: boolean | undefined;
  /** When `DELETE` soft-deleted it: kept (as Composio keeps it for audit), never listed or read. */
  deletedAt?: number | undefined;
}

/** A hosted link session. */
export interface LinkRecord {
  token: string;
  accountId: string;
  authConfigId: string;
  callbackUrl?: string | undefined;
  expiresAt: number;
  /** Non-secret `connection_data` values that prefill the hosted form. */
  prefill: Record<string, string>;
  completed?: { at: number; outcome: 'success' | 'failed' } | undefined;
}

export interface StateSnapshot {
  version: 1;
  accounts: AccountRecord[];
  links: LinkRecord[];
}

/** What the sandbox stores in place of a secret value. */
export const MASK = '********';

/**
 * In-memory accounts and links, bounded: past `maxAccounts` the oldest account (and its link) is
 * evicted, so a long-running sandbox never grows without limit. `onChange` fires after every
 * mutation (the Node server persists on it).
 */
export class SandboxState {
  readonly accounts = new Map<string, AccountRecord>();
  readonly links = new Map<string, LinkRecord>();
  private readonly maxAccounts: number;
  private readonly onChange: (() => void) | undefined;

  constructor(options: { maxAccounts: number; onChange?: (() => void) | undefined }) {
    if (!Number.isInteger(options.maxAccounts) || options.maxAccounts < 1) {
      throw new RangeError(`maxAccounts must be a positive integer, got ${options.maxAccounts}`);
    }
    this.maxAccounts = options.maxAccounts;
    this.onChange = options.onChange;
  }

  addAccount(account: AccountRecord, link?: LinkRecord): void {
    this.accounts.set(account.id, account);
    if (link !== undefined) this.links.set(link.token, link);
    // Maps iterate in insertion order, so the first key is the oldest account.
    while (this.accounts.size > this.maxAccounts) {
      const oldest = this.accounts.keys().next().value;
      if (oldest === undefined) break;
      this.removeAccount(oldest);
    }
    this.changed();
  }

  private removeAccount(id: string): void {
    const account = this.accounts.get(id);
    this.accounts.delete(id);
    if (account?.linkToken !== undefined) this.links.delete(account.linkToken);
  }

  /** Marks a change made in place on a record. */
  changed(): void {
    this.onChange?.();
  }

  clear(): void {
    this.accounts.clear();
    this.links.clear();
    this.changed();
  }

  snapshot(): StateSnapshot {
    return { version: 1, accounts: [...this.accounts.values()], links: [...this.links.values()] };
  }

  /** Loads a snapshot (a persisted file); records beyond the cap are dropped oldest first. */
  restore(snapshot: StateSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`Unknown sandbox state version ${String(snapshot.version)}`);
    this.accounts.clear();
    this.links.clear();
    const accounts = snapshot.accounts.slice(-this.maxAccounts);
    for (const account of accounts) this.accounts.set(account.id, account);
    for (const link of snapshot.links) {
      if (this.accounts.has(link.accountId)) this.links.set(link.token, link);
    }
  }
}
