import type { ConnectBackend, RequestOptions } from './backend';
import { CALLBACK_CHANNEL, parseCallbackMessage, withStateParam } from './callback';
import { ConnectError } from './connect-error';
import {
  accountOutcome,
  checkRedirectUrl,
  isTransient,
  linkExpiredError,
  nextPollDelay,
  toConnectError,
} from './connect-flow-outcome';
import {
  clearPendingAttempt,
  fromStoredError,
  readPendingAttempt,
  type StorageLike,
  savePendingAttempt,
  takeSettledAttempt,
} from './pending-attempt';
import { openPopupPlaceholder, type PopupHandle, type PopupPlaceholder } from './popup';
import type { LinkSession, LinkSessionInput } from './wire';

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
  /** Counts `start()`s: 0 before the first. */
  readonly attempt: number;
}

const BUSY: ReadonlySet<ConnectFlowStatus> = new Set(['creating', 'awaiting_user', 'verifying']);

/** Whether a status is one the flow is still working in (a click then does nothing). */
export function isConnectFlowBusy(status: ConnectFlowStatus): boolean {
  return BUSY.has(status);
}

/** Everything the flow does to the outside world. Defaults come from `browserConnectEnvironment()`. */
export interface ConnectEnvironment {
  /** The app's origin: the only origin a callback message is accepted from. */
  origin: string;
  /** Where a redirect-mode attempt returns to: the current path, query and hash. */
  currentPath: () => string;
  openPopup: (placeholder: PopupPlaceholder) => PopupHandle | null;
  /** A full-page navigation (redirect mode). */
  navigate: (url: string) => void;
  /** `message` events of this window; returns an unsubscribe. */
  onWindowMessage: (listener: (event: { origin: string; data: unknown }) => void) => () => void;
  /** Messages on the kit's `BroadcastChannel`; returns an unsubscribe. */
  onChannelMessage: (listener: (data: unknown) => void) => () => void;
  storage: StorageLike | undefined;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
  /** A fresh unguessable nonce per attempt. */
  randomState: () => string;
}

