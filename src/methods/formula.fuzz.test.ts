/**
 * Property-based tests of the formula language (fast-check): any text parses to a tree or to errors
 * with positions, never an exception; generated formulas round-trip through print → parse → evaluate
 * to the value of the tree they were printed from; evaluation never yields NaN or Infinity.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type Expr, evaluate, MAX_FORMULA_LENGTH, parseFormula, references } from "./formula.ts";

const RUNS = 5000;
const codes = ["A", "B", "GRDP", "EC_REV", "X_1"];

/** Formula-ish text: the alphabet of formulas with some noise, so errors of every kind occur. */
const formulaText = fc
  .array(
    fc.oneof(
      fc.constantFrom("+", "-", "*", "/", "(", ")", " ", "{", "}", ".", "e", "E", "1", "0", "9", "\t"),
      fc.constantFrom(...codes.map((c) => `{${c}}`)),
      fc.string({ maxLength: 3 }),
      fc.double().map(String),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

/** Generated trees, with their printed text. */
const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    // Decimals with at most three places print without an exponent and read back exactly.
    fc.integer({ min: 0, max: 1e9 }).map((n) => ({ kind: "number" as const, value: n % 2 ? n / 1000 : n })),
    fc.constantFrom(...codes).map((code) => ({ kind: "ref" as const, code })),
    tie("e").map((operand) => ({ kind: "negate" as const, operand })),
    fc
      .tuple(fc.constantFrom("+", "-", "*", "/") as fc.Arbitrary<"+" | "-" | "*" | "/">, tie("e"), tie("e"))
      .map(([op, left, right]) => ({ kind: "binary" as const, op, left, right })),
  ),
})).e;

function print(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "ref":
      return `{${e.code}}`;
    case "negate":
      return `(-${print(e.operand)})`;
    case "binary":
      return `(${print(e.left)} ${e.op} ${print(e.right)})`;
  }
}

function direct(e: Expr, env: Record<string, number>): number {
  switch (e.kind) {
    case "number":
      return e.value;
    case "ref":
      return env[e.code]!;
    case "negate":
      return -direct(e.operand, env);
    case "binary": {
      const l = direct(e.left, env);
      const r = direct(e.right, env);
      return e.op === "+" ? l + r : e.op === "-" ? l - r : e.op === "*" ? l * r : l / r;
    }
  }
}

describe("the formula parser under generated input", () => {
  it("never throws on any text: a tree without errors, or errors that point inside the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(formulaText, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 100 })),
        (text) => {
          const r = parseFormula(text);
          if (r.ast) {
            assert.deepEqual(r.errors, []);
            for (const code of references(r.ast)) assert.match(code, /^[A-Z0-9_]+$/);
          } else {
            assert.ok(r.errors.length > 0);
            for (const e of r.errors) {
              assert.ok(e.position >= 0 && e.position <= Math.max(text.length, MAX_FORMULA_LENGTH));
              assert.ok(e.message.length > 0 && e.messageVi.length > 0);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("reads back every printed tree and evaluates it to the tree's own value, never NaN or Infinity", () => {
    fc.assert(
      fc.property(
        tree,
        fc.dictionary(fc.constantFrom(...codes), fc.double({ min: -1e9, max: 1e9, noNaN: true })),
        (t, env) => {
          const text = print(t);
          fc.pre(text.length <= MAX_FORMULA_LENGTH);
          const r = parseFormula(text);
          assert.deepEqual(r.errors, [], text);
          const full = Object.fromEntries(codes.map((c) => [c, env[c] ?? 1]));
          const got = evaluate(r.ast!, (c) => full[c]);
          const want = direct(t, full);
          if (got.value === null) {
            assert.ok(
              got.divisionByZero || !Number.isFinite(want) || Number.isNaN(want),
              `${text} = ${want}`,
            );
          } else {
            assert.ok(Number.isFinite(got.value));
            if (Number.isFinite(want)) assert.equal(got.value, want, text);
          }
          assert.deepEqual(got.missing, []);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("lists as missing exactly the referenced codes without a value", () => {
    fc.assert(
      fc.property(tree, fc.subarray(codes), (t, present) => {
        const text = print(t);
        fc.pre(text.length <= MAX_FORMULA_LENGTH);
        const ast = parseFormula(text).ast!;
        const got = evaluate(ast, (c) => (present.includes(c) ? 1 : undefined));
        const want = references(ast).filter((c) => !present.includes(c));
        assert.deepEqual([...got.missing].sort(), [...want].sort());
        if (want.length) assert.equal(got.value, null);
      }),
      { numRuns: RUNS },
    );
  });
});
