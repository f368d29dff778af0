// @vitest-environment node
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { jsonErrorPosition } from './json-error-position';
import {
  AUTH_SCHEMES,
  authSchemeSchema,
  CONNECTION_STATUSES,
  connectionStatusSchema,
  createConnectedAccountRequestSchema,
  linkSessionRequestSchema,
  openAuthSchemeSchema,
  openStatusSchema,
  wireBoolean,
  wireNullableString,
  wireNumber,
} from './wire';

/** The requests' closed sets are custom checks (see `oneOf` in wire-values.ts): their values, and now and then another string. */
const closedSets = new Map<z.ZodMiniType, readonly string[]>([
  [authSchemeSchema, AUTH_SCHEMES],
  [connectionStatusSchema, CONNECTION_STATUSES],
  [openAuthSchemeSchema, AUTH_SCHEMES],
  [openStatusSchema, CONNECTION_STATUSES],
]);

/** The wire's shared custom kinds (see `wireBoolean` in wire-values.ts), with what they stand for. */
const customKinds = new Map<z.ZodMiniType, fc.Arbitrary<unknown>>([
  [wireBoolean, fc.boolean()],
  [wireNumber, fc.oneof(fc.double(), fc.integer(), fc.constant(-0))],
  [wireNullableString, fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null })],
]);

/** Just enough of zod 4's internal definition to walk a schema's shape. */
interface Def {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodMiniType>;
  catchall?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  checks?: Array<{ _zod: { def: { check: string; minimum?: number } } }>;
  out?: z.ZodMiniType;
}
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Any JSON value, and now and then what JSON has no form for, so that a loose schema shows. */
const anyValue = fc.oneof(
  { weight: 8, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, Number.NaN, -0, new Date(0), 1n) },
);

/**
 * An arbitrary for a zod schema, built from its shape: every optional key sometimes absent,
 * strings from the whole of UTF-16 (lone surrogates included), keys such as `__proto__`.
 */
function arbitraryOf(schema: z.ZodMiniType): fc.Arbitrary<unknown> {
  const kind = customKinds.get(schema);
  if (kind) return kind;
  const values = closedSets.get(schema);
  if (values)
    return fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.string() },
    );
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([key, child]) => [key, arbitraryOf(child)]),
      );
      const required = Object.entries(def.shape ?? {})
        .filter(([, child]) => defOf(child).type !== 'optional')
        .map(([key]) => key);
      const known = fc.record(shape, { requiredKeys: required });
      const catchall = def.catchall;
      if (catchall === undefined || defOf(catchall).type === 'never') return known;
      const extraKey = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString'));
      return fc
        .tuple(known, fc.array(fc.tuple(extraKey, arbitraryOf(catchall)), { maxLength: 3 }))
        .map(([value, extras]) => {
          const out = { ...(value as object) } as Record<string, unknown>;
          for (const [key, extra] of extras) {
            if (!(key in (def.shape ?? {})))
              Object.defineProperty(out, key, {
                value: extra,
                enumerable: true,
                writable: true,
                configurable: true,
              });
          }
          return out;
        });
    }
    case 'optional':
      return fc.option(arbitraryOf(def.innerType as z.ZodMiniType), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as z.ZodMiniType), { nil: null });
    case 'string': {
      if (def.format === 'url') return fc.webUrl({ withQueryParameters: true, withFragments: true });
      if (def.format === 'uuid') return fc.uuid();
      const min = def.checks?.find((check) => check._zod.def.check === 'min_length')?._zod.def.minimum ?? 0;
      const text = fc.string({ unit: 'binary', minLength: min, maxLength: min + 12 });
      // A refined string (a request's URL or id, see `requestUrl` in wire-requests.ts): URLs, and any text.
      if (def.checks?.some((check) => check._zod.def.check === 'custom'))
        return fc.oneof(
          { weight: 9, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
          { weight: 1, arbitrary: text },
        );
      return text;
    }
    case 'number':
      return fc.oneof(fc.double(), fc.integer(), fc.constant(-0));
    case 'boolean':
      return fc.boolean();
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string(), fc.constant('__proto__')),
        arbitraryOf(def.valueType as z.ZodMiniType),
        { maxKeys: 4 },
      );
    case 'pipe':
      return arbitraryOf(def.out as z.ZodMiniType);
    case 'custom':
      // The only custom schema of the requests is `connection.data`, a JSON record.
      return fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), anyValue, { maxKeys: 4 });
    case 'unknown':
    case 'any':
      return anyValue;
    default:
      throw new Error(`no arbitrary for zod type ${def.type}`);
  }
}

/** JSON's idea of equality: -0 and 0 are one number. */
const jsonEqual = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), b) && isDeepStrictEqual(JSON.parse(JSON.stringify(b)), b);

describe('whatever a request schema accepts survives JSON serialise → parse', () => {
  it.each([
    ['POST /api/v3/connected_accounts/link', linkSessionRequestSchema],
    ['POST /api/v3/connected_accounts', createConnectedAccountRequestSchema],
  ] as const)(
    '%s',
    (_name, schema) => {
      let accepted = 0;
      fc.assert(
        fc.property(arbitraryOf(schema), (value) => {
          const parsed = schema.safeParse(value);
          if (!parsed.success) return true;
          accepted++;
          // What a backend sends is the input itself, so the input must be JSON-safe too.
          for (const sent of [value, parsed.data]) {
            const wire = JSON.stringify(sent);
            const reparsed = schema.safeParse(JSON.parse(wire));
            if (!reparsed.success) return false;
            if (!jsonEqual(parsed.data, reparsed.data)) return false;
            if (JSON.stringify(reparsed.data) !== JSON.stringify(parsed.data)) return false;
          }
          return true;
        }),
        { numRuns: 150 },
      );
      // A property that never meets an accepted value proves nothing.
      expect(accepted).toBeGreaterThan(50);
    },
    60_000,
  );
});

describe('jsonErrorPosition agrees with JSON.parse', () => {
  it('valid JSON has no error position', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(jsonErrorPosition(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('text JSON.parse rejects has a position; text it accepts has none', () => {
    const nearJson = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789.-+eEtrufalsn \n\\a') }),
      fc.jsonValue().chain((value) => {
        const text = JSON.stringify(value);
        return fc.nat(text.length).map((cut) => text.slice(0, cut));
      }),
    );
    fc.assert(
      fc.property(nearJson, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const position = jsonErrorPosition(text);
        expect(position === undefined).toBe(valid);
        if (position !== undefined) expect(position.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
