// The two POST routes that start a connection: a link session, and a connected account.
import {
  createConnectedAccountRequestSchema,
  issueStrings,
  linkSessionRequestSchema,
  normalizeCreateConnectedAccountRequest,
} from '@plugboard/core/internal';
import { asRecord, urlsIn } from './policy';
import { readJsonBody } from './request-body';
import type { RouteCall, RouteHandler, Services } from './services';
import { reply } from './upstream';

const userIdNotAllowed = (call: RouteCall, field: string) =>
  call.exchange.fail(
    400,
    'Proxy_UserIdNotAllowed',
    'user_id is set by the server from your session; do not send it',
    {
      errors: [`${field}: not allowed`],
    },
  );

const validationFailed = (call: RouteCall, issues: Parameters<typeof issueStrings>[0]) =>
  call.exchange.fail(400, 'Proxy_ValidationFailed', 'The request body is invalid', {
    errors: issueStrings(issues),
  });

/**
 * What both POST routes do once the body is valid: the allowlist, then the origin of every
 * callback-like URL (`callbackField` names the field in the 400's `errors`), then upstream.
 */
async function forwardPost(
  services: Services,
  call: RouteCall,
  post: {
    path: string;
    authConfigId: string;
    callbackUrls: unknown[];
    callbackField: string;
    upstreamBody: unknown;
  },
): Promise<Response> {
  const { exchange } = call;
  exchange.authConfigId = post.authConfigId;
  if (!(await services.policy.isAllowed(post.authConfigId, call.userId, call.request))) {
    return exchange.fail(403, 'Proxy_AuthConfigNotAllowed', 'This auth config may not be used here');
  }
  if (!post.callbackUrls.every(services.policy.isAllowedCallback)) {
    return exchange.fail(
      400,
      'Proxy_CallbackOriginNotAllowed',
      'callback_url must point to an allowed origin',
      {
        errors: [`${post.callbackField}: origin not allowed`],
      },
    );
  }
  return reply(
    exchange,
    await services.upstream.call(exchange, { method: 'POST', path: post.path }, post.upstreamBody),
  );
}

export const createLinkSession: RouteHandler = async (services, call) => {
  const body = await readJsonBody(call.exchange, call.request);
  if (body instanceof Response) return body;
  if (body.user_id !== undefined) return userIdNotAllowed(call, 'user_id');
  const parsed = linkSessionRequestSchema.safeParse({ ...body, user_id: call.userId });
  if (!parsed.success) return validationFailed(call, parsed.error.issues);
  // connection_data keeps the keys a toolkit adds (Zendesk's `email`): the schema names only the documented ones.
  const input =
    parsed.data.connection_data === undefined
      ? parsed.data
      : {
          ...parsed.data,
          connection_data: { ...(body.connection_data as object), ...parsed.data.connection_data },
        };
  return forwardPost(services, call, {
    path: 'connected_accounts/link',
    authConfigId: input.auth_config_id,
    callbackUrls: [input.callback_url, ...urlsIn(input.connection_data)],
    callbackField: 'callback_url',
    upstreamBody: input,
  });
};

export const createConnectedAccount: RouteHandler = async (services, call) => {
  const body = await readJsonBody(call.exchange, call.request);
  if (body instanceof Response) return body;
  if (asRecord(body.connection)?.user_id !== undefined || body.user_id !== undefined) {
    return userIdNotAllowed(call, 'connection.user_id');
  }
  const parsed = createConnectedAccountRequestSchema.safeParse(body);
  if (!parsed.success) return validationFailed(call, parsed.error.issues);
  const connection = parsed.data.connection;
  // Both callback fields are checked as sent; normalising then folds redirect_uri into callback_url.
  const normalized = normalizeCreateConnectedAccountRequest(parsed.data);
  return forwardPost(services, call, {
    path: 'connected_accounts',
    authConfigId: parsed.data.auth_config.id,
    callbackUrls: [
      connection.callback_url,
      connection.redirect_uri,
      ...urlsIn(connection.state?.val),
      ...urlsIn(connection.data),
    ],
    callbackField: 'connection.callback_url',
    upstreamBody: { ...normalized, connection: { ...normalized.connection, user_id: call.userId } },
  });
};
