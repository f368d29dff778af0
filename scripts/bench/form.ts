// The credential form's cost per keystroke at 70 and 300 fields: how many fields React renders for
// one keystroke (budget: the typed field alone) and how long one keystroke takes from the input event
// to React's commit. Measured with React's <Profiler> on React's *profiling* production build
// (react-dom/profiling, NODE_ENV=production) in happy-dom, so the milliseconds are React's and the
// kit's work without a browser's layout and paint; compare them run to run, not with a browser.
import { fork } from 'node:child_process';
import type { BenchRow } from './types';

process.env.NODE_ENV = 'production';

const KEYSTROKES = 200;
const WARM_UP = 20;

/** Installs a happy-dom window as the globals React DOM, Radix and react-hook-form read (the accounts bench uses it too). */
export async function installDom() {
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'http://127.0.0.1/' });
  const globals = globalThis as Record<string, unknown>;
  for (const name of [
    'document',
    'navigator',
    'location',
    'Node',
    'Element',
    'HTMLElement',
    'HTMLInputElement',
    'HTMLTextAreaElement',
    'HTMLButtonElement',
    'HTMLIFrameElement',
    'Text',
    'DocumentFragment',
    'Event',
    'InputEvent',
    'KeyboardEvent',
    'MouseEvent',
    'FocusEvent',
    'CustomEvent',
    'MutationObserver',
    'ResizeObserver',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ]) {
    globals[name] = (window as unknown as Record<string, unknown>)[name];
  }
  globals.window = window;
  return window;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function measure(fieldCount: number) {
  const window = await installDom();
  const { createElement: h, Profiler } = await import('react');
  // A variable specifier: react-dom ships no types for its profiling entry, which has client's API.
  const profilingEntry = 'react-dom/profiling';
  const { createRoot } = (await import(profilingEntry)) as typeof import('react-dom/client');
  const { createHttpBackend } = await import('@plugboard/core');
  const { ApiKeyConnectForm, ConnectProvider, createConnectQueryClient } = await import('@plugboard/react');

  const names = Array.from({ length: fieldCount }, (_, i) => `field_${i}`);
  const fields = names.map((name, i) => ({
    name,
    label: `Field ${i}`,
    kind: 'text' as const,
    required: i % 2 === 0,
  }));
  const renders = new Map<string, number>();
  const onRender = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);

  const container = window.document.createElement('div');
  window.document.body.appendChild(container as unknown as Node & typeof container);
  const root = createRoot(container as unknown as HTMLElement);
  // Never called: the fields are given, and nothing is submitted.
  const backend = createHttpBackend({ baseUrl: 'http://127.0.0.1:9' });
  root.render(
    h(
      ConnectProvider,
      { backend, queryClient: createConnectQueryClient() },
      h(
        ApiKeyConnectForm.Root,
        { authConfigId: 'ac_bench', fields },
        h(ApiKeyConnectForm.Error),
        ...names.map((name) =>
          h(Profiler, { key: name, id: name, onRender }, h(ApiKeyConnectForm.Field, { name })),
        ),
        h(ApiKeyConnectForm.Submit),
      ),
    ),
  );
  const typedName = names[Math.floor(fieldCount / 2)] as string;
  let input: HTMLInputElement | null = null;
  for (let tries = 0; tries < 200 && !input; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    input = container.querySelector(`input[name="${typedName}"]`) as unknown as HTMLInputElement | null;
  }
  if (!input) throw new Error(`the ${fieldCount}-field form did not render`);
  const setValue = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value')?.set;
  if (!setValue) throw new Error('no value setter');

  const times: number[] = [];
  let otherRenders = 0;
  let typedRenders = 0;
  let text = '';
  for (let i = 0; i < WARM_UP + KEYSTROKES; i++) {
    renders.clear();
    text += String.fromCharCode(97 + (i % 26));
    const started = performance.now();
    setValue.call(input, text);
    // A discrete event: React renders and commits before dispatchEvent returns.
    input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    const elapsed = performance.now() - started;
    await Promise.resolve();
    if (i < WARM_UP) continue;
    times.push(elapsed);
    for (const [id, count] of renders) {
      if (id === typedName) typedRenders += count;
      else otherRenders += count;
    }
  }
  root.unmount();
  await window.happyDOM.close();
  return {
    rendersPerKeystroke: (typedRenders + otherRenders) / KEYSTROKES,
    otherRenders,
    p50: median(times),
  };
}

type Result = Awaited<ReturnType<typeof measure>>;

/** Each size in a fresh process: a second form in the same process measured slower (leftover DOM and JIT state). */
function measureInChild(fieldCount: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, [], {
      execArgv: process.execArgv,
      env: { ...process.env, FORM_BENCH_FIELDS: String(fieldCount) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: Result | undefined;
    child.on('message', (message) => {
      result = message as Result;
    });
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the ${fieldCount}-field run exited with ${code}`)),
    );
  });
}

if (process.env.FORM_BENCH_FIELDS && process.send) {
  const result = await measure(Number(process.env.FORM_BENCH_FIELDS));
  process.send(result, () => process.exit(0));
}

export default async function formBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of [70, 300]) {
    const result = await measureInChild(count);
    rows.push(
      {
        metric: `form: field renders per keystroke, ${count} fields`,
        value: result.rendersPerKeystroke,
        unit: 'renders',
        budget: 1,
        note: `React Profiler over ${KEYSTROKES} keystrokes; other fields rendered ${result.otherRenders} times`,
      },
      {
        metric: `form: ms per keystroke (p50), ${count} fields`,
        value: Math.round(result.p50 * 1000) / 1000,
        unit: 'ms',
        note: 'input event to commit, React profiling build in happy-dom',
      },
    );
  }
  return rows;
}
