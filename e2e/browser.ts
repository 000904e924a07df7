/**
 * Shared set-up of the browser tests: Debian's Chromium (DXM_CHROMIUM, never a downloaded browser),
 * the web app built when stale, a real server with the demo data, and clean-up. Without Chromium the
 * tests are skipped with a message saying how to install it — except under CI, where they fail.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { startTestServer } from "../src/api/testing.ts";
import { loadConfig } from "../src/config.ts";
import type { Store } from "../src/store/db.ts";

const cfg = loadConfig();
const root = fileURLToPath(new URL("..", import.meta.url));

/** A reason to skip browser tests, or false. Under CI a missing Chromium is an error, not a skip. */
export function browserSkip(): string | false {
  if (existsSync(cfg.chromiumPath)) return false;
  const reason = `Chromium not found at ${cfg.chromiumPath}: apt-get install -y chromium (or set DXM_CHROMIUM)`;
  if (cfg.ci) throw new Error(`CI must run the browser tests: ${reason}`);
  return reason;
}

export interface BrowserSession {
  readonly url: string;
  /** The server's database (same process), to prepare what no route offers. */
  readonly store: Store;
  readonly page: Page;
  readonly context: BrowserContext;
  /** Page errors and console errors seen so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Builds dist/web when stale, starts a demo server and opens Chromium on a fresh profile. */
export async function openBrowserSession(
  options: { consoleErrors?: boolean; server?: Parameters<typeof startTestServer>[0] } = {},
): Promise<BrowserSession> {
  const build = spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`building the web app failed:\n${build.stdout}\n${build.stderr}`);
  const server = await startTestServer(options.server);
  const userDataDir = mkdtempSync(join(tmpdir(), "dxm-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: cfg.chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: "vi-VN",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (options.consoleErrors) {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
  }
  return {
    url: server.url,
    store: server.store,
    page,
    context,
    errors,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
