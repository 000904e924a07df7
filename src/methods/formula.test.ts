import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { compileCatalog, evaluate, evaluateIndicator, parseFormula, references } from "./formula.ts";
import { element, indicator } from "./test-fixtures.ts";

function ok(text: string) {
  const r = parseFormula(text);
  assert.deepEqual(r.errors, [], `errors for ${text}`);
  assert.ok(r.ast);
  return r.ast;
}

const values: Record<string, number> = { A: 6, B: 3, C: 2, ZERO: 0 };
const lookup = (code: string): number | undefined => values[code];
const calc = (text: string) => evaluate(ok(text), lookup).value;

describe("parseFormula", () => {
  test("numbers may be integers, decimals or use an exponent", () => {
    assert.equal(calc("12"), 12);
    assert.equal(calc("0.5"), 0.5);
    assert.equal(calc("1e3"), 1000);
    assert.equal(calc("2.5E-1"), 0.25);
    assert.equal(calc(".5"), 0.5);
  });

  test("multiplication binds tighter than addition and operators are left-associative", () => {
    // 6 + 3 × 2 = 12; 6 − 3 − 2 = 1 (not 5); 6 / 3 / 2 = 1 (not 4)
    assert.equal(calc("{A} + {B} * {C}"), 12);
    assert.equal(calc("{A} - {B} - {C}"), 1);
    assert.equal(calc("{A} / {B} / {C}"), 1);
  });

  test("parentheses and unary minus work as in arithmetic", () => {
    // (6 + 3) × 2 = 18; −6 + 3 = −3; −(6 − 3) × 2 = −6; 6 − −3 = 9
    assert.equal(calc("({A} + {B}) * {C}"), 18);
    assert.equal(calc("-{A} + {B}"), -3);
    assert.equal(calc("-({A} - {B}) * {C}"), -6);
    assert.equal(calc("{A} - -{B}"), 9);
  });

  test("whitespace is ignored", () => {
    assert.equal(calc("  100*{A}\n/ ( {B} )"), 200);
  });

  test("an empty formula is an error", () => {
    const r = parseFormula("   ");
    assert.equal(r.ast, undefined);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]?.message ?? "", /empty/);
    assert.match(r.errors[0]?.messageVi ?? "", /rỗng/);
  });

  test("an unknown character is reported with its position in English and Vietnamese", () => {
    const r = parseFormula("{A} % {B}");
    assert.equal(r.ast, undefined);
    assert.equal(r.errors[0]?.position, 4);
    assert.match(r.errors[0]?.message ?? "", /Unexpected character '%'.*column 5/);
    assert.match(r.errors[0]?.messageVi ?? "", /Ký tự không hợp lệ '%'.*cột 5/);
  });

  test("a reference without its closing brace is reported where it opens", () => {
    const r = parseFormula("{A} + {B");
    assert.equal(r.errors[0]?.position, 6);
    assert.match(r.errors[0]?.message ?? "", /'}' is missing/);
  });

  test("a reference must hold a code of capital letters, digits and underscores", () => {
    assert.match(parseFormula("{de_va}").errors[0]?.message ?? "", /Invalid code 'de_va'/);
    assert.match(parseFormula("{}").errors[0]?.message ?? "", /Empty reference/);
    assert.deepEqual(parseFormula("{DE_VA_2}").errors, []);
  });

  test("a malformed number is one error", () => {
    const r = parseFormula("1.2.3 + 1e");
    assert.equal(r.errors.length, 2);
    assert.match(r.errors[0]?.message ?? "", /Invalid number '1\.2\.3'/);
    assert.equal(r.errors[1]?.position, 8);
  });

  test("a missing closing parenthesis names the opening one", () => {
    const r = parseFormula("({A} + {B}");
    assert.equal(r.errors[0]?.position, 10);
    assert.match(r.errors[0]?.message ?? "", /Missing '\)' to close the '\(' at column 1/);
  });

  test("an extra closing parenthesis and two operands in a row are errors", () => {
    assert.match(parseFormula("{A})").errors[0]?.message ?? "", /Unexpected '\)'/);
    assert.match(parseFormula("{A} {B}").errors[0]?.message ?? "", /Expected an operator/);
    assert.match(parseFormula("{A} +").errors[0]?.message ?? "", /found the end of the formula/);
    assert.match(parseFormula("* {A}").errors[0]?.message ?? "", /Expected a number/);
  });

  test("a leading plus is not part of the language", () => {
    assert.equal(parseFormula("+{A}").errors.length, 1);
  });
});

describe("references", () => {
  test("lists each referenced code once, in order of first appearance", () => {
    assert.deepEqual(references(ok("{B} + {A} * ({B} - 2) / {C}")), ["B", "A", "C"]);
    assert.deepEqual(references(ok("42")), []);
  });
});

describe("evaluate", () => {
  test("a missing reference makes the value null and lists every missing code", () => {
    const r = evaluate(ok("{A} + {X} * {Y} + {X}"), lookup);
    assert.equal(r.value, null);
    assert.deepEqual(r.missing, ["X", "Y"]);
    assert.equal(r.divisionByZero, false);
  });

  test("division by zero gives null and a flag, never Infinity or NaN", () => {
    const r = evaluate(ok("{A} / {ZERO}"), lookup);
    assert.deepEqual(r, { value: null, missing: [], divisionByZero: true });
    const r2 = evaluate(ok("{ZERO} / ({A} - 2 * {B})"), lookup);
    assert.deepEqual(r2, { value: null, missing: [], divisionByZero: true });
  });

  test("an overflow gives null rather than Infinity", () => {
    assert.equal(evaluate(ok("1e308 * 10"), lookup).value, null);
  });
});

