// @vitest-environment node
// Bodies typed from Composio's own v3.1 client (`@composio/client`, the types its API returns):
// what `/api/v3.1/…` sends today reads through createHttpBackend, v3.1's additions kept.
import type {
  ConnectedAccountCreateResponse,
  ConnectedAccountDeleteResponse,
  ConnectedAccountListResponse,
  ConnectedAccountRetrieveResponse,
  ConnectedAccountUpdateStatusResponse,
  LinkCreateResponse,
  ToolkitRetrieveResponse,
} from '@composio/client/resources';
import { describe, expect, it } from 'vitest';
import { accountOutcome } from './connect-flow-outcome';
import { createHttpBackend } from './http-backend';
import { fakeFetch, json } from './testing/fake-fetch';

const experimental: ConnectedAccountRetrieveResponse['experimental'] = {
  account_type: 'SHARED',
  acl_config_for_shared: { allow_all_users: false, allowed_user_ids: ['u_2'], not_allowed_user_ids: [] },
};

const revoked = {
  toolkit: { slug: 'zoom' },
  auth_config: { id: 'ac_zoom', auth_scheme: 'S2S_OAUTH2', is_composio_managed: false, is_disabled: false },
  id: 'ca_v31',
  word_id: 'brave-otter',
  alias: 'Work Zoom',
  user_id: 'user_1',
  status: 'REVOKED',
  experimental,
  created_at: '2026-02-01T10:00:00.000Z',
  updated_at: '2026-02-02T10:00:00.000Z',
  state: { authScheme: 'S2S_OAUTH2', val: { status: 'INITIALIZING', account_id: 'z1' } },
  data: {},
  status_reason: 'The user revoked access in Zoom',
  is_disabled: false,
  params: {},
  requested_scopes: ['meeting:read'],
} satisfies ConnectedAccountRetrieveResponse;

const created = {
  id: 'ca_new',
  connectionData: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: '[redacted]' } },
  status: 'ACTIVE',
  redirect_url: null,
  redirect_uri: null,
  experimental: { account_type: 'PRIVATE' },
} satisfies ConnectedAccountCreateResponse;

const link = {
  link_token: 'lt_v31',
  redirect_url: 'https://connect.composio.dev/link/lt_v31',
  expires_at: '2026-02-01T10:10:00.000Z',
  connected_account_id: 'ca_v31',
  experimental: { account_type: 'PRIVATE' },
} satisfies LinkCreateResponse;

const toolkit = {
  slug: 'zoom',
  name: 'Zoom',
  type: 'native',
  enabled: true,
  composio_managed_auth: [],
  is_local_toolkit: false,
  auth_config_details: [
    {
      mode: 'S2S_OAUTH2',
      name: 'Server-to-server OAuth',
      fields: {
        auth_config_creation: { required: [], optional: [] },
        connected_account_initiation: {
          required: [
            {
              name: 'account_id',
              displayName: 'Account ID',
              type: 'string',
              description: 'Your Zoom account id',
              required: true,
              is_secret: false,
            },
          ],
          optional: [],
        },
      },
    },
  ],
  meta: {
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    description: 'Video meetings',
    logo: 'https://logos.composio.dev/api/zoom',
    app_url: 'https://zoom.us',
    categories: [],
    triggers_count: 0,
    tools_count: 0,
    version: '20260101_00',
    available_versions: [],
  },
  deprecated: { toolkitId: 'tk_zoom', rawProxyInfoByAuthSchemes: [] },
} satisfies ToolkitRetrieveResponse;

describe('bodies of the v3.1 client types read', () => {
  it('an account: REVOKED, S2S_OAUTH2, alias, word_id and experimental kept; REVOKED is not connected', async () => {
    const { fetch } = fakeFetch(() => json(revoked));
    const account = await createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_v31');
    expect(account).toMatchObject({
      status: 'REVOKED',
      alias: 'Work Zoom',
      word_id: 'brave-otter',
      experimental,
      auth_config: { auth_scheme: 'S2S_OAUTH2' },
    });
    expect(account).not.toHaveProperty('requested_scopes');
    expect(accountOutcome(account)).toMatchObject({
      status: 'failed',
      error: { kind: 'connection_failed', message: 'The user revoked access in Zoom' },
    });
  });

  it('the list', async () => {
    const body = {
      items: [revoked],
      next_cursor: null,
      total_pages: 1,
      current_page: 1,
      total_items: 1,
    } satisfies ConnectedAccountListResponse;
    const { fetch } = fakeFetch(() => json(body));
    const page = await createHttpBackend({ baseUrl: '', fetch }).listConnectedAccounts();
    expect(page.items[0]).toMatchObject({ id: 'ca_v31', alias: 'Work Zoom', status: 'REVOKED' });
    expect(page.items[0]).not.toHaveProperty('state');
  });

  it('a created account without `deprecated`, and a link session with `experimental`', async () => {
    const { fetch } = fakeFetch((call) => json(call.url.endsWith('/link') ? link : created, 201));
    const backend = createHttpBackend({ baseUrl: '', fetch });
    await expect(
      backend.createConnectedAccount({
        auth_config: { id: 'ac_1' },
        connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'k' } } },
      }),
    ).resolves.toMatchObject({ id: 'ca_new', experimental: { account_type: 'PRIVATE' } });
    await expect(backend.createLinkSession({ auth_config_id: 'ac_zoom' })).resolves.toEqual(link);
  });

  it("a toolkit's fields for a v3.1 scheme", async () => {
    const { fetch } = fakeFetch((call) =>
      json(
        call.url.includes('auth_configs')
          ? { id: 'ac_zoom', toolkit: { slug: 'zoom' }, auth_scheme: 'S2S_OAUTH2' }
          : toolkit,
      ),
    );
    const fields = await createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_zoom');
    expect(fields).toMatchObject({ authScheme: 'S2S_OAUTH2', toolkitName: 'Zoom' });
    expect(fields?.fields.map((field) => field.name)).toEqual(['account_id']);
  });

  it('delete and enable / disable answers (v3.1 adds fields beside success)', async () => {
    const deleted = { success: true, id: 'ca_v31' } as ConnectedAccountDeleteResponse;
    const patched = { success: true } satisfies ConnectedAccountUpdateStatusResponse;
    const { fetch } = fakeFetch((call) => json(call.method === 'DELETE' ? deleted : patched));
    const backend = createHttpBackend({ baseUrl: '', fetch });
    await expect(backend.deleteConnectedAccount('ca_v31')).resolves.toBeUndefined();
    await expect(backend.setConnectedAccountEnabled('ca_v31', false)).resolves.toBeUndefined();
  });
});
