import { issueStrings, readBodyLimited } from '@plugboard/core/internal';
import { type ErrorBody, errors } from '../envelope';

/** Bodies larger than this are refused with 413 without being read in full. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** What `respondJson` needs of a schema: core's zod schemas fit. */
export interface BodySchema {
  safeParse(value: unknown): { success: boolean; error?: { issues: Parameters<typeof issueStrings>[0] } };
}

/** A JSON answer; with `check`, the body is first parsed with the schema (a mismatch is a sandbox bug). */
export function jsonResponse(status: number, body: unknown, check?: BodySchema): Response {
  if (check !== undefined) {
    const result = check.safeParse(body);
    if (!result.success) {
      throw new Error(
        `sandbox response does not match core's schema: ${issueStrings(result.error?.issues ?? []).join('; ')}`,
      );
    }
  }
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/** Composio's error envelope, with the request's id. */
export function errorBody(body: ErrorBody, requestId: string): { error: ErrorBody & { request_id: string } } {
  return { error: { ...body, request_id: requestId } };
}

/** The headers of every hosted page; `formAction` adds the callback's origin to `form-action`. */
export function pageHeaders(options: { formAction?: string[]; coop?: boolean } = {}): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      `form-action 'self'${(options.formAction ?? []).map((origin) => ` ${origin}`).join('')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Off by default: COOP severs the opener (the app's connect flow) from its popup. On only when
    // asked for (the `coop` option, or a fixture such as `ac_linear`), to reproduce such providers.
    ...(options.coop === true && { 'cross-origin-opener-policy': 'same-origin' }),
  };
}

/**
 * Reads a body up to `MAX_BODY_BYTES` with core's bounded reader; past it, cancels the upload
 * (so the Node bridge closes the connection) and answers 413. Hono's `bodyLimit` is not used: it
 * stops reading but leaves the upload stream open.
 */
export async function readBodyText(request: Request): Promise<string> {
  const body = await readBodyLimited(request, MAX_BODY_BYTES);
  if (body.kind === 'too_large') throw errors.tooLarge(MAX_BODY_BYTES);
  return new TextDecoder().decode(body.bytes);
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === '') throw errors.badRequest(['body: is required (a JSON object)']);
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest(['body: must be valid JSON']);
  }
}

/** A comma-joined (or repeated) query parameter as a list; absent or empty is `undefined`. */
export function queryList(url: URL, name: string): string[] | undefined {
  const values = url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length === 0 ? undefined : values;
}

/** Composio's cursor page over `items`: the cursor is an offset this sandbox issued. */
export function page<T>(url: URL, items: T[], maxLimit: number, defaultLimit: number) {
  const limitText = url.searchParams.get('limit');
  const limit = limitText === null ? defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw errors.badRequest([`limit: must be an integer from 1 to ${maxLimit}`]);
  }
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : Number(cursor);
  if (!Number.isInteger(offset) || offset < 0)
    throw errors.badRequest(['cursor: is not a cursor this sandbox issued']);
  const slice = items.slice(offset, offset + limit);
  const end = offset + slice.length;
  return {
    items: slice,
    next_cursor: end < items.length ? String(end) : null,
    total_pages: Math.ceil(items.length / limit),
    current_page: Math.floor(offset / limit) + 1,
    total_items: items.length,
  };
}

/** A response whose body errors halfway, as a dropped connection looks to a reader. */
export async function dropMidway(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const half = bytes.subarray(0, Math.max(1, Math.floor(bytes.byteLength / 2)));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half);
      controller.error(new Error('The sandbox dropped the connection (scripted by dropNext)'));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}
