#!/usr/bin/env node
// Builds the web app (src/web → dist/web) with Vite's JS API, only when dist/web/index.html is
// missing or older than a source it depends on (any file under src/web, src/domain, src/methods,
// the map shapes, or vite.config.ts), so a second `npm start` does not rebuild. Prints one line saying what it did.
// Test files do not count: they are not part of the bundle. `--force` rebuilds anyway.
import { statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { newestSource, withBuildLock } from "./build-common.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const output = join(root, "dist/web/index.html");
// The map shapes (src/catalog/data/geo) and the pure methods the pages import (src/methods) are
// bundled too.
const sources = [
  join(root, "src/web"),
  join(root, "src/domain"),
  join(root, "src/methods"),
  join(root, "src/catalog/data/geo"),
  join(root, "vite.config.ts"),
];

function outputTime() {
  try {
    return statSync(output).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why a build is needed, or undefined when dist/web is up to date. */
export function staleReason({ force = false } = {}) {
  if (force) return "--force";
  const built = outputTime();
  if (built === undefined) return "dist/web/index.html is missing";
  const src = newestSource(sources);
  if (src && src.mtimeMs > built) return `${relative(root, src.path)} changed`;
  return undefined;
}

export async function ensureWeb({ force = false } = {}) {
  const reason = staleReason({ force });
  if (reason === undefined) {
    console.log("web: dist/web is up to date with src/web and src/domain; not rebuilt");
    return { built: false };
  }
  let vite;
  try {
    vite = await import("vite");
  } catch (cause) {
    throw new Error(
      `web: cannot build dist/web (${reason}): vite is not installed; run \`npm ci\` (dev dependencies) or copy a built dist/web`,
      { cause },
    );
  }
  return withBuildLock(
    join(root, "dist/.web-build.lock"),
    () => staleReason({ force }) !== undefined,
    async () => {
      const started = performance.now();
      // Always the production bundle: the test runner sets NODE_ENV=test, and Vite would then bundle
      // React's development build (60 kB more gzip) into the dist/web that `npm start` later serves.
      process.env.NODE_ENV = "production";
      await vite.build({ configFile: join(root, "vite.config.ts"), logLevel: "error", mode: "production" });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`web: built dist/web in ${seconds} s (${reason})`);
      return { built: true };
    },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await ensureWeb({ force: process.argv.includes("--force") });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    if (e instanceof Error && e.cause && !String(e.message).includes("not installed")) console.error(e.cause);
    process.exit(1);
  }
}
