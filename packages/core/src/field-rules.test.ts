// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIELD_CATALOG } from './field-catalog';
import { isWebUrl, validatorForKind } from './field-rules';

const accepts = (kind: 'url' | 'email', value: string) => validatorForKind(kind).safeParse(value).success;

describe('the URL, email and base64 rules (the platform URL parser and zod’s patterns, no string formats)', () => {
  it.each([
    ['https://acme.example.com/api', true],
    ['http://localhost:8080', true],
    ['https://acme.zendesk.com/agent?x=1#top', true],
    ['HTTPS://ACME.EXAMPLE.COM', true],
    ['acme.example.com', false],
    ['ftp://acme.example.com', false],
    ['javascript:alert(1)', false],
    ['https://', false],
    ['', false],
  ])('a URL field takes %j: %s', (value, ok) => {
    expect(isWebUrl(value) && accepts('url', value)).toBe(ok);
    expect(accepts('url', value)).toBe(ok);
  });

  it.each([
    ['ada@example.com', true],
    ['ops+zendesk@acme.co.uk', true],
    ['ada@', false],
    ['ada example.com', false],
    ['@example.com', false],
    ['ada@localhost', false],
  ])('an email field takes %j: %s', (value, ok) => {
    expect(accepts('email', value)).toBe(ok);
  });

  it('says each refusal by its rule’s key', () => {
    expect(validatorForKind('url').safeParse('acme.example.com').error?.issues[0]?.message).toBe('fieldUrl');
    expect(validatorForKind('email').safeParse('ada@').error?.issues[0]?.message).toBe('fieldEmail');
    const base64 = FIELD_CATALOG.basic_encoded?.validator;
    expect(base64?.safeParse(btoa('ada:lovelace')).success).toBe(true);
    expect(base64?.safeParse('YWRhOmxvdmVsYWNl=').error?.issues[0]?.message).toBe('fieldBase64');
  });
});
