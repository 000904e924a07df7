import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DxmError } from "../domain/errors.ts";
import {
  digitalIntensity,
  type IoTable,
  leontiefInverse,
  technicalCoefficients,
  validateIoTable,
} from "./io.ts";

/**
 * The worked example. Three industries: A (agriculture), C (manufacturing), J (core digital), D = {J}.
 *
 *            to A  to C  to J     Σ inputs  output  value added
 *   from A    10    40     0
 *   from C    20    40    10
 *   from J     0    20    10
 *   Σ          30   100    20                100, 200, 50  →  70, 100, 30
 *
 * A = Z x̂⁻¹ divides column j by xⱼ: [[0.1, 0.2, 0], [0.2, 0.2, 0.2], [0, 0.1, 0.2]].
 * I − A = [[0.9, −0.2, 0], [−0.2, 0.8, −0.2], [0, −0.1, 0.8]]; with B = 10(I − A) =
 * [[9, −2, 0], [−2, 8, −2], [0, −1, 8]], det B = 9(64 − 2) + 2(−16 − 0) = 558 − 32 = 526, and the
 * adjugate of B is [[62, 16, 4], [16, 72, 18], [2, 9, 68]]. So L = 10·adj(B)/526 = (5/263)·adj(B):
 *   L = [[310, 80, 20], [80, 360, 90], [10, 45, 340]] / 263.
 * L − I = [[47, 80, 20], [80, 97, 90], [10, 45, 77]] / 263; column sums 137, 222, 187 (/263).
 * direct δ = Σ_{i∈D} zᵢⱼ / Σᵢ zᵢⱼ = (0/30, 20/100, 10/20) = (0, 0.2, 0.5)
 * total δ  = row J of L − I over the column sums = (10/137, 45/222, 77/187) = (0.0730, 0.2027, 0.4118)
 */
const table: IoTable = {
  year: 2019,
  codes: ["A", "C", "J"],
  z: [
    [10, 40, 0],
    [20, 40, 10],
    [0, 20, 10],
  ],
  output: [100, 200, 50],
  valueAdded: [70, 100, 30],
};
const core = new Set(["J"]);

function close(actual: number, expected: number, eps = 1e-12, label = "") {
  assert.ok(Math.abs(actual - expected) <= eps, `${label} ${actual} ≠ ${expected}`);
}

function closeMatrix(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[]) {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, i) => {
    row.forEach((v, j) => {
      close(v, expected[i]?.[j] as number, 1e-12, `[${i}][${j}]`);
    });
  });
}

function variant(patch: Partial<IoTable>): IoTable {
  return { ...table, ...patch };
}

/** Asserts that `fn` throws invalid_data with the field and a message matching `pattern`. */
function rejects(fn: () => unknown, field: string, pattern: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DxmError, String(e));
    assert.equal(e.code, "invalid_data");
    assert.equal(e.field, field);
    assert.match(e.message, pattern);
    assert.notEqual(e.messageVi, e.message, "a Vietnamese message is given");
    return true;
  });
}

describe("technicalCoefficients", () => {
  test("divides each column of Z by that industry's output", () => {
    closeMatrix(technicalCoefficients(table), [
      [0.1, 0.2, 0],
      [0.2, 0.2, 0.2],
      [0, 0.1, 0.2],
    ]);
  });
});

describe("leontiefInverse", () => {
  test("gives (I − A)⁻¹ of the worked example: [[310, 80, 20], [80, 360, 90], [10, 45, 340]] / 263", () => {
    const l = leontiefInverse(technicalCoefficients(table), table.codes);
    closeMatrix(
      l,
      [
        [310, 80, 20],
        [80, 360, 90],
        [10, 45, 340],
      ].map((row) => row.map((v) => v / 263)),
    );
  });

  test("pivots on the largest entry, so a zero on the diagonal of I − A is not a problem", () => {
    // A = [[1, −1], [−1, 1]] → I − A = [[0, 1], [1, 0]], whose inverse is itself.
    closeMatrix(
      leontiefInverse([
        [1, -1],
        [-1, 1],
      ]),
      [
        [0, 1],
        [1, 0],
      ],
    );
  });

  test("a singular I − A is an error naming the column where the pivot vanished", () => {
    // A = [[0.5, 0.5], [0.5, 0.5]] → I − A = [[0.5, −0.5], [−0.5, 0.5]]: the rows are opposite, so after
    // eliminating column 1 the second pivot is 0.5 − (−0.5)(−0.5)/0.5 = 0.
    const a = [
      [0.5, 0.5],
      [0.5, 0.5],
    ];
    rejects(
      () => leontiefInverse(a, ["01", "62"]),
      "a[*][1]",
      /I − A is singular \(pivot ≈ 0 at column 62\)/,
    );
    rejects(() => leontiefInverse(a), "a[*][1]", /pivot ≈ 0 at column 2\b/);
  });

  test("a pivot that is tiny only relative to the matrix counts as zero", () => {
    // I − A = [[1e6, 1e6], [1e6, 1e6 + 1e-7]]: the second pivot 1e-7 is below 1e-12 × 1e6 = 1e-6.
    const a = [
      [1 - 1e6, -1e6],
      [-1e6, 1 - (1e6 + 1e-7)],
    ];
    assert.throws(() => leontiefInverse(a), /singular/);
  });

  test("a matrix that is not square is refused", () => {
    rejects(() => leontiefInverse([[0.1, 0.2], [0.3]]), "a[1]", /row 2 has 1 values, expected 2/);
  });

  test("the empty matrix has the empty inverse", () => {
    assert.deepEqual(leontiefInverse([]), []);
  });
});