/** The real browser; on a server (no `window`) every effect is inert, so importing is safe. */
export function browserConnectEnvironment(): ConnectEnvironment {
  const win = typeof window === 'undefined' ? undefined : window;
  return {
    origin: win?.location.origin ?? 'http://localhost',
    currentPath: () => (win ? win.location.pathname + win.location.search + win.location.hash : '/'),
    openPopup: (placeholder) => (win ? openPopupPlaceholder(win, placeholder) : null),
    navigate: (url) => win?.location.assign(url),
    onWindowMessage: (listener) => {
      if (!win) return () => {};
      const handler = (event: MessageEvent) => listener({ origin: event.origin, data: event.data });
      win.addEventListener('message', handler);
      return () => win.removeEventListener('message', handler);
    },
    onChannelMessage: (listener) => {
      if (typeof BroadcastChannel === 'undefined') return () => {};
      const channel = new BroadcastChannel(CALLBACK_CHANNEL);
      channel.onmessage = (event) => listener(event.data);
      return () => channel.close();
    },
    storage: (() => {
      try {
        return win?.sessionStorage;
      } catch {
        return undefined; // access throws when storage is disabled
      }
    })(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    randomState: () => {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    },
  };
}

export interface ConnectFlowOptions {
  backend: ConnectBackend;
  authConfigId: string;
  /** Default `auto`. */
  mode?: ConnectMode | undefined;
  /** Your callback route (`<ConnectCallback>`), absolute or relative; default `/connect/callback`. */
  callbackUrl?: string | undefined;
  /** Creates the link session; default `backend.createLinkSession` (React passes a mutation). */
  createLinkSession?:
    | ((input: LinkSessionInput, options: RequestOptions) => Promise<LinkSession>)
    | undefined;
  /** The progress page shown in the popup while the link session is created. */
  popup?: PopupPlaceholder | undefined;
  /** Status polling while waiting: first delay, doubling to `max`. Default 1 000 → 5 000 ms. */
  poll?: { initialMs?: number; maxMs?: number } | undefined;
  /** How often a popup is checked for having been closed. Default 500 ms. */
  closedCheckMs?: number | undefined;
  onStateChange?: ((snapshot: ConnectFlowSnapshot) => void) | undefined;
  onSuccess?: ((result: { connectedAccountId: string }) => void) | undefined;
  onError?: ((error: ConnectError) => void) | undefined;
  environment?: Partial<ConnectEnvironment> | undefined;
}

/** One `start()`'s resources: everything `#teardown` releases. */
interface Attempt {
  state: string;
  mode: ConnectMode;
  popup: PopupHandle | null;
  controller: AbortController;
  request: AbortController | undefined;
  accountId: string | undefined;
  expiresAtMs: number;
  pollTimer: unknown;
  pollDelay: number | undefined;
  timers: Set<unknown>;
  unlisten: Array<() => void>;
  popupClosed: boolean;
  /** A valid callback message arrived: the user finished at the provider, whatever the window does. */
  callbackReceived: boolean;
  expired: boolean;
}

/** A fresh attempt: nothing sent, nothing heard, no timers yet. */
function newAttempt(start: Pick<Attempt, 'state' | 'mode' | 'popup'> & Partial<Attempt>): Attempt {
  return {
    controller: new AbortController(),
    request: undefined,
    accountId: undefined,
    expiresAtMs: Number.POSITIVE_INFINITY,
    pollTimer: undefined,
    pollDelay: undefined,
    timers: new Set(),
    unlisten: [],
    popupClosed: false,
    callbackReceived: false,
    expired: false,
    ...start,
  };
}

const initialSnapshot = (mode: ConnectMode): ConnectFlowSnapshot => ({
  status: 'idle',
  connectedAccountId: undefined,
  redirectUrl: undefined,
  expiresAt: undefined,
  error: undefined,
  mode,
  attempt: 0,
});

/**
 * Connecting one account through a hosted link session, as a state machine any UI can bind:
 * `idle → creating → awaiting_user → verifying → connected | failed | cancelled | expired`.
 * The backend's account status is the only proof of success; callback messages, the popup
 * closing and the expiry time only make it ask.
 *
 * @example
 * const flow = new ConnectFlow({ backend, authConfigId: 'ac_github' });
 * button.onclick = () => flow.start(); // synchronously: the popup opens inside the click
 * flow.subscribe(() => render(flow.getSnapshot()));
 */
export class ConnectFlow {
  #options: ConnectFlowOptions;
  #env: ConnectEnvironment;
  #snapshot: ConnectFlowSnapshot;
  #listeners = new Set<() => void>();
  #attempt: Attempt | undefined;

  constructor(options: ConnectFlowOptions) {
    this.#options = options;
    this.#env = { ...browserConnectEnvironment(), ...options.environment };
    this.#snapshot = initialSnapshot(options.mode ?? 'auto');
  }

  getSnapshot = (): ConnectFlowSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Changes callbacks, mode or backend for the next attempt; a running one keeps its own. */
  setOptions(options: Partial<ConnectFlowOptions>): void {
    this.#options = { ...this.#options, ...options };
    if (options.environment) this.#env = { ...this.#env, ...options.environment };
  }

  /**
   * Starts an attempt. Call it synchronously from the click handler: the popup is opened before
   * anything is awaited. Does nothing while an attempt runs, so a double click makes one link session.
   */
  start(): void {
    if (isConnectFlowBusy(this.#snapshot.status)) return;
    this.#teardown();
    const requested = this.#options.mode ?? 'auto';
    const attemptNumber = this.#snapshot.attempt + 1;
    let popup: PopupHandle | null = null;
    let mode = requested;
    if (requested !== 'redirect') {
      popup = this.#env.openPopup(this.#options.popup ?? {});
      if (!popup || popup.closed) {
        popup = null;
        if (requested === 'popup') {
          this.#set({
            ...initialSnapshot(mode),
            attempt: attemptNumber,
            status: 'failed',
            error: new ConnectError('popup_blocked', {
              message: 'The browser blocked the sign-in window.',
              suggestedFix: 'Allow pop-ups for this site, then try again.',
            }),
          });
          return;
        }
        mode = 'redirect';
      }
    }
    const attempt = newAttempt({ state: this.#env.randomState(), mode, popup });
    this.#attempt = attempt;
    if (popup) {
      // Listen before anything is sent, so no callback can arrive unheard.
      attempt.unlisten.push(
        this.#env.onWindowMessage((event) => {
          if (event.origin === this.#env.origin) this.#onCallbackMessage(attempt, event.data);
        }),
        this.#env.onChannelMessage((data) => this.#onCallbackMessage(attempt, data)),
      );
      this.#watchPopup(attempt);
    }
    this.#set({ ...initialSnapshot(mode), attempt: attemptNumber, status: 'creating' });
    void this.#create(attempt);
  }

  /** Starts a new attempt with a new link session after a failure, cancel or expiry. */
  retry(): void {
    this.start();
  }

  /** Stops the running attempt: aborts requests, stops polling, closes the popup. */
  cancel(): void {
    if (!isConnectFlowBusy(this.#snapshot.status) && this.#attempt === undefined) return;
    const wasBusy = isConnectFlowBusy(this.#snapshot.status);
    if (this.#attempt?.mode === 'redirect') clearPendingAttempt(this.#env.storage);
    this.#teardown();
    if (wasBusy) this.#set({ status: 'cancelled', error: undefined });
  }

  /**
   * Releases everything without a state update to anyone (unmount). A busy flow is left `idle`,
   * so a remount (React StrictMode) starts clean; `start()` and `resume()` work again after it.
   */
  dispose(): void {
    this.#teardown();
    if (isConnectFlowBusy(this.#snapshot.status)) this.#snapshot = { ...this.#snapshot, status: 'idle' };
  }

  /**
   * After a full-page redirect returns: adopts the outcome the callback route left for this auth
   * config, or — if the callback route never ran — asks the backend about the pending attempt.
   */
  resume(): void {
    if (isConnectFlowBusy(this.#snapshot.status)) return;
    const { storage } = this.#env;
    const settled = takeSettledAttempt(storage, this.#options.authConfigId);
    if (settled) {
      const error = settled.error ? fromStoredError(settled.error) : undefined;
      this.#set({
        ...initialSnapshot('redirect'),
        attempt: this.#snapshot.attempt + 1,
        status: settled.status,
        connectedAccountId: settled.connectedAccountId,
        error,
      });
      this.#notifyOutcome();
      return;
    }
    const pending = readPendingAttempt(storage);
    if (!pending || pending.authConfigId !== this.#options.authConfigId) return;
    const attempt = newAttempt({
      state: pending.state,
      mode: 'redirect',
      popup: null,
      accountId: pending.connectedAccountId,
      expiresAtMs: pending.expiresAt,
      // The user came back without the callback: a pending account means they gave up.
      popupClosed: true,
      expired: this.#env.now() >= pending.expiresAt,
    });
    this.#teardown();
    this.#attempt = attempt;
    this.#set({
      ...initialSnapshot('redirect'),
      attempt: this.#snapshot.attempt + 1,
      status: 'verifying',
      connectedAccountId: pending.connectedAccountId,
    });
    void this.#verify(attempt);
  }

  async #create(attempt: Attempt): Promise<void> {
    const create =
      this.#options.createLinkSession ??
      ((input: LinkSessionInput, options: RequestOptions) =>
        this.#options.backend.createLinkSession(input, options));
    const callbackUrl = withStateParam(
      this.#options.callbackUrl ?? '/connect/callback',
      attempt.state,
      this.#env.origin,
    );
    let session: LinkSession;
    try {
      session = await create(
        { auth_config_id: this.#options.authConfigId, callback_url: callbackUrl },
        { signal: attempt.controller.signal },
      );
    } catch (thrown) {
      if (this.#attempt === attempt) this.#settle(attempt, 'failed', toConnectError(thrown));
      return;
    }
    if (this.#attempt !== attempt) return;
    const redirectUrl = checkRedirectUrl(session.redirect_url);
    if (redirectUrl instanceof ConnectError) {
      this.#settle(attempt, 'failed', redirectUrl);
      return;
    }
    const expiresAtMs = Date.parse(session.expires_at);
    if (Number.isNaN(expiresAtMs)) {
      this.#settle(
        attempt,
        'failed',
        new ConnectError('invalid_response', {
          message: 'The link session has no valid expiry.',
          path: 'expires_at',
        }),
      );
      return;
    }
    attempt.accountId = session.connected_account_id;
    attempt.expiresAtMs = expiresAtMs;
    this.#set({
      status: 'awaiting_user',
      connectedAccountId: session.connected_account_id,
      redirectUrl,
      expiresAt: session.expires_at,
    });
    if (attempt.mode === 'redirect') {
      savePendingAttempt(this.#env.storage, {
        authConfigId: this.#options.authConfigId,
        connectedAccountId: session.connected_account_id,
        state: attempt.state,
        returnPath: this.#env.currentPath(),
        expiresAt: expiresAtMs,
      });
      this.#env.navigate(redirectUrl);
      return;
    }
    attempt.popup?.navigate(redirectUrl);
    this.#timer(attempt, () => this.#onExpired(attempt), Math.max(0, expiresAtMs - this.#env.now()));
    this.#schedulePoll(attempt);
  }

  #onCallbackMessage(attempt: Attempt, data: unknown): void {
    const message = parseCallbackMessage(data);
    if (!message || message.state !== attempt.state || this.#attempt !== attempt) return;
    if (attempt.accountId === undefined) return;
    // The callback page posts to the opener and on the channel: the second copy asks nothing new.
    if (attempt.callbackReceived && attempt.request !== undefined) return;
    const { status } = this.#snapshot;
    // `cancelled` too: under COOP `popup.closed` can read true while the user is still signing in.
    if (status !== 'awaiting_user' && status !== 'verifying' && status !== 'cancelled') return;
    attempt.callbackReceived = true;
    // The user is back from the provider: if the account still lags, ask again soon.
    attempt.pollDelay = undefined;
    this.#set({ status: 'verifying', error: undefined });
    void this.#verify(attempt);
  }

  #watchPopup(attempt: Attempt): void {
    const check = () => {
      if (this.#attempt !== attempt || !attempt.popup) return;
      if (!attempt.popup.closed) {
        this.#timer(attempt, check, this.#options.closedCheckMs ?? 500);
        return;
      }
      attempt.popupClosed = true;
      if (attempt.accountId === undefined) {
        // Closed before the link session existed: nothing to verify.
        attempt.controller.abort();
        this.#settle(attempt, 'cancelled', popupClosedError(), { keepListening: false });
        return;
      }
      // The callback page closes itself after its message: the request that message started decides.
      if (attempt.request !== undefined && attempt.callbackReceived) return;
      if (this.#snapshot.status === 'awaiting_user') this.#set({ status: 'verifying' });
      void this.#verify(attempt);
    };
    this.#timer(attempt, check, this.#options.closedCheckMs ?? 500);
  }

  #onExpired(attempt: Attempt): void {
    if (this.#attempt !== attempt) return;
    attempt.expired = true;
    // One last look: a connection completed at the last second still counts.
    void this.#verify(attempt);
  }

  #schedulePoll(attempt: Attempt): void {
    if (attempt.pollTimer !== undefined) this.#clearTimer(attempt, attempt.pollTimer);
    attempt.pollDelay = nextPollDelay(
      attempt.pollDelay,
      this.#options.poll?.initialMs,
      this.#options.poll?.maxMs,
    );
    attempt.pollTimer = this.#timer(
      attempt,
      () => {
        attempt.pollTimer = undefined;
        void this.#verify(attempt);
      },
      attempt.pollDelay,
    );
  }

  /** One GET of the account; decides from its status, or waits and asks again. */
  async #verify(attempt: Attempt): Promise<void> {
    const accountId = attempt.accountId;
    if (accountId === undefined || this.#attempt !== attempt) return;
    if (attempt.pollTimer !== undefined) {
      this.#clearTimer(attempt, attempt.pollTimer);
      attempt.pollTimer = undefined;
    }
    // A newer reason to ask supersedes a request already on its way.
    attempt.request?.abort();
    const request = new AbortController();
    attempt.request = request;
    const abortRequest = () => request.abort();
    attempt.controller.signal.addEventListener('abort', abortRequest, { once: true });
    try {
      const account = await this.#options.backend.getConnectedAccount(accountId, { signal: request.signal });
      if (this.#attempt !== attempt || request.signal.aborted) return;
      const outcome = accountOutcome(account);
      if (outcome.status === 'connected') {
        this.#settle(attempt, 'connected', undefined);
      } else if (outcome.status !== 'pending') {
        this.#settle(attempt, outcome.status, outcome.error);
      } else if (attempt.expired) {
        this.#settle(attempt, 'expired', linkExpiredError());
      } else if (attempt.popupClosed && !attempt.callbackReceived) {
        this.#settle(attempt, 'cancelled', popupClosedError(), {
          keepListening: attempt.mode !== 'redirect',
        });
        if (attempt.mode === 'redirect') clearPendingAttempt(this.#env.storage);
      } else {
        this.#schedulePoll(attempt);
      }
    } catch (thrown) {
      if (this.#attempt !== attempt || request.signal.aborted) return;
      const error = toConnectError(thrown);
      if (isTransient(error) && !attempt.expired) {
        // The network dropping mid-wait is not the user's failure: keep asking, with backoff.
        this.#schedulePoll(attempt);
      } else {
        this.#settle(attempt, attempt.expired && isTransient(error) ? 'expired' : 'failed', error);
      }
    } finally {
      attempt.controller.signal.removeEventListener('abort', abortRequest);
      if (attempt.request === request) attempt.request = undefined;
    }
  }

  #settle(
    attempt: Attempt,
    status: 'connected' | 'failed' | 'cancelled' | 'expired',
    error: ConnectError | undefined,
    { keepListening = false }: { keepListening?: boolean } = {},
  ): void {
    if (attempt.mode === 'redirect' && status !== 'cancelled') clearPendingAttempt(this.#env.storage);
    if (keepListening) {
      // Stop asking and watching, but a late callback message may still prove a success.
      attempt.request?.abort();
      for (const timer of attempt.timers) this.#env.clearTimeout(timer);
      attempt.timers.clear();
      attempt.pollTimer = undefined;
      attempt.popup?.close();
    } else {
      this.#teardown();
    }
    this.#set({ status, error });
    this.#notifyOutcome();
  }

  #notifyOutcome(): void {
    const { status, error, connectedAccountId } = this.#snapshot;
    if (status === 'connected' && connectedAccountId !== undefined)
      this.#options.onSuccess?.({ connectedAccountId });
    if (error && (status === 'failed' || status === 'expired')) this.#options.onError?.(error);
  }

  #teardown(): void {
    const attempt = this.#attempt;
    if (!attempt) return;
    this.#attempt = undefined;
    attempt.controller.abort();
    attempt.request?.abort();
    for (const timer of attempt.timers) this.#env.clearTimeout(timer);
    attempt.timers.clear();
    for (const unlisten of attempt.unlisten) unlisten();
    attempt.unlisten = [];
    attempt.popup?.close();
  }

  #timer(attempt: Attempt, callback: () => void, ms: number): unknown {
    const handle = this.#env.setTimeout(() => {
      attempt.timers.delete(handle);
      callback();
    }, ms);
    attempt.timers.add(handle);
    return handle;
  }

  #clearTimer(attempt: Attempt, handle: unknown): void {
    this.#env.clearTimeout(handle);
    attempt.timers.delete(handle);
  }

  #set(patch: Partial<ConnectFlowSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    this.#options.onStateChange?.(this.#snapshot);
    for (const listener of this.#listeners) listener();
  }
}

function popupClosedError(): ConnectError {
  return new ConnectError('popup_closed', {
    message: 'The sign-in window was closed before the connection finished.',
  });
}
