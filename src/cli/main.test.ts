/**
 * The `dxm` command run as a person would: a subprocess on a fresh data folder, stdout piped (so the
 * output is JSON), exit codes and stderr checked.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";

const root = new URL("../../", import.meta.url).pathname;
const tempDirs: string[] = [];

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "dxm-cli-"));
  tempDirs.push(dir);
  return dir;
}

after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DXM_DATA_DIR: dataDir,
    DXM_LOG_LEVEL: "silent",
    DXM_DEMO_DATA: "false",
  };
  delete env.DATABASE_URL;
  delete env.DXM_DEBUG;
  return env;
}

function startCli(dataDir: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...cliEnv(dataDir), ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function dxm(dataDir: string, ...rest: (string | { env: Record<string, string> })[]): Promise<Run> {
  const args = rest.filter((a): a is string => typeof a === "string");
  const extra = rest.find((a): a is { env: Record<string, string> } => typeof a !== "string");
  const child = startCli(dataDir, args, extra?.env);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
  });
  child.stderr!.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  const [code] = (await once(child, "close")) as [number | null];
  return { code, stdout, stderr };
}

const lockFile = (dataDir: string) => join(dataDir, "dxm.lock");
const lockJson = (pid: number, command: string) =>
  JSON.stringify({ pid, command, since: "2025-07-01T08:00:00.000Z" });

describe("dxm before any database work", { concurrency: true }, () => {
  it("prints the commands for help and exits 0", async () => {
    const run = await dxm(freshDataDir(), "help");
    assert.equal(run.code, 0);
    for (const command of ["migrate", "seed", "recompute", "serve", "export observations", "help"]) {
      assert.match(run.stdout, new RegExp(`^\\s+${command}\\b`, "m"), `help lists ${command}`);
    }
    assert.equal(run.stderr, "");
  });

  it("exits 2 for an unknown command, with the message on stderr and nothing on stdout", async () => {
    const run = await dxm(freshDataDir(), "frobnicate");
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /unknown command "frobnicate"/);
    assert.match(run.stderr, /dxm help/);
  });

  it("exits 2 for export --format xml, naming the formats, with nothing on stdout", async () => {
    const run = await dxm(freshDataDir(), "export", "observations", "--format", "xml");
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /--format must be csv or json \(got "xml"\)/);
  });

  it("exits 3 while a live process holds the folder's lock, naming the pid and what to do", async () => {
    const dir = freshDataDir();
    const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await once(holder, "spawn");
      writeFileSync(lockFile(dir), lockJson(holder.pid!, "dxm serve"));
      const run = await dxm(dir, "recompute");
      assert.equal(run.code, 3);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, new RegExp(`in use by process ${holder.pid} \\(dxm serve`));
      assert.match(run.stderr, /stop that process first/);
      assert.match(run.stderr, /DATABASE_URL/);
      assert.match(run.stderr, new RegExp(`tiến trình ${holder.pid}`), "the Vietnamese message too");
      assert.equal(JSON.parse(readFileSync(lockFile(dir), "utf8")).pid, holder.pid, "the lock is untouched");
    } finally {
      holder.kill();
    }
  });
});

describe("dxm on a data folder", () => {
  const dir = freshDataDir();
  let first: Run;
  let second: Run;
  before(async () => {
    first = await dxm(dir, "seed", "--no-demo");
    second = await dxm(dir, "seed", "--no-demo");
  });

  it("seeds an empty folder with --no-demo: the catalogue, the published series, no demo data", () => {
    assert.equal(first.code, 0, first.stderr);
    const r = JSON.parse(first.stdout);
    assert.equal(r.areas, 111);
    // 83 + the published DTI's two (issue 6) + the three self-assessment elements (issue 7)
    assert.equal(r.data_elements, 88);
    // 72 + DTI_RANK and DTI_SCORE (issue 6) + the two self-assessment shares (issue 7)
    assert.equal(r.indicators, 76);
    assert.ok(r.targets > 0);
    assert.ok(r.published_inserted > 0);
    assert.equal(r.demo_rows, "(not loaded)");
    assert.equal(r.demo_regenerated, false);
    assert.ok(r.computed_values > 0);
    assert.match(first.stderr, /^… migrate\n/m, "progress goes to stderr, one line per step");
  });

  it("seeds idempotently: a second seed --no-demo inserts and updates nothing", () => {
    assert.equal(second.code, 0, second.stderr);
    const r1 = JSON.parse(first.stdout);
    const r2 = JSON.parse(second.stdout);
    assert.equal(r2.published_inserted, 0);
    assert.equal(r2.published_updated, 0);
    assert.equal(r2.published_unchanged, r1.published_inserted);
    assert.equal(r2.computed_values, r1.computed_values);
    assert.equal(existsSync(lockFile(dir)), false, "the lock is released on exit");
  });

  describe("export observations (one process at a time: the folder allows no more)", () => {
    it("exports the official series as CSV: a header, then rows with 12.83 for 2022", async () => {
      const run = await dxm(
        dir,
        "export",
        "observations",
        "--format",
        "csv",
        "--indicator",
        "DE_SHARE_GDP",
        "--area",
        "VN",
        "--series",
        "gso_official",
      );
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.trimEnd().split("\n");
      assert.equal(
        lines[0],
        "indicator,geography,area,period,series,value,numerator,denominator,complete,missing,completeness,method,status,unit",
      );
      assert.equal(lines.length, 13, "header + 6 years × 2 geographies");
      const y2022 = lines.filter(
        (l) => l.startsWith("DE_SHARE_GDP,") && l.includes(",VN,2022,gso_official,"),
      );
      assert.equal(y2022.length, 2);
      for (const l of y2022) assert.equal(l.split(",")[5], "12.83");
      assert.match(run.stderr, /12 observations exported/);
    });

    it("exports as JSON: an array of records", async () => {
      const run = await dxm(
        dir,
        "export",
        "observations",
        "--format",
        "json",
        "--indicator",
        "DE_SHARE_GDP",
        "--series",
        "gso_official",
        "--period",
        "2022",
      );
      assert.equal(run.code, 0, run.stderr);
      const records = JSON.parse(run.stdout) as { area: string; value: number }[];
      assert.equal(records.length, 2);
      for (const r of records) {
        assert.equal(r.area, "VN");
        assert.equal(r.value, 12.83);
      }
    });

    it("exits 2 for a malformed period, naming period, and prints nothing on stdout", async () => {
      const run = await dxm(dir, "export", "observations", "--period", "2024-Q5");
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "", "no CSV header before the error");
      assert.match(run.stderr, /period: "2024-Q5" is not a period/);
    });

    it("exits 2 for a malformed period in JSON too, and prints nothing on stdout", async () => {
      const run = await dxm(dir, "export", "observations", "--format", "json", "--period", "2024-Q5");
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "", "no opening bracket before the error");
      assert.match(run.stderr, /period: "2024-Q5" is not a period/);
    });

    it("leaves an existing --output file as it was when the export fails", async () => {
      const file = join(freshDataDir(), "de.csv");
      writeFileSync(file, "yesterday's export\n");
      const run = await dxm(dir, "export", "observations", "--period", "2024-Q5", "--output", file);
      assert.equal(run.code, 2);
      assert.equal(readFileSync(file, "utf8"), "yesterday's export\n");
      assert.deepEqual(readdirSync(dirname(file)), ["de.csv"], "no partial file left behind");
    });

    it("exits 2 with a one-line message naming a malformed environment variable", async () => {
      const run = await dxm(dir, "help", { env: { PORT: "abc" } });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /PORT="abc"/);
      assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/);
    });
  });

  describe("input–output tables and progress (one process at a time)", () => {
    const demoTable = join(root, "src/catalog/data/io/demo-io-2022.csv");

    it("imports an input–output table, recomputes, and lists it", async () => {
      const run = await dxm(dir, "io", "import", demoTable, "--year", "2022", "--format", "json");
      assert.equal(run.code, 0, run.stderr);
      const result = JSON.parse(run.stdout);
      assert.equal(result.year, 2022);
      assert.equal(result.industries, 28);
      const list = await dxm(dir, "io", "list", "--format", "json");
      assert.deepEqual(
        JSON.parse(list.stdout).map((t: { year: number; demo: boolean }) => [t.year, t.demo]),
        [[2022, false]],
      );
    });

    it("refuses a table with a negative flow, naming the row and column, and keeps the stored one", async () => {
      const bad = join(dirname(dir), "bad-io.csv");
      const lines = readFileSync(demoTable, "utf8").split("\n");
      const cells = lines[2]!.split(",");
      cells[3] = "-5";
      lines[2] = cells.join(",");
      writeFileSync(bad, lines.join("\n"));
      const run = await dxm(dir, "io", "import", bad, "--year", "2022");
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, /negative/i);
      assert.match(run.stderr, new RegExp(cells[0]!));
      const list = await dxm(dir, "io", "list", "--format", "json");
      assert.equal(JSON.parse(list.stdout).length, 1);
    });

    it("computes progress from a current value and a target without the database", async () => {
      const run = await dxm(
        dir,
        "progress",
        "--current",
        "16.5@2023",
        "--target",
        "20@2025",
        "--gdp-growth",
        "9",
        "--format",
        "json",
      );
      assert.equal(run.code, 0, run.stderr);
      const p = JSON.parse(run.stdout);
      // (20/16.5)^(1/2) − 1 = 0.10096; 1.09 × 1.10096 − 1 = 0.20005
      assert.ok(Math.abs(p.growth_required_from_now - 0.10096) < 1e-5);
      assert.ok(Math.abs(p.numerator_growth_required - 0.20005) < 1e-5);
      assert.equal(p.inputs.xc, 16.5);
    });

    it("classifies the official series from the database", async () => {
      const run = await dxm(
        dir,
        "progress",
        "--indicator",
        "DE_SHARE_GDP",
        "--area",
        "VN",
        "--series",
        "gso_official",
        "--format",
        "json",
      );
      assert.equal(run.code, 0, run.stderr);
      const items = JSON.parse(run.stdout) as { class: string; target: { year: number } }[];
      assert.deepEqual(
        items.map((p) => [p.target.year, p.class]),
        [
          [2023, "off_track"],
          [2025, "off_track"],
          [2030, "off_track"],
        ],
      );
    });

    it("exits 2 for a malformed VALUE@YEAR", async () => {
      const run = await dxm(dir, "progress", "--current", "16.5", "--target", "20@2025");
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--current must be VALUE@YEAR/);
    });
  });

  it("takes over a stale lock of a dead process silently, then holds the folder: recompute exits 3 while serve runs", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(lockFile(dir), lockJson(dead, "dxm serve"));
    const server = startCli(dir, ["serve", "--port", "0"]);
    let stderr = "";
    try {
      server.stderr!.setEncoding("utf8");
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve not ready in 20 s: ${stderr}`)), 20_000);
        server.stderr!.on("data", (s: string) => {
          stderr += s;
          if (/ready/.test(stderr)) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`serve exited with ${code}: ${stderr}`));
        });
      });
      assert.doesNotMatch(stderr, /lock|in use|stale/i, "the stale lock is taken over without a word");
      assert.equal(JSON.parse(readFileSync(lockFile(dir), "utf8")).pid, server.pid);

      const run = await dxm(dir, "recompute");
      assert.equal(run.code, 3);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, new RegExp(`in use by process ${server.pid} \\(dxm serve`));
    } finally {
      const exited = once(server, "exit");
      server.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0, stderr);
    }
    assert.equal(existsSync(lockFile(dir)), false, "serve releases the lock when stopped");
  });
});
