// Ajv validators for schemas of Composio's OpenAPI spec, compiled once per machine: a response
// schema of the spec is large (GET an account: 70 kB, every `state` variant), and compiling it
// takes Ajv about a second, in every test file and every server that checks it. The first compile
// writes Ajv's standalone code to `node_modules/.cache/plugboard-spec-oracle/` under a hash of the
// spec text, Ajv's version and the schema's key; later processes load that code instead. Node only.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
const SPEC_ID = 'composio-openapi.json';
// Composio's own id formats: any string.
const OPAQUE_FORMATS = [
  'authConfigId',
  'connectedAccountId',
  'orgId',
  'projectId',
  'toolRouterSessionId',
  'triggerInstanceId',
];
const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

/**
 * OpenAPI 3.0 → what Ajv reads: local `$ref`s point into the spec added under `SPEC_ID`, and a
 * `nullable` without a `type` (already anything) is dropped, since Ajv refuses it.
 */
function prepare(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(prepare);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) out[key] = `${SPEC_ID}${value}`;
    else out[key] = prepare(value);
  }
  if (out.nullable === true && out.type === undefined) delete out.nullable;
  return out;
}

export interface SpecCompiler {
  /** The validator of `schema` (a schema of the spec, local `$ref`s and all), known by `key`. */
  compile(key: string, schema: Json): ValidateFunction;
}

/** Validators loaded in this process, by cache file: two oracles of one test file share them. */
const loaded = new Map<string, ValidateFunction>();

/** Runs Ajv's standalone (CommonJS) code; its `require`s (Ajv's runtime, ajv-formats) resolve from here. */
function load(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  return module.exports as ValidateFunction;
}

/**
 * A compiler over `spec` (its parsed text `specText`). `cacheDir: null` compiles in memory only.
 */
export function createSpecCompiler(
  spec: { components?: Json },
  specText: string,
  cacheDir: string | null,
): SpecCompiler {
  const specHash = createHash('sha256').update(specText).update(AJV_VERSION).digest('hex');
  let ajv: Ajv | undefined;

  function freshAjv(): Ajv {
    if (ajv !== undefined) return ajv;
    ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
      code: { source: cacheDir !== null },
    });
    addFormats(ajv);
    for (const format of OPAQUE_FORMATS) ajv.addFormat(format, true);
    ajv.addSchema({ components: prepare(spec.components ?? {}) }, SPEC_ID);
    return ajv;
  }

  return {
    compile(key, schema) {
      const file =
        cacheDir === null
          ? undefined
          : path.join(
              cacheDir,
              `${createHash('sha256').update(specHash).update(key).digest('hex').slice(0, 32)}.cjs`,
            );
      const known = file === undefined ? undefined : loaded.get(file);
      if (known !== undefined) return known;
      if (file !== undefined && existsSync(file)) {
        try {
          const validate = load(readFileSync(file, 'utf8'));
          loaded.set(file, validate);
          return validate;
        } catch {
          // A torn or stale file: compile again and overwrite it.
        }
      }
      const compiler = freshAjv();
      const validate = compiler.compile(prepare(schema) as Json);
      if (file !== undefined) {
        try {
          mkdirSync(path.dirname(file), { recursive: true });
          // Write-then-rename: a process reading at the same time sees the old file or the whole new one.
          const temporary = `${file}.${randomUUID()}.tmp`;
          writeFileSync(temporary, standaloneCode(compiler, validate));
          renameSync(temporary, file);
          loaded.set(file, validate);
        } catch {
          // A read-only checkout: the cache is an optimisation only.
        }
      }
      return validate;
    },
  };
}
