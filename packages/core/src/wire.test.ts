import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createConnectedAccountResponseExample } from './fixtures/api-examples';
import {
  createConnectedAccountRequestSchema,
  createConnectedAccountResponseSchema,
  errorEnvelopeSchema,
  linkSessionRequestSchema,
  wireBoolean,
  wireNullableString,
  wireNumber,
} from './wire';

describe('wire schemas', () => {
  it('reads an envelope without a slug (the spec does not require one), keeping what it says', () => {
    const error = { message: 'm', code: 1, status: 400, suggested_fix: 'f', errors: ['api_key: bad'] };
    expect(errorEnvelopeSchema.parse({ error }).error).toEqual(error);
    expect(errorEnvelopeSchema.parse({ error: { message: 'only a message' } }).error.message).toBe(
      'only a message',
    );
  });

  it('still refuses an envelope without a message', () => {
    expect(errorEnvelopeSchema.safeParse({ error: { code: 1, status: 400, slug: 's' } }).success).toBe(false);
  });
});

describe("the request schemas' ids and URLs accept exactly what zod's own kinds accept", () => {
  // zod's `z.url()` and `z.minLength(1)`: the request schemas check with refinements that must
  // accept the same strings (they keep zod's URL and length machinery out of a browser bundle).
  const zodUrl = z.url();
  const zodId = z.string().check(z.minLength(1));
  const base = { auth_config: { id: 'ac_1' }, connection: {} };
  const urls = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string(),
    fc.constantFrom(
      ' https://x.test ',
      'https:/x',
      'http:x',
      'mailto:a@b',
      'javascript:alert(1)',
      '',
      ' ',
      '//x',
    ),
  );
  it.each(['callback_url', 'redirect_uri'] as const)('connection.%s', (key) => {
    fc.assert(
      fc.property(urls, (url) => {
        const request = { ...base, connection: { [key]: url } };
        expect(createConnectedAccountRequestSchema.safeParse(request).success).toBe(
          zodUrl.safeParse(url).success,
        );
      }),
      { numRuns: 300 },
    );
  });
  it('ids must be non-empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (id, user) => {
        const link = { auth_config_id: id, user_id: user };
        expect(linkSessionRequestSchema.safeParse(link).success).toBe(
          zodId.safeParse(id).success && zodId.safeParse(user).success,
        );
        const create = { ...base, auth_config: { id } };
        expect(createConnectedAccountRequestSchema.safeParse(create).success).toBe(
          zodId.safeParse(id).success,
        );
      }),
    );
  });
  it("words the issues as zod's English locale does, under the same path", () => {
    const refused = createConnectedAccountRequestSchema.safeParse({
      auth_config: { id: '' },
      connection: { callback_url: 'not a url' },
    });
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['auth_config.id', 'Too small: expected at least 1'],
      ['connection.callback_url', 'Invalid URL'],
    ]);
  });
});

describe("a created account's deprecated block is read, not judged (the kit uses none of it)", () => {
  const created = (deprecated: unknown) => ({ ...createConnectedAccountResponseExample, deprecated });
  it.each([
    ['a v4 uuid', { uuid: '550e8400-e29b-41d4-a716-446655440000', authConfigUuid: 'x' }, true],
    ['ids that are not uuids', { uuid: 'u', authConfigUuid: 'v' }, true],
    ['no block at all (v3.1)', undefined, true],
    ['ids that are not strings', { uuid: 1, authConfigUuid: 2 }, false],
  ])('%s', (_name, deprecated, ok) => {
    expect(createConnectedAccountResponseSchema.safeParse(created(deprecated)).success).toBe(ok);
  });
});

describe("the shared custom kinds accept exactly what zod's own kinds accept", () => {
  const anything = fc.oneof(
    fc.anything(),
    fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, -0, null, undefined, 1n, '1', true),
  );
  it.each([
    ['wireBoolean', wireBoolean, z.boolean(), 'Invalid input: expected boolean'],
    ['wireNumber', wireNumber, z.number(), 'Invalid input: expected number'],
    [
      'wireNullableString',
      wireNullableString,
      z.nullable(z.string()),
      'Invalid input: expected string or null',
    ],
  ] as const)('%s', (_name, kind, zodKind, message) => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = kind.safeParse(value);
        expect(result.success).toBe(zodKind.safeParse(value).success);
        if (!result.success) expect(result.error.issues[0]?.message).toBe(message);
      }),
      { numRuns: 300 },
    );
  });
});
