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
 * millisecond), and when the clock goes back; then callers wait for a fresh read. A change made by
 * another process (a `dxm recompute` beside the server) is seen within `ttlMs` to twice that: a memo
 * older than `ttlMs` is read again in the background while callers keep getting it, and one older
 * than twice `ttlMs` (no request for a while) is not served at all — callers wait for the read.
 *
 * One read at a time: under load a read that every waiting request started on its own queued
 * hundreds of queries behind each other once a second (p99 over 2 s at 256 connections).
 */
interface Memo {
  readonly version: string;
  /** The clock the version was read at, and the next release time after it (exclusive). */
  readonly at: number;
  readonly until: number;
  /** performance.now() when the read started, and this process's write generation then. */
  readonly readAt: number;
  readonly generation: number;
}

export interface RememberedVersion {
  (now: Date): Promise<string>;
  /** How many reads of the database it has started (the one-read-at-a-time rule is tested on it). */
  readonly reads: () => number;
}

export function memoizedPublicDataVersion(store: Store, ttlMs = 1000): RememberedVersion {
  let reads = 0;
  let memo: Memo | undefined;
  let pending: { memo: Promise<Memo>; generation: number } | undefined;
  const covers = (m: Memo, t: number, generation: number) =>
    m.generation === generation && t >= m.at && t < m.until;

  const read = (now: Date, generation: number): Promise<Memo> => {
    if (pending?.generation === generation) return pending.memo;
    reads++;
    const readAt = performance.now();
    const at = now.getTime();
    const promise = Promise.all([publicDataVersion(store, now), findNextReleaseTime(store.db, now)])
      .then(([version, next]): Memo => {
        const fresh = { version, at, until: next?.getTime() ?? Number.POSITIVE_INFINITY, readAt, generation };
        // An older read finishing after a newer one must not replace it.
        if (!memo || memo.readAt <= readAt) memo = fresh;
        return fresh;
      })
      .finally(() => {
        if (pending?.memo === promise) pending = undefined;
      });
    pending = { memo: promise, generation };
    return promise;
  };

  const version = async (now: Date): Promise<string> => {
    const t = now.getTime();
    const generation = localWriteGeneration();
    const age = memo ? performance.now() - memo.readAt : Number.POSITIVE_INFINITY;
    if (memo && covers(memo, t, generation) && age < 2 * ttlMs) {
      // A failed background read leaves the memo as it was; the next caller tries again.
      if (age >= ttlMs) read(now, generation).catch(() => {});
      return memo.version;
    }
    const shared = await read(now, generation);
    // A read started at another clock (tests move it) may not cover this one: read for this one.
    if (covers(shared, t, generation)) return shared.version;
    reads++;
    return publicDataVersion(store, now);
  };
  return Object.assign(version, { reads: () => reads });
}
