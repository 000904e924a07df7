import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DxmError } from "./errors.ts";
import { formatVietnamTime, parseReleaseTime, releaseState } from "./release.ts";

describe("release times", () => {
  it("reads a time with an offset as that instant", () => {
    assert.equal(parseReleaseTime("2026-12-15T09:00+07:00").toISOString(), "2026-12-15T02:00:00.000Z");
    assert.equal(parseReleaseTime("2026-12-15T02:00:30Z").toISOString(), "2026-12-15T02:00:30.000Z");
  });

  it("reads a time without an offset as Vietnam's time", () => {
    assert.equal(parseReleaseTime("2026-12-15T09:00").toISOString(), "2026-12-15T02:00:00.000Z");
    assert.equal(parseReleaseTime("2026-01-01 06:30").toISOString(), "2025-12-31T23:30:00.000Z");
  });

  it("refuses impossible dates and other text, naming the field", () => {
    for (const bad of ["2026-02-30T09:00", "2026-12-15T25:00", "tomorrow", "2026-12-15"]) {
      assert.throws(
        () => parseReleaseTime(bad),
        (e) => e instanceof DxmError && e.field === "at",
      );
    }
  });

  it("shows an instant in Vietnam's time with its offset", () => {
    assert.equal(formatVietnamTime(new Date("2026-12-15T02:00:00Z")), "2026-12-15T09:00:00+07:00");
    assert.equal(formatVietnamTime(new Date("2025-12-31T23:30:00Z")), "2026-01-01T06:30:00+07:00");
  });

  it("derives published from the clock: one second before is scheduled, the moment itself is published", () => {
    const at = new Date("2026-12-15T02:00:00Z");
    assert.equal(releaseState("scheduled", at, new Date(at.getTime() - 1000)), "scheduled");
    assert.equal(releaseState("scheduled", at, at), "published");
    assert.equal(releaseState("draft", null, at), "draft");
  });
});
