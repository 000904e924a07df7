import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import type { Store } from "../store/db.ts";
import {
  csvCell,
  csvLine,
  iterateObservations,
  jsonLine,
  OBSERVATION_COLUMNS,
  observationRecord,
  observationsCsv,
} from "./export.ts";
import { referenceBackends } from "./testing.ts";

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("csvLine", () => {
  it("writes the columns of OBSERVATION_COLUMNS in order, each cell as csvCell does", () => {
    const o = {
      indicator: "DE_SHARE_GDP",
      geography: "2025" as const,
      area: "79",
      period: "2026-Q3",
      periodEnd: "2026-09-30",
      series: "reported",
      value: -1.5,
      numerator: null,
      denominator: 200,
      complete: false,
      missing: ["=A1", "B,2"],
      completeness: 0.5,
      method: '=HYPERLINK("x")',
      status: "preliminary" as const,
    };
    const rec = observationRecord({ ...o, unit: "percent" });
    const expected = `${OBSERVATION_COLUMNS.map((c) => csvCell(rec[c])).join(",")}\n`;
    assert.equal(csvLine(o, "percent"), expected);
    assert.equal(csvLine(o, null), expected.replace(/,percent\n$/, ",\n"));
    assert.equal(jsonLine(o, "percent"), JSON.stringify(rec), "the JSON line is the record's JSON");
  });
});

describe("csvCell", () => {
  for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "-3.5"]) {
    it(`neutralises text starting with ${JSON.stringify(text[0])} with a leading apostrophe: ${JSON.stringify(text)}`, () => {
      const cell = csvCell(text);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell;
      assert.equal(unquoted, `'${text}`);
    });
  }

  it("quotes a neutralised cell that also holds a carriage return", () => {
    assert.equal(csvCell("\rcmd"), `"'\rcmd"`);
  });

  it("neutralises before quoting, so the apostrophe sits inside the quotes", () => {
    assert.equal(csvCell('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`);
  });

  it("leaves text that only contains = + - @ after the first character alone", () => {
    assert.equal(csvCell("a=b-c+d@e"), "a=b-c+d@e");
    assert.equal(csvCell("direct@1"), "direct@1");
  });

  it("quotes text with a comma, a double quote or a newline, doubling the quotes", () => {
    assert.equal(csvCell("Hà Nội, Việt Nam"), '"Hà Nội, Việt Nam"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell("two\nlines"), '"two\nlines"');
  });

  it("leaves numbers alone, negative numbers included", () => {
    assert.equal(csvCell(12.83), "12.83");
    assert.equal(csvCell(0), "0");
    assert.equal(csvCell(-3.5), "-3.5");
    assert.equal(csvCell(-0.25), "-0.25");
  });

  it("writes null, undefined and non-finite numbers as empty cells", () => {
    assert.equal(csvCell(null), "");
    assert.equal(csvCell(undefined), "");
    assert.equal(csvCell(Number.NaN), "");
    assert.equal(csvCell(Number.POSITIVE_INFINITY), "");
  });

  it("writes booleans as true and false", () => {
    assert.equal(csvCell(true), "true");
    assert.equal(csvCell(false), "false");
  });

  it("joins a list with spaces, neutralising it as a whole", () => {
    assert.equal(csvCell(["01", "79"]), "01 79");
    assert.equal(csvCell(["=1", "2"]), "'=1 2");
    assert.equal(csvCell([]), "");
  });

  it("leaves plain text alone", () => {
    assert.equal(csvCell("gso_official"), "gso_official");
    assert.equal(csvCell("Thành phố Hồ Chí Minh"), "Thành phố Hồ Chí Minh");
  });
});

for (const backend of await referenceBackends()) {
  describe(`observationsCsv on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    const header = `${OBSERVATION_COLUMNS.join(",")}\n`;

    it("yields the header first, then one line per published observation of the filter", async () => {
      const query = { indicator: ["DE_SHARE_GDP"], series: ["gso_official"] };
      const lines = await collect(observationsCsv(store, query));
      assert.equal(lines[0], header);
      const rows = lines.slice(1);
      assert.equal(rows.length, 12, "6 years × 2 geographies for the nation");
      assert.equal(rows.length, (await collect(iterateObservations(store, query))).length);
      for (const line of rows) {
        assert.ok(line.endsWith("\n"));
        assert.equal(line.trimEnd().split(",").length, OBSERVATION_COLUMNS.length, line);
      }
      const cells = rows.map((l) => l.trimEnd().split(","));
      const col = (name: (typeof OBSERVATION_COLUMNS)[number]) => OBSERVATION_COLUMNS.indexOf(name);
      assert.deepEqual(new Set(cells.map((c) => c[col("geography")])), new Set(["2008", "2025"]));
      assert.deepEqual(new Set(cells.map((c) => c[col("area")])), new Set(["VN"]));
      assert.deepEqual(new Set(cells.map((c) => c[col("series")])), new Set(["gso_official"]));
      assert.equal(new Set(cells.map((c) => c[col("period")])).size, 6);
      const y2022 = cells.filter((c) => c[col("period")] === "2022");
      assert.equal(y2022.length, 2);
      for (const c of y2022) assert.equal(c[col("value")], "12.83");
      assert.deepEqual(new Set(cells.map((c) => c[col("unit")])), new Set(["percent"]), "the unit column");
    });

    it("keeps the two national series apart", async () => {
      const gso = await collect(
        observationsCsv(store, { indicator: ["DE_SHARE_GDP"], series: ["gso_official"] }),
      );
      const mic = await collect(
        observationsCsv(store, { indicator: ["DE_SHARE_GDP"], series: ["mic_estimate"] }),
      );
      for (const line of gso.slice(1)) assert.match(line, /,gso_official,/);
      for (const line of mic.slice(1)) assert.match(line, /,mic_estimate,/);
    });

    it("pages through the observations without losing or repeating any", async () => {
      const query = { indicator: ["DE_SHARE_GDP"], series: ["gso_official"] };
      const whole = await collect(iterateObservations(store, query));
      const paged = await collect(iterateObservations(store, query, 5));
      assert.deepEqual(paged, whole);
    });

    it("yields the header alone when nothing matches", async () => {
      const lines = await collect(observationsCsv(store, { indicator: ["DE_SHARE_GDP"], period: ["1995"] }));
      assert.deepEqual(lines, [header]);
    });

    it("fails on a malformed period before yielding anything, so no header is written before the error", async () => {
      const lines = observationsCsv(store, { period: ["2024-Q5"] });
      await assert.rejects(
        () => lines.next(),
        (e: unknown) => e instanceof DxmError && e.code === "invalid_period" && e.field === "period",
      );
    });

    it("fails on an unknown indicator naming the parameter", async () => {
      await assert.rejects(
        () => collect(observationsCsv(store, { indicator: ["NOPE"] })),
        (e: unknown) => e instanceof DxmError && e.code === "unknown_code" && e.field === "indicator",
      );
    });
  });
}
