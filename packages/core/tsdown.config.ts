import { defineConfig } from 'tsdown';

export default defineConfig({
  // `internal`: helpers for the kit's own packages, not public API (`@plugboard/core/internal`).
  // `fixtures`: the API's example bodies, for tests of any backend (`@plugboard/core/fixtures`).
  entry: { index: 'src/index.ts', internal: 'src/internal.ts', fixtures: 'src/fixtures/api-examples.ts' },
  format: 'esm',
  // `dist/index.mjs` + `dist/index.d.mts`, whatever the package type: what `exports` names.
  fixedExtension: true,
  dts: true,
  // Runs in browsers, Node, workers and edge runtimes alike: no platform-specific resolution.
  platform: 'neutral',
  clean: true,
});
