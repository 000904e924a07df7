import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { digitalIntensity, type IoTable } from "./io.ts";
import { deriveDigitalEconomy, type MeasureInput, measureDigitalEconomy } from "./measure.ts";

function close(actual: number | null | undefined, expected: number, eps = 1e-9, label = "") {
  assert.ok(typeof actual === "number", `${label} is ${actual}`);
  assert.ok(Math.abs(actual - expected) <= eps, `${label} ${actual} ≠ ${expected}`);
}

/**
 * A province: core digital industry J with VA 50; manufacturing C 300 (δ 0.1), trade G 150 (δ 0.3);
 * GRDP 1000; platform economy 20.
 * core = 50; sectoral = 300 × 0.1 + 150 × 0.3 = 30 + 45 = 75
 * gso:    DE = 50 + 75 = 125 → share 12.5 %
 * mic411: DE = 50 + 20 + 75 = 145 → share 14.5 %
 * by sector: G 45 (100 × 45/75 = 60 %), C 30 (40 %)
 */
const base: MeasureInput = {
  grdp: 1000,
  sectorValueAdded: new Map([
    ["J", 50],
    ["C", 300],
    ["G", 150],
  ]),
  platformValueAdded: 20,
  intensity: new Map([
    ["C", 0.1],
    ["G", 0.3],
  ]),
  core: new Set(["J"]),
  method: "gso",
};

const isInvalid = (field: string, pattern: RegExp) => (e: unknown) =>
  e instanceof DxmError && e.field === field && pattern.test(e.message) && e.messageVi !== e.message;

describe("measureDigitalEconomy", () => {
  test("gso: core plus the digitalised value added of the other industries, over GRDP", () => {
    const m = measureDigitalEconomy(base);
    assert.equal(m.method, "gso");
    assert.deepEqual(m.components, { core: 50, platform: 0, sectoral: 75 });
    assert.equal(m.valueAdded, 125);
    assert.equal(m.share, 12.5);
  });

  test("mic411 adds the platform economy as a third component", () => {
    const m = measureDigitalEconomy({ ...base, method: "mic411" });
    assert.deepEqual(m.components, { core: 50, platform: 20, sectoral: 75 });
    assert.equal(m.valueAdded, 145);
    assert.equal(m.share, 14.5);
  });

  test("sectors are the non-core industries, largest digital value added first, with their share", () => {
    const m = measureDigitalEconomy(base);
    assert.deepEqual(m.sectors, [
      { sector: "G", valueAdded: 150, intensity: 0.3, digitalValueAdded: 45, shareOfSectoral: 60 },
      { sector: "C", valueAdded: 300, intensity: 0.1, digitalValueAdded: 30, shareOfSectoral: 40 },
    ]);
  });

  test("sectors with the same digital value added are ordered by code", () => {
    const m = measureDigitalEconomy({
      ...base,
      intensity: new Map([
        ["C", 0.1],
        ["G", 0.2],
      ]),
    });
    assert.deepEqual(
      m.sectors.map((s) => s.sector),
      ["C", "G"],
    );
  });

  test("gso ignores the platform figure, even when it is missing", () => {
    assert.equal(measureDigitalEconomy({ ...base, platformValueAdded: null }).valueAdded, 125);
  });

  test("mic411 without the platform value added counts that component as 0 (the caller flags it)", () => {
    const m = measureDigitalEconomy({ ...base, method: "mic411", platformValueAdded: null });
    assert.deepEqual(m.components, { core: 50, platform: 0, sectoral: 75 });
    assert.throws(
      () => measureDigitalEconomy({ ...base, method: "mic411", platformValueAdded: Number.NaN }),
      isInvalid("platformValueAdded", /not a finite number/),
    );
  });

  test("without GRDP, or with GRDP 0, there is no share; a negative GRDP is an error", () => {
    assert.equal(measureDigitalEconomy({ ...base, grdp: null }).share, null);
    assert.equal(measureDigitalEconomy({ ...base, grdp: 0 }).share, null);
    assert.throws(() => measureDigitalEconomy({ ...base, grdp: -1 }), isInvalid("grdp", /negative/));
  });

  test("a non-core industry without an intensity is an error naming it", () => {
    const sectorValueAdded = new Map([...base.sectorValueAdded, ["K", 10]]);
    assert.throws(
      () => measureDigitalEconomy({ ...base, sectorValueAdded }),
      isInvalid("intensity.K", /No digital intensity for industry "K"/),
    );
  });

  test("an intensity outside [0, 1] is an error", () => {
    const intensity = new Map([
      ["C", 1.2],
      ["G", 0.3],
    ]);
    assert.throws(
      () => measureDigitalEconomy({ ...base, intensity }),
      isInvalid("intensity.C", /within \[0, 1\]/),
    );
  });

  test("a value added that is not finite is an error", () => {
    const sectorValueAdded = new Map([["C", Number.NaN]]);
    assert.throws(
      () => measureDigitalEconomy({ ...base, sectorValueAdded }),
      isInvalid("sectorValueAdded.C", /not a finite number/),
    );
  });

  test("core industries need no intensity, and an absent core code adds nothing", () => {
    // Core {J, 62}: 62 is not reported, J has no intensity — both are fine.
    const m = measureDigitalEconomy({ ...base, core: new Set(["J", "62"]) });
    assert.equal(m.components.core, 50);
  });

  test("with no digitalised value added the sector shares are null", () => {
    const intensity = new Map([
      ["C", 0],
      ["G", 0],
    ]);
    const m = measureDigitalEconomy({ ...base, intensity });
    assert.equal(m.components.sectoral, 0);
    assert.deepEqual(
      m.sectors.map((s) => s.shareOfSectoral),
      [null, null],
    );
  });
});

describe("deriveDigitalEconomy", () => {
  test("turns the value added of the input–output example into the stored elements", () => {
    // The worked table of io.test.ts (VA A 70, C 100, J 30; D = {J}):
    // direct δ = (A 0, C 0.2), total δ = (A 10/137, C 45/222).
    // core = 30; digitalisedDirect = 70·0 + 100·0.2 = 20;
    // bySection = A 70·10/137 = 700/137 = 5.109489, C 100·45/222 = 4500/222 = 20.270270;
    // sectoralTotal = 25.379759.
    const table: IoTable = {
      year: 2019,
      codes: ["A", "C", "J"],
      z: [
        [10, 40, 0],
        [20, 40, 10],
        [0, 20, 10],
      ],
      output: [100, 200, 50],
      valueAdded: [70, 100, 30],
    };
    const core = new Set(["J"]);
    const va = new Map(table.codes.map((c, i) => [c, table.valueAdded[i] as number]));
    const d = deriveDigitalEconomy(
      va,
      digitalIntensity(table, core, "direct"),
      digitalIntensity(table, core, "total"),
      core,
    );
    assert.equal(d.core, 30);
    close(d.digitalisedDirect, 20, 1e-12);
    close(d.bySection.get("A"), 700 / 137, 1e-12);
    close(d.bySection.get("C"), 4500 / 222, 1e-12);
    assert.deepEqual([...d.bySection.keys()], ["A", "C"]);
    close(d.sectoralTotal, 700 / 137 + 4500 / 222, 1e-12);
  });

  test("a missing total intensity names the map it is missing from", () => {
    assert.throws(
      () => deriveDigitalEconomy(new Map([["C", 1]]), new Map([["C", 0.1]]), new Map(), new Set()),
      isInvalid("total.C", /No digital intensity for industry "C"/),
    );
  });
});
