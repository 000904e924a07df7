/**
 * The catalogue: reference content as typed, validated data. `loadCatalog()` reads the files once
 * and returns the same object afterwards.
 */
import type { Area } from "../domain/area.ts";
import type { DataElement, Indicator, Pillar, Series, Target } from "../domain/catalog.ts";
import { loadAreas } from "./areas.ts";
import { dataElements, indicators } from "./indicators.ts";
import { pillars } from "./pillars.ts";
import { series } from "./series.ts";
import { loadTargets } from "./targets.ts";

export { buildAreas, loadAreas, provincesOf, successorUnits } from "./areas.ts";
export {
  DEMO_DEFAULT_LAST_QUARTER,
  DEMO_DEFAULT_SEED,
  DEMO_NOTE,
  type DemoOptions,
  generateDemoObservations,
  mulberry32,
} from "./demo.ts";
export {
  GEO_ATTRIBUTION,
  loadMergerMap,
  loadTopology,
  type MergerEntry,
  type ProvinceTopology,
} from "./geo.ts";
export { dataElements, findDataElement, findIndicator, formulaReferences, indicators } from "./indicators.ts";
export { isPillarCode, pillars } from "./pillars.ts";
export { loadPublishedObservations } from "./published.ts";
export { findSeries, series } from "./series.ts";
export { DECISION_411_SOURCE, loadTargets } from "./targets.ts";

export interface Catalog {
  readonly areas: readonly Area[];
  readonly pillars: readonly Pillar[];
  readonly dataElements: readonly DataElement[];
  readonly indicators: readonly Indicator[];
  readonly series: readonly Series[];
  readonly targets: readonly Target[];
}

let cached: Catalog | undefined;

/** The whole catalogue, validated; read once and cached. */
export function loadCatalog(): Catalog {
  cached ??= Object.freeze({
    areas: Object.freeze(loadAreas()),
    pillars,
    dataElements,
    indicators,
    series,
    targets: Object.freeze(loadTargets()),
  });
  return cached;
}
