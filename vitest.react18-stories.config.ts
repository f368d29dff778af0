import path from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { resolveReact18 } from './scripts/react18/resolve-react18.mjs';

// The stories again, against React 18 (`scripts/test.mjs` step `stories18`). A config of its own, run
// in its own vitest process: Storybook's vitest plugin pins Vite's dependency cache to one path per
// Storybook config, so a second stories project in the same run would share and overwrite the first's
// pre-bundled React. `scripts/react18/stories-setup.ts` fails the run if any React DOM but 18 renders.

/**
 * Runs after Storybook's plugin, whose `config` hook sets `cacheDir` to one path per Storybook config
 * directory: this run keeps its React 18 pre-bundles apart from the React 19 run's.
 */
function ownDependencyCache(): Plugin {
  return {
    name: 'plugboard:react18-stories-cache',
    enforce: 'post',
    config: () => ({ cacheDir: path.join(import.meta.dirname, 'node_modules', '.vite', 'react18-stories') }),
  };
}

export default defineConfig({
  plugins: [
    resolveReact18(),
    storybookTest({ configDir: path.join(import.meta.dirname, '.storybook') }),
    ownDependencyCache(),
  ],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Dependencies are pre-bundled by rolldown, outside Vite's plugin pipeline: without the same
  // resolution there, Storybook's renderer (@storybook/react-dom-shim, peer of the root's React 19)
  // bundles React DOM 19 beside 18, and every story fails.
  optimizeDeps: { rolldownOptions: { plugins: [resolveReact18()] } },
  test: {
    name: 'storybook-react18',
    setupFiles: ['./scripts/react18/stories-setup.ts'],
    browser: {
      enabled: true,
      headless: true,
      instances: [{ browser: 'chromium' }],
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    },
  },
});
