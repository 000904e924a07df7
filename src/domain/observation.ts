/**
 * Observations and computed values. An observation is a stored input: a data element's value (or an
 * indicator's value published as such, e.g. the statistics office's national share) for a series,
 * geography, area and period. A computed value is an indicator's value produced by recompute from
 * the observations, with the method version that made it.
 */
import type { Geography } from "./area.ts";
import type { ObservationStatus, SeriesCode } from "./catalog.ts";

export type ObservationTarget = "element" | "indicator";

export interface Observation {
  readonly series: SeriesCode;
  /** Data element code, or indicator code when `target` is `indicator`. */
  readonly code: string;
  readonly target: ObservationTarget;
  readonly geography: Geography;
  readonly area: string;
  /** Period text, e.g. `2024-Q3`. */
  readonly period: string;
  readonly value: number;
  readonly status: ObservationStatus;
  readonly note: string | null;
}

export interface ComputedValue {
  readonly series: SeriesCode;
  readonly indicator: string;
  readonly geography: Geography;
  readonly area: string;
  readonly period: string;
  /** null when the value cannot be computed (missing inputs or a zero denominator). */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** False when a member area or sub-period is missing: see `missing`. */
  readonly complete: boolean;
  /** What is missing: area codes (`2008:10`), sub-periods (`2024-Q3`) or element codes. */
  readonly missing: readonly string[];
  /** Share of the expected inputs that are present, 0–1. */
  readonly completeness: number;
  /** Method version, e.g. `ratio-of-sums@1`, `direct@1` for a published value stored as is. */
  readonly method: string;
  readonly status: ObservationStatus;
}
