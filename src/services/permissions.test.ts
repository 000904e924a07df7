import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Principal, Role } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { assertCan, canAdmin, canReadDrafts, canReview, canWriteReport } from "./permissions.ts";

const hcm = { geography: "2025", code: "79" } as const;
const hanoi = { geography: "2025", code: "01" } as const;
const hcm2008 = { geography: "2008", code: "79" } as const;

function user(role: Role, areas: Principal["areas"] = []): Principal {
  return { kind: "user", id: 1, email: `${role}@x.vn`, name: role, role, areas };
}
const token: Principal = {
  kind: "token",
  id: 7,
  email: null,
  name: "HCMC system",
  role: "reporter",
  areas: [hcm],
};

describe("permissions", () => {
  const cases: [
    string,
    Principal | null,
    { read79: boolean; read01: boolean; write79: boolean; write01: boolean; review: boolean; admin: boolean },
  ][] = [
    [
      "the public",
      null,
      { read79: false, read01: false, write79: false, write01: false, review: false, admin: false },
    ],
    [
      "an admin",
      user("admin"),
      { read79: true, read01: true, write79: true, write01: true, review: true, admin: true },
    ],
    [
      "a reviewer",
      user("reviewer"),
      { read79: true, read01: true, write79: false, write01: false, review: true, admin: false },
    ],
    [
      "an analyst",
      user("analyst"),
      { read79: true, read01: true, write79: false, write01: false, review: false, admin: false },
    ],
    [
      "a reporter of 79",
      user("reporter", [hcm]),
      { read79: true, read01: false, write79: true, write01: false, review: false, admin: false },
    ],
    [
      "a token of 79",
      token,
      { read79: true, read01: false, write79: true, write01: false, review: false, admin: false },
    ],
  ];
  for (const [who, p, expected] of cases) {
    it(`gives ${who} exactly the rights of the role × scope matrix`, () => {
      assert.deepEqual(
        {
          read79: canReadDrafts(p, hcm),
          read01: canReadDrafts(p, hanoi),
          write79: canWriteReport(p, hcm),
          write01: canWriteReport(p, hanoi),
          review: canReview(p),
          admin: canAdmin(p),
        },
        expected,
      );
    });
  }

  it("tells the geographies apart: code 79 of 2008 is not code 79 of 2025", () => {
    assert.equal(canWriteReport(user("reporter", [hcm]), hcm2008), false);
    assert.equal(canReadDrafts(token, hcm2008), false);
  });

  it("never lets a token review or administer, whatever role it claims", () => {
    const forged: Principal = { ...token, role: "admin" };
    assert.equal(canAdmin(forged), false);
    assert.equal(canReview(forged), false);
  });

  it("throws 401 for the public and 403 for a person who may not, naming what was refused", () => {
    assert.throws(
      () => assertCan(false, null, "write the report of 2025:01"),
      (e: unknown) =>
        e instanceof DxmError && e.status === 401 && /write the report of 2025:01/.test(e.message),
    );
    assert.throws(
      () => assertCan(false, user("reporter", [hcm]), "write the report of 2025:01"),
      (e: unknown) =>
        e instanceof DxmError &&
        e.status === 403 &&
        e.code === "forbidden" &&
        /reporter@x\.vn.*2025:01/.test(e.message),
    );
    assert.doesNotThrow(() => assertCan(true, null, "read"));
  });
});
