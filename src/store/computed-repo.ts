/**
 * Computed indicator values, written by recompute and read by the public API.
 *
 * Storage: one row per (series, indicator, geography, area) with the area's time series as JSON,
 * sorted by period (quarter before half before year at the same end date), in columns
 * (`{"p":[…],"v":[…],"n":[…],"d":[…],…}`) where a field that is the same for every period is
 * written once: this halves the text to write and to parse. A full recompute
 * of the demo data is ~160k values but only ~10k rows, which keeps bulk writes on the embedded
 * database fast. Each row carries a hash of its content: only rows whose hash changed are deleted
 * and re-loaded (COPY), in one transaction, so a repeated recompute writes nothing.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { AreaLevel, Geography } from "../domain/area.ts";
import type { ObservationStatus } from "../domain/catalog.ts";
import type { ComputedValue } from "../domain/observation.ts";
import { comparePeriods, formatPeriod, type Period, parsePeriod, periodEnd } from "../domain/period.ts";
import type { Statement, Store } from "./db.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/** One period of a stored row; short keys keep the JSON small. */
export interface StoredEntry {
  /** period */
  p: string;
  v: number | null;
  n: number | null;
  d: number | null;
  /** complete */
  c: boolean;
  /** missing */
  m: readonly string[];
  /** completeness */
  cp: number;
  /** method */
  mt: string;
  /** status */
  s: string;
}

/** The stored form of a row's entries: one array per field, or one value when all are equal. */
interface StoredColumns {
  p: string[];
  v: (number | null)[];
  n: (number | null)[];
  d: (number | null)[];
  c: boolean | boolean[];
  cp: number | number[];
  /** Omitted when nothing is missing anywhere. */
  m?: (readonly string[])[];
  mt: string | string[];
  s: string | string[];
}

function uniform<T>(values: T[]): T | T[] {
  const first = values[0];
  return values.every((v) => v === first) ? (first as T) : values;
}

function toColumns(entries: readonly StoredEntry[]): StoredColumns {
  const cols: StoredColumns = {
    p: entries.map((e) => e.p),
    v: entries.map((e) => e.v),
    n: entries.map((e) => e.n),
    d: entries.map((e) => e.d),
    c: uniform(entries.map((e) => e.c)),
    cp: uniform(entries.map((e) => e.cp)),
    mt: uniform(entries.map((e) => e.mt)),
    s: uniform(entries.map((e) => e.s)),
  };
  if (entries.some((e) => e.m.length > 0)) cols.m = entries.map((e) => e.m);
  return cols;
}

/** The entries of a stored `periods` text (computed_value or release_row). */
export function decodeEntries(periods: string): StoredEntry[] {
  return fromColumns(JSON.parse(periods) as StoredColumns);
}

/** The stored `periods` text of entries (already sorted by period). */
export function encodeEntries(entries: readonly StoredEntry[]): string {
  return JSON.stringify(toColumns(entries));
}

function fromColumns(cols: StoredColumns): StoredEntry[] {
  const at = <T>(x: T | T[], i: number): T => (Array.isArray(x) ? (x[i] as T) : x);
  return cols.p.map((p, i) => ({
    p,
    v: cols.v[i] ?? null,
    n: cols.n[i] ?? null,
    d: cols.d[i] ?? null,
    c: at(cols.c, i),
    cp: at(cols.cp, i),
    m: cols.m?.[i] ?? [],
    mt: at(cols.mt, i),
    s: at(cols.s, i),
  }));
}

interface RowDraft {
  indicator: string;
  geography: string;
  area: string;
  entries: { rank: number; entry: StoredEntry }[];
}

/** Canonical text and sort rank of each period text, computed once per distinct period. */
function periodRanker(values: readonly ComputedValue[]): (text: string) => { text: string; rank: number } {
  const distinct = new Map<string, Period>();
  for (const v of values) if (!distinct.has(v.period)) distinct.set(v.period, parsePeriod(v.period));
  const ordered = [...distinct.entries()].sort((a, b) => comparePeriods(a[1], b[1]));
  const info = new Map(ordered.map(([t, p], i) => [t, { text: formatPeriod(p), rank: i }]));
  return (text) => info.get(text)!;
}

