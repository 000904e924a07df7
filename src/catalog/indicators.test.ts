import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readCsvTable } from "./csv.ts";
import { dataElements, formulaReferences, indicators, pillars } from "./indicators.ts";

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const elementCodes = new Set(dataElements.map((e) => e.code));
const byCode = new Map(indicators.map((i) => [i.code, i]));
const formulas = (i: (typeof indicators)[number]) => [
  i.numerator,
  ...(i.denominator === null ? [] : [i.denominator]),
];

describe("indicator catalogue", () => {
  it("gives every element and indicator a unique UPPER_SNAKE code", () => {
    for (const list of [dataElements, indicators]) {
      const codes = list.map((x) => x.code);
      assert.equal(new Set(codes).size, codes.length);
      for (const c of codes) assert.match(c, UPPER_SNAKE);
    }
  });

  it("never uses one code for both an element and an indicator", () => {
    const both = indicators.filter((i) => elementCodes.has(i.code)).map((i) => i.code);
    assert.deepEqual(both, []);
  });

  it("refers only to existing data elements in every formula", () => {
    for (const i of indicators) {
      for (const f of formulas(i)) {
        const refs = formulaReferences(f);
        assert.ok(refs.length > 0, `${i.code}: ${f} refers to no element`);
        for (const r of refs) assert.ok(elementCodes.has(r), `${i.code} refers to unknown element {${r}}`);
      }
    }
  });

  it("writes formulas with references, numbers, + - * / and balanced parentheses only", () => {
    for (const i of indicators) {
      for (const f of formulas(i)) {
        const rest = f.replace(/\{[A-Z0-9_]+\}/g, "x");
        assert.match(rest, /^[x0-9.+\-*/() ]+$/, `${i.code}: ${f}`);
        let depth = 0;
        for (const ch of rest) {
          depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
          assert.ok(depth >= 0, `${i.code}: ${f}`);
        }
        assert.equal(depth, 0, `${i.code}: ${f}`);
      }
    }
  });

  it("has an indicator for every target code of the three target files", () => {
    const codes = [
      ...readCsvTable("facts/targets-decision-411.csv", ["code"]).map((r) => r.required("code")),
      ...readCsvTable("facts/national-annual-plan-targets.csv", ["indicator"]).map((r) =>
        r.required("indicator"),
      ),
      ...readCsvTable("facts/provincial-targets.csv", ["indicator"]).map((r) => r.required("indicator")),
    ];
    assert.ok(codes.length >= 30);
    for (const c of codes) assert.ok(byCode.has(c), `no indicator for target code ${c}`);
  });

  it("gives each Decision 411 indicator the pillar and unit of the targets file and the decision-411 tag", () => {
    for (const r of readCsvTable("facts/targets-decision-411.csv", ["code", "pillar", "unit"])) {
      const i = byCode.get(r.required("code"));
      assert.equal(i?.pillar, r.required("pillar"), r.required("code"));
      assert.equal(i?.unit, r.required("unit"), r.required("code"));
      assert.ok(i?.tags.includes("decision-411"), r.required("code"));
    }
    assert.equal(indicators.filter((i) => i.tags.includes("decision-411")).length, 13);
  });

  it("places every row of the Decision 1354 set on exactly one indicator, project-defined where the row was not found", () => {
    const rows = readCsvTable("facts/indicator-set-decision-1354.csv", ["level", "no", "name_vi"]);
    assert.equal(rows.length, 23);
    for (const r of rows) {
      const tag = `decision-1354:${r.required("level")}:${r.required("no")}`;
      const tagged = indicators.filter((i) => i.tags.includes(tag));
      assert.equal(tagged.length, 1, `${tag}: ${tagged.map((i) => i.code).join(", ")}`);
      if (r.required("name_vi") === "(not found)") {
        assert.ok(tagged[0]?.tags.includes("project-defined"), `${tag} should be marked project-defined`);
        assert.match(tagged[0]?.source ?? "", /dxmonitor/);
      }
    }
    const all = indicators.flatMap((i) => i.tags.filter((t) => t.startsWith("decision-1354:")));
    assert.equal(all.length, 23);
  });

  it("lists only catalogue indicators in the action programmes file", () => {
    for (const r of readCsvTable("facts/action-programmes-2023-forum.csv", ["no", "indicators"])) {
      for (const code of r
        .text("indicators")
        .split(";")
        .filter((c) => c !== "")) {
        const i = byCode.get(code);
        assert.ok(i, `programme ${r.required("no")} names unknown indicator ${code}`);
        assert.ok(i.tags.includes(`action-programme:${r.required("no")}`), `${code} lacks its programme tag`);
      }
    }
  });

  it("computes every percentage as 100 × numerator / denominator so aggregates are ratios of sums", () => {
    for (const i of indicators) {
      if (i.unit === "percent") {
        assert.equal(i.factor, 100, i.code);
        assert.ok(i.denominator !== null, `${i.code} needs a denominator`);
      } else {
        assert.equal(i.factor, 1, i.code);
      }
    }
  });

  it("defines the digital-economy share over GRDP with quarterly elements, and the sector share over the non-core economy", () => {
    const de = byCode.get("DE_SHARE_GDP");
    assert.equal(de?.numerator, "{DE_CORE_VA} + {DE_DIGITALISED_VA}");
    assert.equal(de?.denominator, "{GRDP}");
    assert.equal(de?.frequency, "quarterly");
    assert.equal(de?.decimals, 2);
    const sector = byCode.get("DE_SHARE_SECTOR");
    assert.equal(sector?.numerator, "{DE_DIGITALISED_VA}");
    assert.equal(sector?.denominator, "{GRDP} - {DE_CORE_VA}");
    for (const c of [
      "GRDP",
      "DE_CORE_VA",
      "DE_DIGITALISED_VA",
      "DE_ICT_VA",
      "DE_PLATFORM_VA",
      "DE_SECTORAL_VA",
    ]) {
      const e = dataElements.find((x) => x.code === c);
      assert.equal(e?.unit, "vnd_billion", c);
      assert.equal(e?.frequency, "quarterly", c);
      assert.equal(e?.areaAggregation, "sum", c);
      assert.equal(e?.timeAggregation, "sum", c);
    }
  });

  it("makes an indicator annual exactly when one of its elements is measured only yearly", () => {
    for (const i of indicators) {
      const refs = formulas(i).flatMap(formulaReferences);
      const annual = refs.some((r) => dataElements.find((e) => e.code === r)?.frequency === "annual");
      assert.equal(i.frequency, annual ? "annual" : "quarterly", i.code);
    }
  });

  it("sums money and counts of events over time and takes the last value of stocks", () => {
    for (const e of dataElements) {
      if (e.unit === "vnd_billion") assert.equal(e.timeAggregation, "sum", e.code);
      if (e.unit === "enterprises" || e.unit === "households")
        assert.equal(e.timeAggregation, "last", e.code);
      if (e.code.startsWith("POP_")) assert.equal(e.timeAggregation, "last", e.code);
      assert.ok(["sum", "mean", "none"].includes(e.areaAggregation), `${e.code}: ${e.areaAggregation}`);
    }
  });

  it("bounds every element below by zero and above by a larger number", () => {
    for (const e of dataElements) {
      assert.equal(e.min, 0, e.code);
      assert.ok(e.max !== undefined && e.max > 0, e.code);
    }
  });

  it("names and defines every indicator in Vietnamese and English and says where it comes from", () => {
    for (const i of indicators) {
      for (const text of [i.nameVi, i.nameEn, i.definitionVi, i.definitionEn, i.source]) {
        assert.ok(text.trim().length > 5, `${i.code}: ${text}`);
      }
      assert.ok(i.tags.length > 0, i.code);
      assert.ok(Number.isInteger(i.decimals) && i.decimals >= 0 && i.decimals <= 3, i.code);
    }
  });

  it("covers each of the 10 pillars with at least one indicator", () => {
    assert.equal(pillars.length, 10);
    for (const p of pillars)
      assert.ok(
        indicators.some((i) => i.pillar === p.code),
        p.code,
      );
    const codes = new Set(pillars.map((p) => p.code));
    for (const x of [...dataElements, ...indicators])
      assert.ok(codes.has(x.pillar), `${x.code}: ${x.pillar}`);
  });

  it("measures what the seed articles report", () => {
    for (const c of [
      "ENT_EINVOICE",
      "CASHLESS_EDU_SHARE",
      "CASHLESS_HEALTH_SHARE",
      "FIBRE_HOUSEHOLDS",
      "ONLINE_PUBLIC_SERVICE_ADULTS",
      "DIGITAL_SIGNATURE_ADULTS",
      "DE_WORKFORCE_SHARE",
      "SME_DIGITAL_PLATFORM_REGULAR",
      "DE_SECTORAL_SHARE_M",
    ]) {
      assert.ok(byCode.get(c)?.tags.includes("seed"), c);
    }
  });
});
