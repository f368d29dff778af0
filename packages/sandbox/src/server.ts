import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type NodeContext, toNodeHandler } from '@plugboard/server';
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

/**
 * Sends a response whose body breaks halfway (`dropNext`) the way a network drops it: the status
 * and what arrived are written, then the socket is destroyed. Any other response is returned for
 * the bridge to send.
 */
async function sendOrDrop(response: Response, res: http.ServerResponse): Promise<Response> {
  if (response.body === null) return response;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    for (const chunk of chunks) res.write(chunk);
    res.destroy();
    return new Response(null, { status: response.status });
  }
  return new Response(new Blob(chunks as BlobPart[]), { status: response.status, headers: response.headers });
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
  // One Node bridge for the kit: @plugboard/server's (streamed bodies, 413 closes the connection,
  // a malformed request is a 400 and the process lives on).
  const handler = Object.assign(
    async (request: Request, context?: NodeContext<http.IncomingMessage, http.ServerResponse>) => {
      if (sandbox === undefined) return new Response(null, { status: 503 });
      const response = await sandbox.handle(request);
      return context === undefined ? response : sendOrDrop(response, context.res);
    },
    { basePath: '/' },
  );
  const server = http.createServer(toNodeHandler(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostForUrl}:${address.port}`;
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
