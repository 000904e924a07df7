import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Area } from "../domain/area.ts";
import type { DataElement, Indicator } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import type { ComputedValue, Observation } from "../domain/observation.ts";
import { computeSeries, METHOD_DIRECT, METHOD_RATIO_OF_SUMS, observationsOfSeries } from "./engine.ts";
import { area, element, indicator, miniAreas, obs } from "./test-fixtures.ts";

const EC = element("EC"); // e-commerce revenue: flow, sums over areas and quarters
const RETAIL = element("RETAIL"); // retail sales: flow
const ENT = element("ENT", { time: "last" }); // enterprises: stock
const EC_SHARE = indicator("EC_SHARE", "{EC}", "{RETAIL}", { factor: 100 });
const ENTERPRISES = indicator("ENTERPRISES", "{ENT}");

function run(
  observations: Observation[],
  options: { indicators?: Indicator[]; elements?: DataElement[]; areas?: Area[] } = {},
) {
  return computeSeries({
    series: "demo",
    elements: options.elements ?? [EC, RETAIL, ENT],
    indicators: options.indicators ?? [EC_SHARE, ENTERPRISES],
    areas: options.areas ?? miniAreas(),
    observations,
  });
}

function find(
  values: ComputedValue[],
  indicatorCode: string,
  key: string,
  period: string,
): ComputedValue | undefined {
  const [geography, code] = key.split(":");
  return values.find(
    (v) =>
      v.indicator === indicatorCode && v.geography === geography && v.area === code && v.period === period,
  );
}

function get(values: ComputedValue[], indicatorCode: string, key: string, period: string): ComputedValue {
  const v = find(values, indicatorCode, key, period);
  assert.ok(v, `no value for ${indicatorCode} ${key} ${period}`);
  return v;
}

/** Every quarter of a year for one (element, area): values in quarter order. */
function year(
  code: string,
  geography: "2008" | "2025",
  areaCode: string,
  y: number,
  values: number[],
): Observation[] {
  return values.map((v, i) => obs(code, geography, areaCode, `${y}-Q${i + 1}`, v));
}

describe("computeSeries: ratio of sums", () => {
  test("a region's share is Σ numerators / Σ denominators of its provinces, not the mean of their shares", () => {
    // Lào Cai (10): 1 / 10 = 10 %; Yên Bái (15): 30 / 100 = 30 %; mean of shares would be 20 %.
    // Region TDMNPB: (1 + 30) / (10 + 100) = 31 / 110 = 28.18… %
    const values = run([
      obs("EC", "2008", "10", "2024-Q1", 1),
      obs("RETAIL", "2008", "10", "2024-Q1", 10),
      obs("EC", "2008", "15", "2024-Q1", 30),
      obs("RETAIL", "2008", "15", "2024-Q1", 100),
    ]);
    assert.equal(get(values, "EC_SHARE", "2008:10", "2024-Q1").value, 10);
    assert.equal(get(values, "EC_SHARE", "2008:15", "2024-Q1").value, 30);
    const region = get(values, "EC_SHARE", "2008:TDMNPB", "2024-Q1");
    assert.equal(region.numerator, 31);
    assert.equal(region.denominator, 110);
    assert.equal(region.value, (100 * 31) / 110);
    assert.notEqual(region.value, 20);
    assert.equal(region.method, METHOD_RATIO_OF_SUMS);
  });

  test("the nation sums all provinces of its geography", () => {
    // 1 + 30 + 9 = 40 over 10 + 100 + 90 = 200 → 20 %
    const values = run([
      obs("EC", "2008", "10", "2024-Q1", 1),
      obs("RETAIL", "2008", "10", "2024-Q1", 10),
      obs("EC", "2008", "15", "2024-Q1", 30),
      obs("RETAIL", "2008", "15", "2024-Q1", 100),
      obs("EC", "2008", "01", "2024-Q1", 9),
      obs("RETAIL", "2008", "01", "2024-Q1", 90),
    ]);
    const vn = get(values, "EC_SHARE", "2008:VN", "2024-Q1");
    assert.deepEqual([vn.numerator, vn.denominator, vn.value], [40, 200, 20]);
    assert.equal(vn.complete, true);
    assert.equal(vn.completeness, 1);
  });
});

