import type { Hono } from 'hono';
import { parseControlAction } from '../control';
import { errors } from '../envelope';
import { type HttpDeps, json, on, originAllowed, type SandboxEnv } from './context';
import { readJson } from './respond';

/** `GET /healthz`, and with `control` on, `GET|POST /_sandbox/control` (no API key: local testing only). */
export function controlRoutes(app: Hono<SandboxEnv>, deps: HttpDeps): void {
  on(app, '/healthz', {
    GET: () =>
      new Response('ok', {
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      }),
  });
  if (!deps.controlRoute) return;
  app.use('/_sandbox/control', async (c, next) => {
    const origin = c.req.header('origin');
    if (!originAllowed(deps, origin, new URL(c.req.url))) throw errors.forbiddenOrigin(origin ?? '(none)');
    await next();
  });
  on(app, '/_sandbox/control', {
    GET: () => json(deps, 200, deps.control.describe()),
    POST: async (c) => {
      const body = await readJson(c.req.raw);
      const list = Array.isArray(body) ? body : [body];
      const actions = list.map((item, index) =>
        parseControlAction(item, Array.isArray(body) ? `body.${index}` : 'body'),
      );
      const results: unknown[] = [];
      for (const action of actions) results.push(await deps.applyAction(action));
      return json(deps, 200, Array.isArray(body) ? results : results[0]);
    },
  });
}
