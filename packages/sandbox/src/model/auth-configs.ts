import type { AuthConfig, Toolkit } from '@plugboard/core';
import { errors } from '../envelope';
import type { SandboxAuthConfig } from '../fixtures/auth-configs';
import { type ModelContext, wireField } from './context';

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
    toolkit: { slug: config.toolkit.slug, ...(config.toolkit.logo && { logo: config.toolkit.logo }) },
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

/** A toolkit's field metadata: one `auth_config_details` entry per scheme its configs use. */
export function toolkitToWire(ctx: ModelContext, slug: string): Toolkit {
  const configs = ctx.authConfigs.filter((config) => config.toolkit.slug === slug);
  const first = configs[0];
  if (first === undefined) throw errors.notFound('Toolkit_NotFound', 1804, `Toolkit ${slug} not found`);
  const modes = new Map<string, SandboxAuthConfig>();
  for (const config of configs) if (!modes.has(config.authScheme)) modes.set(config.authScheme, config);
  return {
    slug,
    name: first.toolkit.name,
    meta: {
      ...(first.toolkit.logo && { logo: first.toolkit.logo }),
      ...(first.toolkit.description && { description: first.toolkit.description }),
    },
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
