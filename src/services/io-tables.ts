/**
 * Input–output tables: import from CSV (`dxm io import FILE --year 2022`), list, and the digital
 * intensities they give. The CSV has one row per industry: `industry,name,<code1>,…,<codeN>,output,
 * value_added` (the `name` column is optional), where the cell in row i and column j is the flow
 * zᵢⱼ from industry i to industry j. Every problem is reported with its CSV row and column.
 */
import { parse } from "csv-parse/sync";
import { DxmError } from "../domain/errors.ts";
import { digitalIntensity, type IntensityVariant, type IoTable, validateIoTable } from "../methods/io.ts";
import type { Store } from "../store/db.ts";
import {
  type IoTableSummary,
  listIoTables,
  loadIoTables,
  type StoredIoTable,
  saveIoTable,
} from "../store/io-repo.ts";

function csvError(message: string, messageVi: string, field: string): DxmError {
  return new DxmError("invalid_data", message, { field, messageVi });
}

/** Parses the CSV text of a table; structural problems name the CSV row and column. */
export function parseIoCsv(text: string, year: number, fileName = "the file"): IoTable {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (e) {
    throw csvError(
      `${fileName}: not a readable CSV file (${(e as Error).message})`,
      `${fileName}: không đọc được tệp CSV (${(e as Error).message})`,
      "file",
    );
  }
  const header = rows[0];
  if (!header || header.length < 4) {
    throw csvError(
      `${fileName}: the first row must be the header industry,name,<codes…>,output,value_added`,
      `${fileName}: dòng đầu phải là tiêu đề industry,name,<mã ngành…>,output,value_added`,
      "header",
    );
  }
  const lower = header.map((h) => h.toLowerCase());
  if (lower[0] !== "industry") {
    throw csvError(
      `${fileName}: row 1, column 1 must be "industry" (found "${header[0]}")`,
      `${fileName}: dòng 1, cột 1 phải là "industry" (đang là "${header[0]}")`,
      "header",
    );
  }
  const hasName = lower[1] === "name";
  const first = hasName ? 2 : 1;
  if (lower.at(-2) !== "output" || lower.at(-1) !== "value_added") {
    throw csvError(
      `${fileName}: the last two header columns must be "output" and "value_added"`,
      `${fileName}: hai cột cuối của tiêu đề phải là "output" và "value_added"`,
      "header",
    );
  }
  const codes = header.slice(first, -2);
  const body = rows.slice(1);
  if (body.length !== codes.length) {
    throw csvError(
      `${fileName}: the table is not square: ${codes.length} industry columns but ${body.length} industry rows`,
      `${fileName}: bảng không vuông: ${codes.length} cột ngành nhưng ${body.length} dòng ngành`,
      "rows",
    );
  }
  const z: number[][] = [];
  const output: number[] = [];
  const valueAdded: number[] = [];
  body.forEach((row, i) => {
    const csvRow = i + 2;
    if (row.length !== header.length) {
      throw csvError(
        `${fileName}: row ${csvRow} has ${row.length} cells, the header has ${header.length}`,
        `${fileName}: dòng ${csvRow} có ${row.length} ô, tiêu đề có ${header.length}`,
        `row ${csvRow}`,
      );
    }
    if (row[0] !== codes[i]) {
      throw csvError(
        `${fileName}: row ${csvRow} is industry "${row[0]}" but column ${first + i + 1} is "${codes[i]}": rows and columns must list the industries in the same order`,
        `${fileName}: dòng ${csvRow} là ngành "${row[0]}" nhưng cột ${first + i + 1} là "${codes[i]}": dòng và cột phải cùng thứ tự ngành`,
        `row ${csvRow}`,
      );
    }
    const num = (cell: string | undefined, col: number): number => {
      const v = (cell ?? "").replace(/\s/g, "");
      const n = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) {
        throw csvError(
          `${fileName}: row ${csvRow} (${row[0]}), column ${col + 1} (${header[col]}): "${cell}" is not a number`,
          `${fileName}: dòng ${csvRow} (${row[0]}), cột ${col + 1} (${header[col]}): "${cell}" không phải là số`,
          `row ${csvRow}, column ${header[col]}`,
        );
      }
      return n;
    };
    z.push(codes.map((_, j) => num(row[first + j], first + j)));
    output.push(num(row[header.length - 2], header.length - 2));
    valueAdded.push(num(row[header.length - 1], header.length - 1));
  });
  return { year, codes, z, output, valueAdded };
}

export interface ImportIoOptions {
  year: number;
  name?: string;
  source?: string;
  isDemo?: boolean;
  /** The industry codes the catalogue knows: every table code must be one of them. */
  knownCodes: ReadonlySet<string>;
  actor: string;
}

export async function importIoTable(
  store: Store,
  table: IoTable,
  options: ImportIoOptions,
): Promise<{ replaced: IoTableSummary | null; industries: number }> {
  validateIoTable(table, { knownCodes: options.knownCodes });
  const { replaced } = await saveIoTable(
    store.db,
    table,
    {
      name: options.name ?? `Input–output table ${table.year}`,
      source: options.source ?? "imported",
      isDemo: options.isDemo ?? false,
    },
    options.actor,
  );
  return { replaced, industries: table.codes.length };
}

export function getIoTables(store: Store): Promise<IoTableSummary[]> {
  return listIoTables(store.db);
}

export interface Intensities {
  readonly table: StoredIoTable;
  readonly direct: ReadonlyMap<string, number>;
  readonly total: ReadonlyMap<string, number>;
}

/** Digital intensities of every stored table, computed once per call. */
export async function loadIntensities(store: Store, core: ReadonlySet<string>): Promise<Intensities[]> {
  const tables = await loadIoTables(store.db);
  return tables.map((table) => ({
    table,
    direct: digitalIntensity(table, core, "direct"),
    total: digitalIntensity(table, core, "total"),
  }));
}

export function intensityOf(i: Intensities, variant: IntensityVariant): ReadonlyMap<string, number> {
  return variant === "direct" ? i.direct : i.total;
}
