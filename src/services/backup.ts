/**
 * Backup and restore of a whole database, PGlite or PostgreSQL, in one portable format of our own
 * (so no `pg_dump` is needed and a backup of one kind restores into the other):
 *
 *   gzip( NDJSON )
 *   {"format":"dxmonitor-backup","version":1,"created_at":…,"database":"pglite","migrations":[…],"tables":[{"name":…,"rows":N},…]}
 *   {"table":"area","rows":N}        then N lines, one row each (the row as a JSON object)
 *   …                                 tables in foreign-key order, parents first
 *   {"end":true,"sha256":"…"}        hash of every line before it
 *
 * Backup reads every table in one REPEATABLE READ transaction, so the file is one consistent
 * snapshot even while a PostgreSQL server keeps serving (PGlite: the data folder's lock keeps the
 * server out). The file is written beside its destination and renamed into place when complete.
 *
 * Restore checks the whole file (format, version, hash, counts) before touching the database, then
 * migrates the empty database to the backup's migration, loads every table in one transaction
 * (all or nothing), resets sequences, and migrates to the latest version. It refuses a database that
 * holds data unless `force` (which drops every table first).
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { DxmError } from "../domain/errors.ts";
import { migrateToLatest, type Store } from "../store/db.ts";
import {
  appliedMigrations,
  dropAllTables,
  insertRowsJson,
  listTables,
  resetSequences,
  tableCounts,
  tableRowsJson,
} from "../store/dump-repo.ts";
import { migrations as knownMigrations } from "../store/migrations/index.ts";

export const BACKUP_FORMAT = "dxmonitor-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: string;
  version: number;
  created_at: string;
  database: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export interface BackupReport {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  migrations: string[];
}

function backupError(message: string, messageVi: string): DxmError {
  return new DxmError("invalid_data", message, { field: "file", messageVi });
}

/** Writes a backup of the whole database to `file`; refuses to overwrite it unless `force`. */
export async function backupDatabase(
  store: Store,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupReport> {
  if (existsSync(file) && !options.force) {
    throw new DxmError("conflict", `${file} exists: choose another name or add --force to overwrite it`, {
      field: "file",
      messageVi: `${file} đã tồn tại: chọn tên khác hoặc thêm --force để ghi đè`,
    });
  }
  const tmp = `${file}.${process.pid}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(tmp);
  gzip.pipe(out);
  const hash = createHash("sha256");
  const write = async (line: string) => {
    hash.update(line).update("\n");
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  let rows = 0;
  let header: BackupHeader | undefined;
  try {
    await store.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        const migrations = await appliedMigrations(trx);
        const tables = await listTables(trx);
        const counts = await tableCounts(trx);
        header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          created_at: new Date().toISOString(),
          database: store.kind,
          migrations,
          tables: tables.map((name) => ({ name, rows: counts[name] ?? 0 })),
        };
        await write(JSON.stringify(header));
        for (const t of tables) {
          const data = await tableRowsJson(trx, t);
          await write(JSON.stringify({ table: t, rows: data.length }));
          for (const r of data) await write(r);
          rows += data.length;
        }
      });
    gzip.end(`${JSON.stringify({ end: true, sha256: hash.digest("hex") })}\n`);
    await once(out, "close");
    renameSync(tmp, file);
  } catch (e) {
    gzip.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw e;
  }
  return {
    file,
    tables: header!.tables.length,
    rows,
    bytes: statSync(file).size,
    migrations: header!.migrations,
  };
}

/** Reads a backup line by line: the header, then each table with its rows (as JSON text). */
async function* readBackup(
  file: string,
): AsyncGenerator<
  { kind: "header"; header: BackupHeader } | { kind: "table"; name: string; rows: string[] } | { kind: "end" }
> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const hash = createHash("sha256");
  let header: BackupHeader | undefined;
  let current: { name: string; rows: string[]; expected: number } | undefined;
  let ended = false;
  try {
    for await (const line of lines) {
      if (ended)
        throw backupError(`${file}: data after the end mark`, `${file}: có dữ liệu sau dấu kết thúc`);
      if (!header) {
        let h: Partial<BackupHeader>;
        try {
          h = JSON.parse(line) as Partial<BackupHeader>;
        } catch {
          h = {};
        }
        if (h.format !== BACKUP_FORMAT) {
          throw backupError(`${file} is not a dxmonitor backup`, `${file} không phải bản sao lưu dxmonitor`);
        }
        if (h.version !== BACKUP_VERSION) {
          throw backupError(
            `${file} is a backup of format version ${h.version}; this dxmonitor reads version ${BACKUP_VERSION}`,
            `${file} là bản sao lưu định dạng ${h.version}; phiên bản này đọc định dạng ${BACKUP_VERSION}`,
          );
        }
        header = h as BackupHeader;
        hash.update(line).update("\n");
        yield { kind: "header", header };
        continue;
      }
      if (current && current.rows.length < current.expected) {
        current.rows.push(line);
        hash.update(line).update("\n");
        continue;
      }
      if (current) {
        yield { kind: "table", name: current.name, rows: current.rows };
        current = undefined;
      }
      const mark = JSON.parse(line) as { table?: string; rows?: number; end?: boolean; sha256?: string };
      if (mark.end) {
        if (mark.sha256 !== hash.digest("hex")) {
          throw backupError(
            `${file} is damaged: its checksum does not match`,
            `${file} bị hỏng: mã kiểm tra không khớp`,
          );
        }
        ended = true;
        continue;
      }
      if (typeof mark.table !== "string" || typeof mark.rows !== "number") {
        throw backupError(`${file} is damaged: a table mark is missing`, `${file} bị hỏng: thiếu dấu bảng`);
      }
      hash.update(line).update("\n");
      current = { name: mark.table, rows: [], expected: mark.rows };
      if (mark.rows === 0) {
        yield { kind: "table", name: current.name, rows: [] };
        current = undefined;
      }
    }
  } catch (e) {
    if (e instanceof DxmError) throw e;
    throw backupError(
      `${file} is not a readable backup (${(e as Error).message})`,
      `${file} không phải bản sao lưu đọc được (${(e as Error).message})`,
    );
  }
  if (!ended) {
    throw backupError(
      `${file} is incomplete: the end mark is missing (was the backup interrupted?)`,
      `${file} không đầy đủ: thiếu dấu kết thúc (sao lưu bị ngắt?)`,
    );
  }
  yield { kind: "end" };
}

/** Checks a backup file end to end without touching any database; returns its header. */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  if (!existsSync(file)) {
    throw new DxmError("not_found", `${file} does not exist`, {
      field: "file",
      messageVi: `${file} không tồn tại`,
    });
  }
  let header: BackupHeader | undefined;
  const seen = new Map<string, number>();
  for await (const item of readBackup(file)) {
    if (item.kind === "header") header = item.header;
    if (item.kind === "table") seen.set(item.name, item.rows.length);
  }
  for (const t of header!.tables) {
    if (seen.get(t.name) !== t.rows) {
      throw backupError(
        `${file} is damaged: table ${t.name} should have ${t.rows} rows`,
        `${file} bị hỏng: bảng ${t.name} phải có ${t.rows} dòng`,
      );
    }
  }
  const unknown = header!.migrations.filter((m) => !(m in knownMigrations));
  if (unknown.length) {
    throw backupError(
      `${file} was made by a newer dxmonitor (migrations ${unknown.join(", ")}): update dxmonitor first`,
      `${file} được tạo bởi phiên bản dxmonitor mới hơn (${unknown.join(", ")}): hãy cập nhật trước`,
    );
  }
  return header!;
}

export interface RestoreReport {
  file: string;
  tables: number;
  rows: number;
  migrations: string[];
  /** Migrations applied after loading (the backup was older than this dxmonitor). */
  upgraded: string[];
}

/** Restores a backup into an empty database (or, with `force`, over an existing one). */
export async function restoreDatabase(
  store: Store,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const header = await verifyBackup(file);
  const counts = await tableCounts(store.db);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length && !options.force) {
    throw new DxmError(
      "conflict",
      `The database is not empty (${filled.length} tables hold data, e.g. ${filled[0]![0]}): restore only into an empty database, or add --force to replace everything in it`,
      {
        field: "database",
        messageVi: `Cơ sở dữ liệu không trống (${filled.length} bảng có dữ liệu): chỉ khôi phục vào cơ sở dữ liệu trống, hoặc thêm --force để thay thế toàn bộ`,
      },
    );
  }
  if (options.force || (await appliedMigrations(store.db)).length > 0) await dropAllTables(store.db);
  const last = header.migrations.at(-1);
  if (last) await migrateToLatest(store, last);
  let rows = 0;
  await store.db.transaction().execute(async (trx) => {
    const present = new Set(await listTables(trx));
    for await (const item of readBackup(file)) {
      if (item.kind !== "table") continue;
      if (!present.has(item.name)) {
        throw backupError(
          `${file}: table ${item.name} does not exist at migration ${last}`,
          `${file}: bảng ${item.name} không có ở phiên bản ${last}`,
        );
      }
      await insertRowsJson(trx, item.name, item.rows);
      rows += item.rows.length;
    }
    await resetSequences(trx);
  });
  const upgraded = await migrateToLatest(store);
  return { file, tables: header.tables.length, rows, migrations: header.migrations, upgraded };
}
