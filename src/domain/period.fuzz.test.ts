/**
 * Property-based tests of periods (fast-check): any text is a period or not, never an exception
 * other than our `invalid_period` error; every period prints and reads back to itself; its dates are
 * ordered and its quarters tile it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DxmError } from "./errors.ts";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  parsePeriod,
  periodEnd,
  periodStart,
  quartersOf,
  tryParsePeriod,
} from "./period.ts";

const RUNS = 5000;

const period: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1990, max: 2100 }).map((year) => ({ year, kind: "Y" as const, index: 1 })),
  fc.record({
    year: fc.integer({ min: 1990, max: 2100 }),
    kind: fc.constant("S" as const),
    index: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    year: fc.integer({ min: 1990, max: 2100 }),
    kind: fc.constant("Q" as const),
    index: fc.integer({ min: 1, max: 4 }),
  }),
);

/** Period-like text: digits, dashes, S, Q and noise. */
const periodText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc
    .tuple(
      fc.integer({ min: -99999, max: 99999 }),
      fc.constantFrom("", "-", "-S", "-Q", "-H", "Q", " "),
      fc.integer({ min: -9, max: 99 }),
    )
    .map(([y, sep, i]) => `${y}${sep}${sep ? i : ""}`),
);

describe("periods under generated input", () => {
  it("reads any text as a period or as nothing, and parsePeriod throws only invalid_period", () => {
    fc.assert(
      fc.property(periodText, (text) => {
        const p = tryParsePeriod(text);
        if (p) {
          assert.equal(tryParsePeriod(formatPeriod(p))?.year, p.year);
          assert.ok(p.year >= 1990 && p.year <= 2100);
        }
        try {
          const q = parsePeriod(text);
          assert.deepEqual(q, p);
        } catch (e) {
          assert.ok(e instanceof DxmError && e.code === "invalid_period", String(e));
          assert.equal(p, undefined);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("prints every period so that it reads back to itself, with ordered dates tiled by its quarters", () => {
    fc.assert(
      fc.property(period, (p) => {
        assert.deepEqual(tryParsePeriod(formatPeriod(p)), { ...p });
        assert.ok(periodStart(p) <= periodEnd(p));
        const qs = quartersOf(p);
        assert.equal(periodStart(qs[0]!), periodStart(p));
        assert.equal(periodEnd(qs.at(-1)!), periodEnd(p));
      }),
      { numRuns: RUNS },
    );
  });

  it("orders periods consistently with their end dates", () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const c = comparePeriods(a, b);
        assert.equal(Math.sign(c), -Math.sign(comparePeriods(b, a)) || 0);
        if (periodEnd(a) < periodEnd(b)) assert.ok(c < 0, `${formatPeriod(a)} < ${formatPeriod(b)}`);
      }),
      { numRuns: RUNS },
    );
  });
});
