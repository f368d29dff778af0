import { defineConfig } from 'tsdown';

export default defineConfig({
  // `internal`: helpers for the kit's own packages, not public API (`@plugboard/core/internal`).
  // `fixtures`: the API's example bodies, for tests of any backend (`@plugboard/core/fixtures`).
  entry: { index: 'src/index.ts', internal: 'src/internal.ts', fixtures: 'src/fixtures/api-examples.ts' },
  format: 'esm',
  // One output module per source module: with `sideEffects: false` an app's bundler drops every
  // module it does not import (issue 11: one file per package made the button pay for the form).
  unbundle: true,
  // `dist/index.mjs` + `dist/index.d.mts`, whatever the package type: what `exports` names.
  fixedExtension: true,
  dts: true,
  // Runs in browsers, Node, workers and edge runtimes alike: no platform-specific resolution.
  platform: 'neutral',
  clean: true,
});
