import {
  type AuthConfig,
  CONNECTION_STATUSES,
  type ConnectBackend,
  type ConnectedAccount,
  type ConnectionStatus,
  type CreatedConnectedAccount,
  createHttpBackend,
  isSecretField,
  type LinkSession,
  type Toolkit,
  type ToolkitField,
} from '@plugboard/core';
import {
  authConfigListSchema,
  authConfigSchema,
  connectedAccountListSchema,
  connectedAccountSchema,
  createConnectedAccountRequestSchema,
  createConnectedAccountResponseSchema,
  errorEnvelopeSchema,
  fieldErrorsFromMessages,
  issueStrings,
  linkSessionRequestSchema,
  linkSessionResponseSchema,
  normalizeCreateConnectedAccountRequest,
  readBodyLimited,
  toolkitSchema,
} from '@plugboard/core/internal';
import {
  type ControlAction,
  type LinkOutcome,
  parseControlAction,
  type SandboxControl,
  type SandboxRoute,
  Script,
} from './control';
import { checkFields, REFUSED_SECRET_WORDS, refusedCredentials } from './credential-rules';
import { type ErrorBody, errors, SandboxHttpError } from './envelope';
import {
  IMPLEMENTED_SCHEMES,
  OAUTH_SCHEMES,
  SANDBOX_AUTH_CONFIGS,
  type SandboxAuthConfig,
  type SandboxField,
} from './fixtures/auth-configs';
import { randomId, randomUuid } from './ids';
import { consentPage, credentialFormPage, type FormState, messagePage } from './link-page';
import { type AccountRecord, type LinkRecord, MASK, SandboxState, type StateSnapshot } from './state';

/** Where a sandbox keeps its state between runs (the Node server supplies a JSON file). */
export interface SandboxPersistence {
  load(): StateSnapshot | undefined;
  save(snapshot: StateSnapshot): void;
}

export interface SandboxOptions {
  /** Keys accepted in `x-api-key` / `x-user-api-key`. Default `['sandbox-key']`. */
  apiKeys?: string[] | undefined;
  /** How long a link session lives. Default 10 minutes, as Composio's. */
  linkTtlMs?: number | undefined;
  /** The origin put in `redirect_url`. Default `http://127.0.0.1:4010`; the server uses its own URL. */
  publicUrl?: string | undefined;
  /** Browser origins allowed to call the API (CORS); same-origin calls are always allowed. */
  corsOrigins?: string[] | undefined;
  /** Serve the scripting route `/_sandbox/control`. Off by default. */
  control?: boolean | undefined;
  /** Accounts kept before the oldest is evicted. Default 1000. */
  maxAccounts?: number | undefined;
  /** A JSON file to persist state in: Node only, honoured by `startSandboxServer` and the CLI. */
  persistPath?: string | undefined;
  /** Where state is loaded from and saved to; the server sets this from `persistPath`. */
  persistence?: SandboxPersistence | undefined;
  /** The clock, for tests. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Replaces the fixture auth configs (`SANDBOX_AUTH_CONFIGS`). */
  authConfigs?: readonly SandboxAuthConfig[] | undefined;
  /** Parse every JSON body the sandbox sends with core's schemas (a mismatch is a 500). Default true. */
  assertResponses?: boolean | undefined;
}

export interface Sandbox {
  /** An in-process `ConnectBackend`: core's HTTP backend whose `fetch` calls `handle`, so the wire is parsed in full. */
  backend: ConnectBackend;
  /** The Fetch-standard handler of every route. */
  handle(request: Request): Promise<Response>;
  control: SandboxControl;
  /**
   * Does what the hosted page does when the user answers: `location` is where the browser goes next
   * (the callback with `status` and `connected_account_id`, or the link page when there is none).
   * Rejects with a `SandboxHttpError` (404 unknown, 410 expired, 409 used, 422 bad credentials).
   */
  completeLink(linkToken: string, outcome: LinkOutcome): Promise<{ location: string }>;
  /** The auth configs this sandbox serves. */
  readonly authConfigs: readonly SandboxAuthConfig[];
  /** The current state, for persistence and debugging. */
  snapshot(): StateSnapshot;
  /** The API key the in-process `backend` sends. */
  readonly apiKey: string;
  readonly publicUrl: string;
}

/** Bodies larger than this are refused with 413 without being read in full. */
export const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_LINK_TTL_MS = 10 * 60 * 1000;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

type Matched =
  | { route: SandboxRoute; param?: string | undefined }
  | { route: 'healthz' | 'control' }
  | { methodNotAllowed: string }
  | undefined;

const API_PREFIX = /^\/api\/v3(?:\.1)?\/(.*)$/;

