import type { AuthConfig, AuthScheme, ConnectedAccount, ConnectionStatus, Open } from '@plugboard/core';

/** Schemes the user finishes on the provider's consent page (a popup or a redirect). */
const OAUTH_SCHEMES: ReadonlySet<AuthScheme> = new Set(['OAUTH1', 'OAUTH2', 'DCR_OAUTH', 'S2S_OAUTH2']);
/** Schemes the user answers with credentials typed into our form. */
const CREDENTIAL_SCHEMES: ReadonlySet<AuthScheme> = new Set([
  'API_KEY',
  'BASIC',
  'BEARER_TOKEN',
  'BASIC_WITH_JWT',
  'BILLCOM_AUTH',
  'GOOGLE_SERVICE_ACCOUNT',
  'SERVICE_ACCOUNT',
]);

export type ConnectKind = 'oauth' | 'credentials' | 'unsupported';

export function connectKindOf(scheme: Open<AuthScheme> | undefined): ConnectKind {
  if (scheme === undefined) return 'unsupported';
  if (OAUTH_SCHEMES.has(scheme as AuthScheme)) return 'oauth';
  if (CREDENTIAL_SCHEMES.has(scheme as AuthScheme)) return 'credentials';
  return 'unsupported';
}

const SCHEME_LABELS: Partial<Record<AuthScheme, string>> = {
  OAUTH2: 'OAuth 2.0',
  OAUTH1: 'OAuth 1.0a',
  API_KEY: 'API key',
  BASIC: 'Username and password',
  BEARER_TOKEN: 'Bearer token',
  SAML: 'SAML',
};

export function schemeLabel(scheme: Open<AuthScheme> | undefined): string {
  if (scheme === undefined) return 'Unknown scheme';
  return SCHEME_LABELS[scheme as AuthScheme] ?? scheme.replaceAll('_', ' ').toLowerCase();
}

/**
 * What a credential card's form asks for, where its scheme's name would mislead (Jira is BASIC,
 * but asks for an email and an API token, not a password): the sandbox toolkits' own fields.
 */
const ASKS_FOR: Readonly<Record<string, string>> = {
  jira: 'Site name, email and API token',
  zendesk: 'Subdomain, email and API token',
};

/** The line under a card's name: what connecting asks for, else the scheme's name. */
export function connectSummaryOf(config: Pick<DemoAuthConfig, 'auth_scheme' | 'toolkit'>): string {
  return ASKS_FOR[config.toolkit.slug] ?? schemeLabel(config.auth_scheme);
}

/** "Notion (custom OAuth app)" → "Notion": the name a button or a heading uses. */
export function shortNameOf(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

export type CardStatus = 'not_connected' | 'pending' | 'connected' | 'failed' | 'expired' | 'inactive';

const CARD_STATUS: Record<ConnectionStatus, CardStatus> = {
  INITIALIZING: 'pending',
  INITIATED: 'pending',
  ACTIVE: 'connected',
  FAILED: 'failed',
  EXPIRED: 'expired',
  INACTIVE: 'inactive',
  REVOKED: 'inactive',
};

export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  not_connected: 'Not connected',
  pending: 'Pending',
  connected: 'Connected',
  failed: 'Failed',
  expired: 'Expired',
  inactive: 'Disabled',
};

/**
 * What a card says about an auth config: connected if any account is ACTIVE, else the state of
 * the newest attempt. `accounts` come newest first, as the list route orders them.
 */
/**
 * A card's status from the accounts of its auth config, attempts still open (INITIATED /
 * INITIALIZING) left out: whether one is pending is the card's button's to say, since only the flow
 * knows whether anyone still works on it.
 */
export function settledCardStatusOf(accounts: readonly Pick<ConnectedAccount, 'status'>[]): CardStatus {
  return cardStatusOf(
    accounts.filter((account) => account.status !== 'INITIATED' && account.status !== 'INITIALIZING'),
  );
}

export function cardStatusOf(accounts: readonly Pick<ConnectedAccount, 'status'>[]): CardStatus {
  if (accounts.some((account) => account.status === 'ACTIVE')) return 'connected';
  const newest = accounts[0];
  // A status Composio adds later is not a connection: shown like a failed attempt.
  return newest === undefined
    ? 'not_connected'
    : (CARD_STATUS[newest.status as ConnectionStatus] ?? 'failed');
}

export type DemoAuthConfig = Pick<AuthConfig, 'id' | 'name' | 'auth_scheme' | 'status'> & {
  toolkit: { slug: string; logo?: string | undefined };
};
