/**
 * Demo data (DESIGN §10): provincial values for every data element, 2020-Q1 to `lastQuarter`, in
 * series `demo` with status `estimate` and note "demo". Provincial quarterly figures are not
 * published, so these are generated; they are never real and every view must say so.
 *
 * How it is made:
 * - Deterministic: one seeded PRNG (mulberry32) per (seed, element or element group), so the same
 *   seed always gives the same output and adding an element does not change the others.
 * - The 63 provinces of 2008 are generated for the whole span. Quarters up to 2025-Q2 are emitted
 *   for them; from 2025-Q3 their values are aggregated by each element's area rule into the 34
 *   units of 2025, so every series is continuous across the merger. Annual elements get one value
 *   per complete year (2025 onward in the 2025 geography); an incomplete last year gets none.
 *   Elements with area rule `none` (not additive over provinces) are emitted for the nation only.
 * - Magnitudes: GDP ≈ 6,300,000 VND billion in 2020, growing 6–12 % a year nominal; provinces
 *   weighted from their approximate GRDP and population (TP.HCM ≈ 22 %, Hà Nội ≈ 13 % of GDP);
 *   ≈ 0.8–1 million enterprises, 97 % of them SMEs.
 * - Adoption ratios follow national paths toward the targets, some met and some not (DE share,
 *   sector share, e-contracts, SMEs on platforms, digital signatures and skills, health records
 *   stay short of their 2025 targets). A province's ratio is the national path shifted in logit
 *   space by its development level, a random effect and a random trend.
 *
 * Calibration of the digital-economy share (DE_CORE_VA + DE_DIGITALISED_VA over GRDP):
 * - National: each year the share over all provinces equals the statistics office's series
 *   (`gso_official`, 2020–2025; later years continue the trend of the last two changes).
 * - 2022 provinces: the 13 provinces with a published ministry figure sit at 93 % (± 1 %) of it,
 *   inside a ±10 % band on its lower side: the published top provinces are high (Bắc Ninh 56.83 %)
 *   for a national share of 12.8 %, and the two figures come from different methods. The other 50
 *   provinces share what is left of the national total, kept between the lowest published value
 *   (Quảng Ngãi 4.21 %, "lowest of 63") and Hà Nội's 17.15 % (the 8th highest). This was feasible
 *   without loosening the lower bound, but it is tight: their GRDP-weighted mean comes out near
 *   6.3 % and 20–30 of the 50 sit on the 4.21 % floor (whereas the ministry counted 43 provinces
 *   at 5–10 %). Placing the published provinces nearer their figures would push more onto it.
 * - Quarters: each quarter's share is the annual share times a factor within ±3 %, centred over
 *   the year, so the annual ratio of sums is the annual share.
 * - Decision 411's components (DE_ICT_VA + DE_PLATFORM_VA + DE_SECTORAL_VA) are the same shares
 *   times the ministry's series over the statistics office's (2021–2024, extended at half the
 *   recent trend), so the nation follows `mic_estimate` and the 2022 provinces land near the
 *   ministry's published figures by that method.
 */
import { type Area, type AreaRef, type Geography, NATION_CODE } from "../domain/area.ts";
import type { DataElement } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import {
  formatPeriod,
  geographyOfPeriod,
  type Period,
  quarterRange,
  tryParsePeriod,
} from "../domain/period.ts";
import { loadAreas, provincesOf } from "./areas.ts";
import { dataElements } from "./indicators.ts";
import { loadPublishedObservations } from "./published.ts";

export const DEMO_DEFAULT_SEED = 20220331;
export const DEMO_DEFAULT_LAST_QUARTER = "2026-Q3";
export const DEMO_FIRST_QUARTER = "2020-Q1";
export const DEMO_NOTE = "demo";

const FIRST_YEAR = 2020;

export interface DemoOptions {
  /** PRNG seed (default `DEMO_DEFAULT_SEED`). */
  seed?: number;
  /** Last quarter generated, e.g. `2026-Q3` (default). */
  lastQuarter?: string;
}

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to derive one independent stream per label. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Rng {
  uniform(lo: number, hi: number): number;
  normal(sd: number): number;
}

