import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the page comes from Vite and /api/connect from server.js: Vite's proxy forwards it.
// The proxied request reaches server.js with server.js's own Host, not the page's, so server.js
// names the page's origin in `allowedOrigins`. API_PORT: where server.js listens (its PORT).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api/connect': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
  },
});
