import { existsSync } from 'node:fs';
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/locales/de.ts'],
  format: 'esm',
  // One output module per source module: with `sideEffects: false` an app's bundler drops every
  // module it does not import (issue 11: one file per package made the button pay for the form).
  unbundle: true,
  // `dist/index.mjs` + `dist/index.d.mts`, whatever the package type: what `exports` names.
  fixedExtension: true,
  dts: true,
  platform: 'neutral',
  clean: true,
  // No `banner` for "use client": rolldown keeps src/index.ts's directive at the top of the single
  // chunk, and a banner would print it twice. scripts/check-packages.mjs fails if it is ever lost.
  // The stylesheet ships beside the code as `@plugboard/react/styles.css`.
  copy: existsSync('src/styles.css') ? [{ from: 'src/styles.css', flatten: true }] : [],
});
