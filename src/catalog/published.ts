/**
 * Published figures loaded as indicator observations (`target: "indicator"`, stored as published,
 * not recomputed): the two national digital-economy share series, the national figures quoted in
 * the seed articles and the ministry's 2022 provincial shares of GRDP. Choices:
 * - The geography of a national figure is the one in force at the end of its period
 *   (`geographyOfPeriod`): up to 2024 → 2008, 2025 → 2025.
 * - Seed figures go to `mic_estimate`, never `gso_official`: every one of them was reported by the
 *   Ministry of Information and Communications (its digital-economy estimates, and the progress
 *   figures it reported to the National Committee on 8/8/2022). The seed rows that repeat a
 *   ministry estimate already in the national series are merged into it (same value required).
 * - The provincial shares use `DE_SHARE_GDP`, the same code as the national share of GDP.
 */
import { NATION_CODE } from "../domain/area.ts";
import type { ObservationStatus } from "../domain/catalog.ts";
import type { Observation } from "../domain/observation.ts";
import { geographyOfPeriod, type Period, tryParsePeriod } from "../domain/period.ts";
import { loadAreas } from "./areas.ts";
import { type CsvRow, dataError, readCsvTable } from "./csv.ts";
import { findIndicator } from "./indicators.ts";

export const DE_SHARE_FILE = "facts/digital-economy-share-gdp.csv";
export const SEED_OBSERVATIONS_FILE = "facts/national-observations-from-seeds.csv";
export const PROVINCIAL_DE_SHARE_2022_FILE = "facts/digital-economy-share-grdp-2022-mic.csv";
export const DTI_2022_FILE = "facts/dti-2022-provincial-ranking.csv";
const DTI_2022_SOURCE =
  "Bộ Thông tin và Truyền thông, xếp hạng DTI cấp tỉnh năm 2022 (Quyết định 922/QĐ-BTTTT), công bố 12/7/2023, dti.gov.vn/xep-hang-2022";

const STATUSES: readonly ObservationStatus[] = ["preliminary", "official", "revised", "estimate"];
const PUBLISHED_SERIES = ["gso_official", "mic_estimate"] as const;
const MIC_2022_REPORT =
  "Báo cáo thường niên kinh tế số Việt Nam 2022 (Ban Kinh tế Trung ương, Bộ Thông tin và Truyền thông)";

/** An observation with the file row it came from (to name both rows when two disagree). */
interface Sourced {
  readonly obs: Observation;
  readonly file: string;
  readonly row: number;
}

function periodCell(r: CsvRow, column: string): { text: string; period: Period } {
  const text = r.required(column);
  const period = tryParsePeriod(text);
  if (!period) throw r.error(column, `"${text}" is not a period (2024, 2024-S1 or 2024-Q3)`);
  return { text, period };
}

function indicatorCell(r: CsvRow, column: string): string {
  const code = r.required(column);
  if (!findIndicator(code)) throw r.error(column, `"${code}" is not an indicator of the catalogue`);
  return code;
}

function percentCell(r: CsvRow, column: string): number {
  const v = r.number(column);
  if (v < 0 || v > 100) throw r.error(column, `${v} is not a percentage between 0 and 100`);
  return v;
}

function nationalShares(): Sourced[] {
  const rows = readCsvTable(DE_SHARE_FILE, ["year", "value_percent", "series", "status", "source"]);
  return rows.map((r) => {
    const period = String(r.integer("year", 1990, 2100));
    const obs: Observation = {
      series: r.oneOf("series", PUBLISHED_SERIES),
      code: "DE_SHARE_GDP",
      target: "indicator",
      geography: geographyOfPeriod({ year: Number(period), kind: "Y", index: 1 }),
      area: NATION_CODE,
      period,
      value: percentCell(r, "value_percent"),
      status: r.oneOf("status", STATUSES),
      note: r.required("source"),
    };
    return { obs, file: r.file, row: r.row };
  });
}

