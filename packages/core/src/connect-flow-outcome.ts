import { ConnectError } from './connect-error';
import type { ConnectedAccount, LinkSession } from './wire';

/**
 * A connected account without `state`, `data` and `params`, which may hold the account's tokens:
 * what may be cached, rendered or sent to a browser.
 */
export type ConnectedAccountSummary = Omit<ConnectedAccount, 'state' | 'data' | 'params'>;

/** Strips what may be secret from an account before it is cached, rendered or sent on. */
export function summarizeConnectedAccount(account: ConnectedAccount): ConnectedAccountSummary {
  const { state: _state, data: _data, params: _params, ...summary } = account;
  return summary;
}

/** What the backend's account status means for an attempt: only `ACTIVE` is a connection. */
export type AccountOutcome =
  | { status: 'connected' }
  | { status: 'failed' | 'expired'; error: ConnectError }
  | { status: 'pending' };

/** Composio's own SDK waits on INITIALIZING, INITIATED and INACTIVE; the rest are final. */
export function accountOutcome(account: Pick<ConnectedAccount, 'status' | 'status_reason'>): AccountOutcome {
  switch (account.status) {
    case 'ACTIVE':
      return { status: 'connected' };
    case 'EXPIRED':
      return {
        status: 'expired',
        error: linkExpiredError(account.status_reason ?? undefined),
      };
    case 'FAILED':
    case 'REVOKED':
      return {
        status: 'failed',
        error: new ConnectError('connection_failed', {
          message:
            account.status_reason ??
            (account.status === 'REVOKED' ? 'Access was revoked.' : 'The connection was not completed.'),
        }),
      };
    default:
      return { status: 'pending' };
  }
}

/** Errors worth another try while waiting: the network, a timeout, a 5xx, a 429. */
export function isTransient(error: ConnectError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 429);
}

/** Any thrown value as a `ConnectError`; backends throw only those, but a custom one might not. */
export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return requestCancelledError(error);
  return new ConnectError('network', {
    message: error instanceof Error ? error.message : 'The request failed.',
    cause: error,
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
    message: 'The backend returned a redirect URL that is not http or https.',
    path: 'redirect_url',
  });
}

/** The link session ran out before the user finished; `reason` is the backend's when it gave one. */
export function linkExpiredError(reason?: string): ConnectError {
  return new ConnectError('expired', {
    message: reason ?? 'The connection link expired before it was completed.',
    suggestedFix: 'Try again to get a new link.',
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
    message: 'The link session has no valid expiry.',
    path: 'expires_at',
  });
}

export function popupBlockedError(): ConnectError {
  return new ConnectError('popup_blocked', {
    message: 'The browser blocked the sign-in window.',
    suggestedFix: 'Allow pop-ups for this site, then try again.',
  });
}