function rngFor(seed: number, label: string): Rng {
  const next = mulberry32(hash32(`${seed >>> 0}:${label}`));
  return {
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: (sd) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Provinces: approximate 2020 GRDP (thousand VND billion, before scaling), population
// (thousands) and urban share. Used only to weight demo values.
// ---------------------------------------------------------------------------------------------

const PROFILES: Readonly<Record<string, readonly [grdp: number, pop: number, urban: number]>> = {
  "01": [820, 8247, 0.49],
  "02": [30, 870, 0.16],
  "04": [20, 540, 0.24],
  "06": [15, 320, 0.2],
  "08": [40, 790, 0.14],
  "10": [58, 740, 0.24],
  "11": [22, 600, 0.19],
  "12": [22, 470, 0.18],
  "14": [55, 1260, 0.15],
  "15": [35, 830, 0.21],
  "17": [48, 860, 0.16],
  "19": [110, 1307, 0.33],
  "20": [38, 790, 0.22],
  "22": [210, 1338, 0.65],
  "24": [115, 1841, 0.18],
  "25": [70, 1480, 0.19],
  "26": [125, 1171, 0.3],
  "27": [200, 1400, 0.3],
  "30": [125, 1917, 0.3],
  "31": [280, 2053, 0.46],
  "33": [100, 1269, 0.2],
  "34": [80, 1870, 0.11],
  "35": [60, 860, 0.21],
  "36": [70, 1780, 0.18],
  "37": [65, 990, 0.22],
  "38": [200, 3664, 0.17],
  "40": [140, 3365, 0.15],
  "42": [80, 1296, 0.2],
  "44": [42, 900, 0.21],
  "45": [35, 640, 0.31],
  "46": [56, 1133, 0.5],
  "48": [100, 1169, 0.87],
  "49": [95, 1504, 0.26],
  "51": [90, 1232, 0.2],
  "52": [85, 1487, 0.31],
  "54": [40, 873, 0.3],
  "56": [85, 1232, 0.49],
  "58": [38, 590, 0.36],
  "60": [85, 1236, 0.38],
  "62": [26, 560, 0.33],
  "64": [90, 1541, 0.3],
  "66": [90, 1886, 0.25],
  "67": [35, 640, 0.16],
  "68": [90, 1310, 0.39],
  "70": [75, 1000, 0.23],
  "72": [90, 1178, 0.2],
  "74": [380, 2580, 0.8],
  "75": [360, 3177, 0.44],
  "77": [330, 1167, 0.53],
  "79": [1320, 9228, 0.79],
  "80": [125, 1711, 0.17],
  "82": [90, 1773, 0.16],
  "83": [60, 1289, 0.1],
  "84": [55, 1010, 0.18],
  "86": [58, 1024, 0.17],
  "87": [85, 1600, 0.18],
  "89": [90, 1908, 0.31],
  "91": [105, 1729, 0.28],
  "92": [90, 1241, 0.7],
  "93": [40, 730, 0.27],
  "94": [58, 1200, 0.32],
  "95": [45, 910, 0.28],
  "96": [60, 1195, 0.23],
};

/** Shares of 2020 GDP given to the two largest economies; the others share the rest pro rata. */
const FIXED_GDP_SHARES: Readonly<Record<string, number>> = { "79": 0.22, "01": 0.13 };
const GDP_2020 = 6_300_000;
/** Nominal GDP growth by year; later years use the last value. */
const GDP_GROWTH: Readonly<Record<number, number>> = {
  2021: 0.06,
  2022: 0.12,
  2023: 0.07,
  2024: 0.095,
  2025: 0.1,
  2026: 0.095,
};
/** Provinces hit hardest by the 2021 lockdowns (extra growth loss that year). */
const COVID_2021 = new Set(["79", "74", "75", "80"]);
/**
 * Unpublished provinces with a larger core digital economy (electronics assembly, software): their
 * 2022 share leans up by this factor before the common scaling.
 */
const ELECTRONICS_LEAN: Readonly<Record<string, number>> = {
  "74": 1.6,
  "30": 1.5,
  "33": 1.4,
  "35": 1.4,
  "75": 1.3,
  "92": 1.3,
  "25": 1.2,
  "46": 1.2,
  "22": 1.2,
  "56": 1.1,
};
/** Where the 13 published 2022 provincial shares are placed, as a fraction of the figure (± 0.01). */
const PUBLISHED_PLACEMENT = 0.93;
/** Quarterly shares of annual output: mild seasonality. */
const GRDP_SEASON = [0.235, 0.245, 0.255, 0.265] as const;

// ---------------------------------------------------------------------------------------------
// Paths: [year, value] points; value at the end of that year (stocks) or for that year (flows)
// ---------------------------------------------------------------------------------------------

type Path = readonly (readonly [number, number])[];

/** Linear interpolation in time; beyond the ends, the nearest segment's slope continues. */
function atTime(path: Path, t: number): number {
  const first = path[0];
  if (first === undefined) throw new Error("empty path");
  if (path.length === 1) return first[1];
  let i = 0;
  while (i < path.length - 2 && t > (path[i + 1]?.[0] ?? t)) i++;
  const [t0, v0] = path[i] ?? first;
  const [t1, v1] = path[i + 1] ?? first;
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}

/**
 * Extends a yearly series: forward by the mean of its last two changes, backward by its first
 * change, each times `damping`.
 */
function extendPath(points: Path, fromYear: number, toYear: number, damping = 1): Path {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const out = new Map(sorted.map(([y, v]) => [y, v] as const));
  const n = sorted.length;
  const last = sorted[n - 1];
  const first = sorted[0];
  if (last === undefined || first === undefined) throw new Error("empty series");
  const fwd = n >= 3 ? ((last[1] - (sorted[n - 3]?.[1] ?? last[1])) / 2) * damping : 0;
  const back = n >= 2 ? ((sorted[1]?.[1] ?? first[1]) - first[1]) * damping : 0;
  for (let y = last[0] + 1; y <= toYear; y++) out.set(y, last[1] + fwd * (y - last[0]));
  for (let y = first[0] - 1; y >= fromYear; y--) out.set(y, first[1] - back * (first[0] - y));
  return [...out.entries()].sort((a, b) => a[0] - b[0]);
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Element models
// ---------------------------------------------------------------------------------------------

/** A level distributed over provinces by weight ∝ GRDP^a × population^b × urban^c × noise. */
interface LevelModel {
  readonly kind: "level";
  /** National value: year-end level for stocks, annual total for flows. */
  readonly path: Path;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly sd: number;
  readonly season?: readonly [number, number, number, number];
}

/** A ratio of another element (`of`): national path shifted by development level and noise. */
interface RatioModel {
  readonly kind: "ratio";
  readonly of: string;
  readonly path: Path;
  /** Logit (bounded) or log (unbounded) shift per unit of log development level. */
  readonly elasticity: number;
  /** Persistent provincial effect (sd), its yearly trend (sd) and quarter noise (sd). */
  readonly sd: number;
  readonly trendSd?: number;
  readonly noiseSd?: number;
  /** Ratios ≤ 1 (shares) are shifted in logit space; others in log space. */
  readonly bounded?: boolean;
}

/** A value for the nation only (elements with area rule `none`). */
interface NationalModel {
  readonly kind: "national";
  readonly path: Path;
}

type Model = LevelModel | RatioModel | NationalModel;

const P = (...pts: [number, number][]): Path => pts;
/** A path of yearly values from 2020. */
const from2020 = (values: readonly number[]): Path => values.map((v, i) => [FIRST_YEAR + i, v] as const);

const level = (
  path: readonly number[],
  [a, b, c]: readonly [number, number, number],
  sd: number,
  season?: readonly [number, number, number, number],
): LevelModel => ({ kind: "level", path: from2020(path), a, b, c, sd, ...(season ? { season } : {}) });

/** A share (≤ 1) of `of`: [elasticity, provincial sd, trend sd, quarter noise sd]. */
const share = (
  of: string,
  path: readonly number[],
  [elasticity, sd, trendSd = 0, noiseSd = 0]: number[],
): RatioModel => ({
  kind: "ratio",
  of,
  path: from2020(path),
  elasticity: elasticity ?? 0,
  sd: sd ?? 0,
  trendSd,
  noiseSd,
  bounded: true,
});

/** National population (mid-year estimates, rounded). */
const POPULATION_PATH = from2020([
  97_580_000, 98_510_000, 99_460_000, 100_300_000, 101_110_000, 101_900_000, 102_700_000,
]);

/**
 * Models for every element except POP_TOTAL, GRDP and the digital-economy value added (made by
 * `makeDigitalEconomy`). Listed in dependency order: a ratio's base comes first. Paths run 2020–2026.
 */
const MODELS: readonly (readonly [string, Model])[] = [
  ["POP_15PLUS", share("POP_TOTAL", [0.755, 0.757, 0.759, 0.761, 0.763, 0.765, 0.767], [0.05, 0.04])],
  ["POP_ADULT", share("POP_TOTAL", [0.715, 0.718, 0.721, 0.724, 0.727, 0.73, 0.733], [0.05, 0.04])],
  ["POP_WORKING_AGE", share("POP_TOTAL", [0.665, 0.666, 0.667, 0.668, 0.669, 0.67, 0.671], [0.04, 0.04])],
  ["HOUSEHOLDS", share("POP_TOTAL", [0.283, 0.285, 0.287, 0.289, 0.291, 0.293, 0.295], [0.05, 0.04])],
  ["LABOUR_FORCE", share("POP_TOTAL", [0.561, 0.515, 0.523, 0.526, 0.528, 0.53, 0.531], [0, 0.05, 0, 0.01])],
  [
    "DE_WORKERS",
    share("LABOUR_FORCE", [0.0145, 0.0156, 0.017, 0.0182, 0.0195, 0.0208, 0.022], [1.4, 0.2, 0.03, 0.02]),
  ],
  [
    "IT_WORKERS",
    share("LABOUR_FORCE", [0.0095, 0.0101, 0.0108, 0.0115, 0.0122, 0.013, 0.0137], [1.6, 0.2, 0.03, 0.02]),
  ],
  ["ADULTS_SMARTPHONE", share("POP_ADULT", [0.68, 0.73, 0.77, 0.8, 0.83, 0.85, 0.87], [0.8, 0.15, 0.03])],
  [
    "POP15_PAYMENT_ACCOUNT",
    share("POP_15PLUS", [0.56, 0.62, 0.68, 0.75, 0.82, 0.87, 0.9], [0.9, 0.15, 0.03]),
  ],
  [
    "ADULTS_DIGITAL_SIGNATURE",
    share("POP_ADULT", [0.01, 0.03, 0.08, 0.16, 0.26, 0.36, 0.44], [1, 0.25, 0.05]),
  ],
  [
    "WORKING_AGE_DIGITAL_SKILLS",
    share("POP_WORKING_AGE", [0.05, 0.12, 0.22, 0.34, 0.46, 0.56, 0.63], [0.6, 0.25, 0.05]),
  ],
  [
    "ADULTS_ONLINE_PUBLIC_SERVICE",
    share("POP_ADULT", [0.12, 0.2, 0.3, 0.4, 0.48, 0.54, 0.6], [1, 0.2, 0.04]),
  ],
  ["PERSONS_EHEALTH_RECORD", share("POP_TOTAL", [0.04, 0.12, 0.3, 0.55, 0.74, 0.86, 0.91], [0.6, 0.3, 0.05])],
  ["HOUSEHOLDS_FIBRE", share("HOUSEHOLDS", [0.68, 0.73, 0.77, 0.81, 0.845, 0.87, 0.89], [1.2, 0.2, 0.03])],
  [
    "INTERNET_SUBSCRIPTIONS",
    // Subscriptions per person exceed 1: shifted in log space, not logit.
    {
      kind: "ratio",
      of: "POP_TOTAL",
      path: from2020([0.85, 0.92, 0.98, 1.03, 1.08, 1.12, 1.15]),
      elasticity: 0.5,
      sd: 0.08,
    },
  ],
  [
    "INTERNET_SUBS_PROTECTED",
    share("INTERNET_SUBSCRIPTIONS", [0.15, 0.25, 0.35, 0.45, 0.55, 0.63, 0.68], [0.5, 0.2, 0.03]),
  ],
  [
    "ENT_ACTIVE",
    level([812_000, 835_000, 868_000, 900_000, 935_000, 970_000, 1_005_000], [1.1, 0, 0.5], 0.1),
  ],
  ["SME_ACTIVE", share("ENT_ACTIVE", [0.97, 0.97, 0.971, 0.971, 0.972, 0.972, 0.972], [-0.1, 0.15])],
  ["ENT_ECONTRACT_USERS", share("ENT_ACTIVE", [0.22, 0.35, 0.5, 0.6, 0.67, 0.73, 0.78], [1, 0.25, 0.04])],
  ["ENT_ETAX_FILERS", share("ENT_ACTIVE", [0.985, 0.99, 0.993, 0.995, 0.996, 0.997, 0.997], [0.5, 0.2])],
  ["ENT_EINVOICE_USERS", share("ENT_ACTIVE", [0.55, 0.7, 0.99, 0.995, 0.996, 0.997, 0.997], [0.5, 0.2])],
  ["SME_PLATFORM_USERS", share("SME_ACTIVE", [0.17, 0.23, 0.29, 0.34, 0.38, 0.42, 0.46], [1, 0.25, 0.04])],
  ["SME_PLATFORM_REGULAR", share("SME_ACTIVE", [0.1, 0.15, 0.22, 0.27, 0.31, 0.34, 0.37], [1, 0.25, 0.04])],
  ["SME_SMEDX_REACHED", share("SME_ACTIVE", [0.01, 0.15, 0.4, 0.62, 0.7, 0.75, 0.78], [0.6, 0.3, 0.05])],
  ["DIGITAL_TECH_ENT", level([58_000, 64_000, 70_000, 73_800, 76_500, 80_000, 84_000], [1.3, 0, 1], 0.15)],
  ["DIGITAL_PLATFORM_ENT", level([1_100, 1_400, 1_750, 2_050, 2_350, 2_650, 2_950], [1.6, 0, 1.5], 0.25)],
  ["OPEN_DATA_ENT", level([600, 1_500, 3_500, 6_000, 9_000, 12_000, 15_000], [1.3, 0, 0.5], 0.25)],
  ["SECTOR_PLATFORMS_DEPLOYED", { kind: "national", path: from2020([6, 12, 22, 35, 48, 60, 70]) }],
  ["POSTAL_ECOM_POINTS", level([9_000, 10_200, 11_300, 12_200, 12_900, 13_500, 14_000], [0, 1, 0], 0.15)],
  [
    "RETAIL_SALES",
    level(
      [5_060_000, 4_790_000, 5_680_000, 6_230_000, 6_790_000, 7_400_000, 8_000_000],
      [0.5, 0.5, 0.3],
      0.08,
      [0.24, 0.245, 0.25, 0.265],
    ),
  ],
  [
    "ECOM_REVENUE",
    share("RETAIL_SALES", [0.055, 0.066, 0.075, 0.082, 0.088, 0.094, 0.1], [1.5, 0.2, 0.03, 0.03]),
  ],
  [
    "BUDGET_SPEND",
    level(
      [1_150_000, 1_120_000, 1_250_000, 1_350_000, 1_450_000, 1_600_000, 1_700_000],
      [0.4, 0.6, 0],
      0.1,
      [0.2, 0.24, 0.24, 0.32],
    ),
  ],
  [
    "DX_BUDGET_SPEND",
    share("BUDGET_SPEND", [0.006, 0.008, 0.01, 0.012, 0.013, 0.015, 0.016], [0.8, 0.3, 0.05, 0.1]),
  ],
  [
    "ADMIN_APPLICATIONS",
    level(
      [60_000_000, 58_000_000, 63_000_000, 65_000_000, 67_000_000, 69_000_000, 71_000_000],
      [0, 0.9, 0.2],
      0.1,
      [0.23, 0.25, 0.25, 0.27],
    ),
  ],
  [
    "ONLINE_APPLICATIONS",
    share("ADMIN_APPLICATIONS", [0.08, 0.15, 0.22, 0.3, 0.4, 0.5, 0.56], [1, 0.3, 0.05, 0.03]),
  ],
  [
    "PUBLIC_SERVICES_TOTAL",
    level([120_000, 117_000, 114_500, 112_000, 110_000, 108_000, 106_000], [0, 0, 0], 0.08),
  ],
  [
    "PUBLIC_SERVICES_FULL_ONLINE",
    share("PUBLIC_SERVICES_TOTAL", [0.12, 0.22, 0.3, 0.38, 0.45, 0.52, 0.58], [0.5, 0.3, 0.05]),
  ],
  ["EDU_FACILITIES_URBAN", level([16_000, 16_150, 16_300, 16_450, 16_600, 16_750, 16_900], [0, 1, 1], 0.08)],
  [
    "EDU_FACILITIES_URBAN_CASHLESS",
    share("EDU_FACILITIES_URBAN", [0.15, 0.3, 0.5, 0.66, 0.78, 0.86, 0.9], [1, 0.3, 0.05]),
  ],
  ["HEALTH_FACILITIES_URBAN", level([7_500, 7_600, 7_700, 7_800, 7_900, 8_000, 8_100], [0, 1, 1], 0.1)],
  [
    "HEALTH_FACILITIES_URBAN_CASHLESS",
    share("HEALTH_FACILITIES_URBAN", [0.1, 0.2, 0.35, 0.52, 0.66, 0.76, 0.82], [1, 0.3, 0.05]),
  ],
  ["HAMLETS", level([84_000, 80_000, 78_000, 76_500, 75_000, 74_000, 73_500], [0, 0.7, 0], 0.1)],
  ["HAMLETS_CDT_TEAM", share("HAMLETS", [0.005, 0.8, 0.97, 0.99, 0.995, 0.996, 0.997], [0, 0.4])],
  ["IOC_CENTRES", level([25, 45, 70, 95, 120, 140, 150], [0.5, 0, 1], 0.3)],
];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** The time grid: quarters (index qi) and years (index yi) from 2020. */
interface Calendar {
  readonly quarters: readonly Period[];
  /** Years with at least one generated quarter. */
  readonly years: readonly number[];
  /** Years whose four quarters are all generated (annual elements are emitted for these). */
  readonly fullYears: readonly number[];
}

function calendar(lastQuarter: string): Calendar {
  const last = tryParsePeriod(lastQuarter);
  if (last?.kind !== "Q" || last.year < FIRST_YEAR) {
    throw new DxmError(
      "invalid_parameter",
      `lastQuarter: "${lastQuarter}" is not a quarter from ${DEMO_FIRST_QUARTER} on (e.g. 2026-Q3)`,
      {
        field: "lastQuarter",
        messageVi: `lastQuarter: "${lastQuarter}" không phải một quý từ ${DEMO_FIRST_QUARTER} trở đi (ví dụ 2026-Q3)`,
      },
    );
  }
  const quarters = quarterRange({ year: FIRST_YEAR, kind: "Q", index: 1 }, last);
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= last.year; y++) years.push(y);
  const fullYears = years.filter((y) => y < last.year || last.index === 4);
  return { quarters, years, fullYears };
}

/** Values of the 63 provinces: `q[qi][p]` for quarterly elements, `y[yi][p]` for annual ones. */
interface Grid {
  readonly q: Float64Array[];
  readonly y: Float64Array[];
}

class Generator {
  readonly n: number;
  readonly codes: readonly string[];
  readonly grdp2020: Float64Array;
  readonly pop2020: Float64Array;
  readonly urban: Float64Array;
  /** Development level: relative GRDP per head and urbanisation, about 0.6–1.8. */
  readonly dev: Float64Array;
  readonly values = new Map<string, Grid>();
  readonly national = new Map<string, Float64Array>();

  constructor(
    readonly seed: number,
    readonly cal: Calendar,
    provinces: readonly Area[],
    readonly elements: ReadonlyMap<string, DataElement>,
  ) {
    this.codes = provinces.map((p) => p.code);
    this.n = this.codes.length;
    const raw = this.codes.map((c) => {
      const prof = PROFILES[c];
      if (!prof) throw new Error(`demo: no profile for 2008 province ${c}`);
      return prof;
    });
    const fixed = Object.values(FIXED_GDP_SHARES).reduce((s, v) => s + v, 0);
    const restRaw = raw.reduce(
      (s, [g], i) => s + (FIXED_GDP_SHARES[this.codes[i] ?? ""] === undefined ? g : 0),
      0,
    );
    this.grdp2020 = Float64Array.from(raw, ([g], i) => {
      const share = FIXED_GDP_SHARES[this.codes[i] ?? ""];
      return GDP_2020 * (share ?? ((1 - fixed) * g) / restRaw);
    });
    this.pop2020 = Float64Array.from(raw, ([, p]) => p * 1000);
    this.urban = Float64Array.from(raw, ([, , u]) => u);
    const gdpPc = sum(this.grdp2020) / sum(this.pop2020);
    const urbanMean = weightedMean(this.urban, this.pop2020);
    this.dev = Float64Array.from(this.codes, (_, i) => {
      const pc = (this.grdp2020[i] ?? 0) / (this.pop2020[i] ?? 1) / gdpPc;
      const u = (this.urban[i] ?? 0) / urbanMean;
      return clamp(0.5 * Math.sqrt(pc) + 0.5 * Math.sqrt(u), 0.55, 1.9);
    });
  }

  rng(label: string): Rng {
    return rngFor(this.seed, label);
  }

  element(code: string): DataElement {
    const e = this.elements.get(code);
    if (!e) throw new Error(`demo: unknown element ${code}`);
    return e;
  }

  grid(code: string): Grid {
    const g = this.values.get(code);
    if (!g) throw new Error(`demo: ${code} used before it was generated`);
    return g;
  }

  /** A province's value of `code` for quarter `qi` (an annual element gives its year's value). */
  valueAt(code: string, qi: number, p: number): number {
    const g = this.grid(code);
    if (this.element(code).frequency === "annual") {
      const year = this.cal.quarters[qi]?.year ?? FIRST_YEAR;
      return g.y[year - FIRST_YEAR]?.[p] ?? 0;
    }
    return g.q[qi]?.[p] ?? 0;
  }

  store(code: string, grid: Grid): void {
    const e = this.element(code);
    const round = rounder(e);
    for (const row of [...grid.q, ...grid.y])
      for (let p = 0; p < row.length; p++) row[p] = Math.max(0, round(row[p] ?? 0));
    this.values.set(code, grid);
  }

  emptyGrid(): Grid {
    return {
      q: this.cal.quarters.map(() => new Float64Array(this.n)),
      y: this.cal.years.map(() => new Float64Array(this.n)),
    };
  }

  /**
   * POP_TOTAL: each province grows at its own rate (faster where more urban; Bình Dương fastest),
   * then the provinces are scaled to the national path.
   */
  makePopulation(path: Path): void {
    const rng = this.rng("POP_TOTAL");
    const growth = Float64Array.from(this.codes, (c, p) =>
      c === "74" ? 0.025 : 0.003 + 0.012 * (this.urban[p] ?? 0.3) + rng.normal(0.002),
    );
    const grid = this.emptyGrid();
    this.cal.years.forEach((year, yi) => {
      const raw = Float64Array.from(
        this.pop2020,
        (v, p) => v * (1 + (growth[p] ?? 0)) ** (year - FIRST_YEAR),
      );
      const f = atTime(path, year) / sum(raw);
      const row = grid.y[yi];
      if (row) for (let p = 0; p < this.n; p++) row[p] = (raw[p] ?? 0) * f;
    });
    this.store("POP_TOTAL", grid);
  }

  /** Annual GRDP per province for every year, then split into quarters. */
  makeGrdp(): Float64Array[] {
    const rng = this.rng("GRDP");
    const persistent = Float64Array.from(this.codes, () => rng.normal(0.008));
    const annual: Float64Array[] = [];
    let prev = this.grdp2020;
    for (const year of this.cal.years) {
      if (year === FIRST_YEAR) {
        annual.push(Float64Array.from(prev));
        continue;
      }
      const g = GDP_GROWTH[year] ?? GDP_GROWTH[2026] ?? 0.09;
      const next = Float64Array.from(prev, (v, i) => {
        const covid = year === 2021 && COVID_2021.has(this.codes[i] ?? "") ? -0.05 : 0;
        return v * (1 + g + (persistent[i] ?? 0) + rng.normal(0.01) + covid);
      });
      annual.push(next);
      prev = next;
    }
    const grid = this.emptyGrid();
    const season = this.codes.map(() => normalise(GRDP_SEASON.map((s) => s * (1 + rng.normal(0.005)))));
    this.cal.quarters.forEach((q, qi) => {
      const annualValues = annual[q.year - FIRST_YEAR];
      const row = grid.q[qi];
      if (!annualValues || !row) return;
      for (let p = 0; p < this.n; p++) row[p] = (annualValues[p] ?? 0) * (season[p]?.[q.index - 1] ?? 0.25);
    });
    this.store("GRDP", grid);
    return annual;
  }

  /**
   * DE_CORE_VA, DE_DIGITALISED_VA and the three Decision 411 components, calibrated as described in
   * the module header.
   */
  makeDigitalEconomy(
    annualGrdp: readonly Float64Array[],
    gso: Path,
    mic: Path,
    published2022: ReadonlyMap<string, number>,
  ): void {
    const rng = this.rng("DE");
    const n = this.n;
    const share2022 = new Float64Array(n);
    const w2022 = annualGrdp[2022 - FIRST_YEAR] ?? annualGrdp[annualGrdp.length - 1] ?? new Float64Array(n);
    const total2022 = sum(w2022);
    const target2022 = atTime(gso, 2022) / 100;
    // Published provinces: 93 % (± 1 %) of the ministry's figure.
    let publishedPart = 0;
    const free: number[] = [];
    const raw = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const v = published2022.get(this.codes[p] ?? "");
      const jitter = rng.uniform(-0.01, 0.01);
      const effect = rng.normal(0.2);
      if (v !== undefined) {
        share2022[p] = (v / 100) * (PUBLISHED_PLACEMENT + jitter);
        publishedPart += (share2022[p] ?? 0) * (w2022[p] ?? 0);
      } else {
        free.push(p);
        raw[p] = Math.exp(effect) * (this.dev[p] ?? 1) ** 1.2 * (ELECTRONICS_LEAN[this.codes[p] ?? ""] ?? 1);
      }
    }
    const values = [...published2022.values()];
    const floor = Math.min(...values) / 100;
    const cap = (published2022.get("01") ?? 17.15) / 100;
    const needed = target2022 * total2022 - publishedPart;
    // Bisection on a common scale k: Σ w·clamp(k·raw, floor, cap) = needed.
    const fill = (k: number) =>
      free.reduce((s, p) => s + (w2022[p] ?? 0) * clamp(k * (raw[p] ?? 0), floor, cap), 0);
    let lo = 0;
    let hi = 10;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (fill(mid) < needed) lo = mid;
      else hi = mid;
    }
    for (const p of free) share2022[p] = clamp(lo * (raw[p] ?? 0), floor, cap);

    // Other years: a provincial trend, then one common factor so the nation follows the series.
    const trend = Float64Array.from(this.codes, () => rng.normal(0.04));
    const shareByYear = this.cal.years.map((year, yi) => {
      const g = annualGrdp[yi] ?? new Float64Array(n);
      const s = Float64Array.from(share2022, (v, p) => v * Math.exp((trend[p] ?? 0) * (year - 2022)));
      const factor = ((atTime(gso, year) / 100) * sum(g)) / dot(s, g);
      return s.map((v) => v * factor);
    });

    // Digitalised share: national path by the statistics office's split, leaning to urban areas,
    // at most 60 % of the province's digital economy.
    const digPath = P(
      [2020, 0.0475],
      [2021, 0.0485],
      [2022, 0.0488],
      [2023, 0.0495],
      [2024, 0.0501],
      [2025, 0.056],
    );
    const lean = Float64Array.from(this.codes, (_, p) =>
      clamp(Math.sqrt((this.urban[p] ?? 0.3) / 0.37) * Math.exp(rng.normal(0.15)), 0.6, 1.6),
    );
    const digByYear = this.cal.years.map((year, yi) => {
      const g = annualGrdp[yi] ?? new Float64Array(n);
      const s = shareByYear[yi] ?? new Float64Array(n);
      let d = Float64Array.from(lean, (v) => v * atTime(digPath, year));
      for (let it = 0; it < 4; it++) {
        d = d.map((v, p) => Math.min(v, 0.6 * (s[p] ?? 0)));
        const f = (atTime(digPath, year) * sum(g)) / dot(d, g);
        d = d.map((v) => v * f);
      }
      return d.map((v, p) => Math.min(v, 0.6 * (s[p] ?? 0)));
    });

    // Decision 411 components: the ministry's series over the statistics office's, per year.
    const micEffect = Float64Array.from(this.codes, () => Math.exp(rng.normal(0.05)));
    const sectorSplit = this.codes.map(() =>
      [0.17, 0.28, 0.205, 0.19].map((v) => v * Math.exp(rng.normal(0.1))),
    );
    const platformLean = Float64Array.from(this.codes, (_, p) => (this.dev[p] ?? 1) ** 1.5);

    const grids = {
      core: this.emptyGrid(),
      dig: this.emptyGrid(),
      ict: this.emptyGrid(),
      platform: this.emptyGrid(),
      sectoral: this.emptyGrid(),
      G: this.emptyGrid(),
      M: this.emptyGrid(),
      O: this.emptyGrid(),
      P: this.emptyGrid(),
    };
    const grdp = this.grid("GRDP");
    for (const year of this.cal.years) {
      const yi = year - FIRST_YEAR;
      const qis = this.cal.quarters.flatMap((q, qi) => (q.year === year ? [qi] : []));
      for (let p = 0; p < n; p++) {
        const s = shareByYear[yi]?.[p] ?? 0;
        const d = digByYear[yi]?.[p] ?? 0;
        const ratio = (atTime(mic, year) / atTime(gso, year)) * (micEffect[p] ?? 1);
        const micShare = s * ratio;
        const coreFrac = s > 0 ? (s - d) / s : 0.6;
        const ictFrac = clamp(0.6 * (coreFrac / 0.62), 0.35, 0.85);
        const platFrac = clamp(0.05 * (platformLean[p] ?? 1), 0.01, 0.12);
        // Quarter factors within ±3 %, centred over the year.
        const eps = [0, 1, 2, 3].map(() => rng.uniform(-0.03, 0.03));
        const mean = eps.reduce((a, b) => a + b, 0) / 4;
        for (const qi of qis) {
          const qIndex = (this.cal.quarters[qi]?.index ?? 1) - 1;
          const f = 1 + (eps[qIndex] ?? 0) - mean;
          const g = grdp.q[qi]?.[p] ?? 0;
          const set = (grid: Grid, v: number) => {
            const row = grid.q[qi];
            if (row) row[p] = v;
          };
          set(grids.core, (s - d) * f * g);
          set(grids.dig, d * f * g);
          const micVa = micShare * f * g;
          const sectoral = micVa * (1 - ictFrac - platFrac);
          set(grids.ict, micVa * ictFrac);
          set(grids.platform, micVa * platFrac);
          set(grids.sectoral, sectoral);
          const split = sectorSplit[p] ?? [];
          set(grids.G, sectoral * (split[0] ?? 0));
          set(grids.M, sectoral * (split[1] ?? 0));
          set(grids.O, sectoral * (split[2] ?? 0));
          set(grids.P, sectoral * (split[3] ?? 0));
        }
      }
    }
    this.store("DE_CORE_VA", grids.core);
    this.store("DE_DIGITALISED_VA", grids.dig);
    this.store("DE_ICT_VA", grids.ict);
    this.store("DE_PLATFORM_VA", grids.platform);
    this.store("DE_SECTORAL_VA", grids.sectoral);
    this.store("DE_SECTORAL_VA_G", grids.G);
    this.store("DE_SECTORAL_VA_M", grids.M);
    this.store("DE_SECTORAL_VA_O", grids.O);
    this.store("DE_SECTORAL_VA_P", grids.P);
  }

  /** Time of a quarter's end in years: 2021-Q4 → 2021, 2022-Q1 → 2021.25. */
  static tau(q: Period): number {
    return q.year - 1 + q.index / 4;
  }

  makeLevel(code: string, m: LevelModel, annualGrdp: readonly Float64Array[]): void {
    const e = this.element(code);
    const rng = this.rng(code);
    const effect = Float64Array.from(this.codes, () => Math.exp(rng.normal(m.sd)));
    const pop = this.grid("POP_TOTAL");
    const weightsOf = (yi: number) => {
      const g = annualGrdp[yi] ?? this.grdp2020;
      const popRow = pop.y[yi] ?? pop.y[pop.y.length - 1] ?? this.pop2020;
      return normalise(
        Array.from(
          this.codes,
          (_, p) =>
            (g[p] ?? 0) ** m.a *
            (popRow[p] || (this.pop2020[p] ?? 0)) ** m.b *
            (this.urban[p] ?? 0) ** m.c *
            (effect[p] ?? 1),
        ),
      );
    };
    const grid = this.emptyGrid();
    const flow = e.timeAggregation === "sum";
    if (e.frequency === "annual") {
      this.cal.years.forEach((year, yi) => {
        const w = weightsOf(yi);
        const row = grid.y[yi];
        if (row) for (let p = 0; p < this.n; p++) row[p] = (w[p] ?? 0) * atTime(m.path, year);
      });
    } else {
      this.cal.quarters.forEach((q, qi) => {
        const w = weightsOf(q.year - FIRST_YEAR);
        const total = flow
          ? atTime(m.path, q.year) * (m.season?.[q.index - 1] ?? 0.25) * (1 + rng.normal(0.01))
          : atTime(m.path, Generator.tau(q));
        const row = grid.q[qi];
        if (row) for (let p = 0; p < this.n; p++) row[p] = (w[p] ?? 0) * total;
      });
    }
    this.store(code, grid);
  }

  makeRatio(code: string, m: RatioModel): void {
    const e = this.element(code);
    const rng = this.rng(code);
    const effect = Float64Array.from(this.codes, () => rng.normal(m.sd));
    const trend = Float64Array.from(this.codes, () => rng.normal(m.trendSd ?? 0));
    const lnDev = Float64Array.from(this.dev, (d) => Math.log(d));
    const ratioAt = (p: number, t: number, noise: number) => {
      const shift =
        m.elasticity * (lnDev[p] ?? 0) + (effect[p] ?? 0) + (trend[p] ?? 0) * (t - FIRST_YEAR) + noise;
      const base = atTime(m.path, t);
      return m.bounded
        ? expit(logit(clamp(base, 0.0005, 0.9995)) + shift)
        : Math.max(0, base * Math.exp(shift));
    };
    const grid = this.emptyGrid();
    if (e.frequency === "annual") {
      const base = this.grid(m.of);
      this.cal.years.forEach((year, yi) => {
        const row = grid.y[yi];
        const b = base.y[yi];
        if (row && b) for (let p = 0; p < this.n; p++) row[p] = ratioAt(p, year, 0) * (b[p] ?? 0);
      });
    } else {
      const flow = e.timeAggregation === "sum";
      this.cal.quarters.forEach((q, qi) => {
        const t = flow ? q.year - 1 + (q.index - 0.5) / 4 : Generator.tau(q);
        const row = grid.q[qi];
        if (!row) return;
        for (let p = 0; p < this.n; p++) {
          const noise = m.noiseSd ? rng.normal(m.noiseSd) : 0;
          row[p] = ratioAt(p, t, noise) * this.valueAt(m.of, qi, p);
        }
      });
    }
    this.store(code, grid);
  }

  makeNational(code: string, m: NationalModel): void {
    const e = this.element(code);
    const times =
      e.frequency === "annual" ? this.cal.years.map((y) => y) : this.cal.quarters.map(Generator.tau);
    const round = rounder(e);
    this.national.set(
      code,
      Float64Array.from(times, (t) => Math.max(0, round(atTime(m.path, t)))),
    );
  }
}

