import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { indicators } from "./indicators.ts";
import { loadPublishedObservations } from "./published.ts";

describe("published observations", () => {
  const obs = loadPublishedObservations();
  const national = (series: string) =>
    obs.filter((o) => o.series === series && o.code === "DE_SHARE_GDP" && o.area === "VN");

  it("loads the statistics office's series 2020–2025, in the geography in force at each year's end", () => {
    const gso = national("gso_official");
    assert.deepEqual(
      gso.map((o) => [o.period, o.geography, o.value, o.status]),
      [
        ["2020", "2008", 12.66, "revised"],
        ["2021", "2008", 12.87, "revised"],
        ["2022", "2008", 12.83, "revised"],
        ["2023", "2008", 12.87, "revised"],
        ["2024", "2008", 13.17, "official"],
        ["2025", "2025", 14.02, "preliminary"],
      ],
    );
    assert.ok(gso.every((o) => o.target === "indicator" && o.note?.includes("General Statistics Office")));
  });

  it("keeps the ministry's estimates in their own series, once per year", () => {
    assert.deepEqual(
      national("mic_estimate").map((o) => [o.period, o.value]),
      [
        ["2021", 11.91],
        ["2022", 14.26],
        ["2023", 16.5],
        ["2024", 18.3],
      ],
    );
  });

  it("never puts a figure quoted from a seed article in the official series", () => {
    for (const o of obs.filter((x) => x.note?.includes("seed"))) assert.notEqual(o.series, "gso_official");
    const ecom = obs.find((o) => o.code === "ECOM_SHARE_RETAIL");
    assert.deepEqual(
      [ecom?.series, ecom?.period, ecom?.geography, ecom?.value],
      ["mic_estimate", "2022-S1", "2008", 11.27],
    );
    const account = obs.find((o) => o.code === "PAYMENT_ACCOUNT_15");
    assert.equal(account?.value, 66);
  });

  it("loads the 13 published provincial shares of 2022 as ministry estimates in the 2008 geography", () => {
    const provinces = obs.filter((o) => o.area !== "VN" && o.series === "mic_estimate");
    assert.equal(provinces.length, 13);
    assert.ok(
      provinces.every((o) => o.series === "mic_estimate" && o.geography === "2008" && o.period === "2022"),
    );
    assert.equal(provinces.find((o) => o.area === "27")?.value, 56.83);
    assert.match(provinces.find((o) => o.area === "51")?.note ?? "", /lowest of 63/);
  });

  it("loads the published 2022 DTI ranking: a rank for all 63 provinces, a score where published", () => {
    const dti = obs.filter((o) => o.series === "dti_published");
    const ranks = dti.filter((o) => o.code === "DTI_RANK");
    assert.equal(ranks.length, 63);
    assert.ok(dti.every((o) => o.geography === "2008" && o.period === "2022" && o.status === "official"));
    assert.equal(ranks.find((o) => o.area === "48")?.value, 1);
    assert.deepEqual(
      ranks
        .filter((o) => o.value === 15)
        .map((o) => o.area)
        .sort(),
      ["15", "38"],
    );
    const scores = dti.filter((o) => o.code === "DTI_SCORE");
    assert.deepEqual(
      scores.map((o) => [o.area, o.value]),
      [
        ["48", 0.8002],
        ["79", 0.7163],
        ["22", 0.7024],
        ["46", 0.6975],
        ["92", 0.6924],
        ["84", 0.6077],
      ],
    );
  });

  it("has one observation per series, code, geography, area and period, for catalogue indicators only", () => {
    const keys = obs.map((o) => `${o.series}|${o.code}|${o.geography}|${o.area}|${o.period}`);
    assert.equal(new Set(keys).size, keys.length);
    const codes = new Set(indicators.map((i) => i.code));
    for (const o of obs) {
      assert.equal(o.target, "indicator");
      assert.ok(codes.has(o.code), o.code);
    }
  });
});
