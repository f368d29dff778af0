/**
 * The handler's routes, matched against the raw path: exact strings and one strict id pattern,
 * so `..`, `%2e%2e`, `%2F`, `//` and `\` can never name a route, let alone another upstream path.
 * The upstream path is rebuilt by each route from its name and the validated id, never copied from
 * the request.
 */

export type RouteName =
  | 'createLinkSession'
  | 'createConnectedAccount'
  | 'listConnectedAccounts'
  | 'getConnectedAccount'
  | 'deleteConnectedAccount'
  | 'setConnectedAccountEnabled'
  | 'getAuthConfig'
  | 'getToolkit';

export type RouteMethod = 'GET' | 'POST' | 'DELETE' | 'PATCH';

export interface RouteMatch {
  name: RouteName;
  method: RouteMethod;
  /** The validated `{id}` / `{slug}` of a route on one resource. */
  id?: string;
}

/** The routes on one path, by method: a request with another method is a 405. */
export type PathMatch = Partial<Record<RouteMethod, RouteMatch>>;

/** Composio ids (`ca_…`, `ac_…`, nanoids) and toolkit slugs: letters, digits, `_` and `-`, nothing else. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const PREFIX = '/api/v3/';

/**
 * Matches `path` (the raw pathname, query removed) under `basePath`. `undefined` means no route
 * lives there (404); a path whose routes lack the request's method is a 405.
 */
export function matchRoute(path: string, basePath: string, fieldMetadata: boolean): PathMatch | undefined {
  if (!path.startsWith(basePath + PREFIX)) return undefined;
  const parts = path.slice(basePath.length + PREFIX.length).split('/');
  const [collection, id, tail] = parts;
  if (parts.length === 1 && collection === 'connected_accounts') {
    return {
      POST: { name: 'createConnectedAccount', method: 'POST' },
      GET: { name: 'listConnectedAccounts', method: 'GET' },
    };
  }
  if (parts.length === 2 && collection === 'connected_accounts' && id === 'link') {
    return { POST: { name: 'createLinkSession', method: 'POST' } };
  }
  if (parts.length < 2 || parts.length > 3 || id === undefined || !ID_PATTERN.test(id)) return undefined;
  if (collection === 'connected_accounts') {
    if (tail === 'status') return { PATCH: { name: 'setConnectedAccountEnabled', method: 'PATCH', id } };
    if (tail !== undefined) return undefined;
    return {
      GET: { name: 'getConnectedAccount', method: 'GET', id },
      DELETE: { name: 'deleteConnectedAccount', method: 'DELETE', id },
    };
  }
  if (tail !== undefined || !fieldMetadata) return undefined;
  if (collection === 'auth_configs') return { GET: { name: 'getAuthConfig', method: 'GET', id } };
  if (collection === 'toolkits') return { GET: { name: 'getToolkit', method: 'GET', id } };
  return undefined;
}

/** Normalises a base path: a leading `/`, no trailing one (`''` for the root). */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/[A-Za-z0-9_\-./]*$/.test(trimmed) || trimmed.includes('//') || trimmed.includes('..')) {
    throw new TypeError(
      `createConnectHandler: basePath must be a plain absolute path such as /api/connect (got ${basePath})`,
    );
  }
  return trimmed;
}

/**
 * Raw paths the Node glue saw before the URL parser resolved `..` and `\` in them. A Fetch
 * `Request` only carries the resolved URL, so the glue hands the raw one over here.
 */
const rawPaths = new WeakMap<Request, string>();

export function setRawPath(request: Request, rawPath: string): void {
  rawPaths.set(request, rawPath);
}

export function rawPathOf(request: Request, pathname: string): string {
  return rawPaths.get(request) ?? pathname;
}
