/**
 * Re-basing history to the 2025 geography (DESIGN §4.2).
 *
 * Design: re-basing goes one way only. For a period of the 2008 geography, a 2025 province is the
 * aggregate of the 2008 provinces it was formed from, by the element's own area rule (so flows add
 * up, averages stay averages, and indicators are then recomputed from the re-based elements as a
 * ratio of sums). A 2025 value is never split back to 2008 provinces: there is no defensible key
 * to split it by, so this module offers no such function and refuses 2025 periods. Elements whose
 * area rule is `none` are not re-based at all (no value rather than a wrong one). A missing member
 * makes the result incomplete and names it as `2008:CODE`.
 */
import type { Area } from "../domain/area.ts";
import type { DataElement } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import { formatPeriod, geographyOfPeriod, type Period } from "../domain/period.ts";
import { type AggregateResult, aggregateAreas, type MemberValue } from "./aggregate.ts";

/** 2025 province code → the 2008 province codes it was formed from. */
export type MergerMap = ReadonlyMap<string, readonly string[]>;

/**
 * The merger map read from the 2025 provinces' `members`.
 * @throws DxmError `invalid_area` when a 2008 province is listed in two 2025 units.
 */
export function mergerMap(areas: readonly Area[]): MergerMap {
  const map = new Map<string, readonly string[]>();
  const owner = new Map<string, string>();
  for (const a of areas) {
    if (a.geography !== "2025" || a.level !== "province") continue;
    for (const m of a.members) {
      const other = owner.get(m);
      if (other !== undefined) {
        throw new DxmError(
          "invalid_area",
          `2008 province ${m} is a member of both 2025 provinces ${other} and ${a.code}`,
          {
            field: a.code,
            messageVi: `Tỉnh ${m} (2008) thuộc cả hai tỉnh ${other} và ${a.code} (2025)`,
            details: { member: m, units: [other, a.code] },
          },
        );
      }
      owner.set(m, a.code);
    }
    map.set(a.code, a.members);
  }
  return map;
}

/** 2008 province code → the 2025 province it became part of. */
export function successors(merger: MergerMap): Map<string, string> {
  const out = new Map<string, string>();
  for (const [unit, members] of merger) for (const m of members) out.set(m, unit);
  return out;
}

/** True when the element can be re-based (its area rule is not `none`). */
export function isRebased(element: DataElement): boolean {
  return element.areaAggregation !== "none";
}

/**
 * Value of the 2025 province `unit` for a 2008-geography `period`:
 * `x(unit, t) = A_{m ∈ members(unit)} x(m, t)` where A is the element's area rule (`sum`, `mean`,
 * `weighted_mean:W` with W's values of the same 2008 members and period). Missing members are named
 * `2008:CODE` and make the result incomplete (`completeness = present / members`).
 *
 * @param value2008  the element's value of a 2008 province (by code) for `period`
 * @param weight2008 for `weighted_mean:W`, W's value of a 2008 province for `period`
 * @returns null when the element's rule is `none` (not re-based)
 * @throws DxmError `invalid_period` for a period of the 2025 geography (values are never split back
 *   or re-based forward there), `invalid_area` for a code that is not a 2025 province of the map
 */
export function rebaseTo2025(
  element: DataElement,
  unit: string,
  period: Period,
  merger: MergerMap,
  value2008: (code2008: string) => MemberValue,
  weight2008?: (code2008: string) => MemberValue,
): AggregateResult | null {
  if (geographyOfPeriod(period) !== "2008") {
    const p = formatPeriod(period);
    throw new DxmError("invalid_period", `Period ${p} belongs to the 2025 geography: nothing to re-base`, {
      field: "period",
      messageVi: `Kỳ ${p} thuộc địa giới 2025: không cần quy đổi`,
    });
  }
  const members = merger.get(unit);
  if (members === undefined) {
    throw new DxmError("invalid_area", `${unit} is not a 2025 province of the merger map`, {
      field: "area",
      messageVi: `${unit} không phải tỉnh (địa giới 2025) trong bảng sáp nhập`,
    });
  }
  if (!isRebased(element)) return null;
  const keys = members.map((m) => `2008:${m}`);
  return aggregateAreas(
    element.areaAggregation,
    keys,
    (_k, i) => value2008(members[i] as string),
    weight2008 ? (_k, i) => weight2008(members[i] as string) : undefined,
  );
}
