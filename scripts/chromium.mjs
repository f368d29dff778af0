// Which Chromium the browser tests drive: PLAYWRIGHT_CHROMIUM_PATH if set, else Playwright's
// own download if present, else a system Chromium. Fails at once, in one line, if none exists.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const HOW_TO_GET_ONE =
  'No Chromium found: run `apt-get install chromium` (Debian/Ubuntu), `pnpm exec playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.';

/** @returns {{ executablePath: string | undefined, source: string }} */
export function resolveChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist. ${HOW_TO_GET_ONE}`);
    return { executablePath: fromEnv, source: 'PLAYWRIGHT_CHROMIUM_PATH' };
  }
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { executablePath: undefined, source: `Playwright's own (${own})` };
  } catch {
    // playwright not installed yet, or no browser of its own: fall through
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { executablePath: system, source: system };
  throw new Error(HOW_TO_GET_ONE);
}

/**
 * Playwright's `launchOptions` for every browser test (Playwright, Vitest's browser mode). Without any
 * Chromium it still loads, so a config also serving runs that need none (Vitest's unit project)
 * works: `scripts/test.mjs` has already said how to get one, and Playwright names the miss itself.
 *
 * @returns {{ executablePath: string | undefined, args: string[] }}
 */
export function chromiumLaunchOptions() {
  let executablePath;
  try {
    executablePath = resolveChromium().executablePath;
  } catch {
    executablePath = undefined;
  }
  return { executablePath, args: CHROMIUM_ARGS };
}

/** Flags that keep Chromium quiet on a closed network (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
