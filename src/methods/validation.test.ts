import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { DataElement } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import {
  compare,
  formatValue,
  type MissingStrategy,
  parseRule,
  type RuleOperator,
  relativeChange,
  ruleElements,
  type ValidateReportInput,
  type ValidationRule,
  validateReport,
  zScore,
} from "./validation.ts";

function el(code: string, options: Partial<DataElement> = {}): DataElement {
  return {
    code,
    nameVi: `Tên ${code}`,
    nameEn: `Name ${code}`,
    unit: "count",
    valueType: "number",
    areaAggregation: "sum",
    timeAggregation: "sum",
    frequency: "quarterly",
    pillar: "digital_economy",
    ...options,
  };
}

const ENT_TOTAL = el("ENT_TOTAL", {
  nameEn: "Enterprises",
  nameVi: "Số doanh nghiệp",
  valueType: "integer",
  min: 0,
  max: 5_000_000,
});
const ENT_ECONTRACT_COUNT = el("ENT_ECONTRACT_COUNT", {
  nameEn: "Enterprises using e-contracts",
  nameVi: "Doanh nghiệp sử dụng hợp đồng điện tử",
  valueType: "integer",
  min: 0,
  max: 5_000_000,
});
const A = el("A");
const B = el("B");
const C = el("C");
const ELEMENTS = [ENT_TOTAL, ENT_ECONTRACT_COUNT, A, B, C];
const KNOWN = new Set(ELEMENTS.map((e) => e.code));

function rule(
  left: string,
  operator: RuleOperator,
  right: string,
  options: Partial<ValidationRule> = {},
): ValidationRule {
  return parseRule(
    {
      id: options.id ?? "r1",
      nameVi: options.nameVi ?? "Quy tắc",
      nameEn: options.nameEn ?? "Rule",
      left,
      operator,
      right,
      importance: options.importance ?? "error",
      missing: options.missing ?? "skip_if_any_missing",
      ...(options.messageEn === undefined ? {} : { messageEn: options.messageEn }),
      ...(options.messageVi === undefined ? {} : { messageVi: options.messageVi }),
    },
    KNOWN,
  );
}

function values(v: Record<string, number | null>): Map<string, number | null> {
  return new Map(Object.entries(v));
}

function run(v: Record<string, number | null>, extra: Partial<ValidateReportInput> = {}) {
  return validateReport({ elements: ELEMENTS, values: values(v), rules: [], ...extra });
}

/** Does `rule` fire on these values? */
function fires(r: ValidationRule, v: Record<string, number | null>): boolean {
  return run(v, { rules: [r] }).issues.some((i) => i.code === "rule");
}

function throwsInvalid(fn: () => unknown, field: string): DxmError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof DxmError, `expected a DxmError, got ${String(caught)}`);
  assert.equal(caught.code, "invalid_data");
  assert.equal(caught.field, field);
  assert.ok(caught.message.length > 0 && caught.messageVi.length > 0);
  return caught;
}

