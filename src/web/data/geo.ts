/**
 * Province shapes for the maps, bundled with the app (no request leaves its origin): Vite copies the
 * TopoJSON files of `src/catalog/data/geo` into the build as hashed assets; they are fetched once,
 * converted to GeoJSON and registered with ECharts under `vn-2008` / `vn-2025`.
 */
import { useQuery } from "@tanstack/react-query";
import topo2025 from "../../catalog/data/geo/vn-provinces-34.topo.json?url";
import topo2008 from "../../catalog/data/geo/vn-provinces-63.topo.json?url";
import type { Geography } from "../../domain/area.ts";
import { echarts } from "../charts/echarts-map.ts";
import { type Topology, topologyToGeoJson } from "../lib/topojson.ts";
import { ApiError } from "./client.ts";

const URLS: Readonly<Record<Geography, string>> = { "2008": topo2008, "2025": topo2025 };

export interface ShapeProperties {
  readonly code: string;
  readonly name: string;
  readonly name_en: string;
}

export const mapName = (geography: Geography) => `vn-${geography}`;

/** Loads and registers the shapes of a geography; resolves to the map name for ECharts. */
export function useGeoQuery(geography: Geography) {
  return useQuery({
    queryKey: ["geo", geography],
    queryFn: async ({ signal }) => {
      const url = URLS[geography];
      const res = await fetch(url, { signal });
      if (!res.ok) throw new ApiError("http", url, `${url}: HTTP ${res.status}`, { status: res.status });
      const topology = (await res.json()) as Topology<ShapeProperties>;
      const geojson = topologyToGeoJson(topology, "provinces");
      // ECharts' GeoJSON type is wider than ours; the structure is the standard one.
      echarts.registerMap(
        mapName(geography),
        geojson as unknown as Parameters<typeof echarts.registerMap>[1],
      );
      return { name: mapName(geography), codes: geojson.features.map((f) => f.properties.code) };
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
