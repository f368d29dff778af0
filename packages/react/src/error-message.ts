import type { ConnectError } from '@plugboard/core';
import { formatMessage } from '@plugboard/core/internal';
import type { SharedMessages } from './messages-shared';

// Replaced by bundlers; declared here because the package is typed without Node's globals.
declare const process: { env: { NODE_ENV?: string } };

/** The message key of each sentence a failure can read as (see `messages-shared.ts`). */
export type ErrorMessageKey = Extract<keyof SharedMessages, `error${string}`>;

/** A proxy's own refusals that only the app's developer can fix: the user reads "can't connect right now". */
const MISCONFIGURED_SLUGS: ReadonlySet<string> = new Set([
  'Proxy_CrossSiteRequest',
  'Proxy_CallbackOriginNotAllowed',
  'Proxy_AuthConfigNotAllowed',
  'Proxy_UserIdNotAllowed',
  'Proxy_NotFound',
  'Proxy_MethodNotAllowed',
  'Proxy_PayloadTooLarge',
  'Proxy_UnsupportedContentType',
  'Proxy_InvalidJson',
]);

/** Whether only the app's developer can fix this error (a proxy policy, the API key, a wrong mount). */
export function isMisconfiguration(error: ConnectError): boolean {
  // The kit refused its own input before sending: the message names what to pass instead.
  if (error.kind === 'invalid_request') return Object.keys(error.fieldErrors).length === 0;
  if (error.kind !== 'http') return false;
  if (error.slug !== undefined && MISCONFIGURED_SLUGS.has(error.slug)) return true;
  const fromProxy = error.slug?.startsWith('Proxy_') === true;
  return !fromProxy && (error.status === 401 || error.status === 403);
}

/**
 * What the developer should change for each misconfigured slug. Only `reportMisconfiguration`'s
 * development branch reads it, so a production build leaves these texts out.
 */
const DEVELOPER_HINTS: Readonly<Record<string, string>> = {
  Proxy_CrossSiteRequest:
    'createConnectHandler refused a cross-site request: serve the app from the handler’s origin, or add the page’s origin to its `allowedOrigins`.',
  Proxy_CallbackOriginNotAllowed:
    'The callback URL’s origin is not allowed: add it to createConnectHandler’s `callbackOrigins`, or change ConnectProvider’s `callbackUrl`.',
  Proxy_AuthConfigNotAllowed:
    'This auth config is not on the allowlist: add its id to createConnectHandler’s `allowedAuthConfigIds`, or use one that is.',
  Proxy_UserIdNotAllowed:
    'The request named a user id: the handler binds the user itself (`getUserId`); do not send `user_id` from the browser.',
  Proxy_NotFound:
    'No route of createConnectHandler answered: check that `createHttpBackend`’s `baseUrl` matches the handler’s mount and `basePath`.',
  Proxy_MethodNotAllowed:
    'createConnectHandler does not answer this method here: check that the backend’s `baseUrl` points at the handler’s mount.',
  Proxy_PayloadTooLarge: 'The request body was over the handler’s size limit.',
  Proxy_UnsupportedContentType:
    'The request was not sent as JSON: use `createHttpBackend` or send `content-type: application/json`.',
  Proxy_InvalidJson: 'The request body was not valid JSON.',
};

/** What the upstream's own auth refusals mean for the developer. */
const UPSTREAM_AUTH_HINT =
  'Composio refused the API key: check the `apiKey` given to createConnectHandler (COMPOSIO_API_KEY) and its project.';

/** What the developer should change for a misconfiguration; `undefined` for other errors. */
export function developerHint(error: ConnectError): string | undefined {
  if (!isMisconfiguration(error)) return undefined;
  if (error.kind === 'invalid_request') return error.message;
  return (error.slug !== undefined && DEVELOPER_HINTS[error.slug]) || UPSTREAM_AUTH_HINT;
}

/**
 * The sentence a user reads for an error, chosen from its kind, status and slug; never the
 * API's own text, which stays on the error for the "Details" disclosure and `onError`.
 * `refusedCredentials`: a 400/422 answers a credential form, not a link.
 */
