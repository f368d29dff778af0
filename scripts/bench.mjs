#!/usr/bin/env node
// `pnpm bench`: runs every scripts/bench/<topic>.ts (except types.ts), each in its own Node process
// (TypeScript through tsx, workspace packages from source; `bundle` measures the packed tarballs), one after another so they do not
// compete for the CPU, then prints ONE table and exits non-zero if any budget is missed.
// A bench that throws or crashes becomes a MISS row: the table never silently loses a topic.
// Usage: node scripts/bench.mjs [topic…]   (e.g. `pnpm bench bundle requests`)
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const benchDir = path.join(import.meta.dirname, 'bench');
const wanted = new Set(process.argv.slice(2));
const topics = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'types.ts' && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .filter((topic) => wanted.size === 0 || wanted.has(topic))
  .sort();

/** @typedef {import('./bench/types.ts').BenchRow & { topic: string }} Row */

/** @returns {Promise<Row[]>} */
function runTopic(topic) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = fork(path.join(benchDir, 'run-one.mjs'), [path.join(benchDir, `${topic}.ts`)], {
      execArgv: ['--conditions=source', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply;
    child.on('message', (message) => {
      reply = message;
    });
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.error(`bench: ${topic} done in ${seconds} s`);
      if (reply?.rows) resolve(reply.rows.map((row) => ({ topic, ...row })));
      else {
        const why = reply?.error ?? `exited with ${signal ?? `code ${code}`} before reporting`;
        resolve([{ topic, metric: `${topic}: bench failed`, value: Number.NaN, unit: '', note: why }]);
      }
    });
  });
}

/** ok / MISS / info: a row without a budget is information; a row whose value is not a number misses. */
function verdict(row) {
  if (row.budget === undefined) return Number.isFinite(row.value) ? 'info' : 'MISS';
  if (!Number.isFinite(row.value)) return 'MISS';
  return (row.compare ?? 'max') === 'max'
    ? row.value <= row.budget
      ? 'ok'
      : 'MISS'
    : row.value >= row.budget
      ? 'ok'
      : 'MISS';
}

function formatNumber(value) {
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(Math.abs(value) >= 100 ? 0 : 3);
}

function printTable(rows) {
  const header = ['metric', 'value', 'unit', 'budget', 'ok', 'note'];
  const lines = rows.map((row) => [
    row.metric,
    formatNumber(row.value),
    row.unit,
    row.budget === undefined
      ? ''
      : `${(row.compare ?? 'max') === 'max' ? '≤' : '≥'} ${formatNumber(row.budget)}`,
    verdict(row),
    row.note ?? '',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const numeric = new Set([1, 3]);
  const render = (cells) =>
    `| ${cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  console.log(render(header));
  console.log(
    `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
  );
  for (const line of lines) console.log(render(line));
}

if (topics.length === 0) {
  console.error(`bench: no topic matches ${[...wanted].join(', ')}`);
  process.exit(1);
}
const rows = [];
for (const topic of topics) rows.push(...(await runTopic(topic)));
console.log('');
printTable(rows);
const missed = rows.filter((row) => verdict(row) === 'MISS');
console.log(`\n${rows.length} rows, ${missed.length} missed`);
process.exit(missed.length === 0 ? 0 : 1);
