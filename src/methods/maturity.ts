/**
 * Enterprise digital maturity (DESIGN §4.7): scoring of the self-assessment, levels, the SME size
 * class of Decree 80/2021/NĐ-CP, the tax-code format and the comparison with peers. Pure functions
 * over the questionnaire passed in, so the web page can preview a score with the same code.
 *
 * - pillar score  sₚ = 100 × mean(answers of pillar p) / 5                        (0–100)
 * - overall score S = Σₚ wₚ·sₚ / Σₚ wₚ                                          (0–100)
 * - level         L = number of thresholds t₁ < … < t₅ with tᵢ ≤ S                (0–5)
 * - size class    the first of micro, small, medium whose limits hold: employees ≤ Eₘₐₓ AND
 *                 (revenue ≤ Rₘₐₓ OR capital ≤ Kₘₐₓ); otherwise large (Decree 80/2021 Art. 5)
 * - percentile    P = 100 × (below + equal/2) / n among the n peers (mid-rank, so a firm equal to
 *                 every peer is at 50)
 *
 * Worked example (maturity.test.ts): answers of pillar CUSTOMER 3,4,2,5,1 → mean 3 → s = 60;
 * pillar scores 60, 40, 80, 20, 100, 0 with equal weights → S = 300/6 = 50 → level 3 with the
 * thresholds 10, 30, 50, 70, 85 (50 ≥ 50, < 70).
 *
 * The tax code is checked for its format only (10 digits, or 10 digits, `-` and 3 digits for a
 * dependent unit): the check digit of the Vietnamese tax code is not documented in the project's
 * sources, so it is not verified.
 */

export interface PillarRef {
  readonly code: string;
  readonly weight: number;
}

export interface QuestionRef {
  readonly code: string;
  readonly pillar: string;
}

export type Answers = Readonly<Record<string, number>>;

/** sₚ = 100 × mean/5 for each pillar; a pillar without answered questions scores null. */
export function pillarScores(
  answers: Answers,
  questions: readonly QuestionRef[],
  pillars: readonly PillarRef[],
): Record<string, number | null> {
  // One pass over the questions (this runs a million times in a bulk import).
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  for (const q of questions) {
    const v = answers[q.code];
    if (typeof v !== "number") continue;
    sum.set(q.pillar, (sum.get(q.pillar) ?? 0) + v);
    count.set(q.pillar, (count.get(q.pillar) ?? 0) + 1);
  }
  const out: Record<string, number | null> = {};
  for (const p of pillars) {
    const n = count.get(p.code) ?? 0;
    out[p.code] = n ? (100 * (sum.get(p.code) ?? 0)) / n / 5 : null;
  }
  return out;
}

/**
 * The same pillar scores for answers given as an array in questionnaire order, with
 * `pillarOf[i]` the index of question i's pillar: the bulk-import path, without building objects.
 */
export function pillarScoresOfArray(
  answers: readonly number[],
  pillarOf: readonly number[],
  pillarCount: number,
): number[] {
  const sum = new Array<number>(pillarCount).fill(0);
  const count = new Array<number>(pillarCount).fill(0);
  for (let i = 0; i < pillarOf.length; i++) {
    const v = answers[i];
    const p = pillarOf[i]!;
    if (v === undefined) continue;
    sum[p]! += v;
    count[p]!++;
  }
  return sum.map((s, p) => (count[p]! ? (100 * s) / count[p]! / 5 : 0));
}

/** S = Σ wₚ·sₚ / Σ wₚ over the pillars with a score; null when none has one. */
export function overallScore(
  scores: Readonly<Record<string, number | null>>,
  pillars: readonly PillarRef[],
): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of pillars) {
    const s = scores[p.code];
    if (s === null || s === undefined) continue;
    sum += p.weight * s;
    weights += p.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** Checks that thresholds are five increasing numbers within 0–100 (the lower bounds of levels 1–5). */
export function checkThresholds(thresholds: readonly number[]): string | undefined {
  if (thresholds.length !== 5) return "give five thresholds, the lower bounds of levels 1 to 5";
  for (let i = 0; i < 5; i++) {
    const t = thresholds[i]!;
    if (!Number.isFinite(t) || t <= 0 || t > 100)
      return `threshold ${i + 1} (${t}) must be above 0 and at most 100`;
    if (i > 0 && t <= thresholds[i - 1]!) return "thresholds must increase";
  }
  return undefined;
}

/** L = number of thresholds at or below the score (0–5). */
export function levelOf(score: number, thresholds: readonly number[]): number {
  let level = 0;
  for (const t of thresholds) if (score >= t) level++;
  return level;
}

export interface SizeLimits {
  readonly size: string;
  readonly maxEmployees: number;
  readonly maxRevenue: number;
  readonly maxCapital: number;
}

export interface FirmFigures {
  /** Annual average employees with social insurance. */
  readonly employees: number;
  /** Annual revenue, VND billion. */
  readonly revenue?: number | null;
  /** Total capital, VND billion. */
  readonly capital?: number | null;
}

/**
 * The size class: the first class (micro, small, medium, in that order) whose employee limit holds
 * and whose revenue or capital limit holds; `large` otherwise. A missing revenue or capital figure
 * cannot satisfy its criterion.
 */
export function sizeClassOf(firm: FirmFigures, limits: readonly SizeLimits[]): string {
  for (const l of limits) {
    const revenueOk = firm.revenue != null && firm.revenue <= l.maxRevenue;
    const capitalOk = firm.capital != null && firm.capital <= l.maxCapital;
    if (firm.employees <= l.maxEmployees && (revenueOk || capitalOk)) return l.size;
  }
  return "large";
}

export type TaxCodeProblem = "empty" | "characters" | "length" | "branch";

/**
 * Checks the format of a tax code: 10 digits, or 10 digits + `-` + 3 digits (a dependent unit).
 * Spaces around it are ignored. Returns the normalised code or the problem.
 */
export function checkTaxCode(
  input: string,
): { ok: true; code: string } | { ok: false; problem: TaxCodeProblem } {
  const s = input.trim();
  if (!s) return { ok: false, problem: "empty" };
  if (!/^[0-9-]+$/.test(s)) return { ok: false, problem: "characters" };
  const parts = s.split("-");
  if (parts.length > 2 || parts[0]!.length !== 10) return { ok: false, problem: "length" };
  if (parts.length === 2 && parts[1]!.length !== 3) return { ok: false, problem: "branch" };
  return { ok: true, code: s };
}

/** P = 100 × (below + equal/2) / n; null when there is no peer. */
export function percentileRank(below: number, equal: number, total: number): number | null {
  if (total <= 0) return null;
  return (100 * (below + equal / 2)) / total;
}

/** The codes of the pillars with the lowest scores, lowest first (ties in pillar order). */
export function weakestPillars(
  scores: Readonly<Record<string, number | null>>,
  pillars: readonly PillarRef[],
  count: number,
): string[] {
  return pillars
    .map((p, i) => ({ code: p.code, s: scores[p.code], i }))
    .filter((x): x is { code: string; s: number; i: number } => typeof x.s === "number")
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, count)
    .map((x) => x.code);
}

/** A bit mask of the platforms ticked, by position in the platform list. */
export function platformMask(codes: readonly string[], platforms: readonly { code: string }[]): number {
  let mask = 0;
  platforms.forEach((p, i) => {
    if (codes.includes(p.code)) mask |= 1 << i;
  });
  return mask;
}

/** The number of bits set in a platform mask. */
export function platformCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
