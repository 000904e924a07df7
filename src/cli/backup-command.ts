/**
 * `dxm backup FILE`, `dxm restore FILE`, `dxm check`: a whole database to one portable file and
 * back (PGlite or PostgreSQL, either way; services/backup.ts), and the integrity check
 * (services/integrity.ts). With PGlite the data folder's lock keeps these away from a running
 * server: stop it first. With PostgreSQL a backup is one consistent snapshot while the server runs.
 */
import { parseArgs } from "node:util";
import { backupDatabase, restoreDatabase } from "../services/backup.ts";
import { checkIntegrity } from "../services/integrity.ts";
import type { Store } from "../store/db.ts";
import { createOutput, EXIT, UsageError } from "./output.ts";

export interface BackupCommandContext {
  withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T>;
}

export const BACKUP_HELP = `  backup FILE [--force]         the whole database to FILE (gzip, portable between PGlite and
                                PostgreSQL; one consistent snapshot); --force overwrites FILE
  restore FILE [--force]        FILE into an empty database (or data folder), then the integrity
                                check; --force replaces everything in a database that holds data
  check                         integrity check: reports, observations, audit log, computed values
                                (exit code 1 when a check fails)
`;

function parse(argv: string[], positionals: number) {
  try {
    const r = parseArgs({
      args: argv,
      options: { format: { type: "string" }, force: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (r.positionals.length > positionals)
      throw new Error(`unexpected argument "${r.positionals[positionals]}"`);
    return r;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function output(format: unknown) {
  if (format !== undefined && format !== "json" && format !== "table") {
    throw new UsageError(`--format must be table or json (got "${String(format)}")`);
  }
  return createOutput(format === "json" || format === "table" ? { format } : {});
}

export async function runBackupCommand(argv: string[], ctx: BackupCommandContext): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "backup" || command === "restore") {
    const { values, positionals } = parse(rest, 1);
    const out = output(values.format);
    const file = positionals[0];
    if (!file) throw new UsageError(`${command}: give the file: \`dxm ${command} FILE\``);
    if (command === "backup") {
      const r = await ctx.withStore("backup", (store) =>
        backupDatabase(store, file, { force: values.force === true }),
      );
      out.result({
        file: r.file,
        tables: r.tables,
        rows: r.rows,
        bytes: r.bytes,
        schema: r.migrations.at(-1),
      });
      return EXIT.ok;
    }
    const { restored, check } = await ctx.withStore("restore", async (store) => {
      const restored = await restoreDatabase(store, file, { force: values.force === true });
      return { restored, check: await checkIntegrity(store) };
    });
    out.result({
      file: restored.file,
      tables: restored.tables,
      rows: restored.rows,
      schema: restored.migrations.at(-1),
      upgraded: restored.upgraded.length ? restored.upgraded.join(", ") : "(none)",
      integrity: check.ok ? "ok" : "FAILED",
    });
    if (!check.ok) {
      for (const c of check.checks.filter((x) => !x.ok))
        out.info(`check ${c.name} failed: ${c.problems.join("; ")}`);
      return EXIT.error;
    }
    return EXIT.ok;
  }
  if (command === "check") {
    const { values } = parse(rest, 0);
    const out = output(values.format);
    const report = await ctx.withStore("check", (store) => checkIntegrity(store));
    out.rows(
      report.checks.map((c) => ({
        check: c.name,
        ok: c.ok,
        rule: c.description,
        problems: c.problems.join("; "),
      })),
    );
    out.info(report.ok ? "integrity: ok" : "integrity: FAILED (see the problems above)");
    return report.ok ? EXIT.ok : EXIT.error;
  }
  throw new UsageError(`unknown command ${command}`);
}