/** A path segment decoded, or undefined for a malformed escape (`%E0%A4%A`), which no route matches. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchRoute(method: string, pathname: string, controlOn: boolean): Matched {
  if (pathname === '/healthz')
    return method === 'GET' || method === 'HEAD' ? { route: 'healthz' } : { methodNotAllowed: method };
  if (controlOn && pathname === '/_sandbox/control') {
    return method === 'GET' || method === 'POST' ? { route: 'control' } : { methodNotAllowed: method };
  }
  const link = /^\/link\/([^/]+)$/.exec(pathname);
  if (link) {
    const token = decodeSegment(link[1] ?? '');
    if (token === undefined) return undefined;
    if (method === 'GET') return { route: 'linkPage', param: token };
    if (method === 'POST') return { route: 'linkSubmit', param: token };
    return { methodNotAllowed: method };
  }
  const api = API_PREFIX.exec(pathname);
  if (!api) return undefined;
  const rest = (api[1] ?? '').replace(/\/+$/, '');
  // A segment with a malformed escape matches nothing: the request ends as a 404.
  const one = (pattern: RegExp) => {
    const found = pattern.exec(rest);
    return found ? decodeSegment(found[1] ?? '') : undefined;
  };
  if (rest === 'connected_accounts/link') {
    return method === 'POST' ? { route: 'createLinkSession' } : { methodNotAllowed: method };
  }
  if (rest === 'connected_accounts') {
    if (method === 'POST') return { route: 'createConnectedAccount' };
    if (method === 'GET') return { route: 'listConnectedAccounts' };
    return { methodNotAllowed: method };
  }
  const accountId = one(/^connected_accounts\/([^/]+)$/);
  if (accountId !== undefined) {
    return method === 'GET'
      ? { route: 'getConnectedAccount', param: accountId }
      : { methodNotAllowed: method };
  }
  if (rest === 'auth_configs')
    return method === 'GET' ? { route: 'listAuthConfigs' } : { methodNotAllowed: method };
  const authConfigId = one(/^auth_configs\/([^/]+)$/);
  if (authConfigId !== undefined) {
    return method === 'GET' ? { route: 'getAuthConfig', param: authConfigId } : { methodNotAllowed: method };
  }
  const slug = one(/^toolkits\/([^/]+)$/);
  if (slug !== undefined)
    return method === 'GET' ? { route: 'getToolkit', param: slug } : { methodNotAllowed: method };
  return undefined;
}

/** Reads a body up to `MAX_BODY_BYTES`; past it, stops reading and answers 413. */
async function readBodyText(request: Request): Promise<string> {
  const body = await readBodyLimited(request, MAX_BODY_BYTES);
  if (body.kind === 'too_large') throw errors.tooLarge(MAX_BODY_BYTES);
  return new TextDecoder().decode(body.bytes);
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === '') throw errors.badRequest(['body: is required (a JSON object)']);
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest(['body: must be valid JSON']);
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A field as the wire carries it: the sandbox's format rule stays private. */
function wireField({ rule: _rule, ...field }: SandboxField): ToolkitField {
  return field;
}

