/**
 * `dxm user …` and `dxm token …` through runUserCommand, on a test database, with JSON output
 * captured as the lead's main.ts would print it.
 */
import assert from "node:assert/strict";
import { Readable, Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { loadAreas } from "../catalog/areas.ts";
import { DxmError } from "../domain/errors.ts";
import { authenticateToken, login } from "../services/auth.ts";
import { upsertAreas } from "../store/catalog-repo.ts";
import type { Store } from "../store/db.ts";
import { testBackends } from "../store/testing.ts";
import { createOutput, UsageError } from "./output.ts";
import { runUserCommand } from "./user-command.ts";

const backends = await testBackends({
  name: "auth-areas",
  folders: ["src/catalog"],
  fill: async (s) => upsertAreas(s.db, loadAreas()),
});

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

for (const backend of backends) {
  describe(`dxm user and dxm token on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    async function dxm(argv: string[], stdinText?: string) {
      const stdout = sink();
      const stderr = sink();
      const code = await runUserCommand(argv, {
        withStore: (_command, fn) => fn(store),
        out: createOutput({ format: "json", stdout: stdout.stream, stderr: stderr.stream }),
        stdin: Readable.from(stdinText === undefined ? [] : [stdinText]),
      });
      const out = stdout.text();
      return { code, json: out ? JSON.parse(out) : undefined, stdout: out, stderr: stderr.text() };
    }

    it("adds a reporter with a random password printed once", async () => {
      const run = await dxm([
        "user",
        "add",
        "--email",
        "Lan@HCM.gov.vn",
        "--role",
        "reporter",
        "--areas",
        "2025:79,2025:01",
      ]);
      assert.equal(run.code, 0);
      assert.equal(run.json.email, "lan@hcm.gov.vn");
      assert.equal(run.json.areas, "2025:01,2025:79");
      assert.match(run.stderr, /shown only this once/);
      const r = await login(store, { email: "lan@hcm.gov.vn", password: run.json.password, ip: "cli-test" });
      assert.equal(r.kind, "ok");
      const list = await dxm(["user", "list"]);
      assert.equal(list.stdout.includes(run.json.password), false);
    });

    it("reads the password from standard input with --password-stdin and never prints it", async () => {
      const run = await dxm(
        [
          "user",
          "add",
          "--email",
          "admin2@x.vn",
          "--role",
          "admin",
          "--name",
          "Second admin",
          "--password-stdin",
        ],
        "a chosen password\n",
      );
      assert.equal(run.code, 0);
      assert.equal(run.json.password, undefined);
      assert.equal(run.stdout.includes("a chosen password"), false);
      const r = await login(store, { email: "admin2@x.vn", password: "a chosen password", ip: "cli-test" });
      assert.equal(r.kind, "ok");
      await assert.rejects(
        dxm(["user", "add", "--email", "e@x.vn", "--role", "analyst", "--password-stdin"], ""),
        UsageError,
      );
      await assert.rejects(
        dxm(["user", "add", "--email", "e@x.vn", "--role", "analyst", "--password-stdin"], "short\n"),
        (e: unknown) => e instanceof DxmError && e.field === "password",
      );
    });

    it("lists, disables and enables accounts, and resets a password", async () => {
      await dxm(
        ["user", "add", "--email", "mai@x.vn", "--role", "analyst", "--password-stdin"],
        "mai password 1",
      );
      const list = await dxm(["user", "list"]);
      assert.ok(
        list.json.some(
          (u: { email: string; role: string }) => u.email === "mai@x.vn" && u.role === "analyst",
        ),
      );
      const disabled = await dxm(["user", "disable", "--email", "MAI@x.vn"]);
      assert.equal(disabled.json.disabled, true);
      await assert.rejects(login(store, { email: "mai@x.vn", password: "mai password 1", ip: "cli-test" }));
      assert.equal((await dxm(["user", "enable", "--email", "mai@x.vn"])).json.disabled, false);
      const reset = await dxm(["user", "password", "--email", "mai@x.vn"]);
      assert.equal(typeof reset.json.password, "string");
      const r = await login(store, { email: "mai@x.vn", password: reset.json.password, ip: "cli-test" });
      assert.equal(r.kind, "ok");
      await assert.rejects(
        dxm(["user", "disable", "--email", "nobody@x.vn"]),
        (e: unknown) => e instanceof DxmError && e.code === "not_found",
      );
    });

    it("creates a machine token printed once, lists it without its secret, revokes it", async () => {
      const created = await dxm(["token", "create", "--name", "HCMC push", "--areas", "2025:79"]);
      assert.equal(created.code, 0);
      const secret: string = created.json.token;
      assert.match(secret, /^dxm_/);
      assert.equal((await authenticateToken(store, secret))?.name, "HCMC push");
      const list = await dxm(["token", "list"]);
      assert.equal(list.stdout.includes(secret), false);
      assert.equal(list.json[0].areas, "2025:79");
      const revoked = await dxm(["token", "revoke", "--id", String(created.json.id)]);
      assert.notEqual(revoked.json.revoked, "");
      assert.equal(await authenticateToken(store, secret), null);
    });

    it("stops on bad usage with a message naming the option", async () => {
      const usage: [string[], RegExp][] = [
        [["user", "add", "--role", "reporter"], /--email/],
        [
          ["user", "add", "--email", "a@x.vn", "--role", "root"],
          /--role must be one of admin, reviewer, reporter, analyst/,
        ],
        [
          ["user", "add", "--email", "a@x.vn", "--role", "reporter", "--areas", "79"],
          /--areas: "79" is not GEOGRAPHY:CODE/,
        ],
        [["user", "add", "--email", "a@x.vn", "--role", "analyst", "--password", "x"], /password/],
        [["user", "remove"], /user add\|list/],
        [["token", "create", "--name", "x"], /--areas/],
        [["token", "revoke", "--id", "abc"], /--id must be a token number/],
        [["token"], /token create\|list\|revoke/],
        [["user", "list", "--format", "xml"], /--format/],
      ];
      for (const [argv, message] of usage) {
        await assert.rejects(
          dxm(argv),
          (e: unknown) => e instanceof UsageError && message.test(e.message),
          argv.join(" "),
        );
      }
      await assert.rejects(
        dxm(["user", "add", "--email", "a@x.vn", "--role", "reporter", "--areas", "2025:99"]),
        (e: unknown) => e instanceof DxmError && e.code === "invalid_area",
      );
    });
  });
}
