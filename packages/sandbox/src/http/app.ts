import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { errors } from '../envelope';
import { randomId } from '../ids';
import { apiRoutes } from './api-routes';
import { errorResponse, type HttpDeps, type SandboxEnv } from './context';
import { controlRoutes } from './control-routes';
import { linkRoutes } from './link-routes';

/** Whether every segment of a path decodes: a malformed escape (`%E0%A4%A`) matches no route. */
function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The sandbox's HTTP layer on Hono: request ids, CORS (Hono's middleware, after refusing
 * preflights from unknown origins with an envelope), then the API routes under `/api/v3` and
 * `/api/v3.1`, the hosted link page and the control routes. Every error is Composio's envelope.
 */
export function createApp(deps: HttpDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });

  app.use(async (c, next) => {
    const requestId = randomId('req', 16);
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
  });
  app.onError((error, c) => errorResponse(deps, error, c.get('requestId')));
  app.notFound((c) =>
    errorResponse(
      deps,
      errors.notFound(
        'Route_NotFound',
        404,
        `No route ${c.req.method} ${new URL(c.req.url).pathname} in the sandbox`,
      ),
      c.get('requestId'),
    ),
  );

  // No route takes OPTIONS: every preflight is answered here, for known routes or not.
  app.use(async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS' && (origin === undefined || !deps.corsOrigins.has(origin))) {
      throw errors.forbiddenOrigin(origin ?? '(none)');
    }
    await next();
  });
  app.use(
    cors({
      origin: (origin) => (deps.corsOrigins.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
      allowHeaders: ['content-type', 'x-api-key', 'x-user-api-key'],
      exposeHeaders: ['x-request-id'],
      maxAge: 600,
    }),
  );
  app.use(async (c, next) => {
    if (!decodable(new URL(c.req.url).pathname)) {
      throw errors.notFound(
        'Route_NotFound',
        404,
        `No route ${c.req.method} (a malformed path) in the sandbox`,
      );
    }
    await next();
  });

  controlRoutes(app, deps);
  linkRoutes(app, deps);
  app.route('/api/v3', apiRoutes(deps, 'v3'));
  app.route('/api/v3.1', apiRoutes(deps, 'v3.1'));
  return app;
}
