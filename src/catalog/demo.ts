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
 * The digital economy: the series stores value added by industry (`VA_<code>`, the 28 industries of
 * `industries.ts`) and the platform economy (`DE_PLATFORM_VA`), not the digital economy's other
 * components (`DEMO_DERIVED_ELEMENTS`): the recompute derives those from value added and the demo
 * input–output table (`demo-io.ts`), and the calibration below goes through the same derivation:
 * core = Σ core VA, digitalised = Σ_{j∉D} VAⱼ·δⱼ(direct), sectoral = Σ_{j∉D} VAⱼ·δⱼ(total).
 * - Structure: each province's non-core value added is split by the national pattern of the table ×
 *   regional and provincial leans (agriculture in the Mekong delta and the highlands, mining in
 *   Quảng Ninh and Bà Rịa–Vũng Tàu, hydropower in the north-west, tourism, ports) × development
 *   elasticities (finance and professional services in the big cities, public administration and
 *   education where income is low) × noise, fitted so the nation has the table's structure. Total
 *   value added is 89.5–91.5 % of GRDP (the rest is product taxes less subsidies).
 * - Statistics office's share (core + digitalised over GRDP): each year the nation equals the
 *   `gso_official` series (2020–2025; later years continue the trend of the last two changes). In
 *   2022 the 13 provinces with a published ministry figure sit at 93 % (± 1 %) of it, inside the
 *   ±10 % band on its lower side (the published top provinces are high, Bắc Ninh 56.83 %, for a
 *   national 12.8 %, and the two figures come from different methods). The other 50 share what is
 *   left of the national total, each at its floor plus a common multiple of its own weight
 *   (development level, electronics lean, noise), at most Hà Nội's 17.15 %. The floor is the
 *   lowest published value (4.21 %) or, if higher, the province's own digitalised part plus its
 *   smallest core (≈ 0.6 % of GRDP, more where more developed). They come out at 5–8.5 %, GRDP-
 *   weighted mean ≈ 6.4 % (the ministry counted 43 provinces at 5–10 %, 13 at 10–20 %).
 * - Core and digitalised parts: the digitalised part follows the office's split (4.75 % of GDP in
 *   2020 to 5.01 % in 2024 and 5.6 % in 2025), so the core is ≈ 62 % of the share; each year one
 *   national tilt of the industry mix toward the digitally intensive industries (weights × e^{θ·δⱼ})
 *   hits it, capped per province so its core stays at least its smallest core (a few low-share
 *   provinces lean away from public administration and education). The core is what is left of the province's
 *   share: telecoms, ICT trade, repair and IT services by development level and urbanisation (IT
 *   services growing 3 % a year), at most 85 % of it; electronics (C26) takes the rest, so Bắc Ninh,
 *   Thái Nguyên, Bắc Giang, Hải Phòng and Vĩnh Phúc are electronics economies and the 2022–23 dip
 *   of the office's series is an electronics dip.
 * - Quarters: the core groups move by a factor within ±3 %, centred over the year; the other
 *   industries follow the quarter's GRDP.
 * - Decision 411 (core + platform + sectoral over GRDP): the platform economy takes up what the
 *   ministry's series (2021–2024, extended at half the recent trend) leaves over core + sectoral,
 *   spread over provinces by GRDP × development level^1.5 × noise; it is 0 where there is nothing
 *   left (2020, where the backward extension of the series is below core + sectoral).
 * - Spillover by sector (sectoral digital economy by industry, total intensities): M, O, P and G
 *   come first, in the session's order, but 4.5–6.5 points under its figures (see `demo-io.ts`).
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
import { digitalIntensity } from "../methods/io.ts";
import { loadAreas, provincesOf } from "./areas.ts";
import { DEMO_IO_GDP, generateDemoIoTable } from "./demo-io.ts";
import { dataElements, PUBLISHED_ONLY_ELEMENTS } from "./indicators.ts";
import { CORE_INDUSTRIES, industries, vaElementCode } from "./industries.ts";
import { loadPublishedObservations } from "./published.ts";
import { type Rng, rngFor } from "./random.ts";

