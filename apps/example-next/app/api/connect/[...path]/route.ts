// app/api/connect/[...path]/route.ts
import { createConnectHandler, createNextRouteHandlers } from '@plugboard/server';
import { currentUserId } from '@/lib/session'; // your session

// Where the app is opened: the popup's callback URL is on it, and the browser's `Origin` is it.
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:3000';

const handler = createConnectHandler({
  apiKey: process.env.COMPOSIO_API_KEY ?? '',
  baseUrl: process.env.COMPOSIO_BASE_URL, // the sandbox: http://127.0.0.1:4010; unset: Composio
  getUserId: () => currentUserId(),
  allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
  callbackOrigins: [appOrigin],
  // `next start` builds request.url from its own host name (localhost), not the one the browser used.
  allowedOrigins: [appOrigin],
  fieldMetadata: true,
});

export const { GET, POST, PUT, PATCH, DELETE } = createNextRouteHandlers(handler);
