import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { type FilePersistence, filePersistence } from './persist-file';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';

export { type FilePersistence, filePersistence } from './persist-file';

export interface SandboxServerOptions extends SandboxOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number | undefined;
  /** Default 127.0.0.1. */
  host?: string | undefined;
}

export interface SandboxServer {
  /** The origin it serves, e.g. `http://127.0.0.1:4010`. */
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Node's request as a Fetch `Request` whose body streams (the handler stops at 64 KiB). */
function toRequest(req: http.IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    if (!name.startsWith(':')) headers.append(name, req.rawHeaders[i + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this for a streamed request body.
    ...(hasBody && { duplex: 'half' }),
  } as RequestInit);
}

async function sendResponse(req: http.IncomingMessage, res: http.ServerResponse, response: Response) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  // A body the handler refused unread (413): close the connection instead of reading the rest.
  if (!req.readableEnded && req.method !== 'GET' && req.method !== 'HEAD') headers.connection = 'close';
  res.writeHead(response.status, headers);
  if (response.body === null || req.method === 'HEAD') {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch {
    // A body that errors mid-way (dropNext): the client sees the connection drop, as on a real network.
    res.destroy();
    req.socket.destroy();
  }
}

/**
 * Serves a sandbox over HTTP on Node. `publicUrl` defaults to the address it listens on, so
 * `redirect_url` points at its own link page; `persistPath` keeps state in a JSON file.
 *
 * @example
 * const { url, sandbox, close } = await startSandboxServer({ port: 0 });
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  let persistence: FilePersistence | undefined;
  if (options.persistPath !== undefined) persistence = filePersistence(options.persistPath);

  let sandbox: Sandbox | undefined;
  let origin = '';
  const server = http.createServer((req, res) => {
    if (sandbox === undefined) {
      res.writeHead(503).end();
      return;
    }
    const current = sandbox;
    // Discarded, not buffered: whatever the handler left unread after a 413.
    res.on('finish', () => {
      if (!req.readableEnded) req.resume();
    });
    current
      .handle(toRequest(req, origin))
      .then((response) => sendResponse(req, res, response))
      .catch((error: unknown) => {
        console.error('[plugboard-sandbox] could not answer', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl}:${address.port}`;
  try {
    sandbox = createSandbox({
      ...options,
      publicUrl: options.publicUrl ?? origin,
      persistence: options.persistence ?? persistence,
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const created = sandbox;
  return {
    url: origin,
    sandbox: created,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persistence?.flush();
    },
  };
}
