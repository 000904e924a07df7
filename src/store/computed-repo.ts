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
interface StoredEntry {
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
  /** Public reads see published values only. */
  publishedOnly?: boolean;
  limit?: number;
  offset?: number;
}

export interface ComputedRow extends ComputedValue {
  readonly periodEnd: string;
}

/**
 * Values matching the filter, ordered by indicator, series, geography, area, then period.
 * Key columns are filtered in SQL, periods inside each row.
 */
export async function queryComputed(db: Db, f: ComputedFilter): Promise<ComputedRow[]> {
  let q = db
    .selectFrom("computed_value")
    .select(["indicator", "series", "geography", "area_code", "periods"])
    .orderBy("indicator")
    .orderBy("series")
    .orderBy("geography")
    .orderBy("area_code");
  if (f.indicator?.length) q = q.where("indicator", "in", f.indicator);
  if (f.geography?.length) q = q.where("geography", "in", f.geography);
  if (f.area?.length) q = q.where("area_code", "in", f.area);
  if (f.series?.length) q = q.where("series", "in", f.series);
  if (f.level?.length) q = q.where("area_level", "in", f.level);
  if (f.publishedOnly) q = q.where("published", "=", true);
  if (f.period?.length) {
    // Cheap pre-filter in SQL: the row's JSON must mention one of the periods.
    const periods = f.period;
    q = q.where((eb) => eb.or(periods.map((p) => eb("periods", "like", `%"${p}"%`))));
  }
  const rows = await q.execute();
  const periods = f.period?.length ? new Set(f.period) : undefined;
  const kinds = f.periodKind?.length ? new Set<string>(f.periodKind) : undefined;
  const offset = f.offset ?? 0;
  const limit = f.limit ?? Number.POSITIVE_INFINITY;
  const out: ComputedRow[] = [];
  let skipped = 0;
  for (const r of rows) {
    for (const e of fromColumns(JSON.parse(r.periods) as StoredColumns)) {
      if (periods && !periods.has(e.p)) continue;
      if (kinds) {
        const kind = e.p.length === 4 ? "Y" : e.p[5]!;
        if (!kinds.has(kind)) continue;
      }
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (out.length >= limit) return out;
      out.push({
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
      });
    }
  }
  return out;
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
