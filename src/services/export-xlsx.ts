/**
 * Published observations as an Excel workbook, for the "download" buttons of the public pages: the
 * same columns and rows as the CSV export (`export.ts`), one sheet, a frozen header row and numbers
 * stored as numbers. Text a spreadsheet would run as a formula (= + - @ …) gets a leading apostrophe,
 * as in the CSV (§7), through the one neutraliser of `export.ts`.
 *
 * Streamed (`xlsx-stream.ts`: backpressure, a new sheet past 1,048,575 rows), so memory stays
 * bounded whatever the number of rows — it used to build the whole workbook in memory. The query
 * is checked, and its first row read, before the stream is handed out: a bad query is a 4xx, not a
 * broken download.
 */
import type { Readable } from "node:stream";
import type { Store } from "../store/db.ts";
import {
  iterateObservations,
  neutralizeFormula,
  OBSERVATION_COLUMNS,
  observationRecord,
  type UnitRow,
} from "./export.ts";
import type { ObservationQuery } from "./read.ts";
import { streamXlsx, type XlsxCell } from "./xlsx-stream.ts";

function cell(v: unknown): XlsxCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  return neutralizeFormula(Array.isArray(v) ? v.join(" ") : String(v));
}

export async function observationsXlsx(
  store: Store,
  query: Omit<ObservationQuery, "limit" | "offset">,
): Promise<Readable> {
  const rows = iterateObservations(store, query);
  const first = await rows.next();
  async function* batches(): AsyncGenerator<XlsxCell[][]> {
    let batch: XlsxCell[][] = [];
    const add = (o: UnitRow) => {
      const rec = observationRecord(o);
      batch.push(OBSERVATION_COLUMNS.map((c) => cell(rec[c])));
    };
    if (!first.done) add(first.value);
    for await (const o of rows) {
      add(o);
      if (batch.length === 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  return streamXlsx(batches(), {
    sheetName: "observations",
    header: OBSERVATION_COLUMNS,
    styled: { widths: OBSERVATION_COLUMNS.map((c) => (c === "missing" ? 24 : 14)) },
    creator: "dxmonitor",
  });
}
