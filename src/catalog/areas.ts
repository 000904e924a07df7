/**
 * Areas of both geographies, from `data/areas/`. Each geography has the nation `VN`, six regions
 * (parent VN) and its provinces (parent = region). A 2025 province lists the 2008 provinces it was
 * formed from in `members`; every 2008 province belongs to exactly one 2025 unit, and a unit keeps
 * the code of one of its members (the one hosting its centre), so codes repeat across geographies
 * with different meanings: always key areas by (geography, code).
 */
import { type Area, type Geography, NATION_CODE } from "../domain/area.ts";
import { type CsvRow, dataError, parseCsvTable, readDataFile } from "./csv.ts";

export const REGIONS_FILE = "areas/regions.csv";
export const PROVINCES_2008_FILE = "areas/provinces-2008.csv";
export const PROVINCES_2025_FILE = "areas/provinces-2025.csv";

/** The texts of the three area files (for tests that feed malformed input). */
export interface AreaSources {
  readonly regions: string;
  readonly provinces2008: string;
  readonly provinces2025: string;
}

const PROVINCE_CODE = /^\d{2}$/;
const REGION_CODE = /^[A-Z][A-Z0-9_]*$/;

function nation(geography: Geography): Area {
  return {
    geography,
    code: NATION_CODE,
    nameVi: "Việt Nam",
    nameEn: "Viet Nam",
    level: "nation",
    parent: null,
    kind: null,
    members: [],
  };
}

function readRegions(text: string): Map<Geography, Area[]> {
  const rows = parseCsvTable(REGIONS_FILE, text, ["geography", "code", "name_vi", "name_en"]);
  const out = new Map<Geography, Area[]>([
    ["2008", []],
    ["2025", []],
  ]);
  for (const r of rows) {
    const geography = r.oneOf("geography", ["2008", "2025"] as const);
    const code = r.matching("code", REGION_CODE, "an upper-case region code");
    const list = out.get(geography) ?? [];
    if (list.some((a) => a.code === code)) throw r.error("code", `duplicate region ${code} in ${geography}`);
    list.push({
      geography,
      code,
      nameVi: r.required("name_vi"),
      nameEn: r.required("name_en"),
      level: "region",
      parent: NATION_CODE,
      kind: null,
      members: [],
    });
    out.set(geography, list);
  }
  for (const [geography, list] of out) {
    if (list.length === 0)
      throw dataError(REGIONS_FILE, 1, "geography", `no region for geography ${geography}`);
  }
  return out;
}

function readProvince(r: CsvRow, geography: Geography, regions: readonly Area[], seen: Set<string>) {
  const code = r.matching("code", PROVINCE_CODE, "a 2-digit province code");
  if (seen.has(code)) throw r.error("code", `duplicate province code ${code}`);
  seen.add(code);
  const region = r.required("region");
  if (!regions.some((g) => g.code === region)) {
    throw r.error("region", `"${region}" is not a ${geography} region of ${REGIONS_FILE}`);
  }
  return {
    code,
    nameVi: r.required("name_vi"),
    nameEn: r.required("name_en"),
    kind: r.oneOf("type", ["city", "province"] as const),
    region,
  };
}

/** Builds the areas of both geographies from the file texts, validating every row. */
export function buildAreas(sources: AreaSources): Area[] {
  const regions = readRegions(sources.regions);
  const regions2008 = regions.get("2008") ?? [];
  const regions2025 = regions.get("2025") ?? [];

  const rows2008 = parseCsvTable(PROVINCES_2008_FILE, sources.provinces2008, [
    "code",
    "name_vi",
    "name_en",
    "type",
    "region",
  ]);
  const seen2008 = new Set<string>();
  const provinces2008: Area[] = rows2008.map((r) => {
    const p = readProvince(r, "2008", regions2008, seen2008);
    return {
      geography: "2008",
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      level: "province",
      parent: p.region,
      kind: p.kind,
      members: [],
    };
  });

  const rows2025 = parseCsvTable(PROVINCES_2025_FILE, sources.provinces2025, [
    "code",
    "name_vi",
    "name_en",
    "type",
    "region",
    "members",
  ]);
  const seen2025 = new Set<string>();
  const unitOf = new Map<string, string>();
  const provinces2025: Area[] = rows2025.map((r) => {
    const p = readProvince(r, "2025", regions2025, seen2025);
    const members = r.required("members").split(/\s+/);
    for (const m of members) {
      if (!seen2008.has(m))
        throw r.error("members", `"${m}" is not a province code of ${PROVINCES_2008_FILE}`);
      const other = unitOf.get(m);
      if (other !== undefined) {
        throw r.error("members", `2008 province ${m} is already a member of 2025 unit ${other}`);
      }
      unitOf.set(m, p.code);
    }
    if (!members.includes(p.code)) {
      throw r.error(
        "members",
        `unit ${p.code} must keep the code of one of its members (${members.join(" ")})`,
      );
    }
    return {
      geography: "2025",
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      level: "province",
      parent: p.region,
      kind: p.kind,
      members: [...members].sort(),
    };
  });
  const orphans = [...seen2008].filter((c) => !unitOf.has(c));
  if (orphans.length > 0) {
    throw dataError(
      PROVINCES_2025_FILE,
      1,
      "members",
      `2008 province(s) ${orphans.join(", ")} belong to no 2025 unit`,
    );
  }

  return [nation("2008"), ...regions2008, ...provinces2008, nation("2025"), ...regions2025, ...provinces2025];
}

let cached: readonly Area[] | undefined;

/** The areas of both geographies (nation, regions, provinces), read once from `data/areas/`. */
export function loadAreas(): Area[] {
  cached ??= Object.freeze(
    buildAreas({
      regions: readDataFile(REGIONS_FILE),
      provinces2008: readDataFile(PROVINCES_2008_FILE),
      provinces2025: readDataFile(PROVINCES_2025_FILE),
    }),
  );
  return [...cached];
}

/** The provinces of one geography, in file order. */
export function provincesOf(areas: readonly Area[], geography: Geography): Area[] {
  return areas.filter((a) => a.geography === geography && a.level === "province");
}

/** Map from each 2008 province code to the code of the 2025 unit it joined. */
export function successorUnits(areas: readonly Area[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const unit of provincesOf(areas, "2025")) for (const m of unit.members) out.set(m, unit.code);
  return out;
}
