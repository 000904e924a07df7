import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { assessProgress, type ProgressInput, type YearValue } from "./progress.ts";

function close(actual: number | null | undefined, expected: number, eps = 1e-9, label = "") {
  assert.ok(typeof actual === "number", `${label} is ${actual}`);
  assert.ok(Math.abs(actual - expected) <= eps, `${label} ${actual} ≠ ${expected} (±${eps})`);
}

const pts = (...pairs: [number, number][]): YearValue[] => pairs.map(([year, value]) => ({ year, value }));
const noteCodes = (p: { notes: readonly { code: string }[] }) => p.notes.map((n) => n.code);

/** ≥ 20 by 2025, higher is better: the Decision 411 target for the digital economy's share of GDP. */
const share2025: Pick<ProgressInput, "target" | "direction"> = {
  target: { year: 2025, value: 20, comparator: ">=" },
  direction: "higher",
};

describe("assessProgress: the worked example of the issue", () => {
  // The ministry's series: 11.91 (2021), 14.26 (2022), 16.5 (2023); target ≥ 20 in 2025; GDP +9 %/yr.
  // g_act = (16.5/11.91)^(1/2) − 1 = √1.385390 − 1 = 0.177026
  // g_req = (20/11.91)^(1/4) − 1 = 1.679261^0.25 − 1 = 0.138360
  // R = 0.177026 / 0.138360 = 1.27946 ≥ 0.95 → on_track
  // g_now = (20/16.5)^(1/2) − 1 = √1.212121 − 1 = 0.100964
  // r = 1.09 × 1.100964 − 1 = 0.200051 (≈ 20.0 % a year for the digital economy's value added)
  // projection 2025 = 16.5 × (1 + g_act)² = 16.5 × 16.5/11.91 = 272.25/11.91 = 22.858942
  // target path 2021–2025 = 11.91 × (20/11.91)^(k/4) = 11.91, 13.5579, 15.4337, 17.5691, 20
  // path(2023) = √(11.91 × 20) = √238.2 = 15.433729; gap = 16.5 − 15.433729 = 1.066271 (6.909 %)
  const p = assessProgress({
    ...share2025,
    points: pts([2023, 16.5], [2021, 11.91], [2022, 14.26]),
    gdpGrowth: 0.09,
    isShareOfGdp: true,
  });

  test("the digital economy must grow about 20.0 % a year for the share to reach 20 % in 2025", () => {
    close(p.growth_required_from_now, 0.1009637651, 1e-9, "g_now");
    close(p.numerator_growth_required, 0.200050504, 1e-9, "r");
  });

  test("from the 2021 baseline the pace is on track", () => {
    assert.equal(p.class, "on_track");
    close(p.growth_actual, 0.177026095, 1e-9, "g_act");
    close(p.growth_required, 0.1383598206, 1e-9, "g_req");
    close(p.ratio, 1.2794617266, 1e-9, "R");
    assert.equal(p.growth_basis, "geometric");
    assert.deepEqual(p.notes, []);
  });

  test("the projection, the target path and the gap to the path", () => {
    assert.ok(p.projection);
    assert.equal(p.projection.year, 2025);
    close(p.projection.value, 272.25 / 11.91, 1e-9, "projection");
    assert.ok(p.projection.lower !== null && p.projection.upper !== null);
    assert.ok(p.projection.lower < p.projection.value && p.projection.value < p.projection.upper);
    assert.deepEqual(
      p.target_path.map((x) => x.year),
      [2021, 2022, 2023, 2024, 2025],
    );
    [11.91, 13.557865463, 15.433729297, 17.569137313, 20].forEach((v, i) => {
      close(p.target_path[i]?.value, v, 1e-8, `path ${i}`);
    });
    assert.ok(p.path_gap);
    assert.equal(p.path_gap.year, 2023);
    close(p.path_gap.path_value, Math.sqrt(238.2), 1e-9);
    close(p.path_gap.absolute, 16.5 - Math.sqrt(238.2), 1e-9);
    close(p.path_gap.relative, (16.5 - Math.sqrt(238.2)) / Math.sqrt(238.2), 1e-12);
  });

  test("the output carries its inputs so a person can check it", () => {
    assert.deepEqual(p.inputs, {
      x0: 11.91,
      t0: 2021,
      xc: 16.5,
      tc: 2023,
      xstar: 20,
      T: 2025,
      d: 1,
      comparator: ">=",
      gdp_growth: 0.09,
    });
  });
});

