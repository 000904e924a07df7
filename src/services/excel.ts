/**
 * The quarterly report as an Excel workbook (issue 4; DESIGN §2, §4.8, §7): the template a province
 * downloads, fills offline and uploads, and the parser that reads it back.
 *
 * Template (`buildTemplate`):
 * - a cover sheet `Thông tin - Info` (Excel forbids `/` in sheet names) with the template version,
 *   the province (geography, code, names) and the period in column B, locked, and instructions in
 *   Vietnamese and English;
 * - one sheet per pillar that has elements (`8. Kinh tế số`…), in pillar order. Row 1 the pillar's
 *   names, row 2 the province and period (and, in E2, the previous period), row 3 the header, one
 *   element per row from row 4. Columns: A code, B name (vi), C name (en), D unit, E previous
 *   period's value, F VALUE, G comment. Only F and G of element rows are unlocked; F carries a
 *   data validation (whole number or decimal between the element's min and max), added by range
 *   over runs of rows with the same rule; G a text-length validation (≤ 2,000);
 * - every sheet is protected WITHOUT a password: the protection prevents slips, not a determined
 *   user, and the parser checks the layout anyway;
 * - text that a spreadsheet would take for a formula (leading `= + - @`, tab, CR) is written with a
 *   leading apostrophe (§7); the parser removes that apostrophe from comments again.
 *
 * Parser (`parseUpload`) never throws: every problem with the file is an `UploadProblem` naming the
 * sheet and cell where it has one. Order of checks:
 * 1. size (`too_large`), then the ZIP container, read by hand BEFORE ExcelJS sees it: the central
 *    directory's declared sizes (sum ≤ `maxUncompressedBytes`, no ZIP64, ≤ 10,000 entries), then
 *    every entry inflated with a cap of its declared size, so a lying header is caught too
 *    (`too_large`); encrypted entries, DOCTYPE/ENTITY declarations, missing workbook parts,
 *    random bytes, an empty file → `not_xlsx`; a sheet with more than `maxRows` rows below the
 *    header → `too_many_rows`; named ranges over more than a million cells → `too_large` (ExcelJS
 *    would expand them cell by cell). ExcelJS is told to skip merges, column definitions, data
 *    validations, hyperlinks and conditional formats, which it would otherwise also expand cell by
 *    cell (a 1-KB file could declare a merge over the whole sheet); merges are read from the XML.
 * 2. the cover: version (`template_version`), then province and period (`wrong_area`,
 *    `wrong_period`). These problems are fatal: nothing else is read, `values` is empty.
 * 3. every sheet: hidden with data → `hidden_sheet` (not read); a visible sheet whose header row is
 *    not the template's, or with merged cells in the header or element rows → `layout` (not read);
 *    then each element row: unknown code, duplicate code, formula, text in the value cell.
 * Values: a number cell → the number (range checks are the validation's job, §4.8); an empty cell →
 * null; text → `not_a_number`, also when it looks like a number (`1.234,5` could be 1234.5 or, with
 * a Vietnamese-locale mistake, something else: we do not guess, we say why); a formula →
 * `formula`, neither evaluated nor stored. A row whose value has a problem is absent from `values`;
 * an element whose row is absent from the file is absent too. Comments: trimmed, control characters
 * removed, capped at 2,000 characters. Problems are listed in sheet and row order, at most 1,000
 * (then one more says how many were left out). The same file always parses to the same result.
 */
import { crc32, inflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import type { Cell, CellValue, DataValidation, Workbook, Worksheet } from "exceljs";
import type { DataElement, Pillar, Unit } from "../domain/catalog.ts";
import { formatPeriod, type Period, tryParsePeriod } from "../domain/period.ts";
import { loadExcelJS } from "./exceljs.ts";

export const TEMPLATE_VERSION = "dxm-report-1";

/** The cover sheet's name (Excel forbids `/` in sheet names, so not `Thông tin / Info`). */
export const COVER_SHEET = "Thông tin - Info";

/** Where things are in the template: tests and the web's help text use these. */
export const TEMPLATE_LAYOUT = {
  headerRow: 3,
  firstDataRow: 4,
  columns: { code: "A", nameVi: "B", nameEn: "C", unit: "D", previous: "E", value: "F", comment: "G" },
  cover: { version: 3, geography: 4, area: 5, nameVi: 6, nameEn: 7, period: 8 },
} as const;

export interface TemplateInput {
  readonly area: { geography: "2008" | "2025"; code: string; nameVi: string; nameEn: string };
  /** e.g. `2025-Q3` */
  readonly period: string;
  /** The form's elements. */
  readonly elements: readonly DataElement[];
  /** Sections: one sheet per pillar that has elements. */
  readonly pillars: readonly Pillar[];
  /** Current draft values, pre-filled. */
  readonly values?: ReadonlyMap<string, number | null>;
  /** Previous period's values, shown beside each field. */
  readonly previous?: ReadonlyMap<string, number>;
  readonly comments?: ReadonlyMap<string, string>;
}

export type UploadProblemCode =
  | "not_xlsx"
  | "too_large"
  | "template_version"
  | "wrong_area"
  | "wrong_period"
  | "not_a_number"
  | "formula"
  | "unknown_element"
  | "duplicate_element"
  | "hidden_sheet"
  | "layout"
  | "too_many_rows";

export interface UploadProblem {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly element: string | null;
  readonly code: UploadProblemCode;
  readonly message: string;
  readonly messageVi: string;
}

export interface ParsedUpload {
  readonly values: ReadonlyMap<string, number | null>;
  readonly comments: ReadonlyMap<string, string>;
  /** element → "Sheet!D7", for the validation messages */
  readonly cells: ReadonlyMap<string, string>;
  readonly problems: readonly UploadProblem[];
}

export interface UploadExpectation {
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  readonly elements: readonly DataElement[];
}

export interface UploadLimits {
  /** Default 5 MB. */
  maxBytes?: number;
  /** Default 50 MB: the ZIP's declared (and checked) uncompressed size. */
  maxUncompressedBytes?: number;
  /** Default 20,000 rows per sheet below the header. */
  maxRows?: number;
}

export const DEFAULT_UPLOAD_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxRows: 20_000,
} as const;

