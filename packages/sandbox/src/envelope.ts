import type { ErrorEnvelope } from '@plugboard/core';

export type ErrorBody = Omit<ErrorEnvelope['error'], 'request_id'> & {
  status: number;
  code: number;
  slug: string;
};

/**
 * An error the sandbox answers with, in Composio's envelope. Thrown anywhere inside a route and
 * turned into a response (with the request's `request_id`) at the top of the handler.
 */
export class SandboxHttpError extends Error {
  readonly body: ErrorBody;
  constructor(body: ErrorBody) {
    super(body.message);
    this.body = body;
  }
}

/** The sandbox's codes and slugs, one per situation (documented in the README). */
export const errors = {
  badRequest: (errorList: string[], message = 'The request body is invalid') =>
    new SandboxHttpError({
      status: 400,
      code: 600,
      slug: 'ConnectedAccount_BadRequest',
      message,
      errors: errorList,
      suggested_fix: 'Fix the fields named in errors[] and send the request again.',
    }),
  /** Composio retired the direct create for its own OAuth apps: a link session is the way in. */
  managedOAuthCreateRetired: () =>
    new SandboxHttpError({
      status: 400,
      code: 600,
      slug: 'ConnectedAccount_BadRequest',
      message:
        'Creating a connected account for a Composio-managed OAuth auth config with POST /api/v3/connected_accounts is no longer supported. Use POST /api/v3/connected_accounts/link instead.',
      suggested_fix:
        'Create a link session with POST /api/v3/connected_accounts/link and send the user to its redirect_url.',
    }),
  authConfigDisabled: (id: string) =>
    new SandboxHttpError({
      status: 400,
      code: 601,
      slug: 'AuthConfig_Disabled',
      message: `Auth config ${id} is disabled`,
      suggested_fix: 'Enable the auth config or use another one.',
    }),
  unauthorized: (message: string) =>
    new SandboxHttpError({
      status: 401,
      code: 401,
      slug: 'HTTP_Unauthorized',
      message,
      suggested_fix: 'Send exactly one of the x-api-key or x-user-api-key headers with a sandbox API key.',
    }),
  forbiddenOrigin: (origin: string) =>
    new SandboxHttpError({
      status: 403,
      code: 403,
      slug: 'CORS_OriginNotAllowed',
      message: `Origin ${origin} is not allowed to call this sandbox`,
      suggested_fix: 'Start the sandbox with --cors-origin <origin> (or corsOrigins) for browser calls.',
    }),
  notFound: (slug: string, code: number, message: string, suggestedFix?: string) =>
    new SandboxHttpError({
      status: 404,
      code,
      slug,
      message,
      ...(suggestedFix === undefined ? {} : { suggested_fix: suggestedFix }),
    }),
  methodNotAllowed: (method: string) =>
    new SandboxHttpError({
      status: 405,
      code: 405,
      slug: 'HTTP_MethodNotAllowed',
      message: `Method ${method} is not allowed on this route`,
    }),
  linkCompleted: () =>
    new SandboxHttpError({
      status: 409,
      code: 1807,
      slug: 'LinkSession_AlreadyCompleted',
      message: 'This link session was already completed',
    }),
  linkExpired: () =>
    new SandboxHttpError({
      status: 410,
      code: 1806,
      slug: 'LinkSession_Expired',
      message: 'This link session has expired',
    }),
  tooLarge: (limit: number) =>
    new SandboxHttpError({
      status: 413,
      code: 413,
      slug: 'Request_PayloadTooLarge',
      message: `The request body is larger than ${limit} bytes`,
      suggested_fix: 'Send a smaller body; no field of this API needs more than a few kilobytes.',
    }),
  unprocessable: (
    slug:
      | 'ConnectedAccount_MissingRequiredFields'
      | 'ConnectedAccount_InvalidFields'
      | 'ConnectedAccount_InvalidCredentials',
    errorList: string[],
    suggestedFix: string,
  ) =>
    new SandboxHttpError({
      status: 422,
      code:
        slug === 'ConnectedAccount_MissingRequiredFields'
          ? 612
          : slug === 'ConnectedAccount_InvalidFields'
            ? 613
            : 614,
      slug,
      message:
        slug === 'ConnectedAccount_MissingRequiredFields'
          ? `Missing required fields: ${errorList
              .filter((text) => text.endsWith(': is required'))
              .map((text) => text.slice(0, text.indexOf(':')))
              .join(', ')}`
          : slug === 'ConnectedAccount_InvalidFields'
            ? 'Some fields are malformed'
            : 'The provider refused these credentials',
      errors: errorList,
      suggested_fix: suggestedFix,
    }),
  notImplemented: (scheme: string) =>
    new SandboxHttpError({
      status: 501,
      code: 501,
      slug: 'AuthScheme_NotImplemented',
      message: `The sandbox does not implement the ${scheme} auth scheme`,
      suggested_fix: 'Use an auth config with OAUTH2, API_KEY, BASIC or BEARER_TOKEN in the sandbox.',
    }),
  internal: (message = 'The sandbox failed unexpectedly') =>
    new SandboxHttpError({ status: 500, code: 500, slug: 'Internal_ServerError', message }),
};
