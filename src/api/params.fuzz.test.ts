/**
 * Property-based tests of the query-string schemas (fast-check): any text is accepted or refused
 * without an exception, and what is accepted has the documented form (so nothing malformed reaches
 * a service or a query).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { tryParsePeriod } from "../domain/period.ts";
import { areaCode, geography, indicatorCode, level, list, period, periodKind, seriesCode } from "./params.ts";

const RUNS = 5000;

const codeish = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.stringMatching(/^[A-Za-z0-9_, -]{0,40}$/),
  fc.constantFrom("VN", "79", "DBSH", "DE_SHARE_GDP", "demo", "2024-Q3", "2025", "01,79", "", ",", " 79 "),
);

describe("query-string schemas under generated input", () => {
  it("accepts only area codes of the documented form", () => {
    fc.assert(
      fc.property(codeish, (s) => {
        const r = areaCode.safeParse(s);
        assert.equal(r.success, /^[A-Z0-9_]{1,32}$/.test(s), s);
      }),
      { numRuns: RUNS },
    );
  });

  it("accepts only indicator codes, series codes, geographies, levels and kinds of the documented form", () => {
    fc.assert(
      fc.property(codeish, (s) => {
        assert.equal(indicatorCode.safeParse(s).success, /^[A-Z][A-Z0-9_]{0,63}$/.test(s));
        assert.equal(seriesCode.safeParse(s).success, /^[a-z][a-z0-9_]{0,63}$/.test(s));
        assert.equal(geography.safeParse(s).success, s === "2008" || s === "2025");
        assert.equal(level.safeParse(s).success, ["nation", "region", "province"].includes(s));
        assert.equal(periodKind.safeParse(s).success, ["Y", "S", "Q"].includes(s));
      }),
      { numRuns: RUNS },
    );
  });

  it("accepts only periods the domain can read", () => {
    fc.assert(
      fc.property(codeish, (s) => {
        assert.equal(period.safeParse(s).success, tryParsePeriod(s) !== undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it("splits comma lists into 1–500 well-formed items, or refuses them", () => {
    const areas = list(areaCode);
    fc.assert(
      fc.property(
        fc.oneof(
          codeish,
          fc.array(codeish, { maxLength: 20 }).map((a) => a.join(",")),
        ),
        (s) => {
          const r = areas.safeParse(s);
          if (r.success) {
            assert.ok(r.data.length >= 1 && r.data.length <= 500);
            for (const a of r.data) assert.match(a, /^[A-Z0-9_]{1,32}$/);
          } else {
            assert.ok(r.error.issues.length > 0);
          }
        },
      ),
      { numRuns: RUNS },
    );
    assert.equal(areas.safeParse(Array(501).fill("79").join(",")).success, false);
    assert.equal(areas.safeParse("7".repeat(4001)).success, false);
  });
});
