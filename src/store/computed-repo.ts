/**
 * Computed indicator values, written by recompute and read by the public API.
 *
 * Writes are incremental by chunk: the values of one (series, indicator, geography) are hashed, and
 * only chunks whose hash changed are deleted and re-loaded by COPY, in one transaction with their
 * new hashes. The same inputs give the same rows and the same hashes, so a repeated recompute
 * writes nothing; a change in one province's data rewrites only the indicators it feeds.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { AreaLevel, Geography } from "../domain/area.ts";
import type { ObservationStatus } from "../domain/catalog.ts";
import type { ComputedValue } from "../domain/observation.ts";
import { formatPeriod, parsePeriod, periodEnd } from "../domain/period.ts";
import type { CopyValue, Statement, Store } from "./db.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

const COLUMNS = [
  "series",
  "indicator",
  "geography",
  "area_code",
  "period",
  "period_kind",
  "period_end",
  "value",
  "numerator",
  "denominator",
  "complete",
  "missing",
  "completeness",
  "method",
  "status",
  "published",
] as const;

function toRow(v: ComputedValue): CopyValue[] {
  const p = parsePeriod(v.period);
  return [
    v.series,
    v.indicator,
    v.geography,
    v.area,
    formatPeriod(p),
    p.kind,
    periodEnd(p),
    v.value,
    v.numerator,
    v.denominator,
    v.complete,
    v.missing,
    v.completeness,
    v.method,
    v.status,
    true,
  ];
}

export interface ReplaceReport {
  /** Rows written (those of changed chunks). */
  written: number;
  /** Rows the series now has. */
  total: number;
  chunksChanged: number;
  chunksTotal: number;
}

/**
 * Makes the stored values of `series` equal to `values`, rewriting only changed chunks.
 * `force` rewrites every chunk.
 */
export async function replaceComputed(
  store: Store,
  series: string,
  values: readonly ComputedValue[],
  options: { force?: boolean } = {},
): Promise<ReplaceReport> {
  const chunks = new Map<string, { indicator: string; geography: string; rows: CopyValue[][] }>();
  for (const v of values) {
    if (v.series !== series) throw new Error(`replaceComputed(${series}) got a value of series ${v.series}`);
    const key = `${v.indicator}|${v.geography}`;
    let c = chunks.get(key);
    if (!c) {
      c = { indicator: v.indicator, geography: v.geography, rows: [] };
      chunks.set(key, c);
    }
    c.rows.push(toRow(v));
  }
  const hashes = new Map<string, string>();
  for (const [key, c] of chunks) {
    // Order-independent: sort the serialised rows before hashing.
    const lines = c.rows.map((r) => JSON.stringify(r)).sort();
    hashes.set(key, createHash("sha1").update(lines.join("\n")).digest("hex"));
  }
  const stored = await store.db
    .selectFrom("computed_chunk")
    .select(["indicator", "geography", "hash"])
    .where("series", "=", series)
    .execute();
  const storedHash = new Map(stored.map((r) => [`${r.indicator}|${r.geography}`, r.hash]));
  const changed = [...chunks.keys()].filter((k) => options.force || storedHash.get(k) !== hashes.get(k));
  const removed = [...storedHash.keys()].filter((k) => !chunks.has(k));
  const stale = [...changed, ...removed];
  if (stale.length === 0)
    return { written: 0, total: values.length, chunksChanged: 0, chunksTotal: chunks.size };

  const before: Statement[] = [];
  const after: Statement[] = [];
  for (const key of stale) {
    const [indicator, geography] = key.split("|") as [string, string];
    before.push({
      text: "DELETE FROM computed_value WHERE indicator = $1 AND series = $2 AND geography = $3",
      values: [indicator, series, geography],
    });
    before.push({
      text: "DELETE FROM computed_chunk WHERE series = $1 AND indicator = $2 AND geography = $3",
      values: [series, indicator, geography],
    });
  }
  for (const key of changed) {
    const c = chunks.get(key)!;
    after.push({
      text: "INSERT INTO computed_chunk (series, indicator, geography, hash, rows) VALUES ($1, $2, $3, $4, $5)",
      values: [series, c.indicator, c.geography, hashes.get(key), c.rows.length],
    });
  }
  const written = await store.replaceRows({
    table: "computed_value",
    columns: COLUMNS,
    rows: (function* () {
      for (const key of changed) yield* chunks.get(key)!.rows;
    })(),
    before,
    after,
  });
  return { written, total: values.length, chunksChanged: stale.length, chunksTotal: chunks.size };
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

export async function queryComputed(db: Db, f: ComputedFilter): Promise<ComputedRow[]> {
  let q = db
    .selectFrom("computed_value as c")
    .select([
      "c.series",
      "c.indicator",
      "c.geography",
      "c.area_code",
      "c.period",
      "c.period_end",
      "c.value",
      "c.numerator",
      "c.denominator",
      "c.complete",
      "c.missing",
      "c.completeness",
      "c.method",
      "c.status",
    ])
    .orderBy("c.indicator")
    .orderBy("c.series")
    .orderBy("c.geography")
    .orderBy("c.area_code")
    .orderBy("c.period_end")
    .orderBy("c.period_kind");
  if (f.indicator?.length) q = q.where("c.indicator", "in", f.indicator);
  if (f.geography?.length) q = q.where("c.geography", "in", f.geography);
  if (f.area?.length) q = q.where("c.area_code", "in", f.area);
  if (f.period?.length) q = q.where("c.period", "in", f.period);
  if (f.series?.length) q = q.where("c.series", "in", f.series);
  if (f.periodKind?.length) q = q.where("c.period_kind", "in", f.periodKind);
  if (f.publishedOnly) q = q.where("c.published", "=", true);
  if (f.level?.length) {
    const levels = f.level;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("area as a")
          .select("a.code")
          .whereRef("a.geography", "=", "c.geography")
          .whereRef("a.code", "=", "c.area_code")
          .where("a.level", "in", levels),
      ),
    );
  }
  if (f.limit !== undefined) q = q.limit(f.limit);
  if (f.offset) q = q.offset(f.offset);
  const rows = await q.execute();
  return rows.map((r) => ({
    series: r.series,
    indicator: r.indicator,
    geography: r.geography as Geography,
    area: r.area_code,
    period: r.period,
    periodEnd: r.period_end,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    complete: r.complete,
    missing: r.missing,
    completeness: r.completeness,
    method: r.method,
    status: r.status as ObservationStatus,
  }));
}

export async function countComputed(db: Db, series?: string): Promise<number> {
  let q = db.selectFrom("computed_value").select((eb) => eb.fn.countAll<number>().as("n"));
  if (series) q = q.where("series", "=", series);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
