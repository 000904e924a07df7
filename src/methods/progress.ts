/**
 * Progress toward a target (DESIGN §4.4). Notation: x₀ at t₀ (baseline), x_c at t_c (latest value),
 * x* at T (target), d = +1 when higher is better and −1 when lower is better. Growth rates are
 * fractions a year (0.211 = 21.1 %).
 *
 * - actual growth g_act = (x_c/x₀)^(1/(t_c−t₀)) − 1
 * - required growth from the baseline g_req = (x* / x₀)^(1/(T−t₀)) − 1, from now g_now = (x* / x_c)^(1/(T−t_c)) − 1
 * - R = d·g_act / |g_req| → `achieved` (the comparator holds for x_c) · `on_track` (R ≥ 0.95) ·
 *   `acceleration_needed` (0.60 ≤ R < 0.95) · `off_track` (0 ≤ R < 0.60) · `regressing` (R < 0) ·
 *   `insufficient_data`
 * - projection to T at the actual growth: x_c·(1 + g_act)^(T−t_c); target path x₀·(x* / x₀)^((t−t₀)/(T−t₀))
 * - for a share of GDP, the growth the numerator needs given nominal GDP growth g:
 *   r = (1 + g)·(x* / x_c)^(1/(T−t_c)) − 1
 *
 * Worked example (the issue's; progress.test.ts): the ministry's digital-economy share of GDP was
 * 11.91 % in 2021, 14.26 % in 2022 and 16.5 % in 2023; the target is ≥ 20 % in 2025.
 * g_now = (20/16.5)^(1/2) − 1 = 0.10096…; with nominal GDP growing 9 % a year the digital economy's
 * value added must grow r = 1.09 × 1.10096 − 1 = 0.20005 (≈ 20.0 % a year). From the 2021 baseline,
 * g_act = (16.5/11.91)^(1/2) − 1 = 0.17703, g_req = (20/11.91)^(1/4) − 1 = 0.13836, R = 1.279:
 * on track.
 *
 * Decisions on the edge cases (each has a test):
 * - The series is the baseline plus the points after its year. The baseline defaults to the earliest
 *   point; a given baseline replaces a point of the same year, and points before it are ignored.
 * - `achieved` is decided first, on the latest value alone: a met target is achieved even if the
 *   value has been falling, and even with a single point or after the target year.
 * - Fewer than two points in the series (so t_c = t₀), or no point at all: `insufficient_data`, with
 *   the figures that are still defined (required growths, target path) filled in.
 * - x₀, x_c or x* ≤ 0: geometric growth is undefined (or meaningless: to 0 it is always −100 %), so
 *   every growth figure becomes linear, per year, relative to a scale s = |x₀| (|x*| when x₀ = 0,
 *   1 when both are 0): g = (to − from)/(s·years); the projection and the target path become
 *   straight lines, `growth_basis` is `linear` and a note says so. R does not depend on s.
 * - g_req = 0 (the target equals the baseline) or T ≤ t₀ (target not after the baseline): R is
 *   undefined (null); if the target is not met the class is `regressing` when d·g_act < 0, else
 *   `off_track`.
 * - Target year passed (T ≤ t_c) and not met: the class still follows R (so `off_track` or
 *   `regressing` unless the pace from the baseline was adequate); g_now, the projection and the
 *   numerator growth are null, with a note "target year passed". After T the target path stays at x*.
 * - The projection's interval (≥ 3 points in the series, geometric basis) is the 80 % prediction
 *   interval of the log-linear trend (forecast.ts) at T, re-centred on the projection: the bounds are
 *   projection × (lower/trend) and projection × (upper/trend), the trend's relative width. With
 *   fewer points, or on the linear basis, the bounds are null.
 * - r is computed when `gdpGrowth` is given (unless `isShareOfGdp` is explicitly false), T > t_c and
 *   x_c, x* > 0; otherwise null, with a note when it was asked for.
 * - Invalid inputs (a non-integer year, a non-finite value, two points in one year, GDP growth ≤ −1)
 *   are errors, never guessed around.
 */
import { type Comparator, type Direction, targetMet } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import { forecastLogLinear, type YearValue } from "./forecast.ts";

export type { YearValue } from "./forecast.ts";

export type ProgressClass =
  | "achieved"
  | "on_track"
  | "acceleration_needed"
  | "off_track"
  | "regressing"
  | "insufficient_data";

