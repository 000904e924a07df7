/**
 * Composite index (DESIGN §4.6): the provincial digital-transformation index and any other index
 * built as a tree index → pillars → indicators. Pure functions, no I/O.
 *
 * Notation: xᵢₐ the value of indicator i for area a; gᵢ = (loᵢ, hiᵢ) its goalposts (the base year's
 * minimum and maximum over the areas); x*ᵢ its target; wᵢ the weight of i inside its pillar p; wₚ
 * the weight of pillar p in the index. Weights of the children of a node sum to 1.
 *
 * - Normalisation (per indicator, direction d):
 *   - `minmax` (fixed goalposts): sᵢₐ = (xᵢₐ − lo)/(hi − lo) when higher is better,
 *     (hi − xᵢₐ)/(hi − lo) when lower is better. The goalposts are fixed at the base year, so a later
 *     value beyond them scores above 1 (or below 0): that is reported, not clipped, unless the
 *     framework says `clip` (then s ∈ [0, 1]).
 *   - `target` (distance to target): sᵢₐ = min(x/x*, 1) when higher is better, min(x* ÷ x, 1) when lower
 *     is better (x = 0 then scores 1). Without a target of its own an indicator takes the base year's
 *     best value (hi, or lo when lower is better) as its target: "distance to the frontier".
 * - Aggregation (at each node, over its children c with weights w_c):
 *   - arithmetic: S = Σ w_c·s_c;
 *   - geometric: S = Π max(s_c, ε)^{w_c} with ε = {@link GEOMETRIC_FLOOR} = 0.01. A geometric mean
 *     is 0 as soon as one child is 0 and undefined below 0 (a min–max score below the goalposts), so
 *     every child score is floored at ε first: a zero pillar still pulls the index down hard
 *     (0.01^0.5 = 0.1) without wiping out the others. Children with weight 0 contribute a factor 1.
 * - Missing indicators: the area is flagged with the missing codes, then the framework's rule applies:
 *   - `impute_pillar_mean`: a missing indicator takes the area's weighted mean (of the pillar's own
 *     kind) of the pillar's other indicators, which is the same as renormalising the weights over the
 *     indicators present; a pillar with no indicator at all takes the mean of that pillar over the
 *     areas that have it (same year).
 *   - `exclude`: an area with any missing indicator gets no score and no rank.
 * - Ranks: competition ranking ("1224"): rank = 1 + the number of areas with a strictly higher
 *   score; scores equal to 10 decimals tie (floating-point noise never breaks a tie).
 * - Uncertainty (Monte Carlo, seeded): each draw multiplies every weight by U(0.75, 1.25) and
 *   renormalises each node's weights to sum 1; with equal chances it keeps each indicator's own
 *   normalisation or switches every indicator to the other one (minmax ↔ target), and keeps each
 *   node's own aggregation or switches every node to the other one (arithmetic ↔ geometric); then
 *   it scores and ranks all areas. The framework's own choices are thus one of the four cases. Per area: the median rank and the 5th and 95th percentiles, by the
 *   nearest-rank method (the ⌈p·n⌉-th smallest of the n draws), so every figure is a rank that occurred.
 * - Explanation of a change between two years: with Sᵗ = Σ wₚᵗ·sₚᵗ (arithmetic), pillar p contributes
 *   cₚ = wₚᵗ·sₚᵗ − wₚᶠ·sₚᶠ, which is wₚ·Δsₚ when the weights did not change, and Σ cₚ = Sᵗ − Sᶠ
 *   exactly. Under geometric aggregation ln S = Σ wₚ ln sₚ, and cₚ = L(Sᵗ, Sᶠ)·(wₚᵗ ln sₚᵗ − wₚᶠ ln sₚᶠ)
 *   with the logarithmic mean L(a, b) = (a − b)/(ln a − ln b) (L(a, a) = a): the contributions again
 *   add up to Sᵗ − Sᶠ exactly (LMDI decomposition).
 * - Rank correlation: Spearman's ρ = Pearson correlation of the ranks, ties given their average rank.
 */
