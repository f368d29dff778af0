import {
  CONNECTION_STATUSES,
  type ConnectedAccount,
  type ConnectionStatus,
  isSecretField,
} from '@plugboard/core';
import { errors } from '../envelope';
import { OAUTH_SCHEMES, type SandboxAuthConfig } from '../fixtures/auth-configs';
import { randomId, randomUuid, randomWordId } from '../ids';
import { type AccountRecord, MASK } from '../state';
import { type ApiVersion, iso, linkUrl, type ModelContext, requireAccount } from './context';
import { type LifecycleEvent, nextStatus } from './lifecycle';

/**
 * The credential values of `val` as the sandbox keeps them: secrets (the config's secret fields and
 * any name core's catalog calls a secret) replaced by `MASK`, unless `maskCredentials` is off.
 */
export function maskSecrets(
  ctx: ModelContext,
  config: SandboxAuthConfig,
  val: Record<string, unknown>,
): Record<string, unknown> {
  const { status: _status, ...rest } = val;
  if (!ctx.maskCredentials) return rest;
  const secretNames = new Set(config.fields.filter((field) => field.is_secret).map((field) => field.name));
  const visit = (value: unknown, path: string): unknown => {
    if (path !== '' && (secretNames.has(path) || isSecretField(path))) {
      return value === undefined || value === null || value === '' ? value : MASK;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [
          key,
          visit(child, path === '' ? key : `${path}.${key}`),
        ]),
      );
    }
    return value;
  };
  return visit(rest, '') as Record<string, unknown>;
}

/**
 * Schemes whose `state.val` never says FAILED or EXPIRED in Composio's spec: such an account's
 * credentials simply never arrived (or no longer count), so its `val` stays `INITIATED`.
 */
const VAL_WITHOUT_FAILURE: ReadonlySet<string> = new Set([
  'API_KEY',
  'BASIC',
  'BEARER_TOKEN',
  'GOOGLE_SERVICE_ACCOUNT',
  'SERVICE_ACCOUNT',
]);

/** `state.val.status` for an account: its status, as far as its scheme's `val` can say it. */
export function valStatus(scheme: string, status: ConnectionStatus): string {
  const failed = status === 'FAILED' || status === 'EXPIRED' || status === 'REVOKED';
  if (failed && VAL_WITHOUT_FAILURE.has(scheme)) return 'INITIATED';
  return status === 'REVOKED' ? 'EXPIRED' : status;
}

/** What a provider's consent leaves in `val`: fresh fake tokens (masked unless `maskCredentials` is off). */
export function authorizedVal(): Record<string, unknown> {
  return {
    access_token: randomId('sbx_at', 24),
    refresh_token: randomId('sbx_rt', 24),
    token_type: 'Bearer',
    expires_in: 3600,
    scope: 'sandbox',
  };
}

export function newAccount(
  ctx: ModelContext,
  config: SandboxAuthConfig,
  userId: string,
  status: ConnectionStatus,
  val: Record<string, unknown>,
): AccountRecord {
  const at = ctx.now();
  const account: AccountRecord = {
    id: randomId('ca'),
    uuid: randomUuid(),
    authConfigId: config.id,
    authScheme: config.authScheme,
    userId,
    status,
    statusReason: null,
    createdAt: at,
    updatedAt: at,
    val: maskSecrets(ctx, config, val),
    wordId: randomWordId(config.toolkit.slug),
  };
  if (ctx.script.nextStatusSequence !== null) {
    account.statusSequence = ctx.script.nextStatusSequence;
    ctx.script.nextStatusSequence = null;
  }
  return account;
}

/**
 * Moves an account along the lifecycle table; an event the table has no edge for changes
 * nothing. Returns whether the status changed.
 */
export function applyEvent(
  ctx: ModelContext,
  account: AccountRecord,
  event: LifecycleEvent,
  change: { reason?: string | null; at?: number } = {},
): boolean {
  const next = nextStatus(account.status, event);
  if (next === undefined) return false;
  account.status = next;
  account.statusReason = change.reason ?? null;
  account.updatedAt = Math.max(account.updatedAt, change.at ?? ctx.now());
  ctx.state.changed();
  return true;
}

/** An account whose link ran out unanswered goes EXPIRED, as Composio's do. */
export function settle(ctx: ModelContext, account: AccountRecord): void {
  if (account.linkToken === undefined) return;
  const link = ctx.state.links.get(account.linkToken);
  if (link === undefined || link.completed !== undefined || ctx.now() < link.expiresAt) return;
  applyEvent(ctx, account, 'linkExpired', {
    reason: `Connection initiation did not complete within ${Math.round(ctx.linkTtlMs / 60_000)} minutes`,
    at: link.expiresAt,
  });
}

