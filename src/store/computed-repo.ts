/**
 * Computed indicator values: replaced per series by COPY on every recompute (idempotent: the same
 * inputs give the same rows), read by the public API with filters.
 */
import type { Kysely } from "kysely";
import type { AreaLevel, Geography } from "../domain/area.ts";
import type { ObservationStatus } from "../domain/catalog.ts";
import type { ComputedValue } from "../domain/observation.ts";
import { formatPeriod, parsePeriod, periodEnd } from "../domain/period.ts";
import type { Store } from "./db.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export async function replaceComputed(
  store: Store,
  series: string,
  values: readonly ComputedValue[],
): Promise<number> {
  const now = new Date().toISOString();
  return store.replaceRows({
    table: "computed_value",
    columns: [
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
      "computed_at",
    ],
    rows: (function* () {
      for (const v of values) {
        if (v.series !== series)
          throw new Error(`replaceComputed(${series}) got a value of series ${v.series}`);
        const p = parsePeriod(v.period);
        yield [
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
          now,
        ];
      }
    })(),
    deleteWhere: { series },
  });
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
