import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectError } from './connect-error';
import { pollAccount, pollDelayAfter } from './poll-account';
import type { ConnectionStatus } from './wire';

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** A read that answers the scripted statuses in turn (the last one repeats), recording when it was asked (ms after it was made). */
function scripted(statuses: Array<ConnectionStatus | ConnectError>) {
  const times: number[] = [];
  const signals: AbortSignal[] = [];
  const start = Date.now();
  const read = async (signal: AbortSignal) => {
    times.push(Date.now() - start);
    signals.push(signal);
    const next = statuses.length > 1 ? statuses.shift() : statuses[0];
    if (next instanceof ConnectError) throw next;
    return { status: next ?? 'INITIATED', status_reason: next === 'FAILED' ? 'denied' : null };
  };
  return { read, times, signals };
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollAccount', () => {
  it('asks at once, then backs off 1 s, 2 s, 4 s, 5 s until the account is ACTIVE', async () => {
    const { read, times } = scripted(['INITIATED', 'INITIATED', 'INACTIVE', 'INITIALIZING', 'ACTIVE']);
    const poll = pollAccount({ read, expiresAt: NOW + 600_000, immediate: true });
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(poll.result).resolves.toEqual({ status: 'connected' });
    expect(times).toEqual([0, 1000, 3000, 7000, 12_000]);
  });

  it('waits the first delay before the first read when not immediate', async () => {
    const { read, times } = scripted(['ACTIVE']);
    pollAccount({ read, expiresAt: NOW + 600_000, initialMs: 250 });
    await vi.advanceTimersByTimeAsync(249);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([250]);
  });

  it('ends failed with the reason of a FAILED account, and stops asking', async () => {
    const { read, times } = scripted(['INITIATED', 'FAILED']);
    const poll = pollAccount({ read, expiresAt: NOW + 600_000, immediate: true });
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(poll.result).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'connection_failed', message: 'denied' },
    });
    expect(times).toEqual([0, 1000]);
  });

  it('retries transient errors with the same backoff, and fails at once on any other', async () => {
    const offline = new ConnectError('network', { message: 'Failed to fetch' });
    const busy = new ConnectError('http', { message: 'Busy', status: 503 });
    const transient = scripted([offline, busy, 'ACTIVE']);
    const recovered = pollAccount({ read: transient.read, expiresAt: NOW + 600_000, immediate: true });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(recovered.result).resolves.toEqual({ status: 'connected' });
    expect(transient.times).toEqual([0, 1000, 3000]);

    const missing = new ConnectError('http', { message: 'No connected account found', status: 404 });
    const broken = scripted([missing]);
    const failed = pollAccount({ read: broken.read, expiresAt: Date.now() + 600_000, immediate: true });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(failed.result).resolves.toEqual({ status: 'failed', error: missing });
    expect(broken.times).toEqual([0]);
  });

  it('takes a last look at expires_at: pending then is expired, ACTIVE then still connects', async () => {
    const pending = scripted(['INITIATED']);
    const late = pollAccount({ read: pending.read, expiresAt: NOW + 5000 });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(late.result).resolves.toMatchObject({ status: 'expired', error: { kind: 'expired' } });
    expect(pending.times).toEqual([1000, 3000, 5000]);

    vi.setSystemTime(NOW);
    const lastSecond = scripted(['INITIATED', 'INITIATED', 'ACTIVE']);
    const just = pollAccount({ read: lastSecond.read, expiresAt: NOW + 5000 });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(just.result).resolves.toEqual({ status: 'connected' });
  });

  it('askNow() reads at once and restarts the backoff', async () => {
    const { read, times } = scripted(['INITIATED']);
    const poll = pollAccount({ read, expiresAt: NOW + 600_000 });
    await vi.advanceTimersByTimeAsync(7500); // reads at 1 s, 3 s, 7 s; the next is due at 12 s
    poll.askNow();
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([1000, 3000, 7000, 7500, 8500]);
    poll.stop();
  });

  it('askNow() during a read asks again right after it, once for any number of hints', async () => {
    let release = () => {};
    const times: number[] = [];
    const read = async () => {
      times.push(Date.now() - NOW);
      if (times.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return { status: 'INITIATED' as const, status_reason: null };
    };
    const poll = pollAccount({ read, expiresAt: NOW + 600_000 });
    await vi.advanceTimersByTimeAsync(1000);
    poll.askNow();
    poll.askNow();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual([1000, 1000]);
    poll.stop();
  });

  it('stop() aborts the read in flight and ends stopped, with no later read', async () => {
    const { read, times, signals } = scripted(['INITIATED']);
    const poll = pollAccount({ read, expiresAt: NOW + 600_000, immediate: true });
    poll.stop();
    await expect(poll.result).resolves.toEqual({ status: 'stopped' });
    expect(signals[0]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toEqual([0]);
  });
});

describe('pollDelayAfter', () => {
  it('gives the same waits as pollAccount: 1 s, 2 s, 4 s, then 5 s', () => {
    expect([1, 2, 3, 4, 5].map((reads) => pollDelayAfter(reads))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect([1, 2, 3].map((reads) => pollDelayAfter(reads, 10, 25))).toEqual([10, 20, 25]);
  });
});
