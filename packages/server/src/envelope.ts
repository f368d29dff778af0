/**
 * The error envelope of the Composio API (`{ error: { message, code, slug, status, request_id } }`),
 * used for every error the handler makes itself, so a browser parses ours and upstream's alike.
 */
import type { ErrorEnvelopeBody } from '@plugboard/core';

/** Slugs of the errors the handler makes itself; upstream errors keep their own. */
export type ProxyErrorSlug =
  | 'Proxy_BadRequest'
  | 'Proxy_NotFound'
  | 'Proxy_MethodNotAllowed'
  | 'Proxy_CrossSiteRequest'
  | 'Proxy_Unauthorized'
  | 'Proxy_PayloadTooLarge'
  | 'Proxy_RequestTimeout'
  | 'Proxy_UnsupportedContentType'
  | 'Proxy_InvalidJson'
  | 'Proxy_ValidationFailed'
  | 'Proxy_UserIdNotAllowed'
  | 'Proxy_AuthConfigNotAllowed'
  | 'Proxy_CallbackOriginNotAllowed'
  | 'Proxy_UpstreamTimeout'
  | 'Proxy_UpstreamUnreachable'
  | 'Proxy_UpstreamInvalidResponse'
  | 'Proxy_InternalError'
  | 'Proxy_Misconfigured'
  | 'ConnectedAccount_NotFound';

/** An error the handler makes: the envelope's `error`, always with a request id. */
export type EnvelopeBody = ErrorEnvelopeBody & { request_id: string };

/** A request id for errors the handler makes; `pb_` tells them apart from upstream's. */
export function newRequestId(): string {
  return `pb_${crypto.randomUUID()}`;
}

/** A JSON response from text that is already redacted: never cached, never sniffed. */
export function jsonResponse(
  status: number,
  text: string,
  requestId: string,
  extra?: Record<string, string>,
): Response {
  // A plain record: the Response builds its Headers once.
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-request-id': requestId,
    ...extra,
  };
  return new Response(text, { status, headers });
}

/** What an error the handler makes says; `code` is the HTTP status (the handler has no codes of its own). */
export function envelope(
  status: number,
  slug: ProxyErrorSlug,
  message: string,
  requestId: string,
  more: { suggestedFix?: string | undefined; errors?: string[] | undefined } = {},
): EnvelopeBody {
  const body: EnvelopeBody = { message, code: status, slug, status, request_id: requestId };
  if (more.suggestedFix !== undefined) body.suggested_fix = more.suggestedFix;
  if (more.errors !== undefined && more.errors.length > 0) body.errors = more.errors;
  return body;
}