export function errorMessageKey(error: ConnectError, refusedCredentials = false): ErrorMessageKey {
  if (isMisconfiguration(error)) return 'errorMisconfigured';
  switch (error.kind) {
    case 'timeout':
      return 'errorTimeout';
    case 'network':
      return 'errorNetwork';
    case 'invalid_response':
      return 'errorService';
    case 'aborted':
      return 'errorCancelled';
    case 'popup_blocked':
      return 'errorPopupBlocked';
    case 'popup_closed':
      return 'errorPopupClosed';
    case 'expired':
      return 'errorExpired';
    case 'connection_failed':
      if (/\b(denied|declined|access_denied|consent)\b/i.test(error.message)) return 'errorDeclined';
      if (/\brevoked\b/i.test(error.message)) return 'errorRevoked';
      if (/\bcancel/i.test(error.message)) return 'errorCancelled';
      return 'errorNotCompleted';
    case 'invalid_request':
      return refusedCredentials ? 'errorCredentialsRefused' : 'errorMisconfigured';
    case 'http':
      break;
  }
  switch (error.slug) {
    case 'Proxy_Unauthorized':
      return 'errorSignIn';
    case 'Proxy_UpstreamTimeout':
      return 'errorTimeout';
    // The app's server could not reach Composio: the user's connection is fine, so no "check your
    // internet"; nor is it known that {app} failed (see `errorService`).
    case 'Proxy_UpstreamUnreachable':
    case 'Proxy_UpstreamInvalidResponse':
    case 'Proxy_InternalError':
      return 'errorService';
    case 'ConnectedAccount_NotFound':
      return 'errorNotFound';
  }
  const status = error.status ?? 0;
  if (status === 429) return 'errorRateLimited';
  if (status === 408 || status === 504) return 'errorTimeout';
  if (status >= 500) return 'errorService';
  if (status === 404 || status === 410) return 'errorNotFound';
  if (status === 400 || status === 422)
    return refusedCredentials ? 'errorCredentialsRefused' : 'errorUnknown';
  return 'errorUnknown';
}

export interface DescribeErrorOptions {
  messages: SharedMessages;
  /** The service's name for {app}; `messages.appFallback` without one. */
  appName?: string | undefined;
  /** Per-slug rewordings (`ConnectProvider`'s `errorMessages`), {app} filled in. */
  errorMessages?: Readonly<Record<string, string>> | undefined;
  refusedCredentials?: boolean | undefined;
}

/** The one plain sentence a user reads for `error`: an app's per-slug wording first, then the kit's. */
export function describeError(error: ConnectError, options: DescribeErrorOptions): string {
  const { messages, errorMessages } = options;
  const template =
    (error.slug !== undefined && Object.hasOwn(errorMessages ?? {}, error.slug)
      ? errorMessages?.[error.slug]
      : undefined) ?? messages[errorMessageKey(error, options.refusedCredentials)];
  const sentence = formatMessage(template, { app: options.appName || messages.appFallback });
  // A sentence that starts with {app} and no name known starts with "the service": capitalise it.
  return sentence.charAt(0).toLocaleUpperCase(messages.locale) + sentence.slice(1);
}

const reported = new WeakSet<ConnectError>();

/**
 * In development, tells the developer once per error what to change for a misconfiguration
 * (the user reads only "This app can't connect to … right now"). Silent in production builds.
 */
export function reportMisconfiguration(
  error: ConnectError,
  log: (line: string) => void = console.warn,
): void {
  // Written for bundlers: with `process.env.NODE_ENV` replaced by "production" the condition is a
  // constant, the rest of the function is dead code and the hints above leave the bundle. With no
  // bundler (no `process`) it stays quiet too.
  if (typeof process === 'undefined' || process.env.NODE_ENV === 'production') return;
  const hint = developerHint(error);
  if (!hint || reported.has(error)) return;
  reported.add(error);
  log(
    `[plugboard] ${error.slug ?? `HTTP ${error.status}`}: ${hint}${error.requestId ? ` (request ${error.requestId})` : ''}`,
  );
}
