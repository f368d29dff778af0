import { CONNECTION_STATUSES } from '@plugboard/core';
import { describe, expect, it } from 'vitest';
import { nextStatus, TRANSITIONS } from './lifecycle';

describe('the lifecycle table', () => {
  it('has a row for every status core knows', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CONNECTION_STATUSES].sort());
  });

  it('INITIALIZING / INITIATED → ACTIVE | FAILED | EXPIRED, and nothing else', () => {
    for (const from of ['INITIALIZING', 'INITIATED'] as const) {
      expect(nextStatus(from, 'authorized')).toBe('ACTIVE');
      expect(nextStatus(from, 'denied')).toBe('FAILED');
      expect(nextStatus(from, 'linkExpired')).toBe('EXPIRED');
      expect(nextStatus(from, 'enabled')).toBeUndefined();
    }
  });

  it('ACTIVE ⇄ INACTIVE; a final status never moves', () => {
    expect(nextStatus('ACTIVE', 'disabled')).toBe('INACTIVE');
    expect(nextStatus('INACTIVE', 'enabled')).toBe('ACTIVE');
    expect(nextStatus('ACTIVE', 'linkExpired')).toBeUndefined();
    for (const final of ['FAILED', 'EXPIRED', 'REVOKED'] as const) {
      for (const event of ['authorized', 'denied', 'linkExpired', 'disabled', 'enabled'] as const) {
        expect(nextStatus(final, event), `${final} + ${event}`).toBeUndefined();
      }
    }
  });
});
