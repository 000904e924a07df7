/**
 * ExcelJS, loaded on first use. Importing it costs ~0.4 s (hundreds of CommonJS files), which every
 * start of the server and every CLI command would pay although most never touch a workbook.
 */
import type ExcelJSModule from "exceljs";

let loading: Promise<typeof ExcelJSModule> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loading ??= import("exceljs").then((m) => m.default);
  return loading;
}
