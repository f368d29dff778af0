import type { Exchange } from './exchange';
import type { ResolvedOptions } from './options';
import type { Policy } from './policy';
import type { RouteMatch } from './routes';
import type { Upstream } from './upstream';

/** What every route may use: built once per handler. */
export interface Services {
  options: ResolvedOptions<unknown>;
  policy: Policy<unknown>;
  upstream: Upstream;
  /** Toolkits whose auth config this handler served: the only ones `GET toolkits/{slug}` may read. */
  knownToolkits: Set<string>;
}

/** One request that passed the checks every route shares: a route, a method, an origin, a user. */
export interface RouteCall {
  exchange: Exchange;
  request: Request;
  route: RouteMatch;
  userId: string;
}

export type RouteHandler = (services: Services, call: RouteCall) => Promise<Response>;
