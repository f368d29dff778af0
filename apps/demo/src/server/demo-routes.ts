/**
 * The demo's own routes beside `@plugboard/server`'s `/api/connect` (which lists, disconnects and
 * disables the signed-in user's accounts): the toolkits to list and the sandbox panel's scripts. DEV ONLY: the sandbox route changes what the sandbox answers for everybody, so it exists
 * only in this demo, never in an app that talks to Composio. Nothing here takes a key from, or sends
 * one to, the browser.
 */
import { connectedAccountPageResponseSchema } from '@plugboard/core/internal';
import type { Sandbox } from '@plugboard/sandbox';
import { DEMO_API } from '../demo-api';

/** The demo has one signed-in user; a real app takes the user from its session. */
export const DEMO_USER_ID = 'demo-user';

export interface DemoRoutesOptions {
  sandbox: Sandbox;
  /** The same user the connect handler binds: "expire my connections" touches this user's only. */
  getUserId: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
/** Latency the panel's "slow" switch adds to both create routes: long enough to watch each state. */
export const SLOW_CREATE_MS = 3000;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

function refuse(status: number, slug: string, message: string): Response {
  return json({ error: { message, code: status, slug, status, request_id: crypto.randomUUID() } }, status);
}

function notAllowed(request: Request): Response {
  return refuse(405, 'Method_Not_Allowed', `${request.method} is not allowed`);
}

/** A scripting request from another site would let any page break the demo: same origin only. */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
}

/** The Fetch handler of the demo's routes; any other path is a 404 in the API's error envelope. */
export function createDemoRoutes({ sandbox, getUserId }: DemoRoutesOptions) {
  function scripts() {
    const { latency, failures, denyConsent, expireNewLinks } = sandbox.control.describe();
    return { latency, failures, denyConsent, expireNewLinks };
  }

  /** The toolkits the page lists: read from the sandbox here, so the browser never holds its key. */
  async function authConfigs(): Promise<Response> {
    const upstream = await sandbox.handle(
      new Request(`${sandbox.publicUrl}/api/v3/auth_configs?limit=100`, {
        headers: { 'x-api-key': sandbox.apiKey },
      }),
    );
    return new Response(upstream.body, { status: upstream.status, headers: JSON_HEADERS });
  }

  /**
   * What a provider does when it revokes a refresh token: the user's ACTIVE accounts go EXPIRED.
   * Scripted through the sandbox's status sequence, played by one read of each account.
   */
  async function expireAccounts(request: Request): Promise<number> {
    const userId = await getUserId(request);
    if (!userId) return 0;
    const api = (path: string) =>
      sandbox.handle(
        new Request(new URL(path, sandbox.publicUrl), { headers: { 'x-api-key': sandbox.apiKey } }),
      );
    const list = await api(
      `/api/v3/connected_accounts?user_ids=${encodeURIComponent(userId)}&statuses=ACTIVE&limit=1000`,
    );
    const { items } = connectedAccountPageResponseSchema.parse(await list.json());
    for (const account of items) {
      sandbox.control.setStatusSequence(['EXPIRED'], { accountId: account.id });
      await api(`/api/v3/connected_accounts/${encodeURIComponent(account.id)}`);
    }
    return items.length;
  }

  async function sandboxScript(request: Request): Promise<Response> {
    if (request.method === 'GET') return json(scripts());
    if (request.method !== 'POST') return notAllowed(request);
    if (isCrossSite(request)) return refuse(403, 'Forbidden', 'Cross-site requests are refused');
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return refuse(400, 'Bad_Request', 'The body must be JSON');
    }
    const action = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const on = action.on === true;
    switch (action.action) {
      case 'slowCreate':
        sandbox.control.setLatency(on ? SLOW_CREATE_MS : 0, 'createLinkSession');
        sandbox.control.setLatency(on ? SLOW_CREATE_MS : 0, 'createConnectedAccount');
        break;
      case 'denyConsent':
        sandbox.control.denyConsent(on);
        break;
      case 'failNext':
        sandbox.control.failNext({
          status: 500,
          // What the user does next (connect, disconnect, disable), never a read in the background:
          // the list's polling while an attempt is pending must not use the 500 up.
          route: [
            'createLinkSession',
            'createConnectedAccount',
            'deleteConnectedAccount',
            'setConnectedAccountEnabled',
          ],
          message: 'The sandbox failed this request on purpose (demo panel).',
          suggested_fix: 'Try again: only the next request was scripted to fail.',
        });
        break;
      case 'expireLinks':
        // On: open links expire now and new ones are born expired. Turning it off finds no open
        // link left to expire, since every link made while it was on was born expired.
        sandbox.control.expireLinks({ future: on });
        break;
      case 'expireAccounts':
        // How many expired: the panel says "No connected account to expire" rather than a sentence
        // that claims something happened.
        return json({ ...scripts(), expired: await expireAccounts(request) });
      case 'reset':
        sandbox.control.reset();
        break;
      default:
        return refuse(
          400,
          'Bad_Request',
          'action must be slowCreate, denyConsent, failNext, expireLinks, expireAccounts or reset',
        );
    }
    return json(scripts());
  }

  function route(request: Request): Promise<Response> | Response {
    const { pathname } = new URL(request.url);
    const isGet = request.method === 'GET';
    switch (pathname) {
      case DEMO_API.authConfigs:
        return isGet ? authConfigs() : notAllowed(request);
      case DEMO_API.sandbox:
        return sandboxScript(request);
      default:
        return refuse(404, 'Route_NotFound', `No route ${pathname}`);
    }
  }

  return async function demoRoutes(request: Request): Promise<Response> {
    try {
      return await route(request);
    } catch (error) {
      console.error('[demo] route failed', error);
      return refuse(500, 'Internal', 'The demo server failed');
    }
  };
}
