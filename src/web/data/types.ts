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
