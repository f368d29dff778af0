import type { ConnectBackend } from './backend';
import { ConnectError } from './connect-error';
import { requestCancelledError } from './connect-flow-outcome';
import {
  clearPendingAttempt,
  readPendingAttempt,
  type StorageLike,
  safeReturnPath,
  saveSettledAttempt,
  toStoredError,
} from './pending-attempt';
import { pollAccount } from './poll-account';

/** The query parameter that carries an attempt's `state` nonce through the provider and back. */
export const STATE_PARAM = 'plugboard_state';
/** `type` of the message the callback page posts to its opener and on the channel. */
export const CALLBACK_MESSAGE_TYPE = 'plugboard:connect-callback';
/** The `BroadcastChannel` name: reaches the opener when COOP severed `window.opener`. */
export const CALLBACK_CHANNEL = 'plugboard:connect';

export interface ConnectCallbackMessage {
  type: typeof CALLBACK_MESSAGE_TYPE;
  state: string;
  /** What the provider's redirect claimed; a hint that makes the opener verify now. */
  status: 'success' | 'failed' | undefined;
  connectedAccountId: string | undefined;
}

/** `callbackUrl` (absolute, or relative to `origin`) with the attempt's nonce added; other parameters stay. */
export function withStateParam(callbackUrl: string, state: string, origin: string): string {
  const url = new URL(callbackUrl, origin);
  url.searchParams.set(STATE_PARAM, state);
  return url.href;
}

/** Reads what the provider appended to the callback URL (both Composio spellings of the id). */
export function readCallbackUrl(url: string | URL): Omit<ConnectCallbackMessage, 'type' | 'state'> & {
  state: string | undefined;
} {
  const params = new URL(url).searchParams;
  const status = params.get('status');
  return {
    state: params.get(STATE_PARAM) ?? undefined,
    status: status === 'success' || status === 'failed' ? status : undefined,
    connectedAccountId: params.get('connected_account_id') ?? params.get('connectedAccountId') ?? undefined,
  };
}

/** The message the callback page sends for `url`, or undefined when the URL carries no nonce. */
export function callbackMessageFor(url: string | URL): ConnectCallbackMessage | undefined {
  const { state, ...rest } = readCallbackUrl(url);
  return state ? { type: CALLBACK_MESSAGE_TYPE, state, ...rest } : undefined;
}

/**
 * Accepts only a well-formed callback message; anything else a page may post is ignored. Checked
 * by hand on purpose: as a zod/mini schema (`z.literal`, `z.enum`, `z.catch`) it cost the button
 * path 0.04 kB and the button with `createHttpBackend` 0.8 kB more (`pnpm bench bundle`), schema
 * kinds nothing else in the browser path instantiates.
 */
export function parseCallbackMessage(data: unknown): ConnectCallbackMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, state, status, connectedAccountId } = data as Record<string, unknown>;
  if (type !== CALLBACK_MESSAGE_TYPE || typeof state !== 'string' || state === '') return undefined;
  return {
    type,
    state,
    status: status === 'success' || status === 'failed' ? status : undefined,
    connectedAccountId: typeof connectedAccountId === 'string' ? connectedAccountId : undefined,
  };
}

export interface NotifyOpenerOptions {
  /** Defaults to the global `window`. */
  window?: Pick<Window, 'opener' | 'location'> | undefined;
  /** Defaults to the global `BroadcastChannel`; pass `null` to skip it. */
  BroadcastChannel?: typeof BroadcastChannel | null | undefined;
}

/**
 * On the callback page in a popup: tells the opener which attempt came back. The message goes
 * to the opener only if it is on this page's origin (`targetOrigin`), and on a same-origin
 * `BroadcastChannel` for when COOP severed the opener. Returns whether anything was sent.
 */
