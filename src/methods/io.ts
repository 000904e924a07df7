/**
 * Input–output analysis for the digital economy (DESIGN §4.3): a national input–output table gives
 * each industry's digital intensity δ, the share of its intermediate inputs that come from the core
 * digital industries D, either directly (`direct`) or through the whole supply chain (`total`).
 *
 * Notation: Z the intermediate flows (zᵢⱼ from industry i, the row, to industry j, the column), x
 * gross output, A = Z x̂⁻¹ the technical coefficients (aᵢⱼ = zᵢⱼ / xⱼ), L = (I − A)⁻¹ the Leontief
 * inverse.
 *
 * Design decisions:
 * - Two levels of checking. `validateIoTable` checks everything, including the accounting identities
 *   (a column's inputs do not exceed its output; value added ≈ output − inputs, within a relative
 *   tolerance), and is what a loader calls, with its own tolerance. The computations
 *   (`technicalCoefficients`, `digitalIntensity`) check only what their arithmetic needs (shape,
 *   codes, finite non-negative flows, positive output), so a table accepted with a looser tolerance
 *   is not rejected again with the default one.
 * - Errors are `DxmError("invalid_data")`. `field` is a machine path with 0-based indices
 *   (`z[2][5]`, `output[3]`, `codes[1]`); the message names the industry code and its 1-based
 *   position, as a person reading the table in a spreadsheet counts (row 3, column 6).
 * - The inverse is Gauss–Jordan elimination with partial pivoting on `Float64Array` rows: O(n³),
 *   about 4.4 million multiply–adds for the 164 industries of a national table, a few milliseconds.
 *   A pivot smaller than 1e-12 × the largest |entry| of I − A means I − A is singular (to working
 *   precision), and the error names the column where elimination stopped.
 * - L − I = L·A, so a column of A that is all zero (an industry with no intermediate inputs) has a
 *   zero column in L − I too: both intensities are 0 for it, rather than 0/0.
 * - A non-negative A has a non-negative L only when the economy is productive (spectral radius of A
 *   below 1, which holds when every column of A sums to less than 1). A table that is not productive
 *   gives columns of L − I with a non-positive sum; the total intensity is then meaningless and is
 *   refused with an error naming the column.
 */
import { DxmError } from "../domain/errors.ts";

export interface IoTable {
  readonly year: number;
  /** Industry codes, in row and column order. */
  readonly codes: readonly string[];
  /** z[i][j]: intermediate flow from industry i (row) to industry j (column). */
  readonly z: readonly (readonly number[])[];
  /** Gross output xⱼ of each industry. */
  readonly output: readonly number[];
  /** Value added of each industry. */
  readonly valueAdded: readonly number[];
}

/** `direct`: first-round inputs only; `total`: inputs through the whole supply chain (Leontief). */
export type IntensityVariant = "direct" | "total";

/** Default relative tolerance of the accounting checks of `validateIoTable`. */
export const IO_DEFAULT_TOLERANCE = 0.01;

/** A pivot below this × max |entry| of the matrix is treated as zero (singular matrix). */
const PIVOT_EPSILON = 1e-12;

function invalid(
  field: string,
  message: string,
  messageVi: string,
  details?: Record<string, unknown>,
): DxmError {
  return new DxmError(
    "invalid_data",
    message,
    details ? { field, messageVi, details } : { field, messageVi },
  );
}

/** `industry "62" (row 3)`, 1-based, for messages. */
function rowName(codes: readonly string[], i: number): string {
  return `industry "${codes[i] ?? "?"}" (row ${i + 1})`;
}

function rowNameVi(codes: readonly string[], i: number): string {
  return `ngành "${codes[i] ?? "?"}" (dòng ${i + 1})`;
}

function colName(codes: readonly string[], j: number): string {
  return `industry "${codes[j] ?? "?"}" (column ${j + 1})`;
}

function colNameVi(codes: readonly string[], j: number): string {
  return `ngành "${codes[j] ?? "?"}" (cột ${j + 1})`;
}

