/** Pure helpers of the DTI page: which years can be shown, and the waterfall of a score change. */
import type { Geography } from "../../../domain/area.ts";
import type { FrameworkDto, IndexBasis } from "../../data/dti.ts";

/** Years computed for a framework, geography and basis (the demo series first, as the API). */
export function yearsOf(f: FrameworkDto | undefined, geography: Geography, basis: IndexBasis): number[] {
  if (!f) return [];
  const runs = f.computed.filter((c) => c.geography === geography && c.basis === basis);
  const run = runs.find((r) => r.series === "demo") ?? runs[0];
  return run ? [...run.years].sort((a, b) => a - b) : [];
}

export interface WaterfallStep {
  readonly pillar: string;
  readonly value: number;
  /** Running total before and after this step. */
  readonly start: number;
  readonly end: number;
}

/** Cumulative steps of the contributions in pillar order; the last `end` is the total change. */
export function waterfallSteps(
  contributions: Readonly<Record<string, number>>,
  order: readonly string[],
): WaterfallStep[] {
  let running = 0;
  return order
    .filter((p) => contributions[p] !== undefined)
    .map((pillar) => {
      const value = contributions[pillar]!;
      const step = { pillar, value, start: running, end: running + value };
      running += value;
      return step;
    });
}
