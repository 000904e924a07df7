/**
 * The catalogue: pillars, data elements (raw quantities), indicators (formulas over elements),
 * series (where a value comes from) and targets. Percentages are indicators over elements so that
 * every aggregate is a ratio of sums (DESIGN §3, §4.1).
 */
import type { Geography } from "./area.ts";

/** The 10 pillars of digital transformation. */
export type PillarCode =
  | "awareness"
  | "institutions"
  | "infrastructure"
  | "platforms"
  | "human_resources"
  | "cybersecurity"
  | "digital_government"
  | "digital_economy"
  | "digital_society"
  | "smart_cities";

export interface Pillar {
  readonly code: PillarCode;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly ordinal: number;
}

export type Unit =
  | "vnd_billion"
  | "persons"
  | "enterprises"
  | "households"
  | "transactions"
  | "count"
  | "percent"
  | "index"
  | "rank";

/**
 * How an element aggregates over areas: `sum`; `mean` (unweighted); `weighted_mean:CODE` (weighted by
 * another element of the same area and period); `none` (not aggregated, so not re-based either).
 */
export type AreaAggregation = "sum" | "mean" | `weighted_mean:${string}` | "none";

/** How an element aggregates over time: flows `sum`, stocks `last`, or `mean`. */
export type TimeAggregation = "sum" | "last" | "mean";

/** How often an element is reported: quarterly elements roll up to halves and years. */
export type Frequency = "quarterly" | "annual";

export interface DataElement {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: Unit;
  readonly valueType: "number" | "integer";
  readonly areaAggregation: AreaAggregation;
  readonly timeAggregation: TimeAggregation;
  readonly frequency: Frequency;
  readonly pillar: PillarCode;
  /** Lower and upper bounds of a valid value (validation, §4.8). */
  readonly min?: number;
  readonly max?: number;
  readonly descriptionVi?: string;
  readonly descriptionEn?: string;
}

export type Direction = "higher" | "lower";

export interface Indicator {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly definitionVi: string;
  readonly definitionEn: string;
  readonly unit: Unit;
  readonly pillar: PillarCode;
  readonly direction: Direction;
  readonly decimals: number;
  /** Formula over data elements, e.g. `{DE_CORE_VA} + {DE_DIGITALISED_VA}` (§4.1). */
  readonly numerator: string;
  /** Optional denominator formula; when absent the value is factor × numerator. */
  readonly denominator: string | null;
  /** 100 for a percentage, 1 otherwise. */
  readonly factor: number;
  readonly frequency: Frequency;
  /** Where the definition and data come from (decision, survey, agency). */
  readonly source: string;
  /** Indicator-set membership, e.g. `decision-411`, `decision-1354:national:1`, `seed`. */
  readonly tags: readonly string[];
}

export type SeriesCode = "reported" | "gso_official" | "mic_estimate" | "demo" | (string & {});

export type ObservationStatus = "preliminary" | "official" | "revised" | "estimate";

export interface Series {
  readonly code: SeriesCode;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly descriptionVi: string;
  readonly descriptionEn: string;
  /** True for generated demo data: every view that shows it says so. */
  readonly isDemo: boolean;
}

export type Comparator = ">=" | ">" | "<=" | "<";

export interface Target {
  readonly indicator: string;
  readonly geography: Geography;
  readonly area: string;
  readonly year: number;
  readonly comparator: Comparator;
  readonly value: number;
  /** Legal source: decision number and date, or plan. */
  readonly source: string;
  readonly note: string | null;
}

export function targetMet(comparator: Comparator, value: number, target: number): boolean {
  switch (comparator) {
    case ">=":
      return value >= target;
    case ">":
      return value > target;
    case "<=":
      return value <= target;
    case "<":
      return value < target;
  }
}