/**
 * What every computation needs: at least one industry, non-empty distinct codes, a square n × n Z,
 * n outputs and n value-added figures, every number finite, zᵢⱼ ≥ 0 and xⱼ > 0.
 */
function checkStructure(t: IoTable, knownCodes?: ReadonlySet<string>): void {
  if (!Number.isInteger(t.year)) {
    throw invalid(
      "year",
      `Input–output table: year ${t.year} is not a whole number`,
      `Bảng vào–ra: năm ${t.year} không phải số nguyên`,
    );
  }
  const n = t.codes.length;
  if (n === 0) {
    throw invalid("codes", "Input–output table has no industries", "Bảng vào–ra không có ngành nào");
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const code = t.codes[i] as string;
    if (typeof code !== "string" || code.trim() === "") {
      throw invalid(
        `codes[${i}]`,
        `Input–output table: the industry code of row ${i + 1} is empty`,
        `Bảng vào–ra: mã ngành ở dòng ${i + 1} bị trống`,
      );
    }
    const first = seen.get(code);
    if (first !== undefined) {
      throw invalid(
        `codes[${i}]`,
        `Input–output table: industry code "${code}" appears twice (rows ${first + 1} and ${i + 1})`,
        `Bảng vào–ra: mã ngành "${code}" xuất hiện hai lần (dòng ${first + 1} và ${i + 1})`,
      );
    }
    seen.set(code, i);
    if (knownCodes && !knownCodes.has(code)) {
      throw invalid(
        `codes[${i}]`,
        `Input–output table: ${rowName(t.codes, i)} is not a known industry code`,
        `Bảng vào–ra: ${rowNameVi(t.codes, i)} không phải mã ngành đã biết`,
      );
    }
  }
  if (t.z.length !== n) {
    throw invalid(
      "z",
      `Input–output table is not square: Z has ${t.z.length} rows, expected ${n} (one per industry code)`,
      `Bảng vào–ra không vuông: ma trận Z có ${t.z.length} dòng, cần ${n} (mỗi mã ngành một dòng)`,
    );
  }
  for (let i = 0; i < n; i++) {
    const row = t.z[i] as readonly number[];
    if (row.length !== n) {
      throw invalid(
        `z[${i}]`,
        `Input–output table is not square: ${rowName(t.codes, i)} has ${row.length} values, expected ${n}`,
        `Bảng vào–ra không vuông: ${rowNameVi(t.codes, i)} có ${row.length} giá trị, cần ${n}`,
      );
    }
    for (let j = 0; j < n; j++) {
      const v = row[j] as number;
      if (typeof v === "number" && v >= 0 && v < Number.POSITIVE_INFINITY) continue;
      const where = `z from industry "${t.codes[i]}" to "${t.codes[j]}" (row ${i + 1}, column ${j + 1})`;
      const whereVi = `z từ ngành "${t.codes[i]}" sang "${t.codes[j]}" (dòng ${i + 1}, cột ${j + 1})`;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw invalid(
          `z[${i}][${j}]`,
          `Input–output table: ${where} is not a finite number (${v})`,
          `Bảng vào–ra: ${whereVi} không phải số hữu hạn (${v})`,
        );
      }
      throw invalid(
        `z[${i}][${j}]`,
        `Input–output table: ${where} is negative (${v}); intermediate flows must be ≥ 0`,
        `Bảng vào–ra: ${whereVi} âm (${v}); luồng trung gian phải ≥ 0`,
      );
    }
  }
  for (const [name, values] of [
    ["output", t.output],
    ["valueAdded", t.valueAdded],
  ] as const) {
    const nameVi = name === "output" ? "giá trị sản xuất" : "giá trị tăng thêm";
    if (values.length !== n) {
      throw invalid(
        name,
        `Input–output table: ${name} has ${values.length} values, expected ${n} (one per industry code)`,
        `Bảng vào–ra: ${nameVi} có ${values.length} giá trị, cần ${n} (mỗi mã ngành một giá trị)`,
      );
    }
    for (let j = 0; j < n; j++) {
      const v = values[j] as number;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw invalid(
          `${name}[${j}]`,
          `Input–output table: ${name} of ${colName(t.codes, j)} is not a finite number (${v})`,
          `Bảng vào–ra: ${nameVi} của ${colNameVi(t.codes, j)} không phải số hữu hạn (${v})`,
        );
      }
      if (name === "output" && v <= 0) {
        throw invalid(
          `output[${j}]`,
          `Input–output table: output of ${colName(t.codes, j)} is ${v}; gross output must be > 0`,
          `Bảng vào–ra: giá trị sản xuất của ${colNameVi(t.codes, j)} là ${v}; phải > 0`,
        );
      }
    }
  }
}

