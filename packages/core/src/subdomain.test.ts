import { describe, expect, it } from 'vitest';
import { credentialsSchema } from './credentials-schema';
import { resolveFieldSpec } from './field-catalog';
import { subdomainOf } from './subdomain';

describe('subdomainOf', () => {
  it.each([
    ['https://acme.zendesk.com', 'acme'],
    ['https://acme.atlassian.net', 'acme'],
    ['  https://acme.zendesk.com/agent/tickets?x=1 ', 'acme'],
    ['acme.atlassian.net', 'acme'],
    ['acme.zendesk.com/', 'acme'],
    ['http://www.acme.freshdesk.com', 'acme'],
    ['HTTPS://Acme.Zendesk.com', 'acme'],
    ['acme', 'acme'],
    [' Acme-Support ', 'Acme-Support'],
  ])('%j is %j', (pasted, subdomain) => {
    expect(subdomainOf(pasted)).toBe(subdomain);
  });

  it('leaves what is no address for the field to judge', () => {
    expect(subdomainOf('https://')).toBe('https://');
    expect(subdomainOf('acme corp')).toBe('acme corp');
  });
});

describe('the catalog subdomain field', () => {
  const schema = credentialsSchema([resolveFieldSpec({ name: 'subdomain', required: true })]);

  it('sends acme for a pasted Zendesk or Atlassian address', () => {
    expect(schema.parse({ subdomain: 'https://acme.zendesk.com' })).toEqual({ subdomain: 'acme' });
    expect(schema.parse({ subdomain: 'https://acme.atlassian.net/jira' })).toEqual({ subdomain: 'acme' });
  });

  it('still refuses what is not a subdomain, with its own message', () => {
    const result = schema.safeParse({ subdomain: 'acme corp' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Use only letters, digits and hyphens');
  });
});
