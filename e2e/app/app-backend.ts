import { createHttpBackend } from '@plugboard/core';

/** The browser talks to the app's own `/api/connect` route; the key stays on the server. */
export const backend = createHttpBackend({ baseUrl: `${location.origin}/api/connect` });
/** Beside the page: `/callback.html`, or `/react18/callback.html` for the React 18 pages. */
export const CALLBACK_URL = new URL('./callback.html', location.href).pathname;
