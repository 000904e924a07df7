import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FrameworkDto } from "../../data/dti.ts";
import { waterfallSteps, yearsOf } from "./dti-model.ts";

describe("DTI page model", () => {
  it("lists the years computed for the demo series of a geography and basis", () => {
    const f = {
      computed: [
        { series: "reported", geography: "2025", basis: "indicators", years: [2025] },
        { series: "demo", geography: "2025", basis: "indicators", years: [2022, 2020, 2021] },
        { series: "demo", geography: "2025", basis: "mean_of_former", years: [2020] },
      ],
    } as unknown as FrameworkDto;
    assert.deepEqual(yearsOf(f, "2025", "indicators"), [2020, 2021, 2022]);
    assert.deepEqual(yearsOf(f, "2008", "indicators"), []);
    assert.deepEqual(yearsOf(undefined, "2025", "indicators"), []);
  });

  it("stacks the contributions into a waterfall ending at the total change", () => {
    const steps = waterfallSteps({ B: -0.04, A: 0.12, C: 0 }, ["A", "B", "C", "D"]);
    assert.deepEqual(
      steps.map((s) => s.pillar),
      ["A", "B", "C"],
    );
    const expected = [
      [0, 0.12],
      [0.12, 0.08],
      [0.08, 0.08],
    ];
    steps.forEach((s, i) => {
      assert.ok(Math.abs(s.start - expected[i]![0]!) < 1e-12 && Math.abs(s.end - expected[i]![1]!) < 1e-12);
    });
  });
});
