// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultCredentialMessages } from './credentials-schema';
import {
  FIELD_CATALOG,
  type FieldKind,
  humanizeFieldName,
  resolveFieldSpec,
  resolveFieldSpecs,
} from './field-catalog';
import { isSecretField, secretValuesOf } from './secret-fields';
import { CONNECTION_DATA_KEYS } from './wire';

type Row = [kind: FieldKind, secret: boolean, good: unknown, bad: unknown];

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
const host = (good: string): Row => ['text', false, good, 'not a host!'];
const url: Row = ['url', false, 'https://acme.example.com/api', 'acme.example.com'];
const key = (good: string): Row => ['secret', true, good, 'has a space '];

/** What each catalog entry must be: its kind, whether it is secret, a value to accept and one to reject. */
const EXPECTED: Record<string, Row> = {
  subdomain: ['text', false, 'acme-eu', 'acme zendesk'],
  'your-domain': host('acme.freshdesk.com'),
  region: ['text', false, 'eu_west', 'eu west'],
  shop: host('acme.myshopify.com'),
  account_url: url,
  COMPANYDOMAIN: host('acme.example.com'),
  extension: ['text', false, 'com', 42],
  form_api_base_url: url,
  instanceEndpoint: url,
  api_url: url,
  borneo_dashboard_url: url,
  proxy_username: ['text', false, 'proxy', ''],
  proxy_password: ['secret', true, 'pass word', ''],
  domain: host('example.org'),
  version: ['text', false, 'v2', ''],
  dc: ['text', false, 'us6', 'us 6'],
  site_name: ['text', false, 'acme', ''],
  instanceName: ['text', false, 'acme', ''],
  account_id: ['text', false, '12345', 12345],
  your_server: ['text', false, 'jira.acme.internal', ''],
  server_location: ['text', false, 'Frankfurt', ''],
  base_url: url,
  oauth_token: key('ot-123'),
  authUri: url,
  oauth_token_secret: key('ots-123'),
  redirectUrl: url,
  callbackUrl: url,
  oauth_verifier: key('verifier'),
  consumer_key: ['text', false, 'ck-123', 'ck 123'],
  callback_url: url,
  error: ['text', false, 'access_denied', null],
  error_description: ['multiline', false, 'The user said no.\nTry again.', ''],
  expired_at: ['text', false, '2026-01-31T12:00:00Z', 'yesterday'],
  state_prefix: ['text', false, 'pb', ''],
  long_redirect_url: ['boolean', false, true, 'true'],
  code_verifier: ['secret', true, 'a'.repeat(43), 'short'],
  finalRedirectUri: url,
  webhook_signature: key('whsec_123'),
  access_token: key('gho_123'),
  id_token: ['secret', true, 'eyJhbGciOi.eyJzdWIiOi.sig_nature', 'not-a-jwt'],
  token_type: ['text', false, 'Bearer', ''],
  refresh_token: key('ghr_123'),
  expires_in: ['number', false, 3600, -1],
  scope: ['text', false, 'repo read:user', ''],
  authed_user: ['json', false, { access_token: 'xoxp-1', scope: 'chat:write' }, { access_token: 'x y' }],
  generic_api_key: key('gk_123'),
  api_key: key('sk_test_123'),
  bearer_token: key('bt_123'),
  basic_encoded: ['secret', true, btoa('ada:lovelace'), 'ada:lovelace'],
  username: ['text', false, 'ada', ''],
  password: ['secret', true, 'correct horse battery staple', ''],
  token: key('tok_123'),
  composio_link_redirect_url: url,
  credentials_json: [
    'json',
    true,
    '{"type":"service_account","private_key":"k"}',
    '{"type": service_account}',
  ],
  sessionId: key('sess_123'),
  devKey: key('dev_123'),
  application_id: ['text', false, '12345', ''],
  installation_id: ['text', false, '67890', ''],
  private_key: ['multiline', true, PEM, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  client_id: ['text', false, 'client-123', 'client 123'],
  client_secret: key('cs_123'),
  client_id_issued_at: ['number', false, 1767225600, 1.5],
  client_secret_expires_at: ['number', false, 0, '0'],
  expires_at: ['text', false, '2026-01-31T12:10:00.000Z', 'soon'],
  email: ['email', false, 'ada@example.com', 'ada@'],
};

describe('FIELD_CATALOG', () => {
  it('has a spec for every connection_data key, and the table covers every spec', () => {
    for (const name of CONNECTION_DATA_KEYS) expect(FIELD_CATALOG).toHaveProperty([name]);
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FIELD_CATALOG).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, [kind, secret, good, bad]) => {
    const spec = FIELD_CATALOG[name];
    expect(spec).toBeDefined();
    if (spec === undefined) return;
    expect(spec.name).toBe(name);
    expect(spec.kind).toBe(kind);
    expect(spec.secret).toBe(secret);
    expect(spec.required).toBe(false);
    expect(spec.label.trim()).not.toBe('');
    if (secret) expect(spec.autoComplete).toBe('off');
    expect(spec.validator.safeParse(good).error?.issues ?? []).toEqual([]);
    const rejected = spec.validator.safeParse(bad);
    expect(rejected.success).toBe(false);
    // A validator message never repeats the value it judged (it may be a secret).
    if (typeof bad === 'string' && bad.length > 3) {
      for (const issue of rejected.error?.issues ?? []) expect(issue.message).not.toContain(bad);
    }
    // The catalog is zod/mini, which loads no locale: for a value of the type a form sends, the
    // message is a rule's key, which the form says in the user's language; never zod's "Invalid input".
    if (typeof bad === typeof good) {
      for (const issue of rejected.error?.issues ?? []) {
        expect(Object.keys(defaultCredentialMessages)).toContain(issue.message);
      }
    }
  });

  it('authed_user is a nested spec whose token is a secret', () => {
    const fields = FIELD_CATALOG.authed_user?.fields ?? [];
    expect(fields.map((field) => [field.name, field.kind, field.secret])).toEqual([
      ['access_token', 'secret', true],
      ['scope', 'text', false],
    ]);
    expect(isSecretField('authed_user.access_token')).toBe(true);
    expect(isSecretField('authed_user.scope')).toBe(false);
  });

  it('a JSON error names its line and column, not the text', () => {
    const result = FIELD_CATALOG.credentials_json?.validator.safeParse(
      '{\n  "private_key": "s3cr3t",\n  oops\n}',
    );
    expect(result?.error?.issues[0]).toMatchObject({
      message: 'fieldJson',
      params: { line: 3, column: 3 },
    });
    expect(defaultCredentialMessages.fieldJson).toBe('Not valid JSON: line {line}, column {column}');
  });

  it('holds no words: labels are the names humanised, with no description or placeholder', () => {
    expect(FIELD_CATALOG.dc).toMatchObject({ label: 'Dc' });
    for (const spec of Object.values(FIELD_CATALOG)) {
      expect(spec.label).toBe(humanizeFieldName(spec.name));
      expect(spec.description).toBeUndefined();
      expect(spec.placeholder).toBeUndefined();
    }
  });
});