describe("computeSeries: re-basing to the 2025 geography", () => {
  // 2008 Lào Cai (10): EC 1+2+3+4 = 10, RETAIL 4 × 10 = 40; Yên Bái (15): EC 4 × 5 = 20, RETAIL 4 × 40 = 160.
  const observations = [
    ...year("EC", "2008", "10", 2024, [1, 2, 3, 4]),
    ...year("RETAIL", "2008", "10", 2024, [10, 10, 10, 10]),
    ...year("EC", "2008", "15", 2024, [5, 5, 5, 5]),
    ...year("RETAIL", "2008", "15", 2024, [40, 40, 40, 40]),
  ];

  test("2025 Lào Cai (15) for 2024 is the aggregate of 2008 Lào Cai (10) and Yên Bái (15)", () => {
    const values = run(observations);
    // (10 + 20) / (40 + 160) = 30 / 200 = 15 %
    const laoCai2025 = get(values, "EC_SHARE", "2025:15", "2024");
    assert.deepEqual([laoCai2025.numerator, laoCai2025.denominator, laoCai2025.value], [30, 200, 15]);
    assert.equal(laoCai2025.complete, true);
    // the same code 15 in 2008 is Yên Bái alone: 20 / 160 = 12.5 %
    assert.equal(get(values, "EC_SHARE", "2008:15", "2024").value, 12.5);
    // quarter by quarter too: Q1 (1 + 5) / (10 + 40) = 12 %
    assert.equal(get(values, "EC_SHARE", "2025:15", "2024-Q1").value, 12);
  });

  test("2025 regions and nation of a 2008 period are built from the re-based provinces", () => {
    const values = run(observations);
    assert.equal(get(values, "EC_SHARE", "2025:TDMNPB", "2024").value, 15);
    // Hà Nội (01) has no data, so the 2025 nation names 2025:01 as missing
    const vn = get(values, "EC_SHARE", "2025:VN", "2024");
    assert.equal(vn.value, 15);
    assert.equal(vn.complete, false);
    assert.deepEqual(vn.missing, ["2025:01"]);
    assert.equal(vn.completeness, 0.5);
  });

  test("an aggregate with a missing member is incomplete and names it", () => {
    // 2024-Q1 with only Yên Bái (15): 2025 Lào Cai = 5 / 40 = 12.5 %, shown but incomplete
    const values = run([obs("EC", "2008", "15", "2024-Q1", 5), obs("RETAIL", "2008", "15", "2024-Q1", 40)]);
    const laoCai2025 = get(values, "EC_SHARE", "2025:15", "2024-Q1");
    assert.equal(laoCai2025.value, 12.5);
    assert.equal(laoCai2025.complete, false);
    assert.deepEqual(laoCai2025.missing, ["2008:10"]);
    assert.equal(laoCai2025.completeness, 0.5);
    const region2008 = get(values, "EC_SHARE", "2008:TDMNPB", "2024-Q1");
    assert.deepEqual(region2008.missing, ["2008:10"]);
    // A province without data is omitted, not shown as null
    assert.equal(find(values, "EC_SHARE", "2008:10", "2024-Q1"), undefined);
  });

  test("an element with rule none is not re-based", () => {
    const SCORE = element("SCORE", { area: "none" });
    const values = run([obs("SCORE", "2008", "10", "2024-Q1", 7)], {
      elements: [SCORE],
      indicators: [indicator("SCORE_I", "{SCORE}")],
    });
    assert.equal(get(values, "SCORE_I", "2008:10", "2024-Q1").value, 7);
    assert.equal(find(values, "SCORE_I", "2025:15", "2024-Q1"), undefined);
    assert.equal(find(values, "SCORE_I", "2008:TDMNPB", "2024-Q1"), undefined);
  });

  test("a period of the 2025 geography is computed only in 2025, never split back to 2008", () => {
    const values = run([obs("EC", "2025", "15", "2025-Q3", 8), obs("RETAIL", "2025", "15", "2025-Q3", 80)]);
    assert.equal(get(values, "EC_SHARE", "2025:15", "2025-Q3").value, 10);
    assert.equal(
      values.some((v) => v.geography === "2008"),
      false,
    );
  });

  test("the year 2025 re-bases its 2008 quarters first, then sums over time", () => {
    // Q1–Q2 in 2008 geography: 10 → 1, 2; 15 → 3, 4. Q3–Q4 in 2025 geography: 2025:15 → 10, 20.
    // 2025 Lào Cai, year 2025: (1 + 3) + (2 + 4) + 10 + 20 = 40; RETAIL 100 each quarter → 400; 10 %
    const observations2025 = [
      obs("EC", "2008", "10", "2025-Q1", 1),
      obs("EC", "2008", "10", "2025-Q2", 2),
      obs("EC", "2008", "15", "2025-Q1", 3),
      obs("EC", "2008", "15", "2025-Q2", 4),
      obs("RETAIL", "2008", "10", "2025-Q1", 50),
      obs("RETAIL", "2008", "10", "2025-Q2", 50),
      obs("RETAIL", "2008", "15", "2025-Q1", 50),
      obs("RETAIL", "2008", "15", "2025-Q2", 50),
      obs("EC", "2025", "15", "2025-Q3", 10),
      obs("EC", "2025", "15", "2025-Q4", 20),
      obs("RETAIL", "2025", "15", "2025-Q3", 100),
      obs("RETAIL", "2025", "15", "2025-Q4", 100),
    ];
    const values = run(observations2025);
    const y = get(values, "EC_SHARE", "2025:15", "2025");
    assert.deepEqual([y.numerator, y.denominator, y.value, y.complete], [40, 400, 10, true]);
    // 2025-S1 is a 2008 period: computed in both geographies. (1 + 2) / (50 + 50) = 3 %
    assert.equal(get(values, "EC_SHARE", "2008:10", "2025-S1").value, 3);
    assert.equal(get(values, "EC_SHARE", "2025:15", "2025-S1").value, 5);
    // the year 2025 is not a 2008 period
    assert.equal(find(values, "EC_SHARE", "2008:10", "2025"), undefined);
  });
});

