/**
 * The index service on the demo database (PGlite and PostgreSQL): results stored by the recompute,
 * deterministic with a fixed seed, recomputed for one year only when asked, and the two bases of
 * the 2025 geography consistent with the 2008 scores.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DxmError } from "../domain/errors.ts";
import type { Store } from "../store/db.ts";
import { listIndexRuns } from "../store/index-repo.ts";
import { computeIndexResults, explainIndexChange, getIndexScores } from "./index-scores.ts";
import { recompute } from "./recompute.ts";
import { demoBackends } from "./testing.ts";

for (const backend of await demoBackends()) {
  describe(`index service on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("finds the results the recompute stored: both frameworks, both geographies, both bases", async () => {
      const runs = await listIndexRuns(store.db, { series: "demo" });
      const keys = new Set(runs.map((r) => `${r.framework}|${r.geography}|${r.basis}`));
      for (const f of ["dti-922", "dti-405"]) {
        assert.ok(keys.has(`${f}|2008|indicators`), f);
        assert.ok(keys.has(`${f}|2025|indicators`), f);
        assert.ok(keys.has(`${f}|2025|mean_of_former`), f);
      }
      assert.ok(
        !runs.some((r) => r.series === "mic_estimate"),
        "13 provincial figures are not enough for an index",
      );
    });

    it("gives the same scores and bands when computed again with the same seed", async () => {
      const before = await getIndexScores(store, { framework: "dti-922", geography: "2008", year: 2023 });
      await computeIndexResults(store, { framework: ["dti-922"], years: [2023] });
      const again = await getIndexScores(store, { framework: "dti-922", geography: "2008", year: 2023 });
      assert.deepEqual(again.items, before.items);
    });

    it("recomputes one year with other settings and keeps the other years as they were", async () => {
      const other = await getIndexScores(store, { framework: "dti-405", geography: "2025", year: 2022 });
      await computeIndexResults(store, { framework: ["dti-405"], years: [2024], draws: 50, seed: 9 });
      const y2024 = await getIndexScores(store, { framework: "dti-405", geography: "2025", year: 2024 });
      assert.equal(y2024.run.draws, 50);
      assert.equal(y2024.run.seed, 9);
      const kept = await getIndexScores(store, { framework: "dti-405", geography: "2025", year: 2022 });
      assert.equal(kept.run.draws, 1000);
      assert.deepEqual(kept.items, other.items);
    });

    it("leaves the other series' results alone when one series is recomputed (an approval's recompute)", async () => {
      await computeIndexResults(store, { framework: ["dti-922"], years: [2023], draws: 20, seed: 5 });
      const report = await recompute(store, { series: ["gso_official"] });
      assert.ok(report.index?.frameworks.every((f) => f.series === "gso_official"));
      const demo = await getIndexScores(store, { framework: "dti-922", geography: "2008", year: 2023 });
      assert.equal(demo.run.draws, 20, "the demo series' run was not recomputed");
    });

    it("restores every result with the defaults when the indicators are recomputed", async () => {
      await recompute(store);
      const y2024 = await getIndexScores(store, { framework: "dti-405", geography: "2025", year: 2024 });
      assert.equal(y2024.run.draws, 1000);
    });

    it("ranks the 34 units on the mean of their former provinces' scores", async () => {
      const old = await getIndexScores(store, { framework: "dti-922", geography: "2008", year: 2021 });
      const merged = await getIndexScores(store, {
        framework: "dti-922",
        geography: "2025",
        year: 2021,
        basis: "mean_of_former",
      });
      const score = new Map(old.items.map((i) => [i.area, i.score!]));
      const hue = merged.items.find((i) => i.area === "46")!; // unchanged unit: its own score
      assert.equal(hue.score, score.get("46"));
      const ranks = merged.items.map((i) => i.rank);
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a! - b!),
      );
    });

    it("explains a change with contributions adding up to it, for both bases", async () => {
      for (const basis of ["indicators", "mean_of_former"] as const) {
        const e = await explainIndexChange(store, {
          framework: "dti-922",
          geography: "2025",
          area: "31",
          from: 2020,
          to: 2023,
          basis,
        });
        const sum = Object.values(e.contributions).reduce((a, x) => a + x, 0);
        assert.ok(Math.abs(sum - e.change) < 1e-12, basis);
      }
    });

    it("rejects a number of draws out of range, naming draws", async () => {
      await assert.rejects(
        computeIndexResults(store, { draws: 0 }),
        (e) => e instanceof DxmError && e.field === "draws",
      );
    });
  });
}
