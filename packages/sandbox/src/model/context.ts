import type { ToolkitField } from '@plugboard/core';
import type { Script } from '../control';
import { errors } from '../envelope';
import { IMPLEMENTED_SCHEMES, type SandboxAuthConfig, type SandboxField } from '../fixtures/auth-configs';
import type { AccountRecord, LinkRecord, SandboxState } from '../state';

/** What every part of the model reads: the state, the scripts, the fixtures and the clock. */
export interface ModelContext {
  readonly state: SandboxState;
  readonly script: Script;
  readonly authConfigs: readonly SandboxAuthConfig[];
  readonly configById: ReadonlyMap<string, SandboxAuthConfig>;
  readonly now: () => number;
  readonly linkTtlMs: number;
  /** The origin the hosted link page lives on (`redirect_url`). */
  readonly publicUrl: string;
  /** False: `state.val` keeps credential values, as a Composio project without masking returns them. */
  readonly maskCredentials: boolean;
}

/** Which path prefix a request came by: `/api/v3` or `/api/v3.1` (a superset). */
export type ApiVersion = 'v3' | 'v3.1';

export const iso = (ms: number): string => new Date(ms).toISOString();

export function requireConfig(ctx: ModelContext, id: string): SandboxAuthConfig {
  const config = ctx.configById.get(id);
  if (config === undefined) {
    throw errors.notFound(
      'AuthConfig_NotFound',
      1802,
      `Auth config ${id} not found`,
      `Use one of the sandbox's auth configs: ${ctx.authConfigs.map((entry) => entry.id).join(', ')}.`,
    );
  }
  return config;
}

/** A config the sandbox can connect through: an emulated scheme, enabled. */
export function requireImplemented(config: SandboxAuthConfig): void {
  if (!IMPLEMENTED_SCHEMES.has(config.authScheme)) throw errors.notImplemented(config.authScheme);
  if (config.status === 'DISABLED') throw errors.authConfigDisabled(config.id);
}

/** A live account: an unknown or soft-deleted id is the same 404. */
export function requireAccount(ctx: ModelContext, id: string): AccountRecord {
  const account = ctx.state.accounts.get(id);
  if (account === undefined || account.deletedAt !== undefined) {
    throw errors.notFound('ConnectedAccount_NotFound', 1803, `No connected account found with id ${id}`);
  }
  return account;
}

export function requireLink(ctx: ModelContext, token: string): LinkRecord {
  const link = ctx.state.links.get(token);
  if (link === undefined) {
    throw errors.notFound('LinkSession_NotFound', 1805, 'This link session does not exist (or was evicted)');
  }
  return link;
}

/** A field as the wire carries it: the sandbox's format rule stays private. */
export function wireField({ rule: _rule, ...field }: SandboxField): ToolkitField {
  return field;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The hosted link page of a link session. */
export const linkUrl = (ctx: ModelContext, token: string): string =>
  `${ctx.publicUrl}/link/${encodeURIComponent(token)}`;