/**
 * Checks an input–output table and throws `DxmError("invalid_data")` at the first problem, naming the
 * industry (code and 1-based row/column) and the rule:
 * - year a whole number; at least one industry; codes non-empty and distinct; every code in
 *   `knownCodes` when given;
 * - Z square (n rows of n values, n = number of codes); n outputs and n value-added figures;
 * - every number finite; zᵢⱼ ≥ 0; xⱼ > 0;
 * - inputs within output: Σᵢ zᵢⱼ ≤ xⱼ·(1 + tol);
 * - value added: |VAⱼ − (xⱼ − Σᵢ zᵢⱼ)| ≤ tol·xⱼ (relative to output, so an industry whose value
 *   added is near zero is not held to an impossible precision).
 *
 * @param options.tolerance relative tolerance of the last two rules, default 0.01
 */
export function validateIoTable(
  t: IoTable,
  options: { knownCodes?: ReadonlySet<string>; tolerance?: number } = {},
): void {
  const tol = options.tolerance ?? IO_DEFAULT_TOLERANCE;
  if (!Number.isFinite(tol) || tol < 0) {
    throw new DxmError("invalid_parameter", `tolerance must be a number ≥ 0, got ${tol}`, {
      field: "tolerance",
      messageVi: `tolerance phải là số ≥ 0, nhận được ${tol}`,
    });
  }
  checkStructure(t, options.knownCodes);
  const n = t.codes.length;
  const inputs = columnSums(t);
  for (let j = 0; j < n; j++) {
    const x = t.output[j] as number;
    const s = inputs[j] as number;
    if (s > x * (1 + tol)) {
      throw invalid(
        `z[*][${j}]`,
        `Input–output table: the intermediate inputs of ${colName(t.codes, j)} sum to ${s}, more than its output ${x} (Σᵢ zᵢⱼ ≤ xⱼ, tolerance ${tol * 100}%)`,
        `Bảng vào–ra: chi phí trung gian của ${colNameVi(t.codes, j)} cộng lại là ${s}, lớn hơn giá trị sản xuất ${x} (Σᵢ zᵢⱼ ≤ xⱼ, sai số ${tol * 100}%)`,
        { column: j, code: t.codes[j], inputs: s, output: x },
      );
    }
    const va = t.valueAdded[j] as number;
    const expected = x - s;
    if (Math.abs(va - expected) > tol * x) {
      throw invalid(
        `valueAdded[${j}]`,
        `Input–output table: value added of ${colName(t.codes, j)} is ${va}, but output − inputs = ${x} − ${s} = ${expected} (tolerance ${tol * 100}% of output)`,
        `Bảng vào–ra: giá trị tăng thêm của ${colNameVi(t.codes, j)} là ${va}, nhưng giá trị sản xuất − chi phí trung gian = ${x} − ${s} = ${expected} (sai số ${tol * 100}% giá trị sản xuất)`,
        { column: j, code: t.codes[j], valueAdded: va, expected },
      );
    }
  }
}

/** Σᵢ zᵢⱼ for each column j. */
function columnSums(t: IoTable): Float64Array {
  const n = t.codes.length;
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = t.z[i] as readonly number[];
    for (let j = 0; j < n; j++) sums[j] = (sums[j] as number) + (row[j] as number);
  }
  return sums;
}

