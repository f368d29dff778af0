import { defineConfig } from 'tsdown';

export default defineConfig({
  // index: Fetch-standard, runs in browsers too; server and cli: Node only (node:http, node:fs).
  entry: ['src/index.ts', 'src/server.ts', 'src/cli.ts'],
  format: 'esm',
  // `dist/*.mjs` + `dist/*.d.mts`: what `exports` and `bin` name.
  fixedExtension: true,
  dts: true,
  platform: 'node',
  clean: true,
});
