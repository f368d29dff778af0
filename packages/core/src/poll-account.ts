import type { ConnectError } from './connect-error';
import {
  type AccountOutcome,
  accountOutcome,
  isTransient,
  linkExpiredError,
  nextPollDelay,
  toConnectError,
} from './connect-flow-outcome';
import type { ConnectedAccount } from './wire';

/** How polling ended: a final account status, the link's expiry, or an error worth no retry. */
export type PollResult =
  | { status: 'connected' }
  | { status: 'failed' | 'expired'; error: ConnectError }
  | { status: 'stopped' };

export interface PollAccountOptions {
  /** One read of the account (`backend.getConnectedAccount`), aborted through `signal` on stop. */
  read: (signal: AbortSignal) => Promise<Pick<ConnectedAccount, 'status' | 'status_reason'>>;
  /** The link's `expires_at` in epoch ms: a pending account at that time is `expired`. */
  expiresAt: number;
  /** Ask at once (the callback page) or only after the first delay (a flow that just opened the link). */
  immediate?: boolean | undefined;
  /** Backoff: the first delay, doubling to `maxMs`. Default 1 000 → 5 000 ms. */
  initialMs?: number | undefined;
  maxMs?: number | undefined;
  now?: (() => number) | undefined;
  setTimeout?: ((callback: () => void, ms: number) => unknown) | undefined;
  clearTimeout?: ((handle: unknown) => void) | undefined;
  /** Called for every answer that was still pending, and for each transient error retried. */
  onPending?: ((outcome: AccountOutcome | ConnectError) => void) | undefined;
}

/** A running poll: `result` settles once; `askNow()` is a hint that the user is back. */
export interface AccountPoll {
  readonly result: Promise<PollResult>;
  /** Reads at once and restarts the backoff (a callback arrived); during a read, once more after it. */
  askNow(): void;
  /** Aborts the read in flight and any wait; `result` becomes `{ status: 'stopped' }`. */
  stop(): void;
}

/**
 * Polls one account until its status is final, the link expires, or a non-transient error: the
 * single loop behind the connect flow, the callback page and the status hook. Transient errors
 * (network, timeout, 5xx, 429) are retried with the same backoff; a read at `expiresAt` is the
 * last look, so a connection completed at the last second still counts.
 *
 * @example
 * const poll = pollAccount({ read: (signal) => backend.getConnectedAccount(id, { signal }), expiresAt, immediate: true });
 * const outcome = await poll.result;
 */
export function pollAccount(options: PollAccountOptions): AccountPoll {
  const now = options.now ?? Date.now;
  const schedule = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  const unschedule =
    options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let delay: number | undefined;
  let timer: unknown;
  let request: AbortController | undefined;
  let askAgain = false;
  let done = false;
  let resolve: (result: PollResult) => void = () => {};
  const result = new Promise<PollResult>((settle) => {
    resolve = settle;
  });

  const finish = (outcome: PollResult) => {
    if (done) return;
    done = true;
    if (timer !== undefined) unschedule(timer);
    request?.abort();
    resolve(outcome);
  };

  const wait = () => {
    delay = nextPollDelay(delay, options.initialMs, options.maxMs);
    timer = schedule(read, Math.max(0, Math.min(delay, options.expiresAt - now())));
  };

  async function read(): Promise<void> {
    timer = undefined;
    const controller = new AbortController();
    request = controller;
    askAgain = false;
    let pending: AccountOutcome | ConnectError;
    try {
      pending = accountOutcome(await options.read(controller.signal));
      if (pending.status !== 'pending') finish(pending);
    } catch (thrown) {
      pending = toConnectError(thrown);
      if (!isTransient(pending)) finish({ status: 'failed', error: pending });
    }
    if (done) return;
    request = undefined;
    // Pending at `expires_at` (or the network gone then): the link ran out, not a failure.
    if (now() >= options.expiresAt) return finish({ status: 'expired', error: linkExpiredError() });
    options.onPending?.(pending);
    if (done) return; // `onPending` may have stopped it
    if (askAgain) {
      delay = undefined;
      void read();
    } else wait();
  }

  if (options.immediate) void read();
  else wait();

  return {
    result,
    askNow() {
      if (done) return;
      // A read on its way may have started before the hint: ask once more right after it.
      if (request) askAgain = true;
      else {
        if (timer !== undefined) unschedule(timer);
        delay = undefined;
        void read();
      }
    },
    stop() {
      finish({ status: 'stopped' });
    },
  };
}

/** The wait before read number `reads + 1` of the same backoff `pollAccount` uses (for a query's refetch interval). */
export function pollDelayAfter(reads: number, initialMs?: number, maxMs?: number): number {
  let delay: number | undefined;
  for (let read = 0; read < Math.max(1, reads); read += 1) delay = nextPollDelay(delay, initialMs, maxMs);
  return delay ?? nextPollDelay(undefined, initialMs, maxMs);
}
