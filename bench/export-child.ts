/**
 * One measured export, in a process of its own so that its peak memory (maxRSS) is the export's:
 * reads the database named by the arguments, writes the file to a sink that counts bytes, and
 * prints `{ ms, bytes, baseline_mb, peak_mb }` as JSON. Run by bench/export.ts.
 *
 *   tsx bench/export-child.ts DATABASE_URL SCHEMA FORMAT
 *   (bench/export.ts runs it bundled, as plain JavaScript: see there why)
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type ExportFormat, exportData } from "../src/services/open-data.ts";
import { openStore } from "../src/store/db.ts";

const [url, schema, format] = process.argv.slice(2) as [string, string, ExportFormat];
const store = await openStore({ databaseUrl: url, schema });
try {
  // Warm the modules and the connection so the baseline includes them.
  await store.db.selectFrom("meta").select("key").limit(1).execute();
  const baseline = process.memoryUsage().rss;
  // maxRSS is the process's lifetime peak: starting (modules, the catalogue) may already have set it.
  const startPeak = process.resourceUsage().maxRSS / 1024;
  let bytes = 0;
  // Where the peak is: V8's heap, or memory outside it (buffers, the driver's sockets).
  const top = { heap_mb: 0, external_mb: 0, rss_mb: 0 };
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    top.heap_mb = Math.max(top.heap_mb, m.heapTotal / 2 ** 20);
    top.external_mb = Math.max(top.external_mb, m.external / 2 ** 20);
    top.rss_mb = Math.max(top.rss_mb, m.rss / 2 ** 20);
  }, 50);
  const t0 = performance.now();
  const file = await exportData(store, { viewer: null, at: new Date() }, {}, format);
  await pipeline(
    file.body,
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
        done();
      },
    }),
  );
  const ms = performance.now() - t0;
  clearInterval(sample);
  process.stdout.write(
    `${JSON.stringify({
      ms,
      bytes,
      baseline_mb: baseline / 2 ** 20,
      peak_mb: process.resourceUsage().maxRSS / 1024,
      start_peak_mb: startPeak,
      ...top,
    })}\n`,
  );
} finally {
  await store.close();
}
