import * as z from 'zod/mini';
import { connectedAccountSummaryShape } from './wire-responses';
import { oneOf, wireBoolean, wireNullableString, wireNumber } from './wire-values';

/**
 * Wire schemas for managing connected accounts after the connect: the list
 * (`GET /api/v3/connected_accounts`), delete (`DELETE …/{id}`) and enable / disable
 * (`PATCH …/{id}/status`). Like the other `wire-*.ts` modules, responses tolerate and strip unknown keys.
 */

// ── GET /api/v3/connected_accounts ───────────────────────────────────────────────────────

/** An account as a browser may hold it: `state`, `data` and `params` are dropped on arrival. */
export const connectedAccountSummarySchema = z.object(connectedAccountSummaryShape);
export type ConnectedAccountSummary = z.infer<typeof connectedAccountSummarySchema>;

/** The orders the list can be sorted in. */
export const ORDER_BY = ['created_at', 'updated_at'] as const;
export const ORDER_DIRECTIONS = ['asc', 'desc'] as const;

/**
 * One value of a comma-joined list filter: non-empty and without a comma, which would split it
 * into two values on the wire (`auth_config_ids=a,b`).
 */
const listValue = () =>
  z
    .string()
    .check(
      z.refine((value) => value.length > 0 && !value.includes(','), 'Must be non-empty and hold no comma'),
    );

/**
 * What a browser may ask the list for. No user ids: a server proxy binds the user from the session.
 * `statuses` is any status string, so one Composio adds later can be asked for too.
 */
export const connectedAccountFiltersSchema = z.object({
  authConfigIds: z.optional(z.array(listValue())),
  toolkitSlugs: z.optional(z.array(listValue())),
  statuses: z.optional(z.array(listValue())),
  cursor: z.optional(z.string()),
  limit: z.optional(
    z.custom<number>(
      (value) => Number.isSafeInteger(value) && (value as number) > 0,
      'Must be a positive integer',
    ),
  ),
  orderBy: z.optional(oneOf(ORDER_BY)),
  orderDirection: z.optional(oneOf(ORDER_DIRECTIONS)),
});
export type ConnectedAccountFilters = z.infer<typeof connectedAccountFiltersSchema>;

/**
 * The list's query string: arrays comma-joined as Composio's spec and SDK send them
 * (`auth_config_ids=a,b`), each value URL-encoded, empty arrays and unset filters left out.
 *
 * @example connectedAccountsQuery({ statuses: ['ACTIVE'], limit: 20 }) // '?statuses=ACTIVE&limit=20'
 */
export function connectedAccountsQuery(filters: ConnectedAccountFilters = {}): string {
  const parts: string[] = [];
  const add = (name: string, value: string | number | readonly string[] | undefined) => {
    if (value === undefined) return;
    if (typeof value === 'object') {
      if (value.length > 0) parts.push(`${name}=${value.map(encodeURIComponent).join(',')}`);
      return;
    }
    parts.push(`${name}=${encodeURIComponent(value)}`);
  };
  add('auth_config_ids', filters.authConfigIds);
  add('toolkit_slugs', filters.toolkitSlugs);
  add('statuses', filters.statuses);
  add('cursor', filters.cursor);
  add('limit', filters.limit);
  add('order_by', filters.orderBy);
  add('order_direction', filters.orderDirection);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/**
 * The list's response as the kit reads it: the items as summaries, and the paging fields. Only
 * `items` is required; a missing `next_cursor` means there is no next page.
 */
export const connectedAccountPageResponseSchema = z.object({
  items: z.array(connectedAccountSummarySchema),
  next_cursor: z.optional(wireNullableString),
  total_pages: z.optional(wireNumber),
  current_page: z.optional(wireNumber),
  total_items: z.optional(wireNumber),
});

/** One page of the list, as `ConnectBackend.listConnectedAccounts` resolves it. */
export interface ConnectedAccountPage {
  items: ConnectedAccountSummary[];
  /** Pass it back as `cursor` for the next page; `null` on the last one. */
  nextCursor: string | null;
  totalPages?: number;
  currentPage?: number;
}

/** The page a parsed list response stands for. */
export function connectedAccountPageOf(
  body: z.infer<typeof connectedAccountPageResponseSchema>,
): ConnectedAccountPage {
  const page: ConnectedAccountPage = { items: body.items, nextCursor: body.next_cursor ?? null };
  if (body.total_pages !== undefined) page.totalPages = body.total_pages;
  if (body.current_page !== undefined) page.currentPage = body.current_page;
  return page;
}

// ── DELETE …/{id} and PATCH …/{id}/status ────────────────────────────────────────────────

/** `{ success }`, the answer of both. */
export const successResponseSchema = z.object({ success: wireBoolean });

/** `PATCH /api/v3/connected_accounts/{id}/status`: enable (ACTIVE) or disable (INACTIVE). */
export const setAccountEnabledRequestSchema = z.object({ enabled: wireBoolean });
export type SetAccountEnabledRequest = z.infer<typeof setAccountEnabledRequestSchema>;
