// @vitest-environment node
// The proxy in front of an upstream that does NOT mask credentials — the sandbox server with
// `maskCredentials: false`, as a Composio project without masking answers — holding credentials
// under names no secret pattern guesses (`pat`, `hmac`, `license`) and fresh OAuth tokens. Every
// route the browser can reach is called; then every response body and header the proxy gave is
// grepped for each credential value and for the keys `state`, `data` and `params`.
import { isSecretField } from '@plugboard/core';
import { startSandboxServer } from '@plugboard/sandbox/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createConnectHandler, toNodeHandler } from './index';
import { listen } from './test-upstream';

const API_KEY = 'sk_sandbox_unmasked_key_51c2e0';
const LICENSE = {
  pat: 'pat_UNGUESSABLE_0001',
  hmac: 'hmac_UNGUESSABLE_0002',
  license: 'lic_UNGUESSABLE_0003',
};
const DIRECT = {
  pat: 'pat_UNGUESSABLE_0004',
  hmac: 'hmac_UNGUESSABLE_0005',
  license: 'lic_UNGUESSABLE_0006',
};

type SandboxServer = Awaited<ReturnType<typeof startSandboxServer>>;
let upstream: SandboxServer;
let proxy: { url: string; close(): Promise<void> };
/** Every response body and header set the proxy gave in this suite. */
const answered: string[] = [];

async function call(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('x-session-user', 'alice');
  headers.set('origin', 'http://app.test');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${proxy.url}/api/connect/api/v3/${path}`, { ...init, headers });
  const text = await response.text();
  answered.push(text, JSON.stringify([...response.headers]));
  return { status: response.status, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  upstream = await startSandboxServer({
    port: 0,
    host: '127.0.0.1',
    apiKeys: [API_KEY],
    maskCredentials: false,
  });
  const handler = createConnectHandler({
    apiKey: API_KEY,
    baseUrl: upstream.url,
    getUserId: (request) => request.headers.get('x-session-user'),
    allowedAuthConfigIds: ['ac_github', 'ac_licensekit'],
    callbackOrigins: ['http://app.test'],
    allowedOrigins: ['http://app.test'],
    logger: { warn: () => {}, error: () => {} },
  });
  proxy = await listen(toNodeHandler(handler));
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe('an upstream that does not mask, credentials under names no pattern guesses', () => {
  test('the names are ones the secret pattern misses, and the upstream really returns them', async () => {
    for (const name of Object.keys(LICENSE)) expect(isSecretField(name)).toBe(false);
    const link = await upstream.sandbox.backend.createLinkSession({
      auth_config_id: 'ac_licensekit',
      user_id: 'alice',
    });
    await upstream.sandbox.completeLink(link.link_token, { credentials: LICENSE });
    // Straight from the upstream (not through the proxy): the values are there to leak.
    const direct = await upstream.sandbox.backend.getConnectedAccount(link.connected_account_id);
    expect(JSON.stringify(direct)).toContain(LICENSE.pat);
  });

  test('get, list, create, link, disable, enable and delete through the proxy', async () => {
    const listed = await call('connected_accounts?auth_config_ids=ac_licensekit');
    expect(listed.status).toBe(200);
    const [account] = listed.json().items as Array<{ id: string; status: string }>;
    expect(account?.status).toBe('ACTIVE');
    expect((await call(`connected_accounts/${account?.id}`)).status).toBe(200);

    const created = await call('connected_accounts', {
      method: 'POST',
      body: JSON.stringify({
        auth_config: { id: 'ac_licensekit' },
        connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', ...DIRECT } } },
      }),
    });
    expect(created.status).toBe(201);

    // An OAuth account whose fresh tokens the unmasked upstream hands out on every read.
    const link = await call('connected_accounts/link', {
      method: 'POST',
      body: JSON.stringify({ auth_config_id: 'ac_github', callback_url: 'http://app.test/connect/callback' }),
    });
    expect(link.status).toBe(201);
    const { link_token: token, connected_account_id: oauthId } = link.json();
    await upstream.sandbox.completeLink(token, { allow: true });
    expect((await call(`connected_accounts/${oauthId}`)).json().status).toBe('ACTIVE');

    const status = (enabled: boolean) =>
      call(`connected_accounts/${oauthId}/status`, { method: 'PATCH', body: JSON.stringify({ enabled }) });
    expect((await status(false)).status).toBe(200);
    expect((await status(true)).status).toBe(200);
    expect((await call('connected_accounts?auth_config_ids=ac_github')).status).toBe(200);
    expect((await call(`connected_accounts/${oauthId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(`connected_accounts/${oauthId}`)).status).toBe(404);
  });

  test('no response of the proxy holds a credential value, nor state, data or params', async () => {
    const snapshot = JSON.stringify(upstream.sandbox.snapshot());
    // The upstream's own tokens for the OAuth account (minted on consent, never masked there).
    const tokens = [...snapshot.matchAll(/sbx_(?:at|rt)_[0-9A-Za-z]{24}/g)].map((match) => match[0]);
    expect(tokens.length).toBeGreaterThan(0);
    const everything = answered.join('\n');
    expect(answered.length).toBeGreaterThanOrEqual(20);
    for (const value of [...Object.values(LICENSE), ...Object.values(DIRECT), ...tokens, API_KEY]) {
      expect(everything, value).not.toContain(value);
    }
    for (const body of answered) {
      expect(body).not.toMatch(/"(state|data|params)":/);
    }
  });
});
