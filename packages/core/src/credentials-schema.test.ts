import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConnectError } from './connect-error';
import { credentialFieldEntries, credentialsSchema, defaultCredentialValues } from './credentials-schema';
import {
  credentialRequest,
  credentialSecrets,
  placeCredentialError,
  redactConnectError,
  redactCreatedAccount,
} from './credentials-schema-request';
import { resolveFieldSpecs } from './field-catalog';
import { validatorForKind } from './field-rules';
import type { FieldSpec } from './field-spec';

// Specs written out in full so these rules are tested apart from the catalog's choices.
function spec(name: string, overrides: Partial<FieldSpec> = {}): FieldSpec {
  return {
    name,
    label: name,
    kind: 'text',
    secret: false,
    required: false,
    ...overrides,
    validator: overrides.validator ?? (overrides.kind ? validatorForKind(overrides.kind) : z.unknown()),
  };
}

const zendesk = [
  spec('subdomain', { label: 'Subdomain', required: true }),
  spec('email', { label: 'Email', kind: 'email', required: true }),
  spec('api_key', { label: 'API key', kind: 'secret', secret: true, required: true }),
];

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

describe('credentialsSchema', () => {
  it('parses filled values into what connection.state.val sends', () => {
    const parsed = credentialsSchema(zendesk).parse({
      subdomain: '  acme ',
      email: 'ops@acme.test',
      api_key: ' key with spaces ',
    });
    // Text is trimmed; a secret is sent exactly as typed.
    expect(parsed).toEqual({ subdomain: 'acme', email: 'ops@acme.test', api_key: ' key with spaces ' });
  });

  it('reports every missing required field by path, with its label', () => {
    const result = credentialsSchema(zendesk).safeParse({ subdomain: '', email: ' ', api_key: '' });
    expect(issuesOf(result)).toEqual({
      subdomain: 'Subdomain is required',
      email: 'Email is required',
      api_key: 'API key is required',
    });
  });

  it('leaves empty optional fields out of the request', () => {
    const specs = [spec('subdomain', { required: true }), spec('region'), spec('flag', { kind: 'boolean' })];
    expect(credentialsSchema(specs).parse({ subdomain: 'a', region: '', flag: false })).toEqual({
      subdomain: 'a',
    });
    expect(credentialsSchema(specs).parse({ subdomain: 'a', region: 'eu', flag: true })).toEqual({
      subdomain: 'a',
      region: 'eu',
      flag: true,
    });
  });

  it('checks urls, emails and numbers, and converts numbers', () => {
    const specs = [
      spec('base_url', { kind: 'url' }),
      spec('email', { kind: 'email' }),
      spec('expires_in', { kind: 'number' }),
    ];
    const bad = credentialsSchema(specs).safeParse({
      base_url: 'acme.test',
      email: 'nope',
      expires_in: '12x',
    });
    expect(issuesOf(bad)).toEqual({
      base_url: 'Enter a full http:// or https:// address',
      email: 'Enter an email address such as name@example.com',
      expires_in: 'Enter a number',
    });
    expect(
      credentialsSchema(specs).safeParse({ base_url: 'javascript:alert(1)', email: '', expires_in: '' })
        .success,
    ).toBe(false);
    expect(
      credentialsSchema(specs).parse({
        base_url: 'https://acme.test',
        email: 'a@b.co',
        expires_in: ' 3600 ',
      }),
    ).toEqual({ base_url: 'https://acme.test', email: 'a@b.co', expires_in: 3600 });
  });

  it('says where a JSON field stops parsing, without quoting it', () => {
    const specs = [spec('credentials_json', { kind: 'json', secret: true, required: true })];
    const text = '{\n  "private_key": "s3cret",\n}';
    const result = credentialsSchema(specs).safeParse({ credentials_json: text });
    const message = issuesOf(result).credentials_json;
    expect(message).toBe('Not valid JSON: line 3, column 1');
    expect(message).not.toContain('s3cret');
    // Valid JSON is sent as the text the user wrote.
    const good = '{"type":"service_account"}';
    expect(credentialsSchema(specs).parse({ credentials_json: good })).toEqual({ credentials_json: good });
  });

  it("applies the spec's own validator after the kind's rules", () => {
    const specs = [
      spec('api_key', { secret: true, required: true, validator: z.string().min(8, 'Too short') }),
    ];
    expect(issuesOf(credentialsSchema(specs).safeParse({ api_key: 'short' }))).toEqual({
      api_key: 'Too short',
    });
    expect(credentialsSchema(specs).parse({ api_key: 'long enough' })).toEqual({ api_key: 'long enough' });
  });

  it('builds nested fields (authed_user) as a nested object with dotted issue paths', () => {
    const specs = [
      spec('access_token', { secret: true, required: true }),
      spec('authed_user', {
        fields: [spec('access_token', { secret: true }), spec('scope', { kind: 'url' })],
      }),
    ];
    expect(credentialFieldEntries(specs).map((entry) => entry.path)).toEqual([
      'access_token',
      'authed_user.access_token',
      'authed_user.scope',
    ]);
    const values = defaultCredentialValues(specs);
    expect(values).toEqual({ access_token: '', authed_user: { access_token: '', scope: '' } });
    expect(credentialsSchema(specs).parse({ ...values, access_token: 't' })).toEqual({ access_token: 't' });
    expect(
      credentialsSchema(specs).parse({ access_token: 't', authed_user: { access_token: 'u', scope: '' } }),
    ).toEqual({ access_token: 't', authed_user: { access_token: 'u' } });
    const bad = credentialsSchema(specs).safeParse({
      access_token: 't',
      authed_user: { access_token: '', scope: 'x' },
    });
    expect(Object.keys(issuesOf(bad))).toEqual(['authed_user.scope']);
  });

  it('takes translated messages', () => {
    const result = credentialsSchema([spec('subdomain', { label: 'Sous-domaine', required: true })], {
      fieldRequired: '{label} est obligatoire',
    }).safeParse({ subdomain: '' });
    expect(issuesOf(result)).toEqual({ subdomain: 'Sous-domaine est obligatoire' });
  });
});

