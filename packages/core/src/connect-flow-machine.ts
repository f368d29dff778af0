import { ConnectError } from './connect-error';

/** Named after what the user sees. */
export type ConnectFlowStatus =
  | 'idle'
  | 'creating'
  | 'awaiting_user'
  | 'verifying'
  | 'connected'
  | 'failed'
  | 'cancelled'
  | 'expired';

/** `auto` tries a popup and falls back to a full-page redirect when the browser blocks it. */
export type ConnectMode = 'popup' | 'redirect' | 'auto';

export interface ConnectFlowSnapshot {
  readonly status: ConnectFlowStatus;
  readonly connectedAccountId: string | undefined;
  /** The provider's hosted page, once the link session exists (http or https only). */
  readonly redirectUrl: string | undefined;
  /** The link session's `expires_at`, as the backend sent it. */
  readonly expiresAt: string | undefined;
  readonly error: ConnectError | undefined;
  /** How this attempt runs: the requested mode, or `redirect` once `auto` fell back. */
  readonly mode: ConnectMode;
  /** Counts attempts: 0 before the first. */
  readonly attempt: number;
  /**
   * `awaiting_user` only: the window read as closed without a callback. A hint, not an outcome
   * (Cross-Origin-Opener-Policy makes an open window read closed): the flow still listens and polls
   * until the link expires, and the UI offers Cancel and Open again (`reopen()`).
   */
  readonly popupClosed: boolean;
}

/** Everything that can happen to a connect attempt; the flow feeds each one to `transition`. */
export type ConnectFlowEvent =
  | { type: 'start'; mode: ConnectMode }
  | { type: 'popup_blocked'; error: ConnectError }
  | { type: 'created'; connectedAccountId: string; redirectUrl: string; expiresAt: string }
  | { type: 'callback' }
  | { type: 'popup_closed' }
  | { type: 'popup_reopened' }
  /** The account's final status, or `expired` when `expires_at` passed with it still pending. */
  | { type: 'account_status'; status: 'connected' }
  | { type: 'account_status'; status: 'failed' | 'expired'; error: ConnectError }
  | { type: 'error'; error: ConnectError }
  | { type: 'cancel' }
  /** Redirect mode, back on the app: the callback route never ran, so the account is asked once. */
  | { type: 'resume'; connectedAccountId: string }
  /** Redirect mode: the account is still pending after the user came back without finishing. */
  | { type: 'abandoned' }
  /** Redirect mode: the callback route left this outcome. */
  | {
      type: 'settled';
      status: 'connected' | 'failed' | 'cancelled' | 'expired';
      connectedAccountId: string;
      error: ConnectError | undefined;
    }
  /** Unmount: a busy flow is left idle so a remount starts clean; listeners are not told. */
  | { type: 'dispose' };

type EventType = ConnectFlowEvent['type'];
type EventOf<T extends EventType> = Extract<ConnectFlowEvent, { type: T }>;
type Handler<T extends EventType> = (snapshot: ConnectFlowSnapshot, event: EventOf<T>) => ConnectFlowSnapshot;
type Row = { [T in EventType]?: Handler<T> };

export const initialConnectFlowSnapshot = (mode: ConnectMode): ConnectFlowSnapshot => ({
  status: 'idle',
  connectedAccountId: undefined,
  redirectUrl: undefined,
  expiresAt: undefined,
  error: undefined,
  mode,
  attempt: 0,
  popupClosed: false,
});

const BUSY: ReadonlySet<ConnectFlowStatus> = new Set(['creating', 'awaiting_user', 'verifying']);

/** Whether a status is one the flow is still working in (a click then only brings its window back). */
export function isConnectFlowBusy(status: ConnectFlowStatus): boolean {
  return BUSY.has(status);
}

const to = (
  snapshot: ConnectFlowSnapshot,
  status: ConnectFlowStatus,
  patch: Partial<ConnectFlowSnapshot> = {},
): ConnectFlowSnapshot => ({ ...snapshot, status, popupClosed: false, ...patch });

/** A new attempt begins from any state that is not busy: a fresh snapshot, the count one higher. */
const fresh = (snapshot: ConnectFlowSnapshot, mode: ConnectMode, patch: Partial<ConnectFlowSnapshot>) => ({
  ...initialConnectFlowSnapshot(mode),
  attempt: snapshot.attempt + 1,
  ...patch,
});

const beginning: Row = {
  start: (s, e) => fresh(s, e.mode, { status: 'creating' }),
  popup_blocked: (s, e) => fresh(s, 'popup', { status: 'failed', error: e.error }),
  resume: (s, e) => fresh(s, 'redirect', { status: 'verifying', connectedAccountId: e.connectedAccountId }),
  settled: (s, e) =>
    fresh(s, 'redirect', { status: e.status, connectedAccountId: e.connectedAccountId, error: e.error }),
};

/** What every state that waits on the account shares: the account's answer and the user's cancel. */
const waiting: Row = {
  account_status: (s, e) => to(s, e.status, { error: 'error' in e ? e.error : undefined }),
  error: (s, e) => to(s, 'failed', { error: e.error }),
  cancel: (s) => to(s, 'cancelled', { error: undefined }),
  dispose: (s) => to(s, 'idle'),
};

/**
 * The whole connect flow in one table: `TRANSITIONS[state][event]` gives the next snapshot; an
 * event a state does not list changes nothing (a late answer after the user cancelled, a second
 * copy of a callback). `ConnectFlow` runs the effects (requests, timers, windows) around it.
 */
export const TRANSITIONS: Record<ConnectFlowStatus, Row> = {
  idle: beginning,
  creating: {
    created: (s, e) =>
      to(s, 'awaiting_user', {
        connectedAccountId: e.connectedAccountId,
        redirectUrl: e.redirectUrl,
        expiresAt: e.expiresAt,
      }),
    // No link exists yet, so nothing can still complete: the user closed the window on purpose.
    popup_closed: (s) => to(s, 'cancelled', { error: popupClosedError() }),
    error: waiting.error,
    cancel: waiting.cancel,
    dispose: waiting.dispose,
  },
  awaiting_user: {
    ...waiting,
    callback: (s) => to(s, 'verifying', { error: undefined }),
    // Closed is a hint: keep waiting, listening and polling; the UI offers Cancel and Open again.
    popup_closed: (s) => ({ ...s, popupClosed: true }),
    popup_reopened: (s) => ({ ...s, popupClosed: false }),
  },
  verifying: {
    ...waiting,
    abandoned: (s) => to(s, 'cancelled', { error: popupClosedError() }),
  },
  connected: beginning,
  failed: beginning,
  // A callback after a cancel still counts: the user may have finished in a window we could not close.
  cancelled: { ...beginning, callback: (s) => to(s, 'verifying', { error: undefined }) },
  expired: beginning,
};

/** `(state, event) → state`: the next snapshot, or the same object when the event changes nothing. */
export function transition(snapshot: ConnectFlowSnapshot, event: ConnectFlowEvent): ConnectFlowSnapshot {
  const handler = TRANSITIONS[snapshot.status][event.type] as Handler<typeof event.type> | undefined;
  return handler ? handler(snapshot, event as never) : snapshot;
}

export function popupClosedError(): ConnectError {
  return new ConnectError('popup_closed', {
    message: 'The sign-in window was closed.',
  });
}
