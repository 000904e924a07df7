/**
 * Periods: `2024` (year), `2024-S1` (half), `2024-Q3` (quarter). Ordered, with start and end dates.
 * A period belongs to the geography in force at its end (DESIGN §3): the 63 provinces of 2008 until
 * 2025-06-30, the 34 of 2025 from 2025-07-01. So 2025-Q2 and 2025-S1 are 2008 periods and the year
 * 2025 is a 2025 period.
 */

import type { Geography } from "./area.ts";
import { DxmError } from "./errors.ts";

export type PeriodKind = "Y" | "S" | "Q";

export interface Period {
  readonly year: number;
  readonly kind: PeriodKind;
  /** 1 for a year; 1–2 for a half; 1–4 for a quarter. */
  readonly index: number;
}

const PERIOD_RE = /^(\d{4})(?:-(S[12]|Q[1-4]))?$/;

/** The last day of the 2008 geography (the 2025 units operate from 2025-07-01). */
export const GEOGRAPHY_2025_START = "2025-07-01";

export function tryParsePeriod(text: string): Period | undefined {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) return undefined;
  const sub = m[2];
  if (!sub) return { year, kind: "Y", index: 1 };
  return { year, kind: sub[0] as PeriodKind, index: Number(sub[1]) };
}

/** Parses a period or throws an `invalid_period` error naming the field. */
export function parsePeriod(text: string, field = "period"): Period {
  const p = tryParsePeriod(text);
  if (!p) {
    throw new DxmError(
      "invalid_period",
      `${field}: "${text}" is not a period; use 2024, 2024-S1 or 2024-Q3 (years 1990–2100)`,
      {
        field,
        messageVi: `${field}: "${text}" không phải kỳ hợp lệ; dùng dạng 2024, 2024-S1 hoặc 2024-Q3 (năm 1990–2100)`,
      },
    );
  }
  return p;
}

export function formatPeriod(p: Period): string {
  return p.kind === "Y" ? String(p.year) : `${p.year}-${p.kind}${p.index}`;
}

/** Months covered: [first month, last month], 1-based. */
function monthSpan(p: Period): [number, number] {
  if (p.kind === "Y") return [1, 12];
  if (p.kind === "S") return p.index === 1 ? [1, 6] : [7, 12];
  return [(p.index - 1) * 3 + 1, p.index * 3];
}

const pad = (n: number) => String(n).padStart(2, "0");

export function periodStart(p: Period): string {
  return `${p.year}-${pad(monthSpan(p)[0])}-01`;
}

export function periodEnd(p: Period): string {
  const last = monthSpan(p)[1];
  const day = new Date(Date.UTC(p.year, last, 0)).getUTCDate();
  return `${p.year}-${pad(last)}-${pad(day)}`;
}

/** The geography in force at the end of the period. */
export function geographyOfPeriod(p: Period): Geography {
  return periodEnd(p) < GEOGRAPHY_2025_START ? "2008" : "2025";
}

/** Sort key: by end date, then shorter periods first (2024-Q4 < 2024-S2 < 2024). */
export function comparePeriods(a: Period, b: Period): number {
  const ea = periodEnd(a);
  const eb = periodEnd(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  const rank: Record<PeriodKind, number> = { Q: 0, S: 1, Y: 2 };
  if (rank[a.kind] !== rank[b.kind]) return rank[a.kind] - rank[b.kind];
  return periodStart(a) < periodStart(b) ? -1 : periodStart(a) > periodStart(b) ? 1 : 0;
}

/** The quarters a period covers, in order. */
export function quartersOf(p: Period): Period[] {
  if (p.kind === "Q") return [p];
  const [first, last] = monthSpan(p);
  const out: Period[] = [];
  for (let q = (first + 2) / 3; q <= last / 3; q++) out.push({ year: p.year, kind: "Q", index: q });
  return out;
}

/** The direct sub-periods used for time aggregation: year → quarters, half → quarters. */
export function childPeriods(p: Period): Period[] {
  return p.kind === "Q" ? [] : quartersOf(p);
}

/** Every quarter from `from` to `to` inclusive (both quarters). */
export function quarterRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  let y = from.year;
  let q = from.kind === "Q" ? from.index : 1;
  const endKey = to.year * 4 + (to.kind === "Q" ? to.index : 4);
  while (y * 4 + q <= endKey) {
    out.push({ year: y, kind: "Q", index: q });
    q++;
    if (q > 4) {
      q = 1;
      y++;
    }
  }
  return out;
}

/** The latest quarter that has closed on `date` (YYYY-MM-DD). */
export function lastClosedQuarter(date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const current = Math.floor((m - 1) / 3) + 1;
  return current === 1 ? { year: y - 1, kind: "Q", index: 4 } : { year: y, kind: "Q", index: current - 1 };
}

/**
 * The halves and years that the given quarters complete (a half needs both its quarters, a year all
 * four). Used to list the periods a recompute produces.
 */
export function completedAggregates(quarters: readonly Period[]): Period[] {
  const have = new Set(quarters.map(formatPeriod));
  const years = [...new Set(quarters.map((q) => q.year))].sort();
  const out: Period[] = [];
  for (const year of years) {
    for (const half of [1, 2]) {
      const s: Period = { year, kind: "S", index: half };
      if (quartersOf(s).every((q) => have.has(formatPeriod(q)))) out.push(s);
    }
    const y: Period = { year, kind: "Y", index: 1 };
    if (quartersOf(y).every((q) => have.has(formatPeriod(q)))) out.push(y);
  }
  return out;
}
