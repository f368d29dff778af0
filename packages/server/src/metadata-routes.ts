// The two read-only field-metadata routes (`fieldMetadata: true`): what `getAuthFields` reads.
import { authConfigRefSchema, toolkitSchema } from '@plugboard/core/internal';
import { reportAuthConfig } from './misconfiguration';
import type { RouteHandler } from './services';
import { reply } from './upstream';

const TOOLKITS_REMEMBERED = 1000;

export const getAuthConfig: RouteHandler = async (services, call) => {
  const { exchange } = call;
  const id = call.route.id ?? '';
  exchange.authConfigId = id;
  if (!(await services.policy.isAllowed(id, call.userId, call.request))) {
    reportAuthConfig(services.options.logger, id, services.policy.allowedIds === undefined);
    return exchange.fail(403, 'Proxy_AuthConfigNotAllowed', 'This auth config may not be used here');
  }
  // Only what getAuthFields reads goes to the browser: an auth config also holds `credentials`.
  const result = await services.upstream.call(
    exchange,
    { method: 'GET', path: `auth_configs/${id}` },
    undefined,
    authConfigRefSchema,
  );
  if (result.kind === 'error') return result.response;
  if (services.knownToolkits.size >= TOOLKITS_REMEMBERED) services.knownToolkits.clear();
  services.knownToolkits.add(result.json.toolkit.slug);
  return reply(exchange, result);
};

export const getToolkit: RouteHandler = async (services, call) => {
  if (!services.knownToolkits.has(call.route.id ?? '')) {
    return call.exchange.fail(
      403,
      'Proxy_AuthConfigNotAllowed',
      'Read an allowed auth config of this toolkit first',
      {
        suggestedFix: `GET ${services.options.basePath}/api/v3/auth_configs/{id} of an allowed auth config, then its toolkit`,
      },
    );
  }
  return reply(
    call.exchange,
    await services.upstream.call(
      call.exchange,
      { method: 'GET', path: `toolkits/${call.route.id ?? ''}` },
      undefined,
      toolkitSchema,
    ),
  );
};
