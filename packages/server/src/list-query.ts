// The list route's query: the filters of core's `ConnectedAccountFilters`, checked one by one, and
// rebuilt for upstream from the checked values only (never copied).
import type { ConnectedAccountFilters } from '@plugboard/core';
import { connectedAccountsQuery } from '@plugboard/core/internal';
import { ID_PATTERN } from './routes';

export type ListQuery = ConnectedAccountFilters;

export type ListQueryResult =
  | { kind: 'ok'; query: ListQuery }
  | { kind: 'user_id' }
  | { kind: 'invalid'; errors: string[] };

/** Statuses are an open set (v3.1 added `REVOKED`): any upper-case word passes on. */
const STATUS_PATTERN = /^[A-Z][A-Z_]{0,31}$/;
const MAX_CURSOR_LENGTH = 1024;
const MAX_LIMIT = 1000;

/** Reads the list filters from a query string; a client's `user_ids` is refused, as `user_id` is. */
export function parseListQuery(params: URLSearchParams): ListQueryResult {
  const query: ListQuery = {};
  const errors: string[] = [];
  const seen = new Set<string>();
  const list = (name: string, value: string, pattern: RegExp): string[] | undefined => {
    const items = value.split(',');
    if (items.every((item) => pattern.test(item))) return items;
    errors.push(`${name}: a comma-separated list of ids`);
    return undefined;
  };
  for (const [name, value] of params) {
    if (name === 'user_ids' || name === 'user_id') return { kind: 'user_id' };
    if (seen.has(name)) {
      errors.push(`${name}: given more than once`);
      continue;
    }
    seen.add(name);
    if (value === '') continue;
    switch (name) {
      case 'auth_config_ids':
        query.authConfigIds = list(name, value, ID_PATTERN);
        break;
      case 'toolkit_slugs':
        query.toolkitSlugs = list(name, value, ID_PATTERN);
        break;
      case 'statuses':
        query.statuses = list(name, value, STATUS_PATTERN);
        break;
      case 'cursor':
        if (value.length <= MAX_CURSOR_LENGTH) query.cursor = value;
        else errors.push(`cursor: at most ${MAX_CURSOR_LENGTH} characters`);
        break;
      case 'limit':
        if (/^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_LIMIT)
          query.limit = Number(value);
        else errors.push(`limit: a whole number from 1 to ${MAX_LIMIT}`);
        break;
      case 'order_by':
        if (value === 'created_at' || value === 'updated_at') query.orderBy = value;
        else errors.push('order_by: created_at or updated_at');
        break;
      case 'order_direction':
        if (value === 'asc' || value === 'desc') query.orderDirection = value;
        else errors.push('order_direction: asc or desc');
        break;
      default:
        errors.push(`${name}: not a filter of this route`);
    }
  }
  return errors.length > 0 ? { kind: 'invalid', errors } : { kind: 'ok', query };
}

/**
 * The upstream query string: the session's user, the checked filters, and `authConfigIds` (the
 * client's or the allowlist). Arrays are comma-joined, as Composio's spec and SDK send them.
 */
export function upstreamListQuery(
  userId: string,
  query: ListQuery,
  authConfigIds: readonly string[] | undefined,
) {
  // Core's query builder (the one createHttpBackend sends), with the session's user in front; an
  // empty allowlist never gets here (the route answers an empty page without asking upstream).
  const rest = connectedAccountsQuery({ ...query, authConfigIds: authConfigIds && [...authConfigIds] });
  return `user_ids=${encodeURIComponent(userId)}${rest === '' ? '' : `&${rest.slice(1)}`}`;
}
