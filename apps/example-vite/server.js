// The app's server: @plugboard/server at /api/connect (it holds the key and binds the user), and in
// production the built page (dist/). In development Vite serves the page and proxies /api/connect here.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createConnectHandler } from '@plugboard/server';
import { Hono } from 'hono';

const production = process.env.NODE_ENV === 'production';
const port = Number(process.env.PORT ?? 3000);
// Where the page is opened: the popup's callback URL is on it, and the browser's `Origin` is it.
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:5173';

const connectHandler = createConnectHandler({
  apiKey: process.env.COMPOSIO_API_KEY, // the sandbox's: sandbox-key
  baseUrl: process.env.COMPOSIO_BASE_URL, // the sandbox: http://127.0.0.1:4010; unset: Composio
  getUserId: () => 'example-user', // your session's user, never the browser's word
  allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
  callbackOrigins: [appOrigin],
  // Vite's dev proxy sends this server's own Host (127.0.0.1:3000) while the page's Origin is
  // Vite's (localhost:5173): allow the page's origin by name.
  allowedOrigins: [appOrigin],
  fieldMetadata: true, // lets <ApiKeyConnectForm> load a toolkit's fields
});

const app = new Hono();
app.all('/api/connect/*', (c) => connectHandler(c.req.raw));
if (production) {
  app.use('/*', serveStatic({ root: './dist' }));
  app.get('/*', serveStatic({ path: './dist/index.html' })); // /connect/callback and any other page
}

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  const self = `http://127.0.0.1:${info.port}`;
  console.log(
    production
      ? `example-vite on ${self}`
      : `example-vite API on ${self}/api/connect, for the Vite page: open ${appOrigin} (npx vite)`,
  );
});