/** Counts are whole numbers; amounts keep one decimal (0.1 VND billion). */
function rounder(e: DataElement): (v: number) => number {
  return e.valueType === "integer" ? (v) => Math.round(v) : (v) => Math.round(v * 10) / 10;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] ?? 0;
  return s;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function weightedMean(v: ArrayLike<number>, w: ArrayLike<number>): number {
  return dot(v, w) / sum(w);
}

function normalise(values: readonly number[]): number[] {
  const total = values.reduce((s, v) => s + v, 0);
  return values.map((v) => (total > 0 ? v / total : 1 / values.length));
}

/** Aggregates the 63 values of one period into 2025 units by the element's area rule. */
function aggregate(
  e: DataElement,
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  memberIndex: readonly (readonly number[])[],
): number[] {
  const rule = e.areaAggregation;
  return memberIndex.map((idx) => {
    if (rule === "sum") return idx.reduce((s, i) => s + (values[i] ?? 0), 0);
    if (rule === "mean") return idx.reduce((s, i) => s + (values[i] ?? 0), 0) / idx.length;
    if (rule.startsWith("weighted_mean:") && weights) {
      const w = idx.reduce((s, i) => s + (weights[i] ?? 0), 0);
      return w > 0 ? idx.reduce((s, i) => s + (values[i] ?? 0) * (weights[i] ?? 0), 0) / w : 0;
    }
    throw new Error(`demo: cannot aggregate ${e.code} with rule ${rule}`);
  });
}

