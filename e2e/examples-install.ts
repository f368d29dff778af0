// What the example apps' e2e share: an example copied out of the workspace as a user would have it,
// its `@plugboard/*` dependencies replaced by the packed tarballs, installed with npm; and its
// production server started and stopped.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPackages, packPackages, root } from '../scripts/pack.mjs';

export interface InstalledExample {
  /** The example's folder in the OS temp directory, installed. */
  dir: string;
  /** The temp directory that holds it and the tarballs: remove it when done. */
  temp: string;
}

/** Copies `apps/<name>` (without node_modules and build output), points it at the tarballs, npm installs. */
export function installExample(name: string): InstalledExample {
  const temp = mkdtempSync(path.join(os.tmpdir(), `plugboard-${name}-`));
  const tarballs = path.join(temp, 'tarballs');
  mkdirSync(tarballs);
  // `pnpm test` built them minutes ago (packages step): rebuild only what changed since.
  buildPackages({ ifStale: true });
  const packed = packPackages(tarballs);
  const dir = path.join(temp, name);
  const skip = new Set(['node_modules', 'dist', '.next', 'next-env.d.ts']);
  cpSync(path.join(root, 'apps', name), dir, {
    recursive: true,
    filter: (source) => !skip.has(path.basename(source)),
  });
  const manifestPath = path.join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const { name: pkg, tarball } of packed) {
    for (const field of ['dependencies', 'devDependencies']) {
      if (manifest[field]?.[pkg]) manifest[field][pkg] = `file:${tarball}`;
    }
  }
  // The packages depend on each other by version (`@plugboard/core: 0.1.0`): use the tarballs.
  manifest.overrides = Object.fromEntries(packed.map(({ name: pkg, tarball }) => [pkg, `file:${tarball}`]));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
  return { dir, temp };
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** Starts a long-running server and resolves once `url` answers; its output is kept for failures. */
export async function startServer(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return { child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${url} did not answer within 60 s:\n${output}`);
}
