// @vitest-environment node
// `npm run demo` on a busy port (issue 11): one line that names the port and the flag to change,
// no stack trace, a non-zero exit, and nothing left listening.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Holds a free loopback port, as another program would. */
async function occupyPort(): Promise<number> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

function runDemo(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'demo', '--', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // A demo that started after all would never exit: stop it, and the test fails on its output.
    const timer = setTimeout(() => child.kill('SIGINT'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run demo on a busy port', () => {
  it.each([
    ['--port', (busy: number) => ['--port', String(busy), '--sandbox-port', '0']],
    ['--sandbox-port', (busy: number) => ['--port', '0', '--sandbox-port', String(busy)]],
  ])(
    'names the port and %s in one line, without a stack trace',
    async (flag, argsFor) => {
      const busy = await occupyPort();
      const { code, stdout, stderr } = await runDemo(argsFor(busy));
      expect(code).not.toBe(0);
      expect(stdout).not.toContain('Plugboard demo ');
      const lines = stderr.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toEqual([
        `plugboard demo: port ${busy} is in use; choose another with ${flag} (npm run demo -- ${flag} <port>).`,
      ]);
    },
    60_000,
  );

  it('refuses a port that is not a number, in one line', async () => {
    const { code, stderr } = await runDemo(['--port', 'http']);
    expect(code).not.toBe(0);
    expect(stderr.trim()).toBe(
      'plugboard demo: --port must be a port number from 0 to 65535 (0 picks a free one), not "http".',
    );
  }, 60_000);
});
