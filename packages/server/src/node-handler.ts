import type { ConnectHandler } from './connect-handler';
import { envelope, jsonResponse, newRequestId } from './envelope';
import { setRawPath } from './routes';

/**
 * The parts of Node's `IncomingMessage` the glue uses, written out so the package needs no
 * `@types/node` and imports nothing from Node (Express's `Request` fits too).
 */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  /** Express keeps the full path here when the router is mounted below `/`. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket has `encrypted: true`; typed loosely so a plain `Socket` fits. */
  socket?: object | null | undefined;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  destroy(error?: Error): unknown;
  /** True when a body parser mounted earlier already read the stream. */
  readableEnded?: boolean | undefined;
  /** What such a parser made of the body (Express's `req.body`). */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` the glue uses. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent?: boolean | undefined;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
  once?(event: 'finish' | 'close', listener: () => void): unknown;
}

export type NodeNext = (error?: unknown) => void;

/** What `getUserId` receives as its second argument under the Node and Express glue. */
export interface NodeContext<
  Req extends NodeRequestLike = NodeRequestLike,
  Res extends NodeResponseLike = NodeResponseLike,
> {
  req: Req;
  res: Res;
}

const BODYLESS = new Set(['GET', 'HEAD']);
/** Methods a Fetch `Request` refuses to carry. */
const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Adapts a Fetch handler to Node's `http` (`http.createServer(toNodeHandler(handler))`) and to
 * Connect-style middleware (with `next`, paths outside `handler.basePath` are passed on). The
 * body is streamed to the handler, which stops reading at its limit: a 10 MB upload is never
 * buffered, and the connection is closed after the 413.
 *
 * @example
 * const node = toNodeHandler(handler);
 * http.createServer((req, res) => (req.url?.startsWith('/api/connect/') ? node(req, res) : serveApp(req, res)));
 */
export function toNodeHandler<Req extends NodeRequestLike, Res extends NodeResponseLike>(
  handler: ConnectHandler<NodeContext<Req, Res>>,
): (req: Req, res: Res, next?: NodeNext) => void {
  return (req, res, next) => {
    const target = requestTarget(req.originalUrl ?? req.url ?? '/');
    const rawPath = target?.path;
    if (
      next &&
      rawPath !== undefined &&
      rawPath !== handler.basePath &&
      !rawPath.startsWith(`${handler.basePath}/`)
    ) {
      next();
      return;
    }
    const state = { cut: false };
    const method = (req.method ?? 'GET').toUpperCase();
    // A target no URL parser takes, or a method Fetch refuses: the client's mistake, a 400, never a crash.
    let request: Request | undefined;
    try {
      if (target !== undefined && !FETCH_FORBIDDEN_METHODS.has(method))
        request = toRequest(req, method, target.pathAndQuery, state);
    } catch {
      request = undefined;
    }
    if (request === undefined || rawPath === undefined) {
      sendBadRequest(res);
      return;
    }
    setRawPath(request, rawPath);
    const send = async (response: Response) => {
      // getUserId answered through `res` itself (a redirect to sign in): that answer stands.
      if (res.headersSent) {
        response.body?.cancel().catch(() => {});
        return;
      }
      res.statusCode = response.status;
      for (const [name, value] of response.headers) res.setHeader(name, value);
      // The rest of an over-limit body is not read: close the connection instead of draining it.
      if (state.cut) res.setHeader('connection', 'close');
      res.end(new Uint8Array(await response.arrayBuffer()));
      if (state.cut) {
        if (res.once) res.once('finish', () => req.destroy());
        else req.destroy();
      }
    };
    // A throw inside `send` lands here too, never as an unhandled rejection.
    handler(request, { req, res })
      .then(send)
      .catch((error: unknown) => {
        if (next) next(error);
        else if (!res.headersSent) sendPlain(res, 500, 'Internal Server Error');
      });
  };
}

/** Express middleware: `app.use(toExpress(handler))`, mounted before any body parser. */
export function toExpress<Req extends NodeRequestLike, Res extends NodeResponseLike>(
  handler: ConnectHandler<NodeContext<Req, Res>>,
): (req: Req, res: Res, next: NodeNext) => void {
  return toNodeHandler(handler);
}

/**
 * The path (query removed) and the path with its query of a request target: origin-form
 * (`/path?q`) as it is, absolute-form (`http://host/path?q`, what a forward proxy sends) as the
 * part after its authority. `undefined` for anything else, an authority no URL parser takes
 * (`http://%zz/`) or one with userinfo (`http://user:pass@host/`).
 */
function requestTarget(rawUrl: string): { path: string; pathAndQuery: string } | undefined {
  let pathAndQuery = rawUrl;
  if (!rawUrl.startsWith('/')) {
    const authority = /^https?:\/\/[^/?#]*/i.exec(rawUrl);
    if (authority === null) return undefined;
    try {
      const url = new URL(rawUrl);
      if (url.username !== '' || url.password !== '') return undefined;
    } catch {
      return undefined;
    }
    pathAndQuery = rawUrl.slice(authority[0].length);
    if (!pathAndQuery.startsWith('/')) pathAndQuery = `/${pathAndQuery}`;
  }
  const queryAt = pathAndQuery.search(/[?#]/);
  return { path: queryAt < 0 ? pathAndQuery : pathAndQuery.slice(0, queryAt), pathAndQuery };
}

function toRequest(req: NodeRequestLike, method: string, path: string, state: { cut: boolean }): Request {
  const host = headerValue(req.headers.host);
  // A Host that is not a plain host[:port] must not steer URL parsing (userinfo, paths).
  const safeHost =
    host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
      ? host
      : 'localhost';
  const protocol = (req.socket as { encrypted?: boolean } | null | undefined)?.encrypted ? 'https' : 'http';
  const url = `${protocol}://${safeHost}${path}`;
  // A plain record: the Request builds its Headers once (Node has already joined repeated headers).
  const headers: Record<string, string> = {};
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value === undefined || name.startsWith(':')) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (BODYLESS.has(method)) return new Request(url, { method, headers });
  if (req.readableEnded) {
    // A body parser mounted before this one (express.json()) consumed the stream: replay what it
    // parsed. The handler still applies its own size limit and schema to the replayed bytes.
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const parsed = req.body;
    const replay: string =
      parsed === undefined
        ? ''
        : typeof parsed === 'string'
          ? parsed
          : parsed instanceof Uint8Array
            ? new TextDecoder().decode(parsed)
            : JSON.stringify(parsed);
    return new Request(url, { method, headers, body: replay });
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk) => {
        if (state.cut) return;
        controller.enqueue(
          typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk),
        );
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!state.cut) controller.close();
      });
      req.on('error', (error) => {
        if (!state.cut) controller.error(error);
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      state.cut = true;
      req.pause();
    },
  });
  // `duplex: 'half'` is what Node's fetch requires of a streamed body; the DOM types lack it.
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A 400 in the envelope, for a request the glue cannot turn into a Fetch `Request`. */
function sendBadRequest(res: NodeResponseLike): void {
  const requestId = newRequestId();
  const body = { error: envelope(400, 'Proxy_BadRequest', 'The request is malformed', requestId) };
  res.statusCode = 400;
  for (const [name, value] of jsonResponse(400, '', requestId).headers) res.setHeader(name, value);
  res.setHeader('connection', 'close');
  res.end(JSON.stringify(body));
}

function sendPlain(res: NodeResponseLike, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(text);
}
