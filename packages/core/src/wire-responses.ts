import * as z from 'zod/mini';
import { readConnectionStateSchema } from './wire-connection';
import {
  experimental,
  jsonRecord,
  openAuthSchemeSchema,
  openStatusSchema,
  wireBoolean,
  wireNullableString,
  wireNumber,
} from './wire-values';

// ── POST /api/v3/connected_accounts/link ─────────────────────────────────────────────────

export const linkSessionResponseSchema = z.object({
  link_token: z.string(),
  redirect_url: z.string(),
  expires_at: z.string(),
  connected_account_id: z.string(),
  experimental: experimental(),
});
export type LinkSession = z.infer<typeof linkSessionResponseSchema>;

// ── POST /api/v3/connected_accounts ──────────────────────────────────────────────────────

export const createConnectedAccountResponseSchema = z.object({
  id: z.string(),
  connectionData: readConnectionStateSchema,
  /** @deprecated */
  status: openStatusSchema,
  /** @deprecated */
  redirect_url: z.optional(wireNullableString),
  /** @deprecated */
  redirect_uri: z.optional(wireNullableString),
  /**
   * @deprecated use `id` and `auth_config.id`. Marked for removal; v3.1 omits it. The kit reads
   * nothing of it, so its uuids are taken as the strings they are.
   */
  deprecated: z.optional(z.object({ uuid: z.string(), authConfigUuid: z.string() })),
  experimental: experimental(),
});
export type CreatedConnectedAccount = z.infer<typeof createConnectedAccountResponseSchema>;

// ── GET /api/v3/connected_accounts/{id} and the list ─────────────────────────────────────

/**
 * What an account is without `state`, `data` and `params` (which may hold its tokens): the fields a
 * browser may read, cache or render. A list item parsed with these drops the three on arrival.
 */
export const connectedAccountSummaryShape = {
  toolkit: z.object({ slug: z.string() }),
  auth_config: z.object({
    id: z.string(),
    auth_scheme: openAuthSchemeSchema,
    is_composio_managed: z.optional(wireBoolean),
    is_disabled: z.optional(wireBoolean),
    deprecated: z.optional(z.object({ uuid: z.string() })),
  }),
  id: z.string(),
  /** Marked deprecated upstream; a proxy that binds the user may leave it out. */
  user_id: z.optional(z.string()),
  /** Open: a status the kit does not know is kept as it is (see `accountOutcome`). */
  status: openStatusSchema,
  created_at: z.string(),
  updated_at: z.optional(z.string()),
  status_reason: z.optional(wireNullableString),
  is_disabled: z.optional(wireBoolean),
  test_request_endpoint: z.optional(z.string()),
  /** v3.1: the account's name and word id, and its `experimental` block, kept as they are. */
  alias: z.optional(wireNullableString),
  word_id: z.optional(wireNullableString),
  experimental: experimental(),
};

/**
 * `GET /api/v3/connected_accounts/{id}`. `state`, `data` and `params` are optional: the kit uses
 * none of them, and a proxy (`@plugboard/server`) answers with the summary alone.
 */
export const connectedAccountSchema = z.object({
  ...connectedAccountSummaryShape,
  state: z.optional(readConnectionStateSchema),
  /** @deprecated */
  data: z.optional(jsonRecord()),
  /** @deprecated */
  params: z.optional(jsonRecord()),
});
export type ConnectedAccount = z.infer<typeof connectedAccountSchema>;

/**
 * A page of a documented list: its items and the paging fields. A function, not a shared shape
 * spread into each list, so that a bundle that uses no list keeps none of it.
 */
/*#__NO_SIDE_EFFECTS__*/
export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    next_cursor: wireNullableString,
    total_pages: wireNumber,
    current_page: wireNumber,
    total_items: wireNumber,
  });
}

export const connectedAccountListSchema = pageSchema(connectedAccountSchema);
export type ConnectedAccountList = z.infer<typeof connectedAccountListSchema>;

// ── Error envelope ───────────────────────────────────────────────────────────────────────

/**
 * The error envelope. Only `message` is required: the spec does not require `slug` (nor does its
 * own `Error` schema have it), and an envelope without `code` or `status` still carries the
 * message, suggested fix and errors the user needs. The HTTP status stands in for `status`.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.optional(wireNumber),
    slug: z.optional(z.string()),
    status: z.optional(wireNumber),
    request_id: z.optional(z.string()),
    suggested_fix: z.optional(z.string()),
    errors: z.optional(z.array(z.string())),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
