import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DigitalEconomyDto } from "../../data/types.ts";
import { preferredSeriesCode } from "./de-model.ts";

function item(series: string, valueAdded: number | null): DigitalEconomyDto {
  return {
    geography: "2025",
    area: "VN",
    period: "2024",
    method: "gso",
    intensity: "direct",
    series,
    io_table_year: 2022,
    io_table_is_demo: true,
    value_added: valueAdded,
    grdp: 100,
    share: valueAdded,
    components: { core: 0, platform: 0, sectoral: 0 },
    sectors: [],
  };
}

describe("preferredSeriesCode", () => {
  it("should take the official series over the demo one when it has values", () => {
    assert.equal(preferredSeriesCode([item("demo", 10), item("gso_official", 12)]), "gso_official");
  });
  it("should skip a series without values and give nothing for no items", () => {
    assert.equal(preferredSeriesCode([item("demo", 10), item("gso_official", null)]), "demo");
    assert.equal(preferredSeriesCode([]), undefined);
  });
});
