/**
 * The pure recompute of one series: observations in, indicator values for every area, period and
 * geography out (DESIGN §4.1, §4.2). No I/O; the caller loads the inputs and stores the result.
 *
 * Design decisions:
 * - One series at a time. `computeSeries` keeps only the observations of `input.series`, so two
 *   series can never be mixed into one value even if the caller passes everything it has.
 * - Elements are aggregated first, indicators last: an indicator's value for (area, period) is
 *   `factor × N / D` over the aggregated elements of that area and period — a ratio of sums, never a
 *   mean of ratios.
 * - Order of aggregation: at province level over time first (quarters → half/year, by the element's
 *   time rule), then over areas (region = its provinces via `parent`; nation `VN` = all provinces of
 *   the geography, not via regions, so a region's missing data cannot be counted twice).
 * - Geographies: a period of the 2008 geography (up to 2025-Q2/2025-S1) is computed in the 2008
 *   geography and in the 2025 one, where a 2025 province is re-based from its 2008 members (after
 *   their time aggregation). A period of the 2025 geography is computed only in 2025: nothing is
 *   split back. A half or year that spans both (the year 2025) re-bases its 2008 quarters to the 2025
 *   units first, then aggregates over time.
 * - A stored element value always beats a derived one: a direct observation for (element, geography,
 *   area, period) is used as is, in place of time aggregation, area aggregation or re-basing of that
 *   cell (e.g. a national total published by the statistics office). A nation-level observation
 *   counts for both geographies (the country is the same; its own geography's value is preferred).
 *   A region or the nation with no province data at all falls back to the time aggregation of its
 *   own quarters, so a series reported only nationally still has halves and years.
 * - Output periods: every quarter with an element observation; each half and year whose last quarter
 *   has one (2026 with only Q1–Q3 is not produced; a produced half or year lacking a quarter is marked
 *   incomplete and names it); every other period with a direct element observation (years of annual
 *   elements). Annual indicators are produced for years only.
 * - Quality: an indicator value is incomplete when any element it uses is; `missing` is the union of
 *   the elements' missing entries (`2008:10`, `2024-Q3`) and the codes of elements with no value;
 *   `completeness` is the minimum over the elements (0 for an element with no value). When none of
 *   its elements has a value the indicator is omitted; a zero denominator gives value null.
 * - Status: the weakest among the element values used, `estimate` < `preliminary` < `revised` <
 *   `official` (see aggregate.ts).
 * - Indicator observations (a value published as such, e.g. the official national DE share) are copied
 *   as `direct@1` values and replace a computed value with the same key; a nation value is placed in
 *   both geographies. Observations of unknown elements, indicators or areas are ignored (the
 *   catalogue may have dropped them); a malformed period is an error.
 *
 * Speed: areas, periods and elements get integer indices; element cells live in one flat array
 * indexed by (element, area, period) and are computed lazily once each; member lists are
 * precomputed. The work is linear in cells × members.
 */
import { type Area, type Geography, NATION_CODE } from "../domain/area.ts";
import type { DataElement, Indicator, ObservationStatus, SeriesCode } from "../domain/catalog.ts";
import type { ComputedValue, Observation } from "../domain/observation.ts";
import {
  comparePeriods,
  formatPeriod,
  geographyOfPeriod,
  type Period,
  parsePeriod,
  quartersOf,
} from "../domain/period.ts";
import {
  type AggregateResult,
  aggregateAreas,
  aggregateTime,
  type Cell,
  weakerStatus,
  weightElement,
} from "./aggregate.ts";
import { type CompiledCatalog, compileCatalog, indicatorProgram } from "./formula.ts";

export const METHOD_RATIO_OF_SUMS = "ratio-of-sums@1";
export const METHOD_DIRECT = "direct@1";

export interface SeriesInput {
  readonly series: SeriesCode;
  readonly elements: readonly DataElement[];
  readonly indicators: readonly Indicator[];
  /** Areas of both geographies, all levels. */
  readonly areas: readonly Area[];
  /** Observations; those of other series are ignored. */
  readonly observations: readonly Observation[];
}

const NO_MISSING: readonly string[] = Object.freeze([]);

interface AreaInfo {
  readonly area: Area;
  /** `geography:code` of the provinces aggregated into this area (region, nation), or of the 2008
   * members of a 2025 province; as written in `missing`. */
  readonly memberKeys: readonly string[];
  /** Area indices of `memberKeys` (-1 for a member not among the areas: always missing). */
  readonly memberIdx: readonly number[];
}

