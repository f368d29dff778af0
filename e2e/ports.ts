/**
 * Ports the e2e suites use; apart from the demo's defaults so a running demo never interferes.
 * `PLUGBOARD_E2E_PORT_OFFSET` shifts every one of them, so two runs (two checkouts) on one machine
 * never share a server: with `reuseExistingServer` a run would otherwise talk to the other's.
 */
const OFFSET = Number(process.env.PLUGBOARD_E2E_PORT_OFFSET ?? 0) || 0;
export const SANDBOX_PORT = 4011 + OFFSET;
export const E2E_APP_PORT = 4173 + OFFSET;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
/** The key the e2e app server holds for the sandbox; never sent to the browser. */
export const SANDBOX_API_KEY = 'sandbox-e2e-key';
/** The demo (apps/demo/server.ts) under e2e: its own ports, apart from `npm run demo`'s 5173/4010. */
export const DEMO_PORT = 5174 + OFFSET;
export const DEMO_SANDBOX_PORT = 4012 + OFFSET;
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
export const DEMO_SANDBOX_URL = `http://127.0.0.1:${DEMO_SANDBOX_PORT}`;
/** The demo's sandbox runs with the sandbox's default key. */
export const DEMO_SANDBOX_API_KEY = 'sandbox-key';
/** The example apps under e2e/examples-*.spec.ts, each built for production and served on its port. */
export const EXAMPLE_VITE_PORT = 4180 + OFFSET;
export const EXAMPLE_NEXT_PORT = 4181 + OFFSET;
export const EXAMPLE_VITE_URL = `http://127.0.0.1:${EXAMPLE_VITE_PORT}`;
export const EXAMPLE_NEXT_URL = `http://127.0.0.1:${EXAMPLE_NEXT_PORT}`;
/** example-vite in development: `vite` serves the page and proxies /api/connect to server.js. */
export const EXAMPLE_VITE_DEV_PORT = 4182 + OFFSET;
export const EXAMPLE_VITE_API_PORT = 4183 + OFFSET;
export const EXAMPLE_VITE_DEV_URL = `http://127.0.0.1:${EXAMPLE_VITE_DEV_PORT}`;
