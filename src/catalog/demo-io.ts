/**
 * A demo national input–output table (DESIGN §4.3, §10) over the 28 industries of `industries.ts`.
 * Vietnam's published tables are not at this breakdown and are not loaded here, so this one is
 * generated: it is **demo data**, never real, and it is stored as a demo table.
 *
 * How it is made:
 * - Each industry (column j) is described by its value added (% of GDP, 2022), its value-added
 *   ratio VAⱼ/xⱼ, the share of its intermediate inputs bought from the core digital groups (its
 *   direct digital intensity) and two weight profiles: how those digital inputs split over the core
 *   groups, and how the other inputs split over the other industries. Then xⱼ = VAⱼ / ratio and
 *   zᵢⱼ = (xⱼ − VAⱼ) × share of i. Everything is rounded to 0.001 VND billion and value added is then
 *   recomputed as xⱼ − Σᵢ zᵢⱼ, so the identity holds exactly (in thousandths) in the table and in
 *   its CSV file.
 * - Scale (2022): GDP 9.5 million VND billion, value added 90.8 % of it (the rest is taxes less
 *   subsidies on products), gross output ≈ 2.5 × GDP. Manufacturing is input-heavy (value added a
 *   quarter of output; electronics a fifth), agriculture buys almost no ICT, and the core groups sell
 *   mostly to services: professional activities (M), public administration (O), education (P),
 *   trade (G), finance (K) and the rest of information and communication (J).
 * - `year` scales every value by 8 % a year of nominal growth from 2022 (same structure); `seed`
 *   perturbs the profiles (weights ±10 %, digital shares ±5 %, value-added ratios ±3 %) for a
 *   different but similar table. Without a seed the table is the canonical one, which is also in
 *   `data/io/demo-io-2022.csv` (regenerate it with `npx tsx src/catalog/write-demo-io.ts`).
 *
 * Calibration (with the demo provincial value added of `demo.ts`): the direct intensities make the
 * digitalised value added ≈ 4.8 % of GDP (the statistics office's "số hóa" part), while the total
 * intensities keep the sectoral digital economy ≈ 3.8 % of GDP, low enough for Decision 411's 2021
 * share (11.91 %, below the office's 12.87 %) to hold with a non-negative platform economy. Both
 * constraints can only be met together if the digital inputs are concentrated in a few services
 * whose total intensity is well below their direct one, so M, O and P buy 76 %, 41 % and 26 % of
 * their intermediate inputs from the core groups: far more than in real tables (typically below
 * 15 %). Even so, the ministry's 2023 spillover shares (M 28 %, O 20.5 %, P 19 %, G 17 % of the
 * sectoral digital economy) come out lower, in the same order: M ≈ 21.6 %, O ≈ 15.8 %, P ≈ 14.2 %,
 * G ≈ 11.4 % (O and P within 5 points, M and G 5.5–6.5 points under). Reaching all four would need
 * M to buy ≈ 86 % of its inputs from the core and every industry outside M, O, P and G none at all.
 */
import type { IoTable } from "../methods/io.ts";
import { industries } from "./industries.ts";
import { type Rng, rngFor } from "./random.ts";

export const DEMO_IO_YEAR = 2022;
/** The canonical demo table as CSV, relative to `src/catalog/data/`. */
export const DEMO_IO_CSV = "io/demo-io-2022.csv";
/** GDP of the demo table's base year (VND billion, current prices). */
export const DEMO_IO_GDP = 9_500_000;
/** Nominal growth used to scale the table to another year. */
const NOMINAL_GROWTH = 0.08;

type Weights = Readonly<Record<string, number>>;

interface ColumnSpec {
  /** Value added, % of GDP in the base year. */
  readonly va: number;
  /** Value added / gross output. */
  readonly ratio: number;
  /** Share of the intermediate inputs bought from the core digital groups (direct intensity). */
  readonly digital: number;
  /** How the digital inputs split over the core groups. */
  readonly digitalFrom: Weights;
  /** How the other inputs split over the other industries. */
  readonly otherFrom: Weights;
}

/** Inputs of the information and communication services (J and its core groups). */
const ICT_SERVICE_INPUTS: Weights = {
  C: 0.25,
  L: 0.1,
  K: 0.1,
  G: 0.06,
  H: 0.06,
  D: 0.06,
  I: 0.05,
  F: 0.03,
  M: 0.03,
  J: 0.03,
  N: 0.025,
  E: 0.02,
  S: 0.02,
  A: 0.01,
  Q: 0.01,
  R: 0.01,
};
/** Digital inputs of office-based services: telecoms, IT services and equipment, cloud. */
const OFFICE_DIGITAL: Weights = {
  J62: 0.34,
  J61: 0.32,
  G465: 0.16,
  J631: 0.08,
  C26: 0.04,
  S951: 0.03,
  J582: 0.02,
};
const TELECOM_LED: Weights = { J61: 0.3, J62: 0.3, G465: 0.2, C26: 0.2 };

