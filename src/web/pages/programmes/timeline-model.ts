/**
 * The Gantt-style timeline as numbers: each programme's bar from its start to its deadline, placed
 * on a common axis of whole years from the earliest start to the year after the latest of today and
 * every deadline. A programme without a deadline gets an open bar up to today (drawn fading out), so
 * it is visible without inventing an end date.
 */
export interface TimelineInput {
  readonly id: number;
  readonly start: string;
  readonly deadline: string | null;
}

export interface TimelineBar {
  readonly id: number;
  /** Fractions of the axis width, 0–1. */
  readonly left: number;
  readonly width: number;
  readonly openEnded: boolean;
}

export interface TimelineModel {
  readonly firstYear: number;
  /** Exclusive: the axis ends on 1 January of this year. */
  readonly endYear: number;
  readonly years: readonly number[];
  readonly today: number;
  readonly bars: readonly TimelineBar[];
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function buildTimeline(items: readonly TimelineInput[], today: string): TimelineModel {
  const starts = items.map((i) => Number(i.start.slice(0, 4)));
  const ends = items.flatMap((i) => (i.deadline ? [Number(i.deadline.slice(0, 4))] : []));
  const thisYear = Number(today.slice(0, 4));
  const firstYear = Math.min(thisYear, ...starts);
  const endYear = Math.max(thisYear, ...ends) + 1;
  const t0 = day(`${firstYear}-01-01`);
  const span = day(`${endYear}-01-01`) - t0;
  const at = (d: string) => Math.min(1, Math.max(0, (day(d) - t0) / span));
  const todayX = at(today);
  return {
    firstYear,
    endYear,
    years: Array.from({ length: endYear - firstYear }, (_, i) => firstYear + i),
    today: todayX,
    bars: items.map((i) => {
      const left = at(i.start);
      // A deadline is inclusive: the bar ends at the end of that day.
      const right = i.deadline
        ? at(new Date(day(i.deadline) + 86_400_000).toISOString().slice(0, 10))
        : todayX;
      return { id: i.id, left, width: Math.max(right - left, 0.004), openEnded: i.deadline === null };
    }),
  };
}
