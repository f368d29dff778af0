import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectBackend } from './backend';
import { handleConnectCallback, STATE_PARAM } from './callback';
import { ConnectError } from './connect-error';
import { callbackFor, NOW, ORIGIN, sentState, setup } from './connect-flow.test-helpers';
import { PENDING_ATTEMPT_KEY, readPendingAttempt } from './pending-attempt';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectFlow in popup mode', () => {
  it('opens the popup synchronously in start(), then connects on the callback message with 2 requests', async () => {
    const { flow, fake, env, statuses } = setup({ mode: 'popup' }, { statuses: ['ACTIVE'] });
    const onSuccess = vi.fn();
    flow.setOptions({ onSuccess });
    flow.start();
    // Before any microtask ran: the window exists, so the browser counts it as part of the click.
    expect(env.popups).toHaveLength(1);
    expect(flow.getSnapshot().status).toBe('creating');
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot()).toMatchObject({
      status: 'awaiting_user',
      connectedAccountId: 'ca_1',
      redirectUrl: 'https://provider.example/link/lt_1',
      mode: 'popup',
      attempt: 1,
    });
    expect(env.popups[0]?.url).toBe('https://provider.example/link/lt_1');
    const callbackUrl = new URL(fake.calls[0]?.input?.callback_url ?? '');
    expect(callbackUrl.origin + callbackUrl.pathname).toBe(`${ORIGIN}/connect/callback`);
    expect(callbackUrl.searchParams.get('from')).toBe('app');

    env.postMessage(ORIGIN, callbackFor(sentState(fake)));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
    expect(statuses).toEqual(['creating', 'awaiting_user', 'verifying', 'connected']);
    expect(onSuccess).toHaveBeenCalledWith({ connectedAccountId: 'ca_1' });
    expect(fake.calls.map((call) => call.method)).toEqual(['createLinkSession', 'getConnectedAccount']);
    // Settled: the popup is closed and nothing polls any more.
    expect(env.popups[0]?.closeCalls).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toHaveLength(2);
    expect(env.listenerCount()).toBe(0);
  });

  it('ignores a callback message from another origin and one with a wrong state', async () => {
    const { flow, fake, env } = setup(
      { mode: 'popup', poll: { initialMs: 60_000 } },
      { statuses: ['ACTIVE'] },
    );
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    env.postMessage('https://evil.example', callbackFor(sentState(fake)));
    env.postMessage(ORIGIN, callbackFor('not-the-state'));
    env.postMessage(ORIGIN, { type: 'something-else', state: sentState(fake) });
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('awaiting_user');
    expect(fake.count('getConnectedAccount')).toBe(0);
  });

  it('asks once when the same callback arrives by postMessage and by the BroadcastChannel', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' }, { statuses: ['ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const message = callbackFor(sentState(fake));
    // The callback page sends both: the opener hears it twice.
    env.postMessage(ORIGIN, message);
    env.broadcast(message);
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
    expect(fake.count('getConnectedAccount')).toBe(1);
  });

  it('accepts the callback over the BroadcastChannel when COOP severed the opener', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' }, { statuses: ['ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    env.broadcast(callbackFor(sentState(fake)));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
  });

  it('makes one link session for a double click', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' });
    flow.start();
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    flow.start();
    expect(fake.count('createLinkSession')).toBe(1);
    expect(env.popups).toHaveLength(1);
  });

  it('trusts the backend, not the callback: a success hint with a FAILED account is a failure', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' }, { statuses: ['FAILED'] });
    const onError = vi.fn();
    flow.setOptions({ onError });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    env.postMessage(ORIGIN, callbackFor(sentState(fake), 'success'));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('failed');
    expect(flow.getSnapshot().error).toMatchObject({
      kind: 'connection_failed',
      message: 'The user denied access.',
    });
    expect(onError).toHaveBeenCalledOnce();
  });

  it('keeps waiting when the callback says success but the account is still pending', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' }, { statuses: ['INITIATED', 'ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    env.postMessage(ORIGIN, callbackFor(sentState(fake)));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('verifying');
    await vi.advanceTimersByTimeAsync(1000);
    expect(flow.getSnapshot().status).toBe('connected');
  });

  it('polls with backoff 1 s, 2 s, 4 s, 5 s, 5 s while the user is away, and not before 1 s', async () => {
    const { flow, fake } = setup({ mode: 'popup' }, { statuses: ['INITIATED'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.count('getConnectedAccount')).toBe(0);
    const times: number[] = [];
    for (let elapsed = 999; elapsed < 17_000; elapsed += 1) {
      const before = fake.count('getConnectedAccount');
      await vi.advanceTimersByTimeAsync(1);
      if (fake.count('getConnectedAccount') > before) times.push(elapsed + 1);
    }
    expect(times).toEqual([1000, 3000, 7000, 12_000, 17_000]);
    fake.setStatuses(['ACTIVE']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(flow.getSnapshot().status).toBe('connected');
  });

  it('recovers when the network drops mid-poll', async () => {
    const offline = new ConnectError('network', { message: 'Failed to fetch' });
    const { flow } = setup({ mode: 'popup' }, { statuses: ['INITIATED', offline, offline, 'ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(flow.getSnapshot().status).toBe('awaiting_user');
    await vi.advanceTimersByTimeAsync(5000);
    expect(flow.getSnapshot().status).toBe('connected');
  });

  it('expires when expires_at passes, and retry() makes a new link session', async () => {
    const { flow, fake } = setup(
      { mode: 'popup' },
      { session: { expires_at: new Date(NOW + 10_000).toISOString() }, statuses: ['INITIATED'] },
    );
    flow.start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(flow.getSnapshot().status).toBe('awaiting_user');
    await vi.advanceTimersByTimeAsync(1);
    expect(flow.getSnapshot()).toMatchObject({ status: 'expired', error: { kind: 'expired' } });
    fake.setStatuses(['ACTIVE']);
    flow.retry();
    expect(flow.getSnapshot()).toMatchObject({ status: 'creating', attempt: 2, error: undefined });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.count('createLinkSession')).toBe(2);
    expect(flow.getSnapshot().status).toBe('connected');
  });

  it('ends in expired when the backend reports the account EXPIRED', async () => {
    const { flow } = setup({ mode: 'popup' }, { statuses: ['EXPIRED'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(flow.getSnapshot()).toMatchObject({ status: 'expired', error: { kind: 'expired' } });
  });

  it('keeps waiting when the user closes the popup: closed is a hint, not an outcome', async () => {
    const { flow, fake, env } = setup(
      { mode: 'popup', poll: { initialMs: 60_000 } },
      { statuses: ['INITIATED'] },
    );
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const popup = env.popups[0];
    if (!popup) throw new Error('no popup');
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(flow.getSnapshot()).toMatchObject({
      status: 'awaiting_user',
      popupClosed: true,
      error: undefined,
    });
    // Seeing it closed costs no request; the polling already running decides.
    expect(fake.count('getConnectedAccount')).toBe(0);
  });

  it('counts a popup closed after the user allowed access as a success at the next poll', async () => {
    const { flow, env } = setup({ mode: 'popup', poll: { initialMs: 60_000 } }, { statuses: ['ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const popup = env.popups[0];
    if (popup) popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(flow.getSnapshot().status).toBe('awaiting_user');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flow.getSnapshot().status).toBe('connected');
  });

  it('still connects when a COOP-severed popup read as closed and the callback arrives later', async () => {
    const { flow, fake, env } = setup(
      { mode: 'popup', poll: { initialMs: 60_000 } },
      { statuses: ['INITIATED'] },
    );
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const popup = env.popups[0];
    if (popup) popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(flow.getSnapshot()).toMatchObject({ status: 'awaiting_user', popupClosed: true });
    fake.setStatuses(['ACTIVE']);
    env.broadcast(callbackFor(sentState(fake)));
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
    expect(fake.calls.map((call) => call.method)).toEqual(['createLinkSession', 'getConnectedAccount']);
  });

  it('does not spend a third request when the callback page closes itself after its message', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' }, { statuses: ['ACTIVE'] });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const get = fake.backend.getConnectedAccount.bind(fake.backend);
    fake.backend.getConnectedAccount = async (id, options) => {
      const result = get(id, options);
      await gate;
      return result;
    };
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    env.postMessage(ORIGIN, callbackFor(sentState(fake)));
    const popup = env.popups[0];
    if (popup) popup.closed = true;
    await vi.advanceTimersByTimeAsync(600);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('connected');
    expect(fake.calls).toHaveLength(2);
  });

  it('cancels if the placeholder is closed before the link session exists, aborting the request', async () => {
    const { flow, fake, env } = setup({ mode: 'popup' });
    const release = fake.holdCreate();
    flow.start();
    const popup = env.popups[0];
    if (popup) popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(flow.getSnapshot().status).toBe('cancelled');
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot().status).toBe('cancelled');
  });

  it('fails with popup_blocked in popup mode, without creating a link session', () => {
    const { flow, fake } = setup({ mode: 'popup' }, {}, { blockPopup: true });
    flow.start();
    expect(flow.getSnapshot()).toMatchObject({ status: 'failed', error: { kind: 'popup_blocked' } });
    expect(fake.calls).toHaveLength(0);
  });

  it('never navigates to a redirect_url that is not http(s)', async () => {
    const { flow, env } = setup({ mode: 'auto' }, { session: { redirect_url: 'javascript:alert(1)' } });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot()).toMatchObject({
      status: 'failed',
      redirectUrl: undefined,
      error: { kind: 'invalid_response', path: 'redirect_url' },
    });
    expect(env.popups[0]?.url).toBeUndefined();
    expect(env.navigations).toEqual([]);
  });

  it('shows the backend error of a failed create, request id included', async () => {
    const { flow, fake } = setup({ mode: 'popup' });
    fake.backend.createLinkSession = async () => {
      throw new ConnectError('http', { message: 'Upstream exploded', status: 500, requestId: 'req_9' });
    };
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(flow.getSnapshot()).toMatchObject({
      status: 'failed',
      error: { kind: 'http', requestId: 'req_9', message: 'Upstream exploded' },
    });
  });

  it('cancel() aborts, closes the popup, and nothing updates afterwards', async () => {
    const { flow, fake, env, statuses } = setup({ mode: 'popup' });
    const release = fake.holdCreate();
    flow.start();
    flow.cancel();
    expect(flow.getSnapshot().status).toBe('cancelled');
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
    expect(env.popups[0]?.closeCalls).toBeGreaterThan(0);
    release();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(statuses).toEqual(['creating', 'cancelled']);
    expect(fake.count('getConnectedAccount')).toBe(0);
  });

  it('dispose() mid-flow notifies no one and leaves the flow startable', async () => {
    const { flow, fake, statuses } = setup({ mode: 'popup' });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    flow.dispose();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(statuses).toEqual(['creating', 'awaiting_user']);
    expect(fake.count('getConnectedAccount')).toBe(0);
    flow.start();
    expect(flow.getSnapshot()).toMatchObject({ status: 'creating', attempt: 2 });
  });
});

describe('ConnectFlow in redirect mode', () => {
  it('falls back from auto to a full-page redirect when the popup is blocked, saving the attempt', async () => {
    const { flow, env } = setup({ mode: 'auto' }, {}, { blockPopup: true });
    flow.start();
    expect(flow.getSnapshot()).toMatchObject({ status: 'creating', mode: 'redirect' });
    await vi.advanceTimersByTimeAsync(0);
    expect(env.navigations).toEqual(['https://provider.example/link/lt_1']);
    const pending = readPendingAttempt(env.storage);
    expect(pending).toMatchObject({
      authConfigId: 'ac_github',
      connectedAccountId: 'ca_1',
      returnPath: '/settings?tab=apps',
    });
    expect(env.storage.data.get(PENDING_ATTEMPT_KEY)).not.toContain('lt_1');
  });

  it('round-trips: the callback verifies and the returning page resumes connected', async () => {
    const { flow, fake, env } = setup({ mode: 'redirect' }, { statuses: ['ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const callbackUrl = new URL(fake.calls[0]?.input?.callback_url ?? '');
    callbackUrl.searchParams.set('status', 'success');
    callbackUrl.searchParams.set('connected_account_id', 'ca_1');
    const result = await handleConnectCallback(callbackUrl, { backend: fake.backend, storage: env.storage });
    expect(result).toMatchObject({
      status: 'connected',
      connectedAccountId: 'ca_1',
      returnPath: '/settings?tab=apps',
    });
    expect(readPendingAttempt(env.storage)).toBeUndefined();

    const returned = setup({ mode: 'redirect' });
    returned.flow.setOptions({ environment: { storage: env.storage } });
    const onSuccess = vi.fn();
    returned.flow.setOptions({ onSuccess });
    returned.flow.resume();
    expect(returned.flow.getSnapshot()).toMatchObject({ status: 'connected', connectedAccountId: 'ca_1' });
    expect(onSuccess).toHaveBeenCalledOnce();
  });

  it('leaves the pending attempt in place when the callback page is left mid-check', async () => {
    const { flow, fake, env } = setup({ mode: 'redirect' }, { statuses: ['INITIATED'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const callbackUrl = new URL(fake.calls[0]?.input?.callback_url ?? '');
    const duringSleep = new AbortController();
    const checking = handleConnectCallback(callbackUrl, {
      backend: fake.backend,
      storage: env.storage,
      signal: duringSleep.signal,
    });
    const settled = expect(checking).rejects.toMatchObject({ kind: 'aborted' });
    await vi.advanceTimersByTimeAsync(500); // the first GET said INITIATED; now it waits 1 s
    duringSleep.abort();
    await settled;
    expect(readPendingAttempt(env.storage)).toMatchObject({ connectedAccountId: 'ca_1' });

    const duringRequest = new AbortController();
    duringRequest.abort();
    const backend: ConnectBackend = {
      ...fake.backend,
      getConnectedAccount: async () => {
        throw new DOMException('The operation was aborted.', 'AbortError');
      },
    };
    await expect(
      handleConnectCallback(callbackUrl, { backend, storage: env.storage, signal: duringRequest.signal }),
    ).rejects.toMatchObject({ kind: 'aborted' });
    expect(readPendingAttempt(env.storage)).toMatchObject({ connectedAccountId: 'ca_1' });

    // A later run on the same page still settles it.
    fake.setStatuses(['ACTIVE']);
    await expect(
      handleConnectCallback(callbackUrl, { backend: fake.backend, storage: env.storage }),
    ).resolves.toMatchObject({ status: 'connected' });
  });

  it('refuses a callback whose state is not this tab’s pending attempt', async () => {
    const { flow, fake, env } = setup({ mode: 'redirect' }, { statuses: ['ACTIVE'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    const result = await handleConnectCallback(
      `${ORIGIN}/connect/callback?${STATE_PARAM}=forged&status=success`,
      {
        backend: fake.backend,
        storage: env.storage,
      },
    );
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'invalid_request' } });
    expect(fake.count('getConnectedAccount')).toBe(0);
  });

  it('resume() verifies a pending attempt whose callback never ran, and gives up on a pending account', async () => {
    const { flow, fake, env } = setup({ mode: 'redirect' }, { statuses: ['INITIATED'] });
    flow.start();
    await vi.advanceTimersByTimeAsync(0);
    flow.dispose();
    const back = setup({ mode: 'redirect' }, { statuses: ['INITIATED'] });
    back.flow.setOptions({ backend: fake.backend, environment: { storage: env.storage } });
    back.flow.resume();
    expect(back.flow.getSnapshot().status).toBe('verifying');
    await vi.advanceTimersByTimeAsync(0);
    expect(back.flow.getSnapshot()).toMatchObject({ status: 'cancelled' });
    expect(readPendingAttempt(env.storage)).toBeUndefined();
  });
});