describe("assessProgress: classes", () => {
  // x₀ = 100 (2020), x* = 200 (2025): g_req = 2^(1/5) − 1 = 0.148698. A latest value in 2022 growing at
  // k·g_req gives R = k: x_c = 100·(1 + k·g_req)².
  const gReq = 2 ** (1 / 5) - 1;
  const at = (k: number) =>
    assessProgress({
      points: pts([2020, 100], [2022, 100 * (1 + k * gReq) ** 2]),
      target: { year: 2025, value: 200, comparator: ">=" },
      direction: "higher",
    });

  test("R ≥ 0.95 is on track, 0.60–0.95 needs acceleration, 0–0.60 is off track, below 0 regressing", () => {
    assert.equal(at(1.5).class, "on_track");
    assert.equal(at(0.96).class, "on_track");
    assert.equal(at(0.94).class, "acceleration_needed");
    assert.equal(at(0.61).class, "acceleration_needed");
    assert.equal(at(0.59).class, "off_track");
    assert.equal(at(-0.1).class, "regressing");
    close(at(0.8).ratio, 0.8, 1e-12);
  });

  test("no change at all is R = 0: off track, not regressing", () => {
    const p = at(0);
    assert.equal(p.ratio, 0);
    assert.equal(p.class, "off_track");
  });

  test("a target already met is achieved even when the value is falling", () => {
    // 25 → 22: g_act = (22/25)^(1/3) − 1 < 0, g_req = (20/25)^(1/5) − 1 < 0, R = −g_act/|g_req|... < 0,
    // but 22 ≥ 20 holds now.
    const p = assessProgress({ ...share2025, points: pts([2020, 25], [2023, 22]) });
    assert.equal(p.class, "achieved");
    assert.ok((p.ratio as number) < 0);
  });

  test("lower is better: a value falling fast enough toward a lower target is on track", () => {
    // 10 (2020) → 6 (2023), target ≤ 5 in 2025, d = −1.
    // g_act = 0.6^(1/3) − 1 = −0.156567; g_req = 0.5^(1/5) − 1 = −0.129449; R = −1·−0.156567/0.129449 = 1.2095
    const p = assessProgress({
      points: pts([2020, 10], [2023, 6]),
      target: { year: 2025, value: 5, comparator: "<=" },
      direction: "lower",
    });
    assert.equal(p.class, "on_track");
    close(p.ratio, (1 - 0.6 ** (1 / 3)) / (1 - 0.5 ** (1 / 5)), 1e-12);
    assert.equal(p.inputs.d, -1);
  });

  test("lower is better: a rising value is regressing, and reaching the target is achieved", () => {
    const target = { year: 2025, value: 5, comparator: "<=" } as const;
    assert.equal(
      assessProgress({ points: pts([2020, 10], [2023, 11]), target, direction: "lower" }).class,
      "regressing",
    );
    assert.equal(
      assessProgress({ points: pts([2020, 10], [2023, 5]), target, direction: "lower" }).class,
      "achieved",
    );
  });

  test("a strict comparator is not met by equality", () => {
    const p = assessProgress({
      points: pts([2020, 10], [2023, 20]),
      target: { year: 2025, value: 20, comparator: ">" },
      direction: "higher",
    });
    assert.notEqual(p.class, "achieved");
  });
});

describe("assessProgress: too little data", () => {
  test("a single point is insufficient data, but the required growth and the path are given", () => {
    // 16.5 in 2023 → 20 in 2025: g_req = g_now = (20/16.5)^(1/2) − 1 = 0.100964.
    const p = assessProgress({ ...share2025, points: pts([2023, 16.5]) });
    assert.equal(p.class, "insufficient_data");
    assert.equal(p.ratio, null);
    assert.equal(p.growth_actual, null);
    assert.equal(p.projection, null);
    close(p.growth_required, 0.1009637651, 1e-9);
    close(p.growth_required_from_now, 0.1009637651, 1e-9);
    assert.equal(p.target_path.length, 3);
    assert.equal(p.path_gap?.absolute, 0);
    assert.deepEqual(noteCodes(p), ["single_point"]);
  });

  test("a single point that meets the target is achieved", () => {
    assert.equal(assessProgress({ ...share2025, points: pts([2023, 21]) }).class, "achieved");
  });

  test("no point at all is insufficient data with empty inputs", () => {
    const p = assessProgress({ ...share2025, points: [] });
    assert.equal(p.class, "insufficient_data");
    assert.deepEqual(noteCodes(p), ["no_data"]);
    assert.equal(p.inputs.x0, null);
    assert.equal(p.inputs.xstar, 20);
  });

  test("two points give no interval; three give one", () => {
    const two = assessProgress({ ...share2025, points: pts([2021, 11.91], [2023, 16.5]) });
    assert.deepEqual(
      { lower: two.projection?.lower, upper: two.projection?.upper },
      { lower: null, upper: null },
    );
    const three = assessProgress({ ...share2025, points: pts([2021, 11.91], [2022, 14.26], [2023, 16.5]) });
    assert.ok(typeof three.projection?.lower === "number");
  });
});

