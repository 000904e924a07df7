/**
 * The site search: provinces (both geographies) and indicators found by their Vietnamese or English
 * name or code, ignoring case, diacritics and word order ("dak nong" finds Đắk Nông, "thuong mai
 * dien tu" finds the e-commerce indicators). A name that starts with the query ranks before one that
 * only contains it; provinces of the 2025 geography come before those of 2008 on a tie.
 */
import type { Geography } from "../../domain/area.ts";
import { normalizeVi } from "./normalize.ts";

export type SearchHit =
  | {
      readonly kind: "province";
      readonly geography: Geography;
      readonly code: string;
      readonly name_vi: string;
      readonly name_en: string;
    }
  | { readonly kind: "indicator"; readonly code: string; readonly name_vi: string; readonly name_en: string };

interface Scored {
  readonly hit: SearchHit;
  readonly score: number;
}

function score(query: string, words: readonly string[], hit: SearchHit): number | undefined {
  const texts = [hit.name_vi, hit.name_en, hit.code].map(normalizeVi);
  const joined = texts.join(" | ");
  const compact = texts.map((t) => t.replace(/ /g, ""));
  const allWords = words.every((w) => joined.includes(w));
  const asOne = compact.some((t) => t.includes(query.replace(/ /g, "")));
  if (!allWords && !asOne) return undefined;
  let s = 0;
  if (texts.some((t) => t === query)) s += 100;
  if (texts.some((t) => t.startsWith(query))) s += 50;
  if (hit.kind === "province") s += hit.geography === "2025" ? 20 : 10;
  return s;
}

/** At most `limit` hits for the query, best first; nothing for an empty query. */
export function searchSite(query: string, candidates: readonly SearchHit[], limit = 8): SearchHit[] {
  const q = normalizeVi(query);
  if (q === "") return [];
  const words = q.split(" ");
  const scored: Scored[] = [];
  for (const hit of candidates) {
    const s = score(q, words, hit);
    if (s !== undefined) scored.push({ hit, score: s });
  }
  scored.sort((a, b) => b.score - a.score || a.hit.name_vi.localeCompare(b.hit.name_vi, "vi"));
  return scored.slice(0, limit).map((s) => s.hit);
}