export { mulberry32 } from "./random.ts";

export const DEMO_DEFAULT_SEED = 20220331;
export const DEMO_DEFAULT_LAST_QUARTER = "2026-Q3";
export const DEMO_FIRST_QUARTER = "2020-Q1";
export const DEMO_NOTE = "demo";
/**
 * Elements the demo series does not store: the recompute derives them from value added by industry
 * and the input–output table (DESIGN §4.3).
 */
export const DEMO_DERIVED_ELEMENTS: ReadonlySet<string> = new Set([
  "DE_CORE_VA",
  "DE_ICT_VA",
  "DE_DIGITALISED_VA",
  "DE_SECTORAL_VA",
  "DE_SECTORAL_VA_G",
  "DE_SECTORAL_VA_M",
  "DE_SECTORAL_VA_O",
  "DE_SECTORAL_VA_P",
]);

const FIRST_YEAR = 2020;

export interface DemoOptions {
  /** PRNG seed (default `DEMO_DEFAULT_SEED`). */
  seed?: number;
  /** Last quarter generated, e.g. `2026-Q3` (default). */
  lastQuarter?: string;
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

/** Total value added over GRDP (the rest is taxes less subsidies on products): national mean. */
const VA_RATIO = 0.908;
/** The smallest core digital economy of a province, as a share of its GRDP (telecoms, ICT trade). */
const CORE_MIN = 0.006;
/** The service core groups take at most this share of a province's core; electronics the rest. */
const SERVICE_CORE_MAX = 0.85;
/** Yearly growth of the IT-service groups' share of GRDP (programming, data, software). */
const IT_SERVICE_GROWTH = 0.03;
/**
 * Digitalised value added (direct intensities) as a share of GDP: the statistics office's split of
 * its series (4.75 % in 2020, 5.01 % in 2024, 14.02 − 8.42 = 5.6 % in 2025).
 */
const DIGITALISED_PATH: readonly (readonly [number, number])[] = [
  [2020, 0.0475],
  [2021, 0.0485],
  [2022, 0.0488],
  [2023, 0.0495],
  [2024, 0.0501],
  [2025, 0.056],
  [2026, 0.058],
];

/** How each socio-economic region leans in agriculture and manufacturing (× the national pattern). */
const REGION_LEAN: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  TDMNPB: { A: 1.2, C: 0.8 },
  DBSH: { A: 0.7, C: 1.2 },
  BTB_DHMT: { A: 1, C: 0.9 },
  TN: { A: 1.7, C: 0.4 },
  DNB: { A: 0.6, C: 1.4 },
  DBSCL: { A: 1.5, C: 0.7 },
};

/** Where a province stands out in an industry (× the national pattern). */
const INDUSTRY_LEAN: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "01": { O: 1.8, J: 2, K: 1.2, M: 1.3, U: 20 }, // Hà Nội: the capital
  "79": { K: 1.5, G: 1.3, H: 1.3, U: 4 }, // TP.HCM
  "22": { B: 30, D: 2.5, I: 2, H: 1.5 }, // Quảng Ninh: coal, power, Hạ Long
  "77": { B: 50, I: 1.5, H: 1.5 }, // Bà Rịa–Vũng Tàu: oil and gas, ports
  "31": { H: 3, C: 1.3 }, // Hải Phòng: ports
  "04": { B: 4 },
  "10": { B: 10, D: 2, I: 1.5 }, // Lào Cai: mining, hydropower, Sa Pa
  "02": { D: 3 },
  "08": { D: 2 },
  "11": { D: 2 },
  "12": { D: 6 },
  "14": { D: 6 }, // Sơn La: hydropower
  "17": { D: 4 }, // Hòa Bình: hydropower
  "15": { B: 3 },
  "19": { C: 1.3, B: 5 }, // Thái Nguyên
  "24": { C: 1.3 },
  "26": { C: 1.5 },
  "27": { C: 1.3 },
  "30": { C: 1.4 },
  "33": { C: 1.5 },
  "37": { B: 3 },
  "38": { C: 1.3, B: 2 }, // Thanh Hóa: Nghi Sơn refinery
  "40": { B: 2 },
  "42": { C: 1.8, D: 2 }, // Hà Tĩnh: Vũng Áng steel and power
  "46": { I: 1.8 },
  "48": { I: 2.5, H: 1.5, M: 1.2 }, // Đà Nẵng
  "49": { I: 2 },
  "51": { C: 2.2 }, // Quảng Ngãi: Dung Quất refinery
  "56": { I: 3 }, // Khánh Hòa
  "58": { D: 3 }, // Ninh Thuận: solar and wind
  "60": { D: 3, I: 1.5 }, // Bình Thuận: Vĩnh Tân, Mũi Né
  "68": { I: 1.5, A: 1.2, B: 3 },
  "74": { C: 1.8 }, // Bình Dương
  "75": { C: 1.6 }, // Đồng Nai
  "80": { C: 1.4 },
  "84": { D: 2 }, // Trà Vinh: Duyên Hải power
  "91": { I: 2, B: 2 }, // Kiên Giang: Phú Quốc
  "96": { B: 4 }, // Cà Mau: gas
};

