// createConnectHandler: wiring only. The options (options.ts), what is allowed (policy.ts), the
// upstream call (upstream.ts), the request body (request-body.ts) and the routes
// (connect-routes.ts, account-routes.ts, metadata-routes.ts) each live in their own module.
import {
  deleteConnectedAccount,
  getConnectedAccount,
  listConnectedAccounts,
  setConnectedAccountEnabled,
} from './account-routes';
import { createConnectedAccount, createLinkSession } from './connect-routes';
import { envelope, jsonResponse, newRequestId } from './envelope';
import { Exchange, splitUrl } from './exchange';
import { getAuthConfig, getToolkit } from './metadata-routes';
import { basePathOf, reportCrossSite, reportOptionsProblem } from './misconfiguration';
import { type ConnectHandlerOptions, loggerOf, type ResolvedOptions, resolveOptions } from './options';
import { createPolicy } from './policy';
import { matchRoute, type RouteMethod, type RouteName, rawPathOf } from './routes';
import type { RouteHandler, Services } from './services';
import { createUpstream } from './upstream';

export {
  type ApiVersion,
  type AuthConfigAllowlist,
  type ConnectHandlerOptions,
  type ConnectLogEntry,
  type ConnectLogger,
  DEFAULT_BASE_PATH,
  DEFAULT_BASE_URL,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_BODY_BYTES,
} from './options';

/** A Fetch-standard handler; `basePath` tells glue which paths are its own. */
export interface ConnectHandler<Context = unknown> {
  (request: Request, context?: Context): Promise<Response>;
  readonly basePath: string;
}

const ROUTES: Record<RouteName, RouteHandler> = {
  createLinkSession,
  createConnectedAccount,
  listConnectedAccounts,
  getConnectedAccount,
  deleteConnectedAccount,
  setConnectedAccountEnabled,
  getAuthConfig,
  getToolkit,
};

/**
 * Creates the server route between a browser and Composio. It holds the API key, takes the user
 * from `getUserId`, and serves exactly six routes under `basePath` (plus two read-only ones with
 * `fieldMetadata`): it is not an open proxy. It never throws: a missing or malformed option makes
 * every request a 500 and writes one line to `logger` naming it.
 *
 * @example
 * const handler = createConnectHandler({
 *   apiKey: process.env.COMPOSIO_API_KEY,
 *   getUserId: (request) => sessionUserId(request),
 *   allowedAuthConfigIds: ['ac_github'],
 *   callbackOrigins: ['https://app.example'],
 * });
 * // Hono: app.all('/api/connect/*', (c) => handler(c.req.raw))
 */
export function createConnectHandler<Context = unknown>(
  options: ConnectHandlerOptions<Context>,
): ConnectHandler<Context> {
  try {
    return wire(resolveOptions(options));
  } catch (error) {
    // Not a throw at import: a route file loaded by `next build` with no environment must load.
    return misconfigured(options, error instanceof Error ? error.message : String(error));
  }
}

/** A handler whose options are wrong: every request a 500 in the envelope and one log line. */
function misconfigured<Context>(options: ConnectHandlerOptions<Context> | undefined, problem: string) {
  const logger = loggerOf(options);
  const handler = async (request: Request): Promise<Response> => {
    request.body?.cancel().catch(() => {});
    reportOptionsProblem(logger, problem);
    const requestId = newRequestId();
    const body = envelope(500, 'Proxy_Misconfigured', 'The connect handler is misconfigured', requestId, {
      suggestedFix: 'The server log names the option to fix',
    });
    return jsonResponse(500, JSON.stringify({ error: body }), requestId);
  };
  return Object.assign(handler, { basePath: basePathOf(options?.basePath) });
}

/** The handler of checked options. */
function wire<Context>(resolved: ResolvedOptions<Context>): ConnectHandler<Context> {
  const policy = createPolicy(resolved);
  const services: Services = {
    options: resolved as Services['options'],
    policy: policy as Services['policy'],
    upstream: createUpstream(resolved as Services['options']),
    knownToolkits: new Set(),
  };

  /** The checks every route shares, in order: route, method, origin, user; then the route. */
  async function handle(
    request: Request,
    context: Context | undefined,
    exchange: Exchange,
  ): Promise<Response> {
    const routes = matchRoute(
      rawPathOf(request, splitUrl(request.url).pathname),
      resolved.basePath,
      resolved.fieldMetadata,
    );
    const route = routes?.[request.method as RouteMethod];
    exchange.route = route;
    if (routes === undefined) {
      request.body?.cancel().catch(() => {});
      return exchange.fail(404, 'Proxy_NotFound', 'No such route');
    }
    if (route === undefined) {
      const allow = Object.keys(routes).join(', ');
      request.body?.cancel().catch(() => {});
      return exchange.fail(405, 'Proxy_MethodNotAllowed', `This path accepts ${allow} only`, {
        headers: { allow },
      });
    }
    const crossSite = policy.crossSite(request);
    if (crossSite !== undefined) {
      request.body?.cancel().catch(() => {});
      reportCrossSite(resolved.logger, request, crossSite);
      return exchange.fail(403, 'Proxy_CrossSiteRequest', 'Cross-site requests are refused');
    }
    const userId = await policy.userOf(request, context);
    if (userId === undefined) {
      request.body?.cancel().catch(() => {});
      return exchange.fail(401, 'Proxy_Unauthorized', 'Sign in to connect an account');
    }
    exchange.userId = userId;
    return ROUTES[route.name](services, { exchange, request, route, userId });
  }

  const handler = async (request: Request, context?: Context): Promise<Response> => {
    const started = performance.now();
    const exchange = new Exchange(resolved.apiKey);
    let response: Response;
    try {
      response = await handle(request, context, exchange);
    } catch {
      // getUserId, an allowlist function or a body stream threw: say nothing about it to the browser.
      response = exchange.fail(500, 'Proxy_InternalError', 'The request could not be handled');
    }
    if (resolved.log) exchange.writeLog(resolved.log, request, response, performance.now() - started);
    return response;
  };
  return Object.assign(handler, { basePath: resolved.basePath });
}