describe('defaultCredentialValues', () => {
  it('starts from spec defaults, overridden by the caller, flat or nested', () => {
    const specs = [
      spec('region', { defaultValue: 'us' }),
      spec('expires_in', { kind: 'number', defaultValue: 60 }),
      spec('flag', { kind: 'boolean', defaultValue: true }),
      spec('authed_user', { fields: [spec('scope')] }),
    ];
    expect(defaultCredentialValues(specs)).toEqual({
      region: 'us',
      expires_in: '60',
      flag: true,
      authed_user: { scope: '' },
    });
    expect(defaultCredentialValues(specs, { region: 'eu', 'authed_user.scope': 'chat:write' })).toMatchObject(
      {
        region: 'eu',
        authed_user: { scope: 'chat:write' },
      },
    );
    expect(defaultCredentialValues(specs, { authed_user: { scope: 'x' } })).toMatchObject({
      authed_user: { scope: 'x' },
    });
  });
});

describe('credentialRequest', () => {
  it('puts the values in connection.state.val with status ACTIVE', () => {
    expect(
      credentialRequest({
        authConfigId: 'ac_zendesk',
        authScheme: 'API_KEY',
        values: { subdomain: 'acme', api_key: 'k' },
        validateCredentials: true,
      }),
    ).toEqual({
      auth_config: { id: 'ac_zendesk' },
      connection: {
        state: { authScheme: 'API_KEY', val: { subdomain: 'acme', api_key: 'k', status: 'ACTIVE' } },
      },
      validate_credentials: true,
    });
    expect(credentialRequest({ authConfigId: 'a', authScheme: 'BASIC', values: {} })).not.toHaveProperty(
      'validate_credentials',
    );
  });

  it('lists the secrets of a form by spec flag and by catalog name', () => {
    const specs = [spec('subdomain'), spec('shop_secret_thing', { secret: true }), spec('api_key')];
    expect(
      credentialSecrets({ subdomain: 'acme', shop_secret_thing: 's1', api_key: 'k1' }, specs).sort(),
    ).toEqual(['k1', 's1']);
  });
});