import { DxmError } from "../domain/errors.ts";

export type IndexDirection = "higher" | "lower";
export type NormalisationKind = "minmax" | "target";
export type AggregationKind = "arithmetic" | "geometric";
export type MissingRule = "impute_pillar_mean" | "exclude";

/** Floor of a child score under geometric aggregation (see the module comment). */
export const GEOMETRIC_FLOOR = 0.01;
/** Tolerance on Σ weights = 1. */
export const WEIGHT_TOLERANCE = 1e-9;
export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 20250403;

export interface IndexIndicatorSpec {
  readonly code: string;
  readonly weight: number;
  readonly direction: IndexDirection;
  readonly normalisation: NormalisationKind;
  /** Target x* of the distance-to-target normalisation; default the base year's best value. */
  readonly target?: number | undefined;
}

export interface IndexPillarSpec {
  readonly code: string;
  readonly weight: number;
  readonly aggregation: AggregationKind;
  readonly indicators: readonly IndexIndicatorSpec[];
}

export interface IndexSpec {
  readonly id: string;
  /** Aggregation of pillars into the index. */
  readonly aggregation: AggregationKind;
  readonly missing: MissingRule;
  /** Clip normalised scores to [0, 1]. */
  readonly clip: boolean;
  readonly pillars: readonly IndexPillarSpec[];
}

export interface Goalposts {
  readonly lo: number;
  readonly hi: number;
}

/** Values of one year: for each indicator code, one value (or null) per area, aligned with `areas`. */
export interface IndexInput {
  readonly areas: readonly string[];
  readonly values: ReadonlyMap<string, readonly (number | null)[]>;
}

/**
 * A pillar group ("trụ cột"): a named view over main indices. DTI pillars overlap: under Decision
 * 922 each of the three pillars (digital government, economy, society) is the five shared
 * foundation indices plus its own activity index, so groups are not part of the tree and do not
 * change the index; they are reported beside it.
 */
export interface PillarGroupSpec {
  readonly code: string;
  readonly members: readonly string[];
}

/**
 * Score of each group: the weighted mean of its members' scores with the members' own weights in
 * the index, G = Σ wₚ·sₚ / Σ wₚ over the members with a score (null when none has one). With the 922
 * points this is the pillar's points share (e.g. digital government: 500 foundation + 200 activity
 * points, out of 700). Example: members A (w 0.1, s 0.5) and B (w 0.2, s 0.8) → (0.05 + 0.16)/0.3 = 0.7.
 */
export function pillarGroupScores(
  pillarScores: Readonly<Record<string, number | null | undefined>>,
  weights: Readonly<Record<string, number>>,
  groups: readonly PillarGroupSpec[],
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const g of groups) {
    let num = 0;
    let den = 0;
    for (const m of g.members) {
      const sc = pillarScores[m];
      const w = weights[m] ?? 0;
      if (sc === null || sc === undefined || !Number.isFinite(sc) || w <= 0) continue;
      num += w * sc;
      den += w;
    }
    out[g.code] = den > 0 ? num / den : null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Weights, normalisation, aggregation
// ---------------------------------------------------------------------------------------------

/** Throws `invalid_data` naming the node when the weights are not finite, ≥ 0 and summing to 1. */
export function checkWeights(node: string, children: readonly { code: string; weight: number }[]): void {
  for (const c of children) {
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new DxmError("invalid_data", `${node}: weight of ${c.code} is ${c.weight}, not a number ≥ 0`, {
        field: node,
        messageVi: `${node}: trọng số của ${c.code} là ${c.weight}, không phải số ≥ 0`,
      });
    }
  }
  const sum = children.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    const list = children.map((c) => `${c.code}=${c.weight}`).join(", ");
    throw new DxmError("invalid_data", `${node}: weights of its children sum to ${sum}, not 1 (${list})`, {
      field: node,
      messageVi: `${node}: tổng trọng số các thành phần là ${sum}, không bằng 1 (${list})`,
      details: { node, sum },
    });
  }
}