export const MAX_COMMENT_LENGTH = 2000;
const MAX_PROBLEMS = 1000;
const MAX_ZIP_ENTRIES = 10_000;
const MAX_DEFINED_NAME_CELLS = 1_000_000;
/** Worksheet parts ExcelJS would expand cell by cell (or does not need for reading values). */
const IGNORED_NODES = ["mergeCells", "cols", "dataValidations", "hyperlinks", "conditionalFormatting"];

const HEADER_ROW = TEMPLATE_LAYOUT.headerRow;
const FIRST_ROW = TEMPLATE_LAYOUT.firstDataRow;
const COL = { code: 1, nameVi: 2, nameEn: 3, unit: 4, previous: 5, value: 6, comment: 7 } as const;
const VALUE_COL = TEMPLATE_LAYOUT.columns.value;
const COMMENT_COL = TEMPLATE_LAYOUT.columns.comment;

const HEADERS: readonly string[] = [
  "Mã / Code",
  "Tên chỉ tiêu / Name (Vietnamese)",
  "Tên tiếng Anh / Name (English)",
  "Đơn vị / Unit",
  "Kỳ trước / Previous period",
  "Giá trị / Value",
  "Ghi chú / Comment",
];

const COVER_LABELS = {
  version: "Phiên bản mẫu / Template version",
  geography: "Hệ địa giới / Geography",
  area: "Mã tỉnh / Province code",
  nameVi: "Tên tỉnh / Province",
  nameEn: "Tên tiếng Anh / Province (English)",
  period: "Kỳ báo cáo / Reporting period",
} as const;

const UNIT_LABELS: Record<Unit, string> = {
  vnd_billion: "tỷ đồng / VND billion",
  persons: "người / persons",
  enterprises: "doanh nghiệp / enterprises",
  households: "hộ / households",
  transactions: "giao dịch / transactions",
  count: "số lượng / count",
  percent: "% / percent",
  index: "chỉ số / index",
  rank: "thứ hạng / rank",
};

const INSTRUCTIONS_VI = [
  "Hướng dẫn",
  "1. Mỗi trang là một nội dung (trụ cột) chuyển đổi số; mỗi dòng là một chỉ tiêu dữ liệu, đơn vị ghi ở cột D.",
  '2. Chỉ nhập vào cột "Giá trị / Value" và cột "Ghi chú / Comment"; các ô khác bị khóa.',
  "3. Nhập số (không nhập chữ hay công thức); để trống nếu chưa có số liệu. Chỉ tiêu đếm (người, doanh nghiệp, hộ…) là số nguyên.",
  '4. Cột "Kỳ trước" là số liệu kỳ trước để đối chiếu; nếu chênh lệch lớn, hãy ghi rõ lý do ở cột Ghi chú.',
  "5. Không đổi tên, thêm, ẩn hay xóa trang; không chèn, xóa, di chuyển hay gộp ô.",
  "6. Tải tệp lên trang báo cáo: hệ thống kiểm tra và liệt kê từng lỗi theo trang và ô; chỉ lưu khi bạn xác nhận.",
  "7. Các trang được khóa không có mật khẩu, chỉ để tránh sửa nhầm.",
];

const INSTRUCTIONS_EN = [
  "Instructions",
  "1. Each sheet is one pillar of digital transformation; each row is one data element, in the unit shown in column D.",
  '2. Type only in the "Giá trị / Value" and "Ghi chú / Comment" columns; every other cell is locked.',
  "3. Enter numbers (no text, no formulas); leave the cell empty when there is no figure. Counts (persons, enterprises, households…) are whole numbers.",
  '4. "Previous period" shows last period\'s figure for comparison; explain large changes in the Comment column.',
  "5. Do not rename, add, hide or delete sheets; do not insert, delete, move or merge cells.",
  "6. Upload the file on the report page: every problem is listed by sheet and cell, and nothing is stored until you confirm.",
  "7. The sheets are protected without a password, only to prevent slips.",
];

// ---------------------------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------------------------

/** Builds the pre-filled, protected XLSX template. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = "dxmonitor";
  wb.title = `Báo cáo chuyển đổi số ${input.area.nameVi} ${input.period}`;
  wb.subject = TEMPLATE_VERSION;
  await addCover(wb, input);
  const used = new Set<string>([COVER_SHEET.toLowerCase()]);
  for (const group of groupByPillar(input)) {
    await addDataSheet(wb, uniqueSheetName(group.title, used), group, input);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface SheetGroup {
  readonly title: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly elements: readonly DataElement[];
}

function groupByPillar(input: TemplateInput): SheetGroup[] {
  const pillars = [...input.pillars].sort((a, b) => a.ordinal - b.ordinal);
  const known = new Set(pillars.map((p) => p.code));
  const groups: SheetGroup[] = [];
  for (const p of pillars) {
    const elements = input.elements.filter((e) => e.pillar === p.code);
    if (elements.length)
      groups.push({ title: `${p.ordinal}. ${p.nameVi}`, nameVi: p.nameVi, nameEn: p.nameEn, elements });
  }
  const other = input.elements.filter((e) => !known.has(e.pillar));
  if (other.length) groups.push({ title: "Khác - Other", nameVi: "Khác", nameEn: "Other", elements: other });
  return groups;
}

/** A valid, unique Excel sheet name: no `\ / ? * [ ] :`, at most 31 characters. */
function uniqueSheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[\\/?*[\]:]/g, "-")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name.toLowerCase());
  return name;
}