describe("compileCatalog", () => {
  const elements = [element("VA"), element("GRDP"), element("EC"), element("RETAIL")];

  test("resolves references to elements first and then to indicators", () => {
    const c = compileCatalog(elements, [
      indicator("SHARE", "{VA}", "{GRDP}", { factor: 100 }),
      indicator("DOUBLE", "2 * {SHARE}"),
    ]);
    assert.deepEqual(c.indicators.get("DOUBLE")?.indicatorRefs, ["SHARE"]);
    assert.deepEqual(c.indicators.get("DOUBLE")?.elements, ["GRDP", "VA"]);
    assert.deepEqual(c.order, ["SHARE", "DOUBLE"]);
    // SHARE = 100 × 30 / 200 = 15; DOUBLE = 2 × 15 = 30
    const v: Record<string, number> = { VA: 30, GRDP: 200 };
    const r = evaluateIndicator(c, "DOUBLE", (e) => v[e]);
    assert.equal(r.value, 30);
    assert.equal(r.numerator, 30);
    assert.equal(r.denominator, null);
  });

  test("an unknown code is an error that names the indicator and the code", () => {
    assert.throws(
      () => compileCatalog(elements, [indicator("EC_SHARE", "{EC}", "{RETAIL_SALES}", { factor: 100 })]),
      (e: unknown) => {
        assert.ok(e instanceof DxmError);
        assert.equal(e.code, "formula_unknown_reference");
        assert.equal(e.field, "EC_SHARE");
        assert.match(e.message, /Indicator EC_SHARE refers to \{RETAIL_SALES\}/);
        assert.match(e.messageVi, /Chỉ số EC_SHARE/);
        return true;
      },
    );
  });

  test("a syntax error is an error that names the indicator and the part", () => {
    assert.throws(
      () => compileCatalog(elements, [indicator("BAD", "{VA}", "({GRDP}", { factor: 100 })]),
      (e: unknown) => {
        assert.ok(e instanceof DxmError);
        assert.equal(e.code, "formula_syntax");
        assert.match(
          e.message,
          /Indicator BAD: the denominator formula "\(\{GRDP\}" is not valid: Missing '\)'/,
        );
        return true;
      },
    );
  });

  test("a cycle is an error that names the indicator and shows the path", () => {
    assert.throws(
      () =>
        compileCatalog(elements, [
          indicator("A", "{B} + {VA}"),
          indicator("B", "{C}"),
          indicator("C", "{A} * 2"),
        ]),
      (e: unknown) => {
        assert.ok(e instanceof DxmError);
        assert.equal(e.code, "formula_cycle");
        assert.equal(e.field, "A");
        assert.match(e.message, /Indicator A: .*cycle: A → B → C → A/);
        return true;
      },
    );
  });

  test("an indicator that refers to itself is a cycle", () => {
    assert.throws(() => compileCatalog(elements, [indicator("SELF", "{SELF} + 1")]), /SELF → SELF/);
  });

  test("a weighted mean whose weight is not an element is an error naming the element", () => {
    assert.throws(
      () => compileCatalog([element("PRICE", { area: "weighted_mean:QTY" })], []),
      (e: unknown) => e instanceof DxmError && e.code === "unknown_code" && /PRICE/.test(e.message),
    );
  });

  test("an indicator whose denominator is zero has value null and says so", () => {
    const c = compileCatalog(elements, [indicator("SHARE", "{VA}", "{GRDP}", { factor: 100 })]);
    const r = evaluateIndicator(c, "SHARE", (e) => ({ VA: 5, GRDP: 0 })[e]);
    assert.deepEqual(r, { value: null, numerator: 5, denominator: 0, missing: [], divisionByZero: true });
  });

  test("an indicator lists the elements it is missing, also through a referenced indicator", () => {
    const c = compileCatalog(elements, [
      indicator("SHARE", "{VA}", "{GRDP}", { factor: 100 }),
      indicator("SUM", "{SHARE} + {EC}"),
    ]);
    const r = evaluateIndicator(c, "SUM", (e) => ({ VA: 5 })[e]);
    assert.equal(r.value, null);
    assert.deepEqual([...r.missing].sort(), ["EC", "GRDP"]);
  });
});

describe("parseFormula on hostile sizes (found by the fuzz tests)", () => {
  test("answers 10,000 nested parentheses with a syntax error, not a stack overflow", () => {
    const r = parseFormula(`${"(".repeat(10_000)}1${")".repeat(10_000)}`);
    assert.equal(r.ast, undefined);
    assert.match(r.errors[0]!.message, /longer than 2000 characters/);
    const nested = parseFormula(`${"(".repeat(500)}1${")".repeat(500)}`);
    assert.match(nested.errors[0]!.message, /more than 100 deep/);
    assert.match(nested.errors[0]!.messageVi, /sâu quá 100 mức/);
  });

  test("answers 1,000 minus signs and a 10,000-term sum with errors, not a stack overflow", () => {
    assert.match(parseFormula(`${"-".repeat(1000)}1`).errors[0]!.message, /more than 100 deep/);
    assert.match(parseFormula(Array(10_000).fill("{A}").join("+")).errors[0]!.message, /longer than/);
  });

  test("still parses and evaluates the longest and deepest formulas allowed", () => {
    const deep = ok(`${"(".repeat(100)}{A}${")".repeat(100)}`);
    assert.equal(evaluate(deep, () => 2).value, 2);
    const long = ok(Array(500).fill("{A}").join("+"));
    assert.equal(evaluate(long, () => 1).value, 500);
  });
});
