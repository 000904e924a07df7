/**
 * The digital-economy measurement toolkit (DESIGN §4.3): for an area and period, the digital
 * economy's value added, its share of GRDP/GDP and its components under the statistics office's
 * method (`gso`: core + digitalisation of other industries) or Decision 411's (`mic411`: ICT +
 * platform + sectoral), with the spillover by sector; and provinces ranked by sectoral
 * digitalisation.
 *
 * Inputs are the stored, aggregated computed values (so regions, the nation and re-based 2025 units
 * come out as ratios of sums, complete or marked incomplete): value added by industry is the
 * numerator of `VA_SHARE_<industry>` (its denominator is GRDP), platform value added the numerator
 * of `DE_PLATFORM_SHARE_GDP`. Digital intensities come from the national input–output table of the
 * period's year (the latest before it, else the earliest).
 */
import { CORE_INDUSTRIES, industries } from "../catalog/industries.ts";
import type { AreaLevel, Geography } from "../domain/area.ts";
import { DxmError } from "../domain/errors.ts";
import { parsePeriod } from "../domain/period.ts";
import { pickTable, vaElement } from "../methods/derive-de.ts";
import type { IntensityVariant } from "../methods/io.ts";
import { type DeMethod, type Measurement, measureDigitalEconomy } from "../methods/measure.ts";
import { listAreas } from "../store/catalog-repo.ts";
import { type ComputedRow, queryComputed } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { type Intensities, intensityOf, loadIntensities } from "./io-tables.ts";

export const DEFAULT_INTENSITY: Record<DeMethod, IntensityVariant> = { gso: "direct", mic411: "total" };

const vaIndicator = (industry: string) => `VA_SHARE_${industry}`;
const PLATFORM_INDICATOR = "DE_PLATFORM_SHARE_GDP";

export interface DeQuery {
  geography: Geography;
  area?: string[];
  level?: AreaLevel[];
  period?: string[];
  periodKind?: ("Y" | "S" | "Q")[];
  method?: DeMethod[];
  intensity?: IntensityVariant;
  series?: string[];
  /** The instant the public reads at (release embargo); default now. A frozen report reads at its release time. */
  publishedAt?: Date;
}

export interface DeItem {
  geography: Geography;
  area: string;
  period: string;
  method: DeMethod;
  intensity: IntensityVariant;
  series: string;
  ioTableYear: number;
  ioTableIsDemo: boolean;
  grdp: number | null;
  complete: boolean;
  missing: string[];
  measurement: Measurement;
}

interface Cell {
  series: string;
  geography: Geography;
  area: string;
  period: string;
  periodEnd: string;
  va: Map<string, number>;
  grdp: number | null;
  platform: number | null;
  complete: boolean;
  missing: Set<string>;
}

