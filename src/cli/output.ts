/**
 * All CLI output goes through here (STYLE §8): a table when stdout is a terminal, JSON when piped or
 * asked for; messages and errors on stderr; named exit codes; a progress bar for long work, on a
 * terminal only (stderr, so piped output stays clean).
 */
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { DxmError } from "../domain/errors.ts";

export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  locked: 3,
  databaseUnavailable: 4,
} as const;

export type OutputFormat = "table" | "json";

export class UsageError extends Error {}

export interface Output {
  readonly format: OutputFormat;
  /** Prints rows: a table on a terminal, a JSON array otherwise. */
  rows(rows: readonly Record<string, unknown>[], columns?: readonly string[]): void;
  /** Prints one result object: key/value table on a terminal, JSON otherwise. */
  result(value: Record<string, unknown>): void;
  /** Raw text to stdout (CSV export). */
  write(text: string): void;
  /** A message for the person (stderr). */
  info(message: string): void;
  progress(): Progress;
}

export interface Progress {
  update(step: string, done: number, total: number): void;
  stop(): void;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number")
    return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function createOutput(options: {
  format?: OutputFormat;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const format: OutputFormat = options.format ?? (stdout.isTTY ? "table" : "json");
  return {
    format,
    rows(rows, columns) {
      if (format === "json") {
        stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const table = new Table({ head: [...cols], style: { head: ["cyan"] } });
      for (const r of rows) table.push(cols.map((c) => cell(r[c])));
      stdout.write(`${table.toString()}\n`);
      stderr.write(`${rows.length} row${rows.length === 1 ? "" : "s"}\n`);
    },
    result(value) {
      if (format === "json") {
        stdout.write(`${JSON.stringify(value, null, 2)}\n`);
        return;
      }
      const table = new Table();
      for (const [k, v] of Object.entries(value)) table.push({ [k]: cell(v) });
      stdout.write(`${table.toString()}\n`);
    },
    write(text) {
      stdout.write(text);
    },
    info(message) {
      stderr.write(`${message}\n`);
    },
    progress() {
      if (!stderr.isTTY) {
        let last = "";
        return {
          update(step) {
            if (step !== last) stderr.write(`… ${step}\n`);
            last = step;
          },
          stop() {},
        };
      }
      const bar = new SingleBar({
        format: "{bar} {percentage}% | {step}",
        hideCursor: true,
        stream: stderr,
        clearOnComplete: true,
      });
      let started = false;
      return {
        update(step, done, total) {
          if (!started) {
            bar.start(Math.max(total, 1), done, { step });
            started = true;
          }
          bar.setTotal(Math.max(total, 1));
          bar.update(done, { step });
        },
        stop() {
          if (started) bar.stop();
        },
      };
    },
  };
}

/** Prints an error for a person on stderr and returns the exit code to use. */
export function reportError(
  e: unknown,
  options: { debug?: boolean; stderr?: NodeJS.WriteStream } = {},
): number {
  const stderr = options.stderr ?? process.stderr;
  if (e instanceof UsageError) {
    stderr.write(`dxm: ${e.message}\nRun \`dxm help\` for the commands and options.\n`);
    return EXIT.usage;
  }
  if (e instanceof DxmError) {
    stderr.write(`dxm: ${e.message}\n`);
    if (e.messageVi && e.messageVi !== e.message) stderr.write(`     ${e.messageVi}\n`);
    if (e.code === "data_dir_locked") return EXIT.locked;
    if (e.code === "database_unavailable") return EXIT.databaseUnavailable;
    return e.status < 500 ? EXIT.usage : EXIT.error;
  }
  const err = e as Error;
  stderr.write(`dxm: ${err?.message ?? String(e)}\n`);
  if (options.debug) stderr.write(`${err?.stack ?? ""}\n`);
  else stderr.write("     (set DXM_DEBUG=true to see the stack trace)\n");
  return EXIT.error;
}
