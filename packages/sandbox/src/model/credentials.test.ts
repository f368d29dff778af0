// @vitest-environment node
import { isSecretField } from '@plugboard/core';
import { describe, expect, it } from 'vitest';
import { expectSpecClean, specChecked } from '../testing/spec-checked';

// Every response of this suite is checked against Composio's OpenAPI spec (the last test).
const { oracle, createSandbox } = specChecked();
const ORIGIN = 'http://127.0.0.1:4010';
const LICENSE = { pat: 'lk-pat-0000000001', hmac: 'lk-hmac-000000002', license: 'LK-0000-0000-0003' };

function call(sandbox: ReturnType<typeof createSandbox>, method: string, pathname: string, body?: unknown) {
  return sandbox.handle(
    new Request(`${ORIGIN}${pathname}`, {
      method,
      headers: { 'x-api-key': 'sandbox-key', 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  );
}

describe('ac_licensekit: credentials under names no secret pattern guesses', () => {
  it("names its fields pat, hmac and license, none of which core's secret pattern catches", () => {
    const sandbox = createSandbox();
    const config = sandbox.authConfigs.find((entry) => entry.id === 'ac_licensekit');
    expect(config?.fields.map((field) => [field.name, field.is_secret])).toEqual([
      ['pat', true],
      ['hmac', true],
      ['license', true],
    ]);
    for (const name of ['pat', 'hmac', 'license']) expect(isSecretField(name), name).toBe(false);
  });

  it('masks them by default: as the config marks them secret, in answers and in the state', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_licensekit', user_id: 'u1' });
    await sandbox.completeLink(link.link_token, { credentials: LICENSE });
    const account = await sandbox.backend.getConnectedAccount(link.connected_account_id);
    expect(account.state?.val).toMatchObject({ pat: '********', hmac: '********', license: '********' });
    const everything = JSON.stringify([account, sandbox.snapshot()]);
    for (const value of Object.values(LICENSE)) expect(everything).not.toContain(value);
  });
});

describe('maskCredentials: false (a Composio project without masking)', () => {
  it('returns every credential as given: the link form, a direct create, OAuth tokens', async () => {
    const sandbox = createSandbox({ maskCredentials: false });
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_licensekit', user_id: 'u1' });
    await sandbox.completeLink(link.link_token, { credentials: LICENSE });
    const read = await call(sandbox, 'GET', `/api/v3/connected_accounts/${link.connected_account_id}`);
    expect(((await read.json()) as { state: { val: unknown } }).state.val).toEqual({
      status: 'ACTIVE',
      ...LICENSE,
    });

    const created = await call(sandbox, 'POST', '/api/v3/connected_accounts', {
      auth_config: { id: 'ac_licensekit' },
      connection: { user_id: 'u2', state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', ...LICENSE } } },
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { connectionData: { val: unknown } }).connectionData.val).toEqual({
      status: 'ACTIVE',
      ...LICENSE,
    });

    const oauth = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    await sandbox.completeLink(oauth.link_token, { allow: true });
    const tokens = (await sandbox.backend.getConnectedAccount(oauth.connected_account_id)).state?.val;
    expect(tokens?.access_token).toMatch(/^sbx_at_[0-9A-Za-z]{24}$/);
    expect(tokens?.refresh_token).toMatch(/^sbx_rt_[0-9A-Za-z]{24}$/);
    const listed = await call(sandbox, 'GET', '/api/v3/connected_accounts?auth_config_ids=ac_github');
    expect(JSON.stringify(await listed.json())).toContain(String(tokens?.access_token));
  });

  it('each OAuth consent gets tokens of its own', async () => {
    const sandbox = createSandbox({ maskCredentials: false });
    const tokens = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_slack', user_id: `u${i}` });
      await sandbox.completeLink(link.link_token, { allow: true });
      tokens.add(
        (await sandbox.backend.getConnectedAccount(link.connected_account_id)).state?.val.access_token,
      );
    }
    expect(tokens.size).toBe(3);
  });
});

describe("Composio's OpenAPI spec as the oracle", () => {
  it('every API response of this suite matches composio-openapi.json', async () => {
    await expectSpecClean(oracle, 6);
  });
});
