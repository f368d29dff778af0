import { readBodyLimited, secretValuesOf } from '@plugboard/core/internal';
import type { Exchange } from './exchange';
import { MAX_BODY_BYTES } from './options';
import { asRecord } from './policy';
import { redactForLog } from './redaction';

/**
 * Reads a POST body as a JSON object: JSON content type, at most `MAX_BODY_BYTES`, an object.
 * The secrets in it are noted on the exchange (never to come back or be logged) and a redacted
 * copy kept for the log. Anything else is the error response to send.
 */
export async function readJsonBody(
  exchange: Exchange,
  request: Request,
): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    request.body?.cancel().catch(() => {});
    return exchange.fail(
      400,
      'Proxy_UnsupportedContentType',
      'The body must be JSON, sent as content-type: application/json',
      {
        suggestedFix: 'Send the request with the header content-type: application/json',
      },
    );
  }
  const read = await readBodyLimited(request, MAX_BODY_BYTES);
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
