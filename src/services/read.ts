/**
 * Public read use cases: areas, indicators with their targets, series, targets and computed
 * observations. Input arrives already well-formed from the API's schemas; here every code is checked
 * against the catalogue, so an unknown indicator, area or series is a 400 naming the parameter
 * instead of an empty answer that looks like "no data".
 */
import type { Area, AreaLevel, Geography } from "../domain/area.ts";
import type { Indicator, Series, Target } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import { formatPeriod, parsePeriod } from "../domain/period.ts";
import { listAreas, listIndicators, listSeries, listTargets } from "../store/catalog-repo.ts";
import { type ComputedRow, queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";

function unknown(field: string, values: readonly string[], known: Iterable<string>): never {
  const sample = [...known].slice(0, 12).join(", ");
  throw new DxmError(
    "unknown_code",
    `${field}: unknown code${values.length > 1 ? "s" : ""} ${values.join(", ")}`,
    {
      field,
      messageVi: `${field}: không có mã ${values.join(", ")}`,
      details: { unknown: values, examples: sample },
    },
  );
}

/** Throws `unknown_code` naming the parameter when any of `values` is not in `known`. */
export function checkCodes(
  field: string,
  values: readonly string[] | undefined,
  known: ReadonlySet<string>,
): void {
  if (!values?.length) return;
  const bad = values.filter((v) => !known.has(v));
  if (bad.length) unknown(field, bad, known);
}

export async function getAreas(
  store: Store,
  filter: { geography?: Geography[]; level?: AreaLevel[] },
): Promise<Area[]> {
  return listAreas(store.db, filter);
}

export interface IndicatorWithTargets extends Indicator {
  readonly targets: readonly Target[];
}

export async function getIndicators(store: Store): Promise<IndicatorWithTargets[]> {
  const [indicators, targets] = await Promise.all([listIndicators(store.db), listTargets(store.db)]);
  const byIndicator = new Map<string, Target[]>();
  for (const t of targets) byIndicator.set(t.indicator, [...(byIndicator.get(t.indicator) ?? []), t]);
  return indicators.map((i) => ({ ...i, targets: byIndicator.get(i.code) ?? [] }));
}

export async function getIndicator(store: Store, code: string): Promise<IndicatorWithTargets> {
  const [indicator] = await listIndicators(store.db, [code]);
  if (!indicator) {
    throw new DxmError("not_found", `indicator: no indicator with code ${code}`, {
      field: "code",
      messageVi: `indicator: không có chỉ tiêu mã ${code}`,
    });
  }
  return { ...indicator, targets: await listTargets(store.db, { indicator: [code] }) };
}

export async function getSeries(store: Store): Promise<Series[]> {
  return listSeries(store.db);
}

export interface TargetQuery {
  indicator?: string[];
  geography?: Geography[];
  area?: string[];
}

export async function getTargets(store: Store, q: TargetQuery): Promise<Target[]> {
  if (q.indicator?.length) {
    const known = new Set((await listIndicators(store.db)).map((i) => i.code));
    checkCodes("indicator", q.indicator, known);
  }
  if (q.area?.length) await checkAreas(store, q.area, q.geography);
  return listTargets(store.db, q);
}

async function checkAreas(
  store: Store,
  codes: readonly string[],
  geography?: readonly Geography[],
): Promise<void> {
  const areas = await listAreas(store.db, geography?.length ? { geography } : {});
  checkCodes("area", codes, new Set(areas.map((a) => a.code)));
}

export interface ObservationQuery {
  indicator?: string[];
  geography?: Geography[];
  area?: string[];
  period?: string[];
  series?: string[];
  level?: AreaLevel[];
  periodKind?: ("Y" | "S" | "Q")[];
  /** The instant the public reads at (release embargo); default now. */
  at?: Date;
  limit: number;
  offset: number;
}

export interface ObservationPage {
  items: ComputedRow[];
  /** Offset of the next page, or null when this is the last one. */
  nextOffset: number | null;
}

export async function getObservations(store: Store, q: ObservationQuery): Promise<ObservationPage> {
  const period = q.period?.map((p) => formatPeriod(parsePeriod(p, "period")));
  if (q.indicator?.length) {
    checkCodes("indicator", q.indicator, new Set((await listIndicators(store.db)).map((i) => i.code)));
  }
  if (q.series?.length)
    checkCodes("series", q.series, new Set((await listSeries(store.db)).map((s) => s.code)));
  if (q.area?.length) await checkAreas(store, q.area, q.geography);
  const { at, ...filter } = q;
  const items = await queryComputed(store.db, {
    ...filter,
    ...(period ? { period } : {}),
    publishedOnly: true,
    ...(at ? { publishedAt: at } : {}),
    limit: q.limit + 1,
    offset: q.offset,
  });
  const more = items.length > q.limit;
  return { items: more ? items.slice(0, q.limit) : items, nextOffset: more ? q.offset + q.limit : null };
}
