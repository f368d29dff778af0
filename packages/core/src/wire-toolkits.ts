import * as z from 'zod/mini';
import { isUserVisible } from './field-name';
import { pageSchema } from './wire-responses';
import {
  isPrimitiveDefault,
  jsonRecord,
  oneOf,
  openAuthSchemeSchema,
  wireBoolean,
  wireNumber,
} from './wire-values';

// ── Toolkit field metadata and auth configs ──────────────────────────────────────────────

/** A field a user fills, as Composio publishes it in a toolkit's `auth_config_details`. */
export const toolkitFieldSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  type: z.string(),
  description: z.string(),
  required: wireBoolean,
  // A custom check rather than `z.nullable(z.union(…))` of three primitives: same type, a smaller
  // browser bundle.
  default: z.optional(
    z.custom<string | number | boolean | null>(
      (value) => value === null || isPrimitiveDefault(value),
      'Expected a string, number, boolean or null',
    ),
  ),
  legacy_template_name: z.optional(z.string()),
  is_secret: z.optional(wireBoolean),
  /** `false`: a field the user does not fill. It is never rendered (`fieldsOf` leaves it out). */
  user_visible: z.optional(wireBoolean),
});
export type ToolkitField = z.infer<typeof toolkitFieldSchema>;

/**
 * A group of fields. A missing group, or a missing list in one, means no fields: `fieldsOf` reads
 * it so. Optional rather than `z._default(…)`: the browser parses this in `getAuthFields`, and
 * zod's default machinery would be the only thing there that needs it.
 */
export const fieldGroupSchema = z.optional(
  z.object({
    required: z.optional(z.array(toolkitFieldSchema)),
    optional: z.optional(z.array(toolkitFieldSchema)),
  }),
);
export type FieldGroup = z.infer<typeof fieldGroupSchema>;

/**
 * A group's fields a user fills, required ones first: `{ required: [], optional: [] }` when it is
 * missing. Fields with `user_visible: false` are left out.
 */
export function fieldsOf(group: FieldGroup): ToolkitField[] {
  return [...(group?.required ?? []), ...(group?.optional ?? [])].filter(isUserVisible);
}

export const authConfigDetailsSchema = z.object({
  /** Any string at Composio: a mode the kit does not know is kept, and simply matches no scheme. */
  mode: openAuthSchemeSchema,
  name: z.string(),
  fields: z.optional(
    z.object({
      auth_config_creation: fieldGroupSchema,
      connected_account_initiation: fieldGroupSchema,
    }),
  ),
});
export type AuthConfigDetails = z.infer<typeof authConfigDetailsSchema>;

/** `GET /api/v3/toolkits/{slug}`: only what the kit reads. No `auth_config_details` means none. */
export const toolkitSchema = z.object({
  slug: z.string(),
  name: z.string(),
  meta: z.optional(
    z.object({
      logo: z.optional(z.string()),
      description: z.optional(z.string()),
    }),
  ),
  auth_config_details: z.optional(z.array(authConfigDetailsSchema)),
});
export type Toolkit = z.infer<typeof toolkitSchema>;

/** The fields of an auth config that say which toolkit and scheme it is. */
const authConfigRefShape = {
  id: z.string(),
  toolkit: z.object({ slug: z.string(), logo: z.optional(z.string()) }),
  auth_scheme: z.optional(openAuthSchemeSchema),
};

/**
 * `GET /api/v3/auth_configs/{id}` read for its toolkit and scheme only: what `getAuthFields` needs.
 * A browser parses this rather than `authConfigSchema`, so a change to fields the kit never reads
 * (a new `type`, a renamed counter) cannot break a form; the sandbox and tests hold the full one.
 */
export const authConfigRefSchema = z.object(authConfigRefShape);
export type AuthConfigRef = z.infer<typeof authConfigRefSchema>;

export const authConfigSchema = z.object({
  ...authConfigRefShape,
  uuid: z.string(),
  type: oneOf(['default', 'custom']),
  name: z.string(),
  is_composio_managed: z.optional(wireBoolean),
  status: oneOf(['ENABLED', 'DISABLED']),
  no_of_connections: wireNumber,
  created_at: z.optional(z.string()),
  last_updated_at: z.optional(z.string()),
  expected_input_fields: z.optional(z.array(toolkitFieldSchema)),
  tool_access_config: jsonRecord(),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const authConfigListSchema = pageSchema(authConfigSchema);
export type AuthConfigList = z.infer<typeof authConfigListSchema>;
