import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { digitalIntensity, validateIoTable } from "../methods/io.ts";
import { readDataFile } from "./csv.ts";
import { DEMO_IO_CSV, DEMO_IO_GDP, formatIoTableCsv, generateDemoIoTable } from "./demo-io.ts";
import { CORE_INDUSTRIES, industryCodes } from "./industries.ts";

const table = generateDemoIoTable();
const n = industryCodes.length;
const idx = (code: string) => industryCodes.indexOf(code);
const colSum = (j: number) => table.z.reduce((s, row) => s + (row[j] ?? 0), 0);
const rowSum = (i: number) => (table.z[i] ?? []).reduce((s, v) => s + v, 0);
const direct = digitalIntensity(table, CORE_INDUSTRIES, "direct");
const total = digitalIntensity(table, CORE_INDUSTRIES, "total");
const thousandths = (v: number) => Math.round(v * 1000);

describe("demo input–output table", () => {
  it("covers the 28 industries in catalogue order and is valid", () => {
    assert.equal(table.year, 2022);
    assert.deepEqual(table.codes, industryCodes);
    assert.equal(table.z.length, n);
    validateIoTable(table, { knownCodes: new Set(industryCodes), tolerance: 1e-9 });
  });

  it("has value added = output − column inputs exactly, every value in thousandths", () => {
    for (let j = 0; j < n; j++) {
      const inputs = table.z.reduce((s, row) => s + thousandths(row[j] ?? 0), 0);
      assert.equal(thousandths(table.valueAdded[j] ?? 0), thousandths(table.output[j] ?? 0) - inputs);
      assert.ok((table.valueAdded[j] ?? 0) > 0, industryCodes[j]);
    }
    for (const v of [...table.z.flat(), ...table.output, ...table.valueAdded])
      assert.ok(Math.abs(v * 1000 - thousandths(v)) < 1e-6 && v >= 0, String(v));
  });

  it("is at 2022 scale: value added ≈ 91 % of a 9.5 million billion GDP, output 2.2–2.5 × GDP", () => {
    const va = table.valueAdded.reduce((s, v) => s + v, 0);
    const output = table.output.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(va / DEMO_IO_GDP - 0.908) < 0.01, String(va));
    assert.ok(output / DEMO_IO_GDP >= 2.2 && output / DEMO_IO_GDP <= 2.5, String(output / DEMO_IO_GDP));
    const core = industryCodes
      .filter((c) => CORE_INDUSTRIES.has(c))
      .reduce((s, c) => s + (table.valueAdded[idx(c)] ?? 0), 0);
    assert.ok(Math.abs((100 * core) / DEMO_IO_GDP - 8) < 0.3, `core ${(100 * core) / DEMO_IO_GDP} % of GDP`);
  });

  it("leaves room for final demand: no industry sells more intermediate goods than it produces", () => {
    for (let i = 0; i < n; i++) {
      const r = rowSum(i) / (table.output[i] ?? 1);
      assert.ok(r < 0.95, `${industryCodes[i]}: ${r}`);
    }
  });

  it("has realistic input structures: manufacturing input-heavy, agriculture buying little ICT", () => {
    const va = (c: string) => (table.valueAdded[idx(c)] ?? 0) / (table.output[idx(c)] ?? 1);
    assert.ok(va("C") < 0.3 && va("C26") < 0.3, "manufacturing: value added under 30 % of output");
    assert.ok(va("L") > 0.5 && va("P") > 0.5 && va("O") > 0.5, "services: value added over half of output");
    assert.ok((direct.get("A") ?? 1) < 0.01 && (direct.get("F") ?? 1) < 0.01);
    // Where the core digital services sell (to non-core industries): mostly services.
    const services = ["G", "J", "K", "M", "O", "P"];
    for (const core of ["J61", "J62", "J631", "G465"]) {
      const i = idx(core);
      const toNonCore = industryCodes.filter((c) => !CORE_INDUSTRIES.has(c));
      const sold = (codes: string[]) => codes.reduce((s, c) => s + (table.z[i]?.[idx(c)] ?? 0), 0);
      assert.ok(sold(services) / sold(toNonCore) > 0.6, `${core} sells mostly to services`);
    }
    assert.ok(
      colSum(idx("M")) > 0 && (table.z[idx("J62")]?.[idx("M")] ?? 0) > (table.z[idx("J62")]?.[idx("A")] ?? 0),
    );
  });

  it("gives the services that buy the core the highest intensities, total below direct there", (t) => {
    const nonCore = industryCodes.filter((c) => !CORE_INDUSTRIES.has(c));
    const ranked = [...nonCore].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0));
    t.diagnostic(
      ranked
        .slice(0, 8)
        .map((c) => `${c} ${(direct.get(c) ?? 0).toFixed(3)}/${(total.get(c) ?? 0).toFixed(3)}`)
        .join(", "),
    );
    assert.deepEqual(ranked.slice(0, 3), ["M", "O", "P"]);
    for (const c of ["M", "O", "P", "G"]) assert.ok((total.get(c) ?? 0) < (direct.get(c) ?? 0), c);
    for (const c of nonCore) {
      const d = total.get(c) ?? -1;
      assert.ok(d >= 0 && d < 0.5, `${c}: ${d}`);
    }
  });

  it("scales to another year and varies with a seed, deterministically", () => {
    const later = generateDemoIoTable(2024);
    assert.equal(later.year, 2024);
    const ratio = (later.output[0] ?? 0) / (table.output[0] ?? 1);
    assert.ok(Math.abs(ratio - 1.08 ** 2) < 1e-6, String(ratio));
    validateIoTable(later, { tolerance: 1e-9 });
    const a = generateDemoIoTable(2022, 5);
    assert.deepEqual(a, generateDemoIoTable(2022, 5));
    assert.notDeepEqual(a.z, table.z);
    validateIoTable(a, { knownCodes: new Set(industryCodes), tolerance: 1e-9 });
    assert.deepEqual(generateDemoIoTable(), table);
  });

  it("is stored in data/io/demo-io-2022.csv exactly as generated", () => {
    // Regenerate with `npx tsx src/catalog/write-demo-io.ts` after changing demo-io.ts.
    const text = readDataFile(DEMO_IO_CSV);
    assert.equal(text, formatIoTableCsv(table));
    const rows: string[][] = parse(text);
    assert.deepEqual(rows[0], ["industry", "name", ...industryCodes, "output", "value_added"]);
    assert.equal(rows.length, n + 1);
    rows.slice(1).forEach((row, i) => {
      assert.equal(row[0], industryCodes[i]);
      assert.deepEqual(row.slice(2, 2 + n).map(Number), table.z[i]);
      assert.equal(Number(row[n + 2]), table.output[i]);
      assert.equal(Number(row[n + 3]), table.valueAdded[i]);
      for (const cell of row.slice(2)) assert.match(cell, /^\d+(\.\d{1,3})?$/);
    });
  });
});