export interface ProgressTarget {
  readonly year: number;
  readonly value: number;
  readonly comparator: Comparator;
}

export interface ProgressInput {
  /** Observed values, any order, one per year. */
  readonly points: readonly YearValue[];
  readonly target: ProgressTarget;
  readonly direction: Direction;
  /** x₀ at t₀; default the earliest point. */
  readonly baseline?: YearValue;
  /** Nominal GDP (or GRDP) growth a year, as a fraction (0.09 = 9 %), for a share of GDP. */
  readonly gdpGrowth?: number;
  /** The indicator is a share of GDP/GRDP: r is computed (needs `gdpGrowth`). */
  readonly isShareOfGdp?: boolean;
}

/** `geometric` (compound rates) or `linear` (when a value is ≤ 0; see the module comment). */
export type GrowthBasis = "geometric" | "linear";

export type ProgressNoteCode =
  | "no_data"
  | "single_point"
  | "linear_growth"
  | "target_not_after_baseline"
  | "no_required_growth"
  | "target_year_passed"
  | "gdp_growth_missing"
  | "numerator_growth_undefined";

export interface ProgressNote {
  readonly code: ProgressNoteCode;
  readonly message: string;
  readonly messageVi: string;
}

export interface ProgressProjection {
  readonly year: number;
  readonly value: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface PathGap {
  /** t_c. */
  readonly year: number;
  /** The target path at t_c (x* once t_c ≥ T). */
  readonly path_value: number;
  /** x_c − path(t_c): positive is above the path (ahead when higher is better). */
  readonly absolute: number;
  /** (x_c − path(t_c)) / |path(t_c)|; null when the path is 0 there. */
  readonly relative: number | null;
}

export interface ProgressInputs {
  readonly x0: number | null;
  readonly t0: number | null;
  readonly xc: number | null;
  readonly tc: number | null;
  readonly xstar: number;
  readonly T: number;
  readonly d: 1 | -1;
  readonly comparator: Comparator;
  readonly gdp_growth: number | null;
}

export interface Progress {
  readonly class: ProgressClass;
  /** R = d·g_act / |g_req|; null when undefined. */
  readonly ratio: number | null;
  readonly growth_basis: GrowthBasis;
  readonly growth_actual: number | null;
  readonly growth_required: number | null;
  readonly growth_required_from_now: number | null;
  readonly projection: ProgressProjection | null;
  /** One value per year t₀..T (empty when T ≤ t₀ or there is no baseline). */
  readonly target_path: readonly YearValue[];
  readonly path_gap: PathGap | null;
  readonly numerator_growth_required: number | null;
  readonly notes: readonly ProgressNote[];
  readonly inputs: ProgressInputs;
}

/** R thresholds of the classes. */
export const ON_TRACK_RATIO = 0.95;
export const ACCELERATION_RATIO = 0.6;

/** |g_req| below this counts as zero. */
const ZERO_GROWTH = 1e-12;

const NOTES: Record<ProgressNoteCode, (x: Record<string, string | number>) => [string, string]> = {
  no_data: () => ["No value: progress cannot be assessed", "Không có giá trị: không thể đánh giá tiến độ"],
  single_point: (x) => [
    `Only one value (${x.year}): growth cannot be measured`,
    `Chỉ có một giá trị (${x.year}): không đo được tốc độ tăng`,
  ],
  linear_growth: (x) => [
    `A value is ≤ 0 (x₀ = ${x.x0}, x_c = ${x.xc}, x* = ${x.xstar}), so compound growth is undefined: growth rates are linear, per year, relative to ${x.scale}`,
    `Có giá trị ≤ 0 (x₀ = ${x.x0}, x_c = ${x.xc}, x* = ${x.xstar}) nên không tính được tăng trưởng kép: tốc độ tăng tính tuyến tính theo năm, so với ${x.scale}`,
  ],
  target_not_after_baseline: (x) => [
    `The target year ${x.T} is not after the baseline year ${x.t0}: the required growth is undefined`,
    `Năm mục tiêu ${x.T} không sau năm gốc ${x.t0}: không xác định được tốc độ tăng cần thiết`,
  ],
  no_required_growth: () => [
    "The target equals the baseline value: the required growth is 0, so the ratio R is undefined",
    "Mục tiêu bằng giá trị năm gốc: tốc độ tăng cần thiết bằng 0 nên không tính được tỷ số R",
  ],
  target_year_passed: (x) => [
    `Target year passed (${x.T}; latest value ${x.tc})`,
    `Đã qua năm mục tiêu (${x.T}; giá trị mới nhất năm ${x.tc})`,
  ],
  gdp_growth_missing: () => [
    "Give the nominal GDP growth to compute the growth the numerator needs",
    "Cần tốc độ tăng GDP danh nghĩa để tính tốc độ tăng cần thiết của tử số",
  ],
  numerator_growth_undefined: () => [
    "The growth the numerator needs is undefined (target year passed, or x_c or x* ≤ 0)",
    "Không xác định được tốc độ tăng cần thiết của tử số (đã qua năm mục tiêu, hoặc x_c hoặc x* ≤ 0)",
  ],
};

function note(code: ProgressNoteCode, x: Record<string, string | number> = {}): ProgressNote {
  const [message, messageVi] = NOTES[code](x);
  return { code, message, messageVi };
}

function checkYearValue(p: YearValue, field: string, label: string, labelVi: string): void {
  if (!Number.isInteger(p.year)) {
    throw new DxmError("invalid_data", `${label}: year ${p.year} is not a whole number`, {
      field: `${field}.year`,
      messageVi: `${labelVi}: năm ${p.year} không phải số nguyên`,
    });
  }
  if (!Number.isFinite(p.value)) {
    throw new DxmError("invalid_data", `${label} (year ${p.year}): value ${p.value} is not a finite number`, {
      field: `${field}.value`,
      messageVi: `${labelVi} (năm ${p.year}): giá trị ${p.value} không phải số hữu hạn`,
    });
  }
}

function classify(ratio: number): ProgressClass {
  if (ratio >= ON_TRACK_RATIO) return "on_track";
  if (ratio >= ACCELERATION_RATIO) return "acceleration_needed";
  if (ratio >= 0) return "off_track";
  return "regressing";
}

/**
 * Assesses progress toward a target (formulas, classes and edge cases: see the module comment).
 *
 * Example: 11.91 (2021), 14.26 (2022), 16.5 (2023) toward ≥ 20 in 2025, higher is better, nominal
 * GDP growth 0.09 → class `on_track`, ratio 1.279, growth_actual 0.17703, growth_required 0.13836,
 * growth_required_from_now 0.10096, numerator_growth_required 0.20005, projection 16.5²/11.91 =
 * 22.86 in 2025, target path 11.91, 13.56, 15.43, 17.57, 20 for 2021–2025, path gap +1.07 in 2023.
 */
export function assessProgress(input: ProgressInput): Progress {
  const { target, direction } = input;
  const d: 1 | -1 = direction === "lower" ? -1 : 1;
  checkYearValue(target, "target", "Target", "Mục tiêu");
  if (input.baseline) checkYearValue(input.baseline, "baseline", "Baseline", "Năm gốc");
  const seen = new Map<number, number>();
  input.points.forEach((p, i) => {
    checkYearValue(p, `points[${i}]`, `Point ${i + 1}`, `Điểm ${i + 1}`);
    const first = seen.get(p.year);
    if (first !== undefined) {
      throw new DxmError("invalid_data", `Points ${first + 1} and ${i + 1} have the same year ${p.year}`, {
        field: `points[${i}].year`,
        messageVi: `Điểm ${first + 1} và ${i + 1} trùng năm ${p.year}`,
      });
    }
    seen.set(p.year, i);
  });
  const g = input.gdpGrowth;
  if (g !== undefined && !(Number.isFinite(g) && g > -1)) {
    throw new DxmError("invalid_parameter", `GDP growth ${g} must be a fraction > −1 (0.09 = 9 %)`, {
      field: "gdpGrowth",
      messageVi: `Tốc độ tăng GDP ${g} phải là một tỷ lệ > −1 (0,09 = 9 %)`,
    });
  }
  const wantsNumerator = g !== undefined ? input.isShareOfGdp !== false : input.isShareOfGdp === true;

  const T = target.year;
  const xstar = target.value;
  const sorted = [...input.points].sort((a, b) => a.year - b.year);
  const baseline = input.baseline ?? sorted[0];
  const notes: ProgressNote[] = [];
  const inputsOf = (x0: number | null, t0: number | null, xc: number | null, tc: number | null) => ({
    x0,
    t0,
    xc,
    tc,
    xstar,
    T,
    d,
    comparator: target.comparator,
    gdp_growth: g ?? null,
  });

  if (baseline === undefined) {
    return {
      class: "insufficient_data",
      ratio: null,
      growth_basis: "geometric",
      growth_actual: null,
      growth_required: null,
      growth_required_from_now: null,
      projection: null,
      target_path: [],
      path_gap: null,
      numerator_growth_required: null,
      notes: [note("no_data")],
      inputs: inputsOf(null, null, null, null),
    };
  }

  const series: YearValue[] = [baseline, ...sorted.filter((p) => p.year > baseline.year)];
  const latest = series[series.length - 1] as YearValue;
  const x0 = baseline.value;
  const t0 = baseline.year;
  const xc = latest.value;
  const tc = latest.year;

  const geometric = x0 > 0 && xc > 0 && xstar > 0;
  const scale = x0 !== 0 ? Math.abs(x0) : xstar !== 0 ? Math.abs(xstar) : 1;
  if (!geometric) {
    notes.push(
      note("linear_growth", {
        x0,
        xc,
        xstar,
        scale: x0 !== 0 ? `|x₀| = ${scale}` : xstar !== 0 ? `|x*| = ${scale}` : "1",
      }),
    );
  }
  const growth = (from: number, to: number, years: number): number =>
    geometric ? (to / from) ** (1 / years) - 1 : (to - from) / (scale * years);
  /** Value after `years` at rate `rate` from `from`. */
  const grow = (from: number, rate: number, years: number): number =>
    geometric ? from * (1 + rate) ** years : from + rate * scale * years;

  if (tc <= t0) notes.push(note("single_point", { year: tc }));
  const gAct = tc > t0 ? growth(x0, xc, tc - t0) : null;
  let gReq: number | null = null;
  if (T > t0) gReq = growth(x0, xstar, T - t0);
  else notes.push(note("target_not_after_baseline", { T, t0 }));
  const gNow = T > tc ? growth(xc, xstar, T - tc) : null;
  if (T <= tc) notes.push(note("target_year_passed", { T, tc }));

  let ratio: number | null = null;
  if (gReq !== null && Math.abs(gReq) < ZERO_GROWTH) notes.push(note("no_required_growth"));
  else if (gAct !== null && gReq !== null) ratio = (d * gAct) / Math.abs(gReq);

  let cls: ProgressClass;
  if (targetMet(target.comparator, xc, xstar)) cls = "achieved";
  else if (gAct === null) cls = "insufficient_data";
  else if (ratio === null) cls = d * gAct < 0 ? "regressing" : "off_track";
  else cls = classify(ratio);

  let projection: ProgressProjection | null = null;
  if (gAct !== null && T > tc) {
    const value = grow(xc, gAct, T - tc);
    let lower: number | null = null;
    let upper: number | null = null;
    if (geometric && series.length >= 3 && series.every((p) => p.value > 0)) {
      const trend = forecastLogLinear(series, [T])?.points[0];
      if (trend) {
        lower = value * (trend.lower / trend.value);
        upper = value * (trend.upper / trend.value);
      }
    }
    projection = { year: T, value, lower, upper };
  }

  const pathAt = (t: number): number => {
    if (t >= T) return xstar;
    if (t <= t0) return x0;
    const f = (t - t0) / (T - t0);
    return geometric ? x0 * (xstar / x0) ** f : x0 + (xstar - x0) * f;
  };
  const targetPath: YearValue[] = [];
  let pathGap: PathGap | null = null;
  if (T > t0) {
    for (let t = t0; t <= T; t++) targetPath.push({ year: t, value: pathAt(t) });
    const p = pathAt(tc);
    const absolute = xc - p;
    pathGap = { year: tc, path_value: p, absolute, relative: p === 0 ? null : absolute / Math.abs(p) };
  }

  let numerator: number | null = null;
  if (wantsNumerator) {
    if (g === undefined) notes.push(note("gdp_growth_missing"));
    else if (T > tc && xc > 0 && xstar > 0) numerator = (1 + g) * (xstar / xc) ** (1 / (T - tc)) - 1;
    else notes.push(note("numerator_growth_undefined"));
  }

  return {
    class: cls,
    ratio,
    growth_basis: geometric ? "geometric" : "linear",
    growth_actual: gAct,
    growth_required: gReq,
    growth_required_from_now: gNow,
    projection,
    target_path: targetPath,
    path_gap: pathGap,
    numerator_growth_required: numerator,
    notes,
    inputs: inputsOf(x0, t0, xc, tc),
  };
}
