// The spec as a test oracle: every response is checked against Composio's own OpenAPI document
// (`shared/api/composio-openapi.json`, beside the repo) with Ajv. Node only, for tests only: not
// exported from the package entry, imported by test files by path.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createSpecCompiler } from './spec-compiler';
import { readExchange, repoRoot, type SpecExchange } from './spec-exchange';

export { readExchange, repoRoot, type SpecExchange } from './spec-exchange';

export interface SpecViolation {
  method: string;
  /** The request's path and query. */
  path: string;
  status: number;
  /** The spec's path template it was checked against, e.g. `/api/v3/connected_accounts/{nanoid}`. */
  operation: string | undefined;
  errors: string[];
}

export interface SpecOracle {
  /** The problems of one exchange against the spec; `[]` when it matches or is not an API call. */
  check(exchange: SpecExchange): string[];
  /** For `createSandbox({ onResponse })` (and the server's options): reads every response, checked (into `violations`) by `settled()`. */
  readonly onResponse: (exchange: { method: string; url: string; response: Response }) => void;
  /** A `fetch` that reads every response it returns (a clone) for `settled()` to check; the caller's response is untouched. */
  wrapFetch(fetch: typeof globalThis.fetch): typeof globalThis.fetch;
  /** Queues an exchange read elsewhere (a recorded log) to be checked by `settled()`. */
  record(exchange: SpecExchange): void;
  /** Resolves when every response seen so far has been read and checked. */
  settled(): Promise<void>;
  /** Filled by `settled()`. */
  readonly violations: SpecViolation[];
  /** How many responses were compared with a schema of the spec. */
  readonly checked: number;
  /** Error statuses the spec does not list for their operation (their body was held to the spec's `Error`). */
  readonly undocumented: ReadonlySet<string>;
}

/** Where CI (and a checkout) keeps the spec: `../shared/api/composio-openapi.json` from the repo root. */
export function defaultSpecPath(from: string = import.meta.dirname): string {
  return path.resolve(repoRoot(from), '../shared/api/composio-openapi.json');
}

type Json = Record<string, unknown>;

