// @vitest-environment node
// The README's integration sections show the example apps' files (issue 11): each code block after
// a `<!-- file: apps/… -->` marker must be that file, byte for byte, and every file below must have
// one. Change an example and its snippet together, or this fails.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** Every marked snippet: the file it names and the code block that follows the marker. */
function markedSnippets(markdown: string): { file: string; code: string }[] {
  const pattern = /<!-- file: (\S+) -->\s*\n```[a-z]*\n([\s\S]*?)\n```/g;
  return [...markdown.matchAll(pattern)].map((match) => ({ file: match[1] ?? '', code: match[2] ?? '' }));
}

const REQUIRED = [
  'apps/example-vite/src/Integrations.tsx',
  'apps/example-vite/src/main.tsx',
  'apps/example-vite/server.js',
  'apps/example-vite/vite.config.ts',
  'apps/example-next/app/api/connect/[...path]/route.ts',
  'apps/example-next/app/settings/integrations/connections.tsx',
  'apps/example-next/app/connect/callback/page.tsx',
  'apps/example-next/app/settings/zendesk/page.tsx',
  'apps/example-next/app/plugboard-provider.tsx',
];

describe("the README's integration snippets", () => {
  const snippets = markedSnippets(readme);

  it('show every file of the example apps that a user writes', () => {
    expect(snippets.map((snippet) => snippet.file)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(snippets.map((snippet) => [snippet.file, snippet.code] as const))(
    '%s is the file',
    (file, code) => {
      const full = path.join(root, file);
      expect(existsSync(full), `${file} does not exist`).toBe(true);
      expect(code).toBe(readFileSync(full, 'utf8').replace(/\n$/, ''));
    },
  );

  it('finds a difference (a changed line fails)', () => {
    const [first] = snippets;
    if (!first) throw new Error('no marked snippet in README.md');
    const changed = readme.replace(first.code, first.code.replace(/\n/, '\n// drifted\n'));
    const drifted = markedSnippets(changed).find((snippet) => snippet.file === first.file);
    expect(drifted?.code).not.toBe(readFileSync(path.join(root, first.file), 'utf8').replace(/\n$/, ''));
  });
});