export function notifyConnectOpener(url: string | URL, options: NotifyOpenerOptions = {}): boolean {
  const message = callbackMessageFor(url);
  if (!message) return false;
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  let sent = false;
  try {
    const opener = win?.opener as Window | null | undefined;
    if (opener && win) {
      opener.postMessage(message, win.location.origin);
      sent = true;
    }
  } catch {
    // A severed or cross-origin opener: the channel below still reaches a same-origin one.
  }
  const Channel =
    options.BroadcastChannel === undefined
      ? typeof BroadcastChannel === 'undefined'
        ? undefined
        : BroadcastChannel
      : (options.BroadcastChannel ?? undefined);
  if (Channel) {
    const channel = new Channel(CALLBACK_CHANNEL);
    channel.postMessage(message);
    channel.close();
    sent = true;
  }
  return sent;
}

export interface HandleConnectCallbackOptions {
  backend: ConnectBackend;
  /** Where the pending attempt was saved; defaults to `sessionStorage`. */
  storage?: StorageLike | undefined;
  signal?: AbortSignal | undefined;
  now?: (() => number) | undefined;
  /** The timers of the waits between status checks; default the global ones. */
  setTimeout?: ((callback: () => void, ms: number) => unknown) | undefined;
  clearTimeout?: ((handle: unknown) => void) | undefined;
}

export interface ConnectCallbackResult {
  status: 'connected' | 'failed' | 'expired';
  connectedAccountId: string | undefined;
  error: ConnectError | undefined;
  /** Where to send the user back to (a same-origin path); `/` when unknown. */
  returnPath: string;
}

/** Whether `url` belongs to the redirect-mode attempt saved in `storage` (else it is a popup's). */
export function isRedirectCallback(url: string | URL, storage: StorageLike | undefined = defaultStorage()) {
  const { state } = readCallbackUrl(url);
  return state !== undefined && readPendingAttempt(storage)?.state === state;
}

/**
 * On the callback route after a full-page redirect: matches the URL's nonce to the saved
 * attempt, asks the backend for the account's status (the URL's `status` is only a hint),
 * waits with backoff while it is pending, and leaves the outcome for the page it returns to.
 *
 * @example
 * const result = await handleConnectCallback(location.href, { backend });
 * location.replace(result.returnPath);
 */
export async function handleConnectCallback(
  url: string | URL,
  options: HandleConnectCallbackOptions,
): Promise<ConnectCallbackResult> {
  const storage = options.storage ?? defaultStorage();
  const { state } = readCallbackUrl(url);
  const pending = readPendingAttempt(storage);
  // Read back from storage: only ever a same-origin path.
  const returnPath = safeReturnPath(pending?.returnPath ?? '/');
  if (!pending || state === undefined || pending.state !== state) {
    return {
      status: 'failed',
      connectedAccountId: undefined,
      returnPath,
      error: new ConnectError('invalid_request', {
        message: 'This page was opened without a connection in progress in this tab.',
        path: STATE_PARAM,
      }),
    };
  }
  const settle = (result: Omit<ConnectCallbackResult, 'returnPath' | 'connectedAccountId'>) => {
    clearPendingAttempt(storage);
    saveSettledAttempt(storage, {
      authConfigId: pending.authConfigId,
      connectedAccountId: pending.connectedAccountId,
      status: result.status,
      error: result.error ? toStoredError(result.error) : undefined,
    });
    return { ...result, connectedAccountId: pending.connectedAccountId, returnPath };
  };
  const { signal } = options;
  // Aborted (the page is leaving): decide nothing, so the pending attempt stays for the next run.
  if (signal?.aborted) throw requestCancelledError();
  const poll = pollAccount({
    read: (readSignal) =>
      options.backend.getConnectedAccount(pending.connectedAccountId, { signal: readSignal }),
    expiresAt: pending.expiresAt,
    immediate: true,
    now: options.now,
    setTimeout: options.setTimeout,
    clearTimeout: options.clearTimeout,
  });
  const stop = () => poll.stop();
  signal?.addEventListener('abort', stop, { once: true });
  const outcome = await poll.result.finally(() => signal?.removeEventListener('abort', stop));
  if (outcome.status === 'stopped') throw requestCancelledError();
  return settle(outcome.status === 'connected' ? { status: 'connected', error: undefined } : outcome);
}

function defaultStorage(): StorageLike | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
