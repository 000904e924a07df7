/**
 * Test helper run as a child process by crash.test.ts: opens the data folder given as argument,
 * says "go" on stdout, then approves the report of 2025:79 for 2026-Q3 (the parent kills it at a
 * random moment with SIGKILL). Not part of the application.
 */
import type { Principal } from "../domain/auth.ts";
import { openStore } from "../store/db.ts";
import { approveReport } from "./reporting.ts";

const reviewer: Principal = {
  kind: "user",
  id: 1,
  email: "crash@test",
  name: "crash",
  role: "reviewer",
  areas: [],
};
const store = await openStore({ dataDir: process.argv[2]! });
process.stdout.write("go\n");
await approveReport(store, reviewer, { geography: "2025", area: "79", period: "2026-Q3" });
process.stdout.write("approved\n");
await store.close();
