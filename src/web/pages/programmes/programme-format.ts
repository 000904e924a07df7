/** Small text helpers of the programmes page. */
import type { ProgrammeDto } from "../../data/programmes.ts";

export function leadText(p: ProgrammeDto, lang: "vi" | "en"): string {
  return lang === "vi" ? p.lead_vi : p.lead_en;
}

/** `2024-12-31` → `31/12/2024` in Vietnamese; ISO in English. */
export function formatDay(iso: string, lang: "vi" | "en"): string {
  const [y, m, d] = iso.split("-");
  return lang === "vi" ? `${d}/${m}/${y}` : iso;
}
