import type * as z from 'zod/mini';
import type { ConnectBackend, RequestOptions } from './backend';
import { ConnectError } from './connect-error';
import {
  type ConnectedAccountFilters,
  connectedAccountFiltersSchema,
  connectedAccountPageOf,
  connectedAccountPageResponseSchema,
  connectedAccountsQuery,
  setAccountEnabledRequestSchema,
  successResponseSchema,
} from './wire-accounts';

/** The request core of `createHttpBackend`: sends one call and parses its 2xx body with `schema`. */
export type SendCall = <S extends z.ZodMiniType>(
  call: { method: 'GET' | 'POST' | 'DELETE' | 'PATCH'; path: string; body?: unknown },
  schema: S,
  options: RequestOptions | undefined,
) => Promise<z.output<S>>;

/** What the account methods borrow from `createHttpBackend`. */
export interface AccountMethodsContext {
  send: SendCall;
  /** The API's path prefix, `/api/v3` or `/api/v3.1`. */
  api: string;
  /** Refuses an input that fails `schema` with `invalid_request`, before any byte is sent. */
  checkRequest: (schema: z.ZodMiniType, input: unknown, what: string) => void;
  /** Refuses an id that is not a non-empty string with `invalid_request`. */
  checkId: (id: unknown, label: string) => void;
}

type AccountMethods = Pick<
  ConnectBackend,
  'listConnectedAccounts' | 'deleteConnectedAccount' | 'setConnectedAccountEnabled'
>;

/**
 * `createHttpBackend`'s list, delete and enable / disable: the wire of
 * `GET|DELETE {api}/connected_accounts[/{id}]` and `PATCH {api}/connected_accounts/{id}/status`.
 */
export function accountMethods({ send, api, checkRequest, checkId }: AccountMethodsContext): AccountMethods {
  const accountPath = (id: string) => `${api}/connected_accounts/${encodeURIComponent(id)}`;

  /** A 2xx `{ success: false }` did not do what was asked: never reported as done. */
  const expectSuccess = (body: { success: boolean }, what: string) => {
    if (body.success) return;
    throw new ConnectError('invalid_response', {
      message: `${what} answered success: false`,
      path: 'success',
    });
  };

  return {
    async listConnectedAccounts(filters?: ConnectedAccountFilters, options?: RequestOptions) {
      const what = `GET ${api}/connected_accounts`;
      checkRequest(connectedAccountFiltersSchema, filters ?? {}, what);
      const body = await send(
        { method: 'GET', path: `${api}/connected_accounts${connectedAccountsQuery(filters)}` },
        connectedAccountPageResponseSchema,
        options,
      );
      return connectedAccountPageOf(body);
    },

    async deleteConnectedAccount(id: string, options?: RequestOptions) {
      checkId(id, 'connected account id');
      const path = accountPath(id);
      expectSuccess(await send({ method: 'DELETE', path }, successResponseSchema, options), `DELETE ${path}`);
    },

    async setConnectedAccountEnabled(id: string, enabled: boolean, options?: RequestOptions) {
      checkId(id, 'connected account id');
      const path = `${accountPath(id)}/status`;
      checkRequest(setAccountEnabledRequestSchema, { enabled }, `PATCH ${path}`);
      expectSuccess(
        await send({ method: 'PATCH', path, body: { enabled } }, successResponseSchema, options),
        `PATCH ${path}`,
      );
    },
  };
}
