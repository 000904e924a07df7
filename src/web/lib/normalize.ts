/**
 * Diacritic-insensitive matching for Vietnamese, so that "dak lak" finds Đắk Lắk and "ho chi minh"
 * finds Hồ Chí Minh. NFD decomposition splits letters from their tone and vowel marks, which are
 * then dropped; đ/Đ is a letter of its own (not d plus a mark), so it is mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const PUNCTUATION = /[.,;:()'"’\-–—/]+/g;

/** Lower case, without diacritics, đ → d, punctuation as spaces, single spaces, trimmed. */
export function normalizeVi(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(PUNCTUATION, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * True when the query occurs in any of the texts, ignoring case, diacritics, punctuation and spaces
 * (so "daklak" and "dak lak" both find "Đắk Lắk"). An empty query matches everything.
 */
export function matchesVi(query: string, ...texts: readonly string[]): boolean {
  const q = normalizeVi(query).replace(/ /g, "");
  if (q === "") return true;
  return texts.some((t) => normalizeVi(t).replace(/ /g, "").includes(q));
}
