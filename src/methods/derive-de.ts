/**
 * Derives the digital economy's stored components from value added by industry (DESIGN §4.3), so
 * that a province reports what it measures (value added by industry) and the catalogue's indicators
 * (DE_SHARE_GDP and its components) follow from the national input–output table:
 *
 *   DE_CORE_VA = DE_ICT_VA = Σ_{i∈D} VAᵢ                       (core digital industries D)
 *   DE_DIGITALISED_VA      = Σ_{j∉D} VAⱼ · δⱼ(direct)          (gso: digitalisation of the others)
 *   DE_SECTORAL_VA         = Σ_{j∉D} VAⱼ · δⱼ(total)           (mic411: sectoral digital economy)
 *   DE_SECTORAL_VA_<S>     = VA_S · δ_S(total)                 (spillover of one sector)
 *
 * Decisions:
 * - A value the series stores itself always wins: a derived element is produced only for a cell
 *   (geography, area, period) where that element has no observation.
 * - A cell is derived only when value added is present for every industry of the table; a partial
 *   breakdown would understate the digital economy silently.
 * - The table of a period is the latest one of its year or before, else the earliest.
 * - Status: the weakest of the inputs; the note says which table and variant made the value.
 */
import type { ObservationStatus } from "../domain/catalog.ts";
import type { Observation } from "../domain/observation.ts";
import { tryParsePeriod } from "../domain/period.ts";
import { weakerStatus } from "./aggregate.ts";
import { deriveDigitalEconomy } from "./measure.ts";

export interface YearIntensities {
  readonly year: number;
  readonly direct: ReadonlyMap<string, number>;
  readonly total: ReadonlyMap<string, number>;
}

/** Element code of an industry's value added. */
export const vaElement = (industry: string) => `VA_${industry}`;

export function pickTable<T extends { readonly year: number }>(
  tables: readonly T[],
  year: number,
): T | undefined {
  let best: T | undefined;
  for (const t of tables) if (t.year <= year && (!best || t.year > best.year)) best = t;
  if (best) return best;
  for (const t of tables) if (!best || t.year < best.year) best = t;
  return best;
}

export function deriveDigitalEconomyObservations(
  observations: readonly Observation[],
  tables: readonly YearIntensities[],
  industries: readonly string[],
  core: ReadonlySet<string>,
  /** Element codes of the catalogue: only elements that exist are produced. */
  elementCodes: ReadonlySet<string>,
): Observation[] {
  if (tables.length === 0 || industries.length === 0) return [];
  const industryOf = new Map(industries.map((code) => [vaElement(code), code]));
  interface CellData {
    sample: Observation;
    va: Map<string, number>;
    stored: Set<string>;
    status: ObservationStatus;
  }
  const cells = new Map<string, CellData>();
  const cell = (o: Observation) => {
    const key = `${o.series}|${o.geography}|${o.area}|${o.period}`;
    let c = cells.get(key);
    if (!c) {
      c = { sample: o, va: new Map(), stored: new Set(), status: o.status };
      cells.set(key, c);
    }
    return c;
  };
  for (const o of observations) {
    if (o.target !== "element") continue;
    const industry = industryOf.get(o.code);
    if (industry !== undefined) {
      const c = cell(o);
      c.va.set(industry, o.value);
      c.status = weakerStatus(c.status, o.status) ?? o.status;
    } else if (o.code.startsWith("DE_")) {
      cell(o).stored.add(o.code);
    }
  }
  const out: Observation[] = [];
  for (const c of cells.values()) {
    if (c.va.size < industries.length) continue;
    const period = tryParsePeriod(c.sample.period);
    if (!period) continue;
    const t = pickTable(tables, period.year);
    if (!t) continue;
    const d = deriveDigitalEconomy(c.va, t.direct, t.total, core);
    const note = `derived from value added by industry and the input–output table ${t.year}`;
    const emit = (code: string, value: number, variant: string) => {
      if (!elementCodes.has(code) || c.stored.has(code)) return;
      out.push({
        series: c.sample.series,
        code,
        target: "element",
        geography: c.sample.geography,
        area: c.sample.area,
        period: c.sample.period,
        value,
        status: c.status,
        note: `${note}${variant ? ` (${variant})` : ""}`,
      });
    };
    emit("DE_CORE_VA", d.core, "");
    emit("DE_ICT_VA", d.core, "");
    emit("DE_DIGITALISED_VA", d.digitalisedDirect, "direct intensities");
    emit("DE_SECTORAL_VA", d.sectoralTotal, "total intensities");
    for (const [industry, value] of d.bySection)
      emit(`DE_SECTORAL_VA_${industry}`, value, "total intensities");
  }
  return out;
}
