/**
 * Forecast (DESIGN §4.5): a log-linear trend fitted by ordinary least squares, with an 80% prediction
 * interval. Shown dashed, never as data.
 *
 * Design decisions:
 * - The model is ln yₜ = a + b·t + εₜ, so the trend grows at the constant rate e^b − 1 a year, the
 *   natural model for the growth-rate language of targets (§4.4). It needs yₜ > 0: a value ≤ 0 is an
 *   error naming the point, never silently dropped.
 * - At least 3 points (one residual degree of freedom); with fewer, the result is `null` and the
 *   caller shows no forecast. Years must be distinct.
 * - The interval is the classical OLS prediction interval in log space, transformed back with exp, so
 *   it is asymmetric around the central value. The central value exp(ŷ) is the median of the
 *   log-normal forecast, not its mean (no smearing correction): it is the trend line itself.
 * - The Student-t quantile is computed, not tabulated: the t distribution function for an integer
 *   number of degrees of freedom ν has a closed form (Abramowitz & Stegun 26.7.3–4), which is
 *   inverted by bisection to about 1e-12. Beyond ν = 100 000 the quantile is taken at ν = 100 000
 *   (it is then within 1e-5 of the normal quantile and of the exact one).
 */
import { DxmError } from "../domain/errors.ts";

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

export interface ForecastPoint {
  readonly year: number;
  /** Trend value exp(a + b·year). */
  readonly value: number;
  /** Bounds of the 80% prediction interval. */
  readonly lower: number;
  readonly upper: number;
}

export interface Forecast {
  /** b, in ln units per year: the trend grows by e^b − 1 a year. */
  readonly slope: number;
  /** a: ln of the trend value at year 0 (so value(t) = exp(a + b·t)). */
  readonly intercept: number;
  /** e^b − 1, the trend's annual growth. */
  readonly growth: number;
  /** s = √(SSE / (n − 2)) of the log-scale residuals. */
  readonly residualStandardError: number;
  /** n − 2. */
  readonly degreesOfFreedom: number;
  /** t₀.₉₀ with n − 2 degrees of freedom (the 80% two-sided interval). */
  readonly tQuantile: number;
  /** One entry per requested year, in the order requested. */
  readonly points: readonly ForecastPoint[];
}

/** Coverage of the prediction interval: 80%, two-sided, so the t quantile at 0.90. */
export const FORECAST_LEVEL = 0.8;

const MAX_DF = 100_000;

/**
 * P(|T| ≤ t) for Student's t with ν (integer ≥ 1) degrees of freedom, t ≥ 0 (A&S 26.7.3–4), with
 * θ = atan(t/√ν) and c = cos²θ:
 * - ν = 1: 2θ/π;
 * - ν odd ≥ 3: (2/π)·(θ + sinθ·cosθ·(1 + (2/3)c + (2·4)/(3·5)c² + … + (2·4⋯(ν−3))/(3·5⋯(ν−2))c^((ν−3)/2)));
 * - ν even: sinθ·(1 + (1/2)c + (1·3)/(2·4)c² + … + (1·3⋯(ν−3))/(2·4⋯(ν−2))c^((ν−2)/2)).
 */
