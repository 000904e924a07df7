import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTimeline } from "./timeline-model.ts";

describe("programme timeline", () => {
  it("spans whole years from the first start to the year after the last deadline or today", () => {
    const m = buildTimeline(
      [
        { id: 1, start: "2023-09-14", deadline: "2024-12-31" },
        { id: 2, start: "2023-09-14", deadline: null },
      ],
      "2025-07-01",
    );
    assert.equal(m.firstYear, 2023);
    assert.equal(m.endYear, 2026);
    assert.deepEqual(m.years, [2023, 2024, 2025]);
    const [a, b] = m.bars;
    // 2023-09-14 is day 256 of a 1096-day axis; the bar ends on 1 January 2025 (day 731).
    assert.ok(Math.abs(a!.left - 256 / 1096) < 1e-9);
    assert.ok(Math.abs(a!.left + a!.width - 731 / 1096) < 1e-9);
    assert.equal(a!.openEnded, false);
    assert.equal(b!.openEnded, true);
    assert.ok(Math.abs(b!.left + b!.width - m.today) < 1e-9, "an open bar runs to today");
  });

  it("clamps a bar to the axis and keeps a sliver visible for a one-day programme", () => {
    const m = buildTimeline([{ id: 1, start: "2026-01-01", deadline: "2026-01-01" }], "2026-01-01");
    assert.ok(m.bars[0]!.width > 0);
    assert.ok(m.bars[0]!.left >= 0 && m.bars[0]!.left + m.bars[0]!.width <= 1);
  });
});
