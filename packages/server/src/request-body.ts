import { secretValuesOf, untilAborted } from '@plugboard/core/internal';
import type { Exchange } from './exchange';
import { MAX_BODY_BYTES } from './options';
import { asRecord } from './policy';
import { redactForLog } from './redaction';

/** No request body of these routes nests deeper; a deeper one is not a mistake a form makes. */
export const MAX_BODY_DEPTH = 32;

type BodyRead = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too_large' } | { kind: 'timeout' };

/**
 * Reads a body up to `limit` bytes within `timeoutMs`. A declared length over the limit is
 * refused unread; a body that grows past it, or trickles in past the deadline, is cancelled there
 * (the Node glue then closes the connection) rather than waiting on the server's own timeout.
 */
async function readBody(request: Request, limit: number, timeoutMs: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    request.body?.cancel().catch(() => {});
    return { kind: 'too_large' };
  }
  if (request.body === null) return { kind: 'ok', bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), controller.signal);
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        return { kind: 'too_large' };
      }
      chunks.push(value);
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    reader.cancel().catch(() => {});
    return { kind: 'timeout' };
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
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
  const read = await readBody(request, MAX_BODY_BYTES, timeoutMs);
  if (read.kind === 'too_large') {
    return exchange.fail(413, 'Proxy_PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  if (read.kind === 'timeout') {
    return exchange.fail(408, 'Proxy_RequestTimeout', `The body did not arrive within ${timeoutMs} ms`);
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
  exchange.secrets = [
    ...new Set([
      ...secretValuesOf(record.connection_data),
      ...secretValuesOf(connection?.data),
      ...secretValuesOf(asRecord(connection?.state)?.val),
    ]),
  ];
  exchange.body = redactForLog(record);
  return record;
}