async function addCover(wb: Workbook, input: TemplateInput): Promise<void> {
  const ws = wb.addWorksheet(COVER_SHEET, { properties: { tabColor: { argb: "FF1F4E79" } } });
  ws.getColumn(1).width = 42;
  ws.getColumn(2).width = 70;
  const title = ws.getCell("A1");
  title.value = "Báo cáo chuyển đổi số hằng quý / Quarterly digital transformation report";
  title.font = { bold: true, size: 14 };
  const c = TEMPLATE_LAYOUT.cover;
  const rows: [number, string, string][] = [
    [c.version, COVER_LABELS.version, TEMPLATE_VERSION],
    [c.geography, COVER_LABELS.geography, input.area.geography],
    [c.area, COVER_LABELS.area, input.area.code],
    [c.nameVi, COVER_LABELS.nameVi, input.area.nameVi],
    [c.nameEn, COVER_LABELS.nameEn, input.area.nameEn],
    [c.period, COVER_LABELS.period, input.period],
  ];
  for (const [row, label, value] of rows) {
    const a = ws.getCell(row, 1);
    a.value = label;
    a.font = { bold: true };
    const b = ws.getCell(row, 2);
    b.value = safeText(value);
    b.numFmt = "@";
    b.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
  }
  let row = c.period + 2;
  for (const lines of [INSTRUCTIONS_VI, INSTRUCTIONS_EN]) {
    lines.forEach((line, i) => {
      const cell = ws.getCell(row++, 1);
      cell.value = line;
      if (i === 0) cell.font = { bold: true, size: 12 };
    });
    row++;
  }
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

async function addDataSheet(
  wb: Workbook,
  name: string,
  group: SheetGroup,
  input: TemplateInput,
): Promise<void> {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROW, activeCell: `${VALUE_COL}${FIRST_ROW}` }],
  });
  const widths = [16, 58, 50, 24, 18, 18, 48];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  const title = ws.getCell("A1");
  title.value = safeText(`${group.nameVi} / ${group.nameEn}`);
  title.font = { bold: true, size: 13 };
  const a = input.area;
  ws.getCell("A2").value = safeText(
    `${a.nameVi} / ${a.nameEn} (${a.geography}:${a.code}) — Kỳ báo cáo / Period: ${input.period}`,
  );
  const prev = previousPeriodLabel(input.period);
  if (prev) ws.getCell("E2").value = prev;

  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = { bottom: { style: "thin" } };
  });
  header.height = 32;

  const dv = validationsOf(ws);
  let runStart: number = FIRST_ROW;
  let runKey = "";
  group.elements.forEach((e, i) => {
    const r = FIRST_ROW + i;
    const row = ws.getRow(r);
    row.getCell(COL.code).value = safeText(e.code);
    row.getCell(COL.nameVi).value = safeText(e.nameVi);
    row.getCell(COL.nameEn).value = safeText(e.nameEn);
    row.getCell(COL.unit).value = UNIT_LABELS[e.unit] ?? e.unit;
    const fmt = e.valueType === "integer" ? "#,##0" : "#,##0.00";
    const prevCell = row.getCell(COL.previous);
    const pv = input.previous?.get(e.code);
    if (pv !== undefined && Number.isFinite(pv)) prevCell.value = pv;
    prevCell.numFmt = fmt;
    prevCell.font = { color: { argb: "FF595959" } };
    const valueCell = row.getCell(COL.value);
    const v = input.values?.get(e.code);
    if (typeof v === "number" && Number.isFinite(v)) valueCell.value = v;
    valueCell.numFmt = fmt;
    valueCell.protection = { locked: false };
    valueCell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    const commentCell = row.getCell(COL.comment);
    const comment = input.comments?.get(e.code);
    if (comment) commentCell.value = safeText(cleanText(comment).slice(0, MAX_COMMENT_LENGTH));
    commentCell.protection = { locked: false };
    commentCell.alignment = { wrapText: true };
    row.getCell(COL.nameVi).alignment = { wrapText: true };
    row.getCell(COL.nameEn).alignment = { wrapText: true };

    // Data validation by range: one rule per run of rows with the same type and bounds.
    const key = validationKey(e);
    if (i > 0 && key !== runKey) {
      dv.add(`${VALUE_COL}${runStart}:${VALUE_COL}${r - 1}`, valueValidation(group.elements[i - 1]!));
      runStart = r;
    }
    runKey = key;
  });
  const last = FIRST_ROW + group.elements.length - 1;
  if (group.elements.length) {
    dv.add(`${VALUE_COL}${runStart}:${VALUE_COL}${last}`, valueValidation(group.elements.at(-1)!));
    dv.add(`${COMMENT_COL}${FIRST_ROW}:${COMMENT_COL}${last}`, {
      type: "textLength",
      operator: "lessThanOrEqual",
      formulae: [MAX_COMMENT_LENGTH],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Ghi chú quá dài / Too long",
      error: `Tối đa ${MAX_COMMENT_LENGTH} ký tự / At most ${MAX_COMMENT_LENGTH} characters`,
    });
  }
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

interface ValidationList {
  add(range: string, validation: DataValidation): void;
}

/** `Worksheet.dataValidations` exists at runtime but is missing from ExcelJS's type declarations. */
function validationsOf(ws: Worksheet): ValidationList {
  return (ws as unknown as { dataValidations: ValidationList }).dataValidations;
}

function bounds(e: DataElement): [number, number] {
  return [e.min ?? -1e15, e.max ?? 1e15];
}

function validationKey(e: DataElement): string {
  return `${e.valueType}:${bounds(e).join(":")}`;
}

function valueValidation(e: DataElement): DataValidation {
  const [min, max] = bounds(e);
  const whole = e.valueType === "integer";
  return {
    type: whole ? "whole" : "decimal",
    operator: "between",
    formulae: [min, max],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Giá trị không hợp lệ / Invalid",
    error: whole
      ? `Nhập số nguyên từ ${groupDigits(min, ".")} đến ${groupDigits(max, ".")} / Enter a whole number from ${groupDigits(min, ",")} to ${groupDigits(max, ",")}`
      : `Nhập số từ ${groupDigits(min, ".")} đến ${groupDigits(max, ".")} / Enter a number from ${groupDigits(min, ",")} to ${groupDigits(max, ",")}`,
    showInputMessage: true,
    promptTitle: "Giá trị / Value",
    prompt: whole
      ? `Số nguyên ${groupDigits(min, ".")}–${groupDigits(max, ".")} / Whole number ${groupDigits(min, ",")}–${groupDigits(max, ",")}`
      : `Số ${groupDigits(min, ".")}–${groupDigits(max, ".")} / Number ${groupDigits(min, ",")}–${groupDigits(max, ",")}`,
  };
}

