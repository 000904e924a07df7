import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import { digitalIntensity } from "../methods/io.ts";
import { deriveDigitalEconomy } from "../methods/measure.ts";
import { loadAreas, provincesOf } from "./areas.ts";
import { DEMO_DERIVED_ELEMENTS, generateDemoObservations, mulberry32 } from "./demo.ts";
import { generateDemoIoTable } from "./demo-io.ts";
import { dataElements, indicators, PUBLISHED_ONLY_ELEMENTS } from "./indicators.ts";
import { CORE_INDUSTRIES, industryCodes } from "./industries.ts";
import { loadPublishedObservations } from "./published.ts";

const obs = generateDemoObservations();
const published = loadPublishedObservations();

// The digital economy is not stored: it is derived here as the recompute derives it, from value
// added by industry and the demo input–output table (methods/io.ts, methods/measure.ts).
const ioTable = generateDemoIoTable();
const direct = digitalIntensity(ioTable, CORE_INDUSTRIES, "direct");
const total = digitalIntensity(ioTable, CORE_INDUSTRIES, "total");

interface Cell {
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  grdp: number;
  platform: number;
  readonly va: Map<string, number>;
}
const cells = new Map<string, Cell>();
for (const o of obs) {
  if (!o.period.includes("-Q")) continue;
  const isVa = o.code.startsWith("VA_");
  if (!isVa && o.code !== "GRDP" && o.code !== "DE_PLATFORM_VA") continue;
  const key = `${o.geography}|${o.area}|${o.period}`;
  let c = cells.get(key);
  if (!c) {
    c = { geography: o.geography, area: o.area, period: o.period, grdp: 0, platform: 0, va: new Map() };
    cells.set(key, c);
  }
  if (o.code === "GRDP") c.grdp = o.value;
  else if (o.code === "DE_PLATFORM_VA") c.platform = o.value;
  else c.va.set(o.code.slice(3), o.value);
}

interface Sums {
  grdp: number;
  va: number;
  core: number;
  digitalised: number;
  sectoral: number;
  platform: number;
  readonly bySection: Map<string, number>;
}
const derivedCache = new Map<Cell, ReturnType<typeof deriveDigitalEconomy>>();
const derive = (c: Cell) => {
  let d = derivedCache.get(c);
  if (!d) {
    d = deriveDigitalEconomy(c.va, direct, total, CORE_INDUSTRIES);
    derivedCache.set(c, d);
  }
  return d;
};

/** Σ over the quarters of `period` (a year `2023` or a quarter `2023-Q2`), all areas or one 2008 area. */
function sums(period: string, area?: string): Sums {
  const out: Sums = {
    grdp: 0,
    va: 0,
    core: 0,
    digitalised: 0,
    sectoral: 0,
    platform: 0,
    bySection: new Map(),
  };
  for (const c of cells.values()) {
    if (!c.period.startsWith(period)) continue;
    if (area !== undefined && (c.geography !== "2008" || c.area !== area)) continue;
    const d = derive(c);
    out.grdp += c.grdp;
    out.platform += c.platform;
    out.va += [...c.va.values()].reduce((a, b) => a + b, 0);
    out.core += d.core;
    out.digitalised += d.digitalisedDirect;
    out.sectoral += d.sectoralTotal;
    for (const [k, v] of d.bySection) out.bySection.set(k, (out.bySection.get(k) ?? 0) + v);
  }
  return out;
}

/** The statistics office's share: 100 × (core + digitalised) / GRDP. */
const deShare = (period: string, area?: string) => {
  const s = sums(period, area);
  return (100 * (s.core + s.digitalised)) / s.grdp;
};
/** Decision 411's share: 100 × (core + platform + sectoral) / GRDP. */
const micShare = (period: string, area?: string) => {
  const s = sums(period, area);
  return (100 * (s.core + s.platform + s.sectoral)) / s.grdp;
};

/** Σ of an element's quarterly values in a year, over all areas or one 2008 area. */
function yearSum(code: string, year: number, area?: string): number {
  let s = 0;
  for (const o of obs) {
    if (o.code !== code || !o.period.startsWith(`${year}-Q`)) continue;
    if (area !== undefined && (o.geography !== "2008" || o.area !== area)) continue;
    s += o.value;
  }
  return s;
}

