/**
 * How an indicator's value is written: percentages with the sign (16,5%), counts and money with
 * thousands separators, all at the indicator's decimals and in the reader's language.
 */
import type { Comparator } from "../../domain/catalog.ts";
import { formatNumber, formatPercent, type Lang } from "./format.ts";

const COMPARATOR_TEXT: Readonly<Record<Comparator, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };
export const comparatorText = (c: Comparator): string => COMPARATOR_TEXT[c] ?? c;

export function formatValue(
  value: number | null | undefined,
  indicator: { unit: string; decimals: number } | undefined,
  lang: Lang,
): string {
  const decimals = indicator?.decimals ?? 1;
  return indicator?.unit === "percent"
    ? formatPercent(value, lang, decimals)
    : formatNumber(value, lang, decimals);
}

/** A change between two values: "+1,2 điểm %" for percentages, a signed number otherwise. */
export function formatChange(
  change: number,
  indicator: { unit: string; decimals: number } | undefined,
  lang: Lang,
): string {
  const text = formatNumber(Math.abs(change), lang, indicator?.decimals ?? 1);
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `${sign}${text}`;
}
