// Builds every package and packs it the way `pnpm publish` would: `publishConfig` applied (no
// `source` condition), `workspace:*` rewritten to versions. Shared by scripts/check-packages.mjs
// and the tarball test (e2e/tarball.spec.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/** ESM + .d.ts for every package, with tsdown (each package's `build` script). */
export function buildPackages() {
  execFileSync('pnpm', ['-r', '--filter', './packages/*', 'build'], { cwd: root, stdio: 'inherit' });
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
