#!/usr/bin/env node
// Runs every command of the README's "Working on Plugboard" table that finishes by itself, as the
// table spells it, so the table cannot drift from what works (issue 11: `pnpm build` failed in a
// fresh clone). A command that runs a whole suite gets the narrowest argument it documents (one
// file, one step, one topic): the suite itself runs in `pnpm test`'s other steps. A command that
// serves until stopped, or asks questions, is listed as such and not run. A command in the table
// that this file does not know fails the run: add it below. Usage: node scripts/readme-commands.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** @type {Record<string, { args: string, printed?: RegExp, crashed?: RegExp } | { skip: string }>} */
const KNOWN = {
  'pnpm test': { args: '--only lint' },
  'pnpm test:unit': { args: 'packages/core/src/connect-error.test.ts' },
  'pnpm test:stories': { args: 'packages/react/src/ConnectAccountButton.stories.tsx' },
  'pnpm test:e2e': { args: 'e2e/sandbox.spec.ts' },
  'pnpm exec vitest run --config vitest.react18-stories.config.ts': {
    args: 'packages/react/src/ConnectAccountButton.stories.tsx',
  },
  'pnpm storybook': { skip: 'serves until stopped' },
  'pnpm sandbox --port 4010': { skip: 'serves until stopped' },
  'pnpm changeset': { skip: 'asks which packages and what changed' },
  'pnpm build': { args: '' },
  // Budgets are the bench's own verdict (its table's `ok` column): here it must build, pack, bundle
  // and print every row, so a missed budget is not a broken command but a crashed topic is.
  'pnpm bench': { args: 'bundle', printed: /\n\d+ rows, \d+ missed\n/, crashed: /bench failed/ },
};

/** The commands in the first column of the README's "Working on Plugboard" table, in order. */
function readmeCommands(readme) {
  const start = readme.indexOf('\n## Working on Plugboard');
  if (start < 0) throw new Error('README.md has no "Working on Plugboard" section');
  const section = readme.slice(start + 1).split(/\n## /)[0];
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
}

const commands = readmeCommands(readFileSync(path.join(root, 'README.md'), 'utf8'));
if (commands.length === 0) throw new Error('the "Working on Plugboard" table lists no command');
const failures = [];
// `pnpm test` here must not write over the report of the run that started this one.
const testOutput = mkdtempSync(path.join(os.tmpdir(), 'plugboard-readme-'));
const env = { ...process.env, PLUGBOARD_TEST_OUTPUT: testOutput };
for (const command of commands) {
  const known = KNOWN[command];
  if (!known) {
    failures.push(command);
    console.log(`FAIL ${command}: not known to scripts/readme-commands.mjs; add how to run it there`);
    continue;
  }
  if ('skip' in known) {
    console.log(`skip ${command}: ${known.skip}`);
    continue;
  }
  const line = known.args ? `${command} ${known.args}` : command;
  const started = Date.now();
  const result = spawnSync(line, { cwd: root, shell: true, encoding: 'utf8', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const ran = result.status === 0 || (known.printed?.test(output) === true && !known.crashed?.test(output));
  if (ran) console.log(`ok   ${line} (${seconds} s)`);
  else {
    failures.push(command);
    console.log(output);
    console.log(`FAIL ${line}: exit ${result.status ?? result.signal} (${seconds} s)`);
  }
}
rmSync(testOutput, { recursive: true, force: true });
console.log(`\nREADME commands: ${commands.length - failures.length} of ${commands.length} ok`);
process.exit(failures.length === 0 ? 0 : 1);