export interface ReplaceReport {
  /** Values in rows that were (re)written. */
  written: number;
  /** Values the series now has. */
  total: number;
  rowsChanged: number;
  rowsTotal: number;
}

/**
 * Makes the stored values of `series` equal to `values`, rewriting only rows whose content
 * changed (`force` rewrites all). `levelOf` gives an area's level (`geography:code` → level).
 */
export async function replaceComputed(
  store: Store,
  series: string,
  values: readonly ComputedValue[],
  levelOf: (geography: string, code: string) => AreaLevel | undefined,
  options: { force?: boolean; published?: boolean } = {},
): Promise<ReplaceReport> {
  const published = options.published ?? true;
  const rankOf = periodRanker(values);
  const drafts = new Map<string, RowDraft>();
  for (const v of values) {
    if (v.series !== series) throw new Error(`replaceComputed(${series}) got a value of series ${v.series}`);
    const key = `${v.indicator}|${v.geography}|${v.area}`;
    let d = drafts.get(key);
    if (!d) {
      d = { indicator: v.indicator, geography: v.geography, area: v.area, entries: [] };
      drafts.set(key, d);
    }
    const period = rankOf(v.period);
    d.entries.push({
      rank: period.rank,
      entry: {
        p: period.text,
        v: v.value,
        n: v.numerator,
        d: v.denominator,
        c: v.complete,
        m: v.missing,
        cp: v.completeness,
        mt: v.method,
        s: v.status,
      },
    });
  }
  const rows = new Map<string, { draft: RowDraft; json: string; hash: string }>();
  for (const [key, d] of drafts) {
    d.entries.sort((a, b) => a.rank - b.rank);
    const json = JSON.stringify(toColumns(d.entries.map((e) => e.entry)));
    const hash = createHash("sha1")
      .update(published ? "P" : "U")
      .update(json)
      .digest("base64url");
    rows.set(key, { draft: d, json, hash });
  }
  const stored = await store.db
    .selectFrom("computed_value")
    .select(["indicator", "geography", "area_code", "hash"])
    .where("series", "=", series)
    .execute();
  const storedHash = new Map(stored.map((r) => [`${r.indicator}|${r.geography}|${r.area_code}`, r.hash]));
  const changed = [...rows.keys()].filter((k) => options.force || storedHash.get(k) !== rows.get(k)!.hash);
  const removed = [...storedHash.keys()].filter((k) => !rows.has(k));
  const report: ReplaceReport = { written: 0, total: values.length, rowsChanged: 0, rowsTotal: rows.size };
  if (changed.length + removed.length === 0) return report;

  const before: Statement[] = [];
  if (options.force || changed.length + removed.length > rows.size / 2) {
    before.push({ text: "DELETE FROM computed_value WHERE series = $1", values: [series] });
    changed.splice(0, changed.length, ...rows.keys());
  } else {
    for (const key of [...changed, ...removed]) {
      const [indicator, geography, area] = key.split("|") as [string, string, string];
      before.push({
        text: "DELETE FROM computed_value WHERE indicator = $1 AND series = $2 AND geography = $3 AND area_code = $4",
        values: [indicator, series, geography, area],
      });
    }
  }
  await store.replaceRows({
    table: "computed_value",
    columns: [
      "indicator",
      "series",
      "geography",
      "area_code",
      "area_level",
      "hash",
      "entries",
      "periods",
      "published",
    ],
    rows: (function* () {
      for (const key of changed) {
        const { draft, json, hash } = rows.get(key)!;
        const level = levelOf(draft.geography, draft.area);
        if (!level) throw new Error(`replaceComputed: unknown area ${draft.geography}:${draft.area}`);
        yield [
          draft.indicator,
          series,
          draft.geography,
          draft.area,
          level,
          hash,
          draft.entries.length,
          json,
          published,
        ];
      }
    })(),
    // Two recomputes of one series at once (two approvals on a PostgreSQL server) would both delete
    // the old rows and both insert the new: a duplicate key. A transaction lock per series makes the
    // second wait, and its deletes (each statement sees the first one's committed rows) then apply.
    before: [
      { text: "SELECT pg_advisory_xact_lock(hashtext($1))", values: [`computed_value:${series}`] },
      ...before,
    ],
  });
  for (const key of changed) report.written += rows.get(key)!.draft.entries.length;
  report.rowsChanged = changed.length + removed.length;
  return report;
}

