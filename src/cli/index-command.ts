/**
 * `dxm index …`: the composite indices from the command line. `compute` recomputes and stores the
 * results (they are also recomputed after every `dxm recompute`), `list` shows the framework
 * versions and what was computed, `scores` prints one year's ranking with its rank bands.
 */
import { parseArgs } from "node:util";
import { isGeography } from "../domain/area.ts";
import { computeIndexResults, getIndexScores, listFrameworks } from "../services/index-scores.ts";
import { migrateToLatest, type Store } from "../store/db.ts";
import { createOutput, EXIT, type Output, UsageError } from "./output.ts";

export interface IndexCommandContext {
  withStore<T>(command: string, fn: (store: Store) => Promise<T>): Promise<T>;
  out: Output;
}

export const INDEX_HELP = `  index compute [--framework dti-922] [--year 2024] [--draws 1000] [--seed N]
                                compute and store the index (scores, pillar scores, ranks, Monte
                                Carlo rank bands) for every series and both geographies
  index list                    the index frameworks (versions) and the years computed
  index scores --framework dti-922 [--year 2024] [--geography 2025] [--basis indicators|mean_of_former]
                                one year's ranking with its rank bands
`;

type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Record<string, { type: "string" | "boolean" }>): Values {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { format: { type: "string" }, ...options },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values as Values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function outputFor(ctx: IndexCommandContext, format: unknown): Output {
  if (format === undefined) return ctx.out;
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format must be one of table, json (got "${String(format)}")`);
  return format === ctx.out.format ? ctx.out : createOutput({ format });
}

function wholeNumber(
  flag: string,
  v: string | boolean | undefined,
  min: number,
  max: number,
): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v);
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  return Number(text);
}

const round = (x: number | null, d = 4) => (x === null ? "" : Number(x.toFixed(d)));

/** Runs `dxm index …` (argv starts with "index"). */
export async function runIndexCommand(argv: string[], ctx: IndexCommandContext): Promise<number> {
  const [, sub, ...rest] = argv;
  switch (sub) {
    case "compute": {
      const v = parse(rest, {
        framework: { type: "string" },
        year: { type: "string" },
        draws: { type: "string" },
        seed: { type: "string" },
      });
      const out = outputFor(ctx, v.format);
      const year = wholeNumber("year", v.year, 2000, 2100);
      const draws = wholeNumber("draws", v.draws, 1, 100_000);
      const seed = wholeNumber("seed", v.seed, 0, 2 ** 31 - 1);
      const framework = typeof v.framework === "string" ? [v.framework] : undefined;
      const { report, top } = await ctx.withStore("index compute", async (store) => {
        await migrateToLatest(store);
        const report = await computeIndexResults(store, {
          ...(framework ? { framework } : {}),
          ...(year !== undefined ? { years: [year] } : {}),
          ...(draws !== undefined ? { draws } : {}),
          ...(seed !== undefined ? { seed } : {}),
        });
        // The head of each result of the year asked for, so the command shows what it computed.
        const top: Record<string, unknown>[] = [];
        for (const f of report.frameworks) {
          for (const geography of ["2008", "2025"] as const) {
            for (const basis of ["indicators", "mean_of_former"] as const) {
              if (basis === "mean_of_former" && geography === "2008") continue;
              try {
                const r = await getIndexScores(store, {
                  framework: f.framework,
                  geography,
                  basis,
                  series: f.series,
                  year,
                });
                const first = r.items[0];
                top.push({
                  framework: f.framework,
                  version: f.version,
                  series: f.series,
                  geography,
                  basis,
                  year: r.run.year,
                  provinces: r.items.length,
                  first: first?.area ?? "",
                  first_score: round(first?.score ?? null),
                  first_band: first ? `${first.rankP05}–${first.rankP95}` : "",
                  normalisation: r.run.normalisation,
                  goalposts_year: r.run.baseYear,
                });
              } catch {
                // No result for this geography or basis in that year (e.g. 2025 in the 2008 geography).
              }
            }
          }
        }
        return { report, top };
      });
      if (top.length === 0) {
        out.info(
          `No index computed${year !== undefined ? ` for ${year}` : ""}: the indicators have no provincial values for it (load data or run dxm seed).`,
        );
      } else out.rows(top);
      out.info(
        `index computed in ${Math.round(report.ms)} ms (${report.frameworks.map((f) => `${f.framework}/${f.series}: ${f.runs} runs`).join(", ")})`,
      );
      return EXIT.ok;
    }
    case "list": {
      const v = parse(rest, {});
      const out = outputFor(ctx, v.format);
      const list = await ctx.withStore("index list", (store) => listFrameworks(store));
      out.rows(
        list.map((s) => ({
          framework: s.framework.id,
          version: s.framework.version,
          name: s.framework.nameEn,
          pillars: s.framework.pillars.length,
          indicators: s.framework.pillars.reduce((n, p) => n + p.indicators.length, 0),
          base_year: s.framework.baseYear,
          aggregation: s.framework.aggregation,
          computed: s.runs
            .map(
              (r) =>
                `${r.series} ${r.geography}${r.basis === "mean_of_former" ? " (mean of former)" : ""}: ${r.years.join(",")}`,
            )
            .join("; "),
        })),
      );
      return EXIT.ok;
    }
    case "scores": {
      const v = parse(rest, {
        framework: { type: "string" },
        year: { type: "string" },
        geography: { type: "string" },
        basis: { type: "string" },
        series: { type: "string" },
      });
      const out = outputFor(ctx, v.format);
      if (typeof v.framework !== "string")
        throw new UsageError("index scores: give --framework, e.g. --framework dti-922");
      const geography = (v.geography as string | undefined) ?? "2025";
      if (!isGeography(geography))
        throw new UsageError(`--geography must be 2008 or 2025 (got "${geography}")`);
      const basis = (v.basis as string | undefined) ?? "indicators";
      if (basis !== "indicators" && basis !== "mean_of_former")
        throw new UsageError(`--basis must be indicators or mean_of_former (got "${basis}")`);
      const year = wholeNumber("year", v.year, 2000, 2100);
      const r = await ctx.withStore("index scores", (store) =>
        getIndexScores(store, {
          framework: v.framework as string,
          geography,
          basis,
          year,
          series: v.series as string | undefined,
        }),
      );
      out.info(
        `${r.framework.id} (${r.framework.version}), ${r.run.series}, ${r.run.geography} ${r.run.year}, ${r.run.basis}; normalisation ${r.run.normalisation}, goalposts ${r.run.baseYear}, ${r.run.aggregation}, ${r.run.draws} draws`,
      );
      out.rows(
        r.items.map((i) => ({
          rank: i.rank ?? "",
          area: i.area,
          score: round(i.score),
          rank_median: i.rankMedian ?? "",
          rank_p05: i.rankP05 ?? "",
          rank_p95: i.rankP95 ?? "",
          missing: i.missing.join(","),
        })),
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        "index: use `dxm index compute`, `dxm index list` or `dxm index scores --framework ID`",
      );
  }
}
