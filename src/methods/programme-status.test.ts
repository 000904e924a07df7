import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { effectiveStatus, programmeRag, ragOfClass, statusOfRag, vietnamDate } from "./programme-status.ts";

describe("programme status", () => {
  it("works the module's example: on track + acceleration needed is amber, at risk, and late after the deadline", () => {
    const rag = programmeRag(["on_track", "acceleration_needed"]);
    assert.equal(rag, "amber");
    const derived = statusOfRag(rag);
    assert.equal(derived, "at_risk");
    assert.deepEqual(
      effectiveStatus({
        deadline: "2024-12-31",
        today: "2025-01-01",
        reviewerStatus: null,
        derivedStatus: derived,
      }),
      { status: "late", source: "deadline", overdue: true },
    );
    assert.deepEqual(
      effectiveStatus({
        deadline: "2024-12-31",
        today: "2024-12-31",
        reviewerStatus: null,
        derivedStatus: derived,
      }),
      { status: "at_risk", source: "indicators", overdue: false },
      "the deadline day itself is not late",
    );
  });

  it("maps every progress class to a RAG colour and takes the worst", () => {
    assert.equal(ragOfClass("achieved"), "green");
    assert.equal(ragOfClass("on_track"), "green");
    assert.equal(ragOfClass("acceleration_needed"), "amber");
    assert.equal(ragOfClass("off_track"), "red");
    assert.equal(ragOfClass("regressing"), "red");
    assert.equal(ragOfClass("insufficient_data"), null);
    assert.equal(programmeRag(["achieved", "regressing", "acceleration_needed"]), "red");
    assert.equal(programmeRag(["achieved", "insufficient_data"]), "green");
    assert.equal(programmeRag(["insufficient_data"]), null);
    assert.equal(programmeRag([]), null);
    assert.equal(statusOfRag("red"), "at_risk");
    assert.equal(statusOfRag("green"), "on_track");
    assert.equal(statusOfRag(null), null);
  });

  it("lets a reviewer's status override the derived one, but not hide a missed deadline unless done", () => {
    const base = { deadline: "2025-12-31", today: "2025-06-01", derivedStatus: "at_risk" as const };
    assert.deepEqual(effectiveStatus({ ...base, reviewerStatus: "on_track" }), {
      status: "on_track",
      source: "reviewer",
      overdue: false,
    });
    const late = { ...base, today: "2026-01-01" };
    assert.equal(effectiveStatus({ ...late, reviewerStatus: "on_track" }).status, "late");
    assert.deepEqual(effectiveStatus({ ...late, reviewerStatus: "done" }), {
      status: "done",
      source: "reviewer",
      overdue: false,
    });
  });

  it("is not started when nothing says otherwise, and never late without a deadline", () => {
    assert.deepEqual(
      effectiveStatus({ deadline: null, today: "2099-01-01", reviewerStatus: null, derivedStatus: null }),
      { status: "not_started", source: "default", overdue: false },
    );
  });

  it("takes today's date in Vietnam (UTC+7)", () => {
    assert.equal(vietnamDate(new Date("2024-12-31T16:59:59Z")), "2024-12-31");
    assert.equal(vietnamDate(new Date("2024-12-31T17:00:00Z")), "2025-01-01");
  });
});