describe("digitalIntensity", () => {
  test("direct: the core share of each industry's intermediate inputs, (0, 0.2, 0.5)", () => {
    const d = digitalIntensity(table, core, "direct");
    assert.deepEqual([...d.keys()], ["A", "C", "J"]);
    close(d.get("A") as number, 0);
    close(d.get("C") as number, 0.2);
    close(d.get("J") as number, 0.5);
  });

  test("total: the core share of the supply chain's inputs (L − I), (10/137, 45/222, 77/187)", () => {
    const d = digitalIntensity(table, core, "total");
    close(d.get("A") as number, 10 / 137);
    close(d.get("C") as number, 45 / 222);
    close(d.get("J") as number, 77 / 187);
  });

  test("an industry that buys nothing from the core directly still has a total intensity", () => {
    // A buys from C, which buys from J: direct 0, total 10/137 > 0.
    assert.equal(digitalIntensity(table, core, "direct").get("A"), 0);
    assert.ok((digitalIntensity(table, core, "total").get("A") as number) > 0.07);
  });

  test("an industry with no intermediate inputs has intensity 0 in both variants", () => {
    // Column A emptied: inputs 0, so value added = output = 100.
    const t = variant({
      z: [
        [0, 40, 0],
        [0, 40, 10],
        [0, 20, 10],
      ],
      valueAdded: [100, 100, 30],
    });
    validateIoTable(t);
    assert.equal(digitalIntensity(t, core, "direct").get("A"), 0);
    assert.equal(digitalIntensity(t, core, "total").get("A"), 0);
  });

  test("with no core industry every intensity is 0", () => {
    for (const v of digitalIntensity(table, new Set(), "total").values()) assert.equal(v, 0);
  });

  test("a core code that is not in the table is an error naming it", () => {
    rejects(
      () => digitalIntensity(table, new Set(["J", "62"]), "direct"),
      "core",
      /"62" is not in the input–output table of 2019/,
    );
  });

  test("a table that is not productive has no total intensity", () => {
    // A = [[0.5, 1.5], [1, 0.5]] has eigenvalues 0.5 ± √1.5, one above 1. det(I − A) = 0.25 − 1.5 = −1.25,
    // L = [[0.5, 1.5], [1, 0.5]] / −1.25 = [[−0.4, −1.2], [−0.8, −0.4]]: column sums of L − I are negative.
    const t: IoTable = {
      year: 2019,
      codes: ["A", "J"],
      z: [
        [50, 150],
        [100, 50],
      ],
      output: [100, 100],
      valueAdded: [-50, -100],
    };
    rejects(
      () => digitalIntensity(t, new Set(["J"]), "total"),
      "z[*][0]",
      /not productive: the column of L − I for industry "A"/,
    );
  });

  test("a 164-industry table gives intensities in [0, 1] for every industry by both variants (its speed is measured by bench/io)", () => {
    const n = 164;
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const z = Array.from({ length: n }, () =>
      Array.from({ length: n }, () => (rand() < 0.4 ? rand() * 10 : 0)),
    );
    const output = Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[i]?.[j] as number;
      return s / (0.3 + 0.4 * rand()) + 1;
    });
    const valueAdded = output.map((x, j) => x - z.reduce((s, row) => s + (row[j] as number), 0));
    const codes = Array.from({ length: n }, (_, i) => `I${i}`);
    const t: IoTable = { year: 2019, codes, z, output, valueAdded };
    const coreCodes = new Set(codes.slice(0, 10));
    validateIoTable(t);
    const direct = digitalIntensity(t, coreCodes, "direct");
    const total = digitalIntensity(t, coreCodes, "total");
    assert.equal(total.size, n);
    for (const [code, d] of direct) {
      assert.ok(d >= 0 && d <= 1, code);
      const tt = total.get(code) as number;
      assert.ok(tt >= 0 && tt <= 1, code);
    }
  });
});