describe("element checks", () => {
  test("an integer element must hold a whole number; a number element may hold a fraction", () => {
    const r = run({ ENT_TOTAL: 12.5, A: 12.5 });
    assert.equal(r.issues.length, 1);
    const [i] = r.issues;
    assert.equal(i?.code, "type");
    assert.equal(i?.severity, "error");
    assert.deepEqual(i?.elements, ["ENT_TOTAL"]);
    assert.equal(i?.value, 12.5);
    assert.equal(i?.message, "Enterprises (ENT_TOTAL) = 12.5 must be a whole number");
    assert.equal(i?.messageVi, "Số doanh nghiệp (ENT_TOTAL) = 12,5 phải là số nguyên");
    assert.equal(r.canSubmit, false);
  });

  test("NaN and ±Infinity are type errors with value null, and no min/max is checked on them", () => {
    const r = run({ A: Number.NaN, B: Number.POSITIVE_INFINITY, ENT_TOTAL: Number.NEGATIVE_INFINITY });
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.elements[0], i.value]),
      [
        ["type", "ENT_TOTAL", null],
        ["type", "A", null],
        ["type", "B", null],
      ],
    );
    assert.equal(r.issues[1]?.message, "Name A (A): the value is not a number");
    assert.match(r.issues[2]?.message ?? "", /infinity is not a finite number/);
    assert.match(r.issues[0]?.messageVi ?? "", /−vô cực không phải là số hữu hạn/);
  });

  test("min and max come from the element; the bounds themselves are valid", () => {
    assert.equal(run({ ENT_TOTAL: 0 }).issues.length, 0);
    assert.equal(run({ ENT_TOTAL: 5_000_000 }).issues.length, 0);
    const low = run({ ENT_TOTAL: -1 });
    assert.equal(low.issues[0]?.code, "min");
    assert.equal(low.issues[0]?.message, "Enterprises (ENT_TOTAL) = -1 is below the minimum 0");
    assert.equal(low.issues[0]?.messageVi, "Số doanh nghiệp (ENT_TOTAL) = -1 nhỏ hơn giá trị tối thiểu 0");
    const high = run({ ENT_TOTAL: 5_000_001 });
    assert.equal(high.issues[0]?.code, "max");
    assert.equal(
      high.issues[0]?.message,
      "Enterprises (ENT_TOTAL) = 5,000,001 is above the maximum 5,000,000",
    );
    assert.equal(
      high.issues[0]?.messageVi,
      "Số doanh nghiệp (ENT_TOTAL) = 5.000.001 lớn hơn giá trị tối đa 5.000.000",
    );
  });

  test("a required element that is null or absent is an error; an optional one is not", () => {
    const required = new Set(["ENT_TOTAL", "A", "B"]);
    const r = run({ ENT_TOTAL: null, A: 3 }, { required });
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.elements[0]]),
      [
        ["required", "ENT_TOTAL"],
        ["required", "B"],
      ],
    );
    assert.equal(r.issues[0]?.message, "Enterprises (ENT_TOTAL) is required but empty");
    assert.equal(r.issues[0]?.messageVi, "Số doanh nghiệp (ENT_TOTAL) là bắt buộc nhưng đang để trống");
    assert.equal(r.errors, 2);
    // A required code outside the form is still checked, named by its code.
    const outside = run({}, { required: new Set(["ZZZ"]) });
    assert.equal(outside.issues[0]?.message, "ZZZ is required but empty");
  });

  test("a value for a code that is not on the form is an error; an empty one is ignored", () => {
    const r = run({ NOT_ON_FORM: 5, ALSO_NOT: null });
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0]?.code, "type");
    assert.equal(r.issues[0]?.message, "NOT_ON_FORM is not a data element of this form");
  });

  test("hostile numbers: 1e308 is above the max, written with an exponent; −0 is a valid 0", () => {
    const r = run({ ENT_TOTAL: 1e308, ENT_ECONTRACT_COUNT: -0, A: 1e308 });
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0]?.code, "max");
    assert.equal(r.issues[0]?.value, 1e308);
    assert.equal(r.issues[0]?.message, "Enterprises (ENT_TOTAL) = 1e+308 is above the maximum 5,000,000");
    // −0 below a min of 0? No: −0 = 0.
    const neg0 = run({ ENT_TOTAL: -0 }, { required: new Set(["ENT_TOTAL"]) });
    assert.equal(neg0.issues.length, 0);
    assert.equal(neg0.canSubmit, true);
  });

  test("an empty report with nothing required and no rules can be submitted", () => {
    const r = run({});
    assert.deepEqual(r, { issues: [], errors: 0, warnings: 0, uncommentedWarnings: 0, canSubmit: true });
  });
});

