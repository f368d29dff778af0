import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the page comes from Vite and /api/connect from server.js: Vite's proxy forwards it.
// Without `changeOrigin` the proxied request keeps the page's Host, so the handler sees a
// same-origin request (with `changeOrigin: true`, add the page's origin to `allowedOrigins`).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api/connect': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
  },
});