describe("assessProgress: the baseline", () => {
  test("a given baseline replaces the earliest point and points before it are ignored", () => {
    // Baseline 14.26 (2022): g_act = 16.5/14.26 − 1 = 0.157083; g_req = (20/14.26)^(1/3) − 1 = 0.119329
    const p = assessProgress({
      ...share2025,
      points: pts([2020, 1], [2021, 11.91], [2023, 16.5]),
      baseline: { year: 2022, value: 14.26 },
    });
    assert.equal(p.inputs.t0, 2022);
    close(p.growth_actual, 16.5 / 14.26 - 1, 1e-12);
    close(p.growth_required, (20 / 14.26) ** (1 / 3) - 1, 1e-12);
    assert.equal(p.class, "on_track");
    assert.equal(p.target_path[0]?.year, 2022);
  });

  test("a baseline after every point leaves a single point: insufficient data", () => {
    const p = assessProgress({
      ...share2025,
      points: pts([2021, 11.91]),
      baseline: { year: 2022, value: 14.26 },
    });
    assert.equal(p.class, "insufficient_data");
    assert.equal(p.inputs.tc, 2022);
  });
});

describe("assessProgress: values at or below zero", () => {
  test("a zero baseline switches to linear growth relative to |x*|, with a note", () => {
    // 0 (2020) → 3 (2023), target ≥ 5 in 2025; scale s = |x*| = 5.
    // g_act = (3 − 0)/(5·3) = 0.2; g_req = (5 − 0)/(5·5) = 0.2; R = 1 → on_track
    // g_now = (5 − 3)/(5·2) = 0.2; projection = 3 + 0.2·5·2 = 5; path 0, 1, 2, 3, 4, 5 (gap 0 in 2023)
    const p = assessProgress({
      points: pts([2020, 0], [2023, 3]),
      target: { year: 2025, value: 5, comparator: ">=" },
      direction: "higher",
    });
    assert.equal(p.growth_basis, "linear");
    assert.deepEqual(noteCodes(p), ["linear_growth"]);
    close(p.growth_actual, 0.2);
    close(p.growth_required, 0.2);
    close(p.growth_required_from_now, 0.2);
    close(p.ratio, 1);
    assert.equal(p.class, "on_track");
    close(p.projection?.value, 5);
    assert.equal(p.projection?.lower, null);
    assert.deepEqual(
      p.target_path.map((x) => x.value),
      [0, 1, 2, 3, 4, 5],
    );
    close(p.path_gap?.absolute, 0);
  });

  test("a current value below zero is linear growth relative to |x₀| and can be regressing", () => {
    // 10 (2020) → −2 (2022), target ≥ 20 in 2025; s = 10.
    // g_act = (−2 − 10)/(10·2) = −0.6; g_req = (20 − 10)/(10·5) = 0.2; R = −3 → regressing
    const p = assessProgress({
      points: pts([2020, 10], [2022, -2]),
      target: { year: 2025, value: 20, comparator: ">=" },
      direction: "higher",
    });
    close(p.growth_actual, -0.6);
    close(p.growth_required, 0.2);
    close(p.ratio, -3);
    assert.equal(p.class, "regressing");
  });

  test("the numerator growth is not computed on the linear basis when x_c ≤ 0", () => {
    const p = assessProgress({
      points: pts([2020, 1], [2023, 0]),
      target: { year: 2025, value: 5, comparator: ">=" },
      direction: "higher",
      gdpGrowth: 0.09,
    });
    assert.equal(p.numerator_growth_required, null);
    assert.ok(noteCodes(p).includes("numerator_growth_undefined"));
  });
});

