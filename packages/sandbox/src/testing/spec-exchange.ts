// One response as the spec oracle checks it, read from a `Response`, and where the checkout is.
// No Ajv here: the unit setup and the e2e servers read responses with this alone, and load the
// oracle (Ajv, the spec) only when they check.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** One response the oracle saw: what was asked and what came back. */
export interface SpecExchange {
  method: string;
  url: string;
  status: number;
  /** The parsed JSON body; `undefined` for an empty one. */
  body: unknown;
}

/**
 * The exchange to check from one response (its body read here, so pass a clone), or `undefined`
 * when it is not the spec's: paths outside `/api/` (hosted pages, control routes), CORS
 * preflights, and bodies that break halfway (a scripted drop).
 */
export async function readExchange(
  method: string,
  url: string,
  response: Response,
): Promise<SpecExchange | undefined> {
  if (!new URL(url).pathname.startsWith('/api/') || method.toUpperCase() === 'OPTIONS') return undefined;
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { method, url, status: response.status, body };
}

/** The checkout's root: the folder of `pnpm-workspace.yaml` above `from`. */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`spec-oracle: no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}
