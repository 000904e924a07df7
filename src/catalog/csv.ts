/**
 * Reading the reference files under `./data/`. Every loader goes through `readCsvTable` and the
 * cell readers below, so a malformed file always fails the same way: an `invalid_data` error that
 * names the file, the row (header = row 1, as a spreadsheet shows it) and the column.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { DxmError } from "../domain/errors.ts";
import { projectRoot } from "../paths.ts";

const rootUrl = pathToFileURL(`${projectRoot}/`);

/** The URL of a reference file, e.g. `dataUrl("areas/regions.csv")`. */
export function dataUrl(relative: string): URL {
  return new URL(`src/catalog/data/${relative}`, rootUrl);
}

/** Reads a reference text file, failing with the file name when it is missing. */
export function readDataFile(relative: string): string {
  try {
    return readFileSync(dataUrl(relative), "utf8");
  } catch (cause) {
    throw new DxmError("invalid_data", `${relative}: cannot read the reference file`, {
      field: relative,
      messageVi: `${relative}: không đọc được tệp dữ liệu tham chiếu`,
      cause,
    });
  }
}

/** An `invalid_data` error about one cell (or one row when `column` is null). */
export function dataError(file: string, row: number, column: string | null, problem: string): DxmError {
  const where = column === null ? `row ${row}` : `row ${row}, column "${column}"`;
  const whereVi = column === null ? `dòng ${row}` : `dòng ${row}, cột "${column}"`;
  return new DxmError("invalid_data", `${file}: ${where}: ${problem}`, {
    field: column === null ? `${file}:${row}` : `${file}:${row}:${column}`,
    messageVi: `${file}: ${whereVi}: ${problem}`,
    details: { file, row, column },
  });
}

/** One data row of a CSV file with typed cell readers that name the file, row and column. */
export class CsvRow {
  constructor(
    readonly file: string,
    /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
    readonly row: number,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  error(column: string | null, problem: string): DxmError {
    return dataError(this.file, this.row, column, problem);
  }

  /** The trimmed cell text, possibly empty. */
  text(column: string): string {
    const v = this.cells.get(column);
    if (v === undefined) throw this.error(column, "no such column");
    return v.trim();
  }

  /** A non-empty trimmed cell. */
  required(column: string): string {
    const v = this.text(column);
    if (v === "") throw this.error(column, "is empty");
    return v;
  }

  /** The cell or null when empty. */
  optional(column: string): string | null {
    const v = this.text(column);
    return v === "" ? null : v;
  }

  /** A finite number (plain decimal notation). */
  number(column: string): number {
    const v = this.required(column);
    return this.parseNumber(column, v);
  }

  /** A finite number, or null when the cell is empty. */
  optionalNumber(column: string): number | null {
    const v = this.optional(column);
    return v === null ? null : this.parseNumber(column, v);
  }

  /** An integer between `min` and `max`. */
  integer(column: string, min: number, max: number): number {
    const n = this.number(column);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw this.error(column, `"${this.text(column)}" is not an integer between ${min} and ${max}`);
    }
    return n;
  }

  /** A cell that must be one of `allowed`. */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.required(column);
    const hit = allowed.find((a) => a === v);
    if (hit === undefined) throw this.error(column, `"${v}" is not one of ${allowed.join(", ")}`);
    return hit;
  }

  /** A cell matching a pattern (described for the message). */
  matching(column: string, pattern: RegExp, what: string): string {
    const v = this.required(column);
    if (!pattern.test(v)) throw this.error(column, `"${v}" is not ${what}`);
    return v;
  }

  private parseNumber(column: string, v: string): number {
    if (!/^-?\d+(\.\d+)?$/.test(v)) throw this.error(column, `"${v}" is not a number`);
    return Number(v);
  }
}

/**
 * Parses a CSV text (first line = header) and checks that every `columns` name is present and that
 * every row has as many cells as the header.
 */
export function parseCsvTable(file: string, text: string, columns: readonly string[]): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    throw new DxmError(
      "invalid_data",
      `${file}: not a valid CSV file${line === undefined ? "" : ` (near line ${line})`}`,
      {
        field: file,
        messageVi: `${file}: không phải tệp CSV hợp lệ${line === undefined ? "" : ` (gần dòng ${line})`}`,
        cause,
      },
    );
  }
  const header = records[0];
  if (header === undefined) throw dataError(file, 1, null, "the file is empty (no header row)");
  const names = header.map((h) => h.trim());
  for (const c of columns) {
    if (!names.includes(c)) throw dataError(file, 1, c, "missing column in the header");
  }
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i] ?? [];
    const rowNo = i + 1;
    if (rec.length !== names.length) {
      throw dataError(file, rowNo, null, `has ${rec.length} cells, the header has ${names.length}`);
    }
    const cells = new Map<string, string>();
    names.forEach((n, j) => {
      cells.set(n, rec[j] ?? "");
    });
    rows.push(new CsvRow(file, rowNo, cells));
  }
  return rows;
}

/** Reads and parses `./data/<relative>`; errors name the file by that relative path. */
export function readCsvTable(relative: string, columns: readonly string[]): CsvRow[] {
  return parseCsvTable(relative, readDataFile(relative), columns);
}
