/**
 * Areas. Two geographies: `2008` (nation VN, 6 regions, 63 provinces, until 2025-06-30) and `2025`
 * (nation VN, 6 regrouped regions, 34 provinces, from 2025-07-01). An area is identified by
 * (geography, code), never by code alone: code 15 is Yên Bái in 2008 and Lào Cai in 2025.
 */
export type Geography = "2008" | "2025";
export const GEOGRAPHIES: readonly Geography[] = ["2008", "2025"];

export type AreaLevel = "nation" | "region" | "province";
export const AREA_LEVELS: readonly AreaLevel[] = ["nation", "region", "province"];

export const NATION_CODE = "VN";

export interface Area {
  readonly geography: Geography;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly level: AreaLevel;
  /** Parent area code in the same geography (region for a province, VN for a region, null for VN). */
  readonly parent: string | null;
  /** `city` or `province` for provinces (centrally-run city or province); null otherwise. */
  readonly kind: "city" | "province" | null;
  /** For a 2025 province: the 2008 province codes it was formed from. Empty otherwise. */
  readonly members: readonly string[];
}

export interface AreaRef {
  readonly geography: Geography;
  readonly code: string;
}

export function areaKey(a: AreaRef): string {
  return `${a.geography}:${a.code}`;
}

export function isGeography(s: string): s is Geography {
  return s === "2008" || s === "2025";
}

export function isAreaLevel(s: string): s is AreaLevel {
  return s === "nation" || s === "region" || s === "province";
}
