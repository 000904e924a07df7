/**
 * Number formatting for the web app, pure so it can be tested without a browser. Vietnamese uses a
 * comma for decimals and a dot for thousands (16,5% · 1.234,5); English the reverse. Percentages
 * are given in percent units (16.5 means 16.5%), as the API returns them, and are written without a
 * space before the sign in both languages.
 */
export type Lang = "vi" | "en";

export const LOCALES: Readonly<Record<Lang, string>> = { vi: "vi-VN", en: "en-US" };

/** What a missing value is shown as. */
export const MISSING = "—";

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, f);
  }
  return f;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** `formatNumber(1234.5, "vi", 1)` → `1.234,5`; null, undefined and non-finite values → `—`. */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals = 0): string {
  if (!isNumber(value)) return MISSING;
  return formatter(lang, decimals).format(value);
}

/** `formatPercent(16.5, "vi", 1)` → `16,5%`; `formatPercent(16.5, "en", 1)` → `16.5%`. */
export function formatPercent(value: number | null | undefined, lang: Lang, decimals = 1): string {
  if (!isNumber(value)) return MISSING;
  return `${formatter(lang, decimals).format(value)}%`;
}
