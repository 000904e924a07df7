/**
 * TopoJSON → GeoJSON for the province maps, pure and small (no library: the app needs only
 * Polygon and MultiPolygon of one quantised topology). Arcs are delta-encoded integers when the
 * topology has a `transform`: each point adds to the previous one, then x·scale + translate. A
 * negative arc index ~i means arc i reversed. Consecutive arcs of a ring share their joining point,
 * which is kept once.
 */
export type Position = readonly [number, number];

export interface TopoGeometry<P> {
  readonly type: string;
  readonly arcs?: unknown;
  readonly properties: P;
}

export interface Topology<P> {
  readonly type: "Topology";
  readonly arcs: readonly (readonly (readonly number[])[])[];
  readonly transform?: { readonly scale: readonly number[]; readonly translate: readonly number[] };
  readonly objects: Readonly<
    Record<string, { readonly type: string; readonly geometries: readonly TopoGeometry<P>[] }>
  >;
}

export interface GeoFeature<P> {
  readonly type: "Feature";
  readonly properties: P;
  readonly geometry:
    | { readonly type: "Polygon"; readonly coordinates: Position[][] }
    | { readonly type: "MultiPolygon"; readonly coordinates: Position[][][] };
}

export interface GeoFeatureCollection<P> {
  readonly type: "FeatureCollection";
  readonly features: GeoFeature<P>[];
}

function decodeArcs(topology: Topology<unknown>): Position[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p): Position => {
      const px = p[0] ?? 0;
      const py = p[1] ?? 0;
      if (!t) return [px, py];
      x += px;
      y += py;
      return [x * (t.scale[0] ?? 1) + (t.translate[0] ?? 0), y * (t.scale[1] ?? 1) + (t.translate[1] ?? 0)];
    });
  });
}

function ring(indices: readonly number[], arcs: readonly Position[][]): Position[] {
  const out: Position[] = [];
  for (const i of indices) {
    const arc = i >= 0 ? arcs[i] : arcs[~i]?.slice().reverse();
    if (!arc) throw new Error(`TopoJSON: arc ${i} does not exist`);
    // The first point of every arc after the first repeats the last point of the previous one.
    out.push(...(out.length > 0 ? arc.slice(1) : arc));
  }
  return out;
}

const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");

/** The named object of the topology as a GeoJSON FeatureCollection (Polygon and MultiPolygon only). */
export function topologyToGeoJson<P>(topology: Topology<P>, objectName: string): GeoFeatureCollection<P> {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`TopoJSON: no object "${objectName}"`);
  const arcs = decodeArcs(topology);
  const polygon = (rings: unknown): Position[][] => {
    if (!Array.isArray(rings) || !rings.every(isIndexList))
      throw new Error("TopoJSON: malformed polygon arcs");
    return rings.map((r) => ring(r, arcs));
  };
  const features = object.geometries.map((g): GeoFeature<P> => {
    if (g.type === "Polygon") {
      return {
        type: "Feature",
        properties: g.properties,
        geometry: { type: "Polygon", coordinates: polygon(g.arcs) },
      };
    }
    if (g.type === "MultiPolygon" && Array.isArray(g.arcs)) {
      return {
        type: "Feature",
        properties: g.properties,
        geometry: { type: "MultiPolygon", coordinates: g.arcs.map(polygon) },
      };
    }
    throw new Error(`TopoJSON: geometry type ${g.type} is not supported`);
  });
  return { type: "FeatureCollection", features };
}