export interface ComputedFilter {
  indicator?: readonly string[];
  geography?: readonly Geography[];
  area?: readonly string[];
  period?: readonly string[];
  series?: readonly string[];
  level?: readonly AreaLevel[];
  periodKind?: readonly ("Y" | "S" | "Q")[];
  /**
   * Public reads: values published at recompute, plus the snapshot of the latest release whose
   * time has come (`publishedAt`, default now) for the series that only releases publish.
   */
  publishedOnly?: boolean;
  /** The instant public reads are made at (embargo); default now. */
  publishedAt?: Date;
  /** Only the snapshot of this release (whatever its time: callers check visibility). */
  release?: number;
  limit?: number;
  offset?: number;
}

export interface ComputedRow extends ComputedValue {
  readonly periodEnd: string;
}

const SOURCE_COLUMNS = ["indicator", "series", "geography", "area_code", "area_level", "periods"] as const;

/** The id of the release the public sees at `at`: the latest scheduled one whose time has come. */
function visibleReleaseId(db: Db, at: Date) {
  return db
    .selectFrom("release")
    .select("id")
    .where("state", "=", "scheduled")
    .where("release_at", "<=", at)
    .orderBy("release_at", "desc")
    .orderBy("id", "desc")
    .limit(1);
}

/**
 * Stored rows matching the filter's key columns, from computed values or release snapshots.
 * `part` reads one table only (streaming reads each by its primary key).
 */
function selectRows(
  db: Db,
  f: ComputedFilter,
  part?: { table: "computed" } | { table: "release"; id: number },
) {
  const computed = () => {
    const q = db.selectFrom("computed_value").select(SOURCE_COLUMNS);
    return f.publishedOnly ? q.where("published", "=", true) : q;
  };
  const release = (id: number) =>
    db.selectFrom("release_row").select(SOURCE_COLUMNS).where("release_id", "=", id);
  const source = part
    ? part.table === "computed"
      ? computed()
      : release(part.id)
    : f.release !== undefined
      ? release(f.release)
      : f.publishedOnly
        ? computed().unionAll(
            db
              .selectFrom("release_row")
              .select(SOURCE_COLUMNS)
              .where("release_id", "=", visibleReleaseId(db, f.publishedAt ?? new Date())),
          )
        : computed();
  let q = db
    .selectFrom(source.as("v"))
    .select(["v.indicator", "v.series", "v.geography", "v.area_code", "v.periods"])
    .orderBy("v.indicator")
    .orderBy("v.series")
    .orderBy("v.geography")
    .orderBy("v.area_code");
  if (f.indicator?.length) q = q.where("v.indicator", "in", f.indicator);
  if (f.geography?.length) q = q.where("v.geography", "in", f.geography);
  if (f.area?.length) q = q.where("v.area_code", "in", f.area);
  if (f.series?.length) q = q.where("v.series", "in", f.series);
  if (f.level?.length) q = q.where("v.area_level", "in", f.level);
  if (f.period?.length) {
    // Cheap pre-filter in SQL: the row's JSON must mention one of the periods.
    const periods = f.period;
    q = q.where((eb) => eb.or(periods.map((p) => eb("v.periods", "like", `%"${p}"%`))));
  }
  return q;
}

interface SourceRow {
  indicator: string;
  series: string;
  geography: string;
  area_code: string;
  periods: string;
}

