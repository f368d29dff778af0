import { describe, expect, it } from 'vitest';
import { ConnectError } from './connect-error';
import {
  type ConnectFlowEvent,
  type ConnectFlowSnapshot,
  type ConnectFlowStatus,
  initialConnectFlowSnapshot,
  TRANSITIONS,
  transition,
} from './connect-flow-machine';

const failure = new ConnectError('connection_failed', { message: 'The user denied access.' });
const expiry = new ConnectError('expired', { message: 'The connection link expired.' });
const network = new ConnectError('network', { message: 'Failed to fetch' });

/** One event of each type, with the payload a real run would carry. */
const EVENTS: Record<string, ConnectFlowEvent> = {
  start: { type: 'start', mode: 'popup' },
  popup_blocked: {
    type: 'popup_blocked',
    error: new ConnectError('popup_blocked', { message: 'The browser blocked the sign-in window.' }),
  },
  created: {
    type: 'created',
    connectedAccountId: 'ca_1',
    redirectUrl: 'https://provider.example/link/lt_1',
    expiresAt: '2026-01-01T00:10:00Z',
  },
  callback: { type: 'callback' },
  popup_closed: { type: 'popup_closed' },
  popup_reopened: { type: 'popup_reopened' },
  active: { type: 'account_status', status: 'connected' },
  account_failed: { type: 'account_status', status: 'failed', error: failure },
  account_expired: { type: 'account_status', status: 'expired', error: expiry },
  error: { type: 'error', error: network },
  cancel: { type: 'cancel' },
  resume: { type: 'resume', connectedAccountId: 'ca_1' },
  abandoned: { type: 'abandoned' },
  settled: { type: 'settled', status: 'connected', connectedAccountId: 'ca_1', error: undefined },
  dispose: { type: 'dispose' },
};

const STATUSES = Object.keys(TRANSITIONS) as ConnectFlowStatus[];
const NEW_ATTEMPT = { start: 'creating', popup_blocked: 'failed', resume: 'verifying', settled: 'connected' };
const WAITING = {
  active: 'connected',
  account_failed: 'failed',
  account_expired: 'expired',
  error: 'failed',
  cancel: 'cancelled',
  dispose: 'idle',
};

/** The expected next status of every (state, event) pair; a pair not listed changes nothing. */
const EXPECTED: Record<ConnectFlowStatus, Partial<Record<keyof typeof EVENTS, ConnectFlowStatus>>> = {
  idle: NEW_ATTEMPT,
  creating: {
    created: 'awaiting_user',
    popup_closed: 'cancelled',
    error: 'failed',
    cancel: 'cancelled',
    dispose: 'idle',
  },
  awaiting_user: {
    ...WAITING,
    callback: 'verifying',
    popup_closed: 'awaiting_user',
    popup_reopened: 'awaiting_user',
  },
  verifying: { ...WAITING, abandoned: 'cancelled' },
  connected: NEW_ATTEMPT,
  failed: NEW_ATTEMPT,
  cancelled: { ...NEW_ATTEMPT, callback: 'verifying' },
  expired: NEW_ATTEMPT,
} as Record<ConnectFlowStatus, Partial<Record<keyof typeof EVENTS, ConnectFlowStatus>>>;

const inState = (
  status: ConnectFlowStatus,
  patch: Partial<ConnectFlowSnapshot> = {},
): ConnectFlowSnapshot => ({
  ...initialConnectFlowSnapshot('popup'),
  status,
  attempt: 1,
  connectedAccountId: status === 'idle' || status === 'creating' ? undefined : 'ca_1',
  ...patch,
});

describe('the connect flow transition table', () => {
  for (const status of STATUSES) {
    for (const [name, event] of Object.entries(EVENTS)) {
      const expected = EXPECTED[status][name];
      it(`${status} + ${name} → ${expected ?? 'unchanged'}`, () => {
        const before = inState(status);
        const after = transition(before, event);
        if (expected === undefined) expect(after).toBe(before);
        else expect(after.status).toBe(expected);
      });
    }
  }

  it('a new attempt starts clean and counts up', () => {
    const after = transition(
      inState('failed', { error: failure, redirectUrl: 'https://x.example' }),
      EVENTS.start as ConnectFlowEvent,
    );
    expect(after).toEqual({ ...initialConnectFlowSnapshot('popup'), status: 'creating', attempt: 2 });
  });

  it('a window seen closed while waiting keeps everything and only marks popupClosed', () => {
    const waiting = inState('awaiting_user', { redirectUrl: 'https://provider.example/link/lt_1' });
    const closed = transition(waiting, { type: 'popup_closed' });
    expect(closed).toEqual({ ...waiting, popupClosed: true });
    expect(transition(closed, { type: 'popup_reopened' })).toEqual(waiting);
    // Every way out of the waiting state clears the mark.
    expect(transition(closed, { type: 'callback' }).popupClosed).toBe(false);
    expect(transition(closed, { type: 'cancel' }).popupClosed).toBe(false);
  });

  it('connected clears an earlier error; failed and expired carry theirs', () => {
    expect(
      transition(inState('verifying', { error: network }), EVENTS.active as ConnectFlowEvent).error,
    ).toBeUndefined();
    expect(transition(inState('awaiting_user'), EVENTS.account_failed as ConnectFlowEvent).error).toBe(
      failure,
    );
    expect(transition(inState('awaiting_user'), EVENTS.account_expired as ConnectFlowEvent).error).toBe(
      expiry,
    );
  });

  it('a window closed before the link existed is a cancel with kind popup_closed', () => {
    expect(transition(inState('creating'), { type: 'popup_closed' }).error).toMatchObject({
      kind: 'popup_closed',
    });
  });
});