/**
 * Technical coefficients `A = Z x̂⁻¹`: aᵢⱼ = zᵢⱼ / xⱼ, the input from industry i per unit of output
 * of industry j. Checks the table's structure (not its accounting identities: see `validateIoTable`).
 */
export function technicalCoefficients(t: IoTable): number[][] {
  checkStructure(t);
  return coefficientsUnchecked(t);
}

function coefficientsUnchecked(t: IoTable): number[][] {
  const n = t.codes.length;
  const inv = t.output.map((x) => 1 / x);
  const a: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = t.z[i] as readonly number[];
    const out = new Array<number>(n);
    for (let j = 0; j < n; j++) out[j] = (row[j] as number) * (inv[j] as number);
    a[i] = out;
  }
  return a;
}

/**
 * Leontief inverse `L = (I − A)⁻¹`, by Gauss–Jordan elimination with partial pivoting: for each
 * column k, the row at or below k with the largest |entry| in column k becomes the pivot row, is
 * divided by the pivot, and column k is eliminated from every other row; the same operations turn
 * the identity on the right into the inverse.
 *
 * Throws `DxmError("invalid_data")` when A is not square or holds a non-finite number, and
 * "I − A is singular (pivot ≈ 0 at column CODE)" when |pivot| < 1e-12 × max |(I − A)ᵢⱼ|.
 *
 * @param codes industry codes, to name the column in the error (1-based positions without them)
 */
export function leontiefInverse(a: readonly (readonly number[])[], codes?: readonly string[]): number[][] {
  const n = a.length;
  const label = (k: number) => (codes?.[k] !== undefined ? `${codes[k]}` : `${k + 1}`);
  // m = [I − A | I], one Float64Array of width 2n per row.
  const m: Float64Array[] = new Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const src = a[i] as readonly number[];
    if (src.length !== n) {
      throw invalid(
        `a[${i}]`,
        `Matrix A is not square: row ${i + 1} has ${src.length} values, expected ${n}`,
        `Ma trận A không vuông: dòng ${i + 1} có ${src.length} giá trị, cần ${n}`,
      );
    }
    const row = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      const v = src[j] as number;
      if (!Number.isFinite(v)) {
        throw invalid(
          `a[${i}][${j}]`,
          `Matrix A: the entry at row ${label(i)}, column ${label(j)} is not a finite number (${v})`,
          `Ma trận A: phần tử ở dòng ${label(i)}, cột ${label(j)} không phải số hữu hạn (${v})`,
        );
      }
      const w = (i === j ? 1 : 0) - v;
      row[j] = w;
      const abs = Math.abs(w);
      if (abs > scale) scale = abs;
    }
    row[n + i] = 1;
    m[i] = row;
  }
  const threshold = PIVOT_EPSILON * scale;
  const width = 2 * n;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs((m[k] as Float64Array)[k] as number);
    for (let r = k + 1; r < n; r++) {
      const v = Math.abs((m[r] as Float64Array)[k] as number);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (!(best >= threshold) || best === 0) {
      throw invalid(
        `a[*][${k}]`,
        `I − A is singular (pivot ≈ 0 at column ${label(k)}): the Leontief inverse does not exist`,
        `I − A suy biến (phần tử trụ ≈ 0 ở cột ${label(k)}): không tồn tại ma trận nghịch đảo Leontief`,
        { column: k, pivot: best },
      );
    }
    if (p !== k) {
      const tmp = m[k] as Float64Array;
      m[k] = m[p] as Float64Array;
      m[p] = tmp;
    }
    const pivotRow = m[k] as Float64Array;
    const inv = 1 / (pivotRow[k] as number);
    for (let c = k; c < width; c++) pivotRow[c] = (pivotRow[c] as number) * inv;
    for (let r = 0; r < n; r++) {
      if (r === k) continue;
      const row = m[r] as Float64Array;
      const f = row[k] as number;
      if (f === 0) continue;
      // Columns left of k are already zero in both rows.
      for (let c = k; c < width; c++) row[c] = (row[c] as number) - f * (pivotRow[c] as number);
    }
  }
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = Array.from((m[i] as Float64Array).subarray(n));
  return out;
}

