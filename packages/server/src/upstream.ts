// The call to Composio: core's bounded fetch (deadline, bounded read, JSON, HTML sniffing), the key
// added here and only here, and every outcome turned into the answer the browser gets.
import { boundedFetch, errorEnvelopeSchema, joinUrl, parseJsonText } from '@plugboard/core/internal';
import type { Exchange } from './exchange';
import type { ResolvedOptions } from './options';
import { redactResponseJson } from './redaction';
import type { RouteMethod } from './routes';

/** Upstream bodies are a few KiB (a toolkit with its fields is the largest); more is not the Composio API. */
const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

/** What `call` needs of a zod schema. */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type UpstreamResult<T = Record<string, unknown>> =
  | { kind: 'ok'; status: number; json: T; requestId: string | undefined }
  | { kind: 'error'; status: number; response: Response };

/** One call to the API: a method, a path under `/api/{version}/` (`connected_accounts/ca_1`) and a query. */
export interface UpstreamRequest {
  method: RouteMethod;
  path: string;
  /** Already encoded, without `?`; built from validated values only. */
  query?: string | undefined;
}

export interface Upstream {
  /**
   * Sends one request upstream and reads its answer within the deadline. With `schema`, a success
   * body is parsed by it and only what it names is kept (zod drops unknown keys).
   */
  call<T extends object = Record<string, unknown>>(
    exchange: Exchange,
    request: UpstreamRequest,
    body?: unknown,
    schema?: ResponseSchema<T>,
  ): Promise<UpstreamResult<T>>;
}

export function createUpstream(options: ResolvedOptions<unknown>): Upstream {
  const { apiKey, baseUrl, timeoutMs } = options;
  return {
    async call<T extends object>(
      exchange: Exchange,
      request: UpstreamRequest,
      body?: unknown,
      schema?: ResponseSchema<T>,
    ): Promise<UpstreamResult<T>> {
      const result = await boundedFetch({
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        url: joinUrl(
          baseUrl,
          `/api/${options.apiVersion}/${request.path}${request.query ? `?${request.query}` : ''}`,
        ),
        method: request.method,
        headers:
          body === undefined
            ? { accept: 'application/json', 'x-api-key': apiKey }
            : { accept: 'application/json', 'content-type': 'application/json', 'x-api-key': apiKey },
        body: body === undefined ? undefined : JSON.stringify(body),
        timeoutMs,
        maxBytes: () => MAX_UPSTREAM_BODY_BYTES,
        // A redirect would carry the key to wherever it points: never follow one.
        redirect: 'manual',
      });
      exchange.upstreamMs = result.ms;
      const error = (status: number, response: Response): UpstreamResult<T> => ({
        kind: 'error',
        status,
        response,
      });
      if (!result.ok) {
        return result.failure === 'timeout'
          ? error(
              504,
              exchange.fail(
                504,
                'Proxy_UpstreamTimeout',
                `The Composio API did not answer within ${timeoutMs} ms`,
              ),
            )
          : error(
              502,
              exchange.fail(502, 'Proxy_UpstreamUnreachable', 'The Composio API could not be reached'),
            );
      }
      const { response } = result;
      const headerRequestId = exchange.safeRequestId(response.headers.get('x-request-id'));
      exchange.upstreamRequestId = headerRequestId;
      const invalid = (why: string) =>
        error(
          502,
          exchange.fail(
            502,
            'Proxy_UpstreamInvalidResponse',
            `The Composio API answered ${response.status} ${why}`,
          ),
        );
      if (result.truncated) return invalid(`with a body over ${MAX_UPSTREAM_BODY_BYTES} bytes`);
      const parsed = parseJsonText(result.text);
      if (parsed.kind !== 'json') {
        return invalid(
          parsed.kind === 'not_json' && parsed.html
            ? 'with an HTML page instead of JSON'
            : 'with a body that is not JSON',
        );
      }
      let json = parsed.value;
      if (response.status >= 200 && response.status < 300) {
        if (typeof json !== 'object' || json === null || Array.isArray(json)) {
          return invalid('with JSON that is not an object');
        }
        if (schema !== undefined) {
          const checked = schema.safeParse(json);
          if (!checked.success) return invalid('with a body that does not match the API');
          json = checked.data;
        }
        return { kind: 'ok', status: response.status, json: json as T, requestId: headerRequestId };
      }
      const envelope = errorEnvelopeSchema.safeParse(json);
      if (!envelope.success || response.status < 400 || response.status > 599) {
        return invalid('without an error envelope');
      }
      const requestId =
        exchange.safeRequestId(envelope.data.error.request_id) ?? headerRequestId ?? exchange.requestId;
      exchange.upstreamRequestId = requestId;
      exchange.error = { slug: envelope.data.error.slug ?? '', message: envelope.data.error.message };
      const passed = { error: { ...envelope.data.error, request_id: requestId } };
      return error(response.status, exchange.json(response.status, passed, requestId));
    },
  };
}

/** An upstream answer as the browser gets it: success bodies redacted, errors as they were made. */
export function reply(exchange: Exchange, result: UpstreamResult<object>): Response {
  return result.kind === 'ok'
    ? exchange.json(result.status, redactResponseJson(result.json), result.requestId ?? exchange.requestId)
    : result.response;
}
