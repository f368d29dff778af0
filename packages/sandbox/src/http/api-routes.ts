import {
  authConfigListSchema,
  authConfigSchema,
  connectedAccountListSchema,
  connectedAccountSchema,
  createConnectedAccountRequestSchema,
  createConnectedAccountResponseSchema,
  issueStrings,
  linkSessionRequestSchema,
  linkSessionResponseSchema,
  normalizeCreateConnectedAccountRequest,
  toolkitSchema,
} from '@plugboard/core/internal';
import { Hono } from 'hono';
import { errors } from '../envelope';
import { randomId } from '../ids';
import { deleteAccount, findAccounts, readAccount, setAccountEnabled } from '../model/accounts';
import { authConfigToWire, findAuthConfigs, toolkitToWire } from '../model/auth-configs';
import { type ApiVersion, requireConfig } from '../model/context';
import { createConnectedAccount } from '../model/create-account';
import { createLinkSession } from '../model/links';
import { type HttpDeps, json, on, param, type SandboxEnv, scripted } from './context';
import { page, queryList, readJson } from './respond';

/** `{ success: true }`, the answer of DELETE and PATCH …/status. */
const successSchema = {
  safeParse: (value: unknown) =>
    typeof value === 'object' && value !== null && (value as { success?: unknown }).success === true
      ? { success: true }
      : {
          success: false,
          error: { issues: [{ path: ['success'], message: 'must be true', code: 'custom' }] },
        },
} as Parameters<typeof json>[3];

/**
 * The Composio API routes, mounted under `/api/v3` and `/api/v3.1` alike; v3.1 accounts also
 * carry `word_id` and `alias`, and its DELETE takes `revoke_on_delete`.
 */
export function apiRoutes(deps: HttpDeps, version: ApiVersion): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>({ strict: false });
  const model = deps.model;

  on(api, '/connected_accounts/link', {
    POST: scripted(deps, 'createLinkSession', 'api', async (c) => {
      const raw = await readJson(c.req.raw);
      const parsed = linkSessionRequestSchema.safeParse(raw);
      if (!parsed.success) throw errors.badRequest(issueStrings(parsed.error.issues));
      const { connection_data, ...input } = parsed.data;
      // connection_data keeps the keys a toolkit adds (Zendesk's `email`): the schema names only the documented ones.
      const data =
        connection_data === undefined
          ? {}
          : { ...(raw as { connection_data: Record<string, unknown> }).connection_data, ...connection_data };
      const body = createLinkSession(model, { ...input, connection_data: data });
      return json(deps, 201, body, linkSessionResponseSchema);
    }),
  });

  on(api, '/connected_accounts', {
    POST: scripted(deps, 'createConnectedAccount', 'api', async (c) => {
      const parsed = createConnectedAccountRequestSchema.safeParse(await readJson(c.req.raw));
      if (!parsed.success) throw errors.badRequest(issueStrings(parsed.error.issues));
      const config = requireConfig(model, parsed.data.auth_config.id);
      const input = normalizeCreateConnectedAccountRequest(parsed.data, { authScheme: config.authScheme });
      return json(deps, 201, createConnectedAccount(model, input), createConnectedAccountResponseSchema);
    }),
    GET: scripted(deps, 'listConnectedAccounts', 'api', (c) => {
      const url = new URL(c.req.url);
      const items = findAccounts(
        model,
        {
          toolkitSlugs: queryList(url, 'toolkit_slugs'),
          statuses: queryList(url, 'statuses'),
          userIds: queryList(url, 'user_ids'),
          authConfigIds: queryList(url, 'auth_config_ids'),
          accountIds: queryList(url, 'connected_account_ids'),
          orderBy: url.searchParams.get('order_by') ?? undefined,
          orderDirection: url.searchParams.get('order_direction') ?? undefined,
        },
        version,
      );
      return json(deps, 200, page(url, items, 1000, 20), connectedAccountListSchema);
    }),
  });

  on(api, '/connected_accounts/:id', {
    GET: scripted(deps, 'getConnectedAccount', 'api', (c) =>
      json(deps, 200, readAccount(model, param(c, 'id'), version), connectedAccountSchema),
    ),
    DELETE: scripted(deps, 'deleteConnectedAccount', 'api', (c) => {
      deleteAccount(model, param(c, 'id'));
      // v3.1: revoking upstream credentials is a background job; the sandbox has none to revoke.
      const revoke = version === 'v3.1' && new URL(c.req.url).searchParams.get('revoke_on_delete') === 'true';
      return json(
        deps,
        200,
        { success: true, ...(revoke && { revoke_job_id: randomId('rj') }) },
        successSchema,
      );
    }),
  });

  on(api, '/connected_accounts/:id/status', {
    PATCH: scripted(deps, 'setConnectedAccountEnabled', 'api', async (c) => {
      const id = param(c, 'id');
      const body = await readJson(c.req.raw);
      const enabled = (body as { enabled?: unknown } | null)?.enabled;
      if (typeof enabled !== 'boolean') throw errors.badRequest(['enabled: must be a boolean']);
      setAccountEnabled(model, id, enabled);
      return json(deps, 200, { success: true }, successSchema);
    }),
  });

  on(api, '/auth_configs', {
    GET: scripted(deps, 'listAuthConfigs', 'api', (c) => {
      const url = new URL(c.req.url);
      const items = findAuthConfigs(model, {
        toolkitSlugs: queryList(url, 'toolkit_slug'),
        isComposioManaged: url.searchParams.get('is_composio_managed') ?? undefined,
        showDisabled: url.searchParams.get('show_disabled') === 'true',
        search: url.searchParams.get('search') ?? undefined,
      });
      return json(deps, 200, page(url, items, 1000, 100), authConfigListSchema);
    }),
  });

  on(api, '/auth_configs/:id', {
    GET: scripted(deps, 'getAuthConfig', 'api', (c) =>
      json(deps, 200, authConfigToWire(model, requireConfig(model, param(c, 'id'))), authConfigSchema),
    ),
  });

  on(api, '/toolkits/:slug', {
    GET: scripted(deps, 'getToolkit', 'api', (c) =>
      json(deps, 200, toolkitToWire(model, param(c, 'slug')), toolkitSchema),
    ),
  });

  return api;
}