/** Where a province stands out in the service core groups (× the pattern by development level). */
const CORE_LEAN: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "01": { J61: 1.6, J62: 1.8, J631: 1.5, J582: 1.5 }, // Hà Nội: telecom and IT headquarters
  "48": { J62: 1.5, J631: 1.3 }, // Đà Nẵng: software parks
};

/** National calibration inputs derived from the demo input–output table. */
interface IoCalibration {
  /** The non-core industries, in table order. */
  readonly nonCore: readonly string[];
  /** The core groups other than electronics. */
  readonly serviceCore: readonly string[];
  /** Direct and total digital intensity of each non-core industry (same order). */
  readonly direct: Float64Array;
  readonly total: Float64Array;
  /** Value added of each industry over the table's GDP (its 2022 national structure). */
  readonly share: ReadonlyMap<string, number>;
}

function ioCalibration(): IoCalibration {
  const table = generateDemoIoTable();
  const direct = digitalIntensity(table, CORE_INDUSTRIES, "direct");
  const total = digitalIntensity(table, CORE_INDUSTRIES, "total");
  const gdp = DEMO_IO_GDP;
  const nonCore = table.codes.filter((c) => !CORE_INDUSTRIES.has(c));
  return {
    nonCore,
    serviceCore: table.codes.filter((c) => CORE_INDUSTRIES.has(c) && c !== "C26"),
    direct: Float64Array.from(nonCore, (c) => direct.get(c) ?? 0),
    total: Float64Array.from(nonCore, (c) => total.get(c) ?? 0),
    share: new Map(table.codes.map((c, i) => [c, (table.valueAdded[i] ?? 0) / gdp])),
  };
}

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
 * Models for every element except POP_TOTAL, GRDP, value added by industry and the platform economy
 * (made by `makeValueAdded`) and the derived digital-economy elements. Listed in dependency order:
 * a ratio's base comes first. Paths run 2020–2026.
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
  ["SME_ASSESSED", share("SME_ACTIVE", [0.002, 0.005, 0.01, 0.03, 0.05, 0.08, 0.1], [0.6, 0.3, 0.05])],
  [
    "SME_ASSESSED_PLATFORM_USERS",
    share("SME_ASSESSED", [0.5, 0.55, 0.6, 0.65, 0.7, 0.74, 0.78], [0.6, 0.3, 0.05]),
  ],
  [
    "SME_ASSESSED_PLATFORM_REGULAR",
    share("SME_ASSESSED", [0.2, 0.24, 0.28, 0.32, 0.36, 0.4, 0.44], [0.6, 0.3, 0.05]),
  ],
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

/** The published series the demo is calibrated to (see `calibrationTargets`). */
interface CalibrationTargets {
  readonly gso: Path;
  readonly mic: Path;
  readonly provinces2022: ReadonlyMap<string, number>;
}