/** The goalposts of one indicator: min and max of the values present; null when there are none. */
export function goalpostsOf(values: readonly (number | null)[]): Goalposts | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}

/**
 * Min–max score with fixed goalposts: (x − lo)/(hi − lo), or (hi − x)/(hi − lo) when lower is better.
 * Equal goalposts (every area had the same base-year value) score every area 1 at or beyond them on
 * the good side and 0 otherwise, instead of dividing by zero.
 */
export function minMaxScore(x: number, g: Goalposts, direction: IndexDirection): number {
  const span = g.hi - g.lo;
  if (span === 0) return (direction === "higher" ? x >= g.hi : x <= g.lo) ? 1 : 0;
  return direction === "higher" ? (x - g.lo) / span : (g.hi - x) / span;
}

/** Distance to target: min(x/x*, 1), or min(x* ÷ x, 1) when lower is better. */
export function distanceToTarget(x: number, target: number, direction: IndexDirection): number {
  if (direction === "higher") return target <= 0 ? 1 : Math.min(x / target, 1);
  return x <= 0 ? 1 : Math.min(target / x, 1);
}

function targetOf(spec: IndexIndicatorSpec, g: Goalposts): number {
  return spec.target ?? (spec.direction === "higher" ? g.hi : g.lo);
}

export function normaliseValue(
  x: number,
  spec: IndexIndicatorSpec,
  g: Goalposts,
  kind: NormalisationKind,
  clip: boolean,
): number {
  const s =
    kind === "minmax"
      ? minMaxScore(x, g, spec.direction)
      : distanceToTarget(x, targetOf(spec, g), spec.direction);
  return clip ? Math.min(1, Math.max(0, s)) : s;
}

/** Σ wᵢ·sᵢ / Σ wᵢ over the children present (the division only matters when some are missing). */
export function arithmeticMean(scores: readonly number[], weights: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    num += weights[i]! * scores[i]!;
    den += weights[i]!;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Π max(sᵢ, ε)^{wᵢ/Σw}: the weighted geometric mean with scores floored at ε. */
export function geometricMean(
  scores: readonly number[],
  weights: readonly number[],
  floor = GEOMETRIC_FLOOR,
): number {
  let logSum = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    logSum += w * Math.log(Math.max(scores[i]!, floor));
    den += w;
  }
  return den === 0 ? Number.NaN : Math.exp(logSum / den);
}

export function aggregateScores(
  kind: AggregationKind,
  scores: readonly number[],
  weights: readonly number[],
): number {
  return kind === "arithmetic" ? arithmeticMean(scores, weights) : geometricMean(scores, weights);
}

// ---------------------------------------------------------------------------------------------
// Ranks, percentiles, correlation
// ---------------------------------------------------------------------------------------------

const tieKey = (x: number) => Math.round(x * 1e10);

/** Competition ranks (1, 2, 2, 4), higher score first; null scores get a null rank. */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  const keys = scores.map((s) => (s === null || !Number.isFinite(s) ? null : tieKey(s)));
  const sorted = keys.filter((k): k is number => k !== null).sort((a, b) => b - a);
  const firstIndex = new Map<number, number>();
  sorted.forEach((k, i) => {
    if (!firstIndex.has(k)) firstIndex.set(k, i);
  });
  return keys.map((k) => (k === null ? null : firstIndex.get(k)! + 1));
}

/** Nearest-rank percentile of sorted values: the ⌈p·n⌉-th smallest (p in (0, 1]). */
export function nearestRankPercentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const k = Math.min(n, Math.max(1, Math.ceil(p * n)));
  return sorted[k - 1]!;
}

