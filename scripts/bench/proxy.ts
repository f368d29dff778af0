// @plugboard/server's cost: GET of a connected account through the proxy (Node http glue → the
// sandbox *server*) against the same GET sent straight to the sandbox server, over loopback, in one
// run, requests interleaved so both see the same machine. And the time spent inside the handler
// itself: its whole run minus the upstream call (fetch and body), as its own log entries report them.
// The sandbox runs in its own process (its CLI), as Composio would: sharing the bench's event loop
// would bill the proxy path for the sandbox's work twice over.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createConnectHandler, toNodeHandler } from '@plugboard/server';
import type { BenchRow } from './types';

const REQUESTS = 2_000;
const WARMUP = 200;
const API_KEY = 'bench-proxy-key';
const USER = 'bench-user';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export default async function proxyBench(): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess();
  const selfMs: number[] = [];
  const handler = createConnectHandler({
    apiKey: API_KEY,
    baseUrl: sandbox.url,
    getUserId: () => USER,
    allowedAuthConfigIds: ['ac_github'],
    // The handler times its own run and, inside it, the upstream call from fetch to the last byte
    // of the body; the difference is the time it spends itself.
    log: (entry) => {
      if (entry.upstreamMs !== undefined) selfMs.push(entry.durationMs - entry.upstreamMs);
    },
  });
  const server = http.createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    const link = await fetch(`${sandbox.url}/api/v3/connected_accounts/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ auth_config_id: 'ac_github', user_id: USER }),
    });
    const { connected_account_id: id } = (await link.json()) as { connected_account_id: string };
    const direct = async () => {
      const response = await fetch(`${sandbox.url}/api/v3/connected_accounts/${id}`, {
        headers: { 'x-api-key': API_KEY },
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`direct GET answered ${response.status}`);
    };
    const viaProxy = async () => {
      const response = await fetch(`${proxyUrl}/api/connect/api/v3/connected_accounts/${id}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`proxied GET answered ${response.status}`);
    };
    const timeOf = async (run: () => Promise<void>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };

    for (let i = 0; i < WARMUP; i += 1) {
      await direct();
      await viaProxy();
    }
    selfMs.length = 0;
    const directMs: number[] = [];
    const proxyMs: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      // Alternate which goes first, so neither always runs on a warmer connection.
      if (i % 2 === 0) {
        directMs.push(await timeOf(direct));
        proxyMs.push(await timeOf(viaProxy));
      } else {
        proxyMs.push(await timeOf(viaProxy));
        directMs.push(await timeOf(direct));
      }
    }
    const note = `${REQUESTS} GETs each, loopback, interleaved, after ${WARMUP} warm-up`;
    const round = (value: number) => Math.round(value * 1000) / 1000;
    return [
      {
        metric: 'GET account direct to sandbox server, p50',
        value: round(percentile(directMs, 50)),
        unit: 'ms',
        note,
      },
      {
        metric: 'GET account direct to sandbox server, p99',
        value: round(percentile(directMs, 99)),
        unit: 'ms',
        note,
      },
      {
        metric: 'GET account via proxy (Node glue), p50',
        value: round(percentile(proxyMs, 50)),
        unit: 'ms',
        note,
      },
      {
        metric: 'GET account via proxy (Node glue), p99',
        value: round(percentile(proxyMs, 99)),
        unit: 'ms',
        note,
      },
      {
        metric: 'proxy / direct, p50',
        value: round(percentile(proxyMs, 50) / percentile(directMs, 50)),
        unit: '×',
        budget: 2.2,
        note: 'one extra hop on loopback',
      },
      {
        metric: 'proxy / direct, p99',
        value: round(percentile(proxyMs, 99) / percentile(directMs, 99)),
        unit: '×',
      },
      {
        metric: 'handler self time (upstream excluded), p50',
        value: round(percentile(selfMs, 50)),
        unit: 'ms',
        budget: 0.3,
        note: `${selfMs.length} proxied GETs; the handler's run minus its upstream fetch + body read`,
      },
      {
        metric: 'handler self time (upstream excluded), p99',
        value: round(percentile(selfMs, 99)),
        unit: 'ms',
      },
    ];
  } finally {
    await new Promise((resolve) => server.close(resolve));
    sandbox.close();
  }
}

/** The sandbox CLI on a free port, in a child process; resolves once it prints its URL. */
async function startSandboxProcess(): Promise<{ url: string; close(): void }> {
  const cli = path.join(import.meta.dirname, '..', '..', 'packages', 'sandbox', 'src', 'cli.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      cli,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--api-key',
      API_KEY,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /https?:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.on('exit', (code: number | null) =>
      reject(new Error(`the sandbox CLI exited with ${code} before listening`)),
    );
  });
  return { url, close: () => child.kill() };
}
