import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations
import { createProgram, reportFor, reportPath } from './api-report.mjs';

// The public API of each package is checked in (api-report/*.api.md). A change of surface that is
// not reviewed and recorded fails here: run `node scripts/api-report.mjs` and commit the diff.
// The type checker's first pass over the workspace takes seconds on a loaded 2-core machine.
describe('the public API report', { timeout: 60_000 }, () => {
  const program = createProgram();
  it.each(['core', 'react', 'server', 'sandbox'])('@plugboard/%s matches api-report/', (pkg) => {
    const recorded = readFileSync(reportPath(pkg), 'utf8');
    expect(reportFor(pkg, program), 'run `node scripts/api-report.mjs` and review the diff').toBe(recorded);
  });

  it('leaves @plugboard/core/internal out of the public report', () => {
    expect(readFileSync(reportPath('core'), 'utf8')).not.toContain('@plugboard/core/internal');
  });
});