/** The published series the demo is calibrated to: national DE share (both) and 2022 provinces. */
function calibrationTargets(lastYear: number): { gso: Path; mic: Path; provinces2022: Map<string, number> } {
  const published = loadPublishedObservations();
  const national = (series: string) =>
    published
      .filter(
        (o) =>
          o.series === series &&
          o.code === "DE_SHARE_GDP" &&
          o.area === NATION_CODE &&
          /^\d{4}$/.test(o.period),
      )
      .map((o) => [Number(o.period), o.value] as const);
  const provinces2022 = new Map(
    published
      .filter(
        (o) =>
          o.series === "mic_estimate" &&
          o.code === "DE_SHARE_GDP" &&
          o.geography === "2008" &&
          o.area !== NATION_CODE &&
          o.period === "2022",
      )
      .map((o) => [o.area, o.value] as const),
  );
  const to = Math.max(lastYear, 2026);
  return {
    gso: extendPath(national("gso_official"), FIRST_YEAR, to),
    mic: extendPath(national("mic_estimate"), FIRST_YEAR, to, 0.5),
    provinces2022,
  };
}

/** Deterministic demo observations for every data element (see the module header). */
export function generateDemoObservations(options: DemoOptions = {}): Observation[] {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const cal = calendar(options.lastQuarter ?? DEMO_DEFAULT_LAST_QUARTER);
  const areas = loadAreas();
  const provinces = provincesOf(areas, "2008");
  const units = provincesOf(areas, "2025");
  const elements = new Map(dataElements.map((e) => [e.code, e]));
  const gen = new Generator(seed, cal, provinces, elements);
  const targets = calibrationTargets(cal.years[cal.years.length - 1] ?? FIRST_YEAR);

  // Population first (it weights the levels), then GRDP and the digital economy, then the rest.
  gen.makePopulation(POPULATION_PATH);
  const annualGrdp = gen.makeGrdp();
  gen.makeDigitalEconomy(annualGrdp, targets.gso, targets.mic, targets.provinces2022);
  for (const [code, m] of MODELS) {
    if (m.kind === "level") gen.makeLevel(code, m, annualGrdp);
    else if (m.kind === "ratio") gen.makeRatio(code, m);
    else gen.makeNational(code, m);
  }
  const missing = dataElements.filter((e) => !gen.values.has(e.code) && !gen.national.has(e.code));
  if (missing.length > 0) throw new Error(`demo: no model for ${missing.map((e) => e.code).join(", ")}`);

  // Emit.
  const index2008 = new Map(gen.codes.map((c, i) => [c, i]));
  const memberIndex = units.map((u) => u.members.map((m) => index2008.get(m) ?? -1));
  const out: Observation[] = [];
  const push = (code: string, ref: AreaRef, period: string, value: number) => {
    out.push({
      series: "demo",
      code,
      target: "element",
      geography: ref.geography,
      area: ref.code,
      period,
      value,
      status: "estimate",
      note: DEMO_NOTE,
    });
  };
  const emitPeriod = (
    e: DataElement,
    period: Period,
    row: ArrayLike<number>,
    weights: ArrayLike<number> | undefined,
  ) => {
    const text = formatPeriod(period);
    const geography: Geography = geographyOfPeriod(period);
    if (geography === "2008") {
      for (let p = 0; p < gen.n; p++)
        push(e.code, { geography, code: gen.codes[p] ?? "" }, text, row[p] ?? 0);
    } else {
      const agg = aggregate(e, row, weights, memberIndex);
      const round = rounder(e);
      units.forEach((u, i) => {
        push(e.code, { geography, code: u.code }, text, round(agg[i] ?? 0));
      });
    }
  };
  const weightCode = (e: DataElement) =>
    e.areaAggregation.startsWith("weighted_mean:") ? e.areaAggregation.slice("weighted_mean:".length) : null;

  for (const e of dataElements) {
    const nat = gen.national.get(e.code);
    if (nat) {
      const periods: Period[] =
        e.frequency === "annual"
          ? cal.fullYears.map((year) => ({ year, kind: "Y", index: 1 }))
          : [...cal.quarters];
      periods.forEach((period, i) => {
        const v = e.frequency === "annual" ? nat[period.year - FIRST_YEAR] : nat[i];
        push(
          e.code,
          { geography: geographyOfPeriod(period), code: NATION_CODE },
          formatPeriod(period),
          v ?? 0,
        );
      });
      continue;
    }
    const grid = gen.grid(e.code);
    const wc = weightCode(e);
    if (e.frequency === "annual") {
      for (const year of cal.fullYears) {
        const yi = year - FIRST_YEAR;
        const w = wc ? gen.grid(wc).y[yi] : undefined;
        emitPeriod(e, { year, kind: "Y", index: 1 }, grid.y[yi] ?? [], w);
      }
    } else {
      cal.quarters.forEach((q, qi) => {
        const w = wc ? gen.grid(wc).q[qi] : undefined;
        emitPeriod(e, q, grid.q[qi] ?? [], w);
      });
    }
  }
  return out;
}
