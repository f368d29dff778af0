import * as z from 'zod/mini';
import { connectionDataSchema, connectionStateSchema } from './wire-connection';
import { jsonRecord, wireBoolean } from './wire-values';

// ── POST /api/v3/connected_accounts/link ─────────────────────────────────────────────────

/**
 * A request's id: a non-empty string. One refinement rather than `z.minLength(1)`, and a URL one
 * rather than `z.url()`: they accept exactly the same strings (`wire.test.ts` checks it against
 * zod's own kinds by property), and keep zod's `$ZodCheckMinLength` and `$ZodURL` machinery
 * (~0.8 kB min+gzip) out of a browser bundle. The browser's pre-check in `createHttpBackend`, the
 * server proxy and the sandbox all judge a request with these same schemas; the code is
 * `custom`, its message the one zod's English locale words (`Too small: expected at least 1`,
 * `Invalid URL`), which mini would not load.
 */
const requestId = () =>
  z.string().check(z.refine((value) => value.length > 0, 'Too small: expected at least 1'));

/** What `z.url()` accepts (its default options): whatever the URL parser takes once trimmed. */
function isUrl(value: string): boolean {
  try {
    new URL(value.trim());
    return true;
  } catch {
    return false;
  }
}

const requestUrl = () => z.string().check(z.refine(isUrl, 'Invalid URL'));

export const linkSessionRequestSchema = z.object({
  auth_config_id: requestId(),
  user_id: requestId(),
  callback_url: z.optional(z.string()),
  connection_data: z.optional(connectionDataSchema),
  /** v3.1: a name for the account the link creates. */
  alias: z.optional(z.string()),
});
export type LinkSessionRequest = z.infer<typeof linkSessionRequestSchema>;

/**
 * What a browser sends to create a link session: the request without a required `user_id`, which
 * a server proxy (`@plugboard/server`) binds from the session; a direct backend needs it. Spelled
 * out rather than `z.partial(…)`, which brings zod's whole partial machinery to the browser.
 */
export const linkSessionInputSchema = z.object({
  ...linkSessionRequestSchema.shape,
  user_id: z.optional(linkSessionRequestSchema.shape.user_id),
});
export type LinkSessionInput = z.infer<typeof linkSessionInputSchema>;

// ── POST /api/v3/connected_accounts ──────────────────────────────────────────────────────

export const createConnectedAccountRequestSchema = z.object({
  auth_config: z.object({ id: requestId() }),
  connection: z.object({
    state: z.optional(connectionStateSchema),
    /** @deprecated use `state`; see `normalizeCreateConnectedAccountRequest`. */
    data: z.optional(jsonRecord()),
    user_id: z.optional(z.string()),
    callback_url: z.optional(requestUrl()),
    /** @deprecated use `callback_url`. */
    redirect_uri: z.optional(requestUrl()),
    /** @deprecated */
    deprecated_is_v1_rerouted: z.optional(wireBoolean),
  }),
  /** [EXPERIMENTAL] validates only for the API key scheme. */
  validate_credentials: z.optional(wireBoolean),
});
export type CreateConnectedAccountRequest = z.infer<typeof createConnectedAccountRequestSchema>;
