#!/usr/bin/env node
// Runs the whole suite with node's test runner. Node 20's `--test` takes no globs, so the test files
// are listed here. Pass file or folder paths to run a subset: `npm test -- src/methods`.
// Concurrency is capped: each test process may open an embedded PGlite (≈1 GB peak).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const roots = args.length > 0 ? args : ["src", "e2e", "scripts"];

function collect(path, out) {
  let st;
  try {
    st = statSync(path);
  } catch {
    console.error(`test: no such file or folder: ${path}`);
    process.exit(2);
  }
  if (st.isFile()) {
    if (/\.test\.tsx?$/.test(path)) out.push(path);
    return;
  }
  for (const name of readdirSync(path)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    collect(join(path, name), out);
  }
}

const files = [];
for (const r of roots) collect(join(root, r), files);
files.sort();
if (files.length === 0) {
  console.error("test: no test files found");
  process.exit(2);
}
const concurrency = process.env.DXM_TEST_CONCURRENCY ?? "2";
const reporter = process.stdout.isTTY ? "spec" : "spec";
const res = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    `--test-concurrency=${concurrency}`,
    `--test-reporter=${reporter}`,
    ...files.map((f) => relative(root, f)),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "test" } },
);
process.exit(res.status ?? 1);
