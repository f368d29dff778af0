// What a user's bundle pays for the kit, measured on what npm users install: every package is built
// (tsdown), packed with `pnpm pack` (publishConfig applied: no `source` condition, no src/), and the
// tarballs are extracted into a scratch node_modules. Small entries that import parts of
// @plugboard/react and @plugboard/core are then bundled by Vite 8 (rolldown + oxc minifier, what a
// Vite app's production build does) with the conditions `module, browser, production, default`,
// tree-shaking on and each package.json's `sideEffects` honoured, and measured min+gzip (level 9).
// The kit's own dependencies (zod, radix-ui, react-hook-form, …) resolve from the workspace's
// node_modules, at the versions the packages pin.
//
// `PLUGBOARD_BENCH_MODULES=1 pnpm bench bundle` also prints, for each entry bundled, what each module
// of it costs: its rendered code minified on its own and gzipped on its own (an upper bound for
// its share of the row, since gzip shares nothing between modules), biggest first, to stderr.
// `PLUGBOARD_BENCH_DUMP=<folder>` writes each bundle there, to read what an app really ships.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, minify, type Rolldown } from 'vite';
import { buildPackages, packPackages, root } from '../pack.mjs';
import type { BenchRow } from './types';

const ENTRY = '\0plugboard-bench-entry';

const REACT_PEERS = ['react', 'react-dom', '@tanstack/react-query'];
const PEERS = [...REACT_PEERS, 'radix-ui', '@radix-ui/', 'zod'];
const FORM_LIBRARY = ['react-hook-form', '@hookform/resolvers'];

/** `name` and its subpaths (`react/jsx-runtime`, `zod/mini`, …); a name ending in `/` is a scope. */
function isExternal(id: string, names: string[]): boolean {
  return names.some((name) =>
    name.endsWith('/') ? id.startsWith(name) : id === name || id.startsWith(`${name}/`),
  );
}

/**
 * Builds, packs and extracts the packages: `<scratch>/node_modules/@plugboard/<name>`. The scratch
 * folder is inside the workspace's node_modules, so the packages' own dependencies resolve upward.
 */
