/**
 * Small builders for method tests: catalogue entries with sensible defaults, so a test states only
 * what matters to it. Test support only; not used by production code.
 */
import type { Area, Geography } from "../domain/area.ts";
import type { AreaAggregation, DataElement, Indicator, TimeAggregation } from "../domain/catalog.ts";
import type { Observation } from "../domain/observation.ts";

export function element(
  code: string,
  options: {
    area?: AreaAggregation;
    time?: TimeAggregation;
    frequency?: "quarterly" | "annual";
  } = {},
): DataElement {
  return {
    code,
    nameVi: code,
    nameEn: code,
    unit: "vnd_billion",
    valueType: "number",
    areaAggregation: options.area ?? "sum",
    timeAggregation: options.time ?? "sum",
    frequency: options.frequency ?? "quarterly",
    pillar: "digital_economy",
  };
}

export function indicator(
  code: string,
  numerator: string,
  denominator: string | null = null,
  options: { factor?: number; frequency?: "quarterly" | "annual" } = {},
): Indicator {
  return {
    code,
    nameVi: code,
    nameEn: code,
    definitionVi: "",
    definitionEn: "",
    unit: "percent",
    pillar: "digital_economy",
    direction: "higher",
    decimals: 1,
    numerator,
    denominator,
    factor: options.factor ?? 1,
    frequency: options.frequency ?? "quarterly",
    source: "test",
    tags: [],
  };
}

export function area(
  geography: Geography,
  code: string,
  level: Area["level"],
  parent: string | null,
  members: readonly string[] = [],
): Area {
  return {
    geography,
    code,
    nameVi: code,
    nameEn: code,
    level,
    parent,
    kind: level === "province" ? "province" : null,
    members,
  };
}

export function obs(
  code: string,
  geography: Geography,
  areaCode: string,
  period: string,
  value: number,
  options: { series?: string; target?: "element" | "indicator"; status?: Observation["status"] } = {},
): Observation {
  return {
    series: options.series ?? "demo",
    code,
    target: options.target ?? "element",
    geography,
    area: areaCode,
    period,
    value,
    status: options.status ?? "official",
    note: null,
  };
}

/**
 * A small piece of the real map: in 2008, region TDMNPB with Lào Cai (10) and Yên Bái (15), region
 * DBSH with Hà Nội (01). In 2025, Lào Cai (15) = 2008 Lào Cai (10) + Yên Bái (15), Hà Nội (01) = 01.
 */
export function miniAreas(): Area[] {
  return [
    area("2008", "VN", "nation", null),
    area("2008", "TDMNPB", "region", "VN"),
    area("2008", "DBSH", "region", "VN"),
    area("2008", "10", "province", "TDMNPB"),
    area("2008", "15", "province", "TDMNPB"),
    area("2008", "01", "province", "DBSH"),
    area("2025", "VN", "nation", null),
    area("2025", "TDMNPB", "region", "VN"),
    area("2025", "DBSH", "region", "VN"),
    area("2025", "15", "province", "TDMNPB", ["10", "15"]),
    area("2025", "01", "province", "DBSH", ["01"]),
  ];
}