function seedObservations(): Sourced[] {
  const rows = readCsvTable(SEED_OBSERVATIONS_FILE, ["area", "period", "indicator", "value", "source"]);
  return rows.map((r) => {
    const area = r.required("area");
    if (area !== NATION_CODE)
      throw r.error("area", `"${area}" is not ${NATION_CODE}: this file holds national figures`);
    const { text, period } = periodCell(r, "period");
    const obs: Observation = {
      series: "mic_estimate",
      code: indicatorCell(r, "indicator"),
      target: "indicator",
      geography: geographyOfPeriod(period),
      area,
      period: text,
      value: r.number("value"),
      status: "estimate",
      note: r.required("source"),
    };
    return { obs, file: r.file, row: r.row };
  });
}

function provincialShares2022(): Sourced[] {
  const areas = loadAreas();
  const rows = readCsvTable(PROVINCIAL_DE_SHARE_2022_FILE, [
    "province_code_2008",
    "province",
    "value_percent",
    "note",
  ]);
  return rows.map((r) => {
    const area = r.required("province_code_2008");
    const province = areas.find((a) => a.geography === "2008" && a.level === "province" && a.code === area);
    if (!province) throw r.error("province_code_2008", `"${area}" is not a 2008 province code`);
    const note = r.optional("note");
    const obs: Observation = {
      series: "mic_estimate",
      code: "DE_SHARE_GDP",
      target: "indicator",
      geography: "2008",
      area,
      period: "2022",
      value: percentCell(r, "value_percent"),
      status: "estimate",
      note: note === null ? MIC_2022_REPORT : `${MIC_2022_REPORT}; ${note}`,
    };
    return { obs, file: r.file, row: r.row };
  });
}

/**
 * The published 2022 DTI ranking as series `dti_published`: `DTI_RANK` for all 63 provinces and
 * `DTI_SCORE` where the score was published. Ranks run 1–63 and ties share a rank (15 = 15).
 */
function dtiRanking2022(): Sourced[] {
  const areas = loadAreas();
  const rows = readCsvTable(DTI_2022_FILE, ["rank", "province_code_2008", "province", "score"]);
  const out: Sourced[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const area = r.required("province_code_2008");
    if (!areas.some((a) => a.geography === "2008" && a.level === "province" && a.code === area))
      throw r.error("province_code_2008", `"${area}" is not a 2008 province code`);
    if (seen.has(area)) throw r.error("province_code_2008", `province ${area} is ranked twice`);
    seen.add(area);
    const base = {
      series: "dti_published",
      target: "indicator" as const,
      geography: "2008" as const,
      area,
      period: "2022",
      status: "official" as const,
      note: DTI_2022_SOURCE,
    };
    out.push({
      obs: { ...base, code: "DTI_RANK", value: r.integer("rank", 1, 63) },
      file: r.file,
      row: r.row,
    });
    if (r.optional("score") !== null) {
      const score = r.number("score");
      if (score < 0 || score > 1) throw r.error("score", `${score} is not a score between 0 and 1`);
      out.push({ obs: { ...base, code: "DTI_SCORE", value: score }, file: r.file, row: r.row });
    }
  }
  return out;
}

const keyOf = (o: Observation) => `${o.series}|${o.code}|${o.geography}|${o.area}|${o.period}`;

let cached: readonly Observation[] | undefined;

/** The published figures as indicator observations (read once). */
export function loadPublishedObservations(): Observation[] {
  if (!cached) {
    const byKey = new Map<string, Sourced>();
    for (const s of [
      ...nationalShares(),
      ...seedObservations(),
      ...provincialShares2022(),
      ...dtiRanking2022(),
    ]) {
      const key = keyOf(s.obs);
      const prior = byKey.get(key);
      if (prior === undefined) {
        byKey.set(key, s);
      } else if (prior.obs.value !== s.obs.value) {
        throw dataError(
          s.file,
          s.row,
          "value",
          `${s.obs.value} disagrees with ${prior.obs.value} for the same figure in ${prior.file} row ${prior.row}`,
        );
      }
    }
    cached = Object.freeze([...byKey.values()].map((s) => s.obs));
  }
  return [...cached];
}
