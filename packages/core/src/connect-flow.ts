import type { RequestOptions } from './backend';
import { parseCallbackMessage, withStateParam } from './callback';
import { ConnectError } from './connect-error';
import {
  type ConnectFlowEvent,
  type ConnectFlowSnapshot,
  type ConnectMode,
  initialConnectFlowSnapshot,
  isConnectFlowBusy,
  transition,
} from './connect-flow-machine';
import {
  browserConnectEnvironment,
  type ConnectEnvironment,
  type ConnectFlowOptions,
} from './connect-flow-options';
import { checkLinkSession, popupBlockedError, toConnectError } from './connect-flow-outcome';
import {
  clearPendingAttempt,
  fromStoredError,
  readPendingAttempt,
  savePendingAttempt,
  takeSettledAttempt,
} from './pending-attempt';
import { type AccountPoll, pollAccount } from './poll-account';
import { type PopupHandle, watchPopupClosed } from './popup';
import type { LinkSession, LinkSessionInput } from './wire';

export {
  type ConnectFlowSnapshot,
  type ConnectFlowStatus,
  type ConnectMode,
  isConnectFlowBusy,
} from './connect-flow-machine';
export {
  browserConnectEnvironment,
  type ConnectEnvironment,
  type ConnectFlowOptions,
} from './connect-flow-options';

/** One attempt's resources: everything `#teardown` releases. Its state lives in the snapshot. */
interface Attempt {
  state: string;
  /** The mode asked for: `auto` may still fall back to a redirect when Open again is blocked. */
  requested: ConnectMode;
  mode: ConnectMode;
  popup: PopupHandle | null;
  controller: AbortController;
  poll: AccountPoll | undefined;
  /** Stops watching the popup for `closed`. */
  unwatch: () => void;
  unlisten: Array<() => void>;
}

function newAttempt(
  state: string,
  requested: ConnectMode,
  mode: ConnectMode,
  popup: PopupHandle | null,
): Attempt {
  return {
    state,
    requested,
    mode,
    popup,
    controller: new AbortController(),
    poll: undefined,
    unwatch: () => {},
    unlisten: [],
  };
}