describe("validateIoTable", () => {
  test("accepts the worked example", () => {
    validateIoTable(table, { knownCodes: new Set(["A", "C", "J", "K"]) });
  });

  test("a row with the wrong number of values is not square and names the industry", () => {
    const z = [
      [10, 40, 0],
      [20, 40],
      [0, 20, 10],
    ];
    rejects(
      () => validateIoTable(variant({ z })),
      "z[1]",
      /not square: industry "C" \(row 2\) has 2 values, expected 3/,
    );
    rejects(() => validateIoTable(variant({ z: z.slice(0, 2) })), "z", /Z has 2 rows, expected 3/);
  });

  test("outputs and value added need one value per industry", () => {
    rejects(
      () => validateIoTable(variant({ output: [100, 200] })),
      "output",
      /output has 2 values, expected 3/,
    );
    rejects(
      () => validateIoTable(variant({ valueAdded: [70] })),
      "valueAdded",
      /valueAdded has 1 values, expected 3/,
    );
  });

  test("codes must be non-empty, distinct and, when a list is given, known", () => {
    rejects(() => validateIoTable(variant({ codes: ["A", " ", "J"] })), "codes[1]", /code of row 2 is empty/);
    rejects(
      () => validateIoTable(variant({ codes: ["A", "C", "A"] })),
      "codes[2]",
      /"A" appears twice \(rows 1 and 3\)/,
    );
    rejects(
      () => validateIoTable(table, { knownCodes: new Set(["A", "J"]) }),
      "codes[1]",
      /industry "C" \(row 2\) is not a known industry code/,
    );
    rejects(
      () => validateIoTable(variant({ codes: [], z: [], output: [], valueAdded: [] })),
      "codes",
      /no industries/,
    );
  });

  test("a negative flow names both industries, its row and its column", () => {
    const z = [
      [10, 40, 0],
      [20, 40, -1],
      [0, 20, 10],
    ];
    rejects(
      () => validateIoTable(variant({ z })),
      "z[1][2]",
      /z from industry "C" to "J" \(row 2, column 3\) is negative/,
    );
  });

  test("a number that is not finite is refused wherever it is", () => {
    const z = [
      [10, Number.NaN, 0],
      [20, 40, 10],
      [0, 20, 10],
    ];
    rejects(() => validateIoTable(variant({ z })), "z[0][1]", /not a finite number/);
    rejects(
      () => validateIoTable(variant({ valueAdded: [70, Infinity, 30] })),
      "valueAdded[1]",
      /not a finite number/,
    );
    rejects(() => validateIoTable(variant({ year: 2019.5 })), "year", /not a whole number/);
  });

  test("output must be positive", () => {
    rejects(
      () => validateIoTable(variant({ output: [100, 0, 50] })),
      "output[1]",
      /output of industry "C" \(column 2\) is 0/,
    );
  });

  test("a column whose inputs exceed its output beyond the tolerance is refused", () => {
    // Column J: inputs 20 against output 19.9 is within 1% (19.9 × 1.01 = 20.099); against 19.7 it is not.
    validateIoTable(variant({ output: [100, 200, 19.9], valueAdded: [70, 100, 0] }));
    rejects(
      () => validateIoTable(variant({ output: [100, 200, 19.7], valueAdded: [70, 100, 0] })),
      "z[*][2]",
      /inputs of industry "J" \(column 3\) sum to 20, more than its output 19.7/,
    );
  });

  test("value added must be output − inputs within a tolerance relative to output", () => {
    // Column C: 200 − 100 = 100; 101.9 is within 1% of 200 (2), 103 is not, but is within 2%.
    validateIoTable(variant({ valueAdded: [70, 101.9, 30] }));
    rejects(
      () => validateIoTable(variant({ valueAdded: [70, 103, 30] })),
      "valueAdded[1]",
      /value added of industry "C" \(column 2\) is 103, but output − inputs = 200 − 100 = 100/,
    );
    validateIoTable(variant({ valueAdded: [70, 103, 30] }), { tolerance: 0.02 });
  });

  test("the computations check structure but not the accounting identities", () => {
    // Value added far off: validateIoTable refuses it, the intensities do not need it.
    const t = variant({ valueAdded: [0, 0, 0] });
    assert.throws(() => validateIoTable(t), /value added/);
    close(digitalIntensity(t, core, "direct").get("C") as number, 0.2);
    rejects(() => technicalCoefficients(variant({ output: [100, -1, 50] })), "output[1]", /must be > 0/);
  });
});
