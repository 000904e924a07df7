/**
 * How each series looks and in which order it is listed, everywhere in the app. Official figures
 * come first and strongest; estimates next; demo values last, grey and dashed, so that they never
 * pass for real figures (DESIGN §3: different series are never merged into one line).
 */
import type { SeriesCode } from "../../domain/catalog.ts";

export interface SeriesStyle {
  readonly color: string;
  readonly dashed: boolean;
  readonly width: number;
  /** ECharts symbol name. */
  readonly symbol: "circle" | "triangle" | "rect" | "emptyCircle" | "diamond";
}

export const SERIES_ORDER: readonly SeriesCode[] = ["gso_official", "mic_estimate", "reported", "demo"];

const STYLES: Readonly<Record<string, SeriesStyle>> = {
  gso_official: { color: "#1d4ed8", dashed: false, width: 3, symbol: "circle" },
  mic_estimate: { color: "#c2410c", dashed: false, width: 2.5, symbol: "triangle" },
  reported: { color: "#047857", dashed: false, width: 2.5, symbol: "rect" },
  demo: { color: "#7c8595", dashed: true, width: 2, symbol: "emptyCircle" },
};

const FALLBACK: readonly string[] = ["#7c3aed", "#0e7490", "#a16207", "#be185d"];

export const TARGET_STYLE = { color: "#b91c1c", symbol: "diamond" } as const;

export function seriesStyle(code: SeriesCode, isDemo = false): SeriesStyle {
  const known = STYLES[code];
  if (known) return known;
  if (isDemo) return STYLES.demo!;
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return { color: FALLBACK[hash % FALLBACK.length]!, dashed: false, width: 2, symbol: "circle" };
}

/** Orders series codes: known ones in `SERIES_ORDER`, then the rest alphabetically. */
export function compareSeries(a: SeriesCode, b: SeriesCode): number {
  const ia = SERIES_ORDER.indexOf(a);
  const ib = SERIES_ORDER.indexOf(b);
  if (ia !== ib) return (ia === -1 ? SERIES_ORDER.length : ia) - (ib === -1 ? SERIES_ORDER.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
