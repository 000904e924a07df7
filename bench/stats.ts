/** Small helpers shared by the benchmarks. */
export interface BenchRow {
  benchmark: string;
  case: string;
  /** Median in milliseconds; NaN where a row carries only a note (a ratio, a skip). */
  median_ms: number;
  note: string;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function printTable(rows: readonly BenchRow[]): void {
  const cells = rows.map((r) => [
    r.benchmark,
    r.case,
    Number.isNaN(r.median_ms) ? "" : r.median_ms.toFixed(0),
    r.note,
  ]);
  const head = ["benchmark", "case", "median ms", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c.map((x, i) => (i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
}
