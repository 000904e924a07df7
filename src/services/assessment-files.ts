/**
 * Reading bulk self-assessment files (layout: IMPORT_LAYOUT in assessments.ts): CSV (UTF-8, comma,
 * header row; streamed, so a million rows never sit in memory) or XLSX (first worksheet, header in
 * row 1). Records keep their line (row) number so errors can point at it.
 */
import { createReadStream, statSync } from "node:fs";
import { extname } from "node:path";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { DxmError } from "../domain/errors.ts";
import { IMPORT_LAYOUT, type RecordLine } from "./assessments.ts";

/** Bytes (CSV) or rows (XLSX) read so far, of `total`. */
export type FileProgress = (done: number, total: number) => void;

const REQUIRED = IMPORT_LAYOUT.filter((c) => c !== "platforms" && c !== "province");

function checkHeader(header: readonly string[], file: string): void {
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!header.includes("province") && !header.includes("province_2008")) missing.unshift("province");
  if (missing.length)
    throw new DxmError("invalid_data", `${file}: the header lacks the column(s) ${missing.join(", ")}`, {
      field: missing[0] ?? "header",
      messageVi: `${file}: dòng tiêu đề thiếu cột ${missing.join(", ")}`,
    });
}

export async function* readAssessmentFile(
  path: string,
  onProgress?: FileProgress,
): AsyncGenerator<RecordLine> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") {
    yield* readXlsx(path, onProgress);
    return;
  }
  if (ext !== ".csv")
    throw new DxmError("invalid_parameter", `${path}: give a .csv or .xlsx file`, {
      field: "FILE",
      messageVi: `${path}: cần tệp .csv hoặc .xlsx`,
    });
  const total = statSync(path).size;
  const stream = createReadStream(path);
  let read = 0;
  stream.on("data", (chunk) => {
    read += chunk.length;
  });
  const parser = stream.pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }),
  );
  let header: string[] | undefined;
  let n = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = item.record.map((h) => h.trim());
      checkHeader(header, path);
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((h, i) => {
      record[h] = item.record[i] ?? "";
    });
    yield { line: item.info.lines, record };
    if (++n % 10_000 === 0) onProgress?.(read, total);
  }
  onProgress?.(total, total);
}

async function* readXlsx(path: string, onProgress?: FileProgress): AsyncGenerator<RecordLine> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  if (!ws) throw new DxmError("invalid_data", `${path}: the workbook has no worksheet`, { field: "FILE" });
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return "";
    if (v instanceof Date) return v.toISOString();
    if (typeof v === "object") {
      if ("text" in v && typeof v.text === "string") return v.text;
      if ("result" in v) return text(v.result as ExcelJS.CellValue);
      if ("richText" in v) return v.richText.map((r) => r.text).join("");
      return "";
    }
    return String(v);
  };
  const header = ((ws.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map((v) => text(v).trim());
  checkHeader(header, path);
  const total = ws.rowCount;
  for (let r = 2; r <= total; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const record: Record<string, string> = {};
    header.forEach((h, i) => {
      record[h] = text(row.getCell(i + 1).value).trim();
    });
    yield { line: r, record };
    if (r % 1000 === 0) onProgress?.(r, total);
  }
  onProgress?.(total, total);
}
