import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ObservationDto } from "../data/types.ts";
import {
  biggestMovers,
  classOf,
  periodsOf,
  positionScore,
  preferredSeries,
  quantileBreaks,
  rankBy,
  seriesByCoverage,
} from "./ranking.ts";

function obs(area: string, period: string, value: number | null, series = "demo"): ObservationDto {
  return {
    indicator: "X",
    geography: "2025",
    area,
    period,
    series,
    value,
    numerator: null,
    denominator: null,
    complete: true,
    missing: [],
    method: "m",
    status: "estimate",
  };
}

describe("rankBy", () => {
  it("should give competition ranks with ties sharing a rank, higher is better", () => {
    const ranked = rankBy(["a", "b", "c", "d"], (x) => ({ a: 5, b: 9, c: 5, d: 1 })[x] ?? null, "higher");
    assert.deepEqual(
      ranked.map((r) => [r.item, r.rank]),
      [
        ["b", 1],
        ["a", 2],
        ["c", 2],
        ["d", 4],
      ],
    );
  });
  it("should rank the smallest first when lower is better and put missing values last without a rank", () => {
    const ranked = rankBy(["a", "b", "c"], (x) => ({ a: 3, b: null, c: 1 })[x] ?? null, "lower");
    assert.deepEqual(
      ranked.map((r) => [r.item, r.rank]),
      [
        ["c", 1],
        ["a", 2],
        ["b", null],
      ],
    );
  });
});

describe("positionScore", () => {
  it("should give 100 to the first, 0 to the last and 50 to the middle of five", () => {
    assert.equal(positionScore(1, 5), 100);
    assert.equal(positionScore(5, 5), 0);
    assert.equal(positionScore(3, 5), 50);
  });
});

describe("biggestMovers", () => {
  it("should list the largest rises and falls between two quarters of one series", () => {
    const data = [
      obs("01", "2026-Q2", 10),
      obs("01", "2026-Q3", 13),
      obs("02", "2026-Q2", 10),
      obs("02", "2026-Q3", 8),
      obs("03", "2026-Q2", 10),
      obs("03", "2026-Q3", 11),
      obs("04", "2026-Q3", 99),
      obs("01", "2026-Q3", 50, "gso_official"),
    ];
    const { rises, falls } = biggestMovers(data, "demo", "2026-Q2", "2026-Q3", 5);
    assert.deepEqual(
      rises.map((m) => [m.area, m.change]),
      [
        ["01", 3],
        ["03", 1],
      ],
    );
    assert.deepEqual(
      falls.map((m) => [m.area, m.change]),
      [["02", -2]],
    );
  });
});

describe("preferredSeries and periodsOf", () => {
  it("should prefer the official series over the demo one when both have values", () => {
    assert.equal(
      preferredSeries([obs("01", "2024", 1), obs("01", "2024", 2, "gso_official")]),
      "gso_official",
    );
    assert.equal(preferredSeries([obs("01", "2024", 1), obs("01", "2024", null, "gso_official")]), "demo");
  });
  it("should prefer the series that covers more provinces, so one released report does not blank a map", () => {
    const data = [
      obs("01", "2026-Q3", 1),
      obs("79", "2026-Q3", 2),
      obs("48", "2026-Q3", 3),
      obs("79", "2026-Q3", 5, "reported"),
    ];
    assert.equal(preferredSeries(data), "demo");
    assert.deepEqual(seriesByCoverage(data), ["demo", "reported"]);
  });
  it("should list the periods of one kind newest first", () => {
    assert.deepEqual(periodsOf([obs("01", "2023", 1), obs("01", "2025-Q1", 1), obs("01", "2024", 1)], "Y"), [
      "2024",
      "2023",
    ]);
  });
});

describe("quantileBreaks and classOf", () => {
  it("should split values into classes of about equal counts", () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5], 4);
    assert.deepEqual(breaks, [2, 3, 4]);
    assert.deepEqual(
      [1, 2, 2.5, 5].map((v) => classOf(v, breaks)),
      [0, 0, 1, 3],
    );
  });
  it("should give no breaks for no values", () => {
    assert.deepEqual(quantileBreaks([], 5), []);
  });
});
