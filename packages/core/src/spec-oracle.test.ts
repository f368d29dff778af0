// @vitest-environment node
// The tolerant reader against Composio's own spec: every body the spec allows for a response the
// kit reads (the spec's examples among them) parses, for every variant of an account's `state`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { accountOutcome, CONNECTED_ACCOUNT_SUMMARY_KEYS } from './connect-flow-outcome';
import { createHttpBackend } from './http-backend';
import { fakeFetch, json } from './testing/fake-fetch';
import { arbitraryFromSchema, type JsonSchema, loadSpec, responseSchema } from './testing/spec-arbitrary';
import {
  authConfigRefSchema,
  connectedAccountSchema,
  connectedAccountSummaryShape,
  createConnectedAccountResponseSchema,
  errorEnvelopeSchema,
  linkSessionResponseSchema,
  toolkitSchema,
} from './wire';
import { connectedAccountPageResponseSchema, successResponseSchema } from './wire-accounts';

const spec = loadSpec();
const ACCOUNT = '/api/v3/connected_accounts/{nanoid}';

/** Asserts that `schema` reads every body `body` generates, naming the first issue if not. */
function readsEvery(schema: z.ZodMiniType, body: fc.Arbitrary<unknown>, numRuns = 60) {
  fc.assert(
    fc.property(body, (value) => {
      const result = schema.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(
          `${issue?.path.join('.')}: ${issue?.message} in ${JSON.stringify(value).slice(0, 400)}`,
        );
      }
    }),
    { numRuns },
  );
}

describe('every response body the spec allows reads', () => {
  it.each([
    ['GET an account', ACCOUNT, 'get', '200', connectedAccountSchema],
    ['the list of accounts', '/api/v3/connected_accounts', 'get', '200', connectedAccountPageResponseSchema],
    ['a link session', '/api/v3/connected_accounts/link', 'post', '201', linkSessionResponseSchema],
    ['a created account', '/api/v3/connected_accounts', 'post', '201', createConnectedAccountResponseSchema],
    ['a toolkit', '/api/v3/toolkits/{slug}', 'get', '200', toolkitSchema],
    [
      'an auth config, for its toolkit and scheme',
      '/api/v3/auth_configs/{nanoid}',
      'get',
      '200',
      authConfigRefSchema,
    ],
    ['a delete', ACCOUNT, 'delete', '200', successResponseSchema],
    [
      'an enable / disable',
      '/api/v3/connected_accounts/{nanoId}/status',
      'patch',
      '200',
      successResponseSchema,
    ],
    ['an error envelope', ACCOUNT, 'get', '404', errorEnvelopeSchema],
  ] as const)(
    '%s (%s %s %s)',
    (_name, path, method, status, schema) => {
      readsEvery(schema, arbitraryFromSchema(spec, responseSchema(spec, path, method, status)));
    },
    60_000,
  );

  const account = responseSchema(spec, ACCOUNT, 'get', '200');
  const properties = account.properties as Record<string, JsonSchema>;
  const states = (properties.state?.oneOf ?? []) as JsonSchema[];
  const variants = states.flatMap((state) => {
    const stateProperties = state.properties as Record<string, JsonSchema>;
    const scheme = (stateProperties.authScheme?.enum as string[] | undefined)?.[0];
    return ((stateProperties.val?.oneOf ?? []) as JsonSchema[]).map((val) => {
      const valStatus = (
        (val.properties as Record<string, JsonSchema>).status?.enum as string[] | undefined
      )?.[0];
      const variant = { ...state, properties: { ...stateProperties, val } };
      return [`${scheme} ${valStatus}`, variant] as const;
    });
  });

  it('covers every variant of the state (13 schemes)', () => {
    expect(states).toHaveLength(13);
    expect(variants.length).toBeGreaterThanOrEqual(60);
  });

  it.each(variants)(
    'an account whose state is %s',
    (_name, state) => {
      const body = arbitraryFromSchema(spec, { ...account, properties: { ...properties, state } });
      readsEvery(connectedAccountSchema, body, 25);
    },
    30_000,
  );

  it('through createHttpBackend: any account the spec allows reads, keeping no state, data or params in a list', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryFromSchema(spec, responseSchema(spec, '/api/v3/connected_accounts', 'get', '200')),
        async (body) => {
          const { fetch } = fakeFetch(() => json(body));
          const page = await createHttpBackend({ baseUrl: '', fetch }).listConnectedAccounts();
          for (const item of page.items) {
            expect(
              Object.keys(item).every((key) =>
                (CONNECTED_ACCOUNT_SUMMARY_KEYS as readonly string[]).includes(key),
              ),
            ).toBe(true);
            // Whatever the status, only ACTIVE is a connection.
            expect(accountOutcome(item).status === 'connected').toBe(item.status === 'ACTIVE');
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('the summary allow-list', () => {
  it('names exactly the keys of the summary schema', () => {
    expect([...CONNECTED_ACCOUNT_SUMMARY_KEYS].sort()).toEqual(
      Object.keys(connectedAccountSummaryShape).sort(),
    );
  });
});