describe('placeCredentialError', () => {
  const specs = [...zendesk, spec('authed_user', { fields: [spec('scope')] })];
  const http = (errors: string[], fieldErrors: Record<string, string[]> = {}) =>
    new ConnectError('http', { message: 'Bad request', status: 422, errors, fieldErrors });

  it('maps "<field>: <message>" and "Missing required fields" onto the form, the rest to the form', () => {
    const placed = placeCredentialError(
      http([
        'api_key: must not start with "invalid"',
        'Missing required fields: subdomain, email',
        'Quota exceeded',
      ]),
      specs,
    );
    expect(placed).toEqual({
      fieldErrors: {
        api_key: ['must not start with "invalid"'],
        subdomain: ['Required'],
        email: ['Required'],
      },
      formErrors: ['Quota exceeded'],
    });
  });

  it('finds a nested field by its leaf or its path', () => {
    expect(placeCredentialError(http(['scope: unknown scope']), specs).fieldErrors).toEqual({
      'authed_user.scope': ['unknown scope'],
    });
    expect(placeCredentialError(http(['authed_user.scope: bad']), specs).fieldErrors).toEqual({
      'authed_user.scope': ['bad'],
    });
  });

  it("keeps the backend's own placements for fields of the form, and ignores others", () => {
    const placed = placeCredentialError(http([], { email: ['taken'], region: ['nope'] }), specs);
    expect(placed).toEqual({ fieldErrors: { email: ['taken'] }, formErrors: [] });
  });
});

describe('redactCreatedAccount', () => {
  it('replaces the echoed credentials and keeps the rest', () => {
    const account = {
      id: 'ca_1',
      connectionData: {
        authScheme: 'API_KEY' as const,
        val: { status: 'ACTIVE' as const, subdomain: 'acme', api_key: 'k1', zendesk_token: 't1' },
      },
      status: 'ACTIVE' as const,
      redirect_url: null,
      redirect_uri: null,
      deprecated: { uuid: 'u', authConfigUuid: 'v' },
    };
    const redacted = redactCreatedAccount(account, ['k1', 't1']);
    expect(redacted.connectionData.val).toEqual({
      status: 'ACTIVE',
      subdomain: 'acme',
      api_key: '[redacted]',
      zendesk_token: '[redacted]',
    });
    expect(account.connectionData.val.api_key).toBe('k1');
  });
});

describe('redactConnectError', () => {
  it('removes the sent secrets from every text and keeps the rest', () => {
    const error = new ConnectError('http', {
      message: 'Key zd_revoked_9 rejected',
      status: 422,
      requestId: 'req_1',
      errors: ['api_key: zd_revoked_9 is revoked'],
      fieldErrors: { api_key: ['zd_revoked_9 is revoked'] },
    });
    const clean = redactConnectError(error, ['zd_revoked_9']);
    expect(JSON.stringify(clean)).not.toContain('zd_revoked_9');
    expect(clean).toMatchObject({
      kind: 'http',
      status: 422,
      requestId: 'req_1',
      message: 'Key [redacted] rejected',
    });
    const untouched = new ConnectError('network', { message: 'offline' });
    expect(redactConnectError(untouched, ['zd_revoked_9'])).toBe(untouched);
  });

  it('a secret that also occurs in the JSON structure ("e", `","`) leaves the field names whole', () => {
    const error = new ConnectError('http', {
      message: 'bad value "," here',
      status: 400,
      errors: ['secret: e is wrong'],
      fieldErrors: { secret: ['e is wrong'] },
    });
    const clean = redactConnectError(error, ['e', '","']);
    expect(clean.status).toBe(400);
    expect(clean.message).not.toContain('","');
    expect(clean.message).toMatch(/^bad valu\[r/);
    expect(Object.keys(clean.fieldErrors)).toEqual(['secret']);
    expect(clean.fieldErrors.secret?.[0]).toMatch(/^\[redacted\] is wrong$/);
  });
});

describe('with the field catalog', () => {
  it("uses the catalog's kinds and validators", () => {
    const specs = resolveFieldSpecs([
      { name: 'subdomain', required: true },
      { name: 'api_key', required: true },
      'base_url',
      'expires_in',
    ]);
    const schema = credentialsSchema(specs);
    expect(schema.parse({ subdomain: 'acme', api_key: 'k_1', base_url: '', expires_in: '60' })).toEqual({
      subdomain: 'acme',
      api_key: 'k_1',
      expires_in: 60,
    });
    const bad = issuesOf(
      schema.safeParse({ subdomain: '', api_key: 'has space', base_url: 'ftp://x', expires_in: '' }),
    );
    expect(Object.keys(bad).sort()).toEqual(['api_key', 'base_url', 'subdomain']);
    expect(bad.api_key).not.toContain('has space');
  });
});
