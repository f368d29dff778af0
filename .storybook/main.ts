import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal: (config) => ({
    ...config,
    resolve: { ...config.resolve, conditions: ['source', ...defaultClientConditions] },
    // Pre-bundled at start: a dependency found only mid-run makes Vite re-optimise and reload,
    // and the stories loading at that moment fail to fetch their modules.
    optimizeDeps: {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'radix-ui', 'radix-ui/internal'],
    },
  }),
};

export default config;