describe("rules: comparison operators", () => {
  test("the issue's example: e-contract users must be ≤ enterprises, in English and Vietnamese", () => {
    const r = rule("{ENT_ECONTRACT_COUNT}", "<=", "{ENT_TOTAL}", {
      id: "econtract_le_total",
      nameEn: "Users cannot exceed enterprises",
      nameVi: "Số sử dụng không vượt số doanh nghiệp",
    });
    const out = run({ ENT_ECONTRACT_COUNT: 1200, ENT_TOTAL: 1000 }, { rules: [r] });
    assert.equal(out.issues.length, 1);
    const i = out.issues[0];
    assert.equal(i?.code, "rule");
    assert.equal(i?.ruleId, "econtract_le_total");
    assert.equal(i?.value, 1200);
    assert.deepEqual(i?.elements, ["ENT_ECONTRACT_COUNT", "ENT_TOTAL"]);
    assert.equal(
      i?.message,
      "Users cannot exceed enterprises: Enterprises using e-contracts (ENT_ECONTRACT_COUNT) = 1,200 must be ≤ Enterprises (ENT_TOTAL) = 1,000",
    );
    assert.equal(
      i?.messageVi,
      "Số sử dụng không vượt số doanh nghiệp: Doanh nghiệp sử dụng hợp đồng điện tử (ENT_ECONTRACT_COUNT) = 1.200 phải ≤ Số doanh nghiệp (ENT_TOTAL) = 1.000",
    );
    assert.equal(out.canSubmit, false);
    assert.equal(fires(r, { ENT_ECONTRACT_COUNT: 1000, ENT_TOTAL: 1000 }), false);
  });

  test("each operator on 5 vs 5, 4 vs 5 and 6 vs 5", () => {
    // Rows: operator, holds for (5,5), (4,5), (6,5).
    const table: [RuleOperator, boolean, boolean, boolean][] = [
      ["==", true, false, false],
      ["!=", false, true, true],
      [">", false, false, true],
      [">=", true, false, true],
      ["<", false, true, false],
      ["<=", true, true, false],
    ];
    for (const [op, eq, less, more] of table) {
      const r = rule("{A}", op, "{B}");
      assert.equal(!fires(r, { A: 5, B: 5 }), eq, `5 ${op} 5`);
      assert.equal(!fires(r, { A: 4, B: 5 }), less, `4 ${op} 5`);
      assert.equal(!fires(r, { A: 6, B: 5 }), more, `6 ${op} 5`);
    }
  });

  test("expressions on both sides: {A} + {B} == {C} within the tolerance (0.1 + 0.2 = 0.3)", () => {
    const r = rule("{A} + {B}", "==", "{C}", { nameEn: "Parts add up", nameVi: "Tổng các phần" });
    assert.equal(fires(r, { A: 0.1, B: 0.2, C: 0.3 }), false);
    const out = run({ A: 1000, B: 2400, C: 3000 }, { rules: [r] });
    assert.equal(
      out.issues[0]?.message,
      "Parts add up: Name A (A) + Name B (B) = 3,400 (A = 1,000; B = 2,400) must equal Name C (C) = 3,000",
    );
    assert.equal(
      out.issues[0]?.messageVi,
      "Tổng các phần: Tên A (A) + Tên B (B) = 3.400 (A = 1.000; B = 2.400) phải bằng Tên C (C) = 3.000",
    );
    // A constant side is written as a number.
    const half = rule("{A}", "<=", "0.5 * {B}");
    assert.equal(fires(half, { A: 50, B: 100 }), false);
    assert.equal(fires(half, { A: 51, B: 100 }), true);
    const limit = rule("{A}", "<", "100");
    assert.match(run({ A: 100 }, { rules: [limit] }).issues[0]?.message ?? "", /= 100 must be < 100$/);
  });

  test("the tolerance is relative: 1e12 and 1e12 + 1e-3 are equal, 1 and 1.001 are not", () => {
    assert.equal(compare(1e12, "==", 1e12 + 1e-3), true);
    assert.equal(compare(1e12 + 1e-3, "<", 1e12), false);
    assert.equal(compare(1, "==", 1.001), false);
    assert.equal(compare(1, "<", 1.001), true);
  });

  test("a custom message replaces the name before the explanation", () => {
    const r = rule("{A}", "<=", "{B}", { messageEn: "A is part of B", messageVi: "A là một phần của B" });
    const i = run({ A: 2, B: 1 }, { rules: [r] }).issues[0];
    assert.match(i?.message ?? "", /^A is part of B: Name A \(A\) = 2 must be ≤ Name B \(B\) = 1$/);
    assert.match(i?.messageVi ?? "", /^A là một phần của B: /);
  });

  test("a zero divisor or an overflowing side leaves the rule unevaluated", () => {
    assert.equal(fires(rule("{A} / {B}", "<=", "1"), { A: 5, B: 0 }), false);
    assert.equal(fires(rule("{A} + {B}", "<=", "{C}"), { A: 1e308, B: 1e308, C: 1 }), false);
    assert.equal(fires(rule("{A} / {B}", "<=", "1"), { A: 5, B: 2 }), true);
  });

  test("values with a type error are used by rules if finite; NaN and ±∞ count as empty", () => {
    const r = rule("{ENT_ECONTRACT_COUNT}", "<=", "{ENT_TOTAL}");
    const out = run({ ENT_ECONTRACT_COUNT: 10.5, ENT_TOTAL: 3 }, { rules: [r] });
    assert.deepEqual(
      out.issues.map((i) => i.code),
      ["type", "rule"],
    );
    assert.equal(fires(r, { ENT_ECONTRACT_COUNT: Number.NaN, ENT_TOTAL: 3 }), false);
    assert.equal(fires(r, { ENT_ECONTRACT_COUNT: Number.POSITIVE_INFINITY, ENT_TOTAL: 3 }), false);
    // −0 in a rule is 0, and the reported value is 0, not −0.
    const neg = rule("{A}", ">", "0");
    const i = run({ A: -0 }, { rules: [neg] }).issues[0];
    assert.ok(i && Object.is(i.value, 0));
    assert.match(i.message, /Name A \(A\) = 0 must be > 0$/);
  });
});

