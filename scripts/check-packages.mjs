#!/usr/bin/env node
// Builds every package (ESM + .d.ts with tsdown) and checks what would be published:
// publint on each package.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const packages = readdirSync(path.join(root, 'packages')).map((name) => path.join(root, 'packages', name));

execFileSync('pnpm', ['-r', '--filter', './packages/*', 'build'], { cwd: root, stdio: 'inherit' });
let failed = 0;
for (const dir of packages) {
  try {
    execFileSync(bin('publint'), ['run', '--strict', dir], { cwd: root, stdio: 'inherit' });
  } catch {
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);
