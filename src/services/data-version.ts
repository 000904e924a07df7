/**
 * The version of what the public may read: the data version (bumped when a recompute ends or the
 * catalogue is reloaded) and the release in force at `now`. A release becomes public by the clock,
 * with no write at that moment, so a cache keyed on the data version alone would keep serving the
 * embargoed (pre-release) answer after the release time.
 */
import type { Store } from "../store/db.ts";
import { dataVersion, localWriteGeneration } from "../store/meta-repo.ts";
import { findNextReleaseTime, findPublishedRelease } from "../store/releases-repo.ts";

export async function publicDataVersion(store: Store, now: Date): Promise<string> {
  const [data, release] = await Promise.all([dataVersion(store.db), findPublishedRelease(store.db, now)]);
  return `${data}:${release?.id ?? 0}`;
}

/**
 * `publicDataVersion` remembered for a short while, so that a burst of public requests costs one
 * read of the database instead of two queries each (on the embedded database they queue behind one
 * another). The memo is dropped at once when this process writes the data version or a release's
 * schedule, when the clock reaches the next scheduled release time (the embargo stays exact to the
 * millisecond), when the clock goes back, and after `ttlMs` — the longest a change made by another
 * process (a `dxm recompute` beside the server) can stay unseen.
 */
export function memoizedPublicDataVersion(store: Store, ttlMs = 1000): (now: Date) => Promise<string> {
  let memo: { version: string; at: number; until: number; readAt: number; generation: number } | undefined;
  return async (now) => {
    const t = now.getTime();
    const generation = localWriteGeneration();
    if (
      memo &&
      memo.generation === generation &&
      performance.now() - memo.readAt < ttlMs &&
      t >= memo.at &&
      t < memo.until
    )
      return memo.version;
    const readAt = performance.now();
    const [version, next] = await Promise.all([
      publicDataVersion(store, now),
      findNextReleaseTime(store.db, now),
    ]);
    memo = { version, at: t, until: next?.getTime() ?? Number.POSITIVE_INFINITY, readAt, generation };
    return version;
  };
}