describe("rules: pair operators", () => {
  test("compulsory_pair: if one side has a value the other must too", () => {
    const r = rule("{A}", "compulsory_pair", "{B}", { nameEn: "A needs B", nameVi: "A cần B" });
    assert.equal(fires(r, {}), false);
    assert.equal(fires(r, { A: 1, B: 2 }), false);
    assert.equal(fires(r, { A: 0, B: 0 }), false);
    const leftOnly = run({ A: 1200 }, { rules: [r] }).issues[0];
    assert.equal(
      leftOnly?.message,
      "A needs B: Name A (A) = 1,200 is filled, so Name B (B) must be filled too",
    );
    assert.equal(
      leftOnly?.messageVi,
      "A cần B: đã nhập Tên A (A) = 1.200, nên Tên B (B) cũng phải được nhập",
    );
    assert.equal(leftOnly?.value, 1200);
    const rightOnly = run({ B: 7 }, { rules: [r] }).issues[0];
    assert.equal(rightOnly?.message, "A needs B: Name B (B) = 7 is filled, so Name A (A) must be filled too");
    assert.equal(rightOnly?.value, null);
  });

  test("compulsory_pair: a side of several elements has a value when any of them has one", () => {
    const r = rule("{A} + {B}", "compulsory_pair", "{C}");
    assert.equal(fires(r, { B: 1 }), true);
    assert.equal(fires(r, { B: 1, C: 1 }), false);
    const i = run({ C: 1 }, { rules: [r] }).issues[0];
    assert.match(i?.message ?? "", /so Name A \(A\) or Name B \(B\) must be filled too$/);
    assert.match(i?.messageVi ?? "", /nên Tên A \(A\) hoặc Tên B \(B\) cũng phải được nhập$/);
  });

  test("exclusive_pair: not both", () => {
    const r = rule("{A}", "exclusive_pair", "{B}", { nameEn: "A or B", nameVi: "A hoặc B" });
    assert.equal(fires(r, {}), false);
    assert.equal(fires(r, { A: 1 }), false);
    assert.equal(fires(r, { B: 1 }), false);
    const both = run({ A: 1, B: 2 }, { rules: [r] }).issues[0];
    assert.equal(both?.message, "A or B: Name A (A) = 1 and Name B (B) = 2 must not both be filled");
    assert.equal(both?.messageVi, "A hoặc B: Tên A (A) = 1 và Tên B (B) = 2 không được nhập cùng lúc");
  });

  test("pair operators ignore the missing-value strategy", () => {
    for (const missing of ["skip_if_any_missing", "skip_if_all_missing", "never_skip"] as const) {
      assert.equal(fires(rule("{A}", "compulsory_pair", "{B}", { missing }), { A: 1 }), true, missing);
      assert.equal(fires(rule("{A}", "exclusive_pair", "{B}", { missing }), { A: 1, B: 1 }), true, missing);
    }
  });
});

