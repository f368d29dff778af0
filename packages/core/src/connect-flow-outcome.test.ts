import { describe, expect, it } from 'vitest';
import { accountOutcome, summarizeConnectedAccount } from './connect-flow-outcome';
import { connectedAccountExample } from './fixtures/api-examples';
import { connectedAccountSchema } from './wire';

describe('accountOutcome', () => {
  it.each(['INITIALIZING', 'INITIATED', 'INACTIVE'])('%s is pending', (status) => {
    expect(accountOutcome({ status })).toEqual({ status: 'pending' });
  });

  it('ACTIVE is the only connection', () => {
    expect(accountOutcome({ status: 'ACTIVE' })).toEqual({ status: 'connected' });
  });

  it("EXPIRED is expired, with the backend's reason", () => {
    const outcome = accountOutcome({ status: 'EXPIRED', status_reason: 'Not completed in 10 minutes' });
    expect(outcome).toMatchObject({
      status: 'expired',
      error: { kind: 'expired', message: 'Not completed in 10 minutes' },
    });
  });

  it.each([
    ['FAILED', 'The connection was not completed.'],
    ['REVOKED', 'Access was revoked.'],
  ])('%s is failed', (status, message) => {
    expect(accountOutcome({ status, status_reason: null })).toMatchObject({
      status: 'failed',
      error: { kind: 'connection_failed', message },
    });
  });

  it('a status the kit does not know is not connected: failed, the raw status kept and named', () => {
    const outcome = accountOutcome({ status: 'SUSPENDED' });
    expect(outcome).toMatchObject({
      status: 'failed',
      rawStatus: 'SUSPENDED',
      error: { kind: 'connection_failed', message: 'The account is not connected (status SUSPENDED).' },
    });
    expect(accountOutcome({ status: 'SUSPENDED', status_reason: 'Billing' })).toMatchObject({
      error: { message: 'Billing' },
    });
  });
});

describe('summarizeConnectedAccount', () => {
  it('copies only the allow-listed keys: state, data, params and anything else stay behind', () => {
    const account = {
      ...connectedAccountSchema.parse(connectedAccountExample),
      state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', pat: 'ghp_secret', license: 'LIC-1' } },
      pat: 'ghp_secret',
    };
    const summary = summarizeConnectedAccount(account);
    expect(summary).toMatchObject({ id: 'ca_abc123', status: 'ACTIVE', toolkit: { slug: 'github' } });
    expect(JSON.stringify(summary)).not.toMatch(/ghp_secret|LIC-1|"state"|"data"|"params"/);
  });
});
