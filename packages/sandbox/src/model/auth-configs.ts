import type { AuthConfig, Toolkit } from '@plugboard/core';
import { errors } from '../envelope';
import type { SandboxAuthConfig } from '../fixtures/auth-configs';
import { badgeLogo } from '../fixtures/logos';
import { type ModelContext, wireField } from './context';

/** A toolkit's logo: the fixture's, else a badge with its initials (a data: URI, no network needed). */
export function logoOf(config: SandboxAuthConfig): string {
  return config.toolkit.logo ?? badgeLogo(config.toolkit);
}

export function authConfigToWire(ctx: ModelContext, config: SandboxAuthConfig): AuthConfig {
  let connections = 0;
  for (const account of ctx.state.accounts.values()) {
    if (
      account.authConfigId === config.id &&
      account.status === 'ACTIVE' &&
      account.deletedAt === undefined
    ) {
      connections += 1;
    }
  }
  return {
    id: config.id,
    uuid: config.uuid,
    type: config.type,
    name: config.name,
    toolkit: { slug: config.toolkit.slug, logo: logoOf(config) },
    auth_scheme: config.authScheme,
    is_composio_managed: config.isComposioManaged,
    status: config.status,
    no_of_connections: connections,
    created_at: config.createdAt,
    last_updated_at: config.createdAt,
    expected_input_fields: config.fields.map(wireField),
    tool_access_config: {},
  };
}

export interface AuthConfigQuery {
  toolkitSlugs?: string[] | undefined;
  /** `'true'` / `'false'` as the query carries it. */
  isComposioManaged?: string | undefined;
  showDisabled?: boolean | undefined;
  search?: string | undefined;
}

export function findAuthConfigs(ctx: ModelContext, query: AuthConfigQuery): AuthConfig[] {
  const search = query.search?.toLowerCase();
  return ctx.authConfigs
    .filter(
      (config) =>
        (query.toolkitSlugs === undefined || query.toolkitSlugs.includes(config.toolkit.slug)) &&
        (query.isComposioManaged === undefined ||
          String(config.isComposioManaged) === query.isComposioManaged) &&
        (query.showDisabled === true || config.status === 'ENABLED') &&
        (search === undefined ||
          config.name.toLowerCase().includes(search) ||
          config.toolkit.slug.includes(search)),
    )
    .map((config) => authConfigToWire(ctx, config));
}

/** `GET /toolkits/{slug}` as Composio answers it; core's `Toolkit` reads a part of it. */
export type WireToolkit = Toolkit & {
  enabled: boolean;
  is_local_toolkit: boolean;
  composio_managed_auth_schemes: string[];
  deprecated: { toolkitId: string; rawProxyInfoByAuthSchemes: Record<string, unknown>[] };
};

const TOOLKIT_VERSION = '20260101_00';

/** A toolkit's metadata: one `auth_config_details` entry per scheme its configs use. */
export function toolkitToWire(ctx: ModelContext, slug: string): WireToolkit {
  const configs = ctx.authConfigs.filter((config) => config.toolkit.slug === slug);
  const first = configs[0];
  if (first === undefined) throw errors.notFound('Toolkit_NotFound', 1804, `Toolkit ${slug} not found`);
  const modes = new Map<string, SandboxAuthConfig>();
  for (const config of configs) if (!modes.has(config.authScheme)) modes.set(config.authScheme, config);
  return {
    slug,
    name: first.toolkit.name,
    enabled: true,
    is_local_toolkit: false,
    composio_managed_auth_schemes: [
      ...new Set(configs.filter((config) => config.isComposioManaged).map((config) => config.authScheme)),
    ],
    meta: {
      created_at: first.createdAt,
      updated_at: first.createdAt,
      description: first.toolkit.description ?? '',
      logo: logoOf(first),
      categories: [],
      triggers_count: 0,
      tools_count: 0,
      version: TOOLKIT_VERSION,
      available_versions: [TOOLKIT_VERSION],
    } as Toolkit['meta'],
    deprecated: { toolkitId: first.uuid, rawProxyInfoByAuthSchemes: [] },
    auth_config_details: [...modes.values()].map((config) => ({
      mode: config.authScheme,
      name: `${config.toolkit.name} ${config.authScheme}`,
      fields: {
        auth_config_creation: { required: [], optional: [] },
        connected_account_initiation: {
          required: config.fields.filter((field) => field.required).map(wireField),
          optional: config.fields.filter((field) => !field.required).map(wireField),
        },
      },
    })),
  };
}
