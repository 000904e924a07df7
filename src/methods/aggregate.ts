/**
 * Aggregation of one data element over member areas (province → region → nation, 2008 → 2025 units)
 * and over sub-periods (quarter → half → year), each by the element's rule (DESIGN §4.1).
 *
 * Design: missing data are never hidden. The value is computed over the members that are present,
 * so a partial aggregate can still be shown, but it is flagged: `complete` is false, `missing` names
 * what is absent (and, transitively, what the present members were missing) and `completeness` says
 * how much of the expected input is there. A member may be a bare number (a complete value) or a
 * `Cell` that carries its own completeness and status, so aggregates can be stacked (quarters →
 * year → region → nation) and the quality of the inputs propagates to the top.
 *
 * Status: the weakest status among the inputs, in the order
 * `estimate` < `preliminary` < `revised` < `official` (an aggregate is only as final as its least
 * final input; a revised value is a correction of a published one, so it ranks just below official).
 */
import type { AreaAggregation, ObservationStatus, TimeAggregation } from "../domain/catalog.ts";

export interface AggregateResult {
  /** null when no member has a value (or the rule is `none`, or the weights sum to zero). */
  readonly value: number | null;
  /** True when every expected member is present and itself complete. */
  readonly complete: boolean;
  /** Absent members (their keys) plus whatever present members were missing; sorted, distinct. */
  readonly missing: readonly string[];
  /** Share of the expected input that is present, 0–1 (see each function). */
  readonly completeness: number;
  /** Weakest status among the members used, when the members carried one. */
  readonly status?: ObservationStatus;
}

/** A present value with its own quality, e.g. an earlier aggregate. */
export interface Cell {
  readonly value: number;
  readonly complete: boolean;
  readonly missing: readonly string[];
  readonly completeness: number;
  readonly status?: ObservationStatus;
}

/** A member's value: a bare number (complete), a `Cell`, or undefined when absent. */
export type MemberValue = number | Cell | undefined;

const STATUS_RANK: Record<ObservationStatus, number> = {
  estimate: 0,
  preliminary: 1,
  revised: 2,
  official: 3,
};

/** The weaker of two statuses (`estimate` < `preliminary` < `revised` < `official`). */
export function weakerStatus(
  a: ObservationStatus | undefined,
  b: ObservationStatus | undefined,
): ObservationStatus | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

const NONE: readonly string[] = Object.freeze([]);

/** Accumulates quality (completeness, missing, status) over the members of one aggregate. */
class Quality {
  complete = true;
  sumCompleteness = 0;
  status: ObservationStatus | undefined = undefined;
  private missing: Set<string> | null = null;

  absent(key: string): void {
    this.complete = false;
    this.addMissing(key);
  }

  present(v: number | Cell): void {
    if (typeof v === "number") {
      this.sumCompleteness += 1;
      return;
    }
    this.sumCompleteness += v.completeness;
    if (!v.complete) this.complete = false;
    for (const m of v.missing) this.addMissing(m);
    this.status = weakerStatus(this.status, v.status);
  }

  addMissing(key: string): void {
    if (this.missing === null) this.missing = new Set();
    this.missing.add(key);
  }

  missingList(): readonly string[] {
    return this.missing === null ? NONE : [...this.missing].sort();
  }

  result(value: number | null, expected: number): AggregateResult {
    const v = value !== null && Number.isFinite(value) ? value : null;
    const complete = this.complete && expected > 0;
    const missing = this.missingList();
    const completeness = expected === 0 ? 0 : this.sumCompleteness / expected;
    // Two literal shapes rather than a spread: this runs for every aggregate cell.
    return this.status === undefined
      ? { value: v, complete, missing, completeness }
      : { value: v, complete, missing, completeness, status: this.status };
  }
}

function numberOf(v: number | Cell): number {
  return typeof v === "number" ? v : v.value;
}

function completenessOf(v: number | Cell): number {
  return typeof v === "number" ? 1 : v.completeness;
}

/** The weight element's code of a `weighted_mean:W` rule, or undefined for other rules. */
export function weightElement(rule: AreaAggregation): string | undefined {
  return rule.startsWith("weighted_mean:") ? rule.slice("weighted_mean:".length) : undefined;
}

