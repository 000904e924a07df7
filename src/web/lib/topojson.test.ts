import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { type Position, type Topology, topologyToGeoJson } from "./topojson.ts";

interface Props {
  code: string;
  name: string;
}

const read = (n: string) =>
  JSON.parse(
    readFileSync(new URL(`../../catalog/data/geo/vn-provinces-${n}.topo.json`, import.meta.url), "utf8"),
  ) as Topology<Props>;

function allPoints(coords: unknown): Position[] {
  if (Array.isArray(coords) && typeof coords[0] === "number") return [coords as unknown as Position];
  return Array.isArray(coords) ? coords.flatMap(allPoints) : [];
}

describe("topologyToGeoJson", () => {
  it("should decode delta-encoded arcs with the transform and join arcs without repeating the shared point", () => {
    // A unit square split into two arcs: (0,0)→(1,0)→(1,1) and (1,1)→(0,1)→(0,0), scale 10, shift 100.
    const topology: Topology<Props> = {
      type: "Topology",
      transform: { scale: [10, 10], translate: [100, 5] },
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
        [
          [1, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
      objects: {
        p: {
          type: "GeometryCollection",
          geometries: [{ type: "Polygon", arcs: [[0, 1]], properties: { code: "01", name: "A" } }],
        },
      },
    };
    const fc = topologyToGeoJson(topology, "p");
    assert.deepEqual(fc.features[0]?.geometry, {
      type: "Polygon",
      coordinates: [
        [
          [100, 5],
          [110, 5],
          [110, 15],
          [100, 15],
          [100, 5],
        ],
      ],
    });
  });

  it("should read a negative arc index as the arc reversed", () => {
    const topology: Topology<Props> = {
      type: "Topology",
      arcs: [
        [
          [0, 0],
          [2, 0],
        ],
        [
          [0, 0],
          [0, 2],
          [2, 0],
        ],
      ],
      objects: {
        p: {
          type: "GeometryCollection",
          geometries: [{ type: "Polygon", arcs: [[0, -2]], properties: { code: "01", name: "A" } }],
        },
      },
    };
    const geometry = topologyToGeoJson(topology, "p").features[0]?.geometry;
    assert.deepEqual(geometry?.coordinates, [
      [
        [0, 0],
        [2, 0],
        [0, 2],
        [0, 0],
      ],
    ]);
  });

  it("should give the 34 provinces of 2025 and the 63 of 2008 with closed rings inside Vietnam's bounding box", () => {
    for (const [file, count] of [
      ["34", 34],
      ["63", 63],
    ] as const) {
      const fc = topologyToGeoJson(read(file), "provinces");
      assert.equal(new Set(fc.features.map((f) => f.properties.code)).size, count);
      for (const f of fc.features) {
        const rings = f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();
        for (const r of rings) assert.deepEqual(r[0], r[r.length - 1], `${f.properties.name}: ring closed`);
        for (const [x, y] of allPoints(f.geometry.coordinates)) {
          assert.ok(x > 102 && x < 118 && y > 6 && y < 24, `${f.properties.name}: ${x},${y} inside the box`);
        }
      }
    }
  });

  it("should keep the offshore islands: Hoàng Sa with Đà Nẵng, Trường Sa with Khánh Hòa, Phú Quốc with An Giang", () => {
    const fc = topologyToGeoJson(read("34"), "provinces");
    const points = (code: string) =>
      allPoints(fc.features.find((f) => f.properties.code === code)?.geometry.coordinates);
    assert.ok(
      points("48").some(([x, y]) => x > 111 && y > 15.5),
      "Hoàng Sa (Paracels) east of 111°E",
    );
    assert.ok(
      points("56").some(([x, y]) => x > 113 && y < 11),
      "Trường Sa (Spratlys) east of 113°E",
    );
    assert.ok(
      points("91").some(([x]) => x < 104.1),
      "Phú Quốc west of 104.1°E",
    );
  });
});