describe("computeSeries: time aggregation", () => {
  test("flows sum over the quarters and stocks take the last quarter", () => {
    // EC 10 + 20 + 30 + 40 = 100; RETAIL 4 × 250 = 1000 → 10 %; enterprises 100, 110, 120, 130 → 130
    const values = run([
      ...year("EC", "2008", "01", 2024, [10, 20, 30, 40]),
      ...year("RETAIL", "2008", "01", 2024, [250, 250, 250, 250]),
      ...year("ENT", "2008", "01", 2024, [100, 110, 120, 130]),
    ]);
    const share = get(values, "EC_SHARE", "2008:01", "2024");
    assert.deepEqual([share.numerator, share.denominator, share.value], [100, 1000, 10]);
    assert.equal(get(values, "ENTERPRISES", "2008:01", "2024").value, 130);
    // halves: S1 flows 10 + 20 = 30 over 500 → 6 %; stock at the end of S1 = 110
    assert.equal(get(values, "EC_SHARE", "2008:01", "2024-S1").value, 6);
    assert.equal(get(values, "ENTERPRISES", "2008:01", "2024-S1").value, 110);
    assert.equal(get(values, "ENTERPRISES", "2008:01", "2024-S2").value, 130);
  });

  test("a year with a missing quarter is incomplete and names the quarter", () => {
    // EC 10 + 30 + 40 = 80 (Q2 missing), RETAIL 1000 → 8 %, completeness min(3/4, 1) = 0.75
    const values = run([
      obs("EC", "2008", "01", "2024-Q1", 10),
      obs("EC", "2008", "01", "2024-Q3", 30),
      obs("EC", "2008", "01", "2024-Q4", 40),
      ...year("RETAIL", "2008", "01", 2024, [250, 250, 250, 250]),
    ]);
    const v = get(values, "EC_SHARE", "2008:01", "2024");
    assert.equal(v.value, 8);
    assert.equal(v.complete, false);
    assert.deepEqual(v.missing, ["2024-Q2"]);
    assert.equal(v.completeness, 0.75);
  });

  test("a year is produced only once its last quarter exists", () => {
    // 2026-Q2 and Q3 only: 2026-S1 exists (missing Q1), 2026-S2 and 2026 do not
    const values = run([obs("ENT", "2025", "01", "2026-Q2", 5), obs("ENT", "2025", "01", "2026-Q3", 6)]);
    const periods = new Set(values.filter((v) => v.area === "01").map((v) => v.period));
    assert.deepEqual([...periods].sort(), ["2026-Q2", "2026-Q3", "2026-S1"]);
    const s1 = get(values, "ENTERPRISES", "2025:01", "2026-S1");
    assert.deepEqual([s1.value, s1.complete], [5, true]); // a stock needs only its last quarter
  });

  test("annual elements give values for years only, and annual indicators are produced for years only", () => {
    const GRDP = element("GRDP", { frequency: "annual" });
    const values = run(
      [...year("EC", "2008", "01", 2024, [1, 2, 3, 4]), obs("GRDP", "2008", "01", "2024", 200)],
      {
        elements: [EC, GRDP],
        indicators: [
          indicator("EC_GRDP", "{EC}", "{GRDP}", { factor: 100, frequency: "annual" }),
          indicator("EC_Q", "{EC}"),
        ],
      },
    );
    // 100 × (1 + 2 + 3 + 4) / 200 = 5 %
    assert.equal(get(values, "EC_GRDP", "2008:01", "2024").value, 5);
    assert.equal(
      values.some((v) => v.indicator === "EC_GRDP" && v.period !== "2024"),
      false,
    );
    assert.equal(get(values, "EC_Q", "2008:01", "2024-Q2").value, 2);
  });
});