describe("rules: missing-value strategy", () => {
  // {A} + {B} <= {C}: the left side has two references, the right one.
  const make = (missing: MissingStrategy) => rule("{A} + {B}", "<=", "{C}", { missing });

  test("skip_if_any_missing: skipped as soon as one reference is empty", () => {
    const r = make("skip_if_any_missing");
    assert.equal(fires(r, { A: 5, B: 1, C: 3 }), true);
    assert.equal(fires(r, { A: 5, C: 3 }), false);
    assert.equal(fires(r, { A: 5, B: 1 }), false);
  });

  test("skip_if_all_missing: skipped when every reference of one side is empty, else empty = 0", () => {
    const r = make("skip_if_all_missing");
    // A = 5, B empty → 5 + 0 = 5 > 3: fires.
    assert.equal(fires(r, { A: 5, C: 3 }), true);
    // A = 2, B empty → 2 ≤ 3: holds.
    assert.equal(fires(r, { A: 2, C: 3 }), false);
    // The right side is all empty: skipped, as DHIS2 skips a side.
    assert.equal(fires(r, { A: 5, B: 1 }), false);
    // The left side is all empty: skipped.
    assert.equal(fires(r, { C: -1 }), false);
    // A constant side is never "all missing": {A} <= 100 with A empty is skipped (left all empty),
    // and with A = 101 fires.
    const c = rule("{A}", "<=", "100", { missing: "skip_if_all_missing" });
    assert.equal(fires(c, {}), false);
    assert.equal(fires(c, { A: 101 }), true);
  });

  test("never_skip: empty references count as 0, and the message says so", () => {
    const r = make("never_skip");
    // 0 + 0 ≤ 0 holds for an empty report.
    assert.equal(fires(r, {}), false);
    // 5 + 0 > 0: fires.
    const out = run({ A: 5 }, { rules: [r] });
    assert.equal(out.issues.length, 1);
    assert.equal(
      out.issues[0]?.message,
      "Rule: Name A (A) + Name B (B) = 5 (A = 5; B = empty, counted as 0) must be ≤ Name C (C) = empty, counted as 0",
    );
    assert.match(out.issues[0]?.messageVi ?? "", /B = trống, tính là 0/);
    // "A must be filled" written as a rule: {A} > 0, never skipped.
    assert.equal(fires(rule("{A}", ">", "0", { missing: "never_skip" }), {}), true);
  });
});

