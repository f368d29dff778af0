import { type ConnectBackend, createHttpBackend } from '@plugboard/core';
import type { LinkOutcome, SandboxControl } from './control';
import { Script } from './control';
import { SANDBOX_AUTH_CONFIGS, type SandboxAuthConfig } from './fixtures/auth-configs';
import { createApp } from './http/app';
import type { HttpDeps } from './http/context';
import type { ModelContext } from './model/context';
import { completeLink } from './model/links';
import { applyAction, createControl } from './model/scripting';
import { processObserver } from './response-observer';
import { SandboxState, type StateSnapshot } from './state';

export { MAX_BODY_BYTES } from './http/respond';

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
  /**
   * Serve the hosted pages (link page, consent page) with `Cross-Origin-Opener-Policy:
   * same-origin`, as providers that sever the popup's opener do. Default false; `ac_linear`
   * always does. Switch it later with `control.coop(on)`.
   */
  coop?: boolean | undefined;
  /**
   * Mask credential values in `state.val` (and never keep them). Default true. `false` keeps and
   * returns them as given, as a Composio project without masking does: for testing that nothing
   * downstream (a proxy) passes them on.
   */
  maskCredentials?: boolean | undefined;
  /**
   * Sees every response the handler gives (a clone, with the request's method and URL), for test
   * tooling such as the spec oracle. It must not throw.
   */
  onResponse?: ((exchange: { method: string; url: string; response: Response }) => void) | undefined;
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

const DEFAULT_LINK_TTL_MS = 10 * 60 * 1000;

/**
 * An emulator of the Composio v3 connected-accounts API, in process. Fetch-standard and Web
 * Crypto only, so it runs in Node, in a browser (Storybook) and behind `startSandboxServer`.
 * The model (`src/model/`: accounts, links, auth configs over the state) knows nothing of HTTP;
 * the HTTP layer (`src/http/`: small Hono route modules) parses, checks and answers.
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
  if (options.persistPath !== undefined && options.persistence === undefined) {
    throw new Error(
      'createSandbox: persistPath needs Node; use startSandboxServer from @plugboard/sandbox/server (or pass persistence)',
    );
  }
  const persistence = options.persistence;
  const authConfigs = options.authConfigs ?? SANDBOX_AUTH_CONFIGS;
  const state: SandboxState = new SandboxState({
    maxAccounts: options.maxAccounts ?? 1000,
    onChange: persistence && (() => persistence.save(state.snapshot())),
  });
  const loaded = persistence?.load();
  if (loaded !== undefined) state.restore(loaded);

  const model: ModelContext = {
    state,
    script: new Script({ coop: options.coop }),
    authConfigs,
    configById: new Map(authConfigs.map((config) => [config.id, config])),
    now: options.now ?? Date.now,
    linkTtlMs,
    publicUrl,
    maskCredentials: options.maskCredentials ?? true,
  };
  const control = createControl(model);
  const deps: HttpDeps = {
    model,
    apiKeys,
    corsOrigins: new Set((options.corsOrigins ?? []).map((origin) => new URL(origin).origin)),
    assertResponses: options.assertResponses ?? true,
    controlRoute: options.control === true,
    control,
    applyAction: async (action) => applyAction(model, control, action),
    coop: () => model.script.coop,
  };
  const app = createApp(deps);
  const onResponse = options.onResponse;
  const handle = async (request: Request): Promise<Response> => {
    const response = await app.fetch(request);
    for (const observe of [onResponse, processObserver()]) {
      observe?.({ method: request.method, url: request.url, response: response.clone() });
    }
    return response;
  };

  return {
    backend: createHttpBackend({
      baseUrl: publicUrl,
      headers: { 'x-api-key': apiKey },
      fetch: (input, init) => handle(new Request(input, init)),
    }),
    handle,
    control,
    completeLink: async (token, outcome) => completeLink(model, token, outcome),
    authConfigs,
    snapshot: () => state.snapshot(),
    apiKey,
    publicUrl,
  };
}
