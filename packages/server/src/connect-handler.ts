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
import { Exchange, splitUrl } from './exchange';
import { getAuthConfig, getToolkit } from './metadata-routes';
import { type ConnectHandlerOptions, resolveOptions } from './options';
import { createPolicy } from './policy';
import { matchRoute, type RouteMethod, type RouteName, rawPathOf } from './routes';
import type { RouteHandler, Services } from './services';
import { createUpstream } from './upstream';

export {
  type ApiVersion,
  type AuthConfigAllowlist,
  type ConnectHandlerOptions,
  type ConnectLogEntry,
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
 * from `getUserId`, and serves exactly three routes under `basePath` (plus two read-only ones with
 * `fieldMetadata`): it is not an open proxy.
 *
 * @example
 * const handler = createConnectHandler({
 *   apiKey: process.env.COMPOSIO_API_KEY!,
 *   getUserId: (request) => sessionUserId(request),
 *   allowedAuthConfigIds: ['ac_github'],
 *   callbackOrigins: ['https://app.example'],
 * });
 * // Hono: app.all('/api/connect/*', (c) => handler(c.req.raw))
 */
export function createConnectHandler<Context = unknown>(
  options: ConnectHandlerOptions<Context>,
): ConnectHandler<Context> {
  const resolved = resolveOptions(options);
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
    if (policy.isCrossSite(request)) {
      request.body?.cancel().catch(() => {});
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