describe("computeSeries: direct values, status and missing data", () => {
  test("a direct observation at a region takes precedence over aggregating its provinces", () => {
    // provinces sum to 1 + 30 = 31, but the region reported 50 itself: 50 / 110
    const values = run([
      obs("EC", "2008", "10", "2024-Q1", 1),
      obs("RETAIL", "2008", "10", "2024-Q1", 10),
      obs("EC", "2008", "15", "2024-Q1", 30),
      obs("RETAIL", "2008", "15", "2024-Q1", 100),
      obs("EC", "2008", "TDMNPB", "2024-Q1", 50),
    ]);
    const region = get(values, "EC_SHARE", "2008:TDMNPB", "2024-Q1");
    assert.deepEqual([region.numerator, region.denominator], [50, 110]);
  });

  test("a series reported only nationally still rolls up to years, in both geographies", () => {
    const values = run([
      ...year("EC", "2008", "VN", 2024, [1, 2, 3, 4]),
      ...year("RETAIL", "2008", "VN", 2024, [25, 25, 25, 25]),
    ]);
    // (1 + 2 + 3 + 4) / 100 = 10 %
    assert.equal(get(values, "EC_SHARE", "2008:VN", "2024").value, 10);
    assert.equal(get(values, "EC_SHARE", "2025:VN", "2024").value, 10);
    assert.equal(get(values, "EC_SHARE", "2025:VN", "2024-Q1").value, 4);
  });

  test("indicator observations are copied as direct values, a national one in both geographies", () => {
    const values = run(
      [
        obs("EC", "2008", "01", "2023-Q4", 1),
        obs("RETAIL", "2008", "01", "2023-Q4", 10),
        obs("EC_SHARE", "2008", "VN", "2023", 12.33, { target: "indicator", status: "revised" }),
      ],
      {},
    );
    for (const key of ["2008:VN", "2025:VN"]) {
      const v = get(values, "EC_SHARE", key, "2023");
      assert.deepEqual(
        {
          value: v.value,
          method: v.method,
          numerator: v.numerator,
          denominator: v.denominator,
          complete: v.complete,
        },
        { value: 12.33, method: METHOD_DIRECT, numerator: null, denominator: null, complete: true },
      );
      assert.equal(v.status, "revised");
    }
    // the computed 2023 year value for VN is replaced by the published one, never duplicated
    assert.equal(
      values.filter((v) => v.indicator === "EC_SHARE" && v.area === "VN" && v.period === "2023").length,
      2,
    );
  });

  test("a zero denominator gives a null value", () => {
    const values = run([obs("EC", "2008", "01", "2024-Q1", 5), obs("RETAIL", "2008", "01", "2024-Q1", 0)]);
    const v = get(values, "EC_SHARE", "2008:01", "2024-Q1");
    assert.deepEqual([v.value, v.numerator, v.denominator], [null, 5, 0]);
  });

  test("an element with no value at all is named in missing and the value is null", () => {
    const values = run([obs("EC", "2008", "01", "2024-Q1", 5)]);
    const v = get(values, "EC_SHARE", "2008:01", "2024-Q1");
    assert.equal(v.value, null);
    assert.equal(v.complete, false);
    assert.deepEqual(v.missing, ["RETAIL"]);
    assert.equal(v.completeness, 0);
  });

  test("an indicator whose elements have no data is omitted", () => {
    const values = run([obs("EC", "2008", "01", "2024-Q1", 5)]);
    assert.equal(
      values.some((v) => v.indicator === "ENTERPRISES"),
      false,
    );
  });

  test("the status is the weakest among the inputs", () => {
    const values = run([
      obs("EC", "2008", "10", "2024-Q1", 1, { status: "official" }),
      obs("RETAIL", "2008", "10", "2024-Q1", 10, { status: "official" }),
      obs("EC", "2008", "15", "2024-Q1", 1, { status: "preliminary" }),
      obs("RETAIL", "2008", "15", "2024-Q1", 10, { status: "official" }),
    ]);
    assert.equal(get(values, "EC_SHARE", "2008:10", "2024-Q1").status, "official");
    assert.equal(get(values, "EC_SHARE", "2008:TDMNPB", "2024-Q1").status, "preliminary");
  });

  test("two series never mix: observations of another series are ignored", () => {
    const mixed = [
      obs("EC", "2008", "01", "2024-Q1", 5),
      obs("RETAIL", "2008", "01", "2024-Q1", 50),
      obs("EC", "2008", "01", "2024-Q1", 999, { series: "gso_official" }),
      obs("EC", "2008", "10", "2024-Q1", 7, { series: "gso_official" }),
    ];
    assert.equal(observationsOfSeries(mixed, "demo").length, 2);
    const values = run(mixed);
    assert.equal(get(values, "EC_SHARE", "2008:01", "2024-Q1").value, 10);
    assert.equal(find(values, "EC_SHARE", "2008:10", "2024-Q1"), undefined);
    assert.ok(values.every((v) => v.series === "demo"));
  });

  test("a formula cycle is an error naming the indicator and the path", () => {
    assert.throws(
      () => run([], { indicators: [indicator("A", "{B}"), indicator("B", "{A} + {EC}")] }),
      (e: unknown) => e instanceof DxmError && e.code === "formula_cycle" && /A → B → A/.test(e.message),
    );
  });

  test("an unknown code is an error naming the indicator", () => {
    assert.throws(
      () => run([], { indicators: [indicator("EC_SHARE", "{EC}", "{RETAIL_TOTAL}")] }),
      (e: unknown) =>
        e instanceof DxmError && e.code === "formula_unknown_reference" && /EC_SHARE/.test(e.message),
    );
  });
});

