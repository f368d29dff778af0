// Routes on the user's connected accounts: read, list, delete, enable/disable. Each account is
// checked to be the session user's and on the allowlist; one that is not answers like a missing
// one (404, same slug, message and a request id of our own), so nobody learns that it exists.
import { type AccountSummaryJson, summarizeAccount } from './account-summary';
import { parseListQuery, upstreamListQuery } from './list-query';
import { reportAuthConfig } from './misconfiguration';
import { asRecord } from './policy';
import { readJsonBody } from './request-body';
import type { RouteCall, RouteHandler, Services } from './services';
import { reply } from './upstream';

const notFound = (call: RouteCall) =>
  call.exchange.fail(404, 'ConnectedAccount_NotFound', 'No connected account found');

const notAnAccount = (call: RouteCall) =>
  call.exchange.fail(
    502,
    'Proxy_UpstreamInvalidResponse',
    'The Composio API answered with a body that is not an account',
  );

/** Whether an account is the user's and on the allowlist: the rule every account route applies. */
async function isOwnAccount(
  services: Services,
  call: RouteCall,
  account: AccountSummaryJson,
  allowed: (authConfigId: string) => Promise<boolean> = (id) =>
    services.policy.isAllowed(id, call.userId, call.request),
): Promise<boolean> {
  return account.user_id === call.userId && (await allowed(account.auth_config.id));
}

interface OwnAccount {
  summary: AccountSummaryJson;
  requestId: string | undefined;
}

/** Reads the route's account upstream: its summary if it is the user's and allowed, else the answer to send. */
async function readOwnAccount(services: Services, call: RouteCall): Promise<OwnAccount | Response> {
  const result = await services.upstream.call(call.exchange, {
    method: 'GET',
    path: `connected_accounts/${call.route.id}`,
  });
  if (result.kind === 'error') return result.status === 404 ? notFound(call) : result.response;
  const account = summarizeAccount(result.json);
  if (account === undefined) return notAnAccount(call);
  call.exchange.authConfigId = account.auth_config.id;
  if (!(await isOwnAccount(services, call, account))) return notFound(call);
  return { summary: account, requestId: result.requestId };
}

export const getConnectedAccount: RouteHandler = async (services, call) => {
  const account = await readOwnAccount(services, call);
  if (account instanceof Response) return account;
  // The summary, never upstream's body: `state`, `data` and `params` hold tokens unless masked.
  return call.exchange.json(200, account.summary, account.requestId ?? call.exchange.requestId);
};

export const listConnectedAccounts: RouteHandler = async (services, call) => {
  const { exchange } = call;
  const parsed = parseListQuery(new URL(call.request.url).searchParams);
  if (parsed.kind === 'user_id') {
    return exchange.fail(
      400,
      'Proxy_UserIdNotAllowed',
      'The list is always of your own accounts; do not send user_ids',
      {
        errors: ['user_ids: not allowed'],
      },
    );
  }
  if (parsed.kind === 'invalid') {
    return exchange.fail(400, 'Proxy_ValidationFailed', 'The list filters are invalid', {
      errors: parsed.errors,
    });
  }
  const { query } = parsed;
  for (const id of query.authConfigIds ?? []) {
    if (!(await services.policy.isAllowed(id, call.userId, call.request))) {
      exchange.authConfigId = id;
      reportAuthConfig(services.options.logger, id, services.policy.allowedIds === undefined);
      return exchange.fail(403, 'Proxy_AuthConfigNotAllowed', 'This auth config may not be used here');
    }
  }
  // With an array allowlist and no filter of the client's, upstream lists the allowed configs only.
  const authConfigIds = query.authConfigIds ?? services.policy.allowedIds;
  if (authConfigIds !== undefined && authConfigIds.length === 0) {
    return exchange.json(200, {
      items: [],
      next_cursor: null,
      total_pages: 0,
      current_page: 0,
      total_items: 0,
    });
  }
  const result = await services.upstream.call(exchange, {
    method: 'GET',
    path: 'connected_accounts',
    query: upstreamListQuery(call.userId, query, authConfigIds),
  });
  if (result.kind === 'error') return result.response;
  const items = result.json.items;
  if (!Array.isArray(items)) return notAnAccount(call);
  const summaries: AccountSummaryJson[] = [];
  // An allowlist function is asked once per auth config of the page, not once per account.
  const answers = new Map<string, Promise<boolean>>();
  const allowedOnce = (id: string) => {
    const answer = answers.get(id) ?? services.policy.isAllowed(id, call.userId, call.request);
    answers.set(id, answer);
    return answer;
  };
  for (const item of items) {
    const account = summarizeAccount(item);
    if (account === undefined) return notAnAccount(call);
    // Upstream filtered already; checked again, so a filter it ignores cannot show another's account.
    if (await isOwnAccount(services, call, account, allowedOnce)) summaries.push(account);
  }
  const page: Record<string, unknown> = {
    items: summaries,
    next_cursor: stringOrNull(result.json.next_cursor),
  };
  // Counts that include accounts the user may not see are dropped rather than passed on wrong.
  const filtered = summaries.length < items.length;
  for (const key of filtered ? ['current_page'] : ['total_pages', 'current_page', 'total_items']) {
    if (typeof result.json[key] === 'number') page[key] = result.json[key];
  }
  return exchange.json(200, page, result.requestId ?? exchange.requestId);
};

export const deleteConnectedAccount: RouteHandler = async (services, call) => {
  const account = await readOwnAccount(services, call);
  if (account instanceof Response) return account;
  const result = await services.upstream.call(call.exchange, {
    method: 'DELETE',
    path: `connected_accounts/${account.summary.id}`,
  });
  return successReply(call, result);
};

export const setConnectedAccountEnabled: RouteHandler = async (services, call) => {
  const { exchange } = call;
  const body = await readJsonBody(exchange, call.request, services.options.bodyTimeoutMs);
  if (body instanceof Response) return body;
  if (body.user_id !== undefined) {
    return exchange.fail(
      400,
      'Proxy_UserIdNotAllowed',
      'user_id is set by the server from your session; do not send it',
      {
        errors: ['user_id: not allowed'],
      },
    );
  }
  const extra = Object.keys(body).filter((key) => key !== 'enabled');
  if (typeof body.enabled !== 'boolean' || extra.length > 0) {
    return exchange.fail(400, 'Proxy_ValidationFailed', 'The request body is invalid', {
      errors: [
        ...(typeof body.enabled === 'boolean' ? [] : ['enabled: Invalid input: expected boolean']),
        ...extra.map((key) => `${key}: not a field of this route`),
      ],
    });
  }
  const account = await readOwnAccount(services, call);
  if (account instanceof Response) return account;
  const result = await services.upstream.call(
    exchange,
    { method: 'PATCH', path: `connected_accounts/${account.summary.id}/status` },
    { enabled: body.enabled },
  );
  return successReply(call, result);
};

/** `{ success }` and nothing else of upstream's answer to a delete or a status change. */
function successReply(call: RouteCall, result: Awaited<ReturnType<Services['upstream']['call']>>): Response {
  // The account vanished between the read and the change: still a missing account.
  if (result.kind === 'error') return result.status === 404 ? notFound(call) : result.response;
  return reply(call.exchange, { ...result, json: { success: asRecord(result.json)?.success !== false } });
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
