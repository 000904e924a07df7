import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TrendModel } from "../home/de-share-model.ts";
import { forecastLayer } from "./trend-model.ts";

function model(values: (number | null)[]): TrendModel {
  const years = values.map((_, i) => 2020 + i);
  const points = values.map((v) => (v === null ? null : { value: v, complete: true, missing: [] }));
  let latest: TrendModel["lines"][number]["latest"];
  values.forEach((v, i) => {
    if (v !== null) latest = { year: years[i]!, value: v };
  });
  return {
    years,
    lines: [{ code: "demo", name: "Demo", isDemo: true, points, latest }],
    targets: [],
    showsDemo: true,
  };
}

describe("forecastLayer", () => {
  it("should continue a 10 % a year series at 10 % from the last observed year", () => {
    const layer = forecastLayer(model([10, 11, 12.1, 13.31, null, null]), "demo");
    assert.ok(layer);
    assert.ok(Math.abs(layer.growth - 0.1) < 1e-9);
    assert.deepEqual(layer.value.slice(0, 3), [null, null, null]);
    assert.equal(layer.value[3], 13.31, "joins the last observation");
    assert.ok(Math.abs((layer.value[5] ?? 0) - 13.31 * 1.21) < 1e-6);
  });
  it("should give an interval that contains the forecast and widens with the horizon", () => {
    const layer = forecastLayer(model([10, 11.5, 12, 13.9, 14.2, null, null]), "demo");
    assert.ok(layer);
    const w5 = (layer.upper[5] ?? 0) - (layer.lower[5] ?? 0);
    const w6 = (layer.upper[6] ?? 0) - (layer.lower[6] ?? 0);
    assert.ok((layer.lower[6] ?? 0) < (layer.value[6] ?? 0) && (layer.value[6] ?? 0) < (layer.upper[6] ?? 0));
    assert.ok(w6 > w5);
  });
  it("should give no forecast with fewer than three values or no year after the last one", () => {
    assert.equal(forecastLayer(model([10, 11, null]), "demo"), null);
    assert.equal(forecastLayer(model([10, 11, 12]), "demo"), null);
  });
});
