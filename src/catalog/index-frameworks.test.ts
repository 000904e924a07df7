import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import {
  buildFramework,
  type FrameworkFile,
  load922Points,
  loadIndexFrameworks,
} from "./index-frameworks.ts";
import { indicators } from "./indicators.ts";
import { loadTargets } from "./targets.ts";

const known = new Set(indicators.map((i) => i.code));

function small(): FrameworkFile {
  return {
    id: "t",
    version: "1",
    name_vi: "t",
    name_en: "t",
    source: "test",
    base_year: 2022,
    aggregation: "arithmetic",
    missing: "exclude",
    clip: false,
    note_vi: "",
    note_en: "",
    nodes: [
      { code: "A", parent: null, weight: 0.5, status: "known" },
      { code: "B", parent: null, weight: 0.5, status: "known" },
      {
        code: "DE_SHARE_GDP",
        parent: "A",
        weight: 1,
        direction: "higher",
        normalisation: "minmax",
        status: "assumed",
      },
      {
        code: "ECOM_SHARE_RETAIL",
        parent: "B",
        weight: 1,
        direction: "higher",
        normalisation: "minmax",
        status: "assumed",
      },
    ],
  };
}

function rejects(f: FrameworkFile, field: string, message: RegExp) {
  assert.throws(
    () => buildFramework(f, known),
    (e: unknown) =>
      e instanceof DxmError && e.code === "invalid_data" && e.field === field && message.test(e.message),
  );
}

describe("index frameworks", () => {
  it("ships dti-922 with the 9 main indices of the decision weighted by points / 1000", () => {
    const f = loadIndexFrameworks().find((x) => x.id === "dti-922")!;
    const points = load922Points();
    assert.equal(f.pillars.length, 9);
    for (const p of f.pillars) {
      assert.equal(p.points, points.get(p.code));
      assert.equal(p.weight, (p.points ?? 0) / 1000);
      assert.equal(p.status, "known");
      assert.ok(p.indicators.length >= 1, p.code);
    }
    assert.equal(f.pillars.find((p) => p.code === "SMART_CITY")!.weight, 0);
  });

  it("loads the 405 framework beside it as its own version with 8 main indices, marked assumed", () => {
    const all = loadIndexFrameworks();
    assert.deepEqual(
      all.map((f) => f.id),
      ["dti-922", "dti-405"],
    );
    const f = all[1]!;
    assert.equal(f.version, "405/QĐ-BKHCN");
    assert.equal(f.pillars.length, 8);
    assert.ok(f.pillars.every((p) => p.status === "assumed"));
    assert.notEqual(f.baseYear, all[0]!.baseYear);
  });

  it("models the 405 framework's three pillars over its 8 main indices, each the 5 foundation indices plus its activity index, marked assumed", () => {
    const f = loadIndexFrameworks().find((x) => x.id === "dti-405")!;
    assert.deepEqual(
      f.groups.map((g) => g.code),
      ["PILLAR_GOVERNMENT", "PILLAR_ECONOMY", "PILLAR_SOCIETY"],
    );
    const foundation = ["AWARENESS", "INSTITUTIONS", "INFRASTRUCTURE", "HUMAN_RESOURCES", "CYBERSECURITY"];
    const activity = ["DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY"];
    f.groups.forEach((g, i) => {
      assert.deepEqual(g.members, [...foundation, activity[i]]);
      assert.equal(g.status, "assumed");
    });
    // Every main index belongs to some pillar; the source and notes say what is assumed.
    assert.deepEqual(new Set(f.groups.flatMap((g) => g.members)), new Set(f.pillars.map((p) => p.code)));
    assert.match(f.noteEn, /Assumed by dxmonitor/);
    assert.match(f.source, /2455309/);
  });

  it("rejects a pillar group whose member is not a main index, naming the group", () => {
    rejects(
      {
        ...small(),
        groups: [{ code: "G", name_vi: "g", name_en: "g", members: ["A", "Z"], status: "known" }],
      },
      "t/G",
      /member Z is not a main index/,
    );
  });

  it("uses the 2025 national targets of Decision 411 as the 405 framework's distance-to-target targets", () => {
    const targets = loadTargets().filter((t) => t.area === "VN" && t.year === 2025);
    const f = loadIndexFrameworks().find((x) => x.id === "dti-405")!;
    const withTarget = f.pillars
      .flatMap((p) => p.indicators)
      .filter((i) => i.normalisation === "target" && i.targetSource?.includes("411"));
    assert.ok(withTarget.length >= 8);
    for (const i of withTarget) {
      const t = targets.find((x) => x.indicator === i.code);
      assert.ok(t, `${i.code} has a 2025 target`);
      assert.equal(i.target, t.value, i.code);
    }
  });

  it("rejects an unknown indicator code naming the node", () => {
    const f = small();
    f.nodes[2] = { ...f.nodes[2]!, code: "NO_SUCH" };
    rejects(f, "t/A/NO_SUCH", /NO_SUCH is not an indicator of the catalogue/);
  });

  it("rejects weights that do not sum to 1 naming the node", () => {
    const f = small();
    f.nodes[1] = { ...f.nodes[1]!, weight: 0.4 };
    rejects(f, "t", /weights of its children sum to 0\.9/);
  });

  it("rejects a cycle of parents naming the node", () => {
    const f = small();
    f.nodes.push(
      { code: "X", parent: "Y", weight: 1, status: "known" },
      { code: "Y", parent: "X", weight: 1, status: "known" },
    );
    rejects(f, "t/X", /cycle \(X → Y → X\)/);
  });

  it("rejects a missing parent and an indicator nested under an indicator", () => {
    const f = small();
    f.nodes.push({
      code: "SMARTPHONE_ADULTS",
      parent: "NOPE",
      weight: 1,
      status: "known",
      direction: "higher",
      normalisation: "minmax",
    });
    rejects(f, "t/SMARTPHONE_ADULTS", /parent NOPE is not a node/);
    const g = small();
    g.nodes.push({
      code: "SMARTPHONE_ADULTS",
      parent: "DE_SHARE_GDP",
      weight: 1,
      status: "known",
      direction: "higher",
      normalisation: "minmax",
    });
    rejects(g, "t/A/DE_SHARE_GDP", /directly under a main index/);
  });

  it("rejects a malformed file naming the field", () => {
    assert.throws(
      () => buildFramework({ ...small(), missing: "guess" }, known, "x.json"),
      /x\.json: missing/,
    );
  });
});