interface PeriodInfo {
  readonly period: Period;
  readonly text: string;
  readonly geography: Geography;
  /** For a half or a year: its quarters' texts and period indices. */
  readonly quarterTexts: readonly string[];
  readonly quarterIdx: readonly number[];
}

/** Only the observations of one series: the engine never mixes series. */
export function observationsOfSeries(
  observations: readonly Observation[],
  series: SeriesCode,
): Observation[] {
  return observations.filter((o) => o.series === series);
}

/**
 * Recomputes every indicator of the catalogue for one series, for every area and period that the
 * series' observations support, in both geographies where defined (see the header for the rules).
 * Each value is `factor × N / D`, with N and D evaluated over the aggregated data elements of that
 * area and period (ratio of sums).
 *
 * Output order: computed values by indicator (catalogue order, referenced indicators first), period,
 * geography, area; then the copied indicator observations.
 *
 * @param catalog an already compiled catalogue (of the same elements and indicators), to skip compiling
 * @throws DxmError from `compileCatalog` (formula errors naming the indicator), or `invalid_period`
 */
export function computeSeries(input: SeriesInput, catalog?: CompiledCatalog): ComputedValue[] {
  const compiled = catalog ?? compileCatalog(input.elements, input.indicators);
  const series = input.series;
  const observations = observationsOfSeries(input.observations, series);

  // --- Areas ----------------------------------------------------------------------------------------
  const areaIndex = new Map<string, number>();
  input.areas.forEach((a, i) => {
    areaIndex.set(`${a.geography}:${a.code}`, i);
  });
  const provincesOf: Record<Geography, number[]> = { "2008": [], "2025": [] };
  input.areas.forEach((a, i) => {
    if (a.level === "province") provincesOf[a.geography].push(i);
  });
  const keyOf = (i: number): string => {
    const a = input.areas[i] as Area;
    return `${a.geography}:${a.code}`;
  };
  const areas: AreaInfo[] = input.areas.map((a) => {
    let memberIdx: number[] = [];
    let memberKeys: string[] = [];
    if (a.level === "nation") {
      memberIdx = provincesOf[a.geography];
    } else if (a.level === "region") {
      memberIdx = provincesOf[a.geography].filter((i) => (input.areas[i] as Area).parent === a.code);
    } else if (a.geography === "2025") {
      memberKeys = a.members.map((m) => `2008:${m}`);
      memberIdx = memberKeys.map((k) => areaIndex.get(k) ?? -1);
    }
    if (memberKeys.length === 0) memberKeys = memberIdx.map(keyOf);
    return { area: a, memberKeys, memberIdx };
  });
  const areasOf: Record<Geography, number[]> = { "2008": [], "2025": [] };
  areas.forEach((a, i) => {
    areasOf[a.area.geography].push(i);
  });

  // --- Elements -------------------------------------------------------------------------------------
  const elements = [...compiled.elements.values()];
  const elementIndex = new Map<string, number>();
  elements.forEach((e, i) => {
    elementIndex.set(e.code, i);
  });
  const weightIdx = elements.map((e) => {
    const w = weightElement(e.areaAggregation);
    return w === undefined ? -1 : (elementIndex.get(w) ?? -1);
  });

  // --- Periods --------------------------------------------------------------------------------------
  const parsedPeriods = new Map<string, Period>();
  const periodOf = (text: string): Period => {
    let p = parsedPeriods.get(text);
    if (!p) {
      p = parsePeriod(text);
      parsedPeriods.set(text, p);
    }
    return p;
  };
  const observedQuarters = new Map<string, Period>();
  const observedOther = new Map<string, Period>();
  for (const o of observations) {
    if (o.target !== "element" || !elementIndex.has(o.code)) continue;
    if (!areaIndex.has(`${o.geography}:${o.area}`)) continue;
    const p = periodOf(o.period);
    const t = formatPeriod(p);
    if (p.kind === "Q") observedQuarters.set(t, p);
    else observedOther.set(t, p);
  }
  const outputPeriods = new Map<string, Period>([...observedQuarters, ...observedOther]);
  for (const q of observedQuarters.values()) {
    // A half or a year is produced once its last quarter exists.
    if (q.index === 2 || q.index === 4) {
      const half: Period = { year: q.year, kind: "S", index: q.index / 2 };
      outputPeriods.set(formatPeriod(half), half);
    }
    if (q.index === 4) {
      const year: Period = { year: q.year, kind: "Y", index: 1 };
      outputPeriods.set(formatPeriod(year), year);
    }
  }
  // The universe also holds every quarter of a produced half or year (for their missing quarters).
  const universe = new Map(outputPeriods);
  for (const p of outputPeriods.values()) {
    for (const q of quartersOf(p)) universe.set(formatPeriod(q), q);
  }
  const sortedPeriods = [...universe.values()].sort(comparePeriods);
  const periodIndex = new Map<string, number>();
  sortedPeriods.forEach((p, i) => {
    periodIndex.set(formatPeriod(p), i);
  });
  const periods: PeriodInfo[] = sortedPeriods.map((p) => {
    const qs = p.kind === "Q" ? [] : quartersOf(p);
    return {
      period: p,
      text: formatPeriod(p),
      geography: geographyOfPeriod(p),
      quarterTexts: qs.map(formatPeriod),
      quarterIdx: qs.map((q) => periodIndex.get(formatPeriod(q)) as number),
    };
  });

  // --- Element cells --------------------------------------------------------------------------------
  const nA = areas.length;
  const nP = periods.length;
  // undefined = not computed yet; null = no value.
  const cells: (Cell | null | undefined)[] = new Array(elements.length * nA * nP);
  const at = (e: number, a: number, p: number): number => (e * nA + a) * nP + p;
  const direct = (o: Observation): Cell => ({
    value: o.value,
    complete: true,
    missing: NO_MISSING,
    completeness: 1,
    status: o.status,
  });
  const nationCopies: [number, number, number, Cell][] = [];
  for (const o of observations) {
    if (o.target !== "element") continue;
    const e = elementIndex.get(o.code);
    const a = areaIndex.get(`${o.geography}:${o.area}`);
    const p = periodIndex.get(formatPeriod(periodOf(o.period)));
    if (e === undefined || a === undefined || p === undefined || !Number.isFinite(o.value)) continue;
    const c = direct(o);
    cells[at(e, a, p)] = c;
    if (o.area === NATION_CODE) {
      const other = areaIndex.get(`${o.geography === "2008" ? "2025" : "2008"}:${NATION_CODE}`);
      if (other !== undefined) nationCopies.push([e, other, p, c]);
    }
  }
  for (const [e, a, p, c] of nationCopies) {
    if (cells[at(e, a, p)] === undefined) cells[at(e, a, p)] = c;
  }

  const toCell = (r: AggregateResult): Cell | null => (r.value === null ? null : (r as Cell));

  const timeAggregate = (e: number, a: number, p: number): Cell | null => {
    const per = periods[p] as PeriodInfo;
    return toCell(
      aggregateTime((elements[e] as DataElement).timeAggregation, per.quarterTexts, (_q, i) =>
        value(e, a, per.quarterIdx[i] as number),
      ),
    );
  };

  const areaAggregate = (e: number, a: number, p: number): Cell | null => {
    const info = areas[a] as AreaInfo;
    const w = weightIdx[e] as number;
    return toCell(
      aggregateAreas(
        (elements[e] as DataElement).areaAggregation,
        info.memberKeys,
        (_k, i) => value(e, info.memberIdx[i] as number, p),
        w < 0 ? undefined : (_k, i) => value(w, info.memberIdx[i] as number, p),
      ),
    );
  };

  function compute(e: number, a: number, p: number): Cell | null {
    const el = elements[e] as DataElement;
    const per = periods[p] as PeriodInfo;
    const info = areas[a] as AreaInfo;
    const geo = info.area.geography;
    const timeRollUp = per.period.kind !== "Q" && el.frequency === "quarterly";
    if (el.frequency === "annual" && per.period.kind !== "Y") return null;
    // Never split a 2025-geography period back to 2008 areas.
    if (geo === "2008" && per.geography === "2025") return null;
    if (info.area.level === "province") {
      if (geo === "2025" && per.geography === "2008") {
        return el.areaAggregation === "none" ? null : areaAggregate(e, a, p);
      }
      return timeRollUp ? timeAggregate(e, a, p) : null;
    }
    const fromProvinces = el.areaAggregation === "none" ? null : areaAggregate(e, a, p);
    if (fromProvinces !== null) return fromProvinces;
    return timeRollUp ? timeAggregate(e, a, p) : null;
  }

  function value(e: number, a: number, p: number): Cell | undefined {
    if (a < 0) return undefined;
    const i = at(e, a, p);
    let c = cells[i];
    if (c === undefined) {
      c = compute(e, a, p);
      cells[i] = c;
    }
    return c ?? undefined;
  }

  // --- Indicators -----------------------------------------------------------------------------------
  const out: ComputedValue[] = [];
  const outputSorted = [...outputPeriods.values()]
    .sort(comparePeriods)
    .map((p) => periodIndex.get(formatPeriod(p)) as number);
  const geographiesOf = (p: PeriodInfo): readonly Geography[] =>
    p.geography === "2008" ? ["2008", "2025"] : ["2025"];

  for (const code of compiled.order) {
    const ci = compiled.indicators.get(code);
    if (!ci) continue;
    const ind = ci.indicator;
    const program = indicatorProgram(compiled, code);
    const used = program.elements.map((c) => elementIndex.get(c) as number);
    const usedCells: (Cell | undefined)[] = new Array(used.length);
    const slots = new Float64Array(used.length);
    for (const p of outputSorted) {
      const per = periods[p] as PeriodInfo;
      if (ind.frequency === "annual" && per.period.kind !== "Y") continue;
      for (const geo of geographiesOf(per)) {
        for (const a of areasOf[geo]) {
          let any = false;
          for (let k = 0; k < used.length; k++) {
            const c = value(used[k] as number, a, p);
            usedCells[k] = c;
            if (c !== undefined) any = true;
          }
          if (!any) continue;
          let complete = true;
          let completeness = 1;
          let status: ObservationStatus | undefined;
          let missing: Set<string> | null = null;
          for (let k = 0; k < used.length; k++) {
            const c = usedCells[k];
            if (c === undefined) {
              slots[k] = Number.NaN;
              complete = false;
              completeness = 0;
              missing ??= new Set();
              missing.add(program.elements[k] as string);
              continue;
            }
            slots[k] = c.value;
            if (!c.complete) complete = false;
            if (c.completeness < completeness) completeness = c.completeness;
            if (c.missing.length > 0) {
              missing ??= new Set();
              for (const m of c.missing) missing.add(m);
            }
            status = weakerStatus(status, c.status);
          }
          const r = program.run(slots);
          out.push({
            series,
            indicator: code,
            geography: geo,
            area: (areas[a] as AreaInfo).area.code,
            period: per.text,
            value: r.value,
            numerator: r.numerator,
            denominator: r.denominator,
            complete,
            missing: missing === null ? NO_MISSING : [...missing].sort(),
            completeness,
            method: METHOD_RATIO_OF_SUMS,
            status: status ?? "estimate",
          });
        }
      }
    }
  }

  // --- Indicator observations, copied as published ----------------------------------------------------
  const directValues = new Map<string, ComputedValue>();
  const keyOfValue = (v: { indicator: string; geography: string; area: string; period: string }): string =>
    `${v.indicator}|${v.geography}|${v.area}|${v.period}`;
  const copies: ComputedValue[] = [];
  for (const o of observations) {
    if (o.target !== "indicator" || !compiled.indicators.has(o.code) || !Number.isFinite(o.value)) continue;
    if (!areaIndex.has(`${o.geography}:${o.area}`)) continue;
    const v: ComputedValue = {
      series,
      indicator: o.code,
      geography: o.geography,
      area: o.area,
      period: formatPeriod(periodOf(o.period)),
      value: o.value,
      numerator: null,
      denominator: null,
      complete: true,
      missing: NO_MISSING,
      completeness: 1,
      method: METHOD_DIRECT,
      status: o.status,
    };
    directValues.set(keyOfValue(v), v);
    if (o.area === NATION_CODE) copies.push({ ...v, geography: o.geography === "2008" ? "2025" : "2008" });
  }
  for (const v of copies) {
    const k = keyOfValue(v);
    if (!directValues.has(k)) directValues.set(k, v);
  }
  if (directValues.size === 0) return out;
  const merged = out.filter((v) => !directValues.has(keyOfValue(v)));
  for (const v of directValues.values()) merged.push(v);
  return merged;
}
