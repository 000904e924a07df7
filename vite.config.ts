/**
 * The web app: sources in `src/web` (index.html is the entry), built into `dist/web`, which the API
 * server serves at `/`. In development `npx vite` serves the app with hot reload and forwards `/api`
 * to the API server on port 3000 (override with DXM_API_URL).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));
// Read here because this file runs in Node, not in the app; the app itself has no configuration.
const apiTarget = process.env.DXM_API_URL ?? "http://localhost:3000";

/**
 * Writes `file.br` and `file.gz` beside every built text file, once at build time with the strongest
 * settings; the server sends them to browsers that take them (@fastify/static `preCompressed`), so
 * the ≈1 MB of JavaScript travels as ≈0.3 MB without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: "dxm-precompress",
    apply: "build",
    closeBundle() {
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) visit(path);
          else if (/\.(js|css|html|json|svg)$/.test(entry.name)) {
            const data = readFileSync(path);
            if (data.length < 1024) continue;
            writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
            writeFileSync(
              `${path}.br`,
              brotliCompressSync(data, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
            );
          }
        }
      };
      visit(outDir);
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  plugins: [react(), precompress()],
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
