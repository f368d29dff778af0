// One log line for each refusal a misconfiguration causes, naming the option and the value that
// would allow it: a 403 or 400 in the browser's console says little to whoever set the server up.
import { type ConnectLogger, DEFAULT_BASE_PATH } from './options';
import { normalizeBasePath } from './routes';

const PREFIX = '[plugboard/server]';

export function reportCrossSite(
  logger: ConnectLogger,
  request: Request,
  refused: { origin: string | null; own: string },
): void {
  const what = `403 Proxy_CrossSiteRequest for ${request.method} ${new URL(request.url).pathname}`;
  if (refused.origin === null) {
    logger.warn(`${PREFIX} ${what}: no Origin and Sec-Fetch-Site: cross-site (a page of another site).`);
    return;
  }
  logger.warn(
    `${PREFIX} ${what}: Origin ${refused.origin} is not this server's own origin (${refused.own}). ` +
      `If that page is yours (a dev proxy such as Vite's, or a reverse proxy, in front rewrites Host), ` +
      `allow it: allowedOrigins: ['${refused.origin}']`,
  );
}

export function reportCallbackOrigins(logger: ConnectLogger, urls: readonly string[]): void {
  const origins = new Set<string>();
  for (const text of urls) {
    try {
      const url = new URL(text);
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
    } catch {
      // Not a URL at all: nothing an option could allow.
    }
  }
  const allow = [...origins].map((origin) => `'${origin}'`).join(', ');
  logger.warn(
    `${PREFIX} 400 Proxy_CallbackOriginNotAllowed: ${urls.length} URL(s) of the request point outside callbackOrigins` +
      (allow === ''
        ? ' (and are not http(s) URLs: nothing to allow).'
        : `. If they are yours, allow: callbackOrigins: [${allow}]`),
  );
}

export function reportAuthConfig(logger: ConnectLogger, authConfigId: string, isFunction: boolean): void {
  logger.warn(
    `${PREFIX} 403 Proxy_AuthConfigNotAllowed: auth config ${authConfigId} ` +
      (isFunction
        ? `was refused by your allowedAuthConfigIds function.`
        : `is not on allowedAuthConfigIds. If it is yours, add it: allowedAuthConfigIds: [..., '${authConfigId}']`),
  );
}

export function reportOptionsProblem(logger: ConnectLogger, problem: string): void {
  logger.error(`${PREFIX} 500 Proxy_Misconfigured: ${problem}. Every request answers 500 until it is fixed.`);
}

/** The base path for the glue even when the options are wrong: the given one, else the default. */
export function basePathOf(basePath: unknown): string {
  try {
    return normalizeBasePath(typeof basePath === 'string' ? basePath : DEFAULT_BASE_PATH);
  } catch {
    return typeof basePath === 'string' ? basePath : DEFAULT_BASE_PATH;
  }
}
