/** `dxm release …` through runReleaseCommand on a test database with a fixed clock, JSON output. */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { recompute } from "../services/recompute.ts";
import { referenceBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { createOutput, UsageError } from "./output.ts";
import { runReleaseCommand } from "./release-command.ts";

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

for (const backend of await referenceBackends()) {
  describe(`dxm release on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let clock = new Date("2026-11-20T03:00:00Z");
    before(async () => {
      store = await backend.open();
      await upsertObservations(
        store.db,
        [
          {
            series: "reported",
            code: "GRDP",
            target: "element",
            geography: "2025",
            area: "79",
            period: "2026-Q3",
            value: 500_000,
            status: "preliminary",
            note: null,
          },
        ],
        "test",
      );
      await recompute(store, { series: ["reported"] });
    });
    after(async () => store?.close());

    async function dxm(argv: string[]) {
      const stdout = sink();
      const stderr = sink();
      const code = await runReleaseCommand(argv, {
        withStore: (_command, fn) => fn(store),
        out: createOutput({ format: "json", stdout: stdout.stream, stderr: stderr.stream }),
        now: () => clock,
      });
      const out = stdout.text();
      return { code, json: out ? JSON.parse(out) : undefined, stderr: stderr.text() };
    }

    it("prepares, schedules in Vietnam time and lists a release", async () => {
      const p = await dxm(["prepare", "--period", "2026-Q3"]);
      assert.equal(p.code, 0);
      assert.equal(p.json.state, "draft");
      assert.equal(p.json.new, 1 + p.json.values);
      const s = await dxm(["schedule", String(p.json.id), "--at", "2026-12-15T09:00+07:00"]);
      assert.equal(s.json.release_at, "2026-12-15T09:00:00+07:00");
      assert.match(s.stderr, /embargoed until 2026-12-15T09:00:00\+07:00 \(2026-12-15T02:00:00.000Z\)/);
      clock = new Date("2026-12-15T02:00:00Z");
      const l = await dxm(["list"]);
      assert.deepEqual(
        l.json.map((r: { id: number; state: string }) => [r.id, r.state]),
        [[p.json.id, "published"]],
      );
      const show = await dxm(["show", String(p.json.id)]);
      assert.ok(show.json.some((c: { code: string; new: number }) => c.code === "GRDP" && c.new === 500_000));
    });

    it("says how to call it when an argument is missing or wrong", async () => {
      await assert.rejects(dxm(["prepare"]), UsageError);
      await assert.rejects(dxm(["schedule", "x", "--at", "2026-12-20T09:00"]), UsageError);
      await assert.rejects(dxm(["publish"]), UsageError);
      await assert.rejects(dxm(["delete", "1"]), (e) => e instanceof DxmError && e.code === "conflict");
    });
  });
}
