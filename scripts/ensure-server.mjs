#!/usr/bin/env node
// Bundles the server and CLI (src/cli/main.ts → dist/server/main.js, plain JavaScript) with esbuild,
// only when the bundle is missing or older than a source it depends on (any non-test file under src/
// outside src/web, or package-lock.json), so a second `npm start` does not rebuild. Why a bundle:
// under tsx every start compiles and resolves ~400 modules one by one (≈2 s and ≈100 MB more memory
// for the loader's thread); the bundle starts in a fraction of that. Prints one line saying what it did.
//
// Packages stay outside the bundle when they carry files found relative to themselves or are large
// and loaded on first use: PGlite (its WASM and data), argon2 (native), Swagger UI (static assets),
// playwright-core and echarts (the report printer and charts), exceljs (workbooks). The rest —
// fastify, kysely, zod, pg, … — is bundled: resolving their hundreds of small files costs more than
// running them. Modules reached by `import()` (the report renderer) become their own chunks, so
// they still load on first use.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { newestSource, withBuildLock } from "./build-common.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
export const serverEntry = join(root, "dist/server/main.js");
const sources = [join(root, "src"), join(root, "package-lock.json"), join(root, "scripts/ensure-server.mjs")];

export const EXTERNAL_PACKAGES = [
  "@electric-sql/pglite",
  "@node-rs/argon2",
  "@fastify/swagger-ui",
  "playwright-core",
  "echarts",
  "exceljs",
  // pg's optional native binding, required only when asked for.
  "pg-native",
];

/** Why a build is needed, or undefined when dist/server is up to date. */
export function serverStaleReason({ force = false } = {}) {
  if (force) return "--force";
  let built;
  try {
    built = statSync(serverEntry).mtimeMs;
  } catch {
    return "dist/server/main.js is missing";
  }
  const src = newestSource(sources, [join(root, "src/web")]);
  if (src && src.mtimeMs > built) return `${relative(root, src.path)} changed`;
  return undefined;
}

export async function ensureServer({ force = false, quiet = false } = {}) {
  const reason = serverStaleReason({ force });
  const say = (line) => quiet || console.log(line);
  if (reason === undefined) {
    say("server: dist/server is up to date with src; not rebuilt");
    return { built: false };
  }
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch (cause) {
    throw new Error(
      `server: cannot bundle dist/server (${reason}): esbuild is not installed; run \`npm install\``,
      {
        cause,
      },
    );
  }
  return withBuildLock(
    join(root, "dist/.server-build.lock"),
    () => serverStaleReason({ force }) !== undefined,
    async () => {
      const started = performance.now();
      const outdir = join(root, "dist/server");
      const result = await esbuild.build({
        absWorkingDir: root, // metafile paths below are relative to it
        entryPoints: [join(root, "src/cli/main.ts")],
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node20",
        outdir,
        external: EXTERNAL_PACKAGES,
        // Bundled CommonJS packages call require(); an ES module has none, so give the bundle one.
        banner: {
          js: "import { createRequire as __dxmRequire } from 'node:module'; const require = __dxmRequire(import.meta.url);",
        },
        sourcemap: "linked",
        logLevel: "warning",
        metafile: true,
      });
      // Chunk names carry a hash: drop the chunks of earlier builds.
      const made = new Set(Object.keys(result.metafile.outputs).map((f) => join(root, f)));
      for (const name of readdirSync(outdir)) if (!made.has(join(outdir, name))) rmSync(join(outdir, name));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(`server: bundled dist/server in ${seconds} s (${reason})`);
      return { built: true };
    },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await ensureServer({ force: process.argv.includes("--force") });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