/**
 * Digital intensity δⱼ of every industry j (core industries included), D the core digital codes:
 * - `direct`: δⱼ = Σ_{i∈D} zᵢⱼ / Σᵢ zᵢⱼ — the digital share of j's intermediate inputs;
 * - `total`: δⱼ = Σ_{i∈D} (L − I)ᵢⱼ / Σᵢ (L − I)ᵢⱼ — the digital share of all the indirect inputs
 *   that one unit of j's final demand draws through the supply chain (L − I removes the unit of j
 *   itself).
 * A column with no intermediate inputs has δⱼ = 0 in both variants (L − I = L·A has a zero column
 * there too). Throws `invalid_data` when a core code is not in the table, when the table's structure
 * is invalid, when I − A is singular, or (`total`) when a column of L − I does not sum to > 0 (the
 * table is not productive).
 *
 * Worked example (see io.test.ts): three industries A, C, J with D = {J} and
 * Z = [[10, 40, 0], [20, 40, 10], [0, 20, 10]], x = (100, 200, 50):
 * direct δ = (0/30, 20/100, 10/20) = (0, 0.2, 0.5); total δ = (10/137, 15/74, 7/17).
 */
export function digitalIntensity(
  t: IoTable,
  core: ReadonlySet<string>,
  variant: IntensityVariant,
): Map<string, number> {
  checkStructure(t);
  const n = t.codes.length;
  const index = new Map(t.codes.map((c, i) => [c, i]));
  const isCore = new Uint8Array(n);
  for (const c of core) {
    const i = index.get(c);
    if (i === undefined) {
      throw invalid(
        "core",
        `Core digital industry "${c}" is not in the input–output table of ${t.year}`,
        `Ngành kinh tế số lõi "${c}" không có trong bảng vào–ra năm ${t.year}`,
      );
    }
    isCore[i] = 1;
  }
  const result = new Map<string, number>();
  if (variant === "direct") {
    const total = new Float64Array(n);
    const digital = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = t.z[i] as readonly number[];
      const d = isCore[i] === 1;
      for (let j = 0; j < n; j++) {
        const v = row[j] as number;
        total[j] = (total[j] as number) + v;
        if (d) digital[j] = (digital[j] as number) + v;
      }
    }
    for (let j = 0; j < n; j++) {
      const s = total[j] as number;
      result.set(t.codes[j] as string, s === 0 ? 0 : (digital[j] as number) / s);
    }
    return result;
  }
  const a = coefficientsUnchecked(t);
  const l = leontiefInverse(a, t.codes);
  const colA = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = a[i] as number[];
    for (let j = 0; j < n; j++) colA[j] = (colA[j] as number) + (row[j] as number);
  }
  const total = new Float64Array(n);
  const digital = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = l[i] as number[];
    const d = isCore[i] === 1;
    for (let j = 0; j < n; j++) {
      const v = (row[j] as number) - (i === j ? 1 : 0);
      total[j] = (total[j] as number) + v;
      if (d) digital[j] = (digital[j] as number) + v;
    }
  }
  for (let j = 0; j < n; j++) {
    const code = t.codes[j] as string;
    if (colA[j] === 0) {
      result.set(code, 0);
      continue;
    }
    const s = total[j] as number;
    if (!(s > 0)) {
      throw invalid(
        `z[*][${j}]`,
        `Input–output table of ${t.year} is not productive: the column of L − I for ${colName(t.codes, j)} sums to ${s} (≤ 0), so its total digital intensity is undefined; check that each industry's inputs are below its output`,
        `Bảng vào–ra năm ${t.year} không khả thi: cột của L − I ứng với ${colNameVi(t.codes, j)} có tổng ${s} (≤ 0), nên không tính được cường độ số toàn phần; hãy kiểm tra chi phí trung gian của mỗi ngành nhỏ hơn giá trị sản xuất`,
        { column: j, code },
      );
    }
    result.set(code, (digital[j] as number) / s);
  }
  return result;
}
