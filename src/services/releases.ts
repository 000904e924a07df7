/**
 * Releases (DESIGN §3, §5): a reviewer prepares a release for a period; it takes a snapshot of the
 * approved values of the series that recompute does not publish (`UNRELEASED_SERIES`: `reported`)
 * — their element observations and the computed indicator values, for every period that ends by
 * the end of the release's period — and records what changed since the previous published release
 * (new, revised old → new, withdrawn). Scheduled for a time, it becomes visible to the public at
 * that moment, not a second before (embargo): public reads take the snapshot of the latest release
 * whose time has come (`store/computed-repo`). A published release is immutable; a correction is a
 * new release, whose note says what it revises.
 *
 * Rules that keep the chain of releases linear: at most one release is pending (a draft, or
 * scheduled and not yet out) at a time; a release is compared with the latest published one; a
 * release time lies in the future. Every clock reading comes from the caller (`now`), so tests can
 * stand one second before and after a release time.
 *
 * Interface for other services (e.g. the quarterly report): `listReleases`, `getRelease`,
 * `findPublishedReleaseOf(period)`, `releaseValues` (the snapshot's indicator values) and
 * `RELEASE_SERIES`.
 */
import { type Actor, actorName, type Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { comparePeriods, formatPeriod, parsePeriod, periodEnd } from "../domain/period.ts";
import {
  formatVietnamTime,
  parseReleaseTime,
  type ReleaseChangeKind,
  type ReleaseState,
  releaseState,
} from "../domain/release.ts";
import { type ComputedRow, decodeEntries, encodeEntries, queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { staleSeries } from "../store/meta-repo.ts";
import {
  deleteReleaseRecord,
  findPendingRelease,
  findPublishedRelease,
  findReleaseRecord,
  insertRelease,
  insertReleaseSnapshot,
  listComputedRowsOf,
  listElementObservationsOf,
  listReleaseChanges,
  listReleaseObservations,
  listReleaseRecords,
  listReleaseRows,
  lockReleases,
  type ReleaseChange,
  type ReleaseCounts,
  type ReleaseObservationRow,
  type ReleaseRecord,
  type ReleaseSnapshotRow,
  releaseCounts,
  updateReleaseSchedule,
} from "../store/releases-repo.ts";
import { recordAudit } from "./audit.ts";
import { assertCan, canReview } from "./permissions.ts";
import { recompute, UNRELEASED_SERIES } from "./recompute.ts";

export type { ReleaseChange, ReleaseCounts } from "../store/releases-repo.ts";

/** The series that only releases publish. */
export const RELEASE_SERIES: readonly string[] = [...UNRELEASED_SERIES];

export const NOTE_MAX = 4000;

export interface ReleaseView {
  readonly id: number;
  readonly period: string;
  readonly state: ReleaseState;
  /** UTC instant, or null for a draft. */
  readonly releaseAt: Date | null;
  /** The same instant in Vietnam's time, `2026-12-15T09:00:00+07:00`. */
  readonly releaseAtLocal: string | null;
  readonly note: string | null;
  readonly previousId: number | null;
  readonly preparedBy: string;
  readonly preparedAt: Date;
  readonly scheduledBy: string | null;
  readonly scheduledAt: Date | null;
  readonly counts: ReleaseCounts;
}

export interface ReleaseDetail extends ReleaseView {
  readonly changes: readonly ReleaseChange[];
  /** Offset of the next page of changes, or null. */
  readonly nextOffset: number | null;
}

export interface ChangePage {
  change?: readonly ReleaseChangeKind[];
  target?: "element" | "indicator";
  limit?: number;
  offset?: number;
}

/** Preparing, scheduling and deleting releases: reviewers, admins, the command line. */
export function canManageReleases(a: Actor | null): boolean {
  return a?.kind === "system" || canReview(a);
}

/** Seeing drafts and embargoed releases: reviewers, admins, analysts, the command line. */
export function canSeeUnpublishedReleases(a: Actor | null): boolean {
  if (!a) return false;
  if (a.kind === "system") return true;
  return a.kind === "user" && (a.role === "admin" || a.role === "reviewer" || a.role === "analyst");
}

function assertManage(a: Actor | null, what: string): asserts a is Actor {
  if (a?.kind === "system") return;
  assertCan(canManageReleases(a), a as Principal | null, what);
}

function view(r: ReleaseRecord, counts: ReleaseCounts | undefined, now: Date): ReleaseView {
  return {
    id: r.id,
    period: r.period,
    state: releaseState(r.state, r.releaseAt, now),
    releaseAt: r.releaseAt,
    releaseAtLocal: r.releaseAt ? formatVietnamTime(r.releaseAt) : null,
    note: r.note,
    previousId: r.previousId,
    preparedBy: r.preparedBy,
    preparedAt: r.preparedAt,
    scheduledBy: r.scheduledBy,
    scheduledAt: r.scheduledAt,
    counts: counts ?? { observations: 0, values: 0, new: 0, revised: 0, withdrawn: 0 },
  };
}

function notFound(id: number): DxmError {
  return new DxmError("not_found", `No release ${id}`, {
    field: "id",
    messageVi: `Không có đợt công bố ${id}`,
  });
}

function publishedConflict(r: ReleaseRecord): DxmError {
  const at = r.releaseAt ? formatVietnamTime(r.releaseAt) : "";
  return new DxmError(
    "conflict",
    `Release ${r.id} was published at ${at} and cannot be changed: put corrections in the next release, with a revision note`,
    {
      field: "id",
      messageVi: `Đợt công bố ${r.id} đã công bố lúc ${at}, không thể sửa: đưa phần hiệu chỉnh vào đợt sau, kèm ghi chú điều chỉnh`,
    },
  );
}

/** Releases the viewer may see (the public: published ones only), newest first. */
export async function listReleases(store: Store, viewer: Actor | null, now: Date): Promise<ReleaseView[]> {
  const records = await listReleaseRecords(store.db);
  const all = canSeeUnpublishedReleases(viewer);
  const visible = records.filter((r) => all || releaseState(r.state, r.releaseAt, now) === "published");
  const counts = await releaseCounts(
    store.db,
    visible.map((r) => r.id),
  );
  return visible.map((r) => view(r, counts.get(r.id), now));
}

/** A release the viewer may see; an embargoed one is "not found" for the public. */
async function visibleRecord(
  store: Store,
  viewer: Actor | null,
  id: number,
  now: Date,
): Promise<ReleaseRecord> {
  const r = await findReleaseRecord(store.db, id);
  if (!r) throw notFound(id);
  if (releaseState(r.state, r.releaseAt, now) !== "published" && !canSeeUnpublishedReleases(viewer))
    throw notFound(id);
  return r;
}

/** One release with a page of its changes (default the first 1000). */
export async function getRelease(
  store: Store,
  viewer: Actor | null,
  id: number,
  now: Date,
  page: ChangePage = {},
): Promise<ReleaseDetail> {
  const r = await visibleRecord(store, viewer, id, now);
  const limit = page.limit ?? 1000;
  const offset = page.offset ?? 0;
  const [counts, changes] = await Promise.all([
    releaseCounts(store.db, [id]),
    listReleaseChanges(store.db, id, {
      ...(page.change ? { change: page.change } : {}),
      ...(page.target ? { target: page.target } : {}),
      limit: limit + 1,
      offset,
    }),
  ]);
  const more = changes.length > limit;
  return {
    ...view(r, counts.get(id), now),
    changes: more ? changes.slice(0, limit) : changes,
    nextOffset: more ? offset + limit : null,
  };
}

/** The release the public sees at `now`, if any. */
export async function currentRelease(store: Store, now: Date): Promise<ReleaseView | undefined> {
  const r = await findPublishedRelease(store.db, now);
  if (!r) return undefined;
  return view(r, (await releaseCounts(store.db, [r.id])).get(r.id), now);
}

/** The latest published release of a period (e.g. for its quarterly report), if any. */
export async function findPublishedReleaseOf(
  store: Store,
  period: string,
  now: Date,
): Promise<ReleaseView | undefined> {
  const text = formatPeriod(parsePeriod(period, "period"));
  const all = await listReleases(store, null, now);
  return all.find((r) => r.period === text);
}

/**
 * The indicator values of a release's snapshot, filtered and paged. Before the release time only
 * staff may read them (a reviewer's preview of what will be published); for the public the release
 * does not exist yet.
 */
export async function releaseValues(
  store: Store,
  viewer: Actor | null,
  id: number,
  now: Date,
  filter: {
    indicator?: string[];
    geography?: ("2008" | "2025")[];
    area?: string[];
    period?: string[];
    limit?: number;
    offset?: number;
  } = {},
): Promise<ComputedRow[]> {
  await visibleRecord(store, viewer, id, now);
  const period = filter.period?.map((p) => formatPeriod(parsePeriod(p, "period")));
  return queryComputed(store.db, { ...filter, ...(period ? { period } : {}), release: id });
}

/** Throws unless the viewer may read the data of release `id` at `now`. */
export async function assertReleaseVisible(
  store: Store,
  viewer: Actor | null,
  id: number,
  now: Date,
): Promise<ReleaseView> {
  const r = await visibleRecord(store, viewer, id, now);
  return view(r, undefined, now);
}

interface Snapshot {
  observations: ReleaseObservationRow[];
  rows: ReleaseSnapshotRow[];
}

/** The approved values up to the end of `period`: element observations and computed rows. */
async function takeSnapshot(store: Store, period: string): Promise<Snapshot> {
  const end = periodEnd(parsePeriod(period));
  const ends = new Map<string, string>();
  const endOf = (p: string) => {
    let e = ends.get(p);
    if (e === undefined) {
      e = periodEnd(parsePeriod(p));
      ends.set(p, e);
    }
    return e;
  };
  const observations = (await listElementObservationsOf(store.db, RELEASE_SERIES)).filter(
    (o) => endOf(o.period) <= end,
  );
  const rows: ReleaseSnapshotRow[] = [];
  for (const r of await listComputedRowsOf(store.db, RELEASE_SERIES)) {
    const entries = decodeEntries(r.periods).filter((e) => endOf(e.p) <= end);
    if (entries.length) rows.push({ ...r, entries: entries.length, periods: encodeEntries(entries) });
  }
  return { observations, rows };
}

/**
 * What changed from `before` to `after`: values new in `after`, revised (old → new; a value that
 * became empty or was filled counts), and withdrawn (in `before`, not in `after`).
 */
export function diffSnapshots(before: Snapshot | undefined, after: Snapshot): ReleaseChange[] {
  type Item = Omit<ReleaseChange, "change" | "oldValue" | "newValue"> & { value: number | null };
  const items = (s: Snapshot): Map<string, Item> => {
    const m = new Map<string, Item>();
    for (const o of s.observations) {
      const it: Item = { target: "element", ...o, value: o.value };
      m.set(`e|${o.series}|${o.code}|${o.geography}|${o.area}|${o.period}`, it);
    }
    for (const r of s.rows) {
      for (const e of decodeEntries(r.periods)) {
        m.set(`i|${r.series}|${r.indicator}|${r.geography}|${r.area}|${e.p}`, {
          target: "indicator",
          series: r.series,
          code: r.indicator,
          geography: r.geography,
          area: r.area,
          period: e.p,
          value: e.v,
        });
      }
    }
    return m;
  };
  const old = before ? items(before) : new Map<string, Item>();
  const now = items(after);
  const out: ReleaseChange[] = [];
  const strip = ({ value: _v, ...rest }: Item) => rest;
  for (const [k, n] of now) {
    const o = old.get(k);
    if (!o) out.push({ change: "new", ...strip(n), oldValue: null, newValue: n.value });
    else if (o.value !== n.value)
      out.push({ change: "revised", ...strip(n), oldValue: o.value, newValue: n.value });
  }
  for (const [k, o] of old) {
    if (!now.has(k)) out.push({ change: "withdrawn", ...strip(o), oldValue: o.value, newValue: null });
  }
  return out;
}

function checkNote(note: string | null | undefined): string | null {
  const n = note?.trim() ?? "";
  if (n.length > NOTE_MAX) {
    throw new DxmError("invalid_body", `note: at most ${NOTE_MAX} characters`, {
      field: "note",
      messageVi: `note: tối đa ${NOTE_MAX} ký tự`,
    });
  }
  return n.length ? n : null;
}

/**
 * Prepares a draft release for `period`: recomputes the released series, takes the snapshot and
 * records its changes against the latest published release.
 */
export async function prepareRelease(
  store: Store,
  actor: Actor | null,
  input: { period: string; note?: string | null },
  now: Date,
): Promise<ReleaseDetail> {
  assertManage(actor, "prepare a release");
  const period = formatPeriod(parsePeriod(input.period, "period"));
  const note = checkNote(input.note);
  // The snapshot must hold every approval so far. Approvals mark their series stale in their own
  // transaction, so recompute only when one is: a refused request then writes nothing at all.
  const stale = await staleSeries(store.db);
  if (RELEASE_SERIES.some((s) => stale.has(s))) await recompute(store, { series: RELEASE_SERIES });
  const id = await store.db.transaction().execute(async (trx) => {
    await lockReleases(trx);
    const pending = await findPendingRelease(trx, now);
    if (pending) {
      throw new DxmError(
        "conflict",
        `Release ${pending.id} (${pending.period}) is not published yet: schedule or delete it before preparing another`,
        {
          field: "period",
          messageVi: `Đợt công bố ${pending.id} (${pending.period}) chưa công bố: hãy lên lịch hoặc xóa trước khi chuẩn bị đợt mới`,
        },
      );
    }
    const previous = await findPublishedRelease(trx, now);
    if (previous && comparePeriods(parsePeriod(period), parsePeriod(previous.period)) < 0) {
      throw new DxmError(
        "invalid_body",
        `period: ${period} is before the period of the latest release (${previous.period})`,
        {
          field: "period",
          messageVi: `period: ${period} trước kỳ của đợt công bố gần nhất (${previous.period})`,
        },
      );
    }
    const snapshot = await takeSnapshot({ ...store, db: trx }, period);
    if (!snapshot.observations.length && !snapshot.rows.length) {
      throw new DxmError("invalid_data", `No approved values up to ${period}: nothing to release`, {
        field: "period",
        messageVi: `Chưa có số liệu được duyệt đến kỳ ${period}: không có gì để công bố`,
      });
    }
    const prevSnapshot = previous
      ? {
          observations: await listReleaseObservations(trx, previous.id),
          rows: await listReleaseRows(trx, previous.id),
        }
      : undefined;
    const changes = diffSnapshots(prevSnapshot, snapshot);
    if (previous && !changes.length) {
      throw new DxmError(
        "invalid_data",
        `Nothing changed since release ${previous.id} (${previous.period})`,
        {
          field: "period",
          messageVi: `Không có thay đổi nào so với đợt công bố ${previous.id} (${previous.period})`,
        },
      );
    }
    const newId = await insertRelease(trx, {
      period,
      note,
      previousId: previous?.id ?? null,
      preparedBy: actorName(actor),
      preparedAt: now,
    });
    await insertReleaseSnapshot(trx, newId, { ...snapshot, changes });
    await recordAudit(trx, {
      actor: actorName(actor),
      action: "release.prepare",
      entity: "release",
      entityKey: String(newId),
      after: {
        period,
        note,
        previous: previous?.id ?? null,
        observations: snapshot.observations.length,
        new: changes.filter((c) => c.change === "new").length,
        revised: changes.filter((c) => c.change === "revised").length,
        withdrawn: changes.filter((c) => c.change === "withdrawn").length,
      },
    });
    return newId;
  });
  return getRelease(store, actor, id, now);
}

/**
 * Schedules (or reschedules) a release for `at`, which must be in the future. A release that
 * revises or withdraws published values needs a note saying why.
 */
export async function scheduleRelease(
  store: Store,
  actor: Actor | null,
  id: number,
  input: { at: string | Date; note?: string | null },
  now: Date,
): Promise<ReleaseView> {
  assertManage(actor, "schedule a release");
  const at = typeof input.at === "string" ? parseReleaseTime(input.at, "at") : input.at;
  if (at.getTime() <= now.getTime()) {
    throw new DxmError(
      "invalid_body",
      `at: the release time ${formatVietnamTime(at)} is not in the future (now ${formatVietnamTime(now)})`,
      {
        field: "at",
        messageVi: `at: thời điểm công bố ${formatVietnamTime(at)} không ở tương lai (bây giờ ${formatVietnamTime(now)})`,
      },
    );
  }
  await store.db.transaction().execute(async (trx) => {
    await lockReleases(trx);
    const r = await findReleaseRecord(trx, id);
    if (!r) throw notFound(id);
    if (releaseState(r.state, r.releaseAt, now) === "published") throw publishedConflict(r);
    const note = input.note === undefined ? r.note : checkNote(input.note);
    const counts = (await releaseCounts(trx, [id])).get(id);
    if (counts && counts.revised + counts.withdrawn > 0 && !note) {
      throw new DxmError(
        "invalid_body",
        `note: release ${id} revises ${counts.revised} and withdraws ${counts.withdrawn} published value(s): say why in a revision note`,
        {
          field: "note",
          messageVi: `note: đợt công bố ${id} điều chỉnh ${counts.revised} và rút ${counts.withdrawn} giá trị đã công bố: cần ghi chú lý do điều chỉnh`,
        },
      );
    }
    await updateReleaseSchedule(trx, id, {
      releaseAt: at,
      note,
      scheduledBy: actorName(actor),
      scheduledAt: now,
    });
    await recordAudit(trx, {
      actor: actorName(actor),
      action: "release.schedule",
      entity: "release",
      entityKey: String(id),
      before: { state: r.state, release_at: r.releaseAt, note: r.note },
      after: { state: "scheduled", release_at: at, note },
    });
  });
  const r = (await findReleaseRecord(store.db, id))!;
  return view(r, (await releaseCounts(store.db, [id])).get(id), now);
}

/** Deletes a release that is not published (a draft, or scheduled for later). */
export async function deleteRelease(store: Store, actor: Actor | null, id: number, now: Date): Promise<void> {
  assertManage(actor, "delete a release");
  await store.db.transaction().execute(async (trx) => {
    await lockReleases(trx);
    const r = await findReleaseRecord(trx, id);
    if (!r) throw notFound(id);
    if (releaseState(r.state, r.releaseAt, now) === "published") throw publishedConflict(r);
    await deleteReleaseRecord(trx, id);
    await recordAudit(trx, {
      actor: actorName(actor),
      action: "release.delete",
      entity: "release",
      entityKey: String(id),
      before: { period: r.period, state: r.state, release_at: r.releaseAt, note: r.note },
    });
  });
}