/** A response whose body errors halfway, as a dropped connection looks to a reader. */
async function dropMidway(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const half = bytes.subarray(0, Math.max(1, Math.floor(bytes.byteLength / 2)));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half);
      controller.error(new Error('The sandbox dropped the connection (scripted by dropNext)'));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * An emulator of the Composio v3 connected-accounts API, in process. Fetch-standard and Web
 * Crypto only, so it runs in Node, in a browser (Storybook) and behind `startSandboxServer`.
 *
 * @example
 * const sandbox = createSandbox();
 * const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
 * await sandbox.completeLink(link.link_token, { allow: true });
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const apiKeys = options.apiKeys ?? ['sandbox-key'];
  const apiKey = apiKeys[0];
  if (apiKey === undefined || apiKeys.some((key) => key === '')) {
    throw new Error('createSandbox: apiKeys must hold at least one non-empty key');
  }
  const linkTtlMs = options.linkTtlMs ?? DEFAULT_LINK_TTL_MS;
  if (!(linkTtlMs > 0)) throw new RangeError(`createSandbox: linkTtlMs must be positive, got ${linkTtlMs}`);
  const publicUrl = new URL(options.publicUrl ?? 'http://127.0.0.1:4010').origin;
  const corsOrigins = new Set((options.corsOrigins ?? []).map((origin) => new URL(origin).origin));
  const now = options.now ?? Date.now;
  const assertResponses = options.assertResponses ?? true;
  const authConfigs = options.authConfigs ?? SANDBOX_AUTH_CONFIGS;
  const configById = new Map(authConfigs.map((config) => [config.id, config]));
  if (options.persistPath !== undefined && options.persistence === undefined) {
    throw new Error(
      'createSandbox: persistPath needs Node; use startSandboxServer from @plugboard/sandbox/server (or pass persistence)',
    );
  }
  const persistence = options.persistence;
  const script = new Script();
  const state = new SandboxState({
    maxAccounts: options.maxAccounts ?? 1000,
    onChange: persistence && (() => persistence.save(state.snapshot())),
  });
  const loaded = persistence?.load();
  if (loaded !== undefined) state.restore(loaded);

  const iso = (ms: number) => new Date(ms).toISOString();
  const ttlMinutes = Math.round(linkTtlMs / 60_000);

  function respondJson(
    status: number,
    body: unknown,
    schema: {
      safeParse(value: unknown): { success: boolean; error?: { issues: Parameters<typeof issueStrings>[0] } };
    },
  ): Response {
    if (assertResponses) {
      const result = schema.safeParse(body);
      if (!result.success) {
        // A sandbox bug: never send a body that core's schemas would refuse.
        throw new Error(
          `sandbox response does not match core's schema: ${issueStrings(result.error?.issues ?? []).join('; ')}`,
        );
      }
    }
    return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
  }

  function errorResponse(body: ErrorBody, requestId: string): Response {
    const envelope = { error: { ...body, request_id: requestId } };
    return respondJson(body.status, envelope, errorEnvelopeSchema);
  }

  function htmlResponse(status: number, html: string, formAction: string[] = []): Response {
    return new Response(html, {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // No COOP header on purpose: the opener (the app's connect flow) must keep its window handle.
        'content-security-policy': [
          "default-src 'none'",
          "style-src 'unsafe-inline'",
          `form-action 'self'${formAction.map((origin) => ` ${origin}`).join('')}`,
          "frame-ancestors 'none'",
          "base-uri 'none'",
        ].join('; '),
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  }

  function requireConfig(id: string): SandboxAuthConfig {
    const config = configById.get(id);
    if (config === undefined) {
      throw errors.notFound(
        'AuthConfig_NotFound',
        1802,
        `Auth config ${id} not found`,
        `Use one of the sandbox's auth configs: ${authConfigs.map((entry) => entry.id).join(', ')}.`,
      );
    }
    return config;
  }

  function requireImplemented(config: SandboxAuthConfig): void {
    if (!IMPLEMENTED_SCHEMES.has(config.authScheme)) throw errors.notImplemented(config.authScheme);
    if (config.status === 'DISABLED') throw errors.authConfigDisabled(config.id);
  }

  function checkApiKey(request: Request): void {
    const key = request.headers.get('x-api-key');
    const userKey = request.headers.get('x-user-api-key');
    if (key !== null && userKey !== null) {
      throw errors.unauthorized('Send exactly one of x-api-key or x-user-api-key, not both');
    }
    const given = key ?? userKey;
    if (given === null) throw errors.unauthorized('Missing API key: send the x-api-key header');
    if (!apiKeys.includes(given)) throw errors.unauthorized('Invalid API key');
  }

  /** Masks every secret value: the sandbox never keeps a credential, in memory or on disk. */
  function maskSecrets(config: SandboxAuthConfig, val: Record<string, unknown>): Record<string, unknown> {
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
    const { status: _status, ...rest } = val;
    return visit(rest, '') as Record<string, unknown>;
  }

  /** An INITIATED account whose link ran out goes EXPIRED, as Composio's do. */
  function settle(account: AccountRecord): void {
    if (account.status !== 'INITIATED' || account.linkToken === undefined) return;
    const link = state.links.get(account.linkToken);
    if (link === undefined || link.completed !== undefined || now() < link.expiresAt) return;
    account.status = 'EXPIRED';
    account.statusReason = `Connection initiation did not complete within ${ttlMinutes} minutes`;
    account.updatedAt = Math.max(account.updatedAt, link.expiresAt);
    state.changed();
  }

  function accountToWire(account: AccountRecord): ConnectedAccount {
    const config = configById.get(account.authConfigId);
    return {
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
      state: { authScheme: account.authScheme, val: { ...account.val, status: account.status } },
      data: {},
      params: {},
      status_reason: account.statusReason,
      is_disabled: false,
    };
  }

  function authConfigToWire(config: SandboxAuthConfig): AuthConfig {
    let connections = 0;
    for (const account of state.accounts.values()) {
      if (account.authConfigId === config.id && account.status === 'ACTIVE') connections += 1;
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

  function newAccount(
    config: SandboxAuthConfig,
    userId: string,
    status: ConnectionStatus,
    val: Record<string, unknown>,
  ): AccountRecord {
    const at = now();
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
      val: maskSecrets(config, val),
    };
    if (script.nextStatusSequence !== null) {
      account.statusSequence = script.nextStatusSequence;
      script.nextStatusSequence = null;
    }
    return account;
  }

  function newLink(
    account: AccountRecord,
    callbackUrl: string | undefined,
    prefill: Record<string, string>,
  ): LinkRecord {
    const link: LinkRecord = {
      token: randomId('lt', 24),
      accountId: account.id,
      authConfigId: account.authConfigId,
      callbackUrl,
      expiresAt: script.expireNewLinks ? now() : now() + linkTtlMs,
      prefill,
    };
    account.linkToken = link.token;
    return link;
  }

  const linkUrl = (token: string) => `${publicUrl}/link/${encodeURIComponent(token)}`;

  function callbackLocation(link: LinkRecord, status: 'success' | 'failed'): string | undefined {
    if (link.callbackUrl === undefined) return undefined;
    const url = new URL(link.callbackUrl);
    // Composio keeps the callback's own query and appends these two.
    url.searchParams.append('status', status);
    url.searchParams.append('connected_account_id', link.accountId);
    return url.toString();
  }

  // ── API routes ─────────────────────────────────────────────────────────────────────────

  async function createLinkSession(request: Request): Promise<Response> {
    const raw = await readJson(request);
    const parsed = linkSessionRequestSchema.safeParse(raw);
    if (!parsed.success) throw errors.badRequest(issueStrings(parsed.error.issues));
    const input = parsed.data;
    if (input.callback_url !== undefined && !isHttpUrl(input.callback_url)) {
      throw errors.badRequest(['callback_url: must be an absolute http or https URL']);
    }
    const config = requireConfig(input.auth_config_id);
    requireImplemented(config);
    // connection_data keeps the keys a toolkit adds (Zendesk's `email`): the schema names only the documented ones.
    const data: Record<string, unknown> =
      input.connection_data === undefined
        ? {}
        : { ...(raw as { connection_data: object }).connection_data, ...input.connection_data };
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
    const account = newAccount(config, input.user_id, 'INITIATED', {});
    const link = newLink(account, input.callback_url, prefill);
    state.addAccount(account, link);
    const body: LinkSession = {
      link_token: link.token,
      redirect_url: linkUrl(link.token),
      expires_at: iso(link.expiresAt),
      connected_account_id: account.id,
    };
    return respondJson(201, body, linkSessionResponseSchema);
  }

  async function createConnectedAccount(request: Request): Promise<Response> {
    const parsed = createConnectedAccountRequestSchema.safeParse(await readJson(request));
    if (!parsed.success) throw errors.badRequest(issueStrings(parsed.error.issues));
    const config = requireConfig(parsed.data.auth_config.id);
    requireImplemented(config);
    const input = normalizeCreateConnectedAccountRequest(parsed.data, { authScheme: config.authScheme });
    const connection = input.connection;
    // `z.url()` lets `javascript:` through, and this URL becomes a redirect's Location.
    if (connection.callback_url !== undefined && !isHttpUrl(connection.callback_url)) {
      throw errors.badRequest(['connection.callback_url: must be an absolute http or https URL']);
    }
    const givenState = connection.state;
    if (givenState !== undefined && givenState.authScheme !== config.authScheme) {
      throw errors.badRequest([
        `connection.state.authScheme: must be ${config.authScheme}, the scheme of auth config ${config.id}`,
      ]);
    }
    const userId = connection.user_id ?? 'default';
    const val: Record<string, unknown> = givenState?.val ?? {};

    let account: AccountRecord;
    let link: LinkRecord | undefined;
    if (OAUTH_SCHEMES.has(config.authScheme)) {
      if (config.isComposioManaged) throw errors.managedOAuthCreateRetired();
      if (typeof val.access_token === 'string' && val.access_token !== '') {
        account = newAccount(config, userId, 'ACTIVE', val);
      } else {
        account = newAccount(config, userId, 'INITIATED', {});
        link = newLink(account, connection.callback_url, {});
      }
    } else {
      const problems = checkFields(config, val);
      const listed = [...problems.missing, ...problems.malformed];
      if (problems.missing.length > 0) {
        throw errors.unprocessable(
          'ConnectedAccount_MissingRequiredFields',
          listed,
          'Fill in every field named in errors[].',
        );
      }
      if (problems.malformed.length > 0) {
        throw errors.unprocessable(
          'ConnectedAccount_InvalidFields',
          listed,
          'Correct the fields named in errors[].',
        );
      }
      if (input.validate_credentials === true) {
        const refused = refusedCredentials(config, val);
        if (refused.length > 0) {
          throw errors.unprocessable(
            'ConnectedAccount_InvalidCredentials',
            refused,
            `Check the ${config.toolkit.name} credentials and paste them again (in the sandbox, a secret containing ${REFUSED_SECRET_WORDS.map((word) => `"${word}"`).join(' or ')} is refused).`,
          );
        }
      }
      account = newAccount(config, userId, 'ACTIVE', val);
    }
    state.addAccount(account, link);
    const redirectUrl = link === undefined ? null : linkUrl(link.token);
    const responseVal: CreatedConnectedAccount['connectionData']['val'] =
      redirectUrl === null
        ? ({ ...account.val, status: account.status } as CreatedConnectedAccount['connectionData']['val'])
        : { status: 'INITIALIZING', redirectUrl };
    const body: CreatedConnectedAccount = {
      id: account.id,
      connectionData: { authScheme: config.authScheme, val: responseVal },
      status: account.status,
      redirect_url: redirectUrl,
      redirect_uri: redirectUrl,
      deprecated: { uuid: account.uuid, authConfigUuid: config.uuid },
    };
    return respondJson(201, body, createConnectedAccountResponseSchema);
  }

  function requireAccount(id: string): AccountRecord {
    const account = state.accounts.get(id);
    if (account === undefined) {
      throw errors.notFound('ConnectedAccount_NotFound', 1803, `No connected account found with id ${id}`);
    }
    return account;
  }

  function getConnectedAccount(id: string): Response {
    const account = requireAccount(id);
    settle(account);
    const next = account.statusSequence?.shift();
    if (next !== undefined) {
      if (account.statusSequence?.length === 0) account.statusSequence = undefined;
      account.status = next;
      account.statusReason =
        next === 'FAILED' || next === 'EXPIRED' || next === 'REVOKED' || next === 'INACTIVE'
          ? `Status ${next} scripted by the sandbox control`
          : null;
      account.updatedAt = now();
      state.changed();
    }
    return respondJson(200, accountToWire(account), connectedAccountSchema);
  }

  function listQuery(url: URL, name: string): string[] | undefined {
    const values = url.searchParams
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    return values.length === 0 ? undefined : values;
  }

  function page<T>(url: URL, items: T[], maxLimit: number, defaultLimit: number) {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? defaultLimit : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
      throw errors.badRequest([`limit: must be an integer from 1 to ${maxLimit}`]);
    }
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null || cursor === '' ? 0 : Number(cursor);
    if (!Number.isInteger(offset) || offset < 0)
      throw errors.badRequest(['cursor: is not a cursor this sandbox issued']);
    const slice = items.slice(offset, offset + limit);
    const end = offset + slice.length;
    return {
      items: slice,
      next_cursor: end < items.length ? String(end) : null,
      total_pages: Math.ceil(items.length / limit),
      current_page: Math.floor(offset / limit) + 1,
      total_items: items.length,
    };
  }

  function listConnectedAccounts(url: URL): Response {
    const toolkits = listQuery(url, 'toolkit_slugs');
    const statuses = listQuery(url, 'statuses');
    const userIds = listQuery(url, 'user_ids');
    const configIds = listQuery(url, 'auth_config_ids');
    const accountIds = listQuery(url, 'connected_account_ids');
    const badStatus = statuses?.find(
      (status) => !(CONNECTION_STATUSES as readonly string[]).includes(status),
    );
    if (badStatus !== undefined) {
      throw errors.badRequest([`statuses: ${badStatus} is not one of ${CONNECTION_STATUSES.join(', ')}`]);
    }
    const orderBy = url.searchParams.get('order_by') ?? 'created_at';
    const direction = url.searchParams.get('order_direction') ?? 'desc';
    if (orderBy !== 'created_at' && orderBy !== 'updated_at') {
      throw errors.badRequest(['order_by: must be created_at or updated_at']);
    }
    if (direction !== 'asc' && direction !== 'desc')
      throw errors.badRequest(['order_direction: must be asc or desc']);
    const all = [...state.accounts.values()];
    for (const account of all) settle(account);
    const filtered = all
      .map((account, index) => ({ account, index }))
      .filter(({ account }) => {
        const slug = configById.get(account.authConfigId)?.toolkit.slug;
        return (
          (toolkits === undefined || (slug !== undefined && toolkits.includes(slug))) &&
          (statuses === undefined || statuses.includes(account.status)) &&
          (userIds === undefined || userIds.includes(account.userId)) &&
          (configIds === undefined || configIds.includes(account.authConfigId)) &&
          (accountIds === undefined || accountIds.includes(account.id))
        );
      });
    const key = orderBy === 'created_at' ? 'createdAt' : 'updatedAt';
    const sign = direction === 'asc' ? 1 : -1;
    filtered.sort((a, b) => sign * (a.account[key] - b.account[key] || a.index - b.index));
    const body = page(
      url,
      filtered.map(({ account }) => accountToWire(account)),
      1000,
      20,
    );
    return respondJson(200, body, connectedAccountListSchema);
  }

  function listAuthConfigs(url: URL): Response {
    const slugs = listQuery(url, 'toolkit_slug');
    const managed = url.searchParams.get('is_composio_managed');
    const showDisabled = url.searchParams.get('show_disabled') === 'true';
    const search = url.searchParams.get('search')?.toLowerCase();
    const items = authConfigs.filter(
      (config) =>
        (slugs === undefined || slugs.includes(config.toolkit.slug)) &&
        (managed === null || String(config.isComposioManaged) === managed) &&
        (showDisabled || config.status === 'ENABLED') &&
        (search === undefined ||
          config.name.toLowerCase().includes(search) ||
          config.toolkit.slug.includes(search)),
    );
    return respondJson(200, page(url, items.map(authConfigToWire), 1000, 100), authConfigListSchema);
  }

  function getToolkit(slug: string): Response {
    const configs = authConfigs.filter((config) => config.toolkit.slug === slug);
    const first = configs[0];
    if (first === undefined) {
      throw errors.notFound('Toolkit_NotFound', 1804, `Toolkit ${slug} not found`);
    }
    const modes = new Map<string, SandboxAuthConfig>();
    for (const config of configs) if (!modes.has(config.authScheme)) modes.set(config.authScheme, config);
    const body: Toolkit = {
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
    return respondJson(200, body, toolkitSchema);
  }

  // ── Link sessions: the hosted page and its completion ──────────────────────────────────

  /** A finished link, or the `"<field>: <message>"` problems that kept it open. */
  type Finish = { location: string | undefined; link: LinkRecord } | { errors: string[]; link: LinkRecord };

  function requireLink(token: string): LinkRecord {
    const link = state.links.get(token);
    if (link === undefined) {
      throw errors.notFound(
        'LinkSession_NotFound',
        1805,
        'This link session does not exist (or was evicted)',
      );
    }
    return link;
  }

  function linkConfig(link: LinkRecord): SandboxAuthConfig {
    return requireConfig(link.authConfigId);
  }

  /** Whether a link can still be answered; expiry moves its account to EXPIRED. */
  function openLinkProblem(link: LinkRecord): 'expired' | 'completed' | undefined {
    if (link.completed !== undefined) return 'completed';
    const account = state.accounts.get(link.accountId);
    if (account !== undefined) settle(account);
    if (now() >= link.expiresAt) return 'expired';
    return undefined;
  }

  function finish(link: LinkRecord, outcome: LinkOutcome): Finish {
    const config = linkConfig(link);
    const account = requireAccount(link.accountId);
    const oauth = OAUTH_SCHEMES.has(config.authScheme);
    const denied = script.denyConsent || 'deny' in outcome;
    if (!denied) {
      if ('allow' in outcome && !oauth) {
        throw errors.badRequest([`outcome: ${config.toolkit.name} needs credentials, not a consent`]);
      }
      if ('credentials' in outcome) {
        if (oauth)
          throw errors.badRequest([`outcome: ${config.toolkit.name} uses a consent screen, not credentials`]);
        // Judged as stored: connection_data's prefill under what the user gave.
        const values = { ...link.prefill, ...outcome.credentials };
        const problems = checkFields(config, values);
        const listed = [...problems.missing, ...problems.malformed];
        const refused = listed.length === 0 ? refusedCredentials(config, values) : [];
        if (listed.length + refused.length > 0) return { errors: [...listed, ...refused], link };
      }
    }
    const at = now();
    link.completed = { at, outcome: denied ? 'failed' : 'success' };
    account.updatedAt = at;
    if (denied) {
      account.status = 'FAILED';
      account.statusReason = oauth
        ? `The user denied access on the ${config.toolkit.name} consent screen`
        : 'The user cancelled the connection';
    } else {
      account.status = 'ACTIVE';
      account.statusReason = null;
      account.val =
        'credentials' in outcome
          ? maskSecrets(config, { ...link.prefill, ...outcome.credentials })
          : maskSecrets(config, { access_token: 'sandbox', token_type: 'Bearer', scope: 'sandbox' });
    }
    state.changed();
    return { location: callbackLocation(link, denied ? 'failed' : 'success'), link };
  }

  async function completeLink(token: string, outcome: LinkOutcome): Promise<{ location: string }> {
    const link = requireLink(token);
    const problem = openLinkProblem(link);
    if (problem === 'expired') throw errors.linkExpired();
    if (problem === 'completed') throw errors.linkCompleted();
    const result = finish(link, outcome);
    if ('errors' in result) {
      throw errors.unprocessable(
        'ConnectedAccount_InvalidFields',
        result.errors,
        'Correct the fields named in errors[].',
      );
    }
    return { location: result.location ?? linkUrl(token) };
  }

  function linkEndPage(link: LinkRecord | undefined, problem: 'expired' | 'completed' | 'unknown'): Response {
    if (link === undefined || problem === 'unknown') {
      return htmlResponse(
        404,
        messagePage({
          title: 'Link not found',
          message: 'This connect link is not valid. Go back to the app and start connecting again.',
        }),
      );
    }
    if (problem === 'expired') {
      const back = callbackLocation(link, 'failed');
      return htmlResponse(
        410,
        messagePage({
          title: 'This link has expired',
          message: 'Connect links last a few minutes. Go back to the app and start connecting again.',
          link: back === undefined ? undefined : { href: back, text: 'Return to the app' },
        }),
      );
    }
    const outcome = link.completed?.outcome ?? 'failed';
    const back = callbackLocation(link, outcome);
    return htmlResponse(
      200,
      messagePage({
        title: outcome === 'success' ? 'Connected' : 'Not connected',
        message:
          back === undefined
            ? 'You can close this window.'
            : outcome === 'success'
              ? 'This account is connected.'
              : 'This connection was not completed.',
        link: back === undefined ? undefined : { href: back, text: 'Return to the app' },
      }),
    );
  }

  function finishedResponse(result: { location: string | undefined; link: LinkRecord }): Response {
    if (result.location !== undefined) {
      return new Response(null, {
        status: 303,
        headers: { location: result.location, 'cache-control': 'no-store' },
      });
    }
    return linkEndPage(result.link, 'completed');
  }

  function callbackOrigins(link: LinkRecord): string[] {
    return link.callbackUrl === undefined ? [] : [new URL(link.callbackUrl).origin];
  }

  function showLink(link: LinkRecord, formState: FormState, status = 200): Response {
    const config = linkConfig(link);
    const account = requireAccount(link.accountId);
    const html = OAUTH_SCHEMES.has(config.authScheme)
      ? consentPage(config, link.token, account.userId)
      : credentialFormPage(config, link.token, formState);
    return htmlResponse(status, html, callbackOrigins(link));
  }

  function linkPage(token: string): Response {
    const link = state.links.get(token);
    if (link === undefined) return linkEndPage(undefined, 'unknown');
    const problem = openLinkProblem(link);
    if (problem !== undefined) return linkEndPage(link, problem);
    if (script.denyConsent) {
      const result = finish(link, { deny: true });
      if ('location' in result) return finishedResponse(result);
    }
    return showLink(link, { values: link.prefill, fieldErrors: {} });
  }

  async function linkSubmit(request: Request, token: string): Promise<Response> {
    const form = new URLSearchParams(await readBodyText(request));
    const link = state.links.get(token);
    if (link === undefined) return linkEndPage(undefined, 'unknown');
    const problem = openLinkProblem(link);
    if (problem !== undefined) return linkEndPage(link, problem);
    const config = linkConfig(link);
    let outcome: LinkOutcome;
    if (form.get('decision') === 'deny') outcome = { deny: true };
    else if (OAUTH_SCHEMES.has(config.authScheme)) outcome = { allow: true };
    else {
      const credentials: Record<string, string> = {};
      for (const field of config.fields) credentials[field.name] = form.get(field.name) ?? '';
      outcome = { credentials };
    }
    const result = finish(link, outcome);
    if ('errors' in result) {
      const values: Record<string, string> = {};
      for (const field of config.fields)
        if (!field.is_secret) values[field.name] = form.get(field.name) ?? '';
      const byField = fieldErrorsFromMessages(
        result.errors,
        config.fields.map((field) => field.name),
      );
      const fieldErrors: Record<string, string> = {};
      for (const [name, [first]] of Object.entries(byField))
        if (first !== undefined) fieldErrors[name] = first;
      return showLink(link, { values, fieldErrors }, 422);
    }
    return finishedResponse(result);
  }

  // ── Control ────────────────────────────────────────────────────────────────────────────

  function expireLinks(future: boolean | undefined, linkToken: string | undefined): number {
    if (future !== undefined) script.expireNewLinks = future;
    let expired = 0;
    const at = now();
    const links = linkToken === undefined ? [...state.links.values()] : [requireLink(linkToken)];
    for (const link of links) {
      if (link.completed !== undefined || at >= link.expiresAt) continue;
      link.expiresAt = at;
      const account = state.accounts.get(link.accountId);
      if (account !== undefined) settle(account);
      expired += 1;
    }
    state.changed();
    return expired;
  }

  const control: SandboxControl = {
    setLatency(ms, route) {
      if (!(ms >= 0)) throw new RangeError(`setLatency: ms must be ≥ 0, got ${ms}`);
      if (ms === 0) script.latency.delete(route ?? '*');
      else script.latency.set(route ?? '*', ms);
    },
    failNext(failure) {
      if (!(failure.status >= 400 && failure.status <= 599)) {
        throw new RangeError(`failNext: status must be 400–599, got ${failure.status}`);
      }
      script.failures.push({ ...failure, count: failure.count ?? 1 });
    },
    dropNext(dropOptions = {}) {
      script.drops.push({ count: dropOptions.count ?? 1, route: dropOptions.route });
    },
    denyConsent(on = true) {
      script.denyConsent = on;
    },
    expireLinks(expireOptions = {}) {
      return expireLinks(expireOptions.future, expireOptions.linkToken);
    },
    setStatusSequence(statuses, sequenceOptions = {}) {
      if (statuses.length === 0) throw new RangeError('setStatusSequence: give at least one status');
      if (sequenceOptions.accountId === undefined) {
        script.nextStatusSequence = [...statuses];
        return;
      }
      requireAccount(sequenceOptions.accountId).statusSequence = [...statuses];
      state.changed();
    },
    reset() {
      script.clear();
      state.clear();
    },
    describe() {
      return script.describe();
    },
  };

  async function applyAction(action: ControlAction): Promise<unknown> {
    switch (action.action) {
      case 'latency':
        control.setLatency(action.ms, action.route);
        return { ok: true };
      case 'failNext': {
        const { action: _action, ...failure } = action;
        control.failNext(failure);
        return { ok: true };
      }
      case 'dropNext':
        control.dropNext({ count: action.count, route: action.route });
        return { ok: true };
      case 'denyConsent':
        control.denyConsent(action.on ?? true);
        return { ok: true };
      case 'expireLinks':
        return {
          ok: true,
          expired: control.expireLinks({ future: action.future, linkToken: action.linkToken }),
        };
      case 'statusSequence':
        control.setStatusSequence(action.statuses, { accountId: action.accountId });
        return { ok: true };
      case 'completeLink':
        return { ok: true, ...(await completeLink(action.linkToken, action.outcome)) };
      case 'reset':
        control.reset();
        return { ok: true };
    }
  }

  async function controlRoute(request: Request): Promise<Response> {
    if (request.method === 'GET') {
      return new Response(JSON.stringify(control.describe()), { status: 200, headers: JSON_HEADERS });
    }
    const body = await readJson(request);
    const list = Array.isArray(body) ? body : [body];
    const actions = list.map((item, index) =>
      parseControlAction(item, Array.isArray(body) ? `body.${index}` : 'body'),
    );
    const results: unknown[] = [];
    for (const action of actions) results.push(await applyAction(action));
    return new Response(JSON.stringify(Array.isArray(body) ? results : results[0]), {
      status: 200,
      headers: JSON_HEADERS,
    });
  }

  // ── The handler ────────────────────────────────────────────────────────────────────────

  function corsHeaders(origin: string | null): Record<string, string> {
    if (origin === null || !corsOrigins.has(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'x-request-id',
      vary: 'Origin',
    };
  }

  function originAllowed(origin: string | null, url: URL): boolean {
    return origin === null || corsOrigins.has(origin) || origin === url.origin || origin === publicUrl;
  }

  async function route(request: Request, url: URL, matched: Matched, requestId: string): Promise<Response> {
    const origin = request.headers.get('origin');
    if (request.method === 'OPTIONS') {
      if (origin === null || !corsOrigins.has(origin)) {
        throw errors.forbiddenOrigin(origin ?? '(none)');
      }
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(origin),
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'content-type, x-api-key, x-user-api-key',
          'access-control-max-age': '600',
        },
      });
    }
    if (matched === undefined) {
      throw errors.notFound(
        'Route_NotFound',
        404,
        `No route ${request.method} ${url.pathname} in the sandbox`,
      );
    }
    if ('methodNotAllowed' in matched) throw errors.methodNotAllowed(matched.methodNotAllowed);
    if (matched.route === 'healthz') {
      return new Response(request.method === 'HEAD' ? null : 'ok', {
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    // The hosted page takes same-origin form posts; everything else refuses unknown browser origins.
    const isPage = matched.route === 'linkPage' || matched.route === 'linkSubmit';
    if (!isPage && !originAllowed(origin, url)) throw errors.forbiddenOrigin(origin ?? '(none)');
    if (matched.route === 'control') return controlRoute(request);

    const name = matched.route;
    const delay = script.latencyFor(name);
    if (delay > 0) await sleep(delay);
    const failure = script.takeFailure(name);
    if (failure !== undefined) {
      return errorResponse(
        {
          status: failure.status,
          code: failure.code ?? failure.status,
          slug: failure.slug ?? 'Sandbox_ScriptedFailure',
          message: failure.message ?? `Scripted failure (HTTP ${failure.status}) from the sandbox control`,
          ...(failure.errors && { errors: failure.errors }),
          ...(failure.suggested_fix && { suggested_fix: failure.suggested_fix }),
        },
        requestId,
      );
    }
    if (!isPage) checkApiKey(request);
    const param = 'param' in matched ? (matched.param ?? '') : '';
    switch (name) {
      case 'createLinkSession':
        return createLinkSession(request);
      case 'createConnectedAccount':
        return createConnectedAccount(request);
      case 'getConnectedAccount':
        return getConnectedAccount(param);
      case 'listConnectedAccounts':
        return listConnectedAccounts(url);
      case 'listAuthConfigs':
        return listAuthConfigs(url);
      case 'getAuthConfig':
        return respondJson(200, authConfigToWire(requireConfig(param)), authConfigSchema);
      case 'getToolkit':
        return getToolkit(param);
      case 'linkPage':
        return linkPage(param);
      case 'linkSubmit':
        return linkSubmit(request, param);
    }
  }

  async function handle(request: Request): Promise<Response> {
    const requestId = randomId('req', 16);
    const url = new URL(request.url);
    const matched = matchRoute(request.method, url.pathname, options.control === true);
    // No route takes OPTIONS (matchRoute calls it methodNotAllowed), so a preflight is never dropped.
    const routeName =
      matched && 'route' in matched && matched.route !== 'healthz' && matched.route !== 'control'
        ? matched.route
        : undefined;
    let response: Response;
    try {
      response = await route(request, url, matched, requestId);
    } catch (error) {
      if (error instanceof SandboxHttpError) {
        response = errorResponse(error.body, requestId);
      } else {
        // Never echo the error text: it could hold request data. The server log has it.
        console.error('[plugboard-sandbox] internal error', requestId, error);
        response = errorResponse(errors.internal().body, requestId);
      }
    }
    const headers = new Headers(response.headers);
    headers.set('x-request-id', requestId);
    for (const [key, value] of Object.entries(corsHeaders(request.headers.get('origin'))))
      headers.set(key, value);
    const final = new Response(response.body, { status: response.status, headers });
    if (routeName !== undefined && script.takeDrop(routeName)) return dropMidway(final);
    return final;
  }

  const sandbox: Sandbox = {
    backend: createHttpBackend({
      baseUrl: publicUrl,
      headers: { 'x-api-key': apiKey },
      fetch: (input, init) => handle(new Request(input, init)),
    }),
    handle,
    control,
    completeLink,
    authConfigs,
    snapshot: () => state.snapshot(),
    apiKey,
    publicUrl,
  };
  return sandbox;
}