describe("rules as data: parseRule", () => {
  const good = {
    id: "a_le_b",
    nameVi: " A không vượt B ",
    nameEn: "A at most B",
    left: "{A}",
    operator: "<=",
    right: "{B}",
    importance: "warning",
    missing: "skip_if_all_missing",
  };

  test("a valid rule comes back trimmed and frozen; null or empty messages are absent", () => {
    const r = parseRule({ ...good, messageVi: null, messageEn: "  " }, KNOWN);
    assert.equal(r.nameVi, "A không vượt B");
    assert.equal(r.operator, "<=");
    assert.equal("messageVi" in r, false);
    assert.equal("messageEn" in r, false);
    assert.ok(Object.isFrozen(r));
    assert.deepEqual(ruleElements(r), ["A", "B"]);
    const withMsg = parseRule({ ...good, messageEn: "B is the whole" }, KNOWN);
    assert.equal(withMsg.messageEn, "B is the whole");
  });

  test("an unknown element reference names the side and the code", () => {
    const e = throwsInvalid(() => parseRule({ ...good, right: "{B} + {NOPE}" }, KNOWN), "right");
    assert.match(e.message, /a_le_b.*\{NOPE\}/);
    assert.match(e.messageVi, /\{NOPE\}/);
    assert.deepEqual(e.details?.unknown, ["NOPE"]);
  });

  test("a bad expression names the side and says where", () => {
    const e = throwsInvalid(() => parseRule({ ...good, left: "{A} +" }, KNOWN), "left");
    assert.match(e.message, /column/);
    assert.match(e.messageVi, /cột/);
    throwsInvalid(() => parseRule({ ...good, left: "{a}" }, KNOWN), "left");
    throwsInvalid(() => parseRule({ ...good, left: "alert(1)" }, KNOWN), "left");
    throwsInvalid(() => parseRule({ ...good, right: "" }, KNOWN), "right");
  });

  test("operator, importance and strategy must be from their lists", () => {
    throwsInvalid(() => parseRule({ ...good, operator: "=<" }, KNOWN), "operator");
    throwsInvalid(() => parseRule({ ...good, operator: 3 }, KNOWN), "operator");
    throwsInvalid(() => parseRule({ ...good, importance: "fatal" }, KNOWN), "importance");
    throwsInvalid(() => parseRule({ ...good, missing: "skip" }, KNOWN), "missing");
  });

  test("wrong shapes, unknown fields, bad ids and huge strings are refused with the field named", () => {
    throwsInvalid(() => parseRule(null, KNOWN), "rule");
    throwsInvalid(() => parseRule([good], KNOWN), "rule");
    throwsInvalid(() => parseRule("rule", KNOWN), "rule");
    throwsInvalid(() => parseRule({ ...good, extra: 1 }, KNOWN), "extra");
    throwsInvalid(() => parseRule({ ...good, id: undefined }, KNOWN), "id");
    throwsInvalid(() => parseRule({ ...good, id: "has space" }, KNOWN), "id");
    throwsInvalid(() => parseRule({ ...good, id: "x".repeat(81) }, KNOWN), "id");
    throwsInvalid(() => parseRule({ ...good, nameEn: 5 }, KNOWN), "nameEn");
    throwsInvalid(() => parseRule({ ...good, nameVi: "   " }, KNOWN), "nameVi");
    throwsInvalid(() => parseRule({ ...good, nameEn: "x".repeat(100_000) }, KNOWN), "nameEn");
    throwsInvalid(() => parseRule({ ...good, left: `{A}${" + {A}".repeat(20_000)}` }, KNOWN), "left");
    throwsInvalid(() => parseRule({ ...good, messageEn: "x".repeat(501) }, KNOWN), "messageEn");
    throwsInvalid(() => parseRule({ ...good, messageVi: 1 }, KNOWN), "messageVi");
  });

  test("a rule must refer to an element; a pair needs one on each side", () => {
    throwsInvalid(() => parseRule({ ...good, left: "1", right: "2" }, KNOWN), "left");
    throwsInvalid(() => parseRule({ ...good, operator: "compulsory_pair", right: "1" }, KNOWN), "right");
    throwsInvalid(() => parseRule({ ...good, operator: "exclusive_pair", left: "0" }, KNOWN), "left");
    // A comparison with a constant side is fine.
    assert.equal(parseRule({ ...good, right: "1e6" }, KNOWN).right, "1e6");
  });

  test("validateReport refuses a typed rule whose expression does not parse", () => {
    const broken: ValidationRule = { ...rule("{A}", "<=", "{B}"), right: "{B" };
    throwsInvalid(() => run({ A: 1, B: 2 }, { rules: [broken] }), "right");
  });
});

