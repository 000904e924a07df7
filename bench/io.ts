/**
 * Benchmark: the input–output and measurement methods (DESIGN §4.3), pure and in memory.
 * - a random but valid 164-industry table (seeded): validation, direct and total intensities;
 * - the measurement of 63 provinces × 27 quarters over 28 industries, both methods.
 * Prints medians of 7 runs.
 *
 *   npm run bench -- io
 */
import { digitalIntensity, type IoTable, validateIoTable } from "../src/methods/io.ts";
import { deriveDigitalEconomy, measureDigitalEconomy } from "../src/methods/measure.ts";
import { type BenchRow, median } from "./stats.ts";

const RUNS = 7;
const SEED = 20190101;
const INDUSTRIES = 164;
const CORE_INDUSTRIES = 12;
const PROVINCES = 63;
const QUARTERS = 27;
const SECTIONS = 28;

/** mulberry32: a small seeded PRNG, floats in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid table: output xⱼ in [1 000, 100 000]; about 30 % of the flows non-zero, scaled so each
 * column's inputs are 30–70 % of its output; value added = output − inputs.
 */
function randomTable(n: number, rand: () => number): IoTable {
  const output = Array.from({ length: n }, () => 1000 + rand() * 99_000);
  const z = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const valueAdded = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const raw = Array.from({ length: n }, () => (rand() < 0.3 ? rand() : 0));
    const sum = raw.reduce((s, v) => s + v, 0) || 1;
    const x = output[j] as number;
    const inputs = x * (0.3 + 0.4 * rand());
    let used = 0;
    for (let i = 0; i < n; i++) {
      const v = ((raw[i] as number) / sum) * inputs;
      (z[i] as number[])[j] = v;
      used += v;
    }
    valueAdded[j] = x - used;
  }
  const codes = Array.from({ length: n }, (_, i) => `I${String(i + 1).padStart(3, "0")}`);
  return { year: 2019, codes, z, output, valueAdded };
}

function timeRuns(fn: () => unknown, runs = RUNS): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchIo(): Promise<BenchRow[]> {
  const rand = rng(SEED);
  const table = randomTable(INDUSTRIES, rand);
  const core = new Set(table.codes.slice(0, CORE_INDUSTRIES));

  const validate = timeRuns(() => validateIoTable(table));
  const direct = timeRuns(() => digitalIntensity(table, core, "direct"));
  const total = timeRuns(() => digitalIntensity(table, core, "total"));
  const all = timeRuns(() => {
    validateIoTable(table);
    digitalIntensity(table, core, "direct");
    digitalIntensity(table, core, "total");
  });

  // 28 sections (2 of them core), intensities in [0, 0.3], random VA per province and quarter.
  const sections = Array.from({ length: SECTIONS }, (_, i) => `S${String(i + 1).padStart(2, "0")}`);
  const sectionCore = new Set(sections.slice(0, 2));
  const directBySection = new Map(sections.map((s) => [s, rand() * 0.15]));
  const totalBySection = new Map(sections.map((s) => [s, rand() * 0.3]));
  const cells = Array.from({ length: PROVINCES * QUARTERS }, () => ({
    grdp: 0,
    va: new Map(sections.map((s) => [s, 100 + rand() * 10_000])),
    platform: rand() * 500,
  }));
  for (const c of cells) c.grdp = [...c.va.values()].reduce((s, v) => s + v, 0) * 1.1;
  let checksum = 0;
  const measure = timeRuns(() => {
    for (const c of cells) {
      for (const method of ["gso", "mic411"] as const) {
        const m = measureDigitalEconomy({
          grdp: c.grdp,
          sectorValueAdded: c.va,
          platformValueAdded: c.platform,
          intensity: totalBySection,
          core: sectionCore,
          method,
        });
        checksum += m.valueAdded;
      }
    }
  });
  const derive = timeRuns(() => {
    for (const c of cells)
      checksum += deriveDigitalEconomy(c.va, directBySection, totalBySection, sectionCore).core;
  });
  if (!Number.isFinite(checksum)) throw new Error("bench io: non-finite checksum");

  const n = cells.length;
  /** The table prints whole milliseconds; the note keeps two decimals for the fast cases. */
  const ms = (times: readonly number[]) => `${median(times).toFixed(2)} ms`;
  const perMs = (ms: number, count: number) => `${Math.round(count / (ms / 1000)).toLocaleString("en")}/s`;
  return [
    {
      benchmark: "io",
      case: `validate a ${INDUSTRIES}-industry table`,
      median_ms: median(validate),
      note: `${ms(validate)}; ${INDUSTRIES}×${INDUSTRIES} flows`,
    },
    {
      benchmark: "io",
      case: "direct digital intensities",
      median_ms: median(direct),
      note: `${ms(direct)}; ${CORE_INDUSTRIES} core industries`,
    },
    {
      benchmark: "io",
      case: "total digital intensities (Leontief inverse)",
      median_ms: median(total),
      note: `${ms(total)}; Gauss–Jordan, partial pivoting`,
    },
    {
      benchmark: "io",
      case: "validate + direct + total",
      median_ms: median(all),
      note: `${ms(all)}; target < 100 ms`,
    },
    {
      benchmark: "io",
      case: `measure ${PROVINCES} provinces × ${QUARTERS} quarters, gso and mic411`,
      median_ms: median(measure),
      note: `${2 * n} measurements over ${SECTIONS} industries, ${perMs(median(measure), 2 * n)}`,
    },
    {
      benchmark: "io",
      case: `derive stored elements, ${PROVINCES} × ${QUARTERS}`,
      median_ms: median(derive),
      note: `${ms(derive)}; ${n} derivations, ${perMs(median(derive), n)}`,
    },
  ];
}
