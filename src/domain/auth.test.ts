import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  actorName,
  CLI_ACTOR,
  canonicalAreas,
  isEmail,
  isRole,
  normalizeEmail,
  parseAreaScope,
  passwordProblem,
} from "./auth.ts";

describe("accounts: rules", () => {
  it("parses provinces written GEOGRAPHY:CODE and refuses anything else", () => {
    assert.deepEqual(parseAreaScope("2025:79"), { geography: "2025", code: "79" });
    assert.deepEqual(parseAreaScope(" 2008:01 "), { geography: "2008", code: "01" });
    for (const bad of ["79", "2010:79", "2025:", "2025:79;DROP TABLE", "2025:7 9", ""]) {
      assert.equal(parseAreaScope(bad), undefined, bad);
    }
  });

  it("sorts areas and removes duplicates", () => {
    assert.deepEqual(
      canonicalAreas([
        { geography: "2025", code: "79" },
        { geography: "2008", code: "79" },
        { geography: "2025", code: "01" },
        { geography: "2025", code: "79" },
      ]),
      [
        { geography: "2008", code: "79" },
        { geography: "2025", code: "01" },
        { geography: "2025", code: "79" },
      ],
    );
  });

  it("accepts passwords of 10 to 1024 characters that are not only spaces", () => {
    assert.equal(passwordProblem("ten chars!"), undefined);
    assert.match(passwordProblem("nine char") ?? "", /at least 10/);
    assert.match(passwordProblem(" ".repeat(12)) ?? "", /spaces/);
    assert.match(passwordProblem("x".repeat(1025)) ?? "", /at most 1024/);
  });

  it("compares emails lower-case and checks their form", () => {
    assert.equal(normalizeEmail("  Lan.Nguyen@HCM.gov.VN "), "lan.nguyen@hcm.gov.vn");
    assert.equal(isEmail("lan.nguyen@hcm.gov.vn"), true);
    for (const bad of [
      "lan",
      "lan@",
      "@hcm.gov.vn",
      "lan nguyen@hcm.gov.vn",
      "lan@hcm",
      `${"a".repeat(250)}@x.vn`,
    ]) {
      assert.equal(isEmail(bad), false, bad);
    }
  });

  it("names the actor of the audit log: email, token number or the command line", () => {
    assert.equal(
      actorName({ kind: "user", id: 3, email: "a@x.vn", name: "A", role: "admin", areas: [] }),
      "a@x.vn",
    );
    assert.equal(
      actorName({ kind: "token", id: 9, email: null, name: "T", role: "reporter", areas: [] }),
      "token:9",
    );
    assert.equal(actorName(CLI_ACTOR), "cli");
    assert.equal(isRole("reporter"), true);
    assert.equal(isRole("root"), false);
  });
});
