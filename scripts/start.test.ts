/**
 * `npm start` as a user runs it: `scripts/start.mjs` builds what is stale and serves from the esbuild
 * bundle in dist/server (not through tsx). The bundle must behave as the sources do: the reference
 * data found from the project root, the web app served, the lazily loaded parts (ExcelJS, the report
 * renderer's chunk with ECharts, its fonts and the Chromium printer) loaded on first use.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, describe, it } from "node:test";
import { releaseOneApprovedValue } from "../src/services/testing.ts";
import { openStore } from "../src/store/db.ts";

const root = new URL("..", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "dxm-start-"));

interface Started {
  child: ChildProcess;
  url: string;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node scripts/start.mjs` (what `npm start` runs) on the test's data folder until "ready". */
async function start(): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs", "--port", "0", "--host", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DXM_DATA_DIR: dataDir,
      DATABASE_URL: "",
      DXM_DEMO_DATA: "true",
      DXM_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (s: string) => {
    out.stdout += s;
  });
  child.stderr!.setEncoding("utf8");
  const url = await new Promise<string>((resolve, reject) => {
    // A first start may build the web app (≈1 min on a busy 2-core machine) and load the demo data.
    const timer = setTimeout(() => reject(new Error(`not ready in 240 s:\n${out.stderr}`)), 240_000);
    child.stderr!.on("data", (s: string) => {
      out.stderr += s;
      const m = /ready in [\d.]+ s on (http:\/\/\S+)/.exec(out.stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out.stdout}\n${out.stderr}`));
    });
  });
  return { child, url, ms: performance.now() - t0, ...out };
}

async function stop(s: Started): Promise<void> {
  const exited = once(s.child, "exit");
  s.child.kill("SIGTERM");
  const [code] = (await exited) as [number | null];
  assert.equal(code, 0, `the server stops cleanly on SIGTERM:\n${s.stderr}`);
}

/** The first `n` bytes of an answer's body, as text (a file's signature: "PK", "%PDF-"). */
async function firstBytes(res: Response, n: number): Promise<string> {
  return Buffer.from(await res.arrayBuffer())
    .subarray(0, n)
    .toString();
}

describe("npm start (scripts/start.mjs)", () => {
  let running: Started | undefined;
  // Stopped after each test, failed or not: the next one opens the data folder, which a running
  // server holds locked.
  afterEach(async () => {
    const server = running;
    running = undefined;
    if (server) await stop(server);
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves the web app, the API, the API docs and an Excel download from the bundle on a first start", async () => {
    running = await start();
    assert.match(running.stdout, /server: (bundled dist\/server|dist\/server is up to date)/);

    const home = await fetch(`${running.url}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<div id="root">/);
    const indicators = await fetch(`${running.url}/api/v1/indicators`);
    assert.equal(indicators.status, 200);
    const list = (await indicators.json()) as { items: { code: string }[] };
    assert.ok(
      list.items.some((i) => i.code === "DE_SHARE_GDP"),
      "the catalogue was read from src/catalog/data",
    );
    const css = await fetch(`${running.url}/api/docs/static/swagger-ui.css`);
    assert.equal(css.status, 200, "Swagger UI's own files are found outside the bundle");
    await css.arrayBuffer();
    const xlsx = await fetch(`${running.url}/api/v1/observations.xlsx?indicator=DE_SHARE_GDP`);
    assert.equal(xlsx.status, 200);
    assert.equal(await firstBytes(xlsx, 2), "PK", "ExcelJS loads on first use");
  });

  it("starts again without rebuilding and prints the quarterly report's PDF of a release", async () => {
    // A release of 2026-Q3 published in the past, written as the reporting workflow and `dxm release` do.
    const store = await openStore({ dataDir });
    try {
      await releaseOneApprovedValue(store, new Date("2026-10-15T02:00:00Z"));
    } finally {
      await store.close();
    }

    running = await start();
    assert.match(running.stdout, /server: dist\/server is up to date with src; not rebuilt/);
    assert.match(running.stdout, /web: dist\/web is up to date/);
    const html = await fetch(`${running.url}/api/v1/quarterly-reports/2026-Q3/report.html`);
    assert.equal(html.status, 200, await html.clone().text());
    const text = await html.text();
    assert.match(text, /@font-face/, "the fonts are found from the bundle");
    assert.match(text, /<svg/, "the charts are drawn by ECharts from the bundle");
    const pdf = await fetch(`${running.url}/api/v1/quarterly-reports/2026-Q3/report.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(await firstBytes(pdf, 5), "%PDF-");
  });
});
