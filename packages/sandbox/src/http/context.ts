import { errorEnvelopeSchema } from '@plugboard/core/internal';
import type { Context, Handler, Hono } from 'hono';
import type { ControlAction, SandboxControl, SandboxRoute } from '../control';
import { errors, SandboxHttpError } from '../envelope';
import type { ModelContext } from '../model/context';
import { type BodySchema, dropMidway, errorBody, jsonResponse } from './respond';

/** Hono's environment of the sandbox app: each request's id. */
export type SandboxEnv = { Variables: { requestId: string } };
export type SandboxContext = Context<SandboxEnv>;

/** What the HTTP layer needs besides the model. */
export interface HttpDeps {
  readonly model: ModelContext;
  readonly apiKeys: readonly string[];
  readonly corsOrigins: ReadonlySet<string>;
  readonly assertResponses: boolean;
  /** Serve `/_sandbox/control`. */
  readonly controlRoute: boolean;
  readonly control: SandboxControl;
  applyAction(action: ControlAction): Promise<unknown>;
  /** Whether every hosted page is served with `Cross-Origin-Opener-Policy: same-origin`. */
  coop(): boolean;
}

/** A JSON answer, checked against core's schema when `assertResponses` is on. */
export function json(deps: HttpDeps, status: number, body: unknown, schema?: BodySchema): Response {
  return jsonResponse(status, body, deps.assertResponses ? schema : undefined);
}

/** Any error as Composio's envelope; an unexpected one is logged and answered as a bare 500. */
export function errorResponse(deps: HttpDeps, error: unknown, requestId: string): Response {
  if (error instanceof SandboxHttpError) {
    return json(deps, error.body.status, errorBody(error.body, requestId), errorEnvelopeSchema);
  }
  // Never echo the error text: it could hold request data. The server log has it.
  console.error('[plugboard-sandbox] internal error', requestId, error);
  return json(deps, 500, errorBody(errors.internal().body, requestId), errorEnvelopeSchema);
}

/** Same-origin, no `Origin` (servers, curl), or one of `corsOrigins`. */
export function originAllowed(deps: HttpDeps, origin: string | undefined, url: URL): boolean {
  return (
    origin === undefined ||
    deps.corsOrigins.has(origin) ||
    origin === url.origin ||
    origin === deps.model.publicUrl
  );
}

function checkApiKey(deps: HttpDeps, c: SandboxContext): void {
  const key = c.req.header('x-api-key');
  const userKey = c.req.header('x-user-api-key');
  if (key !== undefined && userKey !== undefined) {
    throw errors.unauthorized('Send exactly one of x-api-key or x-user-api-key, not both');
  }
  const given = key ?? userKey;
  if (given === undefined) throw errors.unauthorized('Missing API key: send the x-api-key header');
  if (!deps.apiKeys.includes(given)) throw errors.unauthorized('Invalid API key');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A route with the sandbox's scripts around it: the origin check and the API key (API routes
 * only; the hosted page takes same-origin form posts), then scripted latency and failure, then
 * the handler; a scripted drop breaks whatever it answered, error envelopes included.
 */
export function scripted(
  deps: HttpDeps,
  name: SandboxRoute,
  kind: 'api' | 'page',
  handler: (c: SandboxContext) => Response | Promise<Response>,
): Handler<SandboxEnv> {
  return async (c) => {
    const requestId = c.get('requestId');
    if (kind === 'api' && !originAllowed(deps, c.req.header('origin'), new URL(c.req.url))) {
      throw errors.forbiddenOrigin(c.req.header('origin') ?? '(none)');
    }
    const script = deps.model.script;
    const delay = script.latencyFor(name);
    if (delay > 0) await sleep(delay);
    let response: Response;
    const failure = script.takeFailure(name);
    if (failure !== undefined) {
      const scriptedError = new SandboxHttpError({
        status: failure.status,
        code: failure.code ?? failure.status,
        slug: failure.slug ?? 'Sandbox_ScriptedFailure',
        message: failure.message ?? `Scripted failure (HTTP ${failure.status}) from the sandbox control`,
        ...(failure.errors && { errors: failure.errors }),
        ...(failure.suggested_fix && { suggested_fix: failure.suggested_fix }),
      });
      response = errorResponse(deps, scriptedError, requestId);
    } else {
      try {
        if (kind === 'api') checkApiKey(deps, c);
        response = await handler(c);
      } catch (error) {
        response = errorResponse(deps, error, requestId);
      }
    }
    return script.takeDrop(name) ? dropMidway(response) : response;
  };
}

/** Registers `methods` on `path` and answers 405 for any other method there. */
export function on(
  app: Hono<SandboxEnv>,
  path: string,
  handlers: Partial<Record<'GET' | 'POST' | 'DELETE' | 'PATCH', Handler<SandboxEnv>>>,
): void {
  for (const [method, handler] of Object.entries(handlers)) app.on(method, path, handler);
  app.all(path, (c) => {
    throw errors.methodNotAllowed(c.req.method);
  });
}

/** A path parameter of the matched route, decoded by Hono. */
export function param(c: SandboxContext, name: string): string {
  return c.req.param(name) ?? '';
}
