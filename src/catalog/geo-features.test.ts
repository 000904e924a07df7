import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ProvinceTopology } from "./geo.ts";
import { loadTopology } from "./geo.ts";
import { topologyToFeatures } from "./geo-features.ts";

describe("TopoJSON to GeoJSON", () => {
  it("decodes delta-encoded arcs, reversed arcs and shared points on a two-triangle example", () => {
    const topology = {
      type: "Topology",
      transform: { scale: [1, 1], translate: [100, 10] },
      // arc 0: (0,0)→(1,0)→(1,1); arc 1: (1,1)→(0,0)
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
        [
          [1, 1],
          [-1, -1],
        ],
      ],
      objects: {
        provinces: {
          type: "GeometryCollection",
          geometries: [
            { type: "Polygon", arcs: [[0, 1]], properties: { code: "01", name: "A", name_en: "A" } },
            { type: "Polygon", arcs: [[~1, ~0]], properties: { code: "02", name: "B", name_en: "B" } },
          ],
        },
      },
    } as unknown as ProvinceTopology;
    const fc = topologyToFeatures(topology);
    assert.deepEqual(fc.features[0]!.geometry.coordinates, [
      [
        [100, 10],
        [101, 10],
        [101, 11],
        [100, 10],
      ],
    ]);
    assert.deepEqual(fc.features[1]!.geometry.coordinates, [
      [
        [100, 10],
        [101, 11],
        [101, 10],
        [100, 10],
      ],
    ]);
    assert.equal(fc.features[1]!.properties.name, "02");
  });

  it("gives the 34 provinces of 2025 closed rings inside Vietnam's bounding box", () => {
    const fc = topologyToFeatures(loadTopology("2025"));
    assert.equal(fc.features.length, 34);
    for (const f of fc.features) {
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) {
        assert.deepEqual(ring[0], ring[ring.length - 1], `${f.properties.code}: closed ring`);
        for (const [x, y] of ring)
          assert.ok(x > 102 && x < 118 && y > 6 && y < 24, `${f.properties.code}: ${x},${y}`);
      }
    }
  });
});
