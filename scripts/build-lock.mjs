// One build at a time per output: test files running in parallel (and a user's `npm start` beside
// them) may all find dist/web or dist/server stale at once; two builds writing the same folder
// would leave a mix of both. The lock is a folder (mkdir is atomic); a waiter builds nothing when the
// holder's build made the output fresh.
import { mkdirSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

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
