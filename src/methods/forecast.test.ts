import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { forecastLogLinear, studentTQuantile } from "./forecast.ts";

function close(actual: number, expected: number, eps: number, label = "") {
  assert.ok(Math.abs(actual - expected) <= eps, `${label} ${actual} ≠ ${expected} (±${eps})`);
}

describe("studentTQuantile", () => {
  test("matches the published 0.90 quantiles for 1, 5 and 30 degrees of freedom", () => {
    close(studentTQuantile(0.9, 1), 3.0777, 5e-5);
    close(studentTQuantile(0.9, 5), 1.4759, 5e-5);
    close(studentTQuantile(0.9, 30), 1.3104, 5e-5);
  });

  test("matches the closed forms for 1 and 2 degrees of freedom", () => {
    // ν = 1 (Cauchy): tan(π(p − ½)) = tan(0.4π) = 3.077683537…
    close(studentTQuantile(0.9, 1), Math.tan(0.4 * Math.PI), 1e-10);
    // ν = 2: (2p − 1)/√(2p(1 − p)) = 0.8/√0.18 = 1.885618083…
    close(studentTQuantile(0.9, 2), 0.8 / Math.sqrt(0.18), 1e-10);
  });

  test("other levels and the lower tail by symmetry", () => {
    close(studentTQuantile(0.975, 10), 2.2281, 5e-5);
    close(studentTQuantile(0.95, 3), 2.3534, 5e-5);
    close(studentTQuantile(0.1, 5), -1.4759, 5e-5);
    assert.equal(studentTQuantile(0.5, 7), 0);
  });

  test("with very many degrees of freedom it tends to the normal quantile 1.28155", () => {
    close(studentTQuantile(0.9, 1_000_000), 1.281552, 2e-5);
  });

  test("refuses p outside (0, 1) and degrees of freedom that are not whole numbers ≥ 1", () => {
    assert.throws(() => studentTQuantile(1, 5), DxmError);
    assert.throws(() => studentTQuantile(0.9, 0), DxmError);
    assert.throws(() => studentTQuantile(0.9, 2.5), DxmError);
  });
});

describe("forecastLogLinear", () => {
  test("points exactly on a 10% trend are extended with a zero-width interval", () => {
    // ln 100, ln 110, ln 121 rise by ln 1.1 a year: b = ln 1.1, s = 0.
    // 2025 = 121 × 1.1³ = 161.051.
    const f = forecastLogLinear(
      [
        { year: 2020, value: 100 },
        { year: 2021, value: 110 },
        { year: 2022, value: 121 },
      ],
      [2025],
    );
    assert.ok(f);
    close(f.slope, Math.log(1.1), 1e-12);
    close(f.growth, 0.1, 1e-12);
    const p = f.points[0];
    assert.ok(p);
    close(p.value, 161.051, 1e-9);
    close(p.lower, 161.051, 1e-6);
    close(p.upper, 161.051, 1e-6);
  });

  test("worked example with scatter: slope, residual error and the 80% interval by hand", () => {
    // u = ln y = 0, 0.3, 0.4 in 2020, 2021, 2022. t̄ = 2021, ū = 0.7/3 = 0.23333.
    // Σ(t − t̄)² = 2, Σ(t − t̄)(u − ū) = −1·(0 − ū) + 1·(0.4 − ū) = 0.4 → b = 0.2.
    // a = ū − b·2021 = 0.23333 − 404.2 = −403.96667.
    // Residuals: 0 − ū + 0.2 = −1/30, 0.3 − ū = 2/30, 0.4 − ū − 0.2 = −1/30; SSE = 6/900 = 1/150; ν = 1;
    // s = √(1/150) = 0.0816497.
    // 2023: τ − t̄ = 2, û = ū + 0.4 = 0.633333, se = s·√(1 + 1/3 + 4/2) = s·√(10/3) = 0.1490712;
    // q = t(0.90, 1) = tan(0.4π) = 3.0776835; half-width = q·se = 0.4587940 →
    // value = e^0.633333 = 1.883880, lower = e^0.174539 = 1.190698, upper = e^1.092127 = 2.980608.
    const f = forecastLogLinear(
      [
        { year: 2020, value: 1 },
        { year: 2021, value: Math.exp(0.3) },
        { year: 2022, value: Math.exp(0.4) },
      ],
      [2023],
    );
    assert.ok(f);
    close(f.slope, 0.2, 1e-12);
    close(f.intercept, 0.7 / 3 - 0.2 * 2021, 1e-9);
    close(f.residualStandardError, Math.sqrt(1 / 150), 1e-12);
    assert.equal(f.degreesOfFreedom, 1);
    close(f.tQuantile, 3.0776835, 1e-6);
    const p = f.points[0];
    assert.ok(p);
    assert.equal(p.year, 2023);
    close(p.value, 1.88388, 1e-6);
    close(p.lower, 1.190698, 1e-6);
    close(p.upper, 2.980608, 1e-6);
  });

  test("points may come in any order and the interval widens away from the data", () => {
    const f = forecastLogLinear(
      [
        { year: 2023, value: 16.5 },
        { year: 2021, value: 11.91 },
        { year: 2024, value: 18.3 },
        { year: 2022, value: 14.26 },
      ],
      [2025, 2030],
    );
    assert.ok(f);
    assert.equal(f.degreesOfFreedom, 2);
    const [p25, p30] = f.points;
    assert.ok(p25 && p30);
    assert.ok(p25.lower < p25.value && p25.value < p25.upper);
    assert.ok(p30.upper / p30.lower > p25.upper / p25.lower);
    // The ministry series grew about 15% a year 2021–2024.
    assert.ok(f.growth > 0.13 && f.growth < 0.17, String(f.growth));
  });

  test("fewer than three points give no forecast", () => {
    assert.equal(forecastLogLinear([], [2025]), null);
    assert.equal(
      forecastLogLinear(
        [
          { year: 2020, value: 1 },
          { year: 2021, value: 2 },
        ],
        [2025],
      ),
      null,
    );
  });

  test("a value that is not positive is an error naming the point", () => {
    assert.throws(
      () =>
        forecastLogLinear(
          [
            { year: 2020, value: 1 },
            { year: 2021, value: 0 },
            { year: 2022, value: 2 },
          ],
          [2025],
        ),
      (e: unknown) =>
        e instanceof DxmError &&
        e.code === "invalid_data" &&
        e.field === "points[1].value" &&
        /point 2 \(year 2021\) has value 0/.test(e.message),
    );
  });

  test("two points in the same year are an error", () => {
    assert.throws(
      () =>
        forecastLogLinear(
          [
            { year: 2020, value: 1 },
            { year: 2021, value: 2 },
            { year: 2020, value: 3 },
          ],
          [2025],
        ),
      /points 1 and 3 have the same year 2020/,
    );
  });
});