describe("assessProgress: the target year and required growth", () => {
  test("a target year already passed keeps the class by R and has no growth from now", () => {
    // 10 (2020) → 15 (2026), target ≥ 20 in 2025.
    // g_act = 1.5^(1/6) − 1 = 0.069913; g_req = 2^(1/5) − 1 = 0.148698; R = 0.47017 → off_track
    const p = assessProgress({
      points: pts([2020, 10], [2026, 15]),
      target: { year: 2025, value: 20, comparator: ">=" },
      direction: "higher",
      gdpGrowth: 0.09,
      isShareOfGdp: true,
    });
    assert.equal(p.class, "off_track");
    close(p.ratio, (1.5 ** (1 / 6) - 1) / (2 ** (1 / 5) - 1), 1e-12);
    assert.equal(p.growth_required_from_now, null);
    assert.equal(p.projection, null);
    assert.equal(p.numerator_growth_required, null);
    assert.deepEqual(noteCodes(p), ["target_year_passed", "numerator_growth_undefined"]);
    assert.match(p.notes[0]?.message ?? "", /Target year passed/);
    // After T the path stays at the target: gap = 15 − 20.
    assert.equal(p.path_gap?.path_value, 20);
    assert.equal(p.path_gap?.absolute, -5);
  });

  test("required growth 0 (target = baseline): R is undefined and the class follows the sign of the change", () => {
    // 20 (2020) → 19 (2023), target ≥ 20: falling away from it → regressing
    const falling = assessProgress({ ...share2025, points: pts([2020, 20], [2023, 19]) });
    assert.equal(falling.growth_required, 0);
    assert.equal(falling.ratio, null);
    assert.equal(falling.class, "regressing");
    assert.deepEqual(noteCodes(falling), ["no_required_growth"]);
    // 20 → 20 with target > 20: no change, not met → off_track
    const flat = assessProgress({
      points: pts([2020, 20], [2023, 20]),
      target: { year: 2025, value: 20, comparator: ">" },
      direction: "higher",
    });
    assert.equal(flat.class, "off_track");
  });

  test("a target year not after the baseline has no required growth and no path", () => {
    const p = assessProgress({
      points: pts([2020, 10], [2022, 12]),
      target: { year: 2019, value: 20, comparator: ">=" },
      direction: "higher",
    });
    assert.equal(p.growth_required, null);
    assert.equal(p.ratio, null);
    assert.equal(p.class, "off_track");
    assert.deepEqual(p.target_path, []);
    assert.equal(p.path_gap, null);
    assert.deepEqual(noteCodes(p), ["target_not_after_baseline", "target_year_passed"]);
  });
});

describe("assessProgress: share of GDP", () => {
  test("the numerator growth needs the GDP growth", () => {
    const p = assessProgress({ ...share2025, points: pts([2021, 11.91], [2023, 16.5]), isShareOfGdp: true });
    assert.equal(p.numerator_growth_required, null);
    assert.deepEqual(noteCodes(p), ["gdp_growth_missing"]);
  });

  test("not a share of GDP: no numerator growth even with a GDP growth", () => {
    const p = assessProgress({
      ...share2025,
      points: pts([2021, 11.91], [2023, 16.5]),
      gdpGrowth: 0.09,
      isShareOfGdp: false,
    });
    assert.equal(p.numerator_growth_required, null);
    assert.deepEqual(p.notes, []);
  });
});

describe("assessProgress: invalid input", () => {
  const isInvalid = (field: string) => (e: unknown) => e instanceof DxmError && e.field === field;

  test("two points in the same year are an error", () => {
    assert.throws(
      () => assessProgress({ ...share2025, points: pts([2021, 1], [2022, 2], [2021, 3]) }),
      isInvalid("points[2].year"),
    );
  });

  test("a value that is not finite or a year that is not whole is an error", () => {
    assert.throws(
      () => assessProgress({ ...share2025, points: pts([2021, Number.NaN]) }),
      isInvalid("points[0].value"),
    );
    assert.throws(
      () => assessProgress({ ...share2025, points: pts([2021.5, 1]) }),
      isInvalid("points[0].year"),
    );
    assert.throws(
      () => assessProgress({ ...share2025, points: [], baseline: { year: 2020, value: Infinity } }),
      isInvalid("baseline.value"),
    );
  });

  test("GDP growth must be a fraction above −1", () => {
    assert.throws(() => assessProgress({ ...share2025, points: [], gdpGrowth: -1 }), isInvalid("gdpGrowth"));
  });
});