/**
 * Aggregates one element over member areas by its area rule. With P the present members (for
 * `weighted_mean`, those with both a value xᵢ and a weight wᵢ) and n the expected members:
 * - `sum`: Σ_{i∈P} xᵢ
 * - `mean`: Σ_{i∈P} xᵢ / |P|
 * - `weighted_mean:W`: Σ_{i∈P} wᵢ·xᵢ / Σ_{i∈P} wᵢ (null when Σ wᵢ = 0)
 * - `none`: not aggregated: `{ value: null, complete: false, missing: [], completeness: 0 }`.
 *
 * `completeness = Σ_{i∈P} cᵢ / n`, where cᵢ is the member's own completeness (1 for a bare number);
 * `complete` is true only when every member is present and complete; `missing` lists the absent
 * members' keys and the present members' own missing entries. No present member → value null.
 *
 * @param members keys of the expected members, as they should appear in `missing` (e.g. `2008:10`)
 * @param value   a member's value (called with its key and its index in `members`)
 * @param weight  a member's weight (for `weighted_mean:W`, the value of W for the same member)
 */
export function aggregateAreas(
  rule: AreaAggregation,
  members: readonly string[],
  value: (member: string, index: number) => MemberValue,
  weight?: (member: string, index: number) => MemberValue,
): AggregateResult {
  if (rule === "none") return { value: null, complete: false, missing: [], completeness: 0 };
  const q = new Quality();
  const weighted = weightElement(rule) !== undefined;
  let sum = 0;
  let sumWeights = 0;
  let present = 0;
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as string;
    const v = value(m, i);
    if (v === undefined) {
      q.absent(m);
      continue;
    }
    if (weighted) {
      const w = weight ? weight(m, i) : undefined;
      if (w === undefined) {
        q.absent(m);
        continue;
      }
      q.present(v);
      // The member counts as much as the less complete of its value and its weight.
      const cv = completenessOf(v);
      const cw = completenessOf(w);
      if (cw < cv) q.sumCompleteness -= cv - cw;
      if (typeof w !== "number") {
        if (!w.complete) q.complete = false;
        for (const x of w.missing) q.addMissing(x);
        q.status = weakerStatus(q.status, w.status);
      }
      sum += numberOf(w) * numberOf(v);
      sumWeights += numberOf(w);
    } else {
      q.present(v);
      sum += numberOf(v);
    }
    present++;
  }
  let result: number | null;
  if (present === 0) result = null;
  else if (rule === "sum") result = sum;
  else if (rule === "mean") result = sum / present;
  else result = sumWeights === 0 ? null : sum / sumWeights;
  return q.result(result, members.length);
}

/**
 * Aggregates one element over the sub-periods of a period (e.g. the quarters of a year) by its time
 * rule. With P the present sub-periods and n the expected ones, in time order:
 * - `sum` (flows): Σ_{t∈P} xₜ; `completeness = Σ_{t∈P} cₜ / n`
 * - `mean`: Σ_{t∈P} xₜ / |P|; `completeness = Σ_{t∈P} cₜ / n`
 * - `last` (stocks): x of the last sub-period; the earlier ones are not needed, so the result has the
 *   last sub-period's own quality. When the last is missing, the value is carried forward from the
 *   latest present sub-period and the result is incomplete, naming the last sub-period as missing
 *   (`completeness = Σ_{t∈P} cₜ / n`).
 * `missing` lists absent sub-periods (their keys, e.g. `2024-Q3`) and what present ones were missing.
 * No present sub-period → value null.
 */
export function aggregateTime(
  rule: TimeAggregation,
  subPeriods: readonly string[],
  value: (subPeriod: string, index: number) => MemberValue,
): AggregateResult {
  const n = subPeriods.length;
  if (rule === "last" && n > 0) {
    const lastKey = subPeriods[n - 1] as string;
    const last = value(lastKey, n - 1);
    if (last !== undefined) {
      const q = new Quality();
      q.present(last);
      return q.result(numberOf(last), 1);
    }
    const q = new Quality();
    q.absent(lastKey);
    let latest: number | Cell | undefined;
    for (let i = 0; i < n - 1; i++) {
      const v = value(subPeriods[i] as string, i);
      if (v === undefined) continue;
      q.sumCompleteness += completenessOf(v);
      latest = v;
    }
    if (latest !== undefined && typeof latest !== "number") {
      for (const m of latest.missing) q.addMissing(m);
      q.status = weakerStatus(q.status, latest.status);
    }
    return q.result(latest === undefined ? null : numberOf(latest), n);
  }
  const q = new Quality();
  let sum = 0;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const p = subPeriods[i] as string;
    const v = value(p, i);
    if (v === undefined) {
      q.absent(p);
      continue;
    }
    q.present(v);
    sum += numberOf(v);
    present++;
  }
  const result = present === 0 ? null : rule === "mean" ? sum / present : sum;
  return q.result(result, n);
}
