// Issue 16: a window seen closed without a callback is a hint. The flow waits (listening and
// polling) until the link expires, and only the account, the expiry or the user ends it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callbackFor, ORIGIN, sentState, setup } from './connect-flow.test-helpers';
import { readPendingAttempt } from './pending-attempt';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A popup attempt whose link exists, then its window read as closed (a real close or COOP). */
async function waitingAttempt(...args: Parameters<typeof setup>) {
  const run = setup({ mode: 'popup', ...args[0] }, args[1], args[2]);
  run.flow.start();
  await vi.advanceTimersByTimeAsync(0);
  const popup = run.env.popups[0];
  if (!popup) throw new Error('no popup');
  popup.closed = true;
  await vi.advanceTimersByTimeAsync(500);
  expect(run.flow.getSnapshot()).toMatchObject({ status: 'awaiting_user', popupClosed: true });
  return { ...run, popup };
}

describe('ConnectFlow: the window seen closed', () => {
  it('keeps polling with backoff while waiting, and connects when the account turns ACTIVE', async () => {
    const { flow, fake, statuses } = await waitingAttempt({}, { statuses: ['INITIATED'] });
    await vi.advanceTimersByTimeAsync(12_000);
    // The same schedule as before the close: 1 s, 3 s, 7 s, 12 s.
    expect(fake.count('getConnectedAccount')).toBe(4);
    expect(flow.getSnapshot()).toMatchObject({ status: 'awaiting_user', popupClosed: true });
    fake.setStatuses(['ACTIVE']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(flow.getSnapshot()).toMatchObject({ status: 'connected', popupClosed: false });
    expect(statuses).toEqual(['creating', 'awaiting_user', 'awaiting_user', 'connected']);
  });

  it('fails when the account turns FAILED while waiting', async () => {
    const { flow, fake } = await waitingAttempt({}, { statuses: ['INITIATED'] });
    fake.setStatuses(['FAILED']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { kind: 'connection_failed' } });
  });

  it('expires at expires_at, never passing through cancelled', async () => {
    const { flow, statuses } = await waitingAttempt(
      {},
      { session: { expires_at: new Date(Date.now() + 30_000).toISOString() }, statuses: ['INITIATED'] },
    );
    await vi.advanceTimersByTimeAsync(28_000);
    expect(flow.getSnapshot().status).toBe('awaiting_user');
    await vi.advanceTimersByTimeAsync(2000);
    expect(flow.getSnapshot()).toMatchObject({ status: 'expired', error: { kind: 'expired' } });
    expect(statuses).not.toContain('cancelled');
  });

  it('verifies a callback that arrives after the window was seen closed (COOP), asking once', async () => {
    const { flow, fake, env } = await waitingAttempt(
      { poll: { initialMs: 60_000 } },
      { statuses: ['ACTIVE'] },
    );
    env.postMessage(ORIGIN, callbackFor(sentState(fake)));
    env.broadcast(callbackFor(sentState(fake)));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
    expect(fake.count('getConnectedAccount')).toBe(1);
  });

  it('ends cancelled only when the user cancels; a late callback after that still connects', async () => {
    const { flow, fake, env } = await waitingAttempt({}, { statuses: ['INITIATED'] });
    flow.cancel();
    expect(flow.getSnapshot()).toMatchObject({ status: 'cancelled', popupClosed: false });
    const asked = fake.count('getConnectedAccount');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.count('getConnectedAccount')).toBe(asked); // no polling after a cancel
    // The user finished anyway in a window the app could not close.
    fake.setStatuses(['ACTIVE']);
    env.broadcast(callbackFor(sentState(fake)));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
    expect(env.listenerCount()).toBe(0);
  });

  it('cancel() before any close also stops polling but keeps listening for a late callback', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' }, { statuses: ['INITIATED'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    flow.cancel();
    expect(env.popups[0]?.closeCalls).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.count('getConnectedAccount')).toBe(0);
    expect(env.listenerCount()).toBe(2);
    flow.retry();
    expect(env.listenerCount()).toBe(2); // the old attempt's listeners went with it
  });
});

describe('ConnectFlow: one attempt at a time, and Open again', () => {
  it('reopen() focuses a window that is still open, and opens nothing new', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    flow.reopen();
    expect(env.popups).toHaveLength(1);
    expect(env.popups[0]?.focusCalls).toBe(1);
    expect(fake.count('createLinkSession')).toBe(1);
  });

  it('reopen() after a close opens the same redirect_url again, without a second link session', async () => {
    const { flow, fake, env } = await waitingAttempt({}, { statuses: ['INITIATED'] });
    flow.reopen();
    expect(env.popups).toHaveLength(2);
    expect(env.popups[1]?.url).toBe('https://provider.example/link/lt_1');
    expect(flow.getSnapshot()).toMatchObject({ status: 'awaiting_user', popupClosed: false });
    expect(fake.count('createLinkSession')).toBe(1);
    // The new window is watched like the first.
    const second = env.popups[1];
    if (second) second.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(flow.getSnapshot().popupClosed).toBe(true);
  });

  it('pressing the button again while waiting reopens that attempt, never a second link session', async () => {
    const { flow, fake, env } = await waitingAttempt({}, { statuses: ['INITIATED'] });
    flow.start();
    flow.retry();
    expect(fake.count('createLinkSession')).toBe(1);
    expect(env.popups[1]?.url).toBe('https://provider.example/link/lt_1');
    expect(env.popups[1]?.focusCalls).toBe(1); // the second press found it open and focused it
    expect(flow.getSnapshot()).toMatchObject({ status: 'awaiting_user', attempt: 1 });
  });

  it('a blocked Open again in auto mode goes to the same link by full-page redirect', async () => {
    const { flow, fake, env } = await waitingAttempt({ mode: 'auto' }, { statuses: ['INITIATED'] });
    env.setBlocked(true);
    flow.reopen();
    expect(env.navigations).toEqual(['https://provider.example/link/lt_1']);
    expect(readPendingAttempt(env.storage)).toMatchObject({
      connectedAccountId: 'ca_1',
      state: sentState(fake),
      returnPath: '/settings?tab=apps',
    });
    expect(fake.count('createLinkSession')).toBe(1);
  });

  it('a blocked Open again in popup mode leaves the attempt waiting', async () => {
    const { flow, env } = await waitingAttempt({}, { statuses: ['INITIATED'] });
    env.setBlocked(true);
    flow.reopen();
    expect(env.navigations).toEqual([]);
    expect(flow.getSnapshot()).toMatchObject({ status: 'awaiting_user', popupClosed: true });
  });

  it('a new auth config ends the running attempt and starts from idle', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    flow.setOptions({ authConfigId: 'ac_slack' });
    expect(flow.getSnapshot()).toMatchObject({ status: 'idle', connectedAccountId: undefined });
    expect(env.popups[0]?.closeCalls).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.count('getConnectedAccount')).toBe(0);
  });
});
