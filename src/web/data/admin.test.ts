import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { auditParams } from "./admin.ts";

describe("auditParams", () => {
  const none = { actor: "", action: "", from: "", to: "" };

  it("should send nothing for empty filters", () => {
    assert.equal(auditParams(none).toString(), "");
  });

  it("should send the last day inclusive as the next day, since the API's until is exclusive", () => {
    const q = auditParams({ ...none, from: "2026-11-01", to: "2026-11-30" });
    assert.equal(q.get("since"), "2026-11-01");
    assert.equal(q.get("until"), "2026-12-01");
  });

  it("should trim actor and action", () => {
    const q = auditParams({ ...none, actor: " admin@dxmonitor.local ", action: "create " });
    assert.equal(q.toString(), "actor=admin%40dxmonitor.local&action=create");
  });
});
