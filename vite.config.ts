/**
 * The web app: sources in `src/web` (index.html is the entry), built into `dist/web`, which the API
 * server serves at `/`. In development `npx vite` serves the app with hot reload and forwards `/api`
 * to the API server on port 3000 (override with DXM_API_URL).
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));
// Read here because this file runs in Node, not in the app; the app itself has no configuration.
const apiTarget = process.env.DXM_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // React and TanStack Query go to their own chunk: they change less often than the app. ECharts
    // is left to the splitter, so each page's chunk carries only the chart types it registers.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "vendor", test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ }],
        },
      },
    },
  },
  // "/api/" with its slash: a bare "/api" prefix would also catch app modules such as /api-x.ts.
  server: {
    port: 5173,
    proxy: { "/api/": { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    proxy: { "/api/": { target: apiTarget, changeOrigin: true } },
  },
});
