// Builds every package and packs it the way `pnpm publish` would: `publishConfig` applied (no
// `source` condition), `workspace:*` rewritten to versions. Shared by scripts/check-packages.mjs
// and the tarball test (e2e/tarball.spec.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** @returns {{ name: string, dir: string, manifest: Record<string, any> }[]} every publishable package */
export function listPackages() {
  return readdirSync(path.join(root, 'packages'))
    .map((folder) => path.join(root, 'packages', folder))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }));
}

/**
 * ESM + .d.ts for every package, with tsdown (each package's `build` script). Quiet unless it fails.
 * @param {{ ifStale?: boolean }} [options] `ifStale`: skip it when every dist/ is newer than its sources
 */
export function buildPackages({ ifStale = false } = {}) {
  if (ifStale && listPackages().every(({ dir }) => isFresh(dir))) return;
  try {
    execFileSync('pnpm', ['-r', '--filter', './packages/*', 'build'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error('building the packages failed (output above)');
  }
}

/** Whether a package's dist/ was built after its last source, manifest or build-config change. */
function isFresh(dir) {
  const entry = path.join(dir, 'dist', 'index.mjs');
  if (!existsSync(entry)) return false;
  const built = statSync(entry).mtimeMs;
  const inputs = [
    path.join(dir, 'package.json'),
    path.join(dir, 'tsdown.config.ts'),
    ...walk(path.join(dir, 'src')),
  ];
  return inputs.every((file) => !existsSync(file) || statSync(file).mtimeMs < built);
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/**
 * Packs every package into `destination`.
 * @param {string} destination
 * @returns {{ name: string, dir: string, tarball: string }[]}
 */
export function packPackages(destination) {
  return listPackages().map(({ name, dir }) => {
    const output = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // pnpm may print lifecycle output before the JSON object.
    const json = JSON.parse(output.slice(output.indexOf('{')));
    return { name, dir, tarball: json.filename };
  });
}
