/**
 * The province table as data: one row per province of the chosen geography, the values of one
 * series in the latest year that series has, filtering without diacritics and sorting. Pure, so it
 * is tested without a browser. Series are never mixed within the table (DESIGN §3).
 */
import type { SeriesCode } from "../../../domain/catalog.ts";
import { tryParsePeriod } from "../../../domain/period.ts";
import type { AreaDto, ObservationDto } from "../../data/types.ts";
import type { Lang } from "../../lib/format.ts";
import { matchesVi } from "../../lib/normalize.ts";

export type ValueColumn = "de" | "ecom" | "sme";
export type SortColumn = "name" | "region" | ValueColumn;
export type SortDirection = "asc" | "desc";

export interface SortState {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export interface Cell {
  readonly value: number | null;
  readonly complete: boolean;
  readonly missing: readonly string[];
}

export interface ProvinceRow {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Shown and sorted: the Vietnamese name, in both languages (proper names are not translated). */
  readonly name: string;
  /** The region's name in the interface language. */
  readonly region: string;
  readonly cells: Readonly<Record<ValueColumn, Cell | null>>;
}

/** Which indicator feeds each value column. */
export type ColumnIndicators = Readonly<Record<ValueColumn, string | undefined>>;

/** Which series the table prefers when several have data for the same latest year. */
export const TABLE_SERIES_PREFERENCE: readonly SeriesCode[] = [
  "reported",
  "gso_official",
  "mic_estimate",
  "demo",
];

function yearOf(period: string): number | undefined {
  const p = tryParsePeriod(period);
  return p?.kind === "Y" ? p.year : undefined;
}

/** The latest year with at least one value, for each series. */
export function latestYearBySeries(observations: readonly ObservationDto[]): Map<SeriesCode, number> {
  const out = new Map<SeriesCode, number>();
  for (const o of observations) {
    const y = yearOf(o.period);
    if (y === undefined || o.value === null) continue;
    if (y > (out.get(o.series) ?? Number.NEGATIVE_INFINITY)) out.set(o.series, y);
  }
  return out;
}

function preference(code: SeriesCode): number {
  const i = TABLE_SERIES_PREFERENCE.indexOf(code);
  return i === -1 ? TABLE_SERIES_PREFERENCE.length : i;
}

/** The series with the most recent data; among equals, the preferred one. */
export function defaultSeries(latest: ReadonlyMap<SeriesCode, number>): SeriesCode | undefined {
  return [...latest.entries()].sort((a, b) => b[1] - a[1] || preference(a[0]) - preference(b[0]))[0]?.[0];
}

export function buildProvinceRows(input: {
  provinces: readonly AreaDto[];
  regions: readonly AreaDto[];
  observations: readonly ObservationDto[];
  series: SeriesCode;
  year: number;
  columns: ColumnIndicators;
  lang: Lang;
}): ProvinceRow[] {
  const { provinces, regions, observations, series, year, columns, lang } = input;
  const regionName = new Map(regions.map((r) => [r.code, lang === "vi" ? r.name_vi : r.name_en]));
  const columnOf = new Map<string, ValueColumn>();
  for (const [column, indicator] of Object.entries(columns) as [ValueColumn, string | undefined][]) {
    if (indicator) columnOf.set(indicator, column);
  }
  const cells = new Map<string, Partial<Record<ValueColumn, Cell>>>();
  for (const o of observations) {
    if (o.series !== series || yearOf(o.period) !== year) continue;
    const column = columnOf.get(o.indicator);
    if (!column) continue;
    let row = cells.get(o.area);
    if (!row) {
      row = {};
      cells.set(o.area, row);
    }
    row[column] = { value: o.value, complete: o.complete, missing: o.missing };
  }
  return provinces.map((p) => {
    const c = cells.get(p.code) ?? {};
    return {
      code: p.code,
      nameVi: p.name_vi,
      nameEn: p.name_en,
      name: p.name_vi,
      region: (p.parent && regionName.get(p.parent)) || "",
      cells: { de: c.de ?? null, ecom: c.ecom ?? null, sme: c.sme ?? null },
    };
  });
}

/** Rows whose Vietnamese or English name contains the query, ignoring case and diacritics. */
export function filterRows(rows: readonly ProvinceRow[], query: string): ProvinceRow[] {
  return rows.filter((r) => matchesVi(query, r.nameVi, r.nameEn));
}

const collators: Partial<Record<Lang, Intl.Collator>> = {};
function collator(lang: Lang): Intl.Collator {
  let c = collators[lang];
  if (!c) {
    c = new Intl.Collator(lang === "vi" ? "vi" : "en", { sensitivity: "base" });
    collators[lang] = c;
  }
  return c;
}

/**
 * Sorted copy. Names sort in Vietnamese order (Đ after D), regions in the interface language's; value columns
 * put missing values last in both directions; ties fall back to the province name.
 */
export function sortRows(rows: readonly ProvinceRow[], sort: SortState, lang: Lang): ProvinceRow[] {
  const byName = (a: ProvinceRow, b: ProvinceRow) => collator("vi").compare(a.name, b.name);
  const sign = sort.direction === "asc" ? 1 : -1;
  const column = sort.column;
  return [...rows].sort((a, b) => {
    if (column === "name") return sign * byName(a, b);
    if (column === "region") return sign * collator(lang).compare(a.region, b.region) || byName(a, b);
    const va = a.cells[column]?.value ?? null;
    const vb = b.cells[column]?.value ?? null;
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}

/** The next sort after a click on a column: the same column flips; a new one starts A→Z or high→low. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column, direction: column === "name" || column === "region" ? "asc" : "desc" };
}
