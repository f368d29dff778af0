// Setup of the React 18 stories run only (vitest.react18-stories.config.ts). Every React DOM renderer
// that loads registers itself with the DevTools hook, so recording them proves what rendered the
// stories — importing `react` here would prove nothing, this folder resolves React 18 anyway. Vitest
// runs this file before Storybook's annotations load its renderer; a check that saw no renderer fails.
import { afterAll } from 'vitest';

const renderers: string[] = [];
const scope = globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown };
scope.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject(internals: { version?: string }) {
    renderers.push(internals.version ?? 'unknown');
    return renderers.length;
  },
  checkDCE() {},
  onCommitFiberRoot() {},
  onCommitFiberUnmount() {},
};

afterAll(() => {
  if (renderers.length === 0) throw new Error('no React DOM renderer registered: the check saw nothing');
  const other = renderers.filter((version) => !version.startsWith('18.'));
  if (other.length > 0) throw new Error(`React DOM ${other.join(', ')} rendered, expected 18 only`);
});
