/** `dxm index …` through runIndexCommand on the demo database, with JSON output captured. */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { runIndexCommand } from "./index-command.ts";
import { createOutput, UsageError } from "./output.ts";

function sink(): { stream: NodeJS.WriteStream; text(): string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

for (const backend of await demoBackends()) {
  describe(`dxm index on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    async function dxm(argv: string[]) {
      const stdout = sink();
      const stderr = sink();
      const code = await runIndexCommand(argv, {
        withStore: (_c, fn) => fn(store),
        out: createOutput({ format: "json", stdout: stdout.stream, stderr: stderr.stream }),
      });
      const out = stdout.text();
      return { code, json: out ? JSON.parse(out) : undefined, stderr: stderr.text() };
    }

    it("computes dti-922 for 2024 and shows the head of each result of that year", async () => {
      const run = await dxm([
        "index",
        "compute",
        "--framework",
        "dti-922",
        "--year",
        "2024",
        "--draws",
        "200",
      ]);
      assert.equal(run.code, 0, run.stderr);
      const rows = run.json as { geography: string; basis: string; year: number; provinces: number }[];
      assert.deepEqual(
        rows.map((r) => [r.geography, r.basis, r.year, r.provinces]),
        [
          ["2008", "indicators", 2024, 63],
          ["2025", "indicators", 2024, 34],
          ["2025", "mean_of_former", 2024, 34],
        ],
      );
      assert.match(run.stderr, /index computed in \d+ ms/);
      // Only 2024 was recomputed (with 200 draws); the other years keep their stored results.
      const scores = await dxm([
        "index",
        "scores",
        "--framework",
        "dti-922",
        "--geography",
        "2008",
        "--year",
        "2024",
      ]);
      assert.match(scores.stderr, /200 draws/);
      const y2022 = await dxm([
        "index",
        "scores",
        "--framework",
        "dti-922",
        "--geography",
        "2008",
        "--year",
        "2022",
      ]);
      assert.match(y2022.stderr, /1000 draws/);
      assert.equal(y2022.json.length, 63);
    });

    it("lists the frameworks with their versions and computed years", async () => {
      const run = await dxm(["index", "list"]);
      assert.equal(run.code, 0);
      assert.deepEqual(
        run.json.map((r: { framework: string; version: string }) => [r.framework, r.version]),
        [
          ["dti-922", "922/QĐ-BTTTT"],
          ["dti-405", "405/QĐ-BKHCN"],
        ],
      );
      assert.match(run.json[0].computed, /demo 2008: 2020,2021,2022,2023,2024/);
    });

    it("rejects bad options as usage errors naming the option", async () => {
      await assert.rejects(
        dxm(["index", "compute", "--year", "20x4"]),
        (e) => e instanceof UsageError && /--year/.test(e.message),
      );
      await assert.rejects(dxm(["index", "compute", "--draws", "0"]), /--draws/);
      await assert.rejects(dxm(["index", "scores"]), /--framework/);
      await assert.rejects(
        dxm(["index", "scores", "--framework", "dti-922", "--geography", "1999"]),
        /--geography/,
      );
      await assert.rejects(dxm(["index", "frobnicate"]), /dxm index compute/);
      await assert.rejects(dxm(["index", "compute", "--framework", "nope"]), /no index framework nope/);
    });
  });
}