function twoSidedCdf(t: number, nu: number): number {
  const theta = Math.atan(t / Math.sqrt(nu));
  const s = Math.sin(theta);
  const co = Math.cos(theta);
  const c = co * co;
  if (nu % 2 === 1) {
    if (nu === 1) return (2 * theta) / Math.PI;
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= (nu - 3) / 2; k++) {
      term *= ((2 * k) / (2 * k + 1)) * c;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * co * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= (nu - 2) / 2; k++) {
    term *= ((2 * k - 1) / (2 * k)) * c;
    sum += term;
  }
  return s * sum;
}

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom: the t with P(T ≤ t) = p.
 * Solves P(|T| ≤ t) = 2p − 1 for p > 0.5 by bisection (symmetric for p < 0.5).
 * Known values: t(0.90, 1) = 3.0777, t(0.90, 5) = 1.4759, t(0.90, 30) = 1.3104.
 *
 * @param df a whole number ≥ 1
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) {
    throw new DxmError("invalid_parameter", `A quantile needs 0 < p < 1, got ${p}`, {
      field: "p",
      messageVi: `Phân vị cần 0 < p < 1, nhận được ${p}`,
    });
  }
  if (!Number.isInteger(df) || df < 1) {
    throw new DxmError("invalid_parameter", `Degrees of freedom must be a whole number ≥ 1, got ${df}`, {
      field: "df",
      messageVi: `Bậc tự do phải là số nguyên ≥ 1, nhận được ${df}`,
    });
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const nu = Math.min(df, MAX_DF);
  const target = 2 * p - 1;
  let lo = 0;
  let hi = 1;
  while (twoSidedCdf(hi, nu) < target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (twoSidedCdf(mid, nu) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Log-linear trend and 80% prediction interval. With n ≥ 3 points (tᵢ, yᵢ), yᵢ > 0, and
 * uᵢ = ln yᵢ:
 * - slope b = Σ(tᵢ − t̄)(uᵢ − ū) / Σ(tᵢ − t̄)², intercept a = ū − b·t̄;
 * - s² = Σ(uᵢ − a − b·tᵢ)² / (n − 2);
 * - for a year τ: û = a + b·τ, se = s·√(1 + 1/n + (τ − t̄)² / Σ(tᵢ − t̄)²),
 *   value = e^û, lower = e^(û − q·se), upper = e^(û + q·se), q = t(0.90, n − 2).
 *
 * Returns null with fewer than 3 points. Throws `invalid_data` when a value is not > 0 or not finite
 * (naming the point), or when two points share a year.
 *
 * Worked example (forecast.test.ts): values 100, 110, 121 in 2020–2022 lie exactly on a 10% trend:
 * b = ln 1.1, s = 0, so 2025 gives 121 × 1.1³ = 161.051 with lower = upper = value.
 */
export function forecastLogLinear(points: readonly YearValue[], years: readonly number[]): Forecast | null {
  const n = points.length;
  if (n < 3) return null;
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const { year, value } = points[i] as YearValue;
    if (!Number.isFinite(year)) {
      throw new DxmError("invalid_data", `Forecast: point ${i + 1} has year ${year}, not a finite number`, {
        field: `points[${i}].year`,
        messageVi: `Dự báo: điểm ${i + 1} có năm ${year}, không phải số hữu hạn`,
      });
    }
    if (!Number.isFinite(value) || value <= 0) {
      throw new DxmError(
        "invalid_data",
        `Forecast: point ${i + 1} (year ${year}) has value ${value}; a log-linear trend needs values > 0`,
        {
          field: `points[${i}].value`,
          messageVi: `Dự báo: điểm ${i + 1} (năm ${year}) có giá trị ${value}; xu hướng log-tuyến tính cần giá trị > 0`,
        },
      );
    }
    const first = seen.get(year);
    if (first !== undefined) {
      throw new DxmError(
        "invalid_data",
        `Forecast: points ${first + 1} and ${i + 1} have the same year ${year}`,
        {
          field: `points[${i}].year`,
          messageVi: `Dự báo: điểm ${first + 1} và ${i + 1} trùng năm ${year}`,
        },
      );
    }
    seen.set(year, i);
  }
  for (let k = 0; k < years.length; k++) {
    if (!Number.isFinite(years[k])) {
      throw new DxmError("invalid_parameter", `Forecast: requested year ${years[k]} is not a number`, {
        field: `years[${k}]`,
        messageVi: `Dự báo: năm cần dự báo ${years[k]} không phải số`,
      });
    }
  }
  let tBar = 0;
  let uBar = 0;
  for (const p of points) {
    tBar += p.year;
    uBar += Math.log(p.value);
  }
  tBar /= n;
  uBar /= n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dt = p.year - tBar;
    sxx += dt * dt;
    sxy += dt * (Math.log(p.value) - uBar);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (const p of points) {
    const r = Math.log(p.value) - uBar - slope * (p.year - tBar);
    sse += r * r;
  }
  const df = n - 2;
  const s = Math.sqrt(sse / df);
  const q = studentTQuantile(0.5 + FORECAST_LEVEL / 2, df);
  const out: ForecastPoint[] = years.map((year) => {
    const dt = year - tBar;
    const u = uBar + slope * dt;
    const half = q * s * Math.sqrt(1 + 1 / n + (dt * dt) / sxx);
    return { year, value: Math.exp(u), lower: Math.exp(u - half), upper: Math.exp(u + half) };
  });
  return {
    slope,
    intercept: uBar - slope * tBar,
    growth: Math.expm1(slope),
    residualStandardError: s,
    degreesOfFreedom: df,
    tQuantile: q,
    points: out,
  };
}
