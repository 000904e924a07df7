/**
 * The servers of bench/api, in their own process as in a deployment (the load generator must not
 * share their event loop: on one thread autocannon's own work showed up as server latency). Starts
 * the API on the demo data (PGlite) and, as the baseline, a plain static file server with the same
 * JSON (and its gzip, sent to clients that ask for it); prints `READY {"api": URL, "static": URL, "routes": {route: "/rN.json"}}` and serves until
 * killed.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer } from "../src/api/server.ts";
import { demoBackends } from "../src/services/testing.ts";

const routes: readonly string[] = JSON.parse(process.argv[2] ?? "[]");

const [pglite] = await demoBackends();
const store = await pglite!.open();
const app = await startServer(store, { port: 0, host: "127.0.0.1", logLevel: "warn", loginRateLimit: false });
const dir = mkdtempSync(join(tmpdir(), "dxm-bench-static-"));
const files = new Map<string, string>();
const staticPaths: Record<string, string> = {};
for (const [i, route] of routes.entries()) {
  const res = await fetch(`${app.url}${route}`);
  if (res.status !== 200) throw new Error(`${route}: ${res.status}`);
  const file = join(dir, `r${i}.json`);
  const body = Buffer.from(await res.arrayBuffer());
  writeFileSync(file, body);
  // As a static server with precompressed files (nginx's gzip_static) would hold it.
  writeFileSync(`${file}.gz`, gzipSync(body));
  files.set(`/r${i}.json`, file);
  staticPaths[route] = `/r${i}.json`;
}
// The baseline: a plain static file server, reading the file on every request.
const statik = createServer((req, res) => {
  const file = files.get(req.url ?? "");
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  createReadStream(gzip ? `${file}.gz` : file).pipe(res);
});
await new Promise<void>((r) => statik.listen(0, "127.0.0.1", r));

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await new Promise((r) => statik.close(r));
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.stdin.on("end", () => void shutdown()).resume();

const staticUrl = `http://127.0.0.1:${(statik.address() as AddressInfo).port}`;
process.stdout.write(`READY ${JSON.stringify({ api: app.url, static: staticUrl, routes: staticPaths })}\n`);
