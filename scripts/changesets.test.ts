// @vitest-environment node
// Releases (issue 15, item 6): Changesets with every published package in one fixed group (they
// always share a version), each with a CHANGELOG.md that it ships.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPackages, root } from './pack.mjs';

const config = JSON.parse(readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8'));
const published = listPackages();

describe('Changesets', () => {
  it('puts every published package, and only those, in one fixed group', () => {
    expect(config.fixed).toHaveLength(1);
    expect([...config.fixed[0]].sort()).toEqual(published.map(({ name }) => name).sort());
    expect(config.linked).toEqual([]);
  });

  it('gives the published packages one version today', () => {
    expect(new Set(published.map(({ manifest }) => manifest.version)).size).toBe(1);
  });

  it.each(published.map(({ name, dir, manifest }) => [name, dir, manifest] as const))(
    '%s has a CHANGELOG.md headed with its name, listing its version, and ships it',
    (name, dir, manifest) => {
      const file = path.join(dir, 'CHANGELOG.md');
      expect(existsSync(file)).toBe(true);
      const changelog = readFileSync(file, 'utf8');
      expect(changelog.startsWith(`# ${name}\n`)).toBe(true);
      expect(changelog).toContain(`\n## ${manifest.version}\n`);
      expect(manifest.files).toContain('CHANGELOG.md');
    },
  );
});
