import type { ConnectedAccountSummary } from '@plugboard/core';

/** How long a hosted link lives at Composio: an attempt older than this was abandoned. */
export const LINK_LIFETIME_MS = 10 * 60_000;

/** What a user can do about an account, named after what they see. */
export type AccountState = 'connected' | 'disabled' | 'pending' | 'abandoned' | 'failed' | 'expired';

/** Statuses of an attempt still waiting for the user (the link is open). */
function isInProgress(status: ConnectedAccountSummary['status']): boolean {
  return status === 'INITIALIZING' || status === 'INITIATED';
}

/**
 * An account's state for the UI. `abandoned`: an attempt (INITIATED / INITIALIZING) whose link
 * has run out, which Composio will mark EXPIRED; a status Composio adds later reads as `failed`.
 */
export function accountStateOf(
  account: Pick<ConnectedAccountSummary, 'status' | 'created_at' | 'is_disabled'>,
  now: number = Date.now(),
  linkLifetimeMs: number = LINK_LIFETIME_MS,
): AccountState {
  if (isInProgress(account.status)) {
    const created = Date.parse(account.created_at);
    return Number.isFinite(created) && now - created >= linkLifetimeMs ? 'abandoned' : 'pending';
  }
  switch (account.status) {
    case 'ACTIVE':
      return account.is_disabled ? 'disabled' : 'connected';
    case 'INACTIVE':
      return 'disabled';
    case 'EXPIRED':
      return 'expired';
    default:
      return 'failed';
  }
}

/** A state the user gets out of by connecting again: a new link whose ACTIVE account replaces it. */
export function needsReconnect(state: AccountState): boolean {
  return state === 'expired' || state === 'failed';
}

/**
 * The account a connect button stands for, among the user's accounts (newest first): an ACTIVE
 * one, else a disabled one, else the newest that failed or expired. Attempts in progress are the
 * flow's business, not an account to show.
 */
export function accountForAuthConfig(
  accounts: readonly ConnectedAccountSummary[] | undefined,
  authConfigId: string,
  now: number = Date.now(),
): ConnectedAccountSummary | undefined {
  if (accounts === undefined) return undefined;
  const own = accounts.filter((account) => account.auth_config.id === authConfigId);
  const withState = (wanted: (state: AccountState) => boolean) =>
    own.find((account) => wanted(accountStateOf(account, now)));
  return (
    withState((state) => state === 'connected') ??
    withState((state) => state === 'disabled') ??
    withState(needsReconnect)
  );
}

/** "github" → "Github": an account's app name when the app gives none. */
export function nameFromSlug(account: Pick<ConnectedAccountSummary, 'toolkit'>): string {
  const slug = account.toolkit.slug;
  return slug.charAt(0).toUpperCase() + slug.slice(1);
}
