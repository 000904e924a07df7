/**
 * The version of what the public may read: the data version (bumped when a recompute ends or the
 * catalogue is reloaded) and the release in force at `now`. A release becomes public by the clock,
 * with no write at that moment, so a cache keyed on the data version alone would keep serving the
 * embargoed (pre-release) answer after the release time.
 */
import type { Store } from "../store/db.ts";
import { dataVersion } from "../store/meta-repo.ts";
import { findPublishedRelease } from "../store/releases-repo.ts";

export async function publicDataVersion(store: Store, now: Date): Promise<string> {
  const [data, release] = await Promise.all([dataVersion(store.db), findPublishedRelease(store.db, now)]);
  return `${data}:${release?.id ?? 0}`;
}
