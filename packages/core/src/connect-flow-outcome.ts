import { ConnectError, detachCause } from './connect-error';
import type { LinkSession } from './wire';
import type { ConnectedAccountSummary } from './wire-accounts';

/**
 * A connected account without `state`, `data` and `params`, which may hold the account's tokens:
 * what may be cached, rendered or sent to a browser.
 */
export type { ConnectedAccountSummary };

/**
 * The keys of a `ConnectedAccountSummary` (`connectedAccountSummarySchema`'s, pinned by a test):
 * written out here so that the connect flow does not bundle the wire schemas.
 */
export const CONNECTED_ACCOUNT_SUMMARY_KEYS = [
  'toolkit',
  'auth_config',
  'id',
  'user_id',
  'status',
  'created_at',
  'updated_at',
  'status_reason',
  'is_disabled',
  'test_request_endpoint',
  'alias',
  'word_id',
  'experimental',
] as const satisfies ReadonlyArray<keyof ConnectedAccountSummary>;

/**
 * The account's allow-listed summary, before it is cached, rendered or sent on: only the keys
 * above are copied, so `state`, `data`, `params` and whatever a backend adds never come along.
 */
export function summarizeConnectedAccount(account: ConnectedAccountSummary): ConnectedAccountSummary {
  const summary: Record<string, unknown> = {};
  for (const key of CONNECTED_ACCOUNT_SUMMARY_KEYS) {
    if (Object.hasOwn(account, key) && account[key] !== undefined) summary[key] = account[key];
  }
  return summary as ConnectedAccountSummary;
}

/**
 * What the backend's account status means for an attempt: only `ACTIVE` is a connection. A status
 * the kit does not know (Composio adds them: v3.1 added `REVOKED`) is not a connection either: it
 * is `failed`, with `rawStatus` holding the status as sent and the error naming it.
 */
export type AccountOutcome =
  | { status: 'connected' }
  | { status: 'failed' | 'expired'; error: ConnectError; rawStatus?: string }
  | { status: 'pending' };

/**
 * Composio's own SDK waits on INITIALIZING, INITIATED and INACTIVE; ACTIVE, FAILED, EXPIRED and
 * REVOKED are final. Any other status is final and not connected: waiting on a value nobody
 * documented could only end at the link's expiry.
 */
export function accountOutcome(
  account: Pick<ConnectedAccountSummary, 'status'> & { status_reason?: string | null | undefined },
): AccountOutcome {
  const reason = account.status_reason ?? undefined;
  switch (account.status) {
    case 'ACTIVE':
      return { status: 'connected' };
    case 'EXPIRED':
      return { status: 'expired', error: linkExpiredError(reason) };
    case 'FAILED':
    case 'REVOKED':
      return {
        status: 'failed',
        error: new ConnectError('connection_failed', {
          message:
            reason ??
            (account.status === 'REVOKED' ? 'Access was revoked.' : 'The connection was not completed.'),
        }),
      };
    case 'INITIALIZING':
    case 'INITIATED':
    case 'INACTIVE':
      return { status: 'pending' };
    default:
      return {
        status: 'failed',
        rawStatus: account.status,
        error: new ConnectError('connection_failed', {
          message: reason ?? `The account is not connected (status ${account.status}).`,
        }),
      };
  }
}

/** Errors worth another try while waiting: the network, a timeout, a 5xx, a 429. */
export function isTransient(error: ConnectError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 429);
}

/**
 * Any thrown value as a `ConnectError` with no `cause`: backends throw only those, but a custom one
 * might not, and whatever it threw (or a `ConnectError`'s cause) may hold the request and its
 * credentials. Only the message of a foreign error is kept.
 */
export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) return detachCause(error);
  if (error instanceof DOMException && error.name === 'AbortError') return requestCancelledError();
  return new ConnectError('network', {
    message: error instanceof Error ? error.message : 'The request failed.',
  });
}

/** Delays of the status polling: 1 s, 2 s, 4 s, then every 5 s. */
export function nextPollDelay(previous: number | undefined, initial = 1000, max = 5000): number {
  return previous === undefined ? initial : Math.min(previous * 2, max);
}

/** Only http(s) URLs are ever navigated to; `javascript:` and friends are a malformed response. */
export function checkRedirectUrl(value: string): string | ConnectError {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  return new ConnectError('invalid_response', {
    message: 'redirect_url is not an http(s) URL.',
    path: 'redirect_url',
  });
}

/** The link session ran out before the user finished; `reason` is the backend's when it gave one. */
export function linkExpiredError(reason?: string): ConnectError {
  return new ConnectError('expired', {
    message: reason ?? 'The link expired.',
    suggestedFix: 'Try again for a new link.',
  });
}

/** A request the kit itself stopped (unmount, cancel, a newer request). */
export function requestCancelledError(cause?: unknown): ConnectError {
  return new ConnectError('aborted', { message: 'The request was cancelled.', cause });
}

/** A link session's `redirect_url` (http or https only) and `expires_at` (a date), or why not. */
export function checkLinkSession(
  session: Pick<LinkSession, 'redirect_url' | 'expires_at'>,
): { redirectUrl: string; expiresAtMs: number } | ConnectError {
  const redirectUrl = checkRedirectUrl(session.redirect_url);
  if (redirectUrl instanceof ConnectError) return redirectUrl;
  const expiresAtMs = Date.parse(session.expires_at);
  if (!Number.isNaN(expiresAtMs)) return { redirectUrl, expiresAtMs };
  return new ConnectError('invalid_response', {
    message: 'expires_at is not a date.',
    path: 'expires_at',
  });
}

export function popupBlockedError(): ConnectError {
  return new ConnectError('popup_blocked', {
    message: 'The browser blocked the sign-in window.',
    suggestedFix: 'Allow pop-ups for this site.',
  });
}
