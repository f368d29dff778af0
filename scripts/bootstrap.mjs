#!/usr/bin/env node
// The README's commands start here, on a machine that may have nothing but Node ≥ 20:
// get the pinned pnpm (without corepack and without root), install the workspace, then run
// the task. Usage: node scripts/bootstrap.mjs <demo|test|bench> [args…]
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [task = 'test', ...rest] = process.argv.slice(2);
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) fail(`Node ${process.versions.node} is too old: Plugboard needs Node 20 or newer.`);

function fail(message) {
  console.error(`plugboard: ${message}`);
  process.exit(1);
}

function versionOf(command) {
  try {
    return execFileSync(command, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The pinned pnpm: the one on PATH if it is that version, else a private copy in `.tools/`. */
function findPnpm() {
  if (versionOf('pnpm') === pinned) return 'pnpm';
  const local = path.join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (versionOf(local) === pinned) return local;
  console.log(`plugboard: installing pnpm ${pinned} into .tools/ …`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      path.join(root, '.tools'),
      '--no-save',
      '--no-audit',
      '--no-fund',
      `pnpm@${pinned}`,
    ],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (versionOf(local) !== pinned) fail(`could not install pnpm ${pinned}: try \`npm i -g pnpm@${pinned}\`.`);
  return local;
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const pnpm = findPnpm();
const pnpmDir = path.dirname(pnpm === 'pnpm' ? 'pnpm' : pnpm);
const env = pnpm === 'pnpm' ? {} : { PATH: `${pnpmDir}${path.delimiter}${process.env.PATH}` };

const installed = await run(pnpm, ['install', '--frozen-lockfile', '--prefer-offline'], env);
if (installed !== 0) process.exit(installed);

const tasks = {
  // apps/demo's `dev` script, run by Node itself: pnpm would add its own failure lines under the
  // demo's one-line message (a busy port, say).
  demo: () =>
    run(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', path.join(root, 'apps', 'demo', 'server.ts'), ...rest],
      env,
    ),
  test: () => run(process.execPath, [path.join(root, 'scripts', 'test.mjs'), ...rest], env),
  bench: () => run(process.execPath, [path.join(root, 'scripts', 'bench.mjs'), ...rest], env),
};
const runTask = tasks[task];
if (!runTask) fail(`unknown task "${task}": use demo, test or bench.`);
process.exit(await runTask());
