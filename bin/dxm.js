#!/usr/bin/env node
// The `dxm` command: runs the TypeScript CLI through tsx so `npx dxm …` works without a build step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const main = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
const res = spawnSync(process.execPath, ["--import", require.resolve("tsx"), main, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(res.status ?? 1);
