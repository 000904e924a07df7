/**
 * `dxm assessments …`: bulk import of self-assessments collected elsewhere (CSV or XLSX, layout in
 * the README and IMPORT_LAYOUT), and generation of demo files in that layout (benchmarks, trials).
 * An import checks every row: bad rows are listed with their line and reason and nothing of them is
 * stored; good rows are stored; importing the same file again adds nothing. The exit code is 2 when
 * some rows were rejected, so scripts notice.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { generateDemoAssessments } from "../catalog/demo-assessments.ts";
import { importAssessmentFile } from "../services/assessment-file-import.ts";
import { IMPORT_LAYOUT, IMPORT_OPTIONAL, syncAssessmentObservations } from "../services/assessments.ts";
import { recompute } from "../services/recompute.ts";
import { listSeries } from "../store/catalog-repo.ts";
import { migrateToLatest, type Store } from "../store/db.ts";
import { createOutput, EXIT, type Output, UsageError } from "./output.ts";

export interface AssessmentsCommandContext {
  withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T>;
  out: Output;
}

export const ASSESSMENTS_HELP = `  assessments import FILE [--no-recompute]
                                load self-assessments from a CSV or XLSX file (columns tax_code,
                                name, province, sector, size, submitted_at, CUS1…DAT5, platforms);
                                bad rows are listed by line and skipped; a re-import adds nothing;
                                then the series assessment is refreshed and recomputed
  assessments generate --count N [--seed S] [--from 2025-07-01] [--to 2026-09-30] [--output FILE]
                                write generated demo self-assessments (CSV, the import layout)
`;

type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Record<string, { type: "string" | "boolean" }>) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: "string" }, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function outputFor(ctx: AssessmentsCommandContext, format: unknown): Output {
  if (format === undefined) return ctx.out;
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format must be one of table, json (got "${String(format)}")`);
  return format === ctx.out.format ? ctx.out : createOutput({ format });
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export async function runAssessmentsCommand(argv: string[], ctx: AssessmentsCommandContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "import") {
    const { values, positionals } = parse(rest, { "no-recompute": { type: "boolean" } });
    const out = outputFor(ctx, values.format);
    if (positionals.length !== 1) throw new UsageError("assessments import: give one FILE (.csv or .xlsx)");
    const file = positionals[0]!;
    const report = await ctx.withStore("assessments import", async (store) => {
      await migrateToLatest(store);
      // The refresh writes the catalogue's `assessment` series: say so before storing anything,
      // not with a foreign-key error after the rows are in.
      if (!values["no-recompute"] && !(await listSeries(store.db)).some((s) => s.code === "assessment"))
        throw new UsageError(
          "assessments import: this database has no catalogue yet (no series `assessment` to refresh): run `dxm seed --no-demo` or start the server once (`npm start`) first, or pass --no-recompute",
        );
      const bar = out.progress();
      try {
        const r = await importAssessmentFile(store, file, {
          onFileProgress: (done, total) => bar.update("read and check rows", done, total),
        });
        if (!values["no-recompute"] && r.stored > 0) {
          bar.update("refresh series assessment", 0, 1);
          await syncAssessmentObservations(store);
          await recompute(store, { series: ["assessment"] });
        }
        return r;
      } finally {
        bar.stop();
      }
    });
    const summary = {
      rows: report.rows,
      stored: report.stored,
      already_present: report.alreadyPresent,
      rejected: report.rows - report.valid,
      seconds: Math.round(report.ms / 100) / 10,
    };
    const problems = report.errors.map((e) => ({
      line: e.line,
      field: e.field,
      problem: e.message,
      van_de: e.messageVi,
    }));
    if (out.format === "json") {
      out.result({ ...summary, errors: problems });
    } else {
      if (problems.length) {
        out.info(`${summary.rejected} row(s) rejected; the problems (first ${problems.length}):`);
        out.rows(problems, ["line", "field", "problem", "van_de"]);
      }
      out.result(summary);
    }
    return report.rows === report.valid ? EXIT.ok : EXIT.usage;
  }
  if (sub === "generate") {
    const { values, positionals } = parse(rest, {
      count: { type: "string" },
      seed: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      output: { type: "string" },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > 10_000_000)
      throw new UsageError("give --count N, a whole number from 1 to 10000000");
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
    const day = (flag: string, fallback: string) => {
      const t = (values[flag] as string | undefined) ?? fallback;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new UsageError(`--${flag} must be a date YYYY-MM-DD`);
      return new Date(`${t}T00:00:00+07:00`);
    };
    const from = day("from", "2025-07-01");
    const to = day("to", new Date().toISOString().slice(0, 10));
    if (to <= from) throw new UsageError("--to must be after --from");
    const sink = values.output ? createWriteStream(String(values.output)) : process.stdout;
    const write = async (s: string) => {
      if (!sink.write(s)) await once(sink, "drain");
    };
    const layout = [...IMPORT_LAYOUT, ...IMPORT_OPTIONAL];
    await write(`${layout.join(",")}\n`);
    let lines: string[] = [];
    for (const { record } of generateDemoAssessments({ seed, count, from, to })) {
      lines.push(layout.map((c) => csvCell(record[c] ?? "")).join(","));
      if (lines.length >= 5000) {
        await write(`${lines.join("\n")}\n`);
        lines = [];
      }
    }
    if (lines.length) await write(`${lines.join("\n")}\n`);
    if (values.output) {
      sink.end();
      await once(sink, "finish");
    }
    ctx.out.info(`${count} demo self-assessments written${values.output ? ` to ${values.output}` : ""}`);
    return EXIT.ok;
  }
  throw new UsageError(
    "assessments: use `dxm assessments import FILE` or `dxm assessments generate --count N`",
  );
}
