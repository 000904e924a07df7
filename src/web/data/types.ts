/**
 * The JSON shapes of the public API (`/api/v1`, DESIGN §6) as the web app reads them. They mirror the
 * server's responses (snake_case fields), not the domain types, so a rename on either side shows up
 * here as one edit.
 */
import type { AreaLevel, Geography } from "../../domain/area.ts";
import type { Comparator, Direction, ObservationStatus, SeriesCode, Unit } from "../../domain/catalog.ts";

export interface ListResponse<T> {
  readonly items: readonly T[];
  /** Present on paged lists (observations): the offset of the next page, or null on the last one. */
  readonly next_offset?: number | null;
}

export interface HealthDto {
  readonly status: "ok";
  readonly database: "pglite" | "postgres";
}

export interface AreaDto {
  readonly geography: Geography;
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly level: AreaLevel;
  readonly parent: string | null;
  readonly members?: readonly string[];
}

export interface TargetDto {
  readonly indicator: string;
  readonly geography: Geography;
  readonly area: string;
  readonly year: number;
  readonly comparator: Comparator;
  readonly value: number;
  readonly source: string;
  readonly note: string | null;
}

export interface IndicatorDto {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly definition_vi: string;
  readonly definition_en: string;
  readonly unit: Unit;
  readonly pillar: string;
  readonly direction: Direction;
  readonly decimals: number;
  readonly numerator: string;
  readonly denominator: string | null;
  readonly factor: number;
  /** The formula as a person reads it: `100 × ({A}) / ({B})`. */
  readonly formula?: string;
  readonly frequency: string;
  readonly source: string;
  readonly tags: readonly string[];
  readonly targets: readonly TargetDto[];
}

export interface ObservationDto {
  readonly indicator: string;
  readonly geography: Geography;
  readonly area: string;
  readonly period: string;
  readonly series: SeriesCode;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly complete: boolean;
  readonly missing: readonly string[];
  readonly method: string;
  readonly status: ObservationStatus;
}

export interface SeriesDto {
  readonly code: SeriesCode;
  readonly name_vi: string;
  readonly name_en: string;
  readonly description_vi: string;
  readonly description_en: string;
  readonly is_demo: boolean;
}

// --- Public pages (issue 5): progress, digital-economy measurement ---

export type ProgressClass =
  | "achieved"
  | "on_track"
  | "acceleration_needed"
  | "off_track"
  | "regressing"
  | "insufficient_data";

export interface YearValueDto {
  readonly year: number;
  readonly value: number;
}

export interface ProgressDto {
  readonly indicator: string;
  readonly geography: Geography;
  readonly area: string;
  readonly series: SeriesCode;
  readonly target: TargetDto & { readonly scope: "own" | "national" };
  readonly class: ProgressClass;
  readonly ratio: number | null;
  readonly growth_basis: string;
  readonly growth_actual: number | null;
  readonly growth_required: number | null;
  readonly growth_required_from_now: number | null;
  readonly numerator_growth_required: number | null;
  readonly projection: {
    readonly year: number;
    readonly value: number;
    readonly lower: number | null;
    readonly upper: number | null;
  } | null;
  readonly target_path: readonly YearValueDto[];
  readonly path_gap: {
    readonly year: number;
    readonly path_value: number;
    readonly absolute: number;
    readonly relative: number | null;
  } | null;
  readonly notes: readonly { readonly code: string; readonly message: string; readonly message_vi: string }[];
  readonly inputs: {
    readonly x0: number | null;
    readonly t0: number | null;
    readonly xc: number | null;
    readonly tc: number | null;
    readonly xstar: number;
    readonly T: number;
    readonly d: 1 | -1;
    readonly comparator: Comparator;
    readonly gdp_growth: number | null;
  };
}

export type DeMethod = "gso" | "mic411";

export interface DigitalEconomyDto {
  readonly geography: Geography;
  readonly area: string;
  readonly period: string;
  readonly method: DeMethod;
  readonly intensity: "direct" | "total";
  readonly series: SeriesCode;
  readonly io_table_year: number | null;
  readonly io_table_is_demo: boolean;
  readonly value_added: number | null;
  readonly grdp: number | null;
  readonly share: number | null;
  readonly components: { readonly core: number; readonly platform: number; readonly sectoral: number };
  readonly sectors: readonly {
    readonly sector: string;
    readonly value_added: number;
    readonly intensity: number;
    readonly digital_value_added: number;
    readonly share_of_sectoral: number;
  }[];
}

export interface DeProvinceDto {
  readonly rank: number;
  readonly area: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly series: SeriesCode;
  readonly period: string;
  readonly sectoral_value_added: number | null;
  readonly grdp: number | null;
  readonly sectoral_share: number | null;
  readonly complete: boolean;
}
