import {
  type AuthScheme,
  type CreateConnectedAccountRequest,
  connectionStateSchema,
  type Open,
} from './wire';

export interface NormalizeOptions {
  /**
   * The auth scheme to wrap a deprecated flat `connection.data` record in (the auth config's).
   * Open, as a state's `authScheme` is: a scheme the kit does not know wraps too. Without it, such
   * a `data` is left as it is and the server decides what it means.
   */
  authScheme?: Open<AuthScheme> | undefined;
}

/**
 * Rewrites the deprecated inputs of `POST /api/v3/connected_accounts` to the current ones:
 * `connection.redirect_uri` → `connection.callback_url`, `connection.data` → `connection.state`.
 *
 * When both the current and the deprecated field are given, **the current one wins and the
 * deprecated one is dropped**. A `data` that is already `{ authScheme, val }` becomes `state` as it
 * is; a flat `data` record becomes `{ authScheme, val: { status: 'ACTIVE', ...data } }` only when
 * `options.authScheme` names the scheme (a `status` inside `data` is kept), otherwise it stays
 * `data`. Everything else, unknown keys included, is passed through untouched. Pure: the input is
 * not modified.
 *
 * @example
 * normalizeCreateConnectedAccountRequest({
 *   auth_config: { id: 'ac_1' },
 *   connection: { redirect_uri: 'https://app.example/cb', data: { api_key: 'k' } },
 * }, { authScheme: 'API_KEY' })
 * // → { auth_config: { id: 'ac_1' }, connection: { callback_url: 'https://app.example/cb',
 * //      state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'k' } } } }
 */
export function normalizeCreateConnectedAccountRequest<T extends CreateConnectedAccountRequest>(
  request: T,
  options: NormalizeOptions = {},
): T {
  const { redirect_uri, data, ...connection } = request.connection;
  const next: CreateConnectedAccountRequest['connection'] = { ...connection };

  if (next.callback_url === undefined && redirect_uri !== undefined) next.callback_url = redirect_uri;

  if (data !== undefined && next.state === undefined) {
    const state = stateFromData(data, options.authScheme);
    if (state === undefined) next.data = data;
    else next.state = state;
  }
  return { ...request, connection: next };
}

function stateFromData(
  data: Record<string, unknown>,
  authScheme: Open<AuthScheme> | undefined,
): CreateConnectedAccountRequest['connection']['state'] {
  const asState = connectionStateSchema.safeParse(data);
  if (asState.success) return data as NonNullable<CreateConnectedAccountRequest['connection']['state']>;
  if (authScheme === undefined) return undefined;
  const candidate = { authScheme, val: { status: 'ACTIVE', ...data } };
  // A `data` that cannot become a valid state (a bad `status`, say) is left for the server to judge.
  return connectionStateSchema.safeParse(candidate).success
    ? (candidate as NonNullable<CreateConnectedAccountRequest['connection']['state']>)
    : undefined;
}
