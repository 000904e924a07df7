/**
 * The embedded database allows one process per data folder (DESIGN §9). The process that opens it
 * writes `dxm.lock` (PID, command, time) with an exclusive create; another process finds the lock,
 * checks whether that PID is alive, and either stops with a message saying what to do instead, or
 * (stale lock of a dead process) takes the folder over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DxmError } from "../domain/errors.ts";

interface LockInfo {
  pid: number;
  command: string;
  since: string;
}

function alive(pid: number): boolean {
  // 0 and negative numbers address process groups, not a process: such a lock is not a holder.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as Partial<LockInfo>;
    if (typeof info.pid === "number") {
      return { pid: info.pid, command: String(info.command ?? "?"), since: String(info.since ?? "?") };
    }
  } catch {
    // Unreadable or half-written lock: treated as stale below.
  }
  return undefined;
}

/** Takes the data folder's lock or throws `data_dir_locked`. Returns the release function. */
export function lockDataDir(dataDir: string, command: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "dxm.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      const info: LockInfo = { pid: process.pid, command, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(path);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new DxmError(
          "data_dir_locked",
          `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
            "The embedded database allows one process at a time: stop that process first, or use the running " +
            "server's API, or point both at a PostgreSQL server with DATABASE_URL.",
          {
            field: "DXM_DATA_DIR",
            messageVi:
              `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} (${holder.command}) sử dụng. ` +
              "Cơ sở dữ liệu nhúng chỉ cho một tiến trình: hãy dừng tiến trình đó, hoặc dùng API của máy chủ đang chạy, " +
              "hoặc dùng PostgreSQL qua DATABASE_URL.",
            details: { ...holder },
          },
        );
      }
      // Stale lock (dead process or unreadable file): remove and try once more.
      rmSync(path, { force: true });
    }
  }
  throw new DxmError("data_dir_locked", `Could not take the lock of ${dataDir}`, { field: "DXM_DATA_DIR" });
}