function groupDigits(n: number, sep: string): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e15) return String(n);
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return n < 0 ? `-${s}` : s;
}

function previousPeriodLabel(period: string): string | null {
  const p = tryParsePeriod(period);
  if (!p) return null;
  const prev: Period =
    p.kind === "Y"
      ? { year: p.year - 1, kind: "Y", index: 1 }
      : p.index > 1
        ? { year: p.year, kind: p.kind, index: p.index - 1 }
        : { year: p.year - 1, kind: p.kind, index: p.kind === "Q" ? 4 : 2 };
  return formatPeriod(prev);
}

/** Removes control characters that XML cannot carry (keeps tab and newline), normalises newlines. */
function cleanText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return s.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** §7: text a spreadsheet would run as a formula gets a leading apostrophe. */
function safeText(s: string): string {
  const c = cleanText(s);
  return /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

/** Parses an uploaded template. Never throws: a bad file gives problems, not an exception. */
export async function parseUpload(
  data: Buffer,
  expect: UploadExpectation,
  limits?: UploadLimits,
): Promise<ParsedUpload> {
  const lim = {
    maxBytes: limits?.maxBytes ?? DEFAULT_UPLOAD_LIMITS.maxBytes,
    maxUncompressedBytes: limits?.maxUncompressedBytes ?? DEFAULT_UPLOAD_LIMITS.maxUncompressedBytes,
    maxRows: limits?.maxRows ?? DEFAULT_UPLOAD_LIMITS.maxRows,
  };
  try {
    return await parseChecked(data, expect, lim);
  } catch (e) {
    // A reader failure we did not anticipate: still an answer about the file, never a 500.
    const detail = e instanceof Error ? e.message.slice(0, 200) : "unknown error";
    return fatal([
      problem(
        "not_xlsx",
        null,
        null,
        null,
        `The file could not be read as an Excel workbook (${detail}). Download the template again and fill it in.`,
        `Không đọc được tệp như một bảng tính Excel (${detail}). Hãy tải lại mẫu và điền lại.`,
      ),
    ]);
  }
}

function fatal(problems: readonly UploadProblem[]): ParsedUpload {
  return { values: new Map(), comments: new Map(), cells: new Map(), problems };
}

function problem(
  code: UploadProblemCode,
  sheet: string | null,
  cell: string | null,
  element: string | null,
  en: string,
  vi: string,
): UploadProblem {
  const whereEn =
    sheet === null ? "" : cell === null ? `Sheet "${sheet}": ` : `Sheet "${sheet}", cell ${cell}: `;
  const whereVi =
    sheet === null ? "" : cell === null ? `Trang "${sheet}": ` : `Trang "${sheet}", ô ${cell}: `;
  return { sheet, cell, element, code, message: whereEn + en, messageVi: whereVi + vi };
}

class Problems {
  readonly list: UploadProblem[] = [];
  private omitted = 0;
  private firstOmitted: UploadProblem | null = null;

  add(p: UploadProblem): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else {
      this.omitted++;
      this.firstOmitted ??= p;
    }
  }

  done(): UploadProblem[] {
    if (!this.firstOmitted) return this.list;
    return [
      ...this.list,
      problem(
        this.firstOmitted.code,
        null,
        null,
        null,
        `…and ${this.omitted} more problem(s) not listed; fix the ones above and upload again.`,
        `…và ${this.omitted} lỗi khác không liệt kê; hãy sửa các lỗi trên rồi tải lên lại.`,
      ),
    ];
  }
}

type Limits = { maxBytes: number; maxUncompressedBytes: number; maxRows: number };

