import path from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defineConfig } from 'vite';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { resolveReact18 } from './scripts/react18/resolve-react18.mjs';

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: [
            'packages/*/src/**/*.test.{ts,tsx}',
            'apps/*/src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          setupFiles: ['./scripts/vitest-setup.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/*/src/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        // The React package's unit tests again, against React 18 (see scripts/react18).
        extends: true,
        plugins: [resolveReact18()],
        test: {
          name: 'unit-react18',
          environment: 'happy-dom',
          include: ['packages/react/src/**/*.test.{ts,tsx}', 'scripts/react18/*.test.tsx'],
          // Portable stories bring @storybook/react-vite's own React 19; stories run on React 18 in
          // vitest.react18-stories.config.ts instead.
          exclude: ['packages/react/src/stories.test.tsx'],
          setupFiles: ['./scripts/vitest-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(import.meta.dirname, '.storybook') })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
          },
        },
      },
    ],
  },
});
