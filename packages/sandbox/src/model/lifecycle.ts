import type { ConnectionStatus } from '@plugboard/core';

/**
 * What happens to a connected account, in the sandbox's words:
 * - `authorized`: the user allowed consent or gave credentials that passed;
 * - `denied`: the user denied consent or cancelled the form;
 * - `linkExpired`: the link session ran out before an answer;
 * - `disabled` / `enabled`: `PATCH …/{id}/status` with `{ enabled }`.
 */
export type LifecycleEvent = 'authorized' | 'denied' | 'linkExpired' | 'disabled' | 'enabled';

/**
 * The one transition table of an account's status: INITIALIZING / INITIATED → ACTIVE | FAILED |
 * EXPIRED, and ACTIVE ⇄ INACTIVE. An event missing from a row leaves the status as it is (a
 * disabled FAILED account stays FAILED, with `is_disabled: true`). Scripted statuses
 * (`setStatusSequence`) are the one way around it: they stand in for whatever the provider does.
 */
export const TRANSITIONS: Readonly<
  Record<ConnectionStatus, Readonly<Partial<Record<LifecycleEvent, ConnectionStatus>>>>
> = {
  INITIALIZING: { authorized: 'ACTIVE', denied: 'FAILED', linkExpired: 'EXPIRED' },
  INITIATED: { authorized: 'ACTIVE', denied: 'FAILED', linkExpired: 'EXPIRED' },
  ACTIVE: { disabled: 'INACTIVE' },
  INACTIVE: { enabled: 'ACTIVE' },
  FAILED: {},
  EXPIRED: {},
  REVOKED: {},
};

/** The status after `event`, or `undefined` when the table has no such edge. */
export function nextStatus(status: ConnectionStatus, event: LifecycleEvent): ConnectionStatus | undefined {
  return TRANSITIONS[status]?.[event];
}
