import { ConnectError, type ConnectErrorKind } from './connect-error';

/** The part of `Storage` the kit uses; `sessionStorage` by default. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * A redirect-mode attempt that left the page for the provider. Identifiers only — never a
 * secret: the `state` nonce just ties the callback to this tab's attempt.
 */
export interface PendingAttempt {
  authConfigId: string;
  connectedAccountId: string;
  state: string;
  /**
   * Path, query and hash of the page to come back to, as stored: only the callback route uses it,
   * through `safeReturnPath` (same origin only).
   */
  returnPath: string;
  /** `expires_at` of the link session, in epoch milliseconds. */
  expiresAt: number;
}

/** What the callback route learned, left for the page the user returns to. */
export interface SettledAttempt {
  authConfigId: string;
  connectedAccountId: string;
  status: 'connected' | 'failed' | 'expired' | 'cancelled';
  error?: StoredError | undefined;
}

/** The user-facing part of a `ConnectError`; it was redacted when made, so it holds no secret. */
export interface StoredError {
  kind: ConnectErrorKind;
  message: string;
  status?: number | undefined;
  slug?: string | undefined;
  requestId?: string | undefined;
  suggestedFix?: string | undefined;
}

export const PENDING_ATTEMPT_KEY = 'plugboard:connect:pending';
export const SETTLED_ATTEMPT_KEY = 'plugboard:connect:settled';

export function savePendingAttempt(storage: StorageLike | undefined, attempt: PendingAttempt): boolean {
  return write(storage, PENDING_ATTEMPT_KEY, attempt);
}

// The stored records are checked by hand on purpose: as zod/mini schemas (`z.enum`, `z.unknown`,
// optional fields) they cost the button with `createHttpBackend` 0.2 kB more (`pnpm bench bundle`).
export function readPendingAttempt(storage: StorageLike | undefined): PendingAttempt | undefined {
  const value = read(storage, PENDING_ATTEMPT_KEY);
  if (!isRecord(value)) return undefined;
  const { authConfigId, connectedAccountId, state, returnPath, expiresAt } = value;
  if (
    typeof authConfigId !== 'string' ||
    typeof connectedAccountId !== 'string' ||
    typeof state !== 'string' ||
    typeof returnPath !== 'string' ||
    typeof expiresAt !== 'number'
  ) {
    return undefined;
  }
  return { authConfigId, connectedAccountId, state, returnPath, expiresAt };
}

export function clearPendingAttempt(storage: StorageLike | undefined): void {
  remove(storage, PENDING_ATTEMPT_KEY);
}

export function saveSettledAttempt(storage: StorageLike | undefined, settled: SettledAttempt): boolean {
  return write(storage, SETTLED_ATTEMPT_KEY, settled);
}

/** Reads and removes the settled attempt for `authConfigId`; another config's record stays. */
export function takeSettledAttempt(
  storage: StorageLike | undefined,
  authConfigId: string,
): SettledAttempt | undefined {
  const value = read(storage, SETTLED_ATTEMPT_KEY);
  if (!isRecord(value) || value.authConfigId !== authConfigId) return undefined;
  const { connectedAccountId, status, error } = value;
  if (typeof connectedAccountId !== 'string') return undefined;
  if (status !== 'connected' && status !== 'failed' && status !== 'expired' && status !== 'cancelled') {
    return undefined;
  }
  remove(storage, SETTLED_ATTEMPT_KEY);
  return { authConfigId, connectedAccountId, status, error: isStoredError(error) ? error : undefined };
}

export function toStoredError(error: ConnectError): StoredError {
  return {
    kind: error.kind,
    message: error.message,
    status: error.status,
    slug: error.slug,
    requestId: error.requestId,
    suggestedFix: error.suggestedFix,
  };
}

export function fromStoredError(stored: StoredError): ConnectError {
  return new ConnectError(stored.kind, stored);
}

const PATH_BASE = 'http://plugboard.invalid';

/**
 * A return path is only ever a same-origin path: `//evil.example`, `https://…` and `/\t/evil.example`
 * become `/`. Judged by the URL parser a browser navigates with (it drops tab, CR and LF and reads
 * `\` as `/`), and returned as that parser's normalised path, so what was checked is what is used.
 */
export function safeReturnPath(path: string): string {
  // Control characters never belong in a path we wrote; refuse rather than guess what they hide.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  if (!path.startsWith('/') || /[\u0000-\u001f\u007f]/.test(path)) return '/';
  let url: URL;
  try {
    url = new URL(path, PATH_BASE);
  } catch {
    return '/';
  }
  const normalised = url.pathname + url.search + url.hash;
  // `/a/..//evil.example` normalises to `//evil.example`: the result must be a path on its own too.
  return url.origin === PATH_BASE && !normalised.startsWith('//') ? normalised : '/';
}

function isStoredError(value: unknown): value is StoredError {
  return isRecord(value) && typeof value.kind === 'string' && typeof value.message === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// Storage throws in some privacy modes and when full; a redirect then just cannot be resumed.
function write(storage: StorageLike | undefined, key: string, value: unknown): boolean {
  try {
    storage?.setItem(key, JSON.stringify(value));
    return storage !== undefined;
  } catch {
    return false;
  }
}

function read(storage: StorageLike | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function remove(storage: StorageLike | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the record expires with the tab.
  }
}
