/**
 * The `dxm` command. Each subcommand opens the configured database (PGlite in DXM_DATA_DIR, or
 * PostgreSQL with DATABASE_URL), does one thing, and prints through the output module.
 */

import { once } from "node:events";
import { createWriteStream, readFileSync, realpathSync, renameSync, rmSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { progressJson } from "../api/routes/progress.ts";
import { startServer } from "../api/server.ts";
import { industryCodes } from "../catalog/industries.ts";
import { type Config, loadConfig } from "../config.ts";
import { type Geography, isAreaLevel, isGeography } from "../domain/area.ts";
import type { Comparator } from "../domain/catalog.ts";
import { tryParsePeriod } from "../domain/period.ts";
import { assessProgress } from "../methods/progress.ts";
import { removeDemoUsers } from "../services/auth.ts";
import { prepareDatabase } from "../services/bootstrap.ts";
import { iterateObservations, observationRecord, observationsCsv } from "../services/export.ts";
import { getIoTables, importIoTable, parseIoCsv } from "../services/io-tables.ts";
import { getProgress } from "../services/progress.ts";
import type { ObservationQuery } from "../services/read.ts";
import { recompute } from "../services/recompute.ts";
import { DEFAULT_DEMO_SEED, removeDemo, seedDemo, seedReference } from "../services/seed.ts";
import { migrateToLatest, openStore, type Store } from "../store/db.ts";
import { createOutput, EXIT, type Output, reportError, UsageError } from "./output.ts";
import { RELEASE_HELP, runReleaseCommand } from "./release-command.ts";
import { REPORT_HELP, runReportCommand } from "./report-command.ts";
import { runUserCommand, USER_HELP } from "./user-command.ts";

const HELP = `dxm — dxmonitor command line

Usage: dxm <command> [options]

Commands:
  migrate                       create or update the database schema
  seed [--no-demo] [--demo-seed N] [--last-quarter 2026-Q3] [--force]
                                load the reference catalogue, the published national series and
                                (unless --no-demo) the demo series; idempotent; then recompute
  recompute [--series a,b] [--force]
                                recompute every indicator for every area and period; only
                                changed values are rewritten unless --force
  serve [--port N] [--host H]   prepare the database and serve the API and web app
  progress --indicator CODE [--area CODE] [--geography 2025] [--series S] [--baseline YEAR]
           [--gdp-growth PERCENT]
                                progress toward the targets of an indicator
  progress --current VALUE@YEAR --target VALUE@YEAR [--baseline VALUE@YEAR]
           [--gdp-growth PERCENT] [--direction higher|lower] [--comparator >=]
                                the progress calculator, without the database
  io import FILE --year 2022 [--name N] [--source S]
                                load a national input–output table (CSV: industry,name,<codes…>,
                                output,value_added), replacing that year's table; then recompute
  io list                       the input–output tables loaded
  demo remove                   remove the demo series, its values and the demo input–output table
  export observations [--format csv|json] [--indicator A,B] [--geography 2025] [--area 79]
                     [--period 2024] [--series demo] [--level province] [--output FILE]
                                published observations as CSV or JSON
${USER_HELP.trimEnd()}
${REPORT_HELP.trimEnd()}
${RELEASE_HELP.trimEnd()}
  help                          this text

Global options:
  --format table|json           output format (default: table on a terminal, JSON when piped)

Environment: PORT, HOST, DXM_DATA_DIR, DATABASE_URL, DXM_DEMO_DATA, DXM_LOG_LEVEL (see .env.example).
`;

/** Parses VALUE@YEAR, e.g. 16.5@2023. */
function valueAtYear(flag: string, text: string | boolean | undefined): { year: number; value: number } {
  const m = /^(-?\d+(?:\.\d+)?)@(\d{4})$/.exec(String(text ?? ""));
  if (!m) throw new UsageError(`${flag} must be VALUE@YEAR, e.g. 16.5@2023 (got "${text ?? ""}")`);
  return { value: Number(m[1]), year: Number(m[2]) };
}

function percentArg(flag: string, text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text))
    throw new UsageError(`${flag} is a percentage such as 9 or 6.5 (got "${text}")`);
  return Number(text);
}