async function parseChecked(data: Buffer, expect: UploadExpectation, lim: Limits): Promise<ParsedUpload> {
  if (data.length === 0) {
    return fatal([
      problem(
        "not_xlsx",
        null,
        null,
        null,
        "The file is empty. Upload the filled template (.xlsx).",
        "Tệp rỗng. Hãy tải lên mẫu đã điền (.xlsx).",
      ),
    ]);
  }
  if (data.length > lim.maxBytes) {
    return fatal([
      problem(
        "too_large",
        null,
        null,
        null,
        `The file is ${mb(data.length)}; the limit is ${mb(lim.maxBytes)}. Upload the template itself, without added sheets or pictures.`,
        `Tệp có dung lượng ${mb(data.length)}; giới hạn là ${mb(lim.maxBytes)}. Hãy tải lên đúng mẫu, không thêm trang hay hình ảnh.`,
      ),
    ]);
  }
  const scan = inspectZip(data, lim);
  if ("problems" in scan) return fatal(scan.problems);

  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 200) : "unknown error";
    return fatal([
      problem(
        "not_xlsx",
        null,
        null,
        null,
        `The file is not a readable Excel workbook (${detail}). Save it as .xlsx and upload it again.`,
        `Tệp không phải bảng tính Excel đọc được (${detail}). Hãy lưu dưới dạng .xlsx rồi tải lên lại.`,
      ),
    ]);
  }

  const coverProblems = checkCover(wb, expect);
  if (coverProblems.length) return fatal(coverProblems);

  const problems = new Problems();
  const byCode = new Map(expect.elements.map((e) => [e.code, e]));
  const values = new Map<string, number | null>();
  const comments = new Map<string, string>();
  const cells = new Map<string, string>();

  for (const ws of wb.worksheets) {
    const sheet = ws.name;
    const hasData = ws.actualRowCount > 0;
    if (ws.state !== "visible") {
      if (hasData) {
        problems.add(
          problem(
            "hidden_sheet",
            sheet,
            null,
            null,
            "this sheet is hidden and holds data. Unhide it and move its figures into the template's sheets, or delete it.",
            "trang này bị ẩn và có dữ liệu. Hãy hiện trang, chuyển số liệu vào các trang của mẫu, hoặc xóa trang.",
          ),
        );
      }
      continue;
    }
    if (sheet === COVER_SHEET || !hasData) continue;
    if (!checkHeader(ws, problems)) continue;
    if (!checkMerges(sheet, scan.merges.get(sheet) ?? [], problems)) continue;

    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r <= HEADER_ROW) return;
      readRow(sheet, r, row.getCell(COL.code), row.getCell(COL.value), row.getCell(COL.comment));
    });
  }

  function readRow(sheet: string, r: number, codeCell: Cell, valueCell: Cell, commentCell: Cell): void {
    const codeRead = readValue(codeCell.value);
    const value = readValue(valueCell.value);
    const comment = readComment(commentCell.value);
    const codeAt = `A${r}`;
    const valueAt = `${VALUE_COL}${r}`;
    const commentAt = `${COMMENT_COL}${r}`;
    if (codeRead.kind === "formula") {
      problems.add(formulaProblem(sheet, codeAt, null, codeRead.formula));
      return;
    }
    const code =
      codeRead.kind === "text"
        ? codeRead.text.replace(/^'(?=[=+\-@])/, "")
        : codeRead.kind === "number"
          ? String(codeRead.value)
          : "";
    if (!code) {
      if (value.kind !== "empty" || comment.kind !== "empty") {
        problems.add(
          problem(
            "layout",
            sheet,
            valueAt,
            null,
            "a value or comment in a row without an element code in column A. Rows cannot be added: use the template's rows.",
            "có giá trị hoặc ghi chú ở dòng không có mã chỉ tiêu ở cột A. Không được thêm dòng: hãy dùng các dòng của mẫu.",
          ),
        );
      }
      return;
    }
    const shown = code.length > 50 ? `${code.slice(0, 50)}…` : code;
    if (!byCode.has(code)) {
      problems.add(
        problem(
          "unknown_element",
          sheet,
          codeAt,
          shown,
          `"${shown}" is not an element of this report's form. Download the template again; do not edit the codes.`,
          `"${shown}" không phải chỉ tiêu của biểu báo cáo này. Hãy tải lại mẫu; không sửa mã chỉ tiêu.`,
        ),
      );
      return;
    }
    const first = cells.get(code);
    if (first !== undefined) {
      problems.add(
        problem(
          "duplicate_element",
          sheet,
          codeAt,
          code,
          `${code} appears a second time (first at ${first}). Each element has exactly one row; keep one.`,
          `${code} xuất hiện lần thứ hai (lần đầu ở ${first}). Mỗi chỉ tiêu chỉ có một dòng; hãy giữ một dòng.`,
        ),
      );
      return;
    }
    cells.set(code, `${sheet}!${valueAt}`);

    switch (value.kind) {
      case "empty":
        values.set(code, null);
        break;
      case "number":
        if (Number.isFinite(value.value)) values.set(code, value.value);
        else problems.add(notANumber(sheet, valueAt, code, String(value.value), "other"));
        break;
      case "formula":
        problems.add(formulaProblem(sheet, valueAt, code, value.formula));
        break;
      case "text":
        problems.add(notANumber(sheet, valueAt, code, value.text, "text"));
        break;
      case "other":
        problems.add(notANumber(sheet, valueAt, code, value.what, "other"));
        break;
    }
    if (comment.kind === "formula") problems.add(formulaProblem(sheet, commentAt, code, comment.formula));
    else if (comment.kind === "text") comments.set(code, comment.text);
  }

  return { values, comments, cells, problems: problems.done() };
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

// --- cover -------------------------------------------------------------------------------------

function checkCover(wb: Workbook, expect: UploadExpectation): UploadProblem[] {
  const ws = wb.getWorksheet(COVER_SHEET);
  const again = "Download the template for this report again and copy your figures into it.";
  const againVi = "Hãy tải lại mẫu của báo cáo này và chép số liệu vào đó.";
  if (!ws) {
    return [
      problem(
        "template_version",
        null,
        null,
        null,
        `The sheet "${COVER_SHEET}" is missing, so this is not the report template (${TEMPLATE_VERSION}). ${again}`,
        `Thiếu trang "${COVER_SHEET}", nên đây không phải mẫu báo cáo (${TEMPLATE_VERSION}). ${againVi}`,
      ),
    ];
  }
  const c = TEMPLATE_LAYOUT.cover;
  const label = (row: number) => textOf(ws.getCell(row, 1).value);
  const field = (row: number) => textOf(ws.getCell(row, 2).value);
  const version = field(c.version);
  if (label(c.version) !== COVER_LABELS.version || version !== TEMPLATE_VERSION) {
    const found = version ? `"${version.slice(0, 50)}"` : "nothing";
    const foundVi = version ? `"${version.slice(0, 50)}"` : "không có gì";
    return [
      problem(
        "template_version",
        COVER_SHEET,
        `B${c.version}`,
        null,
        `expected the template version ${TEMPLATE_VERSION}, found ${found}. ${again}`,
        `cần phiên bản mẫu ${TEMPLATE_VERSION}, tìm thấy ${foundVi}. ${againVi}`,
      ),
    ];
  }
  const out: UploadProblem[] = [];
  for (const [row, text] of [
    [c.geography, COVER_LABELS.geography],
    [c.area, COVER_LABELS.area],
    [c.period, COVER_LABELS.period],
  ] as const) {
    if (label(row) !== text) {
      out.push(
        problem(
          "layout",
          COVER_SHEET,
          `A${row}`,
          null,
          `expected "${text}" here: the cover sheet was changed. ${again}`,
          `ô này phải là "${text}": trang thông tin đã bị sửa. ${againVi}`,
        ),
      );
    }
  }
  if (out.length) return out;
  const geography = field(c.geography);
  const area = field(c.area);
  if (geography !== expect.geography || area !== expect.area) {
    const name = field(c.nameVi);
    const fileArea = `${geography || "?"}:${area || "?"}${name ? ` (${name.slice(0, 80)})` : ""}`;
    out.push(
      problem(
        "wrong_area",
        COVER_SHEET,
        geography !== expect.geography ? `B${c.geography}` : `B${c.area}`,
        null,
        `the file is for province ${fileArea}, but this report is for ${expect.geography}:${expect.area}. Upload the file of this province.`,
        `tệp dành cho tỉnh ${fileArea}, nhưng báo cáo này của ${expect.geography}:${expect.area}. Hãy tải lên tệp của đúng tỉnh.`,
      ),
    );
  }
  const period = field(c.period);
  if (period !== expect.period) {
    out.push(
      problem(
        "wrong_period",
        COVER_SHEET,
        `B${c.period}`,
        null,
        `the file is for period ${period || "?"}, but this report is for ${expect.period}. Upload the file of this period.`,
        `tệp dành cho kỳ ${period || "?"}, nhưng báo cáo này là kỳ ${expect.period}. Hãy tải lên tệp của đúng kỳ.`,
      ),
    );
  }
  return out;
}

// --- sheets ------------------------------------------------------------------------------------

function checkHeader(ws: Worksheet, problems: Problems): boolean {
  const header = ws.getRow(HEADER_ROW);
  const found = HEADERS.map((_, i) => textOf(header.getCell(i + 1).value));
  const wrong = found.findIndex((t, i) => t !== HEADERS[i]);
  if (wrong < 0) return true;
  const matches = found.filter((t, i) => t === HEADERS[i]).length;
  const cell = `${String.fromCharCode(65 + wrong)}${HEADER_ROW}`;
  if (matches === 0) {
    problems.add(
      problem(
        "layout",
        ws.name,
        null,
        null,
        "this sheet is not a sheet of the template (its header row is missing). Move its figures into the template's sheets, or delete it.",
        "trang này không thuộc mẫu (không có dòng tiêu đề của mẫu). Hãy chuyển số liệu vào các trang của mẫu, hoặc xóa trang.",
      ),
    );
  } else {
    const f = found[wrong] ? `"${found[wrong]!.slice(0, 60)}"` : "an empty cell";
    const fVi = found[wrong] ? `"${found[wrong]!.slice(0, 60)}"` : "ô trống";
    problems.add(
      problem(
        "layout",
        ws.name,
        cell,
        null,
        `expected the header "${HEADERS[wrong]}", found ${f}: columns were moved, inserted or deleted, so this sheet was not read. Download the template again.`,
        `cần tiêu đề "${HEADERS[wrong]}", tìm thấy ${fVi}: cột đã bị di chuyển, chèn hoặc xóa nên trang này không được đọc. Hãy tải lại mẫu.`,
      ),
    );
  }
  return false;
}

function checkMerges(sheet: string, merges: readonly CellRange[], problems: Problems): boolean {
  let ok = true;
  for (const m of merges) {
    if (m.bottom < HEADER_ROW || m.left > COL.comment) continue;
    ok = false;
    problems.add(
      problem(
        "layout",
        sheet,
        m.ref,
        null,
        "merged cells in the header or the element rows; this sheet was not read. Unmerge them (or download the template again).",
        "có ô bị gộp ở dòng tiêu đề hoặc các dòng chỉ tiêu; trang này không được đọc. Hãy bỏ gộp ô (hoặc tải lại mẫu).",
      ),
    );
  }
  return ok;
}

// --- cells -------------------------------------------------------------------------------------

type ValueRead =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "formula"; formula: string }
  | { kind: "other"; what: string };