/** What the value-added calibration had to do, for tests and diagnostics. */
interface ValueAddedReport {
  /** National tilt of each year toward the digitally intensive industries. */
  readonly tilt: [number, number][];
  /** `year:province` where the tilt was capped to keep the core at its minimum. */
  readonly cappedProvinces: string[];
  /** Years where core + sectoral alone exceed Decision 411's series (share of GDP over). */
  readonly platformShortfall: [number, number][];
}

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
  /** Socio-economic region of each province (2008 geography). */
  readonly regions: readonly string[];
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
    this.regions = provinces.map((p) => p.parent ?? "");
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
   * Shares of the 2022 digital economy (statistics office's method) over GRDP for the 63 provinces:
   * the 13 published ones at `PUBLISHED_PLACEMENT` of their figure, the others sharing what is left
   * of the national total above their own floor (at least the lowest published value), at most Hà
   * Nội's figure. Then every year: a provincial trend and one national factor so the nation follows
   * the statistics office's series.
   */
  gsoShares(
    annualGrdp: readonly Float64Array[],
    gso: Path,
    published2022: ReadonlyMap<string, number>,
    floorOf: (p: number, lowest: number) => number,
  ): Float64Array[] {
    const rng = this.rng("DE");
    const n = this.n;
    const share2022 = new Float64Array(n);
    const w2022 = annualGrdp[2022 - FIRST_YEAR] ?? annualGrdp[annualGrdp.length - 1] ?? new Float64Array(n);
    const total2022 = sum(w2022);
    const target2022 = atTime(gso, 2022) / 100;
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
    const lowest = Math.min(...values) / 100;
    const cap = (published2022.get("01") ?? 17.15) / 100;
    const floor = Float64Array.from(this.codes, (_, p) => Math.min(cap, floorOf(p, lowest)));
    const needed = target2022 * total2022 - publishedPart;
    // Bisection on a common scale k: Σ w·min(floor + k·raw, cap) = needed, so every province has a
    // digital economy above its floor, by its own weight.
    const fill = (k: number) =>
      free.reduce((s, p) => s + (w2022[p] ?? 0) * Math.min(cap, (floor[p] ?? 0) + k * (raw[p] ?? 0)), 0);
    let lo = 0;
    let hi = 10;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (fill(mid) < needed) lo = mid;
      else hi = mid;
    }
    for (const p of free) share2022[p] = Math.min(cap, (floor[p] ?? 0) + lo * (raw[p] ?? 0));
    const trend = Float64Array.from(this.codes, () => rng.normal(0.04));
    return this.cal.years.map((year, yi) => {
      const g = annualGrdp[yi] ?? new Float64Array(n);
      const s = Float64Array.from(share2022, (v, p) => v * Math.exp((trend[p] ?? 0) * (year - 2022)));
      const factor = ((atTime(gso, year) / 100) * sum(g)) / dot(s, g);
      return s.map((v) => v * factor);
    });
  }

  /**
   * Each province's mix of the non-core industries (shares of its non-core value added, summing
   * to 1): the national pattern × regional and provincial leans × development-level elasticities ×
   * noise, then fitted (iterative proportional fitting) so the GRDP-weighted total over provinces
   * has the structure of the demo input–output table.
   */
  nonCoreMix(io: IoCalibration, weight: Float64Array): Float64Array[] {
    const rng = this.rng("VA_MIX");
    const m = io.nonCore.length;
    const mix = this.codes.map((code, p) => {
      const dev = this.dev[p] ?? 1;
      const u = (this.urban[p] ?? 0.3) / 0.37;
      const region = REGION_LEAN[this.regions[p] ?? ""] ?? {};
      const lean = INDUSTRY_LEAN[code] ?? {};
      const elasticity: Readonly<Record<string, number>> = {
        A: (Math.max(0.02, 1 - (this.urban[p] ?? 0.3)) / 0.63) ** 1.5 / dev,
        C: dev ** 0.3,
        G: dev ** 0.5 * u ** 0.3,
        H: u ** 0.4,
        J: u ** 1.2 * dev,
        K: dev ** 2.5,
        L: u ** 0.7,
        M: dev ** 3,
        N: dev ** 2,
        O: dev ** -1.3,
        P: dev ** -1.2,
        Q: dev ** -0.5,
        R: u ** 0.5,
        T: dev ** -0.5,
        B: 0.25,
        U: 0.2,
      };
      return Float64Array.from(
        io.nonCore,
        (j) =>
          (io.share.get(j) ?? 0) *
          (elasticity[j] ?? 1) *
          (region[j] ?? 1) *
          (lean[j] ?? 1) *
          Math.exp(rng.normal(0.12)),
      );
    });
    const target = Float64Array.from(io.nonCore, (j) => io.share.get(j) ?? 0);
    const normaliseRows = () => {
      for (const row of mix) {
        const t = sum(row);
        for (let j = 0; j < m; j++) row[j] = (row[j] ?? 0) / t;
      }
    };
    normaliseRows();
    for (let it = 0; it < 30; it++) {
      const totals = new Float64Array(m);
      mix.forEach((row, p) => {
        for (let j = 0; j < m; j++) totals[j] = (totals[j] ?? 0) + (row[j] ?? 0) * (weight[p] ?? 0);
      });
      const scale = sum(totals) / sum(target);
      for (const row of mix)
        for (let j = 0; j < m; j++) row[j] = ((row[j] ?? 0) * (target[j] ?? 0) * scale) / (totals[j] || 1);
      normaliseRows();
    }
    return mix;
  }

  /**
   * Value added by industry (`VA_<code>`) for every province and quarter, and the platform economy
   * (`DE_PLATFORM_VA`), calibrated through the demo input–output table as described in the module
   * header. The digital economy's other components are not stored: they are derived at recompute.
   */
  makeValueAdded(
    annualGrdp: readonly Float64Array[],
    targets: CalibrationTargets,
    io: IoCalibration,
  ): ValueAddedReport {
    const n = this.n;
    const m = io.nonCore.length;
    const rng = this.rng("VA");
    const vaRatio = Float64Array.from(this.codes, () =>
      clamp(VA_RATIO * Math.exp(rng.normal(0.008)), 0.895, 0.915),
    );
    const w2022 = annualGrdp[2022 - FIRST_YEAR] ?? annualGrdp[annualGrdp.length - 1] ?? new Float64Array(n);
    // The mix is fitted on each province's non-core value added in 2022, its core guessed from the
    // published figure where there is one.
    const coreGuess = Float64Array.from(this.codes, (c) => {
      const v = targets.provinces2022.get(c);
      return v === undefined ? 0.06 : Math.max(0.01, (PUBLISHED_PLACEMENT * v) / 100 - 0.045);
    });
    // The smallest core of each province: ≈ 0.6 % of GRDP, more where it is more developed.
    const coreMin = Float64Array.from(this.codes, (_, p) =>
      clamp(CORE_MIN * Math.sqrt(this.dev[p] ?? 1) * Math.exp(rng.normal(0.15)), 0.004, 0.012),
    );
    const mix = this.nonCoreMix(
      io,
      Float64Array.from(w2022, (g, p) => g * ((vaRatio[p] ?? VA_RATIO) - (coreGuess[p] ?? 0))),
    );

    // Digital share ρ of a province's non-core value added when its mix is tilted by ψ toward the
    // industries with more digital inputs (weights × e^{ψ·δⱼ}); ψ = 0 is the base mix.
    const tilted = (p: number, psi: number, out: Float64Array) => {
      const row = mix[p] ?? new Float64Array(m);
      let t = 0;
      for (let j = 0; j < m; j++) {
        const v = (row[j] ?? 0) * Math.exp(psi * (io.direct[j] ?? 0));
        out[j] = v;
        t += v;
      }
      for (let j = 0; j < m; j++) out[j] = (out[j] ?? 0) / t;
      return out;
    };
    const scratch = new Float64Array(m);
    const rhoOf = (p: number, psi: number) => dot(tilted(p, psi, scratch), io.direct);
    // With value added τ·GRDP, core c = s − d and non-core τ − c: d = ρ(τ − c) ⇒ d = ρ(τ − s)/(1 − ρ).
    const digitalisedOf = (rho: number, tau: number, s: number) => (rho * (tau - s)) / (1 - rho);

    // Shares of the digital economy (gso) per province and year; a province's floor keeps room for
    // its own digitalised part (base mix) plus the smallest core.
    const gsoByYear = this.gsoShares(annualGrdp, targets.gso, targets.provinces2022, (p, lowest) => {
      const rho = rhoOf(p, 0);
      const tau = vaRatio[p] ?? VA_RATIO;
      return Math.max(lowest, rho * tau + (coreMin[p] ?? CORE_MIN) * (1 - rho));
    });

    // Service core groups: a natural share of GRDP by development and urbanisation, scaled so the
    // nation has the table's structure in 2022.
    const serviceNatural = io.serviceCore.map((j) => {
      const raw = Float64Array.from(this.codes, (_, p) => {
        const dev = this.dev[p] ?? 1;
        const u = (this.urban[p] ?? 0.3) / 0.37;
        const e =
          j === "J61"
            ? u ** 0.3 * dev ** 0.3
            : j === "G465"
              ? dev ** 1.5 * u ** 0.5
              : j === "S951"
                ? u ** 0.5
                : dev ** (j === "J582" ? 3.5 : 3) * u;
        return e * (CORE_LEAN[this.codes[p] ?? ""]?.[j] ?? 1) * Math.exp(rng.normal(0.15));
      });
      const f = ((io.share.get(j) ?? 0) * sum(w2022)) / dot(raw, w2022);
      return raw.map((v) => v * f);
    });

    const shares = this.cal.years.map(() => this.codes.map(() => new Map<string, number>()));
    const report: ValueAddedReport = { tilt: [], cappedProvinces: [], platformShortfall: [] };
    const nonCoreIndex = new Map(io.nonCore.map((c, j) => [c, j]));
    this.cal.years.forEach((year, yi) => {
      const g = annualGrdp[yi] ?? new Float64Array(n);
      const s = gsoByYear[yi] ?? new Float64Array(n);
      // The largest tilt each province allows (its core at least its minimum).
      const psiMax = Float64Array.from(this.codes, (_, p) => {
        const tau = vaRatio[p] ?? VA_RATIO;
        const sp = s[p] ?? 0;
        const ok = (psi: number) => digitalisedOf(rhoOf(p, psi), tau, sp) <= sp - (coreMin[p] ?? CORE_MIN);
        if (ok(40)) return 40;
        let lo = -40;
        let hi = 40;
        if (!ok(lo)) return lo;
        for (let i = 0; i < 60; i++) {
          const mid = (lo + hi) / 2;
          if (ok(mid)) lo = mid;
          else hi = mid;
        }
        return lo;
      });
      const digitalisedTotal = (theta: number) =>
        this.codes.reduce((acc, _, p) => {
          const rho = rhoOf(p, Math.min(theta, psiMax[p] ?? 0));
          return acc + digitalisedOf(rho, vaRatio[p] ?? VA_RATIO, s[p] ?? 0) * (g[p] ?? 0);
        }, 0);
      const wanted = atTime(DIGITALISED_PATH, year) * sum(g);
      let lo = -20;
      let hi = 20;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (digitalisedTotal(mid) < wanted) lo = mid;
        else hi = mid;
      }
      const theta = (lo + hi) / 2;
      report.tilt.push([year, theta]);
      const growth = (1 + IT_SERVICE_GROWTH) ** (year - 2022);
      for (let p = 0; p < n; p++) {
        const psi = Math.min(theta, psiMax[p] ?? 0);
        if (psi < theta) report.cappedProvinces.push(`${year}:${this.codes[p]}`);
        const tau = vaRatio[p] ?? VA_RATIO;
        const sp = s[p] ?? 0;
        const w = tilted(p, psi, new Float64Array(m));
        const d = digitalisedOf(dot(w, io.direct), tau, sp);
        const core = Math.max(0, sp - d);
        const out = shares[yi]?.[p];
        if (!out) continue;
        for (let j = 0; j < m; j++) out.set(io.nonCore[j] ?? "", (tau - core) * (w[j] ?? 0));
        const natural = io.serviceCore.map((j, k) => {
          const v = serviceNatural[k]?.[p] ?? 0;
          return j === "J61" || j === "G465" || j === "S951" ? v : v * growth;
        });
        const service = natural.reduce((a, b) => a + b, 0);
        const f = service > SERVICE_CORE_MAX * core ? (SERVICE_CORE_MAX * core) / service : 1;
        io.serviceCore.forEach((j, k) => {
          out.set(j, (natural[k] ?? 0) * f);
        });
        out.set("C26", core - service * f);
      }
    });

    // The platform economy takes up what Decision 411's series leaves over core + sectoral, spread
    // over provinces by GRDP and development level.
    const platformLean = Float64Array.from(
      this.codes,
      (_, p) => (this.dev[p] ?? 1) ** 1.5 * Math.exp(rng.normal(0.2)),
    );
    const platformShare = this.cal.years.map((year, yi) => {
      const g = annualGrdp[yi] ?? new Float64Array(n);
      let core = 0;
      let sectoral = 0;
      for (let p = 0; p < n; p++) {
        const sh = shares[yi]?.[p];
        if (!sh) continue;
        for (const c of CORE_INDUSTRIES) core += (sh.get(c) ?? 0) * (g[p] ?? 0);
        for (const [c, v] of sh) {
          const j = nonCoreIndex.get(c);
          if (j !== undefined) sectoral += v * (io.total[j] ?? 0) * (g[p] ?? 0);
        }
      }
      const gap = (atTime(targets.mic, year) / 100) * sum(g) - core - sectoral;
      if (gap < 0) report.platformShortfall.push([year, gap / sum(g)]);
      const total = Math.max(0, gap);
      const weights = Float64Array.from(g, (v, p) => v * (platformLean[p] ?? 1));
      const wSum = sum(weights);
      return Float64Array.from(weights, (v, p) => (total * v) / wSum / (g[p] || 1));
    });

    // Quarters: the core groups move by a factor within ±3 %, centred over the year; the other
    // industries and the platform economy follow the quarter's GRDP.
    const grdp = this.grid("GRDP");
    const grids = new Map(industries.map((i) => [i.code, this.emptyGrid()]));
    const platform = this.emptyGrid();
    for (const year of this.cal.years) {
      const yi = year - FIRST_YEAR;
      const qis = this.cal.quarters.flatMap((q, qi) => (q.year === year ? [qi] : []));
      for (let p = 0; p < n; p++) {
        const eps = [0, 1, 2, 3].map(() => rng.uniform(-0.03, 0.03));
        const mean = eps.reduce((a, b) => a + b, 0) / 4;
        const sh = shares[yi]?.[p];
        for (const qi of qis) {
          const qIndex = (this.cal.quarters[qi]?.index ?? 1) - 1;
          const f = 1 + (eps[qIndex] ?? 0) - mean;
          const gq = grdp.q[qi]?.[p] ?? 0;
          for (const [code, grid] of grids) {
            const row = grid.q[qi];
            const v = sh?.get(code) ?? 0;
            if (row) row[p] = v * gq * (CORE_INDUSTRIES.has(code) ? f : 1);
          }
          const prow = platform.q[qi];
          if (prow) prow[p] = (platformShare[yi]?.[p] ?? 0) * gq;
        }
      }
    }
    for (const [code, grid] of grids) this.store(vaElementCode(code), grid);
    this.store("DE_PLATFORM_VA", platform);
    return report;
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
function calibrationTargets(lastYear: number): CalibrationTargets {
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
  gen.makeValueAdded(annualGrdp, targets, ioCalibration());
  for (const [code, m] of MODELS) {
    if (m.kind === "level") gen.makeLevel(code, m, annualGrdp);
    else if (m.kind === "ratio") gen.makeRatio(code, m);
    else gen.makeNational(code, m);
  }
  const stored = dataElements.filter(
    (e) => !DEMO_DERIVED_ELEMENTS.has(e.code) && !PUBLISHED_ONLY_ELEMENTS.has(e.code),
  );
  const missing = stored.filter((e) => !gen.values.has(e.code) && !gen.national.has(e.code));
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

  for (const e of stored) {
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
