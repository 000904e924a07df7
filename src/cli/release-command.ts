/**
 * `dxm release …`: prepare, schedule, list, show and delete releases from the command line, acting
 * as the operator (`cli` in the audit log). Times are read in Vietnam's time unless they carry an
 * offset, and shown in it.
 */
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../domain/auth.ts";
import {
  deleteRelease,
  getRelease,
  listReleases,
  prepareRelease,
  type ReleaseView,
  scheduleRelease,
} from "../services/releases.ts";
import { migrateToLatest, type Store } from "../store/db.ts";
import { createOutput, EXIT, type Output, UsageError } from "./output.ts";

export interface ReleaseCommandContext {
  withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T>;
  out: Output;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

export const RELEASE_HELP = `  release prepare --period 2026-Q3 [--note TEXT]
                                    prepare a release: the approved values up to the period and
                                    what changed since the last published release
  release schedule ID --at "2026-12-15T09:00+07:00" [--note TEXT]
                                    schedule it (Vietnam time when no offset is given); nothing of
                                    it is public before that moment
  release list                      the releases, newest first
  release show ID                   one release with its changes (new, revised old → new, withdrawn)
  release delete ID                 delete a release that is not published
`;

type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Record<string, { type: "string" }>, positionals = 0) {
  try {
    const r = parseArgs({
      args: argv,
      options: { format: { type: "string" }, ...options },
      allowPositionals: true,
      strict: true,
    });
    if (r.positionals.length > positionals)
      throw new Error(`unexpected argument "${r.positionals[positionals]}"`);
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function outputFor(ctx: ReleaseCommandContext, format: unknown): Output {
  if (format === undefined) return ctx.out;
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format must be one of table, json (got "${String(format)}")`);
  return format === ctx.out.format ? ctx.out : createOutput({ format });
}

function idArg(text: string | undefined, sub: string): number {
  if (!text || !/^\d{1,9}$/.test(text) || Number(text) < 1)
    throw new UsageError(
      `release ${sub}: give the release number as listed by \`dxm release list\`, e.g. \`dxm release ${sub} 3\``,
    );
  return Number(text);
}

function row(r: ReleaseView): Record<string, unknown> {
  return {
    id: r.id,
    period: r.period,
    state: r.state,
    release_at: r.releaseAtLocal ?? "",
    values: r.counts.values,
    new: r.counts.new,
    revised: r.counts.revised,
    withdrawn: r.counts.withdrawn,
    note: r.note ?? "",
  };
}

/** Runs `dxm release …`; `argv` starts after `release`. */
export async function runReleaseCommand(argv: string[], ctx: ReleaseCommandContext): Promise<number> {
  const [sub, ...rest] = argv;
  const now = ctx.now ?? (() => new Date());
  const run = <T>(name: string, fn: (store: Store) => Promise<T>) =>
    ctx.withStore(`release ${name}`, async (store) => {
      await migrateToLatest(store);
      return fn(store);
    });
  switch (sub) {
    case "prepare": {
      const { values } = parse(rest, { period: { type: "string" }, note: { type: "string" } });
      const out = outputFor(ctx, values.format);
      const period = values.period;
      if (typeof period !== "string")
        throw new UsageError("release prepare: give --period, e.g. --period 2026-Q3");
      const r = await run("prepare", (store) =>
        prepareRelease(
          store,
          CLI_ACTOR,
          { period, ...(typeof values.note === "string" ? { note: values.note } : {}) },
          now(),
        ),
      );
      out.result(row(r));
      out.info(
        `Release ${r.id} prepared. Schedule it with \`dxm release schedule ${r.id} --at "YYYY-MM-DDTHH:MM+07:00"\`.`,
      );
      return EXIT.ok;
    }
    case "schedule": {
      const { values, positionals } = parse(rest, { at: { type: "string" }, note: { type: "string" } }, 1);
      const out = outputFor(ctx, values.format);
      const id = idArg(positionals[0], "schedule");
      const at = values.at;
      if (typeof at !== "string")
        throw new UsageError('release schedule: give --at, e.g. --at "2026-12-15T09:00+07:00"');
      const r = await run("schedule", (store) =>
        scheduleRelease(
          store,
          CLI_ACTOR,
          id,
          { at, ...(typeof values.note === "string" ? { note: values.note } : {}) },
          now(),
        ),
      );
      out.result(row(r));
      out.info(`Release ${r.id} is embargoed until ${r.releaseAtLocal} (${r.releaseAt?.toISOString()}).`);
      return EXIT.ok;
    }
    case "list": {
      const { values } = parse(rest, {});
      const out = outputFor(ctx, values.format);
      const items = await run("list", (store) => listReleases(store, CLI_ACTOR, now()));
      out.rows(items.map(row), [
        "id",
        "period",
        "state",
        "release_at",
        "values",
        "new",
        "revised",
        "withdrawn",
        "note",
      ]);
      return EXIT.ok;
    }
    case "show": {
      const { values, positionals } = parse(rest, {}, 1);
      const out = outputFor(ctx, values.format);
      const id = idArg(positionals[0], "show");
      const r = await run("show", (store) => getRelease(store, CLI_ACTOR, id, now(), { limit: 10000 }));
      out.info(
        `Release ${r.id} (${r.period}), ${r.state}${r.releaseAtLocal ? ` at ${r.releaseAtLocal}` : ""}: ${r.counts.new} new, ${r.counts.revised} revised, ${r.counts.withdrawn} withdrawn${r.note ? ` — ${r.note}` : ""}`,
      );
      out.rows(
        r.changes.map((c) => ({
          change: c.change,
          target: c.target,
          code: c.code,
          area: `${c.geography}:${c.area}`,
          period: c.period,
          old: c.oldValue ?? "",
          new: c.newValue ?? "",
        })),
        ["change", "target", "code", "area", "period", "old", "new"],
      );
      return EXIT.ok;
    }
    case "delete": {
      const { values, positionals } = parse(rest, {}, 1);
      const out = outputFor(ctx, values.format);
      const id = idArg(positionals[0], "delete");
      await run("delete", (store) => deleteRelease(store, CLI_ACTOR, id, now()));
      out.result({ deleted: id });
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        `release: use \`dxm release prepare|schedule|list|show|delete\`${sub ? ` (got "${sub}")` : ""}`,
      );
  }
}
