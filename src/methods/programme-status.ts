/**
 * The status of an action programme, from three sources (pure; every rule has a test).
 *
 * 1. **Indicators → RAG → derived status.** Each indicator the programme should move has a progress
 *    class (DESIGN §4.4). Class → RAG: `achieved`, `on_track` → green; `acceleration_needed` →
 *    amber; `off_track`, `regressing` → red; `insufficient_data` → none (ignored). The programme's
 *    RAG is the **worst** of its indicators' (red > amber > green): one indicator off track puts the
 *    programme at risk whatever the others do. None when no indicator has a class. RAG → derived
 *    status: green → `on_track`; amber and red → `at_risk` (red is kept as RAG so a reader sees the
 *    difference; `late` is reserved for a missed deadline).
 * 2. **A reviewer's status** with a reason (any of the five).
 * 3. **The deadline**: a programme whose deadline (a date, inclusive) is before today and that is
 *    not `done` is `late`, without anyone setting it.
 *
 * Effective status, first rule that applies: reviewer says `done` → done · deadline passed → late ·
 * reviewer's status → it · derived status → it · otherwise `not_started`. The reviewer's judgement
 * overrides the derived one (both are returned, so both are visible), but cannot hide a missed
 * deadline except by declaring the programme done.
 *
 * Worked example (programme-status.test.ts): indicators SMARTPHONE_ADULTS `on_track` and
 * FIBRE_HOUSEHOLDS `acceleration_needed` → RAG amber → derived `at_risk`; with the deadline
 * 2024-12-31 and today 2025-01-01 the effective status is `late` (source `deadline`).
 */
import type { ProgrammeStatus } from "../domain/programme.ts";
import type { ProgressClass } from "./progress.ts";

export type Rag = "green" | "amber" | "red";

const RAG_OF_CLASS: Readonly<Record<ProgressClass, Rag | null>> = {
  achieved: "green",
  on_track: "green",
  acceleration_needed: "amber",
  off_track: "red",
  regressing: "red",
  insufficient_data: null,
};

const RAG_ORDER: Readonly<Record<Rag, number>> = { green: 0, amber: 1, red: 2 };

export function ragOfClass(c: ProgressClass): Rag | null {
  return RAG_OF_CLASS[c];
}

/** The worst RAG of the classes, or null when none has one. */
export function programmeRag(classes: readonly ProgressClass[]): Rag | null {
  let worst: Rag | null = null;
  for (const c of classes) {
    const r = RAG_OF_CLASS[c];
    if (r !== null && (worst === null || RAG_ORDER[r] > RAG_ORDER[worst])) worst = r;
  }
  return worst;
}

export function statusOfRag(rag: Rag | null): ProgrammeStatus | null {
  if (rag === null) return null;
  return rag === "green" ? "on_track" : "at_risk";
}

export type StatusSource = "reviewer" | "deadline" | "indicators" | "default";

export interface StatusInput {
  /** YYYY-MM-DD, inclusive; null when the programme has none. */
  readonly deadline: string | null;
  /** YYYY-MM-DD (in Asia/Ho_Chi_Minh for the service). */
  readonly today: string;
  readonly reviewerStatus: ProgrammeStatus | null;
  readonly derivedStatus: ProgrammeStatus | null;
}

export interface EffectiveStatus {
  readonly status: ProgrammeStatus;
  readonly source: StatusSource;
  /** Past its deadline and not done. */
  readonly overdue: boolean;
}

export function effectiveStatus(s: StatusInput): EffectiveStatus {
  const done = s.reviewerStatus === "done";
  const overdue = !done && s.deadline !== null && s.deadline < s.today;
  if (done) return { status: "done", source: "reviewer", overdue };
  if (overdue) return { status: "late", source: "deadline", overdue };
  if (s.reviewerStatus !== null) return { status: s.reviewerStatus, source: "reviewer", overdue };
  if (s.derivedStatus !== null) return { status: s.derivedStatus, source: "indicators", overdue };
  return { status: "not_started", source: "default", overdue };
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving). */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
