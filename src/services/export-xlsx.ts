/**
 * Published observations as an Excel workbook, for the "download" buttons of the public pages: the
 * same columns and rows as the CSV export (`export.ts`), one sheet, a frozen header row and numbers
 * stored as numbers. Text a spreadsheet would run as a formula (= + - @ …) gets a leading apostrophe,
 * as in the CSV (§7). Kept minimal: the open-data formats (SDMX, JSON, release files) live elsewhere.
 */
import ExcelJS from "exceljs";
import { DxmError } from "../domain/errors.ts";
import type { Store } from "../store/db.ts";
import { iterateObservations, OBSERVATION_COLUMNS, observationRecord } from "./export.ts";
import type { ObservationQuery } from "./read.ts";

/** A workbook is built in memory: past this many rows, ask for a narrower query (or the CSV). */
export const XLSX_MAX_ROWS = 200_000;

function cell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  const s = Array.isArray(v) ? v.join(" ") : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function observationsXlsx(
  store: Store,
  query: Omit<ObservationQuery, "limit" | "offset">,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dxmonitor";
  const sheet = workbook.addWorksheet("observations", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = OBSERVATION_COLUMNS.map((c) => ({ header: c, key: c, width: c === "missing" ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  let n = 0;
  for await (const o of iterateObservations(store, query)) {
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
    sheet.addRow(OBSERVATION_COLUMNS.map((c) => cell(rec[c])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
