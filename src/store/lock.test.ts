import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import { lockDataDir } from "./lock.ts";

/** The pid of a process that has already exited. */
function deadPid(): number {
  const res = spawnSync(process.execPath, ["-e", ""]);
  assert.ok(res.pid, "the short-lived child started");
  return res.pid;
}

const lockJson = (pid: number, command: string) =>
  JSON.stringify({ pid, command, since: "2025-07-01T08:00:00.000Z" });

describe("lockDataDir", () => {
  let live: ChildProcess;
  let dir: string;
  let lockFile: string;

  before(async () => {
    live = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    await once(live, "spawn");
  });
  after(async () => {
    live.kill();
  });
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), "dxm-lock-")), "data");
    lockFile = join(dir, "dxm.lock");
  });
  afterEach(() => {
    rmSync(join(dir, ".."), { recursive: true, force: true });
  });

  it("takes a free folder, creating it, and writes its pid, command and time", () => {
    const release = lockDataDir(dir, "dxm seed");
    try {
      const info = JSON.parse(readFileSync(lockFile, "utf8"));
      assert.equal(info.pid, process.pid);
      assert.equal(info.command, "dxm seed");
      assert.ok(!Number.isNaN(Date.parse(info.since)), `since: ${info.since}`);
    } finally {
      release();
    }
  });

  it("removes the lock file on release, and a second release does nothing", () => {
    const release = lockDataDir(dir, "dxm seed");
    release();
    assert.equal(existsSync(lockFile), false);
    release();
    assert.equal(existsSync(lockFile), false);
  });

  it("lets the folder be taken again after release", () => {
    lockDataDir(dir, "dxm migrate")();
    const release = lockDataDir(dir, "dxm recompute");
    assert.equal(JSON.parse(readFileSync(lockFile, "utf8")).command, "dxm recompute");
    release();
  });

  it("refuses a folder held by another live process with data_dir_locked naming its pid and command", () => {
    mkdirSync(dir);
    writeFileSync(lockFile, lockJson(live.pid!, "dxm serve"));
    assert.throws(
      () => lockDataDir(dir, "dxm recompute"),
      (e: unknown) => {
        assert.ok(e instanceof DxmError);
        assert.equal(e.code, "data_dir_locked");
        assert.equal(e.field, "DXM_DATA_DIR");
        assert.match(e.message, new RegExp(`in use by process ${live.pid} \\(dxm serve`));
        assert.match(e.message, /stop that process/);
        assert.match(e.message, /DATABASE_URL/);
        assert.match(e.messageVi, new RegExp(`tiến trình ${live.pid} \\(dxm serve\\)`));
        assert.equal(e.details?.pid, live.pid);
        return true;
      },
    );
    assert.equal(JSON.parse(readFileSync(lockFile, "utf8")).pid, live.pid, "the holder keeps its lock");
  });

  it("leaves no working files beside the lock, whether it takes the folder or is refused", () => {
    const release = lockDataDir(dir, "dxm seed");
    assert.deepEqual(readdirSync(dir), ["dxm.lock"]);
    release();
    assert.deepEqual(readdirSync(dir), []);
    writeFileSync(lockFile, lockJson(live.pid!, "dxm serve"));
    assert.throws(() => lockDataDir(dir, "dxm recompute"));
    assert.deepEqual(readdirSync(dir), ["dxm.lock"]);
    writeFileSync(lockFile, lockJson(deadPid(), "dxm serve"));
    lockDataDir(dir, "dxm recompute")();
    assert.deepEqual(readdirSync(dir), []);
  });

  it("replaces a stale lock left by a dead process", () => {
    mkdirSync(dir);
    writeFileSync(lockFile, lockJson(deadPid(), "dxm serve"));
    const release = lockDataDir(dir, "dxm recompute");
    try {
      const info = JSON.parse(readFileSync(lockFile, "utf8"));
      assert.equal(info.pid, process.pid);
      assert.equal(info.command, "dxm recompute");
    } finally {
      release();
    }
  });

  for (const [what, text] of [
    ["garbage", "not json {"],
    ["empty (half-written)", ""],
    ["JSON without a pid", '{"command":"dxm serve"}'],
  ] as const) {
    it(`treats an unreadable lock file (${what}) as stale and takes it over`, () => {
      mkdirSync(dir);
      writeFileSync(lockFile, text);
      const release = lockDataDir(dir, "dxm seed");
      try {
        assert.equal(JSON.parse(readFileSync(lockFile, "utf8")).pid, process.pid);
      } finally {
        release();
      }
    });
  }

  it("does not remove on release a lock that another process has taken over meanwhile", () => {
    const release = lockDataDir(dir, "dxm seed");
    writeFileSync(lockFile, lockJson(live.pid!, "dxm serve"));
    release();
    assert.equal(JSON.parse(readFileSync(lockFile, "utf8")).pid, live.pid);
  });

  for (const pid of [0, -1]) {
    it(`treats a lock naming pid ${pid}, which is not a process, as stale`, () => {
      mkdirSync(dir);
      writeFileSync(lockFile, lockJson(pid, "dxm serve"));
      const release = lockDataDir(dir, "dxm seed");
      try {
        assert.equal(JSON.parse(readFileSync(lockFile, "utf8")).pid, process.pid);
      } finally {
        release();
      }
    });
  }

  it("removes its exit listener on release, so repeated takes leak nothing", () => {
    const before = process.listenerCount("exit");
    for (let i = 0; i < 20; i++) lockDataDir(dir, "dxm seed")();
    assert.equal(process.listenerCount("exit"), before);
  });
});
