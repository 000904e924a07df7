/**
 * Targets from `data/facts/`: Decision 411's national targets (2025 and 2030), the National
 * Committee's annual plans (2022, 2023) and provincial examples. Choices:
 * - National targets are given for the nation in both geographies (VN is the same country in both),
 *   so a 2008 view (history) and a 2025 view (default) both find them. Blank 2030 cells of Decision
 *   411 were not verified and are skipped, never guessed.
 * - Provincial targets keep the geography the file states (2008), with the province code checked
 *   against that geography.
 * - `source` is the legal or plan source in Vietnamese; `note` keeps the file's own note or source
 *   text verbatim.
 * - The 411 file has one comparator per row, so ENT_ECONTRACT reads "> 80 % (2025), > 100 %
 *   (2030)". A percentage cannot exceed 100, so a strict `>` target of 100 is read as `>= 100`
 *   (the strategy's "100 %"); every other comparator is kept as written.
 */
import { GEOGRAPHIES, NATION_CODE } from "../domain/area.ts";
import type { Comparator, Target } from "../domain/catalog.ts";
import { loadAreas } from "./areas.ts";
import { readCsvTable } from "./csv.ts";

export const TARGETS_411_FILE = "facts/targets-decision-411.csv";
export const ANNUAL_PLAN_TARGETS_FILE = "facts/national-annual-plan-targets.csv";
export const PROVINCIAL_TARGETS_FILE = "facts/provincial-targets.csv";

export const DECISION_411_SOURCE = "Quyết định 411/QĐ-TTg ngày 31/3/2022";

const COMPARATORS: readonly Comparator[] = [">=", ">", "<=", "<"];
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** The Vietnamese name of the plan or decision behind an annual-plan row's source text. */
function annualPlanSource(text: string): string {
  const plan = /National Committee on Digital Transformation, (\d{4}) plan/.exec(text);
  if (plan) return `Kế hoạch năm ${plan[1]} của Ủy ban Quốc gia về chuyển đổi số`;
  if (/seed 000_/.test(text)) {
    return "Bộ Thông tin và Truyền thông, phiên họp chuyên đề lần 2 của Ủy ban Quốc gia về chuyển đổi số (30/8/2023)";
  }
  return text;
}

/** The Vietnamese source of a provincial target, by province (the file names the article). */
const PROVINCIAL_SOURCES: Record<string, string> = {
  "93": "Mục tiêu phát triển kinh tế số đến năm 2025 của tỉnh Hậu Giang (Báo điện tử Đảng Cộng sản Việt Nam, 8/7/2022)",
  "79": "Kế hoạch phát triển kinh tế số của Thành phố Hồ Chí Minh (Viet Nam News)",
};

function decision411Targets(): Target[] {
  const rows = readCsvTable(TARGETS_411_FILE, [
    "code",
    "unit",
    "comparator",
    "target_2025",
    "target_2030",
    "note",
  ]);
  const out: Target[] = [];
  for (const r of rows) {
    const indicator = r.matching("code", CODE, "an UPPER_SNAKE indicator code");
    const unit = r.required("unit");
    const comparator = r.oneOf("comparator", COMPARATORS);
    const note = r.optional("note");
    const values: [string, number, number | null][] = [
      ["target_2025", 2025, r.number("target_2025")],
      ["target_2030", 2030, r.optionalNumber("target_2030")],
    ];
    for (const [column, year, value] of values) {
      if (value === null) continue;
      if (unit === "percent" && (value < 0 || value > 100)) {
        throw r.error(column, `${value} is not a percentage between 0 and 100`);
      }
      const reachable: Comparator =
        unit === "percent" && value === 100 && comparator === ">" ? ">=" : comparator;
      for (const geography of GEOGRAPHIES) {
        out.push({
          indicator,
          geography,
          area: NATION_CODE,
          year,
          comparator: reachable,
          value,
          source: DECISION_411_SOURCE,
          note,
        });
      }
    }
  }
  return out;
}

function annualPlanTargets(): Target[] {
  const rows = readCsvTable(ANNUAL_PLAN_TARGETS_FILE, ["indicator", "comparator", "year", "value", "source"]);
  const out: Target[] = [];
  for (const r of rows) {
    const indicator = r.matching("indicator", CODE, "an UPPER_SNAKE indicator code");
    const comparator = r.oneOf("comparator", COMPARATORS);
    const year = r.integer("year", 2000, 2100);
    const value = r.number("value");
    const text = r.required("source");
    for (const geography of GEOGRAPHIES) {
      out.push({
        indicator,
        geography,
        area: NATION_CODE,
        year,
        comparator,
        value,
        source: annualPlanSource(text),
        note: text,
      });
    }
  }
  return out;
}

function provincialTargets(): Target[] {
  const areas = loadAreas();
  const rows = readCsvTable(PROVINCIAL_TARGETS_FILE, [
    "province_code",
    "geography",
    "indicator",
    "comparator",
    "year",
    "value",
    "source",
  ]);
  return rows.map((r) => {
    const geography = r.oneOf("geography", GEOGRAPHIES);
    const area = r.required("province_code");
    if (!areas.some((a) => a.geography === geography && a.level === "province" && a.code === area)) {
      throw r.error("province_code", `"${area}" is not a province of the ${geography} geography`);
    }
    const text = r.required("source");
    return {
      indicator: r.matching("indicator", CODE, "an UPPER_SNAKE indicator code"),
      geography,
      area,
      year: r.integer("year", 2000, 2100),
      comparator: r.oneOf("comparator", COMPARATORS),
      value: r.number("value"),
      source: PROVINCIAL_SOURCES[area] ?? text,
      note: text,
    };
  });
}

let cached: readonly Target[] | undefined;

/** Every target of the three files, validated (read once). */
export function loadTargets(): Target[] {
  cached ??= Object.freeze([...decision411Targets(), ...annualPlanTargets(), ...provincialTargets()]);
  return [...cached];
}