function readValue(v: CellValue): ValueRead {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "string") {
    const t = v.trim();
    return t ? { kind: "text", text: t } : { kind: "empty" };
  }
  if (typeof v === "boolean") return { kind: "other", what: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { kind: "other", what: "a date" };
  if ("formula" in v || "sharedFormula" in v) {
    const f = "formula" in v && typeof v.formula === "string" ? v.formula : "";
    return { kind: "formula", formula: f };
  }
  if ("richText" in v) {
    const t = v.richText
      .map((r) => r.text)
      .join("")
      .trim();
    return t ? { kind: "text", text: t } : { kind: "empty" };
  }
  if ("hyperlink" in v) {
    const t = String(v.text ?? "").trim();
    return t ? { kind: "text", text: t } : { kind: "empty" };
  }
  if ("error" in v) return { kind: "other", what: `the error value ${v.error}` };
  return { kind: "other", what: "an unsupported value" };
}

/** The text of a label or field cell; formulas and other values read as nothing. */
function textOf(v: CellValue): string {
  const r = readValue(v);
  return r.kind === "text" ? r.text : r.kind === "number" ? String(r.value) : "";
}

type CommentRead = { kind: "empty" } | { kind: "text"; text: string } | { kind: "formula"; formula: string };

function readComment(v: CellValue): CommentRead {
  const r = readValue(v);
  switch (r.kind) {
    case "empty":
      return r;
    case "formula":
      return r;
    case "number":
      return Number.isFinite(r.value) ? { kind: "text", text: String(r.value) } : { kind: "empty" };
    case "other":
      if (v instanceof Date) return { kind: "text", text: v.toISOString().slice(0, 10) };
      return typeof v === "boolean" ? { kind: "text", text: r.what } : { kind: "empty" };
    case "text": {
      const text = capComment(
        cleanText(r.text)
          .replace(/^'(?=[=+\-@\t\r])/, "")
          .trim(),
      );
      return text ? { kind: "text", text } : { kind: "empty" };
    }
  }
}

function capComment(s: string): string {
  if (s.length <= MAX_COMMENT_LENGTH) return s;
  let end = MAX_COMMENT_LENGTH;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // do not cut a surrogate pair in two
  return s.slice(0, end).trimEnd();
}

/** `1.234,5`, `1.234.567`, `12,5`: Vietnamese separators. */
const VI_NUMBER = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d+,\d+$/;
/** `1234.5`, `1,234.5`: a number typed or pasted as text. */
const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/;

function notANumber(
  sheet: string,
  cell: string,
  code: string,
  text: string,
  kind: "text" | "other",
): UploadProblem {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (kind === "other") {
    return problem(
      "not_a_number",
      sheet,
      cell,
      code,
      `${code}: the cell holds ${shown}, not a number. Enter a number, or leave the cell empty if there is no figure.`,
      `${code}: ô chứa ${shown}, không phải số. Hãy nhập số, hoặc để trống nếu chưa có số liệu.`,
    );
  }
  let hint: string;
  let hintVi: string;
  if (VI_NUMBER.test(shown)) {
    hint =
      "It looks like a number written as text with Vietnamese separators (dot for thousands, comma for decimals); we do not guess which is meant. Type the number into the cell as a number, without thousands separators.";
    hintVi =
      "Có vẻ đây là số được ghi dạng chữ theo kiểu Việt Nam (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân); hệ thống không đoán. Hãy nhập lại dưới dạng số, không dùng dấu phân cách hàng nghìn.";
  } else if (PLAIN_NUMBER.test(shown)) {
    hint =
      "The cell holds text that looks like a number (often pasted, or typed after an apostrophe). Convert it to a number or type it again.";
    hintVi =
      "Ô chứa chữ trông giống số (thường do dán vào hoặc gõ sau dấu nháy). Hãy chuyển thành số hoặc gõ lại.";
  } else {
    hint =
      "Enter a number, or leave the cell empty if there is no figure; explanations go in the Comment column.";
    hintVi = "Hãy nhập số, hoặc để trống nếu chưa có số liệu; giải thích ghi ở cột Ghi chú.";
  }
  return problem(
    "not_a_number",
    sheet,
    cell,
    code,
    `${code}: "${shown}" is text, not a number. ${hint}`,
    `${code}: "${shown}" là chữ, không phải số. ${hintVi}`,
  );
}

function formulaProblem(sheet: string, cell: string, code: string | null, formula: string): UploadProblem {
  const f = formula ? ` (=${formula.length > 60 ? `${formula.slice(0, 60)}…` : formula})` : "";
  const who = code ? `${code}: ` : "";
  return problem(
    "formula",
    sheet,
    cell,
    code,
    `${who}the cell holds a formula${f}. Formulas are neither evaluated nor stored: type the value itself.`,
    `${who}ô chứa công thức${f}. Công thức không được tính cũng không được lưu: hãy nhập trực tiếp giá trị.`,
  );
}

// ---------------------------------------------------------------------------------------------
// ZIP container checks (before ExcelJS)
// ---------------------------------------------------------------------------------------------

interface CellRange {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface ZipScan {
  /** Merged ranges by sheet name (ExcelJS is told to skip them). */
  readonly merges: ReadonlyMap<string, readonly CellRange[]>;
}

interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly crc: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
/** ExcelJS reads every entry matching this (unanchored) as a worksheet. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

function notXlsx(en: string, vi: string): { problems: UploadProblem[] } {
  return { problems: [problem("not_xlsx", null, null, null, en, vi)] };
}

function tooLarge(en: string, vi: string): { problems: UploadProblem[] } {
  return { problems: [problem("too_large", null, null, null, en, vi)] };
}

const NOT_ZIP_EN =
  "The file is not an Excel workbook (.xlsx). Upload the template you downloaded, saved as .xlsx.";
const NOT_ZIP_VI = "Tệp không phải bảng tính Excel (.xlsx). Hãy tải lên mẫu đã tải về, lưu dạng .xlsx.";

function inspectZip(data: Buffer, lim: Limits): ZipScan | { problems: UploadProblem[] } {
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1) {
    return notXlsx(
      "The file is an old-format .xls workbook or a password-protected one. Remove the password and save it as .xlsx (Excel Workbook).",
      "Tệp là bảng tính .xls kiểu cũ hoặc có mật khẩu. Hãy bỏ mật khẩu và lưu dạng .xlsx (Excel Workbook).",
    );
  }
  if (data.length < 22 || data.readUInt32LE(0) !== SIG_LOCAL) return notXlsx(NOT_ZIP_EN, NOT_ZIP_VI);
  const corrupt = () =>
    notXlsx(
      "The file is damaged (its ZIP structure is broken). Save the workbook again as .xlsx and upload it.",
      "Tệp bị hỏng (cấu trúc ZIP không đúng). Hãy lưu lại bảng tính dạng .xlsx rồi tải lên.",
    );

  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return corrupt();
  const count = data.readUInt16LE(end + 10);
  const cdSize = data.readUInt32LE(end + 12);
  const cdOffset = data.readUInt32LE(end + 16);
  const bomb = (why: string, whyVi: string) =>
    tooLarge(
      `The file would unpack to too much data (${why}; limit ${mb(lim.maxUncompressedBytes)}). Upload the template itself.`,
      `Tệp khi giải nén quá lớn (${whyVi}; giới hạn ${mb(lim.maxUncompressedBytes)}). Hãy tải lên đúng mẫu.`,
    );
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    return bomb("ZIP64 sizes", "kích thước ZIP64");
  }
  if (count > MAX_ZIP_ENTRIES) return bomb(`${count} parts`, `${count} thành phần`);
  if (cdOffset + cdSize > end) return corrupt();

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || data.readUInt32LE(p) !== SIG_CENTRAL) return corrupt();
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const crc = data.readUInt32LE(p + 16);
    const compressedSize = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    const offset = data.readUInt32LE(p + 42);
    if (p + 46 + nameLen > end) return corrupt();
    const name = data.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compressedSize === 0xffffffff) return bomb("ZIP64 sizes", "kích thước ZIP64");
    total += size;
    if (total > lim.maxUncompressedBytes) return bomb(`at least ${mb(total)}`, `ít nhất ${mb(total)}`);
    if (names.has(name)) return corrupt();
    names.add(name);
    if (flags & 1) {
      return notXlsx(
        "The file is encrypted. Remove the password and save it as .xlsx.",
        "Tệp bị mã hóa. Hãy bỏ mật khẩu và lưu dạng .xlsx.",
      );
    }
    if (method !== 0 && method !== 8) return corrupt();
    entries.push({ name, flags, method, compressedSize, size, offset, crc });
  }
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
    return notXlsx(
      "The file is a ZIP archive but not an Excel workbook (.xlsx). Upload the filled template.",
      "Tệp là tệp nén ZIP nhưng không phải bảng tính Excel (.xlsx). Hãy tải lên mẫu đã điền.",
    );
  }

  // Inflate every entry, capped at its declared size: a header that lies is caught here.
  const keep = new Map<string, Buffer>();
  for (const e of entries) {
    const o = e.offset;
    if (o + 30 > data.length || data.readUInt32LE(o) !== SIG_LOCAL) return corrupt();
    const start = o + 30 + data.readUInt16LE(o + 26) + data.readUInt16LE(o + 28);
    if (start + e.compressedSize > data.length) return corrupt();
    const raw = data.subarray(start, start + e.compressedSize);
    let content: Buffer;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return corrupt();
      content = raw;
    } else {
      try {
        content = inflateRawSync(raw, { maxOutputLength: e.size + 1 });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          return bomb(`${e.name} is larger than it declares`, `${e.name} lớn hơn kích thước khai báo`);
        }
        return corrupt();
      }
      if (content.length > e.size) {
        return bomb(`${e.name} is larger than it declares`, `${e.name} lớn hơn kích thước khai báo`);
      }
      if (content.length !== e.size) return corrupt();
    }
    if (crc32(content) !== e.crc) return corrupt();
    if (
      /\.(xml|rels|vml)$/i.test(e.name) &&
      (content.includes("<!DOCTYPE") || content.includes("<!ENTITY"))
    ) {
      return notXlsx(
        "The file contains XML declarations that an Excel workbook never has (DOCTYPE/ENTITY). Save it again from Excel as .xlsx.",
        "Tệp chứa khai báo XML mà bảng tính Excel không bao giờ có (DOCTYPE/ENTITY). Hãy lưu lại từ Excel dạng .xlsx.",
      );
    }
    if (
      e.name === "xl/workbook.xml" ||
      e.name === "xl/_rels/workbook.xml.rels" ||
      WORKSHEET_PART.test(e.name)
    ) {
      keep.set(e.name, content);
    }
  }

  // Sheet names by part, as ExcelJS resolves them.
  const workbookXml = keep.get("xl/workbook.xml")!.toString("utf8");
  const relsXml = keep.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "";
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a.Id && a.Target) targets.set(a.Id, `xl/${a.Target.replace(/^(\s|\/xl\/)+/, "")}`);
  }
  const sheetNames = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*)>/g)) {
    const a = attributes(m[1]!);
    const rid = Object.entries(a).find(([k]) => k === "id" || k.endsWith(":id"))?.[1];
    const part = rid === undefined ? undefined : targets.get(rid);
    if (part && a.name !== undefined) sheetNames.set(part, a.name);
  }

  // Named ranges: ExcelJS walks every cell of `$A$1:$B$2`-style ranges.
  let namedCells = 0;
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?definedName\b[^>]*>([^<]*)</g)) {
    for (const r of m[1]!.matchAll(/\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})/g)) {
      const range = decodeRange(`${r[1]}${r[2]}:${r[3]}${r[4]}`);
      if (range) namedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
    }
  }
  if (namedCells > MAX_DEFINED_NAME_CELLS) {
    return tooLarge(
      `The workbook's named ranges cover ${namedCells.toLocaleString("en")} cells (limit ${MAX_DEFINED_NAME_CELLS.toLocaleString("en")}). Delete the named ranges or print areas you added.`,
      `Các vùng đặt tên của bảng tính bao phủ ${namedCells.toLocaleString("en")} ô (giới hạn ${MAX_DEFINED_NAME_CELLS.toLocaleString("en")}). Hãy xóa các vùng đặt tên hoặc vùng in đã thêm.`,
    );
  }

  // Rows and merges per worksheet, from the XML.
  const problems: UploadProblem[] = [];
  const merges = new Map<string, CellRange[]>();
  const limit = lim.maxRows + HEADER_ROW;
  for (const [part, content] of keep) {
    if (!WORKSHEET_PART.test(part)) continue;
    const sheet = sheetNames.get(part) ?? part;
    const xml = content.toString("latin1");
    let rows = 0;
    for (const _ of xml.matchAll(/<(?:[\w.-]+:)?row[\s>/]/g)) rows++;
    if (rows > limit) {
      problems.push(
        problem(
          "too_many_rows",
          sheet,
          null,
          null,
          `${rows.toLocaleString("en")} rows; the limit is ${lim.maxRows.toLocaleString("en")} below the header. Remove the extra rows: the template has one row per element.`,
          `${rows.toLocaleString("en")} dòng; giới hạn là ${lim.maxRows.toLocaleString("en")} dòng dưới tiêu đề. Hãy xóa các dòng thừa: mẫu có một dòng cho mỗi chỉ tiêu.`,
        ),
      );
      continue;
    }
    const list: CellRange[] = [];
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']+)["']/g)) {
      const range = decodeRange(m[1]!);
      if (range) list.push(range);
    }
    if (list.length) merges.set(sheet, list);
  }
  if (problems.length) return { problems };
  return { merges };
}

/** Attributes of an XML start tag, entity-decoded. */
function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = decodeEntities(m[2] ?? m[3] ?? "");
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const n = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
      }
    }
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `B3:D7` or `B3` → its bounds; null when it is not a cell reference. */
function decodeRange(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return {
    ref: ref.trim(),
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  };
}