const fmt = (x: number) => x.toFixed(2);
const nationalSeries = (series: string) =>
  new Map(
    published
      .filter((o) => o.series === series && o.area === "VN" && /^\d{4}$/.test(o.period))
      .map((o) => [Number(o.period), o.value]),
  );

describe("demo data", () => {
  it("labels every value as series demo, status estimate, note demo", () => {
    assert.ok(obs.length > 50_000);
    for (const o of obs) {
      assert.equal(o.series, "demo");
      assert.equal(o.status, "estimate");
      assert.equal(o.note, "demo");
      assert.equal(o.target, "element");
    }
  });

  it("produces values for every data element except the derived digital-economy components and the published-only ones", () => {
    const codes = new Set(obs.map((o) => o.code));
    for (const e of dataElements)
      assert.equal(
        codes.has(e.code),
        !DEMO_DERIVED_ELEMENTS.has(e.code) && !PUBLISHED_ONLY_ELEMENTS.has(e.code),
        e.code,
      );
    for (const c of ["DE_CORE_VA", "DE_ICT_VA", "DE_DIGITALISED_VA", "DE_SECTORAL_VA", "DE_SECTORAL_VA_M"])
      assert.ok(DEMO_DERIVED_ELEMENTS.has(c), c);
    assert.ok(codes.has("DE_PLATFORM_VA"));
  });

  it("stores value added for all 28 industries in every province and quarter", () => {
    let full = 0;
    for (const c of cells.values()) {
      if (c.area === "VN") continue;
      assert.deepEqual([...c.va.keys()].sort(), [...industryCodes].sort(), `${c.area} ${c.period}`);
      full++;
    }
    assert.equal(full, 63 * 22 + 34 * 5);
  });

  it("makes value added 88–92 % of GRDP in each province and year (the rest is product taxes)", () => {
    for (const a of provincesOf(loadAreas(), "2008")) {
      for (const year of [2020, 2022, 2024]) {
        const s = sums(String(year), a.code);
        const r = s.va / s.grdp;
        assert.ok(r >= 0.88 && r <= 0.92, `${a.code} ${year}: ${r}`);
      }
    }
    for (const c of cells.values()) {
      if (c.area === "VN") continue;
      const r = [...c.va.values()].reduce((x, y) => x + y, 0) / c.grdp;
      assert.ok(r >= 0.87 && r <= 0.94, `${c.area} ${c.period}: ${r}`);
    }
  });

  it("gives provinces plausible structures: electronics, services and agriculture where they are", (t) => {
    const totals = new Map<string, number>();
    for (const o of obs) {
      if (!o.period.startsWith("2023-Q") || o.geography !== "2008") continue;
      for (const key of [`${o.code}|${o.area}`, `${o.code}|`])
        totals.set(key, (totals.get(key) ?? 0) + o.value);
    }
    const share = (code: string, area = "") =>
      (100 * (totals.get(`VA_${code}|${area}`) ?? 0)) / (totals.get(`GRDP|${area}`) ?? 1);
    const provinces = provincesOf(loadAreas(), "2008").map((a) => a.code);
    const byElectronics = [...provinces].sort((x, y) => share("C26", y) - share("C26", x));
    t.diagnostic(
      `C26 2023: ${byElectronics
        .slice(0, 6)
        .map((p) => `${p} ${fmt(share("C26", p))} %`)
        .join(", ")}`,
    );
    for (const p of ["27", "19", "24", "31", "26"]) {
      assert.ok(byElectronics.indexOf(p) < 6, `${p} among the top electronics provinces`);
      assert.ok(share("C26", p) > 15, `${p}: C26 ${share("C26", p)} %`);
    }
    const services = (area = "") =>
      share("J61", area) + share("J62", area) + share("K", area) + share("M", area);
    for (const p of ["79", "01"]) assert.ok(services(p) > 1.2 * services(), `${p}: J/K/M ${services(p)} %`);
    for (const p of ["89", "95", "14", "66", "86"])
      assert.ok(share("A", p) > 20, `${p}: A ${share("A", p)} %`);
    assert.ok(share("A", "79") < 2 && share("B", "77") > 20);
  });

  it("emits the 63 provinces up to 2025-Q2 and the 34 units from 2025-Q3 to 2026-Q3", () => {
    const areas = loadAreas();
    const codes2008 = provincesOf(areas, "2008")
      .map((a) => a.code)
      .sort();
    const codes2025 = provincesOf(areas, "2025")
      .map((a) => a.code)
      .sort();
    const grdp = obs.filter((o) => o.code === "GRDP");
    const periods = [...new Set(grdp.map((o) => o.period))];
    assert.equal(periods.length, 27);
    assert.equal(periods[0], "2020-Q1");
    assert.equal(periods.at(-1), "2026-Q3");
    for (const period of periods) {
      const rows = grdp.filter((o) => o.period === period);
      const late = period >= "2025-Q3";
      assert.ok(
        rows.every((o) => o.geography === (late ? "2025" : "2008")),
        period,
      );
      assert.deepEqual(rows.map((o) => o.area).sort(), late ? codes2025 : codes2008, period);
    }
  });

  it("gives annual elements one value per complete year, from 2025 in the 2025 geography", () => {
    const pop = obs.filter((o) => o.code === "POP_TOTAL");
    assert.deepEqual(
      [...new Set(pop.map((o) => `${o.period}:${o.geography}`))],
      ["2020:2008", "2021:2008", "2022:2008", "2023:2008", "2024:2008", "2025:2025"],
    );
    const vn2025 = pop.filter((o) => o.period === "2025").reduce((s, o) => s + o.value, 0);
    assert.ok(vn2025 > 100e6 && vn2025 < 104e6, `population 2025 ${vn2025}`);
  });

  it("emits elements that do not add up over provinces for the nation only", () => {
    const rows = obs.filter((o) => o.code === "SECTOR_PLATFORMS_DEPLOYED");
    assert.ok(rows.length === 27 && rows.every((o) => o.area === "VN"));
  });

  it("keeps every value within its element's bounds, with integers where the element counts", () => {
    const byCode = new Map(dataElements.map((e) => [e.code, e]));
    for (const o of obs) {
      const e = byCode.get(o.code);
      assert.ok(e);
      assert.ok(
        Number.isFinite(o.value) && o.value >= (e.min ?? 0) && o.value <= (e.max ?? Infinity),
        `${o.code} ${o.value}`,
      );
      if (e.valueType === "integer") assert.ok(Number.isInteger(o.value), `${o.code} ${o.value}`);
    }
  });

  it("keeps the parts of each share no larger than the whole", () => {
    const value = new Map(obs.map((o) => [`${o.code}|${o.geography}|${o.area}|${o.period}`, o.value]));
    const shares = indicators.filter(
      (i) =>
        i.unit === "percent" &&
        /^\{\w+\}$/.test(i.numerator) &&
        /^\{\w+\}$/.test(i.denominator ?? "") &&
        i.code !== "INTERNET_SUBS_PER_100",
    );
    let checked = 0;
    for (const i of shares) {
      const num = i.numerator.slice(1, -1);
      const den = (i.denominator ?? "").slice(1, -1);
      for (const o of obs.filter((x) => x.code === num)) {
        const d =
          value.get(`${den}|${o.geography}|${o.area}|${o.period}`) ??
          value.get(`${den}|${o.geography}|${o.area}|${o.period.slice(0, 4)}`);
        if (d === undefined) continue;
        assert.ok(o.value <= d, `${i.code} ${o.area} ${o.period}: ${o.value} > ${d}`);
        checked++;
      }
    }
    assert.ok(checked > 20_000);
  });

  it("continues across the merger: each 2025 unit's 2025-Q3 GRDP follows its members' 2025-Q2 total", () => {
    const areas = loadAreas();
    const q = (geography: string, area: string, period: string) =>
      obs.find(
        (o) => o.code === "GRDP" && o.geography === geography && o.area === area && o.period === period,
      )?.value ?? Number.NaN;
    for (const unit of provincesOf(areas, "2025")) {
      const before = unit.members.reduce((s, m) => s + q("2008", m, "2025-Q2"), 0);
      const ratio = q("2025", unit.code, "2025-Q3") / before;
      assert.ok(ratio > 1 && ratio < 1.15, `${unit.code}: ${ratio}`);
    }
  });

  it("follows the official national digital-economy share within 5 % every year 2020–2025, 62 % of it core", (t) => {
    const official = nationalSeries("gso_official");
    let coreSum = 0;
    let digitalisedSum = 0;
    for (let year = 2020; year <= 2025; year++) {
      const target = official.get(year);
      assert.ok(target !== undefined, String(year));
      const s = sums(String(year));
      const demo = deShare(String(year));
      const core = (100 * s.core) / s.grdp;
      const digitalised = (100 * s.digitalised) / s.grdp;
      t.diagnostic(
        `${year}: demo ${fmt(demo)} % vs official ${target} % (${fmt((100 * (demo - target)) / target)} %); core ${fmt(core)} %, digitalised ${fmt(digitalised)} % of GDP (core ${fmt((100 * core) / demo)} % of it)`,
      );
      assert.ok(Math.abs(demo / target - 1) <= 0.05, `${year}: ${demo} vs ${target}`);
      assert.ok(core / demo > 0.58 && core / demo < 0.66, `${year}: core ${core} of ${demo}`);
      assert.ok(digitalised >= 4.6 && digitalised <= 5.8, `${year}: digitalised ${digitalised}`);
      if (year <= 2024) {
        coreSum += core;
        digitalisedSum += digitalised;
      }
    }
    // The office: 2020–2024 average core 7.99 % and digitalisation 4.89 % of GDP.
    assert.ok(Math.abs(coreSum / 5 - 7.99) < 0.4, `core mean ${coreSum / 5}`);
    assert.ok(Math.abs(digitalisedSum / 5 - 4.89) < 0.25, `digitalised mean ${digitalisedSum / 5}`);
    const y2026 = deShare("2026");
    t.diagnostic(`2026 (Q1–Q3): demo ${fmt(y2026)} %`);
    assert.ok(y2026 > deShare("2025") && y2026 < deShare("2025") + 1.5);
  });

  it("follows the ministry's series by Decision 411's components within 5 % for 2021–2024, platform ≥ 0", (t) => {
    const mic = nationalSeries("mic_estimate");
    for (let year = 2021; year <= 2024; year++) {
      const target = mic.get(year);
      assert.ok(target !== undefined, String(year));
      const s = sums(String(year));
      const demo = micShare(String(year));
      t.diagnostic(
        `${year}: demo ${fmt(demo)} % vs ministry ${target} %: core ${fmt((100 * s.core) / s.grdp)} + platform ${fmt((100 * s.platform) / s.grdp)} + sectoral ${fmt((100 * s.sectoral) / s.grdp)}`,
      );
      assert.ok(Math.abs(demo / target - 1) <= 0.05, `${year}: ${demo} vs ${target}`);
    }
    const platform = obs.filter((o) => o.code === "DE_PLATFORM_VA");
    assert.ok(platform.length > 1000 && platform.every((o) => o.value >= 0));
    assert.ok(micShare("2025") > micShare("2024"));
  });

  it("roughly reproduces the 2023 spillover by sector (M, O, P, G largest, in that order)", (t) => {
    // The session's figures (M 28 %, O 20.5 %, P 19 %, G 17 % of the sectoral digital economy)
    // cannot all be reached within 5 points together with the rest of the calibration (see
    // demo-io.ts): the demo lands 4.5–6.5 points under each, in the same order.
    const s = sums("2023");
    const shareOf = (sector: string) => (100 * (s.bySection.get(sector) ?? 0)) / s.sectoral;
    const ranked = [...s.bySection.keys()].sort((a, b) => shareOf(b) - shareOf(a));
    t.diagnostic(
      ranked
        .slice(0, 6)
        .map((k) => `${k} ${fmt(shareOf(k))} %`)
        .join(", "),
    );
    assert.deepEqual(ranked.slice(0, 4), ["M", "O", "P", "G"]);
    for (const [sector, seed] of [
      ["M", 28],
      ["O", 20.5],
      ["P", 19],
      ["G", 17],
    ] as const) {
      assert.ok(Math.abs(shareOf(sector) - seed) <= 7.5, `${sector}: ${shareOf(sector)} vs ${seed}`);
    }
  });

  it("puts each province with a published 2022 share of GRDP within 10 % of it", (t) => {
    const provinces = published.filter(
      (o) => o.series === "mic_estimate" && o.area !== "VN" && o.period === "2022",
    );
    assert.equal(provinces.length, 13);
    for (const p of provinces) {
      const demo = deShare("2022", p.area);
      t.diagnostic(
        `${p.area}: demo ${fmt(demo)} % vs published ${p.value} % (${fmt((100 * (demo - p.value)) / p.value)} %)`,
      );
      assert.ok(Math.abs(demo / p.value - 1) <= 0.1, `${p.area}: ${demo} vs ${p.value}`);
    }
  });

  it("keeps the provinces without a published 2022 share at or above the lowest published one", (t) => {
    const publishedAreas = new Set(published.filter((o) => o.area !== "VN").map((o) => o.area));
    const others = provincesOf(loadAreas(), "2008").filter((a) => !publishedAreas.has(a.code));
    const shares = others.map((a) => deShare("2022", a.code));
    t.diagnostic(
      `unpublished provinces 2022: min ${fmt(Math.min(...shares))} %, max ${fmt(Math.max(...shares))} %, ${shares.filter((s) => s < 5).length} below 5 %`,
    );
    for (const s of shares) assert.ok(s >= 4.21 - 0.01 && s <= 17.15, String(s));
  });

  it("keeps each quarter's digital-economy share near the annual share", () => {
    for (const area of ["27", "79", "93"]) {
      const annual = deShare("2023", area);
      for (let q = 1; q <= 4; q++) {
        const share = deShare(`2023-Q${q}`, area);
        assert.ok(Math.abs(share / annual - 1) < 0.07, `${area} 2023-Q${q}: ${share} vs ${annual}`);
      }
    }
  });

  it("puts about 22 % of 2020 GDP in Hồ Chí Minh City and 13 % in Hà Nội, with GDP near 6.3 million billion", () => {
    const gdp = yearSum("GRDP", 2020);
    assert.ok(Math.abs(gdp / 6_300_000 - 1) < 0.01, String(gdp));
    assert.ok(Math.abs(yearSum("GRDP", 2020, "79") / gdp - 0.22) < 0.01);
    assert.ok(Math.abs(yearSum("GRDP", 2020, "01") / gdp - 0.13) < 0.01);
    const growth = yearSum("GRDP", 2024) / yearSum("GRDP", 2020);
    assert.ok(growth > 1.25 && growth < 1.5, String(growth));
  });

  it("has about 0.8–1 million enterprises, 97 % of them SMEs", () => {
    const last = (code: string) =>
      obs.filter((o) => o.code === code && o.period === "2023-Q4").reduce((s, o) => s + o.value, 0);
    const ent = last("ENT_ACTIVE");
    assert.ok(ent > 800_000 && ent < 1_000_000, String(ent));
    assert.ok(Math.abs(last("SME_ACTIVE") / ent - 0.97) < 0.01);
  });

  it("gives the same output for the same seed and a different one for another seed", () => {
    const a = generateDemoObservations({ seed: 7, lastQuarter: "2021-Q4" });
    const b = generateDemoObservations({ seed: 7, lastQuarter: "2021-Q4" });
    const c = generateDemoObservations({ seed: 8, lastQuarter: "2021-Q4" });
    assert.deepEqual(a, b);
    assert.equal(a.length, c.length);
    const differ = (x: Observation[], y: Observation[]) => x.some((o, i) => o.value !== y[i]?.value);
    assert.ok(differ(a, c));
    assert.deepEqual(generateDemoObservations(), obs);
  });

  it("generates the full default span for another seed", () => {
    // Its speed is measured by bench/recompute (seed + first recompute), not asserted here.
    assert.ok(generateDemoObservations({ seed: 12345 }).length > 50_000);
  });

  it("stops at the requested last quarter", () => {
    const short = generateDemoObservations({ lastQuarter: "2024-Q4" });
    const periods = new Set(short.map((o) => o.period));
    assert.ok(periods.has("2024-Q4") && periods.has("2024"));
    assert.ok(![...periods].some((p) => p.startsWith("2025")));
  });

  it("refuses a last quarter that is not a quarter from 2020 on", () => {
    for (const lastQuarter of ["2026", "2019-Q4", "soon"]) {
      assert.throws(
        () => generateDemoObservations({ lastQuarter }),
        (e) => isDxmError(e) && e.code === "invalid_parameter" && e.field === "lastQuarter",
      );
    }
  });

  it("draws the same numbers from mulberry32 for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = [a(), a(), a()];
    assert.deepEqual(xs, [b(), b(), b()]);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });
});
