// @vitest-environment node
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_AUTH_CONFIGS, type SandboxAuthConfig } from '../fixtures/auth-configs';
import { createSandbox } from '../sandbox';
import { installGlobalSpecOracle } from './spec-oracle-global';
import { checkSpecLogs, recordSandboxResponses } from './spec-oracle-log';

// An auth config whose status is none of the spec's: a sandbox response broken on purpose
// (`assertResponses: false`, so the sandbox's own check of core's schemas lets it out).
const [github] = SANDBOX_AUTH_CONFIGS as [SandboxAuthConfig];
const BROKEN = { ...github, status: 'HALF_ENABLED' } as unknown as SandboxAuthConfig;
const BROKEN_ERROR = `GET /api/v3/auth_configs/${github.id} → 200 (spec: GET /api/v3/auth_configs/{nanoid}): /status must be equal to one of the allowed values`;

function brokenSandbox() {
  return createSandbox({ authConfigs: [BROKEN], assertResponses: false });
}
async function readConfig(sandbox: ReturnType<typeof createSandbox>, version = 'v3'): Promise<Response> {
  return sandbox.handle(
    new Request(`${sandbox.publicUrl}/api/${version}/auth_configs/${github.id}`, {
      headers: { 'x-api-key': sandbox.apiKey },
    }),
  );
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('the process-wide spec oracle of the unit suites (scripts/vitest-setup.ts)', () => {
  it('catches a sandbox response broken on purpose, naming the request and the schema error', async () => {
    // Installed over the setup's own, which gets the slot back after the test.
    const oracle = installGlobalSpecOracle();
    cleanups.push(() => oracle.uninstall());
    const sandbox = brokenSandbox();
    expect((await readConfig(sandbox)).status).toBe(200);
    await expect(oracle.assertClean()).rejects.toThrow(BROKEN_ERROR);
    // Reported once: the next test starts clean.
    await expect(oracle.assertClean()).resolves.toBeUndefined();

    // The same response from a sandbox that keeps to the spec passes.
    await readConfig(createSandbox());
    await expect(oracle.assertClean()).resolves.toBeUndefined();
    expect(oracle.checked).toBe(2);
  });

  it('watches sandboxes created before it was installed, and v3.1 paths too', async () => {
    const sandbox = brokenSandbox();
    const oracle = installGlobalSpecOracle();
    cleanups.push(() => oracle.uninstall());
    await readConfig(sandbox, 'v3.1');
    await expect(oracle.assertClean()).rejects.toThrow(
      `GET /api/v3.1/auth_configs/${github.id} → 200 (spec: GET /api/v3/auth_configs/{nanoid})`,
    );
  });
});

describe('the spec oracle of the e2e sandbox servers (record, then the global teardown checks)', () => {
  it('records every API response of the process and finds the one broken on purpose', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plugboard-spec-log-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const recorder = recordSandboxResponses(dir, 'packages/sandbox/src/cli.ts');
    cleanups.push(() => recorder.uninstall());
    expect(path.basename(recorder.file)).toBe(`packages~sandbox~src~cli.ts.${process.pid}.jsonl`);

    await readConfig(createSandbox());
    await readConfig(brokenSandbox());
    // Not the API's: the hosted page is not recorded.
    await createSandbox().handle(new Request('http://127.0.0.1:4010/link/lt_nope'));
    await recorder.flushed();
    expect(readFileSync(recorder.file, 'utf8').trim().split('\n')).toHaveLength(2);

    const report = await checkSpecLogs(dir);
    expect(report.servers).toEqual({ 'packages~sandbox~src~cli.ts': 2 });
    expect(report.checked).toBe(2);
    expect(report.violations).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/api/v3/auth_configs/${github.id}`,
        status: 200,
        errors: [expect.stringContaining('/status must be equal to one of the allowed values')],
      }),
    ]);
    // Checked logs are emptied, so a server reused by the next run starts over.
    expect(await checkSpecLogs(dir)).toEqual({
      servers: { 'packages~sandbox~src~cli.ts': 0 },
      checked: 0,
      violations: [],
    });
  });

  it('skips the log of a server process that is gone (an earlier run)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plugboard-spec-log-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const recorder = recordSandboxResponses(dir, 'apps/demo/server.ts');
    cleanups.push(() => recorder.uninstall());
    await readConfig(brokenSandbox());
    await recorder.flushed();
    // pid 2^22 + 1 is above Linux's pid_max: no such process.
    renameSync(recorder.file, path.join(dir, 'apps~demo~server.ts.4194305.jsonl'));
    expect(await checkSpecLogs(dir)).toEqual({ servers: {}, checked: 0, violations: [] });
  });
});

describe('what the oracle allows (SPEC_ALLOWANCES, named in the sandbox README)', () => {
  it("lets an account's scripted REVOKED status through, on the read and in the list, and nothing else off-spec", async () => {
    const oracle = installGlobalSpecOracle();
    cleanups.push(() => oracle.uninstall());
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const id = link.connected_account_id;
    sandbox.control.setStatusSequence(['REVOKED'], { accountId: id });
    const read = (path: string) =>
      sandbox.handle(
        new Request(`${sandbox.publicUrl}${path}`, { headers: { 'x-api-key': sandbox.apiKey } }),
      );
    expect(await (await read(`/api/v3/connected_accounts/${id}`)).json()).toMatchObject({
      status: 'REVOKED',
    });
    expect(await (await read('/api/v3.1/connected_accounts?user_ids=u1')).json()).toMatchObject({
      items: [{ status: 'REVOKED' }],
    });
    await expect(oracle.assertClean()).resolves.toBeUndefined();

    // Any other status the spec does not know is still caught.
    const broken = createSandbox({ assertResponses: false });
    const other = await broken.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    broken.control.setStatusSequence(['PAUSED' as never], { accountId: other.connected_account_id });
    await broken.handle(
      new Request(`${broken.publicUrl}/api/v3/connected_accounts/${other.connected_account_id}`, {
        headers: { 'x-api-key': broken.apiKey },
      }),
    );
    await expect(oracle.assertClean()).rejects.toThrow('/status must be equal to one of the allowed values');
  });
});
