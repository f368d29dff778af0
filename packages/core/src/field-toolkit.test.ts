// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fieldSpecFromToolkitField, fieldSpecsFromAuthFields } from './field-toolkit';
import { toolkitExample } from './fixtures/api-examples';
import { toolkitSchema } from './wire';

describe('fieldSpecFromToolkitField', () => {
  const field = (over: Record<string, unknown>) => ({
    name: 'subdomain',
    displayName: 'Subdomain',
    type: 'string',
    description: 'Your Zendesk subdomain',
    required: true,
    ...over,
  });

  const words: Record<string, string> = {
    'label.subdomain': 'Subdomain',
    'placeholder.subdomain': 'acme',
    'label.dc': 'Data center',
  };
  const texts = (key: string) => words[key];

  it('merges the catalog entry with the metadata, the metadata winning', () => {
    const spec = fieldSpecFromToolkitField(
      field({ displayName: 'Zendesk subdomain', default: 'acme' }),
      texts,
    );
    expect(spec).toMatchObject({
      name: 'subdomain',
      label: 'Zendesk subdomain',
      description: 'Your Zendesk subdomain',
      required: true,
      defaultValue: 'acme',
      kind: 'text',
      placeholder: 'acme',
    });
    // The catalog's rule stays: a pasted address is cut to its subdomain, a space still refused.
    expect(spec.validator.parse('https://acme.zendesk.com')).toBe('acme');
    expect(spec.validator.safeParse('acme zendesk').success).toBe(false);
    expect(fieldSpecFromToolkitField(field({ required: false })).required).toBe(false);
    // Metadata without words keeps the catalog's.
    expect(
      fieldSpecFromToolkitField(field({ name: 'dc', displayName: ' ', description: '' }), texts),
    ).toMatchObject({ label: 'Data center' });
  });

  it('localized words win over the metadata’s English; a field they do not name keeps its metadata', () => {
    const german: Record<string, string> = {
      'label.subdomain': 'Subdomäne',
      'description.subdomain': 'Der erste Teil der Adresse Ihres Kontos',
    };
    const de = (key: string) => german[key];
    expect(fieldSpecFromToolkitField(field({ displayName: 'Zendesk subdomain' }), de, de)).toMatchObject({
      label: 'Subdomäne',
      description: 'Der erste Teil der Adresse Ihres Kontos',
    });
    expect(
      fieldSpecFromToolkitField(field({ name: 'ticket_view', displayName: 'Ticket view' }), de, de),
    ).toMatchObject({ label: 'Ticket view', description: 'Your Zendesk subdomain' });
  });

  it('in another language, a field it labels never shows the metadata’s English description', () => {
    const german: Record<string, string> = { 'label.email': 'E-Mail' };
    const de = (key: string) => german[key];
    const email = field({ name: 'email', displayName: 'Email', description: 'The agent’s email address' });
    const inGerman = fieldSpecFromToolkitField(email, de, de, true);
    expect(inGerman.label).toBe('E-Mail');
    expect(inGerman.description).toBeUndefined();
    // A field German does not label keeps its metadata's words, both English.
    expect(
      fieldSpecFromToolkitField(field({ name: 'ticket_view', displayName: 'Ticket view' }), de, de, true),
    ).toMatchObject({ label: 'Ticket view', description: 'Your Zendesk subdomain' });
    // An English app's own label (not another language) keeps the metadata's description.
    expect(fieldSpecFromToolkitField(email, de, de, false)).toMatchObject({
      label: 'E-Mail',
      description: 'The agent’s email address',
    });
  });

  it('is secret when either the catalog or is_secret says so', () => {
    expect(fieldSpecFromToolkitField(field({ name: 'api_key', is_secret: false }))).toMatchObject({
      kind: 'secret',
      secret: true,
    });
    expect(fieldSpecFromToolkitField(field({ name: 'pin_code', is_secret: true }))).toMatchObject({
      kind: 'secret',
      secret: true,
    });
    expect(fieldSpecFromToolkitField(field({ name: 'private_key', is_secret: false }))).toMatchObject({
      kind: 'multiline',
      secret: true,
    });
  });

  it.each([
    ['number', 'number', 3, 'x'],
    ['integer', 'number', 3, 'x'],
    ['boolean', 'boolean', false, 'no'],
    ['password', 'secret', 'p', ''],
    ['url', 'url', 'https://a.example', 'a.example'],
    ['email', 'email', 'a@b.co', 'ab.co'],
    ['json', 'json', '{}', '{'],
  ] as const)('type %s becomes kind %s with its validator', (type, kind, good, bad) => {
    const spec = fieldSpecFromToolkitField(field({ name: 'custom_field', type }));
    expect(spec.kind).toBe(kind);
    expect(spec.secret).toBe(kind === 'secret');
    expect(spec.validator.safeParse(good).success).toBe(true);
    expect(spec.validator.safeParse(bad).success).toBe(false);
  });

  it('fieldSpecsFromAuthFields converts a toolkit’s connection fields in order', () => {
    const toolkit = toolkitSchema.parse(toolkitExample);
    const group = toolkit.auth_config_details?.[1]?.fields?.connected_account_initiation;
    const specs = fieldSpecsFromAuthFields({
      authConfigId: 'ac_1',
      authScheme: 'API_KEY',
      toolkitSlug: 'zendesk',
      toolkitName: 'Zendesk',
      fields: [...(group?.required ?? []), ...(group?.optional ?? [])],
    });
    expect(specs.map((spec) => [spec.name, spec.kind, spec.secret, spec.required, spec.label])).toEqual([
      ['subdomain', 'text', false, true, 'Subdomain'],
      ['email', 'email', false, true, 'Email'],
      ['api_key', 'secret', true, true, 'API token'],
      ['region', 'text', false, false, 'Region'],
    ]);
    expect(specs[3]?.defaultValue).toBe('us');
  });

  it('fieldSpecsFromAuthFields leaves out a field marked user_visible: false, whatever backend gave it', () => {
    const field = { name: 'region', displayName: 'Region', type: 'string', description: '', required: false };
    const specs = fieldSpecsFromAuthFields({
      authConfigId: 'ac_1',
      authScheme: 'API_KEY',
      toolkitSlug: 'zendesk',
      toolkitName: 'Zendesk',
      fields: [
        { ...field, name: 'api_key', user_visible: true },
        { ...field, user_visible: false },
        { ...field, name: 'subdomain' },
      ],
    });
    expect(specs.map((spec) => spec.name)).toEqual(['api_key', 'subdomain']);
  });
});