const COLUMNS: Readonly<Record<string, ColumnSpec>> = {
  A: {
    va: 11.8,
    ratio: 0.56,
    digital: 0.002,
    digitalFrom: { J61: 0.6, G465: 0.2, C26: 0.2 },
    otherFrom: { C: 0.45, A: 0.35, G: 0.07, H: 0.05, D: 0.03, K: 0.03, E: 0.01, F: 0.01 },
  },
  B: {
    va: 3.0,
    ratio: 0.55,
    digital: 0.006,
    digitalFrom: { J61: 0.4, J62: 0.2, C26: 0.2, G465: 0.2 },
    otherFrom: { C: 0.4, B: 0.1, D: 0.1, H: 0.1, G: 0.06, F: 0.05, K: 0.05, M: 0.04, N: 0.015 },
  },
  C: {
    va: 20.2,
    ratio: 0.24,
    digital: 0.005,
    digitalFrom: { C26: 0.75, G465: 0.1, J61: 0.07, J62: 0.05, J631: 0.03 },
    otherFrom: {
      C: 0.45,
      A: 0.14,
      G: 0.08,
      H: 0.05,
      D: 0.04,
      K: 0.03,
      B: 0.02,
      L: 0.01,
      M: 0.01,
      E: 0.01,
      F: 0.01,
      I: 0.01,
      N: 0.005,
    },
  },
  C26: {
    va: 4.4,
    ratio: 0.2,
    digital: 0.22,
    digitalFrom: { C26: 0.9, G465: 0.05, J61: 0.02, J62: 0.02, J631: 0.01 },
    otherFrom: { C: 0.65, G: 0.07, H: 0.07, D: 0.05, K: 0.05, L: 0.04, M: 0.03, N: 0.015, F: 0.01 },
  },
  D: {
    va: 3.8,
    ratio: 0.35,
    digital: 0.009,
    digitalFrom: { J61: 0.3, J62: 0.3, C26: 0.2, G465: 0.1, J631: 0.1 },
    otherFrom: { D: 0.3, B: 0.2, C: 0.2, F: 0.08, K: 0.08, H: 0.04, G: 0.03, M: 0.02 },
  },
  E: {
    va: 0.6,
    ratio: 0.45,
    digital: 0.01,
    digitalFrom: { J61: 0.5, J62: 0.3, G465: 0.2 },
    otherFrom: { C: 0.3, D: 0.3, F: 0.1, G: 0.1, H: 0.1, K: 0.06, N: 0.02 },
  },
  F: {
    va: 6.2,
    ratio: 0.3,
    digital: 0.005,
    digitalFrom: TELECOM_LED,
    otherFrom: { C: 0.55, G: 0.1, B: 0.08, H: 0.06, F: 0.05, L: 0.04, K: 0.04, M: 0.02 },
  },
  G: {
    va: 8.6,
    ratio: 0.62,
    digital: 0.063,
    digitalFrom: { J61: 0.35, J62: 0.28, J631: 0.2, G465: 0.1, J582: 0.04, S951: 0.03 },
    otherFrom: { H: 0.22, L: 0.15, K: 0.14, C: 0.14, D: 0.08, G: 0.05, N: 0.03, I: 0.03, M: 0.02, F: 0.02 },
  },
  G465: {
    va: 0.95,
    ratio: 0.5,
    digital: 0.2,
    digitalFrom: { J61: 0.3, J62: 0.25, G465: 0.2, J631: 0.15, S951: 0.1 },
    otherFrom: { H: 0.25, L: 0.22, K: 0.14, C: 0.12, D: 0.07, G: 0.05, I: 0.05, M: 0.04, N: 0.03 },
  },
  H: {
    va: 4.3,
    ratio: 0.36,
    digital: 0.012,
    digitalFrom: { J61: 0.4, J62: 0.25, J631: 0.15, G465: 0.1, C26: 0.1 },
    otherFrom: { C: 0.5, H: 0.15, G: 0.08, K: 0.08, L: 0.06, D: 0.04, F: 0.03, I: 0.03, N: 0.015 },
  },
  I: {
    va: 2.3,
    ratio: 0.4,
    digital: 0.011,
    digitalFrom: { J61: 0.5, J62: 0.2, J631: 0.2, G465: 0.1 },
    otherFrom: { C: 0.42, A: 0.3, D: 0.06, G: 0.06, L: 0.06, H: 0.03, K: 0.03, E: 0.02, N: 0.01 },
  },
  J: {
    va: 0.35,
    ratio: 0.45,
    digital: 0.2,
    digitalFrom: { J61: 0.45, J62: 0.2, J631: 0.2, J582: 0.1, C26: 0.05 },
    otherFrom: ICT_SERVICE_INPUTS,
  },
  J582: {
    va: 0.08,
    ratio: 0.45,
    digital: 0.4,
    digitalFrom: { J62: 0.5, J631: 0.25, J61: 0.2, J582: 0.05 },
    otherFrom: ICT_SERVICE_INPUTS,
  },
  J61: {
    va: 1.3,
    ratio: 0.4,
    digital: 0.35,
    digitalFrom: { J61: 0.4, C26: 0.35, J62: 0.15, J631: 0.05, G465: 0.05 },
    otherFrom: ICT_SERVICE_INPUTS,
  },
  J62: {
    va: 0.95,
    ratio: 0.38,
    digital: 0.44,
    digitalFrom: { J62: 0.45, J61: 0.2, J631: 0.15, J582: 0.05, C26: 0.05, G465: 0.05 },
    otherFrom: ICT_SERVICE_INPUTS,
  },
  J631: {
    va: 0.28,
    ratio: 0.36,
    digital: 0.4,
    digitalFrom: { J61: 0.4, J62: 0.3, C26: 0.15, J631: 0.1, G465: 0.05 },
    otherFrom: ICT_SERVICE_INPUTS,
  },
  K: {
    va: 5.0,
    ratio: 0.45,
    digital: 0.04,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: {
      K: 0.25,
      L: 0.15,
      C: 0.08,
      G: 0.05,
      H: 0.05,
      I: 0.05,
      M: 0.04,
      D: 0.04,
      J: 0.04,
      N: 0.03,
      F: 0.02,
      R: 0.02,
    },
  },
  L: {
    va: 3.8,
    ratio: 0.55,
    digital: 0.007,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { F: 0.4, K: 0.25, L: 0.1, C: 0.08, D: 0.06, G: 0.04, N: 0.025, M: 0.02 },
  },
  M: {
    va: 2.0,
    ratio: 0.5,
    digital: 0.76,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { C: 0.2, L: 0.2, K: 0.12, M: 0.08, I: 0.08, G: 0.06, H: 0.06, D: 0.05, J: 0.05, N: 0.025 },
  },
  N: {
    va: 0.75,
    ratio: 0.4,
    digital: 0.044,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { C: 0.25, L: 0.2, H: 0.15, K: 0.1, G: 0.1, D: 0.05, I: 0.05, F: 0.05, N: 0.025 },
  },
  O: {
    va: 2.7,
    ratio: 0.6,
    digital: 0.41,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: {
      C: 0.3,
      F: 0.1,
      L: 0.1,
      H: 0.08,
      I: 0.08,
      D: 0.07,
      G: 0.05,
      K: 0.05,
      M: 0.04,
      J: 0.04,
      Q: 0.03,
      N: 0.02,
      P: 0.02,
    },
  },
  P: {
    va: 3.7,
    ratio: 0.65,
    digital: 0.26,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: {
      C: 0.3,
      L: 0.14,
      D: 0.09,
      I: 0.08,
      F: 0.08,
      J: 0.06,
      G: 0.06,
      H: 0.05,
      K: 0.05,
      N: 0.02,
      M: 0.02,
      R: 0.02,
      E: 0.02,
    },
  },
  Q: {
    va: 1.7,
    ratio: 0.45,
    digital: 0.028,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { C: 0.62, G: 0.06, L: 0.06, D: 0.05, Q: 0.05, K: 0.04, H: 0.03, M: 0.03, I: 0.03, N: 0.015 },
  },
  R: {
    va: 0.5,
    ratio: 0.45,
    digital: 0.038,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { C: 0.25, L: 0.15, I: 0.12, K: 0.08, J: 0.08, G: 0.08, R: 0.07, H: 0.06, D: 0.06, N: 0.025 },
  },
  S: {
    va: 1.2,
    ratio: 0.55,
    digital: 0.028,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { C: 0.42, L: 0.14, G: 0.1, D: 0.08, K: 0.06, H: 0.06, I: 0.05, A: 0.03, S: 0.03, N: 0.015 },
  },
  S951: {
    va: 0.1,
    ratio: 0.45,
    digital: 0.4,
    digitalFrom: { C26: 0.6, G465: 0.3, J61: 0.1 },
    otherFrom: { C: 0.3, L: 0.25, G: 0.2, H: 0.1, D: 0.1, K: 0.05 },
  },
  T: {
    va: 0.3,
    ratio: 0.95,
    digital: 0,
    digitalFrom: { J61: 1 },
    otherFrom: { C: 0.6, G: 0.2, D: 0.2 },
  },
  U: {
    va: 0.005,
    ratio: 0.6,
    digital: 0.05,
    digitalFrom: OFFICE_DIGITAL,
    otherFrom: { L: 0.4, C: 0.2, H: 0.2, I: 0.2 },
  },
};

