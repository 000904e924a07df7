/**
 * Runs the benchmarks and prints one table. `npm run bench` runs all; `npm run bench -- recompute`
 * runs the named ones. Figures are medians measured side by side in one run.
 */

import { benchApi } from "./api.ts";
import { benchAssessments } from "./assessments.ts";
import { benchDb } from "./db.ts";
import { benchExport } from "./export.ts";
import { benchIndex } from "./index.ts";
import { benchIo } from "./io.ts";
import { benchRecompute } from "./recompute.ts";
import { benchScaling } from "./scaling.ts";
import { benchStartup } from "./startup.ts";
import { type BenchRow, printTable } from "./stats.ts";
import { benchUpload } from "./upload.ts";
import { benchWeb } from "./web.ts";

const benches: Record<string, () => Promise<BenchRow[]>> = {
  recompute: benchRecompute,
  io: benchIo,
  upload: benchUpload,
  web: benchWeb,
  index: benchIndex,
  assessments: benchAssessments,
  export: benchExport,
  api: benchApi,
  startup: benchStartup,
  db: benchDb,
  scaling: benchScaling,
};

const wanted = process.argv.slice(2);
for (const w of wanted) {
  if (!benches[w]) {
    console.error(`bench: unknown benchmark "${w}"; known: ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
}
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.error(`bench: running ${name}…`);
  rows.push(...(await run()));
}
printTable(rows);
