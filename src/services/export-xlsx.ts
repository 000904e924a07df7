/**
 * Published observations as an Excel workbook, for the "download" buttons of the public pages: the
 * same columns and rows as the CSV export (`export.ts`), one sheet, a frozen header row and numbers
 * stored as numbers. Text a spreadsheet would run as a formula (= + - @ …) gets a leading apostrophe,
 * as in the CSV (§7), through the one neutraliser of `export.ts`.
 *
 * Streamed (ExcelJS's WorkbookWriter, waiting for the consumer between rows), so memory stays
 * bounded whatever the number of rows — it used to build the whole workbook in memory. The query
 * is checked, and its first row read, before the stream is handed out: a bad query is a 4xx, not a
 * broken download.
 */
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { DxmError } from "../domain/errors.ts";
import type { Store } from "../store/db.ts";
import { iterateObservations, neutralizeFormula, OBSERVATION_COLUMNS, observationRecord } from "./export.ts";
import type { ObservationQuery } from "./read.ts";

/** An Excel sheet holds 1,048,576 rows: the header and this many values. */
export const XLSX_MAX_ROWS = 1_048_575;

function cell(v: unknown): string | number | boolean | null {
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
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "dxmonitor";
  const sheet = workbook.addWorksheet("observations", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = OBSERVATION_COLUMNS.map((c) => ({ header: c, key: c, width: c === "missing" ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    let n = 0;
    const add = async (o: Parameters<typeof observationRecord>[0]) => {
      if (++n > XLSX_MAX_ROWS) {
        throw new DxmError(
          "invalid_parameter",
          `more than ${XLSX_MAX_ROWS} rows: narrow the query or use the CSV`,
          {
            messageVi: `Hơn ${XLSX_MAX_ROWS} dòng: hãy thu hẹp truy vấn hoặc tải CSV`,
            field: "indicator",
          },
        );
      }
      const rec = observationRecord(o);
      sheet.addRow(OBSERVATION_COLUMNS.map((c) => cell(rec[c]))).commit();
      if (out.writableNeedDrain) await once(out, "drain");
    };
    if (!first.done) await add(first.value);
    for await (const o of rows) await add(o);
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
