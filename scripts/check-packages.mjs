#!/usr/bin/env node
// Builds every package (ESM + .d.ts with tsdown), packs it as it would be published, and checks
// the tarball: publint --strict, Are the Types Wrong (ESM-only profile), "use client" on the React
// entry, a shebang on every bin, no `node:` import reachable from a browser entry, and every entry
// imported in plain Node (no `window`: what SSR does). Exits non-zero on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPackages, packPackages, root } from './pack.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
/** Entries that run only on Node: they may import `node:` modules. */
const NODE_ONLY = new Set(['./server']);

buildPackages();

const failures = [];
const passed = [];
function check(label, ok, detail = '') {
  if (ok) passed.push(label);
  else failures.push(detail ? `${label}: ${detail}` : label);
}

/** Runs a checker; its output is shown only when it fails, to keep the log readable. */
function tool(label, command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) process.stdout.write(`${result.stdout}${result.stderr}`);
  check(label, result.status === 0, result.status === 0 ? '' : 'see output above');
}

/** Every file a built ESM file reaches through relative static imports (its chunks), itself included. */
function reachableFiles(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:import|export)[^'"]*?from\s*["'](\.[^"']+)["']/g)) {
    reachableFiles(path.resolve(path.dirname(file), specifier), seen);
  }
  return seen;
}

/** The JS file an `exports` entry names for ESM consumers (string or conditions object). */
function importTarget(entry) {
  if (typeof entry === 'string') return entry.endsWith('.mjs') || entry.endsWith('.js') ? entry : undefined;
  return entry?.import ?? entry?.default;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'plugboard-pack-'));
try {
  for (const { name, dir, tarball } of packPackages(temp)) {
    // What was packed, as the registry would see it: publishConfig applied.
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );

    tool(`${name}: publint --strict`, bin('publint'), ['run', '--strict', tarball]);
    const cssEntries = Object.keys(manifest.exports ?? {}).filter((key) => key.endsWith('.css'));
    tool(`${name}: attw (esm-only)`, bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      ...(cssEntries.length > 0 ? ['--exclude-entrypoints', ...cssEntries] : []),
    ]);

    check(
      `${name}: no \`source\` condition or src/ in the tarball`,
      !JSON.stringify(manifest.exports).includes('"source"') &&
        !listing.some((f) => f.startsWith('package/src/')),
      'publishConfig.exports must drop `source`, and `files` must leave src/ out',
    );
    check(
      `${name}: no workspace: protocol in the tarball`,
      !JSON.stringify(manifest).includes('workspace:'),
      'pack must rewrite workspace:* to versions',
    );

    for (const [command, target] of Object.entries(manifest.bin ?? {})) {
      const file = path.join(dir, target);
      check(
        `${name}: bin ${command} has a shebang`,
        existsSync(file) && readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node'),
        `${target} must start with #!/usr/bin/env node`,
      );
    }

    for (const [key, entry] of Object.entries(manifest.exports ?? {})) {
      const target = importTarget(entry);
      if (!target) continue;
      const file = path.join(dir, target);
      if (!NODE_ONLY.has(key)) {
        const nodeImports = [...reachableFiles(file)].filter((f) =>
          /from\s*["']node:|import\(["']node:/.test(readFileSync(f, 'utf8')),
        );
        check(
          `${name} ${key}: no node: import reachable (browser-safe)`,
          nodeImports.length === 0,
          `reached from ${target}: ${nodeImports.map((f) => path.relative(dir, f)).join(', ')}`,
        );
      }
      // Plain Node has no `window` or `document`: an entry touching them at import time throws here.
      const imported = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)});`],
        { cwd: dir, encoding: 'utf8' },
      );
      check(`${name} ${key}: imports in plain Node (SSR)`, imported.status === 0, imported.stderr.trim());
    }

    if (name === '@plugboard/react') {
      const entry = path.join(dir, importTarget(manifest.exports['.']));
      check(
        `${name}: built entry starts with "use client"`,
        /^["']use client["'];/.test(readFileSync(entry, 'utf8')),
        'React Server Components need the directive as the first statement of dist/index.mjs',
      );
      // A server component reaches only the entry's own exports: `ApiKeyConnectForm.Root` is undefined
      // across the client boundary, `ApiKeyConnectFormRoot` is not.
      const parts = ['Root', 'Fields', 'Field', 'Submit', 'Error'].map((part) => `ApiKeyConnectForm${part}`);
      const named = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(entry).href)});` +
            `const missing = ${JSON.stringify(parts)}.filter((name) => m[name] === undefined || m[name] !== m.ApiKeyConnectForm[name.slice(17)]);` +
            'if (missing.length) { console.error(missing.join(", ")); process.exit(1); }',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      check(`${name}: the form's parts are named exports`, named.status === 0, named.stderr.trim());
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

console.log(`\npackage checks: ${passed.length} passed, ${failures.length} failed`);
for (const failure of failures) console.log(`  FAIL ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);
