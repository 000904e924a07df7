import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadAreas, provincesOf } from "./areas.ts";
import { GEO_ATTRIBUTION, loadMergerMap, loadTopology } from "./geo.ts";

describe("map shapes", () => {
  it("has one shape per 2008 province and one per 2025 unit, with the areas' codes", () => {
    const areas = loadAreas();
    for (const [geography, count] of [
      ["2008", 63],
      ["2025", 34],
    ] as const) {
      const shapes = loadTopology(geography).objects.provinces.geometries;
      assert.equal(shapes.length, count);
      assert.deepEqual(
        shapes.map((g) => g.properties.code).sort(),
        provincesOf(areas, geography)
          .map((a) => a.code)
          .sort(),
      );
    }
  });

  it("agrees with the areas file on the members of every 2025 unit", () => {
    const merger = loadMergerMap();
    assert.equal(merger.length, 34);
    const laoCai = merger.find((m) => m.code === "15");
    assert.deepEqual(laoCai?.members, ["10", "15"]);
    const shapes = loadTopology("2025").objects.provinces.geometries;
    for (const m of merger) {
      const shape = shapes.find((g) => g.properties.code === m.code);
      assert.deepEqual(shape?.properties.members, m.members);
    }
  });

  it("carries the geoBoundaries CC BY 4.0 attribution", () => {
    assert.match(GEO_ATTRIBUTION, /geoBoundaries/);
    assert.match(GEO_ATTRIBUTION, /CC BY 4\.0/);
  });
});
