import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Indicator } from "../domain/catalog.ts";
import { parseRule, type ValidationRule, validateReport } from "../methods/validation.ts";
import { generateDemoObservations } from "./demo.ts";
import { dataElements, indicators } from "./indicators.ts";
import { defaultValidationRules, partWholeRules } from "./validation-rules.ts";

const known = new Set(dataElements.map((e) => e.code));

describe("default validation rules", () => {
  test("every rule parses against the catalogue's elements and comes back unchanged", () => {
    for (const r of defaultValidationRules) {
      const parsed = parseRule({ ...r }, known);
      assert.deepEqual(parsed, r, r.id);
    }
  });

  test("ids are unique and fit the API's id pattern", () => {
    const ids = defaultValidationRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_.-]{1,80}$/);
  });

  test("a part ≤ whole error for each single-element percentage of one unit", () => {
    const generated = defaultValidationRules.filter((r) => r.id.startsWith("part_le_whole."));
    const econtract = generated.find((r) => r.id === "part_le_whole.ENT_ECONTRACT");
    assert.deepEqual(econtract && { left: econtract.left, op: econtract.operator, right: econtract.right }, {
      left: "{ENT_ECONTRACT_USERS}",
      op: "<=",
      right: "{ENT_ACTIVE}",
    });
    assert.ok(generated.every((r) => r.importance === "error" && r.missing === "skip_if_any_missing"));
    // Every industry's share of GRDP gives VA_x ≤ GRDP.
    assert.ok(generated.some((r) => r.left === "{VA_C26}" && r.right === "{GRDP}"));
    // Left out: subscriptions per 100 inhabitants (count over persons, may exceed 100 %), a
    // compound numerator (DE_SHARE_GDP) and a compound denominator (DE_SHARE_SECTOR).
    const ids = new Set(generated.map((r) => r.id));
    for (const code of ["INTERNET_SUBS_PER_100", "DE_SHARE_GDP", "DE_SHARE_SECTOR", "DE_VA"]) {
      assert.equal(ids.has(`part_le_whole.${code}`), false, code);
    }
    // Every eligible indicator is covered.
    const byCode = new Map(dataElements.map((e) => [e.code, e]));
    const single = /^\{([A-Z0-9_]+)\}$/;
    const eligible = indicators.filter((i) => {
      const n = single.exec(i.numerator)?.[1];
      const d = single.exec(i.denominator ?? "")?.[1];
      return i.factor === 100 && n && d && byCode.get(n)?.unit === byCode.get(d)?.unit;
    });
    assert.equal(generated.length, eligible.length);
    assert.ok(generated.length >= 40, `only ${generated.length}`);
  });

  test("two indicators over the same pair give one rule", () => {
    const base = indicators.find((i) => i.code === "ENT_ECONTRACT") as Indicator;
    const twice = partWholeRules(dataElements, [base, { ...base, code: "ENT_ECONTRACT_COPY" }]);
    assert.equal(twice.length, 1);
  });

  test("the rules include errors, warnings and pairs", () => {
    const count = (f: (r: ValidationRule) => boolean) => defaultValidationRules.filter(f).length;
    assert.ok(count((r) => r.importance === "warning" && r.operator !== "compulsory_pair") >= 5);
    assert.ok(count((r) => r.operator === "compulsory_pair") >= 3);
    assert.ok(count((r) => r.importance === "error" && !r.id.startsWith("part_le_whole.")) >= 5);
  });

  test("the worked example: 1,200 e-contract users among 1,000 enterprises is an error", () => {
    const out = validateReport({
      elements: dataElements,
      values: new Map([
        ["ENT_ECONTRACT_USERS", 1200],
        ["ENT_ACTIVE", 1000],
      ]),
      rules: defaultValidationRules,
    });
    assert.equal(out.errors, 1);
    assert.equal(out.issues[0]?.ruleId, "part_le_whole.ENT_ECONTRACT");
    assert.match(
      out.issues[0]?.message ?? "",
      /: Enterprises using electronic contracts \(ENT_ECONTRACT_USERS\) = 1,200 must be ≤ Active enterprises \(ENT_ACTIVE\) = 1,000$/,
    );
    assert.match(
      out.issues[0]?.messageVi ?? "",
      /\(ENT_ECONTRACT_USERS\) = 1\.200 phải ≤ .*\(ENT_ACTIVE\) = 1\.000$/,
    );
  });

  test("the demo data break no error rule (quarterly reports with the year's annual values)", () => {
    const groups = new Map<string, Map<string, number>>();
    const annual = new Map<string, Map<string, number>>();
    for (const o of generateDemoObservations()) {
      if (o.target !== "element") continue;
      const quarterly = o.period.includes("-Q");
      const key = `${o.geography}:${o.area}:${o.period}`;
      const into = quarterly ? groups : annual;
      const m = into.get(key) ?? new Map<string, number>();
      into.set(key, m);
      m.set(o.code, o.value);
    }
    const errorRules = defaultValidationRules.filter((r) => r.importance === "error");
    const failures: string[] = [];
    let warnings = 0;
    for (const [key, values] of groups) {
      const [geography, area, period] = key.split(":");
      const year = (period ?? "").slice(0, 4);
      const withAnnual = new Map<string, number | null>(values);
      for (const [code, v] of annual.get(`${geography}:${area}:${year}`) ?? []) withAnnual.set(code, v);
      const out = validateReport({
        elements: dataElements,
        values: withAnnual,
        rules: defaultValidationRules,
      });
      warnings += out.warnings;
      for (const i of out.issues) {
        if (i.severity === "error" && errorRules.some((r) => r.id === i.ruleId)) {
          failures.push(`${key}: ${i.message}`);
        }
      }
    }
    assert.ok(groups.size > 1000);
    assert.deepEqual(failures.slice(0, 5), []);
    // Warnings may happen, but not in most reports.
    assert.ok(warnings < groups.size / 2, `${warnings} warnings in ${groups.size} reports`);
  });
});
