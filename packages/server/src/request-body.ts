import { FIELD_CATALOG } from '@plugboard/core';
import { CONNECTION_DATA_KEYS, readBodyLimited, secretValuesOf } from '@plugboard/core/internal';
import type { Exchange } from './exchange';
import { MAX_BODY_BYTES } from './options';
import { asRecord } from './policy';
import { redactForLog } from './redaction';

/** No request body of these routes nests deeper; a deeper one is not a mistake a form makes. */
export const MAX_BODY_DEPTH = 32;

/** Shorter values of unknown fields are not redacted: they would mangle every message they occur in. */
const MIN_UNKNOWN_SECRET_LENGTH = 6;

/** Fields documented by the catalog or the wire schema (`status` included): judged by `secretValuesOf`. */
const KNOWN_FIELDS = new Set<string>([...Object.keys(FIELD_CATALOG), ...CONNECTION_DATA_KEYS, 'status']);

/**
 * Values of the credential fields neither the field catalog nor the wire schema knows (a toolkit's own `pat`, `hmac`,
 * `license`): nothing says they are not a credential, so an upstream error echoing one has it
 * redacted like a secret-sounding one.
 */
function unknownFieldValues(fields: unknown): string[] {
  return Object.entries(asRecord(fields) ?? {}).flatMap(([key, value]) =>
    typeof value === 'string' && value.length >= MIN_UNKNOWN_SECRET_LENGTH && !KNOWN_FIELDS.has(key)
      ? [value]
      : [],
  );
}

/** How deep a parsed JSON value nests, counted without recursion (a hostile body may be deep). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Reads a body as a JSON object: JSON content type, at most `MAX_BODY_BYTES` within
 * `timeoutMs`, an object at most `MAX_BODY_DEPTH` deep. The secrets in it are noted on the
 * exchange (never to come back or be logged) and a redacted copy kept for the log. Anything else
 * is the error response to send.
 */
export async function readJsonBody(
  exchange: Exchange,
  request: Request,
  timeoutMs: number,
): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    request.body?.cancel().catch(() => {});
    return exchange.fail(
      400,
      'Proxy_UnsupportedContentType',
      'The body must be JSON, sent as content-type: application/json',
      { suggestedFix: 'Send the request with the header content-type: application/json' },
    );
  }
  // A deadline of our own: a body that trickles in is cut off here, not at the server's timeout.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let read: Awaited<ReturnType<typeof readBodyLimited>>;
  try {
    read = await readBodyLimited(request, MAX_BODY_BYTES, deadline.signal);
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    return exchange.fail(408, 'Proxy_RequestTimeout', `The body did not arrive within ${timeoutMs} ms`);
  } finally {
    clearTimeout(timer);
  }
  if (read.kind === 'too_large') {
    return exchange.fail(413, 'Proxy_PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes));
  } catch {
    return exchange.fail(400, 'Proxy_InvalidJson', 'The body is not valid JSON');
  }
  const record = asRecord(json);
  if (record === undefined) return exchange.fail(400, 'Proxy_InvalidJson', 'The body must be a JSON object');
  if (depthOf(record) > MAX_BODY_DEPTH) {
    return exchange.fail(400, 'Proxy_InvalidJson', `The body nests more than ${MAX_BODY_DEPTH} levels deep`);
  }
  const connection = asRecord(record.connection);
  const credentials = [record.connection_data, connection?.data, asRecord(connection?.state)?.val];
  exchange.secrets = [
    ...new Set(credentials.flatMap((fields) => [...secretValuesOf(fields), ...unknownFieldValues(fields)])),
  ];
  exchange.body = redactForLog(record);
  return record;
}
