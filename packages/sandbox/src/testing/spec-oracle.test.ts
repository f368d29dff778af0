// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox';
import { createSpecOracle } from './spec-oracle';

const oracle = createSpecOracle();
const ACCOUNT = {
  toolkit: { slug: 'github' },
  auth_config: { id: 'ac_1', auth_scheme: 'OAUTH2', is_composio_managed: true, is_disabled: false },
  id: 'ca_1',
  user_id: 'u1',
  status: 'ACTIVE',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  state: { authScheme: 'OAUTH2', val: { status: 'ACTIVE', access_token: 'x' } },
  data: {},
  params: {},
  status_reason: null,
  is_disabled: false,
};
const at = (path: string) => `http://127.0.0.1:4010${path}`;

describe('the spec oracle itself', () => {
  it('passes a body that matches the operation and names what breaks one that does not', () => {
    expect(
      oracle.check({ method: 'GET', url: at('/api/v3/connected_accounts/ca_1'), status: 200, body: ACCOUNT }),
    ).toEqual([]);
    const { is_disabled: _drop, ...missing } = ACCOUNT;
    expect(
      oracle.check({ method: 'GET', url: at('/api/v3/connected_accounts/ca_1'), status: 200, body: missing }),
    ).toEqual([expect.stringContaining("must have required property 'is_disabled'")]);
    const oauthInitiated = {
      ...ACCOUNT,
      status: 'INITIATED',
      state: { authScheme: 'OAUTH2', val: { status: 'INITIATED' } },
    };
    expect(
      oracle.check({
        method: 'GET',
        url: at('/api/v3/connected_accounts/ca_1'),
        status: 200,
        body: oauthInitiated,
      }),
    ).not.toEqual([]);
  });

  it('holds v3.1 paths to the v3 operation, literal segments before parameters', () => {
    const ok = { success: true };
    expect(
      oracle.check({ method: 'DELETE', url: at('/api/v3.1/connected_accounts/ca_1'), status: 200, body: ok }),
    ).toEqual([]);
    expect(
      oracle.check({
        method: 'DELETE',
        url: at('/api/v3.1/connected_accounts/ca_1'),
        status: 200,
        body: { ok: true },
      }),
    ).toEqual([expect.stringContaining("required property 'success'")]);
    // `/connected_accounts/link` is its own operation, not `{nanoid}` = "link".
    expect(
      oracle.check({
        method: 'POST',
        url: at('/api/v3/connected_accounts/link'),
        status: 201,
        body: ACCOUNT,
      }),
    ).not.toEqual([]);
  });

  it('holds any error to the Error envelope, and flags success statuses or paths the spec lacks', () => {
    const envelope = { error: { message: 'no', code: 404, status: 404 } };
    expect(oracle.check({ method: 'GET', url: at('/api/v3/nothing'), status: 404, body: envelope })).toEqual(
      [],
    );
    expect(
      oracle.check({ method: 'GET', url: at('/api/v3/nothing'), status: 404, body: { message: 'no' } }),
    ).toEqual([expect.stringContaining("required property 'error'")]);
    expect(oracle.check({ method: 'GET', url: at('/api/v3/nothing'), status: 200, body: {} })).toEqual([
      'GET /api/v3/nothing is not an operation of the spec',
    ]);
    expect(oracle.check({ method: 'GET', url: at('/link/lt_1'), status: 200, body: '<html>' })).toEqual([]);
  });

  it('hooks a sandbox through onResponse and records what it finds', async () => {
    const watched = createSpecOracle();
    const sandbox = createSandbox({ onResponse: watched.onResponse });
    await sandbox.backend.createLinkSession({ auth_config_id: 'ac_zendesk', user_id: 'u1' });
    await sandbox.handle(
      new Request(at('/api/v3/toolkits/nope'), { headers: { 'x-api-key': 'sandbox-key' } }),
    );
    await watched.settled();
    expect(watched.checked).toBe(2);
    expect(watched.undocumented).toEqual(new Set());
    expect(watched.violations).toEqual([]);
  });
});