describe("outliers", () => {
  test("relative change beyond the threshold, in both directions; at the threshold no warning", () => {
    const previous = new Map([["A", 1000]]);
    const rise = run({ A: 1600 }, { previous });
    assert.equal(rise.issues.length, 1);
    const i = rise.issues[0];
    assert.equal(i?.code, "outlier_change");
    assert.equal(i?.severity, "warning");
    assert.equal(i?.needsComment, true);
    assert.equal(
      i?.message,
      "Name A (A) = 1,600 changed by +60 % against the previous period (1,000), more than 50 %; explain it in a comment",
    );
    assert.equal(
      i?.messageVi,
      "Tên A (A) = 1.600 thay đổi +60 % so với kỳ trước (1.000), quá 50 %; cần giải thích trong ghi chú",
    );
    assert.equal(rise.warnings, 1);
    assert.equal(rise.uncommentedWarnings, 1);
    assert.equal(rise.canSubmit, false);
    // A fall of 60 %: 1000 → 400.
    assert.match(run({ A: 400 }, { previous }).issues[0]?.message ?? "", /changed by −60 %/);
    // Exactly ±50 %: no warning.
    assert.equal(run({ A: 1500 }, { previous }).issues.length, 0);
    assert.equal(run({ A: 500 }, { previous }).issues.length, 0);
    // Another threshold: 20 %.
    assert.equal(run({ A: 1300 }, { previous, changeThreshold: 0.2 }).issues.length, 1);
    assert.equal(run({ A: 1200 }, { previous, changeThreshold: 0.2 }).issues.length, 0);
  });

  test("previous 0: any non-zero value is a change; 0 stays 0", () => {
    const previous = new Map([["A", 0]]);
    const i = run({ A: 5 }, { previous }).issues[0];
    assert.equal(i?.code, "outlier_change");
    assert.equal(i?.message, "Name A (A) = 5 changed from 0 in the previous period; explain it in a comment");
    assert.equal(run({ A: -0 }, { previous }).issues.length, 0);
    assert.equal(relativeChange(5, 0), Number.POSITIVE_INFINITY);
    assert.equal(relativeChange(-5, 0), Number.NEGATIVE_INFINITY);
    assert.equal(relativeChange(0, 0), 0);
  });

  test("a negative previous value: the change is relative to its size", () => {
    // −100 → 0: (0 − (−100))/100 = +100 %.
    assert.equal(relativeChange(0, -100), 1);
    assert.equal(relativeChange(-160, -100), -0.6);
  });

  test("|z| > 3 against at least 4 history points with σ > 0", () => {
    // History 100, 110, 90, 100, 100: μ = 100, σ = √(200/4) = 7.0711; x = 130 → z = 4.24.
    const history = new Map([["A", [100, 110, 90, 100, 100]]]);
    const z = zScore(130, [100, 110, 90, 100, 100]);
    assert.ok(z);
    assert.ok(Math.abs(z.z - 30 / Math.sqrt(50)) < 1e-12);
    assert.equal(z.mean, 100);
    assert.equal(z.n, 5);
    const out = run({ A: 130 }, { history });
    assert.equal(out.issues.length, 1);
    assert.equal(out.issues[0]?.code, "outlier_z");
    assert.equal(
      out.issues[0]?.message,
      "Name A (A) = 130 is far from its history: z = +4.2 (mean 100, standard deviation 7.071068 over 5 periods), beyond ±3; explain it in a comment",
    );
    assert.match(
      out.issues[0]?.messageVi ?? "",
      /z = \+4,2 \(trung bình 100, độ lệch chuẩn 7,071068 qua 5 kỳ\)/,
    );
    // x = 121: z = 2.97, no warning; x = 78: z = −3.11, warning.
    assert.equal(run({ A: 121 }, { history }).issues.length, 0);
    assert.match(run({ A: 78 }, { history }).issues[0]?.message ?? "", /z = -3\.1/);
  });

  test("no z check with fewer than 4 finite points or σ = 0", () => {
    assert.equal(zScore(1000, [1, 2, 3]), null);
    assert.equal(zScore(1000, [1, 2, 3, Number.NaN, Number.POSITIVE_INFINITY]), null);
    assert.equal(zScore(1000, [5, 5, 5, 5, 5]), null);
    assert.equal(run({ A: 1000 }, { history: new Map([["A", [5, 5, 5, 5]]]) }).issues.length, 0);
    assert.ok(zScore(1000, [1, 2, 3, 4]));
  });

  test("hostile numbers in the history and the previous value do not overflow", () => {
    // Scaled by 1e308: history ±1e308 alternating, x = 1e308 → finite z.
    const z = zScore(1e308, [1e308, -1e308, 1e308, -1e308]);
    assert.ok(z && Number.isFinite(z.z));
    // 1e308 against −1e308: −200 %, not NaN or ∞.
    assert.equal(relativeChange(1e308, -1e308), 2);
    // A NaN previous value or history is ignored.
    const out = run(
      { A: 10 },
      { previous: new Map([["A", Number.NaN]]), history: new Map([["A", [Number.NaN, 1, 2]]]) },
    );
    assert.equal(out.issues.length, 0);
  });

  test("an element with an error of its own gets no outlier warning", () => {
    const out = run({ ENT_TOTAL: 5_000_001 }, { previous: new Map([["ENT_TOTAL", 10]]) });
    assert.deepEqual(
      out.issues.map((i) => i.code),
      ["max"],
    );
  });

  test("both kinds may fire on one element; one comment answers both", () => {
    const input = {
      previous: new Map([["A", 100]]),
      history: new Map([["A", [100, 110, 90, 100]]]),
    };
    const out = run({ A: 1000 }, input);
    assert.deepEqual(
      out.issues.map((i) => i.code),
      ["outlier_change", "outlier_z"],
    );
    assert.equal(out.uncommentedWarnings, 2);
    const commented = run({ A: 1000 }, { ...input, comments: new Map([["A", "New data centre opened"]]) });
    assert.equal(commented.warnings, 2);
    assert.equal(commented.uncommentedWarnings, 0);
    assert.ok(commented.issues.every((i) => !i.needsComment));
    assert.equal(commented.canSubmit, true);
  });

  test("a changeThreshold that is negative, NaN or infinite is refused", () => {
    for (const t of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => run({}, { changeThreshold: t }),
        (e: unknown) =>
          e instanceof DxmError && e.code === "invalid_parameter" && e.field === "changeThreshold",
      );
    }
  });
});

