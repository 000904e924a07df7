/**
 * Exports of published observations. CSV cells that a spreadsheet would run as a formula (text
 * starting with = + - @, tab or carriage return) are neutralised with a leading apostrophe (§7).
 */
import { formatPeriod, parsePeriod } from "../domain/period.ts";
import { listIndicators } from "../store/catalog-repo.ts";
import { type ComputedRow, streamComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { getObservations, type ObservationQuery } from "./read.ts";

export const OBSERVATION_COLUMNS = [
  "indicator",
  "geography",
  "area",
  "period",
  "series",
  "value",
  "numerator",
  "denominator",
  "complete",
  "missing",
  "completeness",
  "method",
  "status",
  // Appended (not beside `value`) so that readers by position keep working.
  "unit",
] as const;

/** A value with its indicator's unit (as in the catalogue: %, VND billion, …). */
export type UnitRow = ComputedRow & { readonly unit: string | null };

/** The unit of every indicator, by code (exports attach it to each row). */
export async function indicatorUnits(store: Store): Promise<Map<string, string>> {
  return new Map((await listIndicators(store.db)).map((i) => [i.code, i.unit]));
}

/**
 * Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe, so it shows as text (§7). The one neutraliser of every CSV and XLSX export.
 */
export function neutralizeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = neutralizeFormula(Array.isArray(v) ? v.join(" ") : String(v));
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function observationRecord(o: UnitRow): Record<(typeof OBSERVATION_COLUMNS)[number], unknown> {
  return {
    indicator: o.indicator,
    geography: o.geography,
    area: o.area,
    period: o.period,
    series: o.series,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    complete: o.complete,
    missing: o.missing,
    completeness: o.completeness,
    method: o.method,
    status: o.status,
    unit: o.unit,
  };
}

/**
 * One CSV line of a value, the columns of `OBSERVATION_COLUMNS` in order. Written out rather than
 * through `observationRecord`: a bulk export makes millions of lines, and the intermediate objects
 * were most of its time. Key codes (indicator, geography, area, period, series) are validated codes
 * and numbers are numbers; every text goes through `csvCell` all the same.
 */
export function csvLine(o: ComputedRow, unit: string | null): string {
  return `${csvCell(o.indicator)},${csvCell(o.geography)},${csvCell(o.area)},${csvCell(o.period)},${csvCell(o.series)},${csvCell(o.value)},${csvCell(o.numerator)},${csvCell(o.denominator)},${o.complete ? "true" : "false"},${csvCell(o.missing)},${csvCell(o.completeness)},${csvCell(o.method)},${csvCell(o.status)},${csvCell(unit)}\n`;
}

/** One value as the JSON object of `observationRecord`, written out for the same reason as `csvLine`. */
export function jsonLine(o: ComputedRow, unit: string | null): string {
  const j = JSON.stringify;
  return `{"indicator":${j(o.indicator)},"geography":${j(o.geography)},"area":${j(o.area)},"period":${j(o.period)},"series":${j(o.series)},"value":${j(o.value)},"numerator":${j(o.numerator)},"denominator":${j(o.denominator)},"complete":${j(o.complete)},"missing":${j(o.missing)},"completeness":${j(o.completeness)},"method":${j(o.method)},"status":${j(o.status)},"unit":${j(unit)}}`;
}

/**
 * Every matching published observation, read from the database a batch of stored rows at a time
 * (bounded memory; see `streamComputed`). The query is checked first (unknown codes are errors).
 */
export async function* iterateObservations(
  store: Store,
  query: Omit<ObservationQuery, "limit" | "offset">,
  batchRows = 200,
): AsyncGenerator<UnitRow> {
  await getObservations(store, { ...query, limit: 1, offset: 0 });
  const units = await indicatorUnits(store);
  const { at, period, ...filter } = query;
  const periods = period?.map((p) => formatPeriod(parsePeriod(p, "period")));
  for await (const batch of streamComputed(
    store.db,
    {
      ...filter,
      ...(periods ? { period: periods } : {}),
      publishedOnly: true,
      ...(at ? { publishedAt: at } : {}),
    },
    batchRows,
  )) {
    for (const o of batch) yield { ...o, unit: units.get(o.indicator) ?? null };
  }
}

export async function* observationsCsv(
  store: Store,
  query: Omit<ObservationQuery, "limit" | "offset">,
): AsyncGenerator<string> {
  // Read the first row before writing the header, so a bad query fails before any output.
  const rows = iterateObservations(store, query);
  const first = await rows.next();
  yield `${OBSERVATION_COLUMNS.join(",")}\n`;
  if (first.done) return;
  const line = (o: UnitRow) => csvLine(o, o.unit);
  yield line(first.value);
  for await (const o of rows) yield line(o);
}
