/**
 * The catalogue: reference content as typed, validated data. `loadCatalog()` reads the files once
 * and returns the same object afterwards.
 */
import type { Area } from "../domain/area.ts";
import type { DataElement, Indicator, Pillar, Series, Target } from "../domain/catalog.ts";
import type { IoTable } from "../methods/io.ts";
import { loadAreas } from "./areas.ts";
import { generateDemoIoTable } from "./demo-io.ts";
import { dataElements, indicators } from "./indicators.ts";
import { type Industry, industries } from "./industries.ts";
import { pillars } from "./pillars.ts";
import { series } from "./series.ts";
import { loadTargets } from "./targets.ts";

export { buildAreas, loadAreas, provincesOf, successorUnits } from "./areas.ts";
export {
  DEMO_DEFAULT_LAST_QUARTER,
  DEMO_DEFAULT_SEED,
  DEMO_DERIVED_ELEMENTS,
  DEMO_NOTE,
  type DemoOptions,
  generateDemoObservations,
  mulberry32,
} from "./demo.ts";
export { DEMO_IO_CSV, DEMO_IO_YEAR, formatIoTableCsv, generateDemoIoTable } from "./demo-io.ts";
export {
  GEO_ATTRIBUTION,
  loadMergerMap,
  loadTopology,
  type MergerEntry,
  type ProvinceTopology,
} from "./geo.ts";
export { dataElements, findDataElement, findIndicator, formulaReferences, indicators } from "./indicators.ts";
export {
  CORE_INDUSTRIES,
  findIndustry,
  type Industry,
  industries,
  industryCodes,
  vaElementCode,
} from "./industries.ts";
export { isPillarCode, pillars } from "./pillars.ts";
export { loadPublishedObservations } from "./published.ts";
export { findSeries, series } from "./series.ts";
export { DECISION_411_SOURCE, loadTargets } from "./targets.ts";

/** An input–output table shipped with the catalogue, with what it is. */
export interface CatalogIoTable extends IoTable {
  readonly name: string;
  readonly source: string;
  /** True for generated tables: every view that uses one says so. */
  readonly isDemo: boolean;
}

export interface Catalog {
  readonly areas: readonly Area[];
  readonly pillars: readonly Pillar[];
  readonly dataElements: readonly DataElement[];
  readonly indicators: readonly Indicator[];
  readonly series: readonly Series[];
  readonly targets: readonly Target[];
  /** The 28 industries of value added and of the input–output tables. */
  readonly industries: readonly Industry[];
  /**
   * The input–output tables the catalogue ships: only the **demo** table of 2022 (generated, not
   * official; `isDemo` true). Real tables are imported into the store (`dxm io import`).
   */
  readonly ioTables: readonly CatalogIoTable[];
}

let cached: Catalog | undefined;

function demoIoTable(): CatalogIoTable {
  const t = generateDemoIoTable();
  return Object.freeze({
    ...t,
    name: `Bảng vào–ra minh họa ${t.year} / Demo input–output table ${t.year}`,
    source: "demo: generated, not official (src/catalog/demo-io.ts)",
    isDemo: true,
  });
}

/** The whole catalogue, validated; read once and cached. */
export function loadCatalog(): Catalog {
  cached ??= Object.freeze({
    areas: Object.freeze(loadAreas()),
    pillars,
    dataElements,
    indicators,
    series,
    targets: Object.freeze(loadTargets()),
    industries,
    ioTables: Object.freeze([demoIoTable()]),
  });
  return cached;
}
