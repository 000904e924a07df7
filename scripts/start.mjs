#!/usr/bin/env node
// `npm start`: builds what is stale (the web app, the server bundle), then runs `dxm serve` from the
// bundle in this same process. Arguments go to `serve` (`npm start -- --port 8080`).
import { pathToFileURL } from "node:url";
import { ensureServer, serverEntry } from "./ensure-server.mjs";
import { ensureWeb } from "./ensure-web.mjs";

try {
  await ensureWeb();
  await ensureServer();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
const { main } = await import(pathToFileURL(serverEntry).href);
process.exitCode = await main(["serve", ...process.argv.slice(2)]);