/** Average ranks, 1 = smallest, ties share the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = avg;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's ρ over the pairs where both values are present; null with fewer than 3 pairs. */
export function spearman(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
): { rho: number | null; n: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const a = x[i];
    const b = y[i];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    xs.push(a);
    ys.push(b);
  }
  const n = xs.length;
  if (n < 3) return { rho: null, n };
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { rho: sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy), n };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

export interface AreaScore {
  readonly area: string;
  /** Index score; null when the area is excluded (missing data under `exclude`). */
  readonly score: number | null;
  readonly rank: number | null;
  /** Pillar scores by pillar code (null when excluded). */
  readonly pillars: Readonly<Record<string, number | null>>;
  /** Indicator codes with no value for this area (the flag). */
  readonly missing: readonly string[];
  /** Pillars whose score was imputed from other areas (no indicator present). */
  readonly imputedPillars: readonly string[];
}

/** Normalised scores of every indicator: [pillar][indicator][area], NaN where the value is missing. */
type Normalised = Float64Array[][];

function normaliseAll(
  spec: IndexSpec,
  input: IndexInput,
  goalposts: ReadonlyMap<string, Goalposts>,
  kind: "own" | "other",
): Normalised {
  const n = input.areas.length;
  return spec.pillars.map((p) =>
    p.indicators.map((ind) => {
      const out = new Float64Array(n).fill(Number.NaN);
      const values = input.values.get(ind.code);
      const g = goalposts.get(ind.code);
      if (!values || !g) return out;
      for (let a = 0; a < n; a++) {
        const v = values[a];
        if (v === null || v === undefined || !Number.isFinite(v)) continue;
        const own = ind.normalisation;
        out[a] = normaliseValue(
          v,
          ind,
          g,
          kind === "own" ? own : own === "minmax" ? "target" : "minmax",
          spec.clip,
        );
      }
      return out;
    }),
  );
}

interface Weights {
  readonly pillar: readonly number[];
  readonly indicator: readonly (readonly number[])[];
}

function specWeights(spec: IndexSpec): Weights {
  return {
    pillar: spec.pillars.map((p) => p.weight),
    indicator: spec.pillars.map((p) => p.indicators.map((i) => i.weight)),
  };
}

/**
 * Pillar scores [pillar][area] and index scores [area] for one set of weights and aggregation
 * choices (`own` = each node's own). Missing values follow `spec.missing`; NaN marks "no score".
 */
