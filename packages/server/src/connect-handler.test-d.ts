import type http from 'node:http';
import { expectTypeOf, test } from 'vitest';
import {
  type ConnectHandler,
  createConnectHandler,
  createNextRouteHandlers,
  type NodeContext,
  toExpress,
  toNodeHandler,
} from './index';

const base = { apiKey: 'k', allowedAuthConfigIds: ['ac_1'] };

test('a handler is a Fetch handler with a basePath', () => {
  const handler = createConnectHandler({ ...base, getUserId: () => 'u' });
  expectTypeOf(handler).toMatchTypeOf<(request: Request) => Promise<Response>>();
  expectTypeOf(handler.basePath).toEqualTypeOf<string>();
});

test('getUserId may be async and may return nothing; its context is typed by the glue', () => {
  createConnectHandler({ ...base, getUserId: async () => null });
  createConnectHandler<NodeContext<http.IncomingMessage, http.ServerResponse>>({
    ...base,
    getUserId: (_request, context) => {
      expectTypeOf(context).toEqualTypeOf<
        NodeContext<http.IncomingMessage, http.ServerResponse> | undefined
      >();
      return context?.req.headers['x-user'] as string | undefined;
    },
  });
  // @ts-expect-error getUserId is required
  createConnectHandler({ ...base });
  // @ts-expect-error a user id is a string
  createConnectHandler({ ...base, getUserId: () => 42 });
});

test('the allowlist is an array or a predicate', () => {
  createConnectHandler({
    apiKey: 'k',
    getUserId: () => 'u',
    allowedAuthConfigIds: (id, { userId }) => id === userId,
  });
  // @ts-expect-error not a set
  createConnectHandler({ apiKey: 'k', getUserId: () => 'u', allowedAuthConfigIds: new Set(['ac_1']) });
});

test('Node glue accepts Node’s own request and response types; Next handlers take a Request', () => {
  const handler: ConnectHandler<NodeContext<http.IncomingMessage, http.ServerResponse>> =
    createConnectHandler({
      ...base,
      getUserId: () => 'u',
    });
  expectTypeOf(toNodeHandler(handler)).toMatchTypeOf<http.RequestListener>();
  expectTypeOf(toExpress(handler)).parameter(2).toMatchTypeOf<(error?: unknown) => void>();
  const { GET, POST } = createNextRouteHandlers(createConnectHandler({ ...base, getUserId: () => 'u' }));
  expectTypeOf(GET).parameter(0).toEqualTypeOf<Request>();
  expectTypeOf(POST).returns.toEqualTypeOf<Promise<Response>>();
});
