/**
 * Wire schemas of the Composio v3 connected-accounts API, as documented in the seed
 * endpoint documents (`POST /api/v3/connected_accounts/link`, `POST /api/v3/connected_accounts`)
 * and the notes on the rest of the API. v3.1 additions are accepted too.
 *
 * Responses use plain `z.object`: unknown keys are tolerated and stripped, because the API
 * adds fields over time (v3.1 adds several) and a client must not break on them.
 *
 * Written with `zod/mini` (functional `z.optional(…)`, `.check(…)`): a browser app parses every
 * response with these, and mini tree-shakes to the schema kinds used where classic `zod` brings
 * its whole chainable API. The field catalog and the form's schema use mini as well. Mini and
 * classic schemas are both zod v4 core, so they mix freely (an app's own classic validator in a
 * field spec, an app's own `z.object` around one of these). Mini loads no
 * locale: `describeIssue` in `http-backend.ts` words the issues the kit reports itself.
 */

// The wire's schemas by concern; this file only re-exports them (it holds no code, so an app's
// bundle pays for the modules it uses, never for this one).
export * from './wire-connection';
export * from './wire-requests';
export * from './wire-responses';
export * from './wire-toolkits';
export * from './wire-values';
