import type { Plugin } from 'vite';

/** Resolves React and every package bound to it from `scripts/react18`, i.e. React 18. */
export function resolveReact18(): Plugin;
