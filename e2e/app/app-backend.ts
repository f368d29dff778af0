import { createHttpBackend } from '@plugboard/core';

/** The browser talks to the app's own `/api/connect` route; the key stays on the server. */
export const backend = createHttpBackend({ baseUrl: `${location.origin}/api/connect` });
export const CALLBACK_URL = '/callback.html';
