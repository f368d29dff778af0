// The app's server: @plugboard/server at /api/connect (it holds the key and binds the user), and in
// production the built page (dist/). In development Vite serves the page and proxies /api/connect here.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createConnectHandler } from '@plugboard/server';
import { Hono } from 'hono';

const port = Number(process.env.PORT ?? 3000);
// Where the page is opened: the popup's callback URL must be on it.
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:5173';

const connectHandler = createConnectHandler({
  apiKey: process.env.COMPOSIO_API_KEY, // the sandbox's: sandbox-key
  baseUrl: process.env.COMPOSIO_BASE_URL, // the sandbox: http://127.0.0.1:4010; unset: Composio
  getUserId: () => 'example-user', // your session's user, never the browser's word
  allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
  callbackOrigins: [appOrigin],
  fieldMetadata: true, // lets <ApiKeyConnectForm> load a toolkit's fields
});

const app = new Hono();
app.all('/api/connect/*', (c) => connectHandler(c.req.raw));
if (process.env.NODE_ENV === 'production') {
  app.use('/*', serveStatic({ root: './dist' }));
  app.get('/*', serveStatic({ path: './dist/index.html' })); // /connect/callback and any other page
}

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`example-vite server on http://127.0.0.1:${info.port}`);
});