function scoreAll(
  spec: IndexSpec,
  norm: Normalised,
  n: number,
  weights: Weights,
  aggregation: AggregationChoice,
  trackImputed = false,
): { pillars: Float64Array[]; index: Float64Array; imputed: boolean[][] } {
  // Plain loops and no allocation per area: this runs once per Monte Carlo draw.
  const exclude = spec.missing === "exclude";
  const pillars = spec.pillars.map((p, pi) => {
    const geometric = aggregationOf(p.aggregation, aggregation) === "geometric";
    const out = new Float64Array(n);
    const cols = norm[pi]!;
    const w = weights.indicator[pi]!;
    for (let a = 0; a < n; a++) {
      let acc = 0;
      let den = 0;
      let present = 0;
      let missing = false;
      for (let ii = 0; ii < cols.length; ii++) {
        const v = cols[ii]![a]!;
        if (Number.isNaN(v)) {
          missing = true;
          continue;
        }
        present++;
        const wi = w[ii]!;
        if (geometric) {
          if (wi !== 0) acc += wi * Math.log(v > GEOMETRIC_FLOOR ? v : GEOMETRIC_FLOOR);
        } else acc += wi * v;
        den += wi;
      }
      out[a] =
        (missing && exclude) || present === 0 || den === 0
          ? Number.NaN
          : geometric
            ? Math.exp(acc / den)
            : acc / den;
    }
    return out;
  });
  // Which pillar scores were imputed: only the single scoring reports it, not every draw.
  const imputed: boolean[][] = trackImputed ? spec.pillars.map(() => new Array<boolean>(n).fill(false)) : [];
  if (!exclude) {
    pillars.forEach((col, pi) => {
      let sum = 0;
      let count = 0;
      for (let a = 0; a < n; a++)
        if (!Number.isNaN(col[a]!)) {
          sum += col[a]!;
          count++;
        }
      if (count === n) return;
      const mean = count ? sum / count : Number.NaN;
      for (let a = 0; a < n; a++)
        if (Number.isNaN(col[a]!)) {
          col[a] = mean;
          if (trackImputed) imputed[pi]![a] = true;
        }
    });
  }
  const geometric = aggregationOf(spec.aggregation, aggregation) === "geometric";
  const index = new Float64Array(n);
  const wp = weights.pillar;
  for (let a = 0; a < n; a++) {
    let acc = 0;
    let den = 0;
    let excluded = false;
    for (let pi = 0; pi < pillars.length; pi++) {
      const v = pillars[pi]![a]!;
      if (Number.isNaN(v)) {
        excluded = true;
        break;
      }
      const w = wp[pi]!;
      if (geometric) {
        if (w !== 0) acc += w * Math.log(v > GEOMETRIC_FLOOR ? v : GEOMETRIC_FLOOR);
      } else acc += w * v;
      den += w;
    }
    index[a] = excluded || den === 0 ? Number.NaN : geometric ? Math.exp(acc / den) : acc / den;
  }
  return { pillars, index, imputed };
}

/** `own`: each node's own aggregation; `other`: the other one at every node. */
type AggregationChoice = "own" | "other";

function aggregationOf(own: AggregationKind, choice: AggregationChoice): AggregationKind {
  if (choice === "own") return own;
  return own === "arithmetic" ? "geometric" : "arithmetic";
}

/** Competition ranks into `out` (NaN for no score) without allocating: O(n²), n is small. */
function ranksInto(scores: ArrayLike<number>, keys: Float64Array, out: Float64Array): void {
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    const x = scores[i]!;
    keys[i] = Number.isFinite(x) ? tieKey(x) : Number.NaN;
  }
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (Number.isNaN(k)) {
      out[i] = Number.NaN;
      continue;
    }
    let above = 0;
    for (let j = 0; j < n; j++) if (keys[j]! > k) above++;
    out[i] = above + 1;
  }
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Scores, pillar scores, ranks and missing-data flags of every area, by the framework's own choices. */
export function scoreIndex(
  spec: IndexSpec,
  input: IndexInput,
  goalposts: ReadonlyMap<string, Goalposts>,
): AreaScore[] {
  validateSpec(spec);
  const n = input.areas.length;
  const norm = normaliseAll(spec, input, goalposts, "own");
  const { pillars, index, imputed } = scoreAll(spec, norm, n, specWeights(spec), "own", true);
  const ranks = competitionRanks([...index].map(orNull));
  return input.areas.map((area, a) => {
    const missing: string[] = [];
    for (const p of spec.pillars)
      for (const ind of p.indicators) {
        const v = input.values.get(ind.code)?.[a];
        if (v === null || v === undefined || !Number.isFinite(v) || !goalposts.has(ind.code))
          missing.push(ind.code);
      }
    const score = orNull(index[a]!);
    return {
      area,
      score,
      rank: ranks[a] ?? null,
      pillars: Object.fromEntries(
        spec.pillars.map((p, pi) => [p.code, score === null ? null : orNull(pillars[pi]![a]!)]),
      ),
      missing,
      imputedPillars: spec.pillars.filter((_p, pi) => imputed[pi]![a]).map((p) => p.code),
    };
  });
}