/** Weights normalised to sum 1, optionally perturbed by ±`sd` (log-normal). */
function normalised(w: Weights, rng: Rng | undefined, sd: number): [string, number][] {
  const entries = Object.entries(w).map(([k, v]) => [k, v * (rng ? Math.exp(rng.normal(sd)) : 1)] as const);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  return entries.map(([k, v]) => [k, v / total]);
}

/**
 * The demo national input–output table of `year` (default 2022), in VND billion at current prices:
 * 28 industries, Z, gross output and value added (= output − column inputs, exactly in thousandths).
 * Deterministic; `seed` gives a perturbed variant (see the module header). Demo data, not official.
 */
export function generateDemoIoTable(year: number = DEMO_IO_YEAR, seed?: number): IoTable {
  const codes = industries.map((i) => i.code);
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const rng = seed === undefined ? undefined : rngFor(seed, "io");
  const scale = DEMO_IO_GDP * (1 + NOMINAL_GROWTH) ** (year - DEMO_IO_YEAR);
  // Integers in thousandths of a VND billion, so the identity VA = x − Σ z is exact.
  const z = codes.map(() => new Array<number>(n).fill(0));
  const output = new Array<number>(n).fill(0);
  codes.forEach((code, j) => {
    const c = COLUMNS[code];
    if (!c) throw new Error(`demo-io: no column profile for industry ${code}`);
    const va = (c.va / 100) * scale;
    const ratio = Math.min(0.98, c.ratio * (rng ? Math.exp(rng.normal(0.03)) : 1));
    const digital = Math.min(0.95, c.digital * (rng ? Math.exp(rng.normal(0.05)) : 1));
    const x = va / ratio;
    const inputs = x - va;
    output[j] = Math.round(x * 1000);
    const add = (from: string, value: number) => {
      const i = index.get(from);
      const row = i === undefined ? undefined : z[i];
      if (!row) throw new Error(`demo-io: unknown industry ${from} in the profile of ${code}`);
      row[j] = (row[j] ?? 0) + value;
    };
    for (const [from, w] of normalised(c.digitalFrom, rng, 0.1)) add(from, inputs * digital * w);
    for (const [from, w] of normalised(c.otherFrom, rng, 0.1)) add(from, inputs * (1 - digital) * w);
  });
  const zInt = z.map((row) => row.map((v) => Math.round(v * 1000)));
  const valueAdded = output.map((x, j) => x - zInt.reduce((s, row) => s + (row[j] ?? 0), 0));
  return {
    year,
    codes,
    z: zInt.map((row) => row.map((v) => v / 1000)),
    output: output.map((v) => v / 1000),
    valueAdded: valueAdded.map((v) => v / 1000),
  };
}

/** A non-negative number with up to 3 decimals, written exactly (no exponent, no trailing zeros). */
function formatThousandths(value: number): string {
  const k = Math.round(value * 1000);
  const sign = k < 0 ? "-" : "";
  const abs = Math.abs(k);
  const int = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${int}${frac ? `.${frac}` : ""}`;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The CSV text of a table in the format `dxm io import FILE --year YEAR` reads: header
 * `industry,name,<code1>,…,<codeN>,output,value_added`, then one row per industry i with its code,
 * Vietnamese name, zᵢⱼ for each column j in header order, its output and its value added; numbers
 * plain with up to 3 decimals; LF line ends.
 */
export function formatIoTableCsv(t: IoTable): string {
  const names = new Map(industries.map((i) => [i.code, i.nameVi]));
  const lines = [["industry", "name", ...t.codes, "output", "value_added"].join(",")];
  t.codes.forEach((code, i) => {
    lines.push(
      [
        code,
        quote(names.get(code) ?? code),
        ...(t.z[i] ?? []).map(formatThousandths),
        formatThousandths(t.output[i] ?? 0),
        formatThousandths(t.valueAdded[i] ?? 0),
      ].join(","),
    );
  });
  return `${lines.join("\n")}\n`;
}
