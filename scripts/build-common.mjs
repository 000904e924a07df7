// What scripts/ensure-web.mjs and scripts/ensure-server.mjs share: finding the newest source, and
// one build at a time per output.
//
// One build at a time per output: test files running in parallel (and a user's `npm start` beside
// them) may all find dist/web or dist/server stale at once; two builds writing the same folder
// would leave a mix of both. The lock is a folder (mkdir is atomic); a waiter builds nothing when the
// holder's build made the output fresh.
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/**
 * The newest file under the given paths, skipping test files, node_modules, dot-folders and the
 * folders in `skip`: { path, mtimeMs }, or undefined when there is none.
 */
export function newestSource(paths, skip = []) {
  let best;
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (skip.includes(path)) return;
      for (const name of readdirSync(path)) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        visit(join(path, name));
      }
    } else if (st.isFile() && !/\.test\.tsx?$/.test(path)) {
      if (!best || st.mtimeMs > best.mtimeMs) best = { path, mtimeMs: st.mtimeMs };
    }
  };
  for (const p of paths) visit(p);
  return best;
}

/** A lock older than this is from a build that died: taken over. */
const STALE_MS = 10 * 60_000;

/**
 * Runs `build` holding the lock folder `lockDir`, after waiting for another holder to finish.
 * `stillNeeded` is asked again once the lock is ours: the other build may have done the work.
 */
export async function withBuildLock(lockDir, stillNeeded, build) {
  for (;;) {
    try {
      mkdirSync(lockDir, { recursive: false });
      break;
    } catch (e) {
      if (e?.code === "ENOENT") {
        mkdirSync(dirname(lockDir), { recursive: true });
        continue;
      }
      if (e?.code !== "EEXIST") throw e;
      let age = 0;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
      } catch {
        continue;
      }
      if (age > STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      else await delay(200);
    }
  }
  try {
    if (!stillNeeded()) return { built: false };
    return await build();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
