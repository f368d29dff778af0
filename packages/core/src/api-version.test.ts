// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  authConfigExample,
  connectedAccountExample,
  connectedAccountListExample,
  createConnectedAccountResponseExample,
  linkSessionResponseExample,
  toolkitExample,
} from './fixtures/api-examples';
import { createHttpBackend } from './http-backend';
import { fakeFetch, json, rejection } from './testing/fake-fetch';

/** Answers each route of the API, whatever its version prefix. */
function api() {
  return fakeFetch((call) => {
    const path = new URL(call.url, 'http://x').pathname.replace(/^\/base\/api\/v3(\.1)?/, '');
    if (call.method === 'DELETE' || call.method === 'PATCH') return json({ success: true });
    if (path === '/connected_accounts/link') return json(linkSessionResponseExample, 201);
    if (path === '/connected_accounts' && call.method === 'POST')
      return json(createConnectedAccountResponseExample, 201);
    if (path === '/connected_accounts') return json(connectedAccountListExample);
    if (path.startsWith('/connected_accounts/')) return json(connectedAccountExample);
    if (path.startsWith('/auth_configs/')) return json(authConfigExample);
    if (path.startsWith('/toolkits/')) return json(toolkitExample);
    return json({ error: { message: 'no route' } }, 404);
  });
}

async function callEverything(version: 'v3' | 'v3.1' | undefined) {
  const { fetch, calls } = api();
  const backend = createHttpBackend({ baseUrl: '/base', fetch, ...(version ? { apiVersion: version } : {}) });
  await backend.createLinkSession({ auth_config_id: 'ac_1' });
  await backend.createConnectedAccount({
    auth_config: { id: 'ac_1' },
    connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'k' } } },
  });
  await backend.getConnectedAccount('ca_1');
  await backend.getAuthFields?.('ac_zendesk01');
  await backend.listConnectedAccounts({ statuses: ['ACTIVE'] });
  await backend.deleteConnectedAccount('ca_1');
  await backend.setConnectedAccountEnabled('ca_1', true);
  return calls.map((call) => `${call.method} ${call.url}`);
}

const routes = (prefix: string) => [
  `POST /base${prefix}/connected_accounts/link`,
  `POST /base${prefix}/connected_accounts`,
  `GET /base${prefix}/connected_accounts/ca_1`,
  `GET /base${prefix}/auth_configs/ac_zendesk01`,
  `GET /base${prefix}/toolkits/zendesk`,
  `GET /base${prefix}/connected_accounts?statuses=ACTIVE`,
  `DELETE /base${prefix}/connected_accounts/ca_1`,
  `PATCH /base${prefix}/connected_accounts/ca_1/status`,
];

describe('createHttpBackend apiVersion', () => {
  it('defaults to v3: every call goes to /api/v3/…', async () => {
    expect(await callEverything(undefined)).toEqual(routes('/api/v3'));
  });

  it("v3.1: every call goes to /api/v3.1/…, the paths Composio's own client calls", async () => {
    expect(await callEverything('v3.1')).toEqual(routes('/api/v3.1'));
  });

  it('names the version in what it reports', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>', { status: 200 }));
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch, apiVersion: 'v3.1' }).getConnectedAccount('ca_1'),
      'invalid_response',
    );
    expect(error.message).toContain('GET /api/v3.1/connected_accounts/ca_1');
  });

  it('refuses a version it does not speak, before any request', () => {
    expect(() => createHttpBackend({ baseUrl: '', apiVersion: 'v2' as never })).toThrow(
      expect.objectContaining({ kind: 'invalid_request', path: 'apiVersion' }),
    );
  });
});
