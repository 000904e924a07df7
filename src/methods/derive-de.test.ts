import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Observation } from "../domain/observation.ts";
import { deriveDigitalEconomyObservations, pickTable } from "./derive-de.ts";

// Three industries: A (agriculture), K (finance), J62 (core: programming). Intensities by hand:
// direct δ_A = 0.02, δ_K = 0.10; total δ_A = 0.03, δ_K = 0.15.
const tables = [
  {
    year: 2022,
    direct: new Map([
      ["A", 0.02],
      ["K", 0.1],
      ["J62", 0.3],
    ]),
    total: new Map([
      ["A", 0.03],
      ["K", 0.15],
      ["J62", 0.4],
    ]),
  },
];
const industries = ["A", "K", "J62"];
const core = new Set(["J62"]);
const elements = new Set([
  "DE_CORE_VA",
  "DE_ICT_VA",
  "DE_DIGITALISED_VA",
  "DE_SECTORAL_VA",
  "DE_SECTORAL_VA_K",
]);

const va = (code: string, value: number, extra: Partial<Observation> = {}): Observation => ({
  series: "reported",
  code: `VA_${code}`,
  target: "element",
  geography: "2025",
  area: "79",
  period: "2025-Q3",
  value,
  status: "preliminary",
  note: null,
  ...extra,
});

describe("deriveDigitalEconomyObservations", () => {
  it("derives the core, digitalised (direct) and sectoral (total) value added of a province-quarter", () => {
    // VA: A 1000, K 2000, J62 500.
    // core = 500; digitalised = 1000×0.02 + 2000×0.10 = 220; sectoral = 1000×0.03 + 2000×0.15 = 330;
    // spillover of K = 2000 × 0.15 = 300.
    const out = deriveDigitalEconomyObservations(
      [va("A", 1000), va("K", 2000), va("J62", 500)],
      tables,
      industries,
      core,
      elements,
    );
    const byCode = new Map(out.map((o) => [o.code, o.value]));
    assert.equal(byCode.get("DE_CORE_VA"), 500);
    assert.equal(byCode.get("DE_ICT_VA"), 500);
    assert.ok(Math.abs(byCode.get("DE_DIGITALISED_VA")! - 220) < 1e-9);
    assert.ok(Math.abs(byCode.get("DE_SECTORAL_VA")! - 330) < 1e-9);
    assert.ok(Math.abs(byCode.get("DE_SECTORAL_VA_K")! - 300) < 1e-9);
    assert.equal(byCode.has("DE_SECTORAL_VA_A"), false, "only elements of the catalogue are produced");
    assert.ok(out.every((o) => o.area === "79" && o.period === "2025-Q3" && o.status === "preliminary"));
    assert.match(out[0]!.note!, /input–output table 2022/);
  });

  it("never replaces a value the series stores itself", () => {
    const stored: Observation = { ...va("A", 0), code: "DE_DIGITALISED_VA", value: 999 };
    const out = deriveDigitalEconomyObservations(
      [va("A", 1000), va("K", 2000), va("J62", 500), stored],
      tables,
      industries,
      core,
      elements,
    );
    assert.equal(
      out.find((o) => o.code === "DE_DIGITALISED_VA"),
      undefined,
    );
    assert.ok(out.find((o) => o.code === "DE_CORE_VA"));
  });

  it("derives nothing for a cell whose breakdown by industry is incomplete", () => {
    const out = deriveDigitalEconomyObservations(
      [va("A", 1000), va("K", 2000)],
      tables,
      industries,
      core,
      elements,
    );
    assert.deepEqual(out, []);
  });

  it("derives nothing without an input–output table", () => {
    assert.deepEqual(
      deriveDigitalEconomyObservations(
        [va("A", 1), va("K", 1), va("J62", 1)],
        [],
        industries,
        core,
        elements,
      ),
      [],
    );
  });

  it("takes the weakest status of the inputs", () => {
    const out = deriveDigitalEconomyObservations(
      [va("A", 1000, { status: "official" }), va("K", 2000, { status: "estimate" }), va("J62", 500)],
      tables,
      industries,
      core,
      elements,
    );
    assert.ok(out.every((o) => o.status === "estimate"));
  });
});

describe("pickTable", () => {
  const t = [{ year: 2012 }, { year: 2016 }, { year: 2022 }];
  it("takes the latest table of the year or before", () => {
    assert.equal(pickTable(t, 2019)?.year, 2016);
    assert.equal(pickTable(t, 2022)?.year, 2022);
    assert.equal(pickTable(t, 2026)?.year, 2022);
  });
  it("takes the earliest table for a year before all of them", () => {
    assert.equal(pickTable(t, 2005)?.year, 2012);
  });
  it("finds nothing when there is no table", () => {
    assert.equal(pickTable([], 2024), undefined);
  });
});
