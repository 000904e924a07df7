/**
 * A streamed XLSX file of rows (ExcelJS's streaming WorkbookWriter), in bounded memory and valid
 * whatever the number of rows:
 *
 * - Backpressure. ExcelJS's worksheet stream hands its XML to the zip entry without waiting for
 *   it (a 64 kB buffer at a time, `write` never says "full"), so a producer faster than deflate
 *   piles the whole uncompressed sheet up in memory (≈ 700 bytes a row: 2 GB for 3M rows — the
 *   bulk export bench never finished). After each batch we wait until the zip entry has drained.
 *   That reaches into ExcelJS's internals (the sheet's `stream.pipes`); where they are not as
 *   expected, the wait is skipped (no deadlock: at worst the old behaviour), and a wait gives up
 *   after a while so a zip that is not reading this entry yet cannot stall the export.
 * - Sheet size. A worksheet holds 1,048,576 rows: past that the rows continue in `data_2`,
 *   `data_3`, … each with the header.
 * - The consumer. Between batches we also wait for the output to drain (a slow client).
 */
import { once } from "node:events";
import { PassThrough, type Readable, type Writable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "./exceljs.ts";

/** Data rows per sheet: Excel's 1,048,576 rows less the header. */
export const XLSX_SHEET_ROWS = 1_048_575;

/** Rows written between two waits for the zip (≈ 0.7 MB of sheet XML). */
const PACE_ROWS = 1000;

export type XlsxCell = string | number | boolean | null;

export interface XlsxStreamOptions {
  /** Name of the first sheet; later ones get `_2`, `_3`, … */
  readonly sheetName: string;
  readonly header: readonly string[];
  /** Bold, frozen header row and these column widths (needs styles: slightly larger files). */
  readonly styled?: { readonly widths: readonly number[] };
  readonly creator?: string;
  /** Rows per sheet (tests use a small number). */
  readonly sheetRows?: number;
}

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter["addWorksheet"]>;

/** Waits until ExcelJS's zip entry of the sheet has taken what was written (see the header). */
async function zipCaughtUp(sheet: SheetWriter): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return;
  for (const p of pipes as (Writable & { _writableState?: { needDrain?: boolean } })[]) {
    // Archiver's streams come from readable-stream 2, which has no `writableNeedDrain`.
    const full = p?.writableNeedDrain ?? p?._writableState?.needDrain ?? false;
    if (full && typeof p.once === "function") await Promise.race([once(p, "drain"), delay(2000)]);
  }
}

export function streamXlsx(
  batches: AsyncIterable<readonly XlsxCell[][]>,
  options: XlsxStreamOptions,
): Readable {
  const out = new PassThrough();
  const styled = options.styled;
  const perSheet = options.sheetRows ?? XLSX_SHEET_ROWS;
  (async () => {
    const { stream } = await loadExcelJS();
    const workbook = new stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: styled !== undefined,
      useSharedStrings: false,
      // Deflating is the slow part of a large file: the fastest level (files ~15 % larger).
      zip: { zlib: { level: 1 } },
    });
    if (options.creator) workbook.creator = options.creator;
    let sheetNo = 0;
    const openSheet = (): SheetWriter => {
      sheetNo++;
      const name = sheetNo === 1 ? options.sheetName : `${options.sheetName}_${sheetNo}`;
      const sheet = workbook.addWorksheet(name, styled ? { views: [{ state: "frozen", ySplit: 1 }] } : {});
      if (styled) {
        sheet.columns = options.header.map((h, i) => ({ header: h, key: h, width: styled.widths[i] ?? 14 }));
        sheet.getRow(1).font = { bold: true };
      } else {
        sheet.addRow([...options.header]).commit();
      }
      return sheet;
    };
    let sheet = openSheet();
    let inSheet = 0;
    for await (const batch of batches) {
      for (const row of batch) {
        if (inSheet === perSheet) {
          sheet.commit();
          sheet = openSheet();
          inSheet = 0;
        }
        sheet.addRow(row).commit();
        inSheet++;
        if (inSheet % PACE_ROWS === 0) await zipCaughtUp(sheet);
      }
      await zipCaughtUp(sheet);
      if (out.writableNeedDrain) await once(out, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
