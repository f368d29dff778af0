// @plugboard/server's handler as a Cloudflare Worker: Fetch-standard, no Node API. e2e/examples-worker.spec.ts
// bundles this file and runs it in workerd (through miniflare) against the sandbox server.
import { type ConnectHandler, createConnectHandler } from '@plugboard/server';

export interface Env {
  /** Your Composio key (a Worker secret: `wrangler secret put COMPOSIO_API_KEY`). */
  COMPOSIO_API_KEY: string;
  /** Unset for Composio; the sandbox's URL for local runs. */
  COMPOSIO_BASE_URL?: string;
  /** The origin your page is served from: callback URLs must be on it. */
  APP_ORIGIN: string;
}

let handler: ConnectHandler<unknown> | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    // Made on the first request: a Worker's environment arrives with the request, not at import.
    handler ??= createConnectHandler({
      apiKey: env.COMPOSIO_API_KEY,
      baseUrl: env.COMPOSIO_BASE_URL,
      getUserId: () => 'example-user', // your session's user (e.g. from a verified cookie), never the browser's word
      allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
      callbackOrigins: [env.APP_ORIGIN],
      fieldMetadata: true,
    });
    return handler(request);
  },
};
