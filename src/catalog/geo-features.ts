/**
 * TopoJSON → GeoJSON for the province shapes, so that ECharts (which takes GeoJSON) can draw them on
 * the server. Pure; follows the TopoJSON specification: quantized arcs are delta-encoded and mapped
 * through `transform` (scale, translate); a negative arc index ~i means arc i reversed; consecutive
 * arcs of a ring share their joining point, which is kept once.
 */
import type { ProvinceShapeProperties, ProvinceTopology } from "./geo.ts";

type Position = [number, number];

export interface ProvinceFeature {
  readonly type: "Feature";
  readonly properties: ProvinceShapeProperties & { readonly name: string };
  readonly geometry:
    | { readonly type: "Polygon"; readonly coordinates: Position[][] }
    | { readonly type: "MultiPolygon"; readonly coordinates: Position[][][] };
}

export interface ProvinceFeatureCollection {
  readonly type: "FeatureCollection";
  readonly features: ProvinceFeature[];
}

function decodeArcs(topology: ProvinceTopology): Position[][] {
  const t = topology.transform;
  return (topology.arcs as number[][][]).map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a, b]) => {
      if (!t) return [a!, b!] as Position;
      x += a!;
      y += b!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Position;
    });
  });
}

/** The provinces of a topology as GeoJSON features (`properties.name` = the code, for ECharts). */
export function topologyToFeatures(topology: ProvinceTopology): ProvinceFeatureCollection {
  const arcs = decodeArcs(topology);
  const ring = (indexes: number[]): Position[] => {
    const out: Position[] = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i]! : [...arcs[~i]!].reverse();
      out.push(...(out.length ? arc.slice(1) : arc));
    }
    return out;
  };
  const features = topology.objects.provinces.geometries.flatMap((g): ProvinceFeature[] => {
    const geom = g as unknown as {
      type: string;
      arcs: number[][] | number[][][];
      properties: ProvinceShapeProperties;
    };
    const properties = { ...geom.properties, name: geom.properties.code };
    if (geom.type === "Polygon") {
      return [
        {
          type: "Feature",
          properties,
          geometry: { type: "Polygon", coordinates: (geom.arcs as number[][]).map(ring) },
        },
      ];
    }
    if (geom.type === "MultiPolygon") {
      return [
        {
          type: "Feature",
          properties,
          geometry: {
            type: "MultiPolygon",
            coordinates: (geom.arcs as number[][][]).map((poly) => poly.map(ring)),
          },
        },
      ];
    }
    return [];
  });
  return { type: "FeatureCollection", features };
}