describe("comments and submission", () => {
  const warn = rule("{A}", "<=", "{B}", { importance: "warning", nameEn: "A ≤ B", nameVi: "A ≤ B" });

  test("a warning rule needs a comment on one of its elements; a blank comment does not count", () => {
    const v = { A: 3, B: 2 };
    const bare = run(v, { rules: [warn] });
    assert.equal(bare.issues[0]?.severity, "warning");
    assert.equal(bare.issues[0]?.needsComment, true);
    assert.equal(bare.canSubmit, false);
    const blank = run(v, { rules: [warn], comments: new Map([["A", "   "]]) });
    assert.equal(blank.uncommentedWarnings, 1);
    const onB = run(v, { rules: [warn], comments: new Map([["B", "B is counted differently"]]) });
    assert.equal(onB.issues.length, 1);
    assert.equal(onB.issues[0]?.needsComment, false);
    assert.equal(onB.warnings, 1);
    assert.equal(onB.uncommentedWarnings, 0);
    assert.equal(onB.canSubmit, true);
  });

  test("an error is never answered by a comment", () => {
    const err = rule("{A}", "<=", "{B}");
    const out = run({ A: 3, B: 2 }, { rules: [err], comments: new Map([["A", "sure"]]) });
    assert.equal(out.errors, 1);
    assert.equal(out.issues[0]?.needsComment, false);
    assert.equal(out.canSubmit, false);
  });

  test("issues are listed: element checks, rules, outliers; counts add up", () => {
    const out = run(
      { ENT_TOTAL: -1, A: 3, B: 2, C: 50 },
      { rules: [warn], previous: new Map([["C", 10]]), required: new Set(["ENT_ECONTRACT_COUNT"]) },
    );
    assert.deepEqual(
      out.issues.map((i) => i.code),
      ["min", "required", "rule", "outlier_change"],
    );
    assert.equal(out.errors, 2);
    assert.equal(out.warnings, 2);
    assert.equal(out.uncommentedWarnings, 2);
  });
});

describe("formatValue", () => {
  test("groups digits per language and writes extremes with an exponent", () => {
    assert.equal(formatValue(1234567.25, "en"), "1,234,567.25");
    assert.equal(formatValue(1234567.25, "vi"), "1.234.567,25");
    assert.equal(formatValue(-0, "en"), "0");
    assert.equal(formatValue(1e308, "en"), "1e+308");
    assert.equal(formatValue(1.5e-7, "vi"), "1,5e-7");
    assert.equal(formatValue(Number.NaN, "en"), "not a number");
  });
});
