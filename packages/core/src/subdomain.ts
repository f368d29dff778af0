/**
 * The forgiving rule of a subdomain-style field (`subdomain`: Zendesk, Jira, Freshdesk…): users
 * paste their whole address, so `https://acme.zendesk.com/agent`, `acme.atlassian.net` and `acme`
 * all mean `acme`. The catalog's `subdomain` validator runs it before its own check (see
 * field-catalog.ts), and `credentialsSchema` sends what it returns.
 */
import * as z from 'zod/mini';

/**
 * The account's subdomain in what a user typed or pasted: the first label of the host of a URL or
 * host name (a leading `www.` skipped); anything else, trimmed, as it is (the field's check judges it).
 *
 * @example subdomainOf('https://acme.zendesk.com/agent/tickets') // 'acme'
 */
export function subdomainOf(input: string): string {
  const text = input.trim();
  // A bare name has nothing to cut; "acme" keeps its case.
  if (!/[./:]/.test(text)) return text;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return text;
  }
  const labels = host.split('.').filter((label) => label !== '');
  if (labels[0] === 'www' && labels.length > 2) labels.shift();
  return labels[0] ?? text;
}

/** `rule` applied to the subdomain of a pasted address, for a catalog validator. */
export const subdomainField = <T extends z.ZodMiniType>(rule: T) =>
  z.pipe(
    z.transform((value: unknown) => (typeof value === 'string' ? subdomainOf(value) : value)),
    rule,
  );
