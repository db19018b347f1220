import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';
const proxied = { target: apiUrl, changeOrigin: false };
const sandboxUrl = process.env.SANDBOX_URL ?? 'http://127.0.0.1:4010';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api': proxied,
      '/healthz': proxied,
      '/readyz': proxied,
      '/socket.io': { ...proxied, ws: true },
      // The WhatsApp sandbox's control API, for the test phone page.
      '/sandbox': {
        target: sandboxUrl,
        changeOrigin: false,
        // When the sandbox stops mid-stream the proxy would keep the browser's event stream open but
        // silent; dropping it lets EventSource notice and reconnect to the restarted sandbox.
        configure: (proxy) =>
          proxy.on('proxyRes', (proxyRes, _req, res) => {
            proxyRes.on('close', () => {
              if (!res.writableEnded) res.destroy();
            });
          }),
      },
    },
  },
});