function splitList(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const items = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

async function openConfigured(cfg: Config, command: string): Promise<Store> {
  return openStore({
    ...(cfg.databaseUrl ? { databaseUrl: cfg.databaseUrl } : { dataDir: cfg.dataDir }),
    lockOwner: `dxm ${command}`,
  });
}

async function withStore<T>(cfg: Config, command: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfigured(cfg, command);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

type OptionSpec = Record<string, { type: "string" | "boolean" }>;

type Values = Record<string, string | boolean | undefined>;

/** Parses options; `maxPositionals` arguments (a file name) may stand among them. */
function parse(
  argv: string[],
  options: OptionSpec,
  maxPositionals = 0,
): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: "string" }, ...options },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > maxPositionals)
      throw new Error(`unexpected argument "${positionals[maxPositionals]}"`);
    return { values: values as Values, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function outputFor(format: unknown, allowed: readonly string[] = ["table", "json"]): Output {
  if (format !== undefined && !allowed.includes(String(format))) {
    throw new UsageError(`--format must be one of ${allowed.join(", ")} (got "${String(format)}")`);
  }
  return createOutput(format === "json" || format === "table" ? { format } : {});
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (e) {
    // A malformed environment variable: say which, exit as bad usage.
    return reportError(new UsageError((e as Error).message));
  }
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(HELP);
        return EXIT.ok;

      case "migrate": {
        const { values } = parse(rest, {});
        const out = outputFor(values.format);
        const applied = await withStore(cfg, "migrate", (store) => migrateToLatest(store));
        out.result({ applied: applied.length ? applied.join(", ") : "(none: schema up to date)" });
        return EXIT.ok;
      }

      case "seed": {
        const { values } = parse(rest, {
          "no-demo": { type: "boolean" },
          "demo-seed": { type: "string" },
          "last-quarter": { type: "string" },
          force: { type: "boolean" },
        });
        const out = outputFor(values.format);
        const demoSeedText = values["demo-seed"];
        const demoSeed =
          demoSeedText === undefined
            ? DEFAULT_DEMO_SEED
            : /^\d{1,10}$/.test(String(demoSeedText))
              ? Number(demoSeedText)
              : Number.NaN;
        if (!Number.isInteger(demoSeed)) throw new UsageError(`--demo-seed must be a whole number`);
        const lastQuarter = values["last-quarter"] as string | undefined;
        if (lastQuarter !== undefined && tryParsePeriod(lastQuarter)?.kind !== "Q") {
          throw new UsageError(`--last-quarter must be a quarter such as 2026-Q3 (got "${lastQuarter}")`);
        }
        const report = await withStore(cfg, "seed", async (store) => {
          const progress = out.progress();
          try {
            progress.update("migrate", 0, 4);
            await migrateToLatest(store);
            progress.update("reference catalogue", 1, 4);
            const ref = await seedReference(store);
            let demo: Awaited<ReturnType<typeof seedDemo>> | undefined;
            if (!values["no-demo"]) {
              progress.update("demo data", 2, 4);
              demo = await seedDemo(store, {
                seed: demoSeed,
                ...(lastQuarter ? { lastQuarter } : {}),
                ...(values.force ? { force: true } : {}),
              });
            }
            progress.update("recompute", 3, 4);
            const rc = await recompute(store);
            progress.update("done", 4, 4);
            return { ref, demo, rc };
          } finally {
            progress.stop();
          }
        });
        out.result({
          areas: report.ref.areas,
          data_elements: report.ref.dataElements,
          indicators: report.ref.indicators,
          targets: report.ref.targets,
          published_inserted: report.ref.published.inserted,
          published_updated: report.ref.published.updated,
          published_unchanged: report.ref.published.unchanged,
          demo_rows: report.demo ? report.demo.rows : "(not loaded)",
          demo_regenerated: report.demo ? report.demo.regenerated : false,
          computed_values: report.rc.series.reduce((n, s) => n + s.values, 0),
          recompute_ms: Math.round(report.rc.totalMs),
        });
        return EXIT.ok;
      }

      case "recompute": {
        const { values } = parse(rest, { series: { type: "string" }, force: { type: "boolean" } });
        const out = outputFor(values.format);
        const series = splitList(values.series as string | undefined);
        const report = await withStore(cfg, "recompute", async (store) => {
          const progress = out.progress();
          try {
            return await recompute(store, {
              ...(series ? { series } : {}),
              force: values.force === true,
              onProgress: (s, d, t) => progress.update(s, d, t),
            });
          } finally {
            progress.stop();
          }
        });
        out.rows(
          report.series.map((s) => ({
            series: s.code,
            observations: s.observations,
            computed_values: s.values,
            rows_written: s.written,
            engine_ms: Math.round(s.engineMs),
            total_ms: Math.round(s.totalMs),
          })),
        );
        out.info(`recomputed in ${Math.round(report.totalMs)} ms`);
        return EXIT.ok;
      }

      case "serve": {
        const { values } = parse(rest, { port: { type: "string" }, host: { type: "string" } });
        const out = outputFor(values.format);
        const port =
          values.port === undefined
            ? cfg.port
            : /^\d{1,5}$/.test(String(values.port))
              ? Number(values.port)
              : Number.NaN;
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError("--port must be 0–65535");
        const host = (values.host as string | undefined) ?? cfg.host;
        const store = await openConfigured(cfg, "serve");
        try {
          const progress = out.progress();
          const t0 = performance.now();
          let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
          try {
            prepared = await prepareDatabase(store, {
              demo: cfg.demoData,
              onProgress: (s, d, t) => progress.update(s, d, t),
            });
          } finally {
            progress.stop();
          }
          if (prepared.admin) {
            out.info(
              `Admin account created: ${prepared.admin.email} / ${prepared.admin.password}\n` +
                "  This password is shown once: log in and change it (Tài khoản quản trị; mật khẩu chỉ hiện một lần).",
            );
          }
          const server = await startServer(store, {
            port,
            host,
            logLevel: cfg.logLevel,
            secureCookies: cfg.secureCookies,
            trustProxy: cfg.trustProxy,
          });
          out.info(
            `dxmonitor ready in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${server.url} ` +
              `(database: ${store.kind}${store.kind === "pglite" ? ` in ${cfg.dataDir}` : ""}` +
              `${cfg.demoData ? ", demo data on" : ""})`,
          );
          await new Promise<void>((resolve) => {
            const stop = () => resolve();
            process.once("SIGINT", stop);
            process.once("SIGTERM", stop);
          });
          out.info("dxmonitor: stopping");
          await server.close();
        } finally {
          await store.close();
        }
        return EXIT.ok;
      }

      case "io": {
        const [sub, ...opts] = rest;
        if (sub === "list") {
          const { values } = parse(opts, {});
          const out = outputFor(values.format);
          const tables = await withStore(cfg, "io list", (store) => getIoTables(store));
          out.rows(
            tables.map((t) => ({
              year: t.year,
              name: t.name,
              source: t.source,
              demo: t.isDemo,
              industries: t.industries,
              imported_by: t.importedBy,
              imported_at: t.importedAt.toISOString(),
            })),
          );
          return EXIT.ok;
        }
        if (sub !== "import")
          throw new UsageError("io: use `dxm io import FILE --year YEAR` or `dxm io list`");
        const { values, positionals } = parse(
          opts,
          { year: { type: "string" }, name: { type: "string" }, source: { type: "string" } },
          1,
        );
        const out = outputFor(values.format);
        const file = positionals[0];
        if (!file) throw new UsageError("io import: give the CSV file: `dxm io import FILE --year 2022`");
        const yearText = String(values.year ?? "");
        if (!/^\d{4}$/.test(yearText))
          throw new UsageError(`io import: --year must be a year such as 2022 (got "${yearText}")`);
        let text: string;
        try {
          text = readFileSync(file, "utf8");
        } catch (e) {
          throw new UsageError(
            `io import: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          );
        }
        const table = parseIoCsv(text, Number(yearText), basename(file));
        const report = await withStore(cfg, "io import", async (store) => {
          const progress = out.progress();
          try {
            progress.update("import", 0, 2);
            const imported = await importIoTable(store, table, {
              year: table.year,
              ...(values.name ? { name: String(values.name) } : {}),
              source: values.source ? String(values.source) : `imported from ${basename(file)}`,
              knownCodes: new Set(industryCodes),
              actor: "cli",
            });
            progress.update("recompute", 1, 2);
            const rc = await recompute(store);
            progress.update("done", 2, 2);
            return { imported, rc };
          } finally {
            progress.stop();
          }
        });
        out.result({
          year: table.year,
          industries: report.imported.industries,
          replaced: report.imported.replaced
            ? `${report.imported.replaced.name} (imported ${report.imported.replaced.importedAt.toISOString()} by ${report.imported.replaced.importedBy})`
            : "(none)",
          recompute_ms: Math.round(report.rc.totalMs),
        });
        return EXIT.ok;
      }

      case "progress": {
        const { values } = parse(rest, {
          indicator: { type: "string" },
          area: { type: "string" },
          geography: { type: "string" },
          series: { type: "string" },
          baseline: { type: "string" },
          current: { type: "string" },
          target: { type: "string" },
          "gdp-growth": { type: "string" },
          direction: { type: "string" },
          comparator: { type: "string" },
        });
        const out = outputFor(values.format);
        const gdpText = values["gdp-growth"] as string | undefined;
        const gdpGrowth = gdpText === undefined ? undefined : percentArg("--gdp-growth", gdpText) / 100;
        if (values.current !== undefined || values.target !== undefined) {
          // The stand-alone calculator: no database.
          const current = valueAtYear("--current", values.current);
          const target = valueAtYear("--target", values.target);
          const baseline =
            values.baseline === undefined ? undefined : valueAtYear("--baseline", values.baseline);
          const direction = (values.direction as string | undefined) ?? "higher";
          if (direction !== "higher" && direction !== "lower") {
            throw new UsageError(`--direction must be higher or lower (got "${direction}")`);
          }
          const comparator =
            (values.comparator as string | undefined) ?? (direction === "higher" ? ">=" : "<=");
          if (![">=", ">", "<=", "<"].includes(comparator)) {
            throw new UsageError(`--comparator must be one of >= > <= < (got "${comparator}")`);
          }
          const result = assessProgress({
            points: baseline ? [baseline, current] : [current],
            ...(baseline ? { baseline } : {}),
            target: { year: target.year, value: target.value, comparator: comparator as Comparator },
            direction,
            ...(gdpGrowth !== undefined ? { gdpGrowth, isShareOfGdp: true } : {}),
          });
          const json = {
            class: result.class,
            ratio: result.ratio,
            growth_basis: result.growth_basis,
            growth_actual: result.growth_actual,
            growth_required: result.growth_required,
            growth_required_from_now: result.growth_required_from_now,
            numerator_growth_required: result.numerator_growth_required,
            projection: result.projection,
            target_path: result.target_path,
            path_gap: result.path_gap,
            notes: result.notes.map((n) => ({ code: n.code, message: n.message, message_vi: n.messageVi })),
            inputs: result.inputs,
          };
          out.result(json);
          return EXIT.ok;
        }
        if (values.indicator === undefined) {
          throw new UsageError(
            "progress: give --indicator CODE [--area CODE] [--geography 2025], or use the calculator: --current VALUE@YEAR --target VALUE@YEAR",
          );
        }
        const geography = (values.geography as string | undefined) ?? "2025";
        if (!isGeography(geography))
          throw new UsageError(`--geography must be 2008 or 2025 (got "${geography}")`);
        const baselineText = values.baseline as string | undefined;
        if (baselineText !== undefined && !/^\d{4}$/.test(baselineText)) {
          throw new UsageError(`--baseline must be a year with --indicator (got "${baselineText}")`);
        }
        const items = await withStore(cfg, "progress", (store) =>
          getProgress(store, {
            geography,
            indicator: splitList(values.indicator as string) ?? [],
            ...(values.area ? { area: splitList(values.area as string) ?? [] } : { area: ["VN"] }),
            ...(values.series ? { series: splitList(values.series as string) ?? [] } : {}),
            ...(baselineText ? { baseline: Number(baselineText) } : {}),
            ...(gdpGrowth !== undefined ? { gdpGrowth } : {}),
          }),
        );
        if (out.format === "json") {
          out.write(`${JSON.stringify(items.map(progressJson), null, 2)}\n`);
        } else {
          const pct = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(1)}%`);
          out.rows(
            items.map((p) => ({
              indicator: p.indicator,
              area: p.area,
              series: p.series,
              target: `${p.target.comparator} ${p.target.value} in ${p.target.year} (${p.target.scope})`,
              latest: p.inputs.xc === null ? "" : `${p.inputs.xc} in ${p.inputs.tc}`,
              class: p.class,
              growth_actual: pct(p.growth_actual),
              growth_required: pct(p.growth_required),
              required_from_now: pct(p.growth_required_from_now),
              numerator_needs: pct(p.numerator_growth_required),
            })),
          );
        }
        return EXIT.ok;
      }

      case "user":
      case "token":
        return await runUserCommand(argv, {
          withStore: (c, fn) => withStore(cfg, c, fn),
          out: createOutput({}),
          stdin: process.stdin,
        });

      case "release":
        return await runReleaseCommand(rest, {
          withStore: (c, fn) => withStore(cfg, c, fn),
          out: createOutput({}),
        });

      case "report":
        return await runReportCommand(rest, {
          withStore: (c, fn) => withStore(cfg, c, fn),
          out: createOutput({}),
          chromiumPath: cfg.chromiumPath,
        });

      case "demo": {
        const [sub, ...opts] = rest;
        if (sub !== "remove") throw new UsageError("demo: use `dxm demo remove`");
        const { values } = parse(opts, {});
        const out = outputFor(values.format);
        const removed = await withStore(cfg, "demo remove", async (store) => {
          const n = await removeDemo(store);
          await removeDemoUsers(store);
          return n;
        });
        out.result({ demo_observations_removed: removed });
        out.info("Demo data removed. Start with DXM_DEMO_DATA=false so that they are not loaded again.");
        return EXIT.ok;
      }

      case "export": {
        const [what, ...opts] = rest;
        if (what !== "observations")
          throw new UsageError(`export: say what to export: \`dxm export observations\``);
        const { values } = parse(opts, {
          indicator: { type: "string" },
          geography: { type: "string" },
          area: { type: "string" },
          period: { type: "string" },
          series: { type: "string" },
          level: { type: "string" },
          output: { type: "string" },
        });
        const format = (values.format as string | undefined) ?? "csv";
        if (format !== "csv" && format !== "json")
          throw new UsageError(`--format must be csv or json (got "${format}")`);
        const geography = splitList(values.geography as string | undefined);
        for (const g of geography ?? [])
          if (!isGeography(g)) throw new UsageError(`--geography must be 2008 or 2025 (got "${g}")`);
        const level = splitList(values.level as string | undefined);
        for (const l of level ?? [])
          if (!isAreaLevel(l))
            throw new UsageError(`--level must be nation, region or province (got "${l}")`);
        const query: Omit<ObservationQuery, "limit" | "offset"> = {};
        const set = <K extends keyof typeof query>(k: K, v: (typeof query)[K] | undefined) => {
          if (v !== undefined) query[k] = v;
        };
        set("indicator", splitList(values.indicator as string | undefined));
        set("geography", geography as Geography[] | undefined);
        set("area", splitList(values.area as string | undefined));
        set("period", splitList(values.period as string | undefined));
        set("series", splitList(values.series as string | undefined));
        set("level", level as ObservationQuery["level"]);
        const file = values.output as string | undefined;
        // A file is written beside its target and renamed at the end: a failed export never
        // leaves a truncated file, nor empties an existing one.
        const partial = file ? `${file}.partial-${process.pid}` : undefined;
        const sink = partial ? createWriteStream(partial) : process.stdout;
        const write = async (s: string) => {
          if (!sink.write(s)) await once(sink, "drain");
        };
        let n = 0;
        try {
          await withStore(cfg, "export", async (store) => {
            if (format === "csv") {
              for await (const line of observationsCsv(store, query)) {
                await write(line);
                n++;
              }
              n--; // header
            } else {
              // The first row is read before anything is written, so a bad query prints nothing.
              const rows = iterateObservations(store, query);
              const first = await rows.next();
              await write("[");
              if (!first.done) {
                await write(`\n${JSON.stringify(observationRecord(first.value))}`);
                n++;
                for await (const o of rows) {
                  await write(`,\n${JSON.stringify(observationRecord(o))}`);
                  n++;
                }
              }
              await write("\n]\n");
            }
          });
          if (file && partial) {
            sink.end();
            await once(sink, "finish");
            renameSync(partial, file);
          }
        } catch (e) {
          if (partial) {
            sink.destroy();
            rmSync(partial, { force: true });
          }
          throw e;
        }
        process.stderr.write(`${n} observation${n === 1 ? "" : "s"} exported${file ? ` to ${file}` : ""}\n`);
        return EXIT.ok;
      }

      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    return reportError(e, { debug: cfg.debug });
  }
}

function isMainModule(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
const isMain = isMainModule();
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.exitCode = reportError(e);
    },
  );
}
