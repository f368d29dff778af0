import type { LinkSession } from '@plugboard/core';
import type { LinkOutcome } from '../control';
import { checkFields, refusedCredentials } from '../credential-rules';
import { errors } from '../envelope';
import { OAUTH_SCHEMES, type SandboxAuthConfig } from '../fixtures/auth-configs';
import { randomId } from '../ids';
import type { AccountRecord, LinkRecord } from '../state';
import { applyEvent, authorizedVal, maskSecrets, newAccount, settle } from './accounts';
import {
  isHttpUrl,
  iso,
  linkUrl,
  type ModelContext,
  requireAccount,
  requireConfig,
  requireImplemented,
  requireLink,
} from './context';

export { linkUrl };

export function newLink(
  ctx: ModelContext,
  account: AccountRecord,
  callbackUrl: string | undefined,
  prefill: Record<string, string>,
): LinkRecord {
  const link: LinkRecord = {
    token: randomId('lt', 24),
    accountId: account.id,
    authConfigId: account.authConfigId,
    callbackUrl,
    expiresAt: ctx.script.expireNewLinks ? ctx.now() : ctx.now() + ctx.linkTtlMs,
    prefill,
  };
  account.linkToken = link.token;
  // An OAuth account waiting for consent says where to send the user, as Composio's do.
  if (OAUTH_SCHEMES.has(account.authScheme))
    account.val = { ...account.val, redirectUrl: linkUrl(ctx, link.token) };
  return link;
}

/** What `POST /connected_accounts/link` asks for, after core's request schema. */
export interface LinkSessionInput {
  auth_config_id: string;
  user_id: string;
  callback_url?: string | undefined;
  /** Every key the caller sent, including those a toolkit adds (Zendesk's `email`). */
  connection_data: Record<string, unknown>;
}

export function createLinkSession(ctx: ModelContext, input: LinkSessionInput): LinkSession {
  if (input.callback_url !== undefined && !isHttpUrl(input.callback_url)) {
    throw errors.badRequest(['callback_url: must be an absolute http or https URL']);
  }
  const config = requireConfig(ctx, input.auth_config_id);
  requireImplemented(config);
  const data = input.connection_data;
  const problems = checkFields(config, data, { partial: true });
  if (problems.malformed.length > 0) {
    throw errors.unprocessable(
      'ConnectedAccount_InvalidFields',
      problems.malformed,
      'Fix or leave out the connection_data fields named in errors[].',
    );
  }
  // Only non-secret values prefill the hosted form; a secret is never written into a page.
  const prefill: Record<string, string> = {};
  for (const field of config.fields) {
    const value = data[field.name];
    if (!field.is_secret && typeof value === 'string') prefill[field.name] = value;
  }
  const account = newAccount(ctx, config, input.user_id, 'INITIATED', {});
  const link = newLink(ctx, account, input.callback_url, prefill);
  ctx.state.addAccount(account, link);
  return {
    link_token: link.token,
    redirect_url: linkUrl(ctx, link.token),
    expires_at: iso(link.expiresAt),
    connected_account_id: account.id,
  };
}

export function callbackLocation(link: LinkRecord, status: 'success' | 'failed'): string | undefined {
  if (link.callbackUrl === undefined) return undefined;
  const url = new URL(link.callbackUrl);
  // Composio keeps the callback's own query and appends these two.
  url.searchParams.append('status', status);
  url.searchParams.append('connected_account_id', link.accountId);
  return url.toString();
}

export function linkConfig(ctx: ModelContext, link: LinkRecord): SandboxAuthConfig {
  return requireConfig(ctx, link.authConfigId);
}

/** Why a link can no longer be answered, if it cannot; expiry moves its account to EXPIRED. */
export function openLinkProblem(ctx: ModelContext, link: LinkRecord): 'expired' | 'completed' | undefined {
  if (link.completed !== undefined) return 'completed';
  const account = ctx.state.accounts.get(link.accountId);
  if (account !== undefined) settle(ctx, account);
  if (ctx.now() >= link.expiresAt) return 'expired';
  return undefined;
}

/** A finished link, or the `"<field>: <message>"` problems that kept it open. */
export type Finish =
  | { location: string | undefined; link: LinkRecord }
  | { errors: string[]; link: LinkRecord };

/** Answers an open link: consent, denial or credentials (checked as the hosted form checks them). */
export function finishLink(ctx: ModelContext, link: LinkRecord, outcome: LinkOutcome): Finish {
  const config = linkConfig(ctx, link);
  const account = requireAccount(ctx, link.accountId);
  const oauth = OAUTH_SCHEMES.has(config.authScheme);
  const denied = ctx.script.denyConsent || 'deny' in outcome;
  if (!denied) {
    if ('allow' in outcome && !oauth) {
      throw errors.badRequest([`outcome: ${config.toolkit.name} needs credentials, not a consent`]);
    }
    if ('credentials' in outcome) {
      if (oauth) {
        throw errors.badRequest([`outcome: ${config.toolkit.name} uses a consent screen, not credentials`]);
      }
      // Judged as stored: connection_data's prefill under what the user gave.
      const values = { ...link.prefill, ...outcome.credentials };
      const problems = checkFields(config, values);
      const listed = [...problems.missing, ...problems.malformed];
      const refused = listed.length === 0 ? refusedCredentials(config, values) : [];
      if (listed.length + refused.length > 0) return { errors: [...listed, ...refused], link };
    }
  }
  const at = ctx.now();
  link.completed = { at, outcome: denied ? 'failed' : 'success' };
  if (denied) {
    applyEvent(ctx, account, 'denied', {
      reason: oauth
        ? `The user denied access on the ${config.toolkit.name} consent screen`
        : 'The user cancelled the connection',
      at,
    });
  } else {
    account.val =
      'credentials' in outcome
        ? maskSecrets(ctx, config, { ...link.prefill, ...outcome.credentials })
        : maskSecrets(ctx, config, authorizedVal());
    applyEvent(ctx, account, 'authorized', { at });
  }
  ctx.state.changed();
  return { location: callbackLocation(link, denied ? 'failed' : 'success'), link };
}

/** `sandbox.completeLink`: what the hosted page does, with errors thrown as envelopes. */
export function completeLink(ctx: ModelContext, token: string, outcome: LinkOutcome): { location: string } {
  const link = requireLink(ctx, token);
  const problem = openLinkProblem(ctx, link);
  if (problem === 'expired') throw errors.linkExpired();
  if (problem === 'completed') throw errors.linkCompleted();
  const result = finishLink(ctx, link, outcome);
  if ('errors' in result) {
    throw errors.unprocessable(
      'ConnectedAccount_InvalidFields',
      result.errors,
      'Correct the fields named in errors[].',
    );
  }
  return { location: result.location ?? linkUrl(ctx, token) };
}
