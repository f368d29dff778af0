// Routes that read or change one of the user's connected accounts.
import type { RouteHandler } from './services';
import { reply } from './upstream';

export const getConnectedAccount: RouteHandler = async (services, call) => {
  const { exchange } = call;
  const result = await services.upstream.call(exchange, call.route);
  // Another user's account and a missing one answer alike, request id included: no existence leak.
  const notFound = () => exchange.fail(404, 'ConnectedAccount_NotFound', 'No connected account found');
  if (result.kind === 'error') return result.status === 404 ? notFound() : result.response;
  if (result.json.user_id !== call.userId) return notFound();
  return reply(exchange, result);
};
