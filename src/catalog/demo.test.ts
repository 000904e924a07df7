import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isDxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import { loadAreas, provincesOf } from "./areas.ts";
import { generateDemoObservations, mulberry32 } from "./demo.ts";
import { dataElements, indicators } from "./indicators.ts";
import { loadPublishedObservations } from "./published.ts";

const obs = generateDemoObservations();
const published = loadPublishedObservations();

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

/** The demo DE share of GDP/GRDP for a year: 100 × Σ(core + digitalised) / Σ GRDP. */
const deShare = (year: number, area?: string) =>
  (100 * (yearSum("DE_CORE_VA", year, area) + yearSum("DE_DIGITALISED_VA", year, area))) /
  yearSum("GRDP", year, area);

const fmt = (x: number) => x.toFixed(2);

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

  it("produces values for every data element", () => {
    const codes = new Set(obs.map((o) => o.code));
    for (const e of dataElements) assert.ok(codes.has(e.code), e.code);
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

  it("follows the official national digital-economy share within 5 % every year 2020–2025", (t) => {
    const official = new Map(
      published
        .filter((o) => o.series === "gso_official" && o.area === "VN")
        .map((o) => [Number(o.period), o.value]),
    );
    for (let year = 2020; year <= 2025; year++) {
      const target = official.get(year);
      assert.ok(target !== undefined, String(year));
      const demo = deShare(year);
      t.diagnostic(
        `${year}: demo ${fmt(demo)} % vs official ${target} % (${fmt((100 * (demo - target)) / target)} %)`,
      );
      assert.ok(Math.abs(demo / target - 1) <= 0.05, `${year}: ${demo} vs ${target}`);
    }
    const y2026 = deShare(2026);
    t.diagnostic(`2026 (Q1–Q3): demo ${fmt(y2026)} %`);
    assert.ok(y2026 > deShare(2025) && y2026 < deShare(2025) + 1.5);
  });

  it("puts each province with a published 2022 share of GRDP within 10 % of it", (t) => {
    const provinces = published.filter(
      (o) => o.series === "mic_estimate" && o.area !== "VN" && o.period === "2022",
    );
    assert.equal(provinces.length, 13);
    for (const p of provinces) {
      const demo = deShare(2022, p.area);
      t.diagnostic(
        `${p.area}: demo ${fmt(demo)} % vs published ${p.value} % (${fmt((100 * (demo - p.value)) / p.value)} %)`,
      );
      assert.ok(Math.abs(demo / p.value - 1) <= 0.1, `${p.area}: ${demo} vs ${p.value}`);
    }
  });

  it("keeps the provinces without a published 2022 share at or above the lowest published one", (t) => {
    const publishedAreas = new Set(published.filter((o) => o.area !== "VN").map((o) => o.area));
    const others = provincesOf(loadAreas(), "2008").filter((a) => !publishedAreas.has(a.code));
    const shares = others.map((a) => deShare(2022, a.code));
    t.diagnostic(
      `unpublished provinces 2022: min ${fmt(Math.min(...shares))} %, max ${fmt(Math.max(...shares))} %`,
    );
    for (const s of shares) assert.ok(s >= 4.21 - 0.01, String(s));
  });

  it("keeps each quarter's digital-economy share near the annual share", () => {
    for (const area of ["27", "79", "93"]) {
      const annual = deShare(2023, area);
      for (let q = 1; q <= 4; q++) {
        const v = (code: string) =>
          obs.find((o) => o.code === code && o.area === area && o.period === `2023-Q${q}`)?.value ?? 0;
        const share = (100 * (v("DE_CORE_VA") + v("DE_DIGITALISED_VA"))) / v("GRDP");
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

  it("generates the full default span in under a second", () => {
    const start = performance.now();
    generateDemoObservations({ seed: 12345 });
    const ms = performance.now() - start;
    assert.ok(ms < 1000, `${ms} ms`);
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
