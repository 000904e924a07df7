/**
 * Paths of the web app. Exact paths stay in App's `PAGES` table; pages with parameters are matched
 * here against patterns such as `/indicators/:code`. Links are full page loads (the server answers
 * every page path with index.html), and every link carries the language (`?lang=en`) so a reader
 * keeps English from page to page.
 */
import type { Lang } from "./format.ts";

export type RouteParams = Readonly<Record<string, string>>;

/** `/indicators/:code` against `/indicators/DE_SHARE_GDP` → `{ code: "DE_SHARE_GDP" }`; no match → undefined. */
export function matchPattern(pattern: string, path: string): RouteParams | undefined {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      let value: string;
      try {
        value = decodeURIComponent(g);
      } catch {
        return undefined;
      }
      if (value === "") return undefined;
      params[w.slice(1)] = value;
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/** The path without trailing slashes; `/` for the root. */
export function normalizePath(path: string): string {
  return path.replace(/\/+$/, "") || "/";
}

/**
 * A link inside the app with the language kept: `href("/rankings", "en", { indicator: "X" })` →
 * `/rankings?indicator=X&lang=en`. Vietnamese, the default, adds nothing.
 */
export function href(
  path: string,
  lang: Lang,
  params: Readonly<Record<string, string | undefined>> = {},
): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, v);
  if (lang !== "vi") search.set("lang", lang);
  const qs = search.toString();
  return `${path}${qs ? `?${qs}` : ""}`;
}

export const indicatorPath = (code: string) => `/indicators/${encodeURIComponent(code)}`;
export const provincePath = (geography: string, code: string) =>
  `/provinces/${encodeURIComponent(geography)}/${encodeURIComponent(code)}`;