/** A connected account as the API answers it; v3.1 adds `word_id` and `alias`. */
export function accountToWire(
  ctx: ModelContext,
  account: AccountRecord,
  version: ApiVersion = 'v3',
): ConnectedAccount {
  const config = ctx.configById.get(account.authConfigId);
  const wire: ConnectedAccount = {
    toolkit: { slug: config?.toolkit.slug ?? 'unknown' },
    auth_config: {
      id: account.authConfigId,
      auth_scheme: account.authScheme,
      is_composio_managed: config?.isComposioManaged ?? false,
      is_disabled: config?.status === 'DISABLED',
      ...(config && { deprecated: { uuid: config.uuid } }),
    },
    id: account.id,
    user_id: account.userId,
    status: account.status,
    created_at: iso(account.createdAt),
    updated_at: iso(account.updatedAt),
    state: {
      authScheme: account.authScheme,
      val: {
        ...account.val,
        // A scripted INITIATED after consent still says where the user goes, as the spec asks.
        ...(account.status === 'INITIATED' &&
          OAUTH_SCHEMES.has(account.authScheme) &&
          account.linkToken !== undefined &&
          account.val.redirectUrl === undefined && { redirectUrl: linkUrl(ctx, account.linkToken) }),
        status: valStatus(account.authScheme, account.status),
      } as NonNullable<ConnectedAccount['state']>['val'],
    },
    data: {},
    params: {},
    status_reason: account.statusReason,
    is_disabled: account.disabled === true,
  };
  if (version === 'v3') return wire;
  return { ...wire, word_id: account.wordId ?? null, alias: account.alias ?? null } as ConnectedAccount;
}

/** One account as `GET …/{id}` reads it: expiry settled, the next scripted status played. */
export function readAccount(ctx: ModelContext, id: string, version: ApiVersion = 'v3'): ConnectedAccount {
  const account = requireAccount(ctx, id);
  settle(ctx, account);
  const next = account.statusSequence?.shift();
  if (next !== undefined) {
    if (account.statusSequence?.length === 0) account.statusSequence = undefined;
    account.status = next;
    account.statusReason =
      next === 'FAILED' || next === 'EXPIRED' || next === 'REVOKED' || next === 'INACTIVE'
        ? `Status ${next} scripted by the sandbox control`
        : null;
    // A scripted consent stands in for the provider's: an OAuth account gets its tokens.
    const hasToken = typeof account.val.access_token === 'string';
    if ((next === 'ACTIVE' || next === 'INACTIVE') && OAUTH_SCHEMES.has(account.authScheme) && !hasToken) {
      const config = ctx.configById.get(account.authConfigId);
      if (config !== undefined) account.val = maskSecrets(ctx, config, authorizedVal());
    }
    account.updatedAt = ctx.now();
    ctx.state.changed();
  }
  return accountToWire(ctx, account, version);
}

/** `DELETE …/{id}`: a soft delete. The account stays in state but no longer lists or reads. */
export function deleteAccount(ctx: ModelContext, id: string): void {
  const account = requireAccount(ctx, id);
  account.deletedAt = ctx.now();
  account.updatedAt = account.deletedAt;
  ctx.state.changed();
}

/** `PATCH …/{id}/status`: `is_disabled`, and ACTIVE ⇄ INACTIVE through the lifecycle table. */
export function setAccountEnabled(ctx: ModelContext, id: string, enabled: boolean): void {
  const account = requireAccount(ctx, id);
  settle(ctx, account);
  account.disabled = !enabled;
  account.updatedAt = ctx.now();
  applyEvent(ctx, account, enabled ? 'enabled' : 'disabled', {
    reason: enabled ? null : 'Disabled through the API',
  });
  ctx.state.changed();
}

/** The query of `GET /connected_accounts`, already split into lists. */
export interface AccountQuery {
  toolkitSlugs?: string[] | undefined;
  statuses?: string[] | undefined;
  userIds?: string[] | undefined;
  authConfigIds?: string[] | undefined;
  accountIds?: string[] | undefined;
  orderBy?: string | undefined;
  orderDirection?: string | undefined;
}

/** The live accounts a list query selects, in its order (ties keep creation order). */
export function findAccounts(
  ctx: ModelContext,
  query: AccountQuery,
  version: ApiVersion = 'v3',
): ConnectedAccount[] {
  const badStatus = query.statuses?.find(
    (status) => !(CONNECTION_STATUSES as readonly string[]).includes(status),
  );
  if (badStatus !== undefined) {
    throw errors.badRequest([`statuses: ${badStatus} is not one of ${CONNECTION_STATUSES.join(', ')}`]);
  }
  const orderBy = query.orderBy ?? 'created_at';
  const direction = query.orderDirection ?? 'desc';
  if (orderBy !== 'created_at' && orderBy !== 'updated_at') {
    throw errors.badRequest(['order_by: must be created_at or updated_at']);
  }
  if (direction !== 'asc' && direction !== 'desc') {
    throw errors.badRequest(['order_direction: must be asc or desc']);
  }
  const live = [...ctx.state.accounts.values()].filter((account) => account.deletedAt === undefined);
  for (const account of live) settle(ctx, account);
  const has = (list: string[] | undefined, value: string | undefined) =>
    list === undefined || (value !== undefined && list.includes(value));
  const selected = live
    .map((account, index) => ({ account, index }))
    .filter(
      ({ account }) =>
        has(query.toolkitSlugs, ctx.configById.get(account.authConfigId)?.toolkit.slug) &&
        has(query.statuses, account.status) &&
        has(query.userIds, account.userId) &&
        has(query.authConfigIds, account.authConfigId) &&
        has(query.accountIds, account.id),
    );
  const key = orderBy === 'created_at' ? 'createdAt' : 'updatedAt';
  const sign = direction === 'asc' ? 1 : -1;
  selected.sort((a, b) => sign * (a.account[key] - b.account[key] || a.index - b.index));
  return selected.map(({ account }) => accountToWire(ctx, account, version));
}
