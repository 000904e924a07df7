/**
 * Province shapes for maps (TopoJSON, geoBoundaries, CC BY 4.0: show `GEO_ATTRIBUTION` with every
 * map) and the 2025 merger map, from `data/geo/`. The loaders check that the shapes carry exactly
 * the province codes of the areas files, so a map and the data can never disagree on codes.
 */
import { readFileSync } from "node:fs";
import type { Geography } from "../domain/area.ts";
import { DxmError } from "../domain/errors.ts";
import { loadAreas, provincesOf } from "./areas.ts";
import { dataUrl } from "./csv.ts";

export const GEO_ATTRIBUTION =
  "Administrative boundaries: geoBoundaries (www.geoboundaries.org), VNM ADM1 (VNM-ADM1-63759600), CC BY 4.0.";

export const TOPOLOGY_FILES: Readonly<Record<Geography, string>> = {
  "2008": "geo/vn-provinces-63.topo.json",
  "2025": "geo/vn-provinces-34.topo.json",
};
export const MERGER_FILE = "geo/merger-2025.json";

export interface ProvinceShapeProperties {
  readonly code: string;
  readonly name: string;
  readonly name_en: string;
  readonly members?: readonly string[];
}

/** The parts of a TopoJSON topology the app relies on; geometry arcs are passed through as is. */
export interface ProvinceTopology {
  readonly type: "Topology";
  readonly arcs: unknown[];
  readonly transform?: { readonly scale: [number, number]; readonly translate: [number, number] };
  readonly objects: {
    readonly provinces: {
      readonly type: "GeometryCollection";
      readonly geometries: readonly { readonly type: string; readonly properties: ProvinceShapeProperties }[];
    };
  };
}

export interface MergerEntry {
  readonly code: string;
  readonly name: string;
  readonly name_en: string;
  readonly members: readonly string[];
}

function fail(file: string, problem: string): DxmError {
  return new DxmError("invalid_data", `${file}: ${problem}`, {
    field: file,
    messageVi: `${file}: ${problem}`,
    details: { file },
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(dataUrl(file), "utf8"));
  } catch (cause) {
    throw new DxmError("invalid_data", `${file}: cannot read or parse the JSON file`, {
      field: file,
      messageVi: `${file}: không đọc hoặc phân tích được tệp JSON`,
      cause,
    });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === "string");

function checkCodes(file: string, geography: Geography, codes: readonly string[]): void {
  const expected = provincesOf(loadAreas(), geography).map((a) => a.code);
  const missing = expected.filter((c) => !codes.includes(c));
  const extra = codes.filter((c) => !expected.includes(c));
  const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (missing.length + extra.length + dupes.length > 0) {
    throw fail(
      file,
      `province codes differ from the ${geography} areas (missing ${missing.join(" ") || "none"}; unknown ${
        extra.join(" ") || "none"
      }; repeated ${dupes.join(" ") || "none"})`,
    );
  }
}

const topologies = new Map<Geography, ProvinceTopology>();

/** The province shapes of a geography, checked against its areas (read once). */
export function loadTopology(geography: Geography): ProvinceTopology {
  const hit = topologies.get(geography);
  if (hit) return hit;
  const file = TOPOLOGY_FILES[geography];
  const json = readJson(file);
  if (!isRecord(json) || json.type !== "Topology" || !Array.isArray(json.arcs) || !isRecord(json.objects)) {
    throw fail(file, "not a TopoJSON topology");
  }
  const provinces = json.objects.provinces;
  if (
    !isRecord(provinces) ||
    provinces.type !== "GeometryCollection" ||
    !Array.isArray(provinces.geometries)
  ) {
    throw fail(file, 'no GeometryCollection "provinces" object');
  }
  const codes = provinces.geometries.map((g: unknown, i: number) => {
    const props = isRecord(g) ? g.properties : undefined;
    if (!isRecord(props) || typeof props.code !== "string" || typeof props.name !== "string") {
      throw fail(file, `geometry ${i + 1} has no string properties code and name`);
    }
    if (geography === "2025" && !isStringArray(props.members)) {
      throw fail(file, `geometry ${i + 1} (${props.code}) has no members list`);
    }
    return props.code;
  });
  checkCodes(file, geography, codes);
  const topology = json as unknown as ProvinceTopology;
  topologies.set(geography, topology);
  return topology;
}

let merger: readonly MergerEntry[] | undefined;

/** The 34 units of 2025 with their former codes, checked against `areas/provinces-2025.csv`. */
export function loadMergerMap(): MergerEntry[] {
  if (!merger) {
    const json = readJson(MERGER_FILE);
    if (!Array.isArray(json)) throw fail(MERGER_FILE, "not a JSON array");
    const entries = json.map((e: unknown, i: number): MergerEntry => {
      if (
        !isRecord(e) ||
        typeof e.code !== "string" ||
        typeof e.name !== "string" ||
        typeof e.name_en !== "string" ||
        !isStringArray(e.members)
      ) {
        throw fail(MERGER_FILE, `entry ${i + 1} needs string code, name, name_en and a members array`);
      }
      return { code: e.code, name: e.name, name_en: e.name_en, members: e.members };
    });
    checkCodes(
      MERGER_FILE,
      "2025",
      entries.map((e) => e.code),
    );
    const units = provincesOf(loadAreas(), "2025");
    for (const e of entries) {
      const unit = units.find((u) => u.code === e.code);
      if (unit && [...e.members].sort().join(" ") !== unit.members.join(" ")) {
        throw fail(
          MERGER_FILE,
          `unit ${e.code} has members ${e.members.join(" ")}, the areas file says ${unit.members.join(" ")}`,
        );
      }
    }
    merger = Object.freeze(entries);
  }
  return [...merger];
}
