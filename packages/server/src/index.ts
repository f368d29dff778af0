export {
  type ApiVersion,
  type AuthConfigAllowlist,
  type ConnectHandler,
  type ConnectHandlerOptions,
  type ConnectLogEntry,
  type ConnectLogger,
  createConnectHandler,
  DEFAULT_BASE_PATH,
  DEFAULT_BASE_URL,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_BODY_BYTES,
} from './connect-handler';
export type { EnvelopeBody, ProxyErrorSlug } from './envelope';
export { createNextRouteHandlers, type NextRouteHandlers } from './next-route-handlers';
export {
  type NodeContext,
  type NodeNext,
  type NodeRequestLike,
  type NodeResponseLike,
  toExpress,
  toNodeHandler,
} from './node-handler';
export type { RouteName } from './routes';
