import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { createOutput, EXIT, reportError, UsageError } from "./output.ts";

/** A write stream that collects what is written; `isTTY` says whether it pretends to be a terminal. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = {
    isTTY,
    text: "",
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colour codes of the table head
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

const ROWS = [
  { series: "gso_official", observations: 6, share: 12.83 },
  { series: "mic_estimate", observations: 19, share: null },
];

describe("CLI output", () => {
  it("prints JSON when stdout is not a terminal and no format is asked for", () => {
    const stdout = fakeStream(false);
    const stderr = fakeStream(false);
    const out = createOutput({ stdout, stderr });
    assert.equal(out.format, "json");
    out.rows(ROWS);
    assert.deepEqual(JSON.parse(stdout.text), ROWS);
    assert.equal(stderr.text, "");
  });

  it("prints a table when stdout is a terminal and no format is asked for", () => {
    const out = createOutput({ stdout: fakeStream(true), stderr: fakeStream(true) });
    assert.equal(out.format, "table");
  });

  it("prints JSON on a terminal when the format json is asked for", () => {
    const stdout = fakeStream(true);
    const out = createOutput({ format: "json", stdout, stderr: fakeStream(true) });
    out.result({ areas: 111, demo_rows: "(not loaded)" });
    assert.deepEqual(JSON.parse(stdout.text), { areas: 111, demo_rows: "(not loaded)" });
  });

  it("prints rows as a table with a heading per column and the row count on stderr when the format is table", () => {
    const stdout = fakeStream(false);
    const stderr = fakeStream(false);
    const out = createOutput({ format: "table", stdout, stderr });
    out.rows(ROWS);
    const text = plain(stdout.text);
    assert.throws(() => JSON.parse(stdout.text));
    const lines = text.split("\n").filter((l) => l.includes("│"));
    assert.match(lines[0]!, /series\s*│\s*observations\s*│\s*share/);
    assert.match(text, /gso_official\s*│\s*6\s*│\s*12\.83\s*│/);
    assert.match(text, /mic_estimate\s*│\s*19\s*│\s*│/, "null prints as an empty cell");
    assert.equal(stderr.text, "2 rows\n");
  });

  it("prints only the columns it is given, in that order", () => {
    const stdout = fakeStream(false);
    createOutput({ format: "table", stdout, stderr: fakeStream(false) }).rows(ROWS, ["observations"]);
    const text = plain(stdout.text);
    assert.match(text, /observations/);
    assert.doesNotMatch(text, /series|gso_official/);
  });

  it("prints a result as a key/value table when the format is table", () => {
    const stdout = fakeStream(false);
    createOutput({ format: "table", stdout, stderr: fakeStream(false) }).result({
      areas: 111,
      recompute_ms: 24,
    });
    const text = plain(stdout.text);
    assert.match(text, /areas\s*│\s*111/);
    assert.match(text, /recompute_ms\s*│\s*24/);
  });

  it("writes raw text to stdout and messages to stderr", () => {
    const stdout = fakeStream(false);
    const stderr = fakeStream(false);
    const out = createOutput({ stdout, stderr });
    out.write("a,b\n");
    out.info("recomputed in 12 ms");
    assert.equal(stdout.text, "a,b\n");
    assert.equal(stderr.text, "recomputed in 12 ms\n");
  });

  it("shows progress on a non-terminal stderr as one line per step, and nothing on stdout", () => {
    const stdout = fakeStream(false);
    const stderr = fakeStream(false);
    const progress = createOutput({ stdout, stderr }).progress();
    progress.update("migrate", 0, 4);
    progress.update("reference catalogue", 1, 4);
    progress.update("recompute", 2, 4);
    progress.update("recompute", 3, 4);
    progress.update("done", 4, 4);
    progress.stop();
    assert.equal(stderr.text, "… migrate\n… reference catalogue\n… recompute\n… done\n");
    assert.equal(stdout.text, "");
  });
});

describe("reportError", () => {
  const report = (e: unknown, debug = false) => {
    const stderr = fakeStream(false);
    const code = reportError(e, { stderr, debug });
    return { code, text: stderr.text };
  };

  it("returns 2 for a usage error and tells where to find the commands", () => {
    const { code, text } = report(new UsageError('unknown command "frob"'));
    assert.equal(code, EXIT.usage);
    assert.equal(code, 2);
    assert.match(text, /^dxm: unknown command "frob"\n/);
    assert.match(text, /dxm help/);
  });

  it("returns 2 for a DxmError with a 4xx code and prints the English and Vietnamese messages", () => {
    const { code, text } = report(
      new DxmError("invalid_period", 'period: "2024-Q5" is not a period', {
        field: "period",
        messageVi: 'period: "2024-Q5" không phải kỳ hợp lệ',
      }),
    );
    assert.equal(code, 2);
    assert.match(text, /dxm: period: "2024-Q5" is not a period\n/);
    assert.match(text, /period: "2024-Q5" không phải kỳ hợp lệ\n/);
  });

  it("prints the message once when a DxmError has no Vietnamese message of its own", () => {
    const { code, text } = report(new DxmError("not_found", "indicator: no indicator with code X"));
    assert.equal(code, 2);
    assert.equal(text, "dxm: indicator: no indicator with code X\n");
  });

  it("returns 3 for a locked data folder", () => {
    const { code, text } = report(
      new DxmError("data_dir_locked", "The data folder is in use by process 42", {
        messageVi: "Thư mục dữ liệu đang được tiến trình 42 sử dụng",
      }),
    );
    assert.equal(code, EXIT.locked);
    assert.equal(code, 3);
    assert.match(text, /in use by process 42/);
    assert.match(text, /Thư mục dữ liệu đang được tiến trình 42 sử dụng/);
  });

  it("returns 4 when the database is unavailable", () => {
    const { code } = report(new DxmError("database_unavailable", "Could not open the embedded database"));
    assert.equal(code, EXIT.databaseUnavailable);
    assert.equal(code, 4);
  });

  it("returns 1 for a DxmError with a 5xx code", () => {
    assert.equal(report(new DxmError("internal", "something broke")).code, 1);
  });

  it("returns 1 for a plain Error and hides the stack unless debugging", () => {
    const quiet = report(new Error("boom"));
    assert.equal(quiet.code, EXIT.error);
    assert.equal(quiet.code, 1);
    assert.match(quiet.text, /^dxm: boom\n/);
    assert.match(quiet.text, /DXM_DEBUG=true/);
    assert.doesNotMatch(quiet.text, /output\.test\.ts/);

    const loud = report(new Error("boom"), true);
    assert.equal(loud.code, 1);
    assert.match(loud.text, /output\.test\.ts/, "the stack trace is printed");
  });

  it("returns 1 for a thrown value that is not an Error", () => {
    const { code, text } = report("just a string");
    assert.equal(code, 1);
    assert.match(text, /^dxm: just a string\n/);
  });
});