/** The values of one stored row that pass the filter's period conditions. */
function* rowValues(r: SourceRow, f: ComputedFilter): Generator<ComputedRow> {
  const periods = f.period?.length ? new Set(f.period) : undefined;
  const kinds = f.periodKind?.length ? new Set<string>(f.periodKind) : undefined;
  for (const e of decodeEntries(r.periods)) {
    if (periods && !periods.has(e.p)) continue;
    if (kinds) {
      const kind = e.p.length === 4 ? "Y" : e.p[5]!;
      if (!kinds.has(kind)) continue;
    }
    yield {
      series: r.series,
      indicator: r.indicator,
      geography: r.geography as Geography,
      area: r.area_code,
      period: e.p,
      periodEnd: periodEnd(parsePeriod(e.p)),
      value: e.v,
      numerator: e.n,
      denominator: e.d,
      complete: e.c,
      missing: e.m,
      completeness: e.cp,
      method: e.mt,
      status: e.s as ObservationStatus,
    };
  }
}

/**
 * Values matching the filter, ordered by indicator, series, geography, area, then period.
 * Key columns are filtered in SQL, periods inside each row.
 */
export async function queryComputed(db: Db, f: ComputedFilter): Promise<ComputedRow[]> {
  const rows = await selectRows(db, f).execute();
  const offset = f.offset ?? 0;
  const limit = f.limit ?? Number.POSITIVE_INFINITY;
  const out: ComputedRow[] = [];
  let skipped = 0;
  for (const r of rows) {
    for (const v of rowValues(r, f)) {
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (out.length >= limit) return out;
      out.push(v);
    }
  }
  return out;
}

/**
 * Every value matching the filter, read `batchRows` stored rows at a time by keyset (the row key after the last one read): memory stays bounded by one batch
 * whatever the number of values, and each batch is an indexed range scan (no OFFSET re-reading).
 * With `publishedOnly`, the release visible when it starts is the one read throughout, so an export
 * never mixes two releases.
 */
export async function* streamComputed(
  db: Db,
  f: Omit<ComputedFilter, "limit" | "offset">,
  batchRows = 200,
): AsyncGenerator<ComputedRow[]> {
  // Fix the instant once, so a release that comes out during a long export is not mixed in.
  const at = f.publishedAt ?? new Date();
  // Each source is read on its own, by its primary key, so every batch is an index range scan;
  // published computed values first, then the visible release's snapshot.
  const sources: ("computed" | "release")[] =
    f.release !== undefined ? ["release"] : f.publishedOnly ? ["computed", "release"] : ["computed"];
  let releaseId = f.release;
  if (f.release === undefined && f.publishedOnly)
    releaseId = (await visibleReleaseId(db, at).executeTakeFirst())?.id;
  for (const source of sources) {
    if (source === "release" && releaseId === undefined) continue;
    let after: [string, string, string, string] | undefined;
    for (;;) {
      let q = selectRows(
        db,
        f,
        source === "release" ? { table: "release", id: releaseId! } : { table: "computed" },
      );
      if (after) {
        const key = after;
        q = q.where((eb) =>
          eb(eb.refTuple("v.indicator", "v.series", "v.geography", "v.area_code"), ">", eb.tuple(...key)),
        );
      }
      const rows = await q.limit(batchRows).execute();
      if (!rows.length) break;
      const last = rows[rows.length - 1]!;
      after = [last.indicator, last.series, last.geography, last.area_code];
      const values: ComputedRow[] = [];
      for (const r of rows) for (const v of rowValues(r, f)) values.push(v);
      if (values.length) yield values;
      if (rows.length < batchRows) break;
    }
  }
}

/** Number of computed values (of a series, or all). */
export async function countComputed(db: Db, series?: string): Promise<number> {
  let q = db.selectFrom("computed_value").select((eb) => eb.fn.sum<number>("entries").as("n"));
  if (series) q = q.where("series", "=", series);
  return Number((await q.executeTakeFirstOrThrow()).n ?? 0);
}

/** Removes every computed value of a series. */
export async function deleteComputed(db: Db, series: string): Promise<void> {
  await db.deleteFrom("computed_value").where("series", "=", series).execute();
}
