// The two POST routes that start a connection: a link session, and a connected account.
import {
  createConnectedAccountRequestSchema,
  issueStrings,
  linkSessionRequestSchema,
  normalizeCreateConnectedAccountRequest,
} from '@plugboard/core/internal';
import { summarizeCreated, summarizeLinkSession } from './account-summary';
import { reportAuthConfig, reportCallbackOrigins } from './misconfiguration';
import { asRecord, type UrlCheck } from './policy';
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
 * URL-valued key (`urlErrors`), then upstream. The answer is cut to its documented fields.
 */
async function forwardPost(
  services: Services,
  call: RouteCall,
  post: { path: string; authConfigId: string; urls: UrlCheck<unknown>; upstreamBody: unknown },
): Promise<Response> {
  const { exchange } = call;
  exchange.authConfigId = post.authConfigId;
  if (!(await services.policy.isAllowed(post.authConfigId, call.userId, call.request))) {
    reportAuthConfig(services.options.logger, post.authConfigId, services.policy.allowedIds === undefined);
    return exchange.fail(403, 'Proxy_AuthConfigNotAllowed', 'This auth config may not be used here');
  }
  if (post.urls.errors.length > 0) {
    reportCallbackOrigins(services.options.logger, post.urls.refused);
    return exchange.fail(
      400,
      'Proxy_CallbackOriginNotAllowed',
      'callback_url must point to an allowed origin',
      {
        errors: post.urls.errors,
      },
    );
  }
  const result = await services.upstream.call(
    exchange,
    { method: 'POST', path: post.path },
    post.upstreamBody,
  );
  if (result.kind === 'ok') {
    const created =
      post.path === 'connected_accounts' ? summarizeCreated(result.json) : summarizeLinkSession(result.json);
    if (created === undefined) {
      return exchange.fail(
        502,
        'Proxy_UpstreamInvalidResponse',
        'The Composio API answered with a body that does not match the API',
      );
    }
    return reply(exchange, { ...result, json: created });
  }
  return reply(exchange, result);
}

/**
 * A toolkit's own `connection_data` keys (Zendesk's `email`) beside the schema's: kept only as
 * the strings, numbers, booleans or null a form sends, never an object the schema did not check.
 */
function withToolkitKeys(raw: unknown, parsed: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(asRecord(raw) ?? {})) {
    if (!(key in parsed) && (value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
      extra[key] = value;
    }
  }
  return { ...extra, ...parsed };
}

export const createLinkSession: RouteHandler = async (services, call) => {
  const body = await readJsonBody(call.exchange, call.request, services.options.bodyTimeoutMs);
  if (body instanceof Response) return body;
  if (body.user_id !== undefined) return userIdNotAllowed(call, 'user_id');
  const parsed = linkSessionRequestSchema.safeParse({ ...body, user_id: call.userId });
  if (!parsed.success) return validationFailed(call, parsed.error.issues);
  const { connection_data: connectionData, ...session } = parsed.data;
  const input =
    connectionData === undefined
      ? session
      : { ...session, connection_data: withToolkitKeys(body.connection_data, connectionData) };
  // Every URL the browser sent, checked and forwarded as the check parsed it.
  const checked = services.policy.checkUrls(input, '');
  return forwardPost(services, call, {
    path: 'connected_accounts/link',
    authConfigId: input.auth_config_id,
    urls: checked,
    upstreamBody: checked.value,
  });
};

export const createConnectedAccount: RouteHandler = async (services, call) => {
  const body = await readJsonBody(call.exchange, call.request, services.options.bodyTimeoutMs);
  if (body instanceof Response) return body;
  if (asRecord(body.connection)?.user_id !== undefined || body.user_id !== undefined) {
    return userIdNotAllowed(call, 'connection.user_id');
  }
  const parsed = createConnectedAccountRequestSchema.safeParse(body);
  if (!parsed.success) return validationFailed(call, parsed.error.issues);
  // Every URL is checked as sent (redirect_uri included); normalising then folds redirect_uri into callback_url.
  const asSent = services.policy.checkUrls(parsed.data.connection, 'connection');
  const normalized = normalizeCreateConnectedAccountRequest(parsed.data);
  const connection = services.policy.checkUrls(normalized.connection, 'connection').value;
  return forwardPost(services, call, {
    path: 'connected_accounts',
    authConfigId: parsed.data.auth_config.id,
    urls: asSent,
    upstreamBody: { ...normalized, connection: { ...connection, user_id: call.userId } },
  });
};