/** The value at a JSON pointer (Ajv's `instancePath`) of `body`. */
function at(body: unknown, pointer: string): unknown {
  let node = body;
  for (const token of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Json)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Where the sandbox deliberately says what the v3 spec does not (the sandbox README names each).
 * Narrow: one keyword, one place in the body, one value.
 */
export const SPEC_ALLOWANCES: readonly {
  reason: string;
  allows(error: ErrorObject, body: unknown): boolean;
}[] = [
  {
    reason:
      "an account's status REVOKED: v3.1 added it, and the sandbox plays it only when a test scripts it (control.setStatusSequence) to show that readers take a status they do not know",
    allows: (error, body) =>
      error.keyword === 'enum' &&
      /^(\/items\/\d+)?\/status$/.test(error.instancePath) &&
      at(body, error.instancePath) === 'REVOKED',
  },
];

function allowed(error: ErrorObject, body: unknown): boolean {
  return SPEC_ALLOWANCES.some((allowance) => allowance.allows(error, body));
}

interface Operation {
  template: string;
  pattern: RegExp;
  /** Literal segments first: `/connected_accounts/link` wins over `/connected_accounts/{nanoid}`. */
  literalSegments: number;
  methods: Record<string, Json>;
}

/**
 * Builds an oracle over the spec at `specPath`. Responses of `/api/v3.1/…` are held to the v3
 * operation of the same path (the spec has no v3.1 paths; v3.1 is a superset). Paths outside
 * `/api/` (the hosted page, control routes) and CORS preflights are not the spec's and are not
 * checked. An error status the operation does not list is held to the spec's `Error` envelope
 * and named in `undocumented`.
 *
 * @example
 * const oracle = createSpecOracle();
 * const sandbox = createSandbox({ onResponse: oracle.onResponse });
 * // … the suite …
 * await oracle.settled();
 * expect(oracle.violations).toEqual([]);
 */
export function createSpecOracle(options: { specPath?: string; cacheDir?: string | null } = {}): SpecOracle {
  const specPath = options.specPath ?? defaultSpecPath();
  if (!existsSync(specPath)) {
    throw new Error(
      `spec-oracle: Composio's OpenAPI spec is not at ${specPath} (shared/ must sit beside the repo)`,
    );
  }
  const specText = readFileSync(specPath, 'utf8');
  const spec = JSON.parse(specText) as { paths: Record<string, Record<string, Json>>; components: Json };
  const compiler = createSpecCompiler(
    spec,
    specText,
    options.cacheDir === undefined
      ? path.join(repoRoot(), 'node_modules', '.cache', 'plugboard-spec-oracle')
      : options.cacheDir,
  );
  let errorSchema: ValidateFunction | undefined;
  const errorValidator = (): ValidateFunction =>
    (errorSchema ??= compiler.compile('Error', { $ref: '#/components/schemas/Error' }));

  const operations: Operation[] = Object.entries(spec.paths)
    .map(([template, methods]) => ({
      template,
      pattern: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
      ),
      literalSegments: template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{'))
        .length,
      methods,
    }))
    .sort((a, b) => b.literalSegments - a.literalSegments);
  const compiled = new Map<string, ValidateFunction | null>();

  function validatorFor(operation: Operation, method: string, status: number): ValidateFunction | null {
    const key = `${method} ${operation.template} ${status}`;
    if (!compiled.has(key)) {
      const responses = (operation.methods[method.toLowerCase()]?.responses ?? {}) as Record<string, Json>;
      const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
      const schema = (response?.content as Record<string, { schema?: Json }> | undefined)?.[
        'application/json'
      ]?.schema;
      compiled.set(key, schema === undefined ? null : compiler.compile(key, schema));
    }
    return compiled.get(key) ?? null;
  }

  const violations: SpecViolation[] = [];
  const undocumented = new Set<string>();
  const pending = new Set<Promise<void>>();
  // Exchanges read but not yet checked: checking waits for `settled()`, so a response schema's
  // first compile (or load) never stalls the event loop while a test's requests are in flight.
  const queue: SpecExchange[] = [];
  let checked = 0;

  function describe(validate: ValidateFunction, body: unknown): string[] {
    return (validate.errors ?? [])
      .filter((error) => !allowed(error, body))
      .map(
        (error) =>
          `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}${
            error.keyword === 'additionalProperties' || error.keyword === 'enum'
              ? ` ${JSON.stringify(error.params)}`
              : ''
          }`,
      );
  }

  function check(exchange: SpecExchange): string[] {
    const url = new URL(exchange.url);
    const pathname = url.pathname.replace(/\/+$/, '').replace(/^\/api\/v3\.1(?=\/)/, '/api/v3');
    // CORS preflights are the browser's, not operations of the API.
    if (!pathname.startsWith('/api/') || exchange.method.toUpperCase() === 'OPTIONS') return [];
    const operation = operations.find((entry) => entry.pattern.test(pathname));
    const method = exchange.method.toUpperCase();
    let validate = operation === undefined ? null : validatorFor(operation, method, exchange.status);
    if (validate === null) {
      if (exchange.status < 400) {
        return operation === undefined || operation.methods[method.toLowerCase()] === undefined
          ? [`${method} ${pathname} is not an operation of the spec`]
          : [`status ${exchange.status} is not a response of ${method} ${operation.template}`];
      }
      // An error the spec does not list here: it is still Composio's envelope.
      undocumented.add(`${exchange.status} ${method} ${operation?.template ?? pathname}`);
      validate = errorValidator();
    }
    checked += 1;
    return validate(exchange.body) ? [] : describe(validate, exchange.body);
  }

  function keep({ method, url, status, body }: SpecExchange): void {
    const errors = check({ method, url, status, body });
    if (errors.length === 0) return;
    const parsed = new URL(url);
    const pathname = parsed.pathname.replace(/^\/api\/v3\.1(?=\/)/, '/api/v3');
    violations.push({
      method,
      path: `${parsed.pathname}${parsed.search}`,
      status,
      operation: operations.find((entry) => entry.pattern.test(pathname.replace(/\/+$/, '')))?.template,
      errors,
    });
  }

  function observe(method: string, url: string, response: Response): void {
    const reading = readExchange(method, url, response).then((exchange) => {
      if (exchange !== undefined) queue.push(exchange);
    });
    pending.add(reading);
    void reading.finally(() => pending.delete(reading));
  }

  return {
    check,
    onResponse: ({ method, url, response }) => observe(method, url, response),
    wrapFetch(fetch) {
      return async (input, init) => {
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        const url = input instanceof Request ? input.url : String(input);
        const response = await fetch(input, init);
        observe(method, url, response.clone());
        return response;
      };
    },
    record(exchange) {
      queue.push(exchange);
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
      for (const exchange of queue.splice(0)) keep(exchange);
    },
    violations,
    get checked() {
      return checked;
    },
    undocumented,
  };
}