/** Checks every node's weights (throws naming the node) and that indicator codes are unique. */
export function validateSpec(spec: IndexSpec): void {
  checkWeights(spec.id, spec.pillars);
  const seen = new Set<string>();
  for (const p of spec.pillars) {
    checkWeights(`${spec.id}/${p.code}`, p.indicators);
    for (const i of p.indicators) {
      if (seen.has(i.code)) {
        throw new DxmError(
          "invalid_data",
          `${spec.id}/${p.code}: indicator ${i.code} appears twice in the index`,
          {
            field: `${spec.id}/${p.code}`,
            messageVi: `${spec.id}/${p.code}: chỉ tiêu ${i.code} xuất hiện hai lần trong bộ chỉ số`,
          },
        );
      }
      seen.add(i.code);
    }
  }
}

/**
 * Groups for scores "as the mean of the former provinces": each group's score is the mean of its
 * members' scores (members are indices into the input's areas).
 */
export interface AreaGroup {
  readonly code: string;
  readonly members: readonly number[];
}

/** Mean over members, NaN when any member has no score. */
function groupMeans(values: ArrayLike<number>, groups: readonly AreaGroup[]): Float64Array {
  const out = new Float64Array(groups.length);
  groups.forEach((g, i) => {
    let s = 0;
    for (const m of g.members) s += values[m]!;
    out[i] = g.members.length ? s / g.members.length : Number.NaN;
  });
  return out;
}