/**
 * Connecting one account through a hosted link session, as a state machine any UI can bind:
 * `idle → creating → awaiting_user → verifying → connected | failed | cancelled | expired`, one
 * table of transitions (`TRANSITIONS`). The backend's account status is the only proof of success;
 * callback messages and the window closing only make it ask.
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
    this.#snapshot = initialConnectFlowSnapshot(options.mode ?? 'auto');
  }

  getSnapshot = (): ConnectFlowSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /**
   * Changes callbacks, mode or callback URL for the next attempt; a running one keeps its own.
   * A new auth config or backend ends the running attempt and starts from `idle`.
   */
  setOptions(options: Partial<ConnectFlowOptions>): void {
    const previous = this.#options;
    this.#options = { ...previous, ...options };
    if (options.environment) this.#env = { ...this.#env, ...options.environment };
    const changed =
      (options.authConfigId !== undefined && options.authConfigId !== previous.authConfigId) ||
      (options.backend !== undefined && options.backend !== previous.backend);
    if (changed && this.#snapshot.status !== 'idle') {
      this.#teardown();
      this.#set({
        ...initialConnectFlowSnapshot(this.#options.mode ?? 'auto'),
        attempt: this.#snapshot.attempt,
      });
    }
  }

  /**
   * Starts an attempt. Call it synchronously from the click handler: the popup is opened before
   * anything is awaited. While an attempt runs it only brings that attempt's window back
   * (`reopen()`), so a second click never makes a second link session.
   */
  start(): void {
    if (isConnectFlowBusy(this.#snapshot.status)) {
      this.reopen();
      return;
    }
    this.#teardown();
    const requested = this.#options.mode ?? 'auto';
    let popup: PopupHandle | null = null;
    let mode = requested;
    if (requested !== 'redirect') {
      popup = this.#openPopup();
      if (!popup) {
        if (requested === 'popup') {
          this.#dispatch({ type: 'popup_blocked', error: popupBlockedError() });
          return;
        }
        mode = 'redirect';
      }
    }
    const attempt = newAttempt(this.#env.randomState(), requested, mode, popup);
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
    this.#dispatch({ type: 'start', mode });
    void this.#create(attempt);
  }

  /** Starts a new attempt with a new link session after a failure, cancel or expiry. */
  retry(): void {
    this.start();
  }

  /**
   * Brings the running attempt's window back, inside the click: focuses it if it is still open,
   * else opens the same `redirect_url` again (a window read as closed may have been severed by
   * COOP, or really closed). Never a new link session. In `auto` mode a blocked window falls
   * back to a full-page redirect to the same link.
   */
  reopen(): void {
    const attempt = this.#attempt;
    const { status, redirectUrl } = this.#snapshot;
    if (!attempt || !isConnectFlowBusy(status) || attempt.mode === 'redirect') return;
    if (attempt.popup && !attempt.popup.closed) {
      attempt.popup.focus?.();
      return;
    }
    if (status !== 'awaiting_user' || redirectUrl === undefined) return;
    const popup = this.#openPopup();
    if (!popup) {
      if (attempt.requested === 'auto') this.#redirectTo(attempt, redirectUrl);
      return;
    }
    attempt.popup = popup;
    popup.navigate(redirectUrl);
    this.#dispatch({ type: 'popup_reopened' });
    this.#watchPopup(attempt);
  }

  /** Stops the running attempt: aborts requests, stops polling, closes the popup. */
  cancel(): void {
    const attempt = this.#attempt;
    if (!this.#dispatch({ type: 'cancel' }) || !attempt) return;
    if (attempt.mode === 'redirect') clearPendingAttempt(this.#env.storage);
    if (attempt.mode === 'redirect' || this.#snapshot.connectedAccountId === undefined) {
      this.#teardown();
      return;
    }
    // The user may still finish in a window we could not close (COOP): a late callback still counts.
    this.#stopWork(attempt);
  }

  /**
   * Releases everything without a state update to anyone (unmount). A busy flow is left `idle`,
   * so a remount (React StrictMode) starts clean; `start()` and `resume()` work again after it.
   */
  dispose(): void {
    this.#teardown();
    this.#snapshot = transition(this.#snapshot, { type: 'dispose' });
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
      this.#dispatch({ type: 'settled', ...settled, error });
      return;
    }
    const pending = readPendingAttempt(storage);
    if (!pending || pending.authConfigId !== this.#options.authConfigId) return;
    this.#teardown();
    const attempt = newAttempt(pending.state, 'redirect', 'redirect', null);
    this.#attempt = attempt;
    this.#dispatch({ type: 'resume', connectedAccountId: pending.connectedAccountId });
    // The user came back without the callback: one answer decides; a pending account means they gave up.
    this.#poll(attempt, pending.connectedAccountId, pending.expiresAt, {
      immediate: true,
      onPending: () => {
        clearPendingAttempt(storage);
        this.#teardown();
        this.#dispatch({ type: 'abandoned' });
      },
    });
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
      if (this.#attempt === attempt) this.#dispatch({ type: 'error', error: toConnectError(thrown) });
      return;
    }
    if (this.#attempt !== attempt) return;
    const checked = checkLinkSession(session);
    if (checked instanceof ConnectError) {
      this.#dispatch({ type: 'error', error: checked });
      return;
    }
    const { redirectUrl, expiresAtMs } = checked;
    this.#dispatch({
      type: 'created',
      connectedAccountId: session.connected_account_id,
      redirectUrl,
      expiresAt: session.expires_at,
    });
    if (attempt.mode === 'redirect') {
      this.#redirectTo(attempt, redirectUrl);
      return;
    }
    attempt.popup?.navigate(redirectUrl);
    this.#poll(attempt, session.connected_account_id, expiresAtMs, { immediate: false });
  }

  /** Redirect mode: saves the attempt for the callback route, then leaves the page for the link. */
  #redirectTo(attempt: Attempt, redirectUrl: string): void {
    const { connectedAccountId, expiresAt } = this.#snapshot;
    if (connectedAccountId === undefined || expiresAt === undefined) return;
    attempt.mode = 'redirect';
    savePendingAttempt(this.#env.storage, {
      authConfigId: this.#options.authConfigId,
      connectedAccountId,
      state: attempt.state,
      returnPath: this.#env.currentPath(),
      expiresAt: Date.parse(expiresAt),
    });
    this.#env.navigate(redirectUrl);
  }

  /** Status polling with backoff until the account is final or the link expires. */
  #poll(
    attempt: Attempt,
    accountId: string,
    expiresAt: number,
    options: { immediate: boolean; onPending?: () => void },
  ): void {
    const poll = pollAccount({
      // The environment's clock and timers, and the backoff of `options.poll`.
      ...this.#env,
      ...this.#options.poll,
      read: (signal) => this.#options.backend.getConnectedAccount(accountId, { signal }),
      expiresAt,
      immediate: options.immediate,
      onPending: (outcome) => {
        if (!(outcome instanceof ConnectError)) options.onPending?.();
      },
    });
    attempt.poll = poll;
    void poll.result.then((result) => {
      if (this.#attempt !== attempt || attempt.poll !== poll) return;
      attempt.poll = undefined;
      if (result.status === 'stopped') return;
      this.#dispatch({ type: 'account_status', ...result });
    });
  }

  #onCallbackMessage(attempt: Attempt, data: unknown): void {
    const message = parseCallbackMessage(data);
    if (!message || message.state !== attempt.state || this.#attempt !== attempt) return;
    const { connectedAccountId, expiresAt } = this.#snapshot;
    if (connectedAccountId === undefined || expiresAt === undefined) return;
    if (!this.#dispatch({ type: 'callback' })) return;
    // The user is back from the provider: ask now (once for both copies of the message).
    if (attempt.poll) attempt.poll.askNow();
    else this.#poll(attempt, connectedAccountId, Date.parse(expiresAt), { immediate: true });
  }

  #watchPopup(attempt: Attempt): void {
    const popup = attempt.popup;
    if (!popup) return;
    attempt.unwatch();
    attempt.unwatch = watchPopupClosed(popup, this.#env, this.#options.closedCheckMs, () => {
      if (this.#attempt !== attempt || attempt.popup !== popup) return;
      this.#dispatch({ type: 'popup_closed' });
      // Closed before the link session existed: nothing can complete, so stop the create request.
      if (this.#snapshot.status === 'cancelled') this.#teardown();
    });
  }

  #openPopup(): PopupHandle | null {
    const popup = this.#env.openPopup({ ...this.#options.popup, onCancel: () => this.cancel() });
    return popup && !popup.closed ? popup : null;
  }

  /** Feeds one event to the table; on a final state, tells the callbacks and releases the attempt. */
  #dispatch(event: ConnectFlowEvent): boolean {
    const next = transition(this.#snapshot, event);
    if (next === this.#snapshot) return false;
    this.#set(next);
    const { status, error, connectedAccountId } = next;
    if (status === 'connected' || status === 'failed' || status === 'expired') {
      if (this.#attempt?.mode === 'redirect') clearPendingAttempt(this.#env.storage);
      this.#teardown();
    }
    if (status === 'connected' && connectedAccountId !== undefined)
      this.#options.onSuccess?.({ connectedAccountId });
    if (error && (status === 'failed' || status === 'expired')) this.#options.onError?.(error);
    return true;
  }

  /** Stops requests, polling and watching, and closes the popup; listeners stay. */
  #stopWork(attempt: Attempt): void {
    attempt.controller.abort();
    attempt.poll?.stop();
    attempt.poll = undefined;
    attempt.unwatch();
    attempt.popup?.close();
  }

  #teardown(): void {
    const attempt = this.#attempt;
    if (!attempt) return;
    this.#attempt = undefined;
    this.#stopWork(attempt);
    for (const unlisten of attempt.unlisten) unlisten();
    attempt.unlisten = [];
  }

  #set(snapshot: ConnectFlowSnapshot): void {
    this.#snapshot = snapshot;
    this.#options.onStateChange?.(snapshot);
    for (const listener of this.#listeners) listener();
  }
}
