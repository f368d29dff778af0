import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { installGlobalSpecOracle } from '../packages/sandbox/src/testing/spec-oracle-global';

// Every response of every sandbox in the suite is checked against Composio's OpenAPI spec; the
// test during which an off-spec response arrived fails, naming the request and the schema error.
const specOracle = installGlobalSpecOracle();
// Generous: on a cold cache the first check of a large response schema compiles it (seconds on CI).
const CHECK_TIMEOUT_MS = 60_000;

afterEach(async () => {
  cleanup();
  await specOracle.assertClean();
}, CHECK_TIMEOUT_MS);

// Responses that arrive after a file's last test (a background refetch) are held to it too.
afterAll(async () => {
  await specOracle.assertClean();
}, CHECK_TIMEOUT_MS);
