/**
 * The handler's routes, matched against the raw path: exact strings and one strict id pattern,
 * so `..`, `%2e%2e`, `%2F`, `//` and `\` can never name a route, let alone another upstream path.
 * The upstream path is rebuilt from the route and the validated id, never copied from the request.
 */

export type RouteName =
  | 'createLinkSession'
  | 'createConnectedAccount'
  | 'getConnectedAccount'
  | 'getAuthConfig'
  | 'getToolkit';

export interface RouteMatch {
  name: RouteName;
  method: 'GET' | 'POST';
  /** The path sent upstream, `/api/v3/…`. */
  upstreamPath: string;
  /** The validated `{id}` / `{slug}` of a GET route. */
  id?: string;
}

/** Composio ids (`ca_…`, `ac_…`, nanoids) and toolkit slugs: letters, digits, `_` and `-`, nothing else. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const PREFIX = '/api/v3/';

/**
 * Matches `path` (the raw pathname, query removed) under `basePath`. `undefined` means no route
 * lives there (404); a match whose `method` differs from the request's is a 405.
 */
export function matchRoute(path: string, basePath: string, fieldMetadata: boolean): RouteMatch | undefined {
  if (!path.startsWith(basePath + PREFIX)) return undefined;
  const rest = path.slice(basePath.length + PREFIX.length);
  if (rest === 'connected_accounts/link') {
    return { name: 'createLinkSession', method: 'POST', upstreamPath: '/api/v3/connected_accounts/link' };
  }
  if (rest === 'connected_accounts') {
    return { name: 'createConnectedAccount', method: 'POST', upstreamPath: '/api/v3/connected_accounts' };
  }
  const slash = rest.indexOf('/');
  if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) return undefined;
  const collection = rest.slice(0, slash);
  const id = rest.slice(slash + 1);
  if (!ID_PATTERN.test(id)) return undefined;
  if (collection === 'connected_accounts') {
    return {
      name: 'getConnectedAccount',
      method: 'GET',
      upstreamPath: `/api/v3/connected_accounts/${id}`,
      id,
    };
  }
  if (fieldMetadata && collection === 'auth_configs') {
    return { name: 'getAuthConfig', method: 'GET', upstreamPath: `/api/v3/auth_configs/${id}`, id };
  }
  if (fieldMetadata && collection === 'toolkits') {
    return { name: 'getToolkit', method: 'GET', upstreamPath: `/api/v3/toolkits/${id}`, id };
  }
  return undefined;
}

/** Normalises a base path: a leading `/`, no trailing one (`''` for the root). */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/[A-Za-z0-9_\-./]*$/.test(trimmed) || trimmed.includes('//') || trimmed.includes('..')) {
    throw new TypeError(`basePath must be a plain absolute path such as /api/connect (got ${basePath})`);
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