describe("computeSeries at full demo size", () => {
  // 63 provinces in 6 regions (2008) → 34 units (29 pairs and 5 singles) in 6 regions (2025);
  // 60 elements, 2020-Q1…2025-Q2 in 2008 and 2025-Q3…2026-Q3 in 2025; 45 indicators.
  const pad = (n: number) => String(n).padStart(2, "0");
  const areas: Area[] = [area("2008", "VN", "nation", null), area("2025", "VN", "nation", null)];
  for (let r = 0; r < 6; r++) {
    areas.push(area("2008", `R${r}`, "region", "VN"), area("2025", `R${r}`, "region", "VN"));
  }
  const p2008 = Array.from({ length: 63 }, (_, i) => pad(i + 1));
  for (const [i, code] of p2008.entries()) areas.push(area("2008", code, "province", `R${i % 6}`));
  const units: string[][] = [];
  for (let i = 0; i < 29; i++) units.push([p2008[2 * i] as string, p2008[2 * i + 1] as string]);
  for (let i = 58; i < 63; i++) units.push([p2008[i] as string]);
  const p2025 = units.map((m) => m[0] as string);
  for (const [j, members] of units.entries())
    areas.push(area("2025", p2025[j] as string, "province", `R${j % 6}`, members));

  const elements = Array.from({ length: 60 }, (_, i) =>
    element(`E${pad(i)}`, i % 3 === 2 ? { time: "last" } : {}),
  );
  const indicators = Array.from({ length: 45 }, (_, i) =>
    indicator(`I${pad(i)}`, `{E${pad(i)}}`, `{E${pad(i + 15)}}`, { factor: 100 }),
  );
  // value of element e, province p (index), quarter q (running index): deterministic, positive
  const val = (e: number, p: number, q: number) => 1 + ((e * 7 + p * 13 + q * 3) % 97);
  const observations: Observation[] = [];
  const quarters2008: string[] = [];
  for (let y = 2020; y <= 2025; y++) for (let q = 1; q <= 4; q++) quarters2008.push(`${y}-Q${q}`);
  const q2008 = quarters2008.slice(0, 22); // 2020-Q1 … 2025-Q2
  const q2025 = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"];
  for (let e = 0; e < 60; e++) {
    const code = `E${pad(e)}`;
    for (const [qi, period] of q2008.entries()) {
      for (const [pi, a] of p2008.entries()) {
        observations.push(obs(code, "2008", a, period, val(e, pi, qi)));
      }
    }
    for (const [k, period] of q2025.entries()) {
      for (const [pi, a] of p2025.entries()) {
        observations.push(obs(code, "2025", a, period, val(e, pi, 22 + k)));
      }
    }
  }

  test("gives the hand-checkable values of a generated dataset of about 100 000 observations", (t) => {
    assert.equal(observations.length, 60 * 63 * 22 + 60 * 34 * 5);
    const t0 = performance.now();
    const values = computeSeries({ series: "demo", elements, indicators, areas, observations });
    t.diagnostic(
      `computeSeries: ${observations.length} observations → ${values.length} values in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    const index = new Map(values.map((v) => [`${v.indicator}|${v.geography}:${v.area}|${v.period}`, v]));
    const at = (i: string, key: string, period: string) => {
      const v = index.get(`${i}|${key}|${period}`);
      assert.ok(v, `${i} ${key} ${period}`);
      return v;
    };

    // I00 = 100 × E00 / E15 for 2008 province 01 (index 0) in 2020-Q1 (q 0)
    const v1 = at("I00", "2008:01", "2020-Q1");
    assert.equal(v1.numerator, val(0, 0, 0));
    assert.equal(v1.denominator, val(15, 0, 0));

    // Nation 2008, 2024 (quarters 16–19): Σ over 63 provinces and 4 quarters (E00 and E15 are flows)
    let n = 0;
    let d = 0;
    for (let p = 0; p < 63; p++) {
      for (let q = 16; q < 20; q++) {
        n += val(0, p, q);
        d += val(15, p, q);
      }
    }
    const vn = at("I00", "2008:VN", "2024");
    assert.deepEqual([vn.numerator, vn.denominator, vn.complete], [n, d, true]);
    assert.equal(at("I00", "2025:VN", "2024").numerator, n);

    // 2025 unit 01 = 2008 01 + 02, 2024-Q3 (q 18); I02 uses E02 (a stock) over E17 (a flow)
    assert.equal(at("I00", "2025:01", "2024-Q3").numerator, val(0, 0, 18) + val(0, 1, 18));
    // a stock for the year 2025 in 2025 unit 01 takes 2025-Q4 (q 23), native in 2025
    assert.equal(at("I02", "2025:01", "2025").numerator, val(2, 0, 23));
    // the year 2025 of a flow: re-based Q1–Q2 (q 20, 21) + native Q3–Q4 (q 22, 23)
    assert.equal(
      at("I00", "2025:01", "2025").numerator,
      val(0, 0, 20) + val(0, 1, 20) + val(0, 0, 21) + val(0, 1, 21) + val(0, 0, 22) + val(0, 0, 23),
    );
    // 2026 has only Q1–Q3: no year
    assert.equal(index.has("I00|2025:VN|2026"), false);
    assert.ok(index.has("I00|2025:VN|2026-S1"));
  });
});
