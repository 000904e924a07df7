/**
 * The 10 action programmes of the first National Forum on the Digital Economy and Digital Society
 * (Nam Định, 13–14 September 2023), from `facts/action-programmes-2023-forum.csv`. They are seeded
 * once as reference data (`key` forum-2023-NN) and then followed in the store, where reviewers add
 * updates and set statuses; more programmes (provincial plans) are added through the API.
 *
 * Choices:
 * - The file names the lead agencies in English; the Vietnamese names are the agencies' official
 *   names, mapped here (an unknown agency fails loading rather than showing English in Vietnamese).
 * - The programmes start on the forum's closing day, 2023-09-14; a blank deadline stays blank
 *   (never guessed), so those programmes cannot become late by date.
 * - Indicator codes are checked against the indicator catalogue.
 */
import type { EvidenceLink } from "../domain/programme.ts";
import { readCsvTable } from "./csv.ts";
import { findIndicator } from "./indicators.ts";

export const PROGRAMMES_FILE = "facts/action-programmes-2023-forum.csv";
export const FORUM_2023_START = "2023-09-14";
export const FORUM_2023_SOURCE_VI =
  "Diễn đàn quốc gia về phát triển kinh tế số và xã hội số lần thứ nhất (Nam Định, 13–14/9/2023)";
export const FORUM_2023_SOURCE_EN =
  "First National Forum on the Digital Economy and Digital Society (Nam Định, 13–14 September 2023)";

const AGENCY_VI: Readonly<Record<string, string>> = {
  "Ministry of Information and Communications": "Bộ Thông tin và Truyền thông",
  provinces: "Các tỉnh, thành phố",
  "line ministries": "Các bộ, ngành",
  "General Statistics Office": "Tổng cục Thống kê",
};

export interface CatalogProgramme {
  /** Stable key of a catalogue programme, e.g. `forum-2023-01`. */
  readonly key: string;
  readonly titleVi: string;
  readonly titleEn: string;
  readonly leadVi: string;
  readonly leadEn: string;
  readonly start: string;
  readonly deadline: string | null;
  readonly indicators: readonly string[];
  readonly sourceVi: string;
  readonly sourceEn: string;
  readonly evidence: readonly EvidenceLink[];
}

let cached: readonly CatalogProgramme[] | undefined;

export function loadProgrammes(): CatalogProgramme[] {
  cached ??= Object.freeze(
    readCsvTable(PROGRAMMES_FILE, ["no", "title_vi", "title_en", "lead", "deadline", "indicators"]).map(
      (r) => {
        const no = r.integer("no", 1, 99);
        const leadEn = r.required("lead");
        const leadVi = leadEn
          .split(";")
          .map((s) => s.trim())
          .map((a) => {
            const vi = AGENCY_VI[a];
            if (vi === undefined) throw r.error("lead", `no Vietnamese name for the agency "${a}"`);
            return vi;
          })
          .join("; ");
        const deadline = r.optional("deadline");
        if (deadline !== null && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) {
          throw r.error("deadline", `"${deadline}" is not a date YYYY-MM-DD`);
        }
        const indicators = (r.optional("indicators") ?? "")
          .split(";")
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        for (const code of indicators) {
          if (!findIndicator(code))
            throw r.error("indicators", `"${code}" is not an indicator of the catalogue`);
        }
        return Object.freeze({
          key: `forum-2023-${String(no).padStart(2, "0")}`,
          titleVi: r.required("title_vi"),
          titleEn: r.required("title_en"),
          leadVi,
          leadEn,
          start: FORUM_2023_START,
          deadline,
          indicators: Object.freeze(indicators),
          sourceVi: FORUM_2023_SOURCE_VI,
          sourceEn: FORUM_2023_SOURCE_EN,
          evidence: Object.freeze([]),
        });
      },
    ),
  );
  return [...cached];
}