async function gatherCells(store: Store, q: DeQuery): Promise<Cell[]> {
  const codes = [...industries.map((i) => vaIndicator(i.code)), PLATFORM_INDICATOR];
  const rows = await queryComputed(store.db, {
    indicator: codes,
    geography: [q.geography],
    ...(q.area?.length ? { area: q.area } : {}),
    ...(q.level?.length ? { level: q.level } : {}),
    ...(q.period?.length ? { period: q.period } : {}),
    ...(q.periodKind?.length ? { periodKind: q.periodKind } : {}),
    ...(q.series?.length ? { series: q.series } : {}),
    publishedOnly: true,
    ...(q.publishedAt ? { publishedAt: q.publishedAt } : {}),
  });
  const cells = new Map<string, Cell>();
  const cellOf = (r: ComputedRow) => {
    const key = `${r.series}|${r.area}|${r.period}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        series: r.series,
        geography: r.geography,
        area: r.area,
        period: r.period,
        periodEnd: r.periodEnd,
        va: new Map(),
        grdp: null,
        platform: null,
        complete: true,
        missing: new Set(),
      };
      cells.set(key, c);
    }
    return c;
  };
  const byIndicator = new Map(industries.map((i) => [vaIndicator(i.code), i.code]));
  for (const r of rows) {
    const c = cellOf(r);
    if (!r.complete) c.complete = false;
    for (const m of r.missing) c.missing.add(m);
    if (r.denominator !== null) c.grdp ??= r.denominator;
    const industry = byIndicator.get(r.indicator);
    if (industry !== undefined) {
      if (r.numerator !== null) c.va.set(industry, r.numerator);
    } else if (r.indicator === PLATFORM_INDICATOR) {
      c.platform = r.numerator;
    }
  }
  return [...cells.values()]
    .filter((c) => c.va.size > 0)
    .sort((a, b) =>
      a.series !== b.series
        ? a.series.localeCompare(b.series)
        : a.area !== b.area
          ? a.area.localeCompare(b.area)
          : a.periodEnd.localeCompare(b.periodEnd) || a.period.length - b.period.length,
    );
}

function measureCell(
  cell: Cell,
  method: DeMethod,
  variant: IntensityVariant,
  tables: readonly Intensities[],
): DeItem | null {
  const year = parsePeriod(cell.period).year;
  const t = pickTable(
    tables.map((x) => ({ year: x.table.year, x })),
    year,
  )?.x;
  if (!t) return null;
  const missingIndustries = industries.filter((i) => !cell.va.has(i.code)).map((i) => i.code);
  const measurement = measureDigitalEconomy({
    grdp: cell.grdp,
    sectorValueAdded: cell.va,
    platformValueAdded: cell.platform,
    intensity: intensityOf(t, variant),
    core: CORE_INDUSTRIES,
    method,
  });
  return {
    geography: cell.geography,
    area: cell.area,
    period: cell.period,
    method,
    intensity: variant,
    series: cell.series,
    ioTableYear: t.table.year,
    ioTableIsDemo: t.table.isDemo,
    grdp: cell.grdp,
    complete: cell.complete && missingIndustries.length === 0 && (method === "gso" || cell.platform !== null),
    missing: [...cell.missing, ...missingIndustries.map(vaElement)].sort(),
    measurement,
  };
}

function noTables(): DxmError {
  return new DxmError(
    "not_found",
    "No input–output table is loaded: import one with `dxm io import FILE --year YEAR` (the demo data include a demo table for 2022)",
    {
      field: "io_table",
      messageVi:
        "Chưa có bảng vào–ra: nhập bằng `dxm io import TỆP --year NĂM` (dữ liệu minh họa có một bảng minh họa năm 2022)",
    },
  );
}

export async function measure(store: Store, q: DeQuery): Promise<DeItem[]> {
  const tables = await loadIntensities(store, CORE_INDUSTRIES);
  if (tables.length === 0) throw noTables();
  const cells = await gatherCells(store, q);
  const methods = q.method?.length ? q.method : (["gso", "mic411"] as DeMethod[]);
  const out: DeItem[] = [];
  for (const cell of cells) {
    for (const m of methods) {
      const item = measureCell(cell, m, q.intensity ?? DEFAULT_INTENSITY[m], tables);
      if (item) out.push(item);
    }
  }
  return out;
}

export interface ProvinceSpillover {
  rank: number;
  area: string;
  nameVi: string;
  nameEn: string;
  series: string;
  period: string;
  sectoral: number;
  grdp: number | null;
  /** Sectoral digital value added as % of GRDP. */
  sectoralShare: number | null;
  complete: boolean;
}

/**
 * Provinces ranked by sectoral digitalisation: the sectoral component's share of GRDP, highest
 * first (competition ranking: equal shares share a rank).
 */
export async function provinceSpillover(
  store: Store,
  q: {
    geography: Geography;
    period: string;
    method: DeMethod;
    intensity?: IntensityVariant;
    series?: string[];
    publishedAt?: Date;
  },
): Promise<ProvinceSpillover[]> {
  const items = await measure(store, {
    geography: q.geography,
    level: ["province"],
    period: [q.period],
    method: [q.method],
    ...(q.intensity ? { intensity: q.intensity } : {}),
    ...(q.series?.length ? { series: q.series } : {}),
    ...(q.publishedAt ? { publishedAt: q.publishedAt } : {}),
  });
  const names = new Map(
    (await listAreas(store.db, { geography: [q.geography], level: ["province"] })).map((a) => [a.code, a]),
  );
  const rows = items
    .map((i) => {
      const sectoral = i.measurement.components.sectoral;
      return {
        rank: 0,
        area: i.area,
        nameVi: names.get(i.area)?.nameVi ?? i.area,
        nameEn: names.get(i.area)?.nameEn ?? i.area,
        series: i.series,
        period: i.period,
        sectoral,
        grdp: i.grdp,
        sectoralShare: i.grdp ? (100 * sectoral) / i.grdp : null,
        complete: i.complete,
      };
    })
    .sort((a, b) => a.series.localeCompare(b.series) || (b.sectoralShare ?? -1) - (a.sectoralShare ?? -1));
  // Competition ranking within each series.
  let prev: (typeof rows)[number] | undefined;
  let pos = 0;
  for (const r of rows) {
    pos = prev && prev.series === r.series ? pos + 1 : 1;
    r.rank = prev && prev.series === r.series && prev.sectoralShare === r.sectoralShare ? prev.rank : pos;
    prev = r;
  }
  return rows;
}