export function installTarballs(): string {
  const scratch = path.join(root, 'node_modules', '.plugboard-bench');
  rmSync(scratch, { recursive: true, force: true });
  const tarballs = path.join(scratch, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  buildPackages({ ifStale: true });
  for (const { name, tarball } of packPackages(tarballs)) {
    const target = path.join(scratch, 'node_modules', ...name.split('/'));
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  }
  return scratch;
}

interface Measured {
  bytes: number;
  gzip: number;
}

/** Each module's own code, minified and gzipped alone: which modules an entry pays most for. */
async function printModules(entry: string, chunks: Rolldown.OutputChunk[]): Promise<void> {
  const lines: Array<{ id: string; minified: number; gzip: number }> = [];
  for (const [id, module] of chunks.flatMap((chunk) => Object.entries(chunk.modules))) {
    if (!module.code) continue;
    const { code } = await minify('module.js', module.code);
    lines.push({
      id: id.replace(/^.*node_modules\//, '').replace(root + path.sep, ''),
      minified: code.length,
      gzip: gzipSync(code, { level: 9 }).byteLength,
    });
  }
  lines.sort((a, b) => b.gzip - a.gzip);
  const table = lines.map(
    (line) => `${String(line.gzip).padStart(7)} ${String(line.minified).padStart(8)}  ${line.id}`,
  );
  process.stderr.write(`\n${entry}\nbytes gzip / minified per module (each alone)\n${table.join('\n')}\n`);
}

/** Bundles, minifies and gzips `code`; throws the bundler's error (e.g. a missing export) as is. */
async function measure(appRoot: string, code: string, external: string[]): Promise<Measured> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: appRoot,
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    // No `source`: the tarballs' exports do not have it anyway.
    resolve: { conditions: ['module', 'browser', 'production', 'default'] },
    plugins: [
      {
        name: 'plugboard:bench-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? code : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      // The CSS is a separate import (`@plugboard/react/styles.css`), measured by no row here.
      cssCodeSplit: false,
      rolldownOptions: {
        input: ENTRY,
        preserveEntrySignatures: 'exports-only',
        external: (id) => isExternal(id, external),
        output: { format: 'es' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((file) => file.type === 'chunk');
  const contents = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.code)));
  if (contents.byteLength === 0) throw new Error('the bundler produced no output');
  if (process.env.PLUGBOARD_BENCH_MODULES) await printModules(code, chunks);
  const dump = process.env.PLUGBOARD_BENCH_DUMP;
  if (dump) {
    mkdirSync(dump, { recursive: true });
    const name = createHash('sha256').update(code).digest('hex').slice(0, 8);
    writeFileSync(path.join(dump, `${name}.js`), `// ${code}\n${contents}`);
  }
  return { bytes: contents.byteLength, gzip: gzipSync(contents, { level: 9 }).byteLength };
}

interface Case {
  metric: string;
  code: string;
  /** Measure what `code` adds to this entry: the row is the difference of the two. */
  minus?: string;
  external: string[];
  budget?: number;
  note: string;
}

// Exact, in kB of 1,000 bytes: a budget is compared with the unrounded value.
const kB = (bytes: number) => bytes / 1000;

// The paths issue 11 budgets: provider + button + flow, and provider + form, each alone and with
// the backend a browser app makes (createHttpBackend), which is where zod's parsing comes in.
const BUTTON_PATH = "export { ConnectProvider, ConnectAccountButton } from '@plugboard/react';";
const FORM_PATH = "export { ConnectProvider, ApiKeyConnectForm } from '@plugboard/react';";
const WITH_BACKEND = "export { createHttpBackend } from '@plugboard/core'; ";
const ACCOUNTS_PATH =
  "export { ConnectedAccountList, useConnectedAccounts, useDisconnect, useSetAccountEnabled } from '@plugboard/react';";
const WHOLE_KIT = "export * from '@plugboard/react'; export * from '@plugboard/core';";
const PEERS_BUT_ZOD = PEERS.filter((name) => name !== 'zod');

const cases: Case[] = [
  {
    metric: 'tarball: button path, peers external (min+gzip)',
    code: BUTTON_PATH,
    external: PEERS,
    budget: 6,
    note: 'provider + button + flow; react, react-dom, react-query, radix-ui, zod external',
  },
  {
    metric: 'tarball: button path + createHttpBackend, zod bundled',
    code: WITH_BACKEND + BUTTON_PATH,
    external: PEERS_BUT_ZOD,
    budget: 15,
    note: 'what a browser app imports to connect by popup; zod bundled, react, react-dom, react-query, radix-ui external',
  },
  {
    metric: 'tarball: form path, peers external (min+gzip)',
    code: FORM_PATH,
    external: [...PEERS, ...FORM_LIBRARY],
    budget: 10,
    note: 'provider + form; react-hook-form and @hookform/resolvers external too',
  },
  {
    metric: 'tarball: form path + createHttpBackend, all bundled but React',
    code: WITH_BACKEND + FORM_PATH,
    external: REACT_PEERS,
    budget: 40,
    note: 'everything bundled (zod, radix-ui, react-hook-form, resolvers) except react, react-dom, react-query',
  },
  {
    // Issue 12: <ConnectedAccountList> and the account hooks, on top of the provider an app has anyway.
    metric: 'tarball: account list + hooks, peers external (min+gzip)',
    code: `${ACCOUNTS_PATH} export { ConnectProvider } from '@plugboard/react';`,
    external: [...PEERS, ...FORM_LIBRARY],
    note: 'provider + ConnectedAccountList + the three hooks; its Reconnect brings the connect flow, which the button path has too',
  },
  {
    metric: 'tarball: account list + hooks beside the button path (added min+gzip)',
    code: `${ACCOUNTS_PATH} ${BUTTON_PATH}`,
    minus: BUTTON_PATH,
    external: [...PEERS, ...FORM_LIBRARY],
    budget: 4,
    note: 'what the list and the hooks add to an app that has the button path (provider and connect flow)',
  },
  {
    metric: "tarball: button's account actions, a separate import (added min+gzip)",
    code: `export { accountActions } from '@plugboard/react'; ${BUTTON_PATH}`,
    minus: BUTTON_PATH,
    external: [...PEERS, ...FORM_LIBRARY],
    budget: 3,
    note: 'accountActions (Disconnect with its dialog, Reconnect, the account list query) added to the button path',
  },
  {
    metric: 'tarball: whole kit, peers external (min+gzip)',
    code: WHOLE_KIT,
    external: [...PEERS, ...FORM_LIBRARY],
    note: 'every export of @plugboard/react and @plugboard/core',
  },
];

export default async function bundleBench(): Promise<BenchRow[]> {
  const appRoot = installTarballs();
  const rows: BenchRow[] = [];
  try {
    for (const item of cases) {
      const whole = await measure(appRoot, item.code, item.external);
      const base =
        item.minus === undefined ? { bytes: 0, gzip: 0 } : await measure(appRoot, item.minus, item.external);
      const bytes = whole.bytes - base.bytes;
      const gzip = whole.gzip - base.gzip;
      rows.push({
        metric: item.metric,
        unit: 'kB',
        ...(item.budget === undefined ? {} : { budget: item.budget }),
        value: kB(gzip),
        note: `${item.note}; ${kB(bytes)} kB minified`,
      });
    }
  } finally {
    rmSync(appRoot, { recursive: true, force: true });
  }
  return rows;
}
