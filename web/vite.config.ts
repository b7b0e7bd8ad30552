import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web UI, built into dist/web where `mlpath serve` finds it beside the compiled server.
 * `npm run dev:web` serves it with hot reload and sends /api to a `mlpath serve` on port 8080.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // No inline script may be emitted: the server's CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    // ECharts' core alone is ~460 kB minified; it sits in the Market page's lazy chunk, not the entry.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
