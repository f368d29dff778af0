/**
 * The kit's one http(s)-URL check: the parsed URL when `value` is an absolute `http:` or `https:`
 * URL, `undefined` for anything else (`javascript:`, `data:`, a relative path, not a string). The
 * server and the sandbox check callback URLs with it (`@plugboard/core/internal`); the connect
 * flow's `checkRedirectUrl` accepts exactly the same URLs. No zod: the button path can bundle it.
 *
 * @example parseHttpUrl('https://app.example/cb')?.origin // 'https://app.example'
 */
export function parseHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
