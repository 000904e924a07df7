/**
 * `dxm check`: runs every integrity rule (store/integrity-repo.ts) and says which hold. Used after a
 * restore, after a crash, and by the crash and backup tests; a database that passes has no
 * half-written report, no orphaned rows, every approved value among the observations, its audit
 * log in step with the report events, and computed values for every series, none left stale.
 */
import type { Store } from "../store/db.ts";
import { INTEGRITY_RULES } from "../store/integrity-repo.ts";

export interface IntegrityCheck {
  name: string;
  description: string;
  ok: boolean;
  /** Examples of rows breaking the rule (at most `sampleSize`). */
  problems: string[];
}

export interface IntegrityReport {
  ok: boolean;
  checks: IntegrityCheck[];
}

export async function checkIntegrity(store: Store, sampleSize = 5): Promise<IntegrityReport> {
  const checks: IntegrityCheck[] = [];
  for (const rule of INTEGRITY_RULES) {
    const problems = await rule.query(store.db, sampleSize);
    checks.push({ name: rule.name, description: rule.description, ok: problems.length === 0, problems });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/** One line per failed check, for messages and test assertions. */
export function describeFailures(report: IntegrityReport): string {
  return report.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.name} (${c.description}): ${c.problems.join("; ")}`)
    .join("\n");
}
