// Bodies generated from Composio's OpenAPI spec (`shared/api/composio-openapi.json`), for property
// tests of the readers. Not shipped: no entry imports this folder.
//
// Written here because the one published JSON-schema → fast-check bridge (`json-schema-fast-check`)
// is built on fast-check 1 and faker 4. It covers the OpenAPI 3.0 subset the spec uses: `$ref`,
// `oneOf`, `anyOf`, `enum`, `nullable`, objects (required keys, `additionalProperties`), arrays,
// strings (`format`, `pattern`, lengths), numbers and booleans. Where the spec gives an `example`
// it is one of the values generated, so the spec's own examples are read too.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiSpec {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/** The spec, read from `shared/api` (a sibling of the worktree, or `PLUGBOARD_SHARED`). */
export function loadSpec(): OpenApiSpec {
  const candidates = [
    process.env.PLUGBOARD_SHARED && `${process.env.PLUGBOARD_SHARED}/api/composio-openapi.json`,
    new URL('../../../../../shared/api/composio-openapi.json', import.meta.url),
    new URL('../../../../../../shared/api/composio-openapi.json', import.meta.url),
  ].filter((candidate) => candidate !== undefined && candidate !== '');
  for (const candidate of candidates) {
    try {
      return JSON.parse(readFileSync(candidate as string | URL, 'utf8')) as OpenApiSpec;
    } catch {
      // try the next place
    }
  }
  throw new Error('composio-openapi.json not found: set PLUGBOARD_SHARED to the shared folder');
}

/** The JSON schema of a documented response body. */
export function responseSchema(spec: OpenApiSpec, path: string, method: string, status: string): JsonSchema {
  const schema = spec.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`the spec documents no body for ${method} ${path} ${status}`);
  return resolve(spec, schema);
}

/** A schema with its `$ref` followed (`#/components/schemas/…` only, as the spec uses). */
export function resolve(spec: OpenApiSpec, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return resolve(spec, target);
}

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

// `fc.webUrl()` takes seconds per hundred values on a busy machine: a plain http(s) URL does here.
const webUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://'),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.constantFrom('.com', '.dev', '.example'),
    fc.stringMatching(/^(\/[a-z0-9_-]{0,8}){0,3}$/),
  )
  .map((parts) => parts.join(''));

/** An arbitrary for every value `schema` allows (within small sizes). */
export function arbitraryFromSchema(spec: OpenApiSpec, input: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(spec, input);
  const generated = generate(spec, schema, depth);
  const withExample = 'example' in schema ? fc.oneof(fc.constant(schema.example), generated) : generated;
  return schema.nullable === true ? fc.option(withExample, { nil: null, freq: 4 }) : withExample;
}

function generate(spec: OpenApiSpec, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (variants !== undefined)
    return fc.oneof(...variants.map((variant) => arbitraryFromSchema(spec, variant, depth)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'object':
      return objectArbitrary(spec, schema, depth);
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      return fc.array(arbitraryFromSchema(spec, items, depth + 1), { maxLength: depth > 3 ? 0 : 3 });
    }
    case 'string':
      return stringArbitrary(schema);
    case 'number':
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
      const floor = min === undefined ? undefined : schema.exclusiveMinimum === true ? min + 1 : min;
      return schema.type === 'integer' || floor !== undefined
        ? fc.integer({ min: floor ?? -1_000_000, max: 1_000_000 })
        : fc.double({ noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // No type: anything JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return isoDate;
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'uri') return webUrl;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : minLength + 16;
  if (typeof schema.pattern === 'string') {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((value) => value.length >= minLength && value.length <= maxLength);
  }
  return fc.string({ minLength, maxLength });
}

function objectArbitrary(spec: OpenApiSpec, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = ((schema.required ?? []) as string[]).filter((key) => key in properties);
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, child]) => [key, arbitraryFromSchema(spec, child, depth + 1)]),
  );
  const known = fc.record(shape, { requiredKeys: required });
  const additional = schema.additionalProperties;
  if (additional === undefined || additional === false) return known;
  const value =
    additional === true
      ? fc.jsonValue({ maxDepth: 1 })
      : arbitraryFromSchema(spec, additional as JsonSchema, depth + 1);
  const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !(key in properties));
  return fc
    .tuple(known, fc.dictionary(extraKey, value, { maxKeys: 2 }))
    .map(([body, extras]) => ({ ...extras, ...(body as object) }));
}