describe('resolveFieldSpec', () => {
  const words: Record<string, string> = {
    'label.dc': 'Rechenzentrum',
    'description.dc': 'Das Rechenzentrum Ihres Kontos',
    'placeholder.subdomain': 'firma',
    'placeholder.url': 'https://',
    'label.authed_user.scope': 'Bereich des Nutzers',
    'label.unknown_field': 'Eigenes Feld',
  };
  const texts = (key: string) => words[key];

  it('takes its words from texts, by name, nested path, or a url field’s kind', () => {
    expect(resolveFieldSpec('dc', texts)).toMatchObject({
      label: 'Rechenzentrum',
      description: 'Das Rechenzentrum Ihres Kontos',
    });
    expect(resolveFieldSpec('subdomain', texts)).toMatchObject({ label: 'Subdomain', placeholder: 'firma' });
    expect(resolveFieldSpec('base_url', texts).placeholder).toBe('https://');
    expect(resolveFieldSpec('region', texts).placeholder).toBeUndefined();
    expect(resolveFieldSpec('authed_user', texts).fields?.map((field) => field.label)).toEqual([
      'Access token',
      'Bereich des Nutzers',
    ]);
    // A name the catalog does not know is humanised unless the texts name it too.
    expect(resolveFieldSpec('instance_region', texts).label).toBe('Instance region');
    expect(resolveFieldSpec('unknown_field', texts).label).toBe('Eigenes Feld');
  });

  it('overrides win over the texts', () => {
    expect(
      resolveFieldSpec({ name: 'dc', label: 'Mailchimp data center', placeholder: 'us6' }, texts),
    ).toMatchObject({
      label: 'Mailchimp data center',
      description: 'Das Rechenzentrum Ihres Kontos',
      placeholder: 'us6',
    });
    expect(resolveFieldSpecs(['dc', { name: 'dc', required: true }], texts)).toMatchObject([
      { label: 'Rechenzentrum', required: true },
    ]);
  });

  it('an unknown name is a text field with a humanised label', () => {
    const spec = resolveFieldSpec('instance_region');
    expect(spec).toMatchObject({
      name: 'instance_region',
      label: 'Instance region',
      kind: 'text',
      secret: false,
    });
    expect(spec.validator.safeParse('eu').success).toBe(true);
  });

  it('an unknown name that sounds like a credential is a secret', () => {
    expect(resolveFieldSpec('zendesk_api_token')).toMatchObject({ kind: 'secret', secret: true });
    expect(resolveFieldSpec('token_url')).toMatchObject({ kind: 'text', secret: false });
  });

  it('overrides win; a kind change brings that kind’s validator; kind secret means secret', () => {
    const spec = resolveFieldSpec({ name: 'subdomain', required: true, label: 'Zendesk subdomain' });
    expect(spec).toMatchObject({
      name: 'subdomain',
      required: true,
      label: 'Zendesk subdomain',
      kind: 'text',
    });
    expect(spec.validator.safeParse('a b').success).toBe(false);
    const email = resolveFieldSpec({ name: 'account_id', kind: 'email' });
    expect(email.validator.safeParse('a@b.co').success).toBe(true);
    expect(email.validator.safeParse('12345').success).toBe(false);
    expect(resolveFieldSpec({ name: 'pin', kind: 'secret' }).secret).toBe(true);
  });

  it('resolveFieldSpecs keeps order and lets a later entry override an earlier one', () => {
    const specs = resolveFieldSpecs(['subdomain', 'api_key', { name: 'subdomain', required: true }]);
    expect(specs.map((spec) => [spec.name, spec.required])).toEqual([
      ['subdomain', true],
      ['api_key', false],
    ]);
  });

  it.each([
    ['api_key', 'API key'],
    ['instanceEndpoint', 'Instance endpoint'],
    ['your-domain', 'Your domain'],
    ['oauth_client_id', 'OAuth client ID'],
    ['COMPANYDOMAIN', 'COMPANYDOMAIN'],
  ])('humanizeFieldName(%s) = %s', (name, label) => {
    expect(humanizeFieldName(name)).toBe(label);
  });
});

describe('secretValuesOf', () => {
  it('collects the values of secret fields, nested ones included, and nothing else', () => {
    expect(
      secretValuesOf({
        subdomain: 'acme',
        api_key: 'k1',
        status: 'ACTIVE',
        zendesk_api_token: 'k2',
        authed_user: { access_token: 'k3', scope: 'chat:write' },
        credentials_json: '{"a":1}',
        token_type: 'Bearer',
      }).sort(),
    ).toEqual(['k1', 'k2', 'k3', '{"a":1}'].sort());
  });

  it('specs add secrets by name', () => {
    expect(secretValuesOf({ pin: '1234', subdomain: 'acme' }, [{ name: 'pin', secret: true }])).toEqual([
      '1234',
    ]);
  });

  it('ignores what is not a record', () => {
    expect(secretValuesOf(undefined)).toEqual([]);
    expect(secretValuesOf('api_key')).toEqual([]);
  });
});
