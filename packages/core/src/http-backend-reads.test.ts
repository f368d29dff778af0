// @vitest-environment node
// createHttpBackend reading what the API answers: auth fields from an auth config and its toolkit,
// and statuses as an open set.
import { describe, expect, it } from 'vitest';
import { authConfigExample, connectedAccountExample, toolkitExample } from './fixtures/api-examples';
import { createHttpBackend } from './http-backend';
import { fakeFetch, json, rejection } from './testing/fake-fetch';
import { CONNECTION_STATUSES } from './wire';

/** `getAuthFields('ac_zendesk01')` against a server answering with this auth config and toolkit. */
function authFieldsOver(config: unknown, toolkit: unknown) {
  const { fetch } = fakeFetch((call) => json(call.url.includes('auth_configs') ? config : toolkit));
  return createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_zendesk01');
}

describe('createHttpBackend: getAuthFields', () => {
  it('reads the auth config, then its toolkit, and returns the fields of its scheme', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.endsWith('/api/v3/auth_configs/ac_zendesk01') ? json(authConfigExample) : json(toolkitExample),
    );
    const fields = await createHttpBackend({ baseUrl: '/api', fetch }).getAuthFields?.('ac_zendesk01');
    expect(calls.map((call) => call.url)).toEqual([
      '/api/api/v3/auth_configs/ac_zendesk01',
      '/api/api/v3/toolkits/zendesk',
    ]);
    expect(fields).toMatchObject({
      authConfigId: 'ac_zendesk01',
      authScheme: 'API_KEY',
      toolkitSlug: 'zendesk',
      toolkitName: 'Zendesk',
    });
    expect(fields?.fields.map((field) => [field.name, field.required])).toEqual([
      ['subdomain', true],
      ['email', true],
      ['api_key', true],
      ['region', false],
    ]);
  });

  it('a toolkit without the scheme is invalid_response at auth_config_details', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json({ ...authConfigExample, auth_scheme: 'BASIC' })
        : json(toolkitExample),
    );
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1') as Promise<unknown>,
      'invalid_response',
    );
    expect(error.path).toBe('auth_config_details');
  });

  it('a missing field group means no fields', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json({ ...authConfigExample, auth_scheme: 'NO_AUTH' })
        : json(toolkitExample),
    );
    const fields = await createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1');
    expect(fields?.fields).toEqual([]);
  });
  it('reads only what it uses of the auth config: fields it never reads cannot break a form', async () => {
    const { id, toolkit, auth_scheme } = authConfigExample;
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json({ id, toolkit, auth_scheme, type: 'managed', status: 'PAUSED' })
        : json(toolkitExample),
    );
    const fields = await createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_zendesk01');
    expect(fields?.fields.map((field) => field.name)).toEqual(['subdomain', 'email', 'api_key', 'region']);
  });

  it('what it reads is still checked: an auth_scheme that is not a string is invalid_response naming it', async () => {
    const { fetch } = fakeFetch(() => json({ ...authConfigExample, auth_scheme: 3 }));
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1') as Promise<unknown>,
      'invalid_response',
    );
    expect(error.path).toBe('auth_scheme');
    expect(error.message).toContain('auth_scheme: Invalid input: expected string');
  });

  it('a mode the kit does not know fails nothing: other modes still give their fields', async () => {
    const toolkit = {
      ...toolkitExample,
      auth_config_details: [
        { mode: 'QUANTUM_HANDSHAKE', name: 'New' },
        ...toolkitExample.auth_config_details,
      ],
    };
    const fields = await authFieldsOver(authConfigExample, toolkit);
    expect(fields?.authScheme).toBe('API_KEY');
    expect(fields?.fields.map((field) => field.name)).toEqual(['subdomain', 'email', 'api_key', 'region']);
  });

  it("an auth config on a scheme the kit does not know reads that mode's fields", async () => {
    const field = {
      name: 'quantum_key',
      displayName: 'Key',
      type: 'string',
      description: '',
      required: true,
    };
    const toolkit = {
      ...toolkitExample,
      auth_config_details: [
        {
          mode: 'QUANTUM_HANDSHAKE',
          name: 'New',
          fields: { connected_account_initiation: { required: [field] } },
        },
      ],
    };
    const config = { ...authConfigExample, auth_scheme: 'QUANTUM_HANDSHAKE' };
    const fields = await authFieldsOver(config, toolkit);
    expect(fields?.authScheme).toBe('QUANTUM_HANDSHAKE');
    expect(fields?.fields.map((each) => each.name)).toEqual(['quantum_key']);
  });

  it('a field marked user_visible: false is not given to the form', async () => {
    const hidden = {
      name: 'region',
      displayName: 'Region',
      type: 'string',
      description: '',
      required: false,
    };
    const toolkit = {
      ...toolkitExample,
      auth_config_details: [
        {
          mode: 'API_KEY',
          name: 'Key',
          fields: {
            connected_account_initiation: {
              required: [
                {
                  ...toolkitExample.auth_config_details[1]?.fields?.connected_account_initiation.required[2],
                },
              ],
              optional: [{ ...hidden, user_visible: false }],
            },
          },
        },
      ],
    };
    const fields = await authFieldsOver(authConfigExample, toolkit);
    expect(fields?.fields.map((field) => field.name)).toEqual(['api_key']);
  });

  it('a toolkit with no auth_config_details at all is invalid_response, not a crash', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json(authConfigExample)
        : json({ slug: 'zendesk', name: 'Zendesk' }),
    );
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1') as Promise<unknown>,
      'invalid_response',
    );
    expect(error.path).toBe('auth_config_details');
  });
});

describe('createHttpBackend: statuses are an open set', () => {
  it('an account with a status the API does not document reads, the status kept as sent', async () => {
    const { fetch } = fakeFetch(() => json({ ...connectedAccountExample, status: 'PAUSED' }));
    const account = await createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1');
    expect(account.status).toBe('PAUSED');
  });

  it('a status that is not a string is still invalid_response at status', async () => {
    const { fetch } = fakeFetch(() => json({ ...connectedAccountExample, status: 7 }));
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1'),
      'invalid_response',
    );
    expect(error.path).toBe('status');
  });

  it('every documented status parses', async () => {
    for (const status of CONNECTION_STATUSES) {
      const { fetch } = fakeFetch(() => json({ ...connectedAccountExample, status }));
      const account = await createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1');
      expect(account.status).toBe(status);
    }
  });
});
