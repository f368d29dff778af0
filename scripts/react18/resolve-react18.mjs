// A Vite plugin that runs the same sources and tests against React 18 (vitest project `unit-react18`).
import path from 'node:path';

/**
 * The packages that bind to React. Resolved from this folder, each is pnpm's instance whose `react`
 * peer is React 18, so what they import natively (outside Vite) is React 18 too — one React, not two.
 */
const REACT_BOUND = new Set([
  'react',
  'react-dom',
  '@tanstack/react-query',
  'radix-ui',
  'react-hook-form',
  '@hookform/resolvers',
  '@testing-library/react',
]);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative, absolute and virtual ids → undefined. */
function packageName(id) {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || id.includes(':')) return undefined;
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @returns {import('vite').Plugin} */
export function resolveReact18() {
  const importer = path.join(import.meta.dirname, 'package.json');
  return {
    name: 'plugboard:react18',
    enforce: 'pre',
    resolveId(source, _importer, options) {
      const name = packageName(source);
      if (name === undefined || !REACT_BOUND.has(name)) return null;
      return this.resolve(source, importer, { ...options, skipSelf: true });
    },
  };
}
