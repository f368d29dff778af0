import type { ConnectHandler } from './connect-handler';

type RouteHandler = (request: Request, context?: unknown) => Promise<Response>;

/** The route handlers a Next.js App Router `route.ts` exports. */
export interface NextRouteHandlers {
  GET: RouteHandler;
  POST: RouteHandler;
  PUT: RouteHandler;
  PATCH: RouteHandler;
  DELETE: RouteHandler;
}

/**
 * Route handlers for `app/api/connect/[...path]/route.ts`. Every method goes to the handler, so a
 * method no route accepts gets its 405 envelope instead of Next's empty one. Next's second
 * argument (`{ params }`) becomes `getUserId`'s context.
 *
 * @example
 * // app/api/connect/[...path]/route.ts
 * export const { GET, POST, PUT, PATCH, DELETE } = createNextRouteHandlers(handler);
 */
export function createNextRouteHandlers(handler: ConnectHandler<unknown>): NextRouteHandlers {
  const route: RouteHandler = (request, context) => handler(request, context);
  return { GET: route, POST: route, PUT: route, PATCH: route, DELETE: route };
}
