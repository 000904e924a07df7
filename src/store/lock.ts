/**
 * The embedded database allows one process per data folder (DESIGN §9). The process that opens it
 * creates `dxm.lock` (PID, command, time) atomically; another process finds the lock,
 * checks whether that PID is alive, and either stops with a message saying what to do instead, or
 * (stale lock of a dead process) takes the folder over.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  // The lock is written in full to a private file, then linked into place: link() fails if the
  // lock exists, so the lock file is never seen empty or half-written.
  const mine = `${path}.${process.pid}`;
  const info: LockInfo = { pid: process.pid, command, since: new Date().toISOString() };
  writeFileSync(mine, JSON.stringify(info));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
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
      }
      const holder = readLock(path);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw lockedError(dataDir, holder);
      // Stale (dead process or unreadable file): move it aside. Only one process wins the rename;
      // if what it moved is no longer the stale lock it read, another process took the folder
      // in between: put that lock back and report it.
      const aside = `${path}.stale.${process.pid}`;
      try {
        renameSync(path, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw e;
      }
      const moved = readLock(aside);
      if (moved && moved.pid !== holder?.pid && alive(moved.pid)) {
        try {
          linkSync(aside, path);
        } catch {
          // Someone holds the folder again; the error below is right either way.
        }
        rmSync(aside, { force: true });
        throw lockedError(dataDir, moved);
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new DxmError("data_dir_locked", `Could not take the lock of ${dataDir}; try again`, {
    field: "DXM_DATA_DIR",
    messageVi: `Không lấy được khóa của ${dataDir}; hãy thử lại`,
  });
}

function lockedError(dataDir: string, holder: LockInfo): DxmError {
  return new DxmError(
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
