/**
 * Test helper run as a child process by crash.test.ts: opens the data folder given as first
 * argument, says "go" on stdout, then does the write the parent will kill at a random moment with
 * SIGKILL. Not part of the application.
 * - `approve` (default): approves the report of 2025:79 for 2026-Q3.
 * - `upload FILE`: the confirm step of an XLSX upload of that report, as the route does it — parse
 *   and check the file, then store its values in one `saveValues` call (action `upload`). "go" is
 *   said once the file is parsed, so the kill lands in the store.
 */
import { readFileSync } from "node:fs";
import type { Principal } from "../domain/auth.ts";
import { openStore } from "../store/db.ts";
import { parseUpload } from "./excel.ts";
import { approveReport, getReport, saveValues } from "./reporting.ts";

const KEY = { geography: "2025", area: "79", period: "2026-Q3" } as const;
const reviewer: Principal = {
  kind: "user",
  id: 1,
  email: "crash@test",
  name: "crash",
  role: "reviewer",
  areas: [],
};
const reporter: Principal = {
  kind: "user",
  id: 2,
  email: "r@test",
  name: "r",
  role: "reporter",
  areas: [{ geography: "2025", code: "79" }],
};
const [dataDir, action = "approve", file] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir! });
if (action === "upload") {
  const view = await getReport(store, reporter, KEY);
  const parsed = await parseUpload(readFileSync(file!), { ...KEY, elements: view.elements });
  if (parsed.problems.length) throw new Error(`the upload has problems: ${JSON.stringify(parsed.problems)}`);
  process.stdout.write("go\n");
  await saveValues(
    store,
    reporter,
    KEY,
    { values: Object.fromEntries(parsed.values), comments: Object.fromEntries(parsed.comments) },
    "upload",
  );
  process.stdout.write("stored\n");
} else {
  process.stdout.write("go\n");
  await approveReport(store, reviewer, KEY);
  process.stdout.write("approved\n");
}
await store.close();
