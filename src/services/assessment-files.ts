/**
 * Reading bulk self-assessment files (layout: IMPORT_LAYOUT in assessments.ts): CSV (UTF-8, comma,
 * header row; streamed, so a million rows never sit in memory) or XLSX (first worksheet, header in
 * row 1). Records keep their line (row) number so errors can point at it.
 */
import { createReadStream, statSync } from "node:fs";
import { extname } from "node:path";
import type ExcelJS from "exceljs";
import { DxmError } from "../domain/errors.ts";
import {
  IMPORT_LAYOUT,
  type ImportColumns,
  importColumns,
  type RecordLine,
  utf8Field,
} from "./assessments.ts";
import { loadExcelJS } from "./exceljs.ts";

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

/**
 * The data rows of a file, in batches (a CSV file's batch is what one read of the file held): a
 * million rows handed over one by one through async generators cost seconds of promises alone.
 */
export async function* readAssessmentFile(
  path: string,
  onProgress?: FileProgress,
): AsyncGenerator<RecordLine[]> {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") {
    let rows: RecordLine[] = [];
    for await (const r of readXlsx(path, onProgress)) {
      rows.push(r);
      if (rows.length >= 1000) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length) yield rows;
    return;
  }
  if (ext !== ".csv")
    throw new DxmError("invalid_parameter", `${path}: give a .csv or .xlsx file`, {
      field: "FILE",
      messageVi: `${path}: cần tệp .csv hoặc .xlsx`,
    });
  const total = statSync(path).size;
  let read = 0;
  let columns: ImportColumns | undefined;
  // Latin-1: a byte a character, no UTF-8 decoding of the whole file; the importer decodes the few
  // fields that need it (ImportColumns.latin1). Commas, quotes and line breaks are the same bytes.
  const stream = createReadStream(path, { encoding: "latin1", highWaterMark: 1 << 20 });
  for await (const batch of csvBatches(
    stream,
    (bytes) => {
      read += bytes;
    },
    { latin1: true },
  )) {
    const rows: RecordLine[] = [];
    for (const { line, fields } of batch) {
      if (!columns) {
        const header = fields.map((h) => utf8Field(h).trim());
        checkHeader(header, path);
        columns = importColumns(header, { latin1: true });
        continue;
      }
      if (fields.length === 1 && fields[0] === "") continue; // an empty line
      // Fields by position: the importer reads the columns it needs without a record per row.
      rows.push({ line, fields, columns });
    }
    if (rows.length) yield rows;
    onProgress?.(read, total);
  }
  onProgress?.(total, total);
}

/**
 * A small RFC 4180 reader (comma, double quotes, quotes doubled inside quotes, CR LF or LF): a
 * quoted field may hold commas and line breaks. Lines without quotes take the fast path, which is
 * what makes a million-row file quick (a general-purpose parser costs several times more here).
 */
export async function* csvRecords(
  chunks: AsyncIterable<string | Buffer>,
  onBytes?: (n: number) => void,
): AsyncGenerator<{ line: number; fields: string[] }> {
  for await (const batch of csvBatches(chunks, onBytes)) yield* batch;
}

/** {@link csvRecords}, the records of each chunk read at once. */
export async function* csvBatches(
  chunks: AsyncIterable<string | Buffer>,
  onBytes?: (n: number) => void,
  /** The text is the bytes decoded as Latin-1 (a UTF-8 byte order mark is then three characters). */
  options: { latin1?: boolean } = {},
): AsyncGenerator<{ line: number; fields: string[] }[]> {
  let rest = "";
  let lineNo = 0;
  let pending = "";
  let pendingStart = 0;
  let first = true;
  let out: { line: number; fields: string[] }[] = [];
  const emit = (text: string, start: number) => {
    out.push({ line: start, fields: text.includes('"') ? splitQuoted(text) : text.split(",") });
  };
  const take = (raw: string) => {
    lineNo++;
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (first) {
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      else if (options.latin1 && line.startsWith("\u00ef\u00bb\u00bf")) line = line.slice(3);
      first = false;
    }
    if (pending) {
      pending += `\n${line}`;
      if (quotesBalanced(pending)) {
        emit(pending, pendingStart);
        pending = "";
      }
      return;
    }
    if (line.includes('"') && !quotesBalanced(line)) {
      pending = line;
      pendingStart = lineNo;
      return;
    }
    emit(line, lineNo);
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
    onBytes?.(options.latin1 ? text.length : Buffer.byteLength(text));
    const parts = (rest + text).split("\n");
    rest = parts.pop() ?? "";
    for (const raw of parts) take(raw);
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (rest) take(rest);
  if (pending) emit(pending, pendingStart);
  if (out.length) yield out;
}

function quotesBalanced(text: string): boolean {
  let q = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) q++;
  return q % 2 === 0;
}

function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

async function* readXlsx(path: string, onProgress?: FileProgress): AsyncGenerator<RecordLine> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
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
