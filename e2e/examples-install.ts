// What the example apps' e2e share: an example copied out of the workspace as a user would have it,
// its `@plugboard/*` dependencies replaced by the packed tarballs, installed with npm; its
// servers started and stopped; the frame of each example's spec; and the two connections each
// example must make.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { buildPackages, packPackages, root } from '../scripts/pack.mjs';
import { SANDBOX_API_KEY, SANDBOX_URL } from './ports';

export interface InstalledExample {
  /** The example's folder in the OS temp directory, installed. */
  dir: string;
  /** The temp directory that holds it and the tarballs: remove it when done. */
  temp: string;
}

/** Copies `apps/<name>` (without node_modules and build output), points it at the tarballs, npm installs. */
export function installExample(name: string): InstalledExample {
  const temp = mkdtempSync(path.join(os.tmpdir(), `plugboard-${name}-`));
  const tarballs = path.join(temp, 'tarballs');
  mkdirSync(tarballs);
  // `pnpm test` built them minutes ago (packages step): rebuild only what changed since.
  buildPackages({ ifStale: true });
  const packed = packPackages(tarballs);
  const dir = path.join(temp, name);
  const skip = new Set(['node_modules', 'dist', '.next', 'next-env.d.ts']);
  cpSync(path.join(root, 'apps', name), dir, {
    recursive: true,
    filter: (source) => !skip.has(path.basename(source)),
  });
  const manifestPath = path.join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const { name: pkg, tarball } of packed) {
    for (const field of ['dependencies', 'devDependencies']) {
      if (manifest[field]?.[pkg]) manifest[field][pkg] = `file:${tarball}`;
    }
  }
  // The packages depend on each other by version (`@plugboard/core: 0.1.0`): use the tarballs.
  manifest.overrides = Object.fromEntries(packed.map(({ name: pkg, tarball }) => [pkg, `file:${tarball}`]));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  // `--include=dev`: vite and the types are devDependencies, whatever NODE_ENV this process has.
  run(
    'npm',
    ['install', '--include=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    dir,
  );
  return { dir, temp };
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** Starts a long-running server and resolves once `url` answers; its output is kept for failures. */
export async function startServer(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return { child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`${url} did not answer within 60 s:\n${output}`);
}

type RunningServer = Awaited<ReturnType<typeof startServer>>;

/** Stops the example's servers and removes its temp folder (tarballs, install, build). */
export async function removeExample(example: InstalledExample | undefined, servers: RunningServer[]) {
  await Promise.all(servers.map((server) => server.stop()));
  if (example) rmSync(example.temp, { recursive: true, force: true });
}

/** What an example's server is given at run time: its origin, and the e2e sandbox server with its key. */
export function exampleEnv(appUrl: string): NodeJS.ProcessEnv {
  return { APP_ORIGIN: appUrl, COMPOSIO_API_KEY: SANDBOX_API_KEY, COMPOSIO_BASE_URL: SANDBOX_URL };
}

/**
 * The frame of an example app's spec, called at its top: the popup blocker on (as in
 * e2e/connect.spec.ts: a passing popup test proves it opened in the click), the tests in order, and
 * before them `apps/<name>` installed from the tarballs, `build` run in its folder and its `servers`
 * started in order, all within `timeout` ms; after them, the servers stopped and the install removed.
 */
export function setUpInstalledExample(
  name: string,
  {
    timeout,
    build,
    servers,
  }: { timeout: number; build?: (dir: string) => void; servers: ((dir: string) => Promise<RunningServer>)[] },
) {
  test.use({
    launchOptions: { ...chromiumLaunchOptions(), ignoreDefaultArgs: ['--disable-popup-blocking'] },
  });
  test.describe.configure({ mode: 'serial' });
  let example: InstalledExample | undefined;
  const running: RunningServer[] = [];
  test.beforeAll(async () => {
    test.setTimeout(timeout);
    example = installExample(name);
    build?.(example.dir);
    for (const start of servers) running.push(await start(example.dir));
  });
  test.afterAll(() => removeExample(example, running));
}

/** The user every example's server binds (its stand-in session). */
const EXAMPLE_USER = 'example-user';

/**
 * Deletes the example user's GitHub accounts on the e2e sandbox server, through its API with the
 * key, so a GitHub test starts at "Connect GitHub" whichever test or run connected one before.
 */
async function removeGitHubAccounts() {
  const headers = { 'x-api-key': SANDBOX_API_KEY };
  const list = `${SANDBOX_URL}/api/v3/connected_accounts?user_ids=${EXAMPLE_USER}&auth_config_ids=ac_github`;
  for (;;) {
    const response = await fetch(list, { headers });
    expect(response.ok, await response.clone().text()).toBe(true);
    const { items } = (await response.json()) as { items: { id: string }[] };
    if (items.length === 0) return;
    for (const { id } of items) {
      const deleted = await fetch(`${SANDBOX_URL}/api/v3/connected_accounts/${id}`, {
        method: 'DELETE',
        headers,
      });
      expect(deleted.ok, await deleted.text()).toBe(true);
    }
  }
}

/**
 * On `url`: Connect GitHub opens the sandbox's consent page in a popup, Allow, and the button says
 * "GitHub connected". After a reload it still does (it knows the account) and offers Disconnect,
 * which, confirmed, brings "Connect GitHub" back.
 */
export async function connectGitHubByPopup(page: Page, url: string) {
  await removeGitHubAccounts();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // What the example's server refused, for the failure message.
  const refused: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes('/api/connect/')) {
      refused.push(response.text().then((body) => `${response.status()} ${response.url()}: ${body}`));
    }
  });
  await page.goto(url);
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent('close');
  await popup
    .getByRole('button', { name: 'Allow' })
    .click()
    .catch(async (error: Error) => {
      // The popup closes itself when the link cannot be made: then say what the page says.
      const said = await page.locator('.plugboard-connect').textContent();
      const answers = (await Promise.all(refused)).join('\n');
      throw new Error(
        `no consent page (${error.message.split('\n')[0]}); the page says:\n${said}\n${answers}`,
      );
    });
  await closed;
  const connected = page.getByRole('button', { name: 'GitHub connected' });
  await expect(connected).toHaveAttribute('data-state', 'connected');
  await page.reload();
  await expect(connected).toHaveAttribute('data-state', 'connected');
  await page.getByRole('button', { name: 'Disconnect GitHub' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('button', { name: 'Connect GitHub' })).toBeVisible();
  expect(errors).toEqual([]);
}

/** On `url`: the Zendesk form's fields load from the server, are filled in and sent; it says Connected. */
export async function connectZendeskByForm(
  page: Page,
  url: string,
  submit: { name: string; exact?: boolean },
) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByRole('textbox', { name: /^Subdomain/ }).fill('acme');
  await page.getByRole('textbox', { name: /^Email/ }).fill('ops@acme.test');
  await page.getByLabel(/^API token/).fill('zd_example_token_1');
  await page.getByRole('button', submit).click();
  await expect(page.getByText('Zendesk connected.')).toBeVisible();
  expect(errors).toEqual([]);
}