/** Scores of groups as the mean of their members' scores (pillars too), ranked among the groups. */
export function groupScores(
  scores: readonly AreaScore[],
  groups: readonly AreaGroup[],
  pillarCodes: readonly string[],
): AreaScore[] {
  const index = groupMeans(
    scores.map((s) => s.score ?? Number.NaN),
    groups,
  );
  const ranks = competitionRanks([...index].map(orNull));
  return groups.map((g, gi) => {
    const members = g.members.map((m) => scores[m]!);
    const score = orNull(index[gi]!);
    return {
      area: g.code,
      score,
      rank: ranks[gi] ?? null,
      pillars: Object.fromEntries(
        pillarCodes.map((p) => {
          const vals = members.map((m) => m.pillars[p] ?? null);
          return [
            p,
            score === null || vals.some((v) => v === null)
              ? null
              : (vals as number[]).reduce((a, b) => a + b, 0) / vals.length,
          ];
        }),
      ),
      missing: [...new Set(members.flatMap((m) => m.missing.map((c) => `${m.area}:${c}`)))],
      imputedPillars: [...new Set(members.flatMap((m) => m.imputedPillars))],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo
// ---------------------------------------------------------------------------------------------

/**
 * mulberry32, the same small seeded generator as the demo data (src/catalog/random.ts); repeated
 * here because methods must not import the catalogue.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MonteCarloOptions {
  readonly draws?: number;
  readonly seed?: number;
  /** Rank groups (mean of members' scores) instead of the input's areas. */
  readonly groups?: readonly AreaGroup[];
}

export interface RankBand {
  readonly area: string;
  readonly median: number | null;
  readonly p05: number | null;
  readonly p95: number | null;
}

export interface MonteCarloResult {
  readonly draws: number;
  readonly seed: number;
  readonly bands: readonly RankBand[];
}

function perturb(w: readonly number[], rand: () => number): number[] {
  const out = w.map((x) => x * (0.75 + 0.5 * rand()));
  const sum = out.reduce((a, b) => a + b, 0);
  return sum === 0 ? out : out.map((x) => x / sum);
}

/** The rank band of every area (or group) over `draws` seeded draws (see the module comment). */
export function monteCarloRanks(
  spec: IndexSpec,
  input: IndexInput,
  goalposts: ReadonlyMap<string, Goalposts>,
  options: MonteCarloOptions = {},
): MonteCarloResult {
  validateSpec(spec);
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(draws) || draws < 1) {
    throw new DxmError("invalid_parameter", `draws: ${draws} is not a whole number ≥ 1`, {
      field: "draws",
      messageVi: `draws: ${draws} không phải số nguyên ≥ 1`,
    });
  }
  const n = input.areas.length;
  const norms = {
    own: normaliseAll(spec, input, goalposts, "own"),
    other: normaliseAll(spec, input, goalposts, "other"),
  };
  const base = specWeights(spec);
  const rand = seededRandom(seed);
  const labels = options.groups ? options.groups.map((g) => g.code) : input.areas;
  const m = labels.length;
  const ranks = labels.map(() => new Float64Array(draws));
  const keys = new Float64Array(m);
  const drawRanks = new Float64Array(m);
  for (let d = 0; d < draws; d++) {
    const weights: Weights = {
      pillar: perturb(base.pillar, rand),
      indicator: base.indicator.map((w) => perturb(w, rand)),
    };
    const normalisation = rand() < 0.5 ? "own" : "other";
    const aggregation: AggregationChoice = rand() < 0.5 ? "own" : "other";
    const { index } = scoreAll(spec, norms[normalisation], n, weights, aggregation);
    ranksInto(options.groups ? groupMeans(index, options.groups) : index, keys, drawRanks);
    for (let i = 0; i < m; i++) ranks[i]![d] = drawRanks[i]!;
  }
  const bands = labels.map((area, i) => {
    const sorted = ranks[i]!.filter((x) => !Number.isNaN(x)).sort();
    if (sorted.length === 0) return { area, median: null, p05: null, p95: null };
    return {
      area,
      median: nearestRankPercentile(sorted, 0.5),
      p05: nearestRankPercentile(sorted, 0.05),
      p95: nearestRankPercentile(sorted, 0.95),
    };
  });
  return { draws, seed, bands };
}

// ---------------------------------------------------------------------------------------------
// Explanation of a change
// ---------------------------------------------------------------------------------------------

export interface PillarState {
  /** Pillar scores by code. */
  readonly scores: Readonly<Record<string, number>>;
  /** Pillar weights by code. */
  readonly weights: Readonly<Record<string, number>>;
}

/** Logarithmic mean L(a, b) = (a − b)/(ln a − ln b), L(a, a) = a. */
export function logMean(a: number, b: number): number {
  return a === b ? a : (a - b) / (Math.log(a) - Math.log(b));
}

/**
 * The change of the index between two states split into pillar contributions that add up to it
 * (see the module comment for both aggregations). Returns the two scores, the change and the
 * contributions by pillar.
 */
export function explainChange(
  from: PillarState,
  to: PillarState,
  aggregation: AggregationKind,
): { from: number; to: number; change: number; contributions: Record<string, number> } {
  const codes = [...new Set([...Object.keys(from.weights), ...Object.keys(to.weights)])];
  const get = (s: PillarState, c: string) => ({ w: s.weights[c] ?? 0, s: s.scores[c] ?? 0 });
  const contributions: Record<string, number> = {};
  if (aggregation === "arithmetic") {
    let a = 0;
    let b = 0;
    for (const c of codes) {
      const f = get(from, c);
      const t = get(to, c);
      contributions[c] = t.w * t.s - f.w * f.s;
      a += f.w * f.s;
      b += t.w * t.s;
    }
    return { from: a, to: b, change: b - a, contributions };
  }
  const logTerm = (x: { w: number; s: number }) =>
    x.w === 0 ? 0 : x.w * Math.log(Math.max(x.s, GEOMETRIC_FLOOR));
  let la = 0;
  let lb = 0;
  for (const c of codes) {
    la += logTerm(get(from, c));
    lb += logTerm(get(to, c));
  }
  const a = Math.exp(la);
  const b = Math.exp(lb);
  const L = logMean(b, a);
  for (const c of codes) contributions[c] = L * (logTerm(get(to, c)) - logTerm(get(from, c)));
  return { from: a, to: b, change: b - a, contributions };
}
