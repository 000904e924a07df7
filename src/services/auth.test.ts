import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadAreas } from "../catalog/areas.ts";
import { CLI_ACTOR, type Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { findActiveTokenByHash, findLiveSession, findUserByEmail } from "../store/auth-repo.ts";
import { upsertAreas } from "../store/catalog-repo.ts";
import type { Store } from "../store/db.ts";
import { testBackends } from "../store/testing.ts";
import { getAudit } from "./audit.ts";
import {
  ADMIN_EMAIL,
  authenticateSession,
  authenticateToken,
  changePassword,
  createMachineToken,
  createUser,
  DEMO_REVIEWER,
  demoReporter,
  ensureAdmin,
  ensureDemoUsers,
  getMachineTokens,
  getUsers,
  LOGIN_MAX_FAILURES_PER_IP,
  type LoginResult,
  login,
  logout,
  removeDemoUsers,
  revokeMachineToken,
  sha256,
  updateUserAccount,
} from "./auth.ts";

const backends = await testBackends({
  name: "auth-areas",
  folders: ["src/catalog"],
  fill: async (s) => upsertAreas(s.db, loadAreas()),
});

const MIN = 60_000;

/** The same secret with its last character changed. */
function altered(secret: string): string {
  return `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
}
const HOUR = 60 * MIN;

function ok(r: LoginResult) {
  assert.equal(r.kind, "ok");
  return r as Extract<LoginResult, { kind: "ok" }>;
}

async function rejectsWith(p: Promise<unknown>, code: string, field?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DxmError, String(e));
    assert.equal(e.code, code, e.message);
    if (field !== undefined) assert.equal(e.field, field, e.message);
    return true;
  });
}

for (const backend of backends) {
  describe(`accounts and sessions on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    let n = 0;
    /** A fresh reporter of 2025:79 with a known password. */
    async function reporter(password = "correct horse battery") {
      const email = `reporter${++n}@hcm.gov.vn`;
      const { user } = await createUser(store, CLI_ACTOR, {
        email,
        role: "reporter",
        areas: [{ geography: "2025", code: "79" }],
        password,
      });
      return { user, email, password };
    }

    it("creates a reporter scoped to provinces and lists it without any password", async () => {
      const { user, password } = await createUser(store, CLI_ACTOR, {
        email: "  Officer.One@HCM.gov.vn ",
        role: "reporter",
        areas: [
          { geography: "2025", code: "79" },
          { geography: "2025", code: "01" },
          { geography: "2025", code: "79" },
        ],
      });
      assert.equal(user.email, "officer.one@hcm.gov.vn");
      assert.equal(user.name, "officer.one");
      assert.deepEqual(user.areas, [
        { geography: "2025", code: "01" },
        { geography: "2025", code: "79" },
      ]);
      assert.ok(password && password.length >= 20, "a generated password is returned once");
      const listed = (await getUsers(store, CLI_ACTOR)).find((u) => u.id === user.id);
      assert.deepEqual(listed?.areas, user.areas);
      assert.equal(JSON.stringify(listed).includes("argon2"), false);
      const stored = await findUserByEmail(store.db, user.email);
      assert.match(stored!.passwordHash, /^\$argon2id\$/, "argon2id");
    });

    it("refuses areas that are not provinces, a reporter without areas and areas for other roles", async () => {
      const base = { email: "x@hcm.gov.vn", password: "long enough password" };
      await rejectsWith(
        createUser(store, CLI_ACTOR, {
          ...base,
          role: "reporter",
          areas: [{ geography: "2025", code: "99" }],
        }),
        "invalid_area",
        "areas",
      );
      await rejectsWith(
        createUser(store, CLI_ACTOR, {
          ...base,
          role: "reporter",
          areas: [{ geography: "2025", code: "DBSH" }],
        }),
        "invalid_area",
        "areas",
      );
      await rejectsWith(createUser(store, CLI_ACTOR, { ...base, role: "reporter" }), "invalid_body", "areas");
      await rejectsWith(
        createUser(store, CLI_ACTOR, {
          ...base,
          role: "reviewer",
          areas: [{ geography: "2025", code: "79" }],
        }),
        "invalid_body",
        "areas",
      );
      await rejectsWith(
        createUser(store, CLI_ACTOR, { ...base, role: "analyst", password: "short" }),
        "invalid_body",
        "password",
      );
      await rejectsWith(
        createUser(store, CLI_ACTOR, { ...base, email: "not an email", role: "analyst" }),
        "invalid_body",
        "email",
      );
      assert.equal(await findUserByEmail(store.db, "x@hcm.gov.vn"), undefined, "nothing stored");
    });

    it("refuses a second account with the same email, whatever its case", async () => {
      const { email } = await reporter();
      await rejectsWith(
        createUser(store, CLI_ACTOR, {
          email: email.toUpperCase(),
          role: "analyst",
          password: "another password",
        }),
        "conflict",
        "email",
      );
    });

    it("lets only admins manage users and tokens: 401 without a principal, 403 for others", async () => {
      const { user } = await reporter();
      const asReporter: Principal = {
        kind: "user",
        id: user.id,
        email: user.email,
        name: user.name,
        role: "reporter",
        areas: user.areas,
      };
      await rejectsWith(getUsers(store, null), "unauthorized");
      await rejectsWith(getUsers(store, asReporter), "forbidden");
      await rejectsWith(
        createUser(store, asReporter, { email: "evil@x.vn", role: "admin", password: "evil password!" }),
        "forbidden",
      );
      await rejectsWith(updateUserAccount(store, asReporter, user.id, { role: "admin" }), "forbidden");
      await rejectsWith(createMachineToken(store, asReporter, { name: "t", areas: user.areas }), "forbidden");
      await rejectsWith(getAudit(store, asReporter, {}), "forbidden");
    });

    it("logs in with the right password and the session's cookie authenticates the person", async () => {
      const { email, password, user } = await reporter();
      const r = ok(await login(store, { email: email.toUpperCase(), password, ip: "10.0.0.1" }));
      assert.equal(r.user.id, user.id);
      assert.match(r.session.id, /^[A-Za-z0-9_-]{43}$/);
      const s = await authenticateSession(store, r.session.id);
      assert.equal(s?.principal.email, email);
      assert.deepEqual(s?.principal.areas, [{ geography: "2025", code: "79" }]);
      assert.equal(s?.csrfToken, r.session.csrfToken);
      assert.equal(s?.idHash, sha256(r.session.id));
      assert.equal(
        await findLiveSession(store.db, r.session.id, new Date(), new Date(0)),
        undefined,
        "the id is not stored",
      );
      assert.ok(await findLiveSession(store.db, sha256(r.session.id), new Date(), new Date(0)));
      assert.equal(await authenticateSession(store, "x".repeat(43)), null);
      assert.equal(await authenticateSession(store, "not a session"), null);
    });

    it("answers a wrong email and a wrong password with the same message", async () => {
      const { email } = await reporter();
      const messages: string[] = [];
      for (const attempt of [
        { email, password: "wrong password" },
        { email: "nobody@nowhere.vn", password: "wrong password" },
      ]) {
        await assert.rejects(login(store, { ...attempt, ip: "10.0.0.2" }), (e: unknown) => {
          assert.ok(e instanceof DxmError);
          assert.equal(e.status, 401);
          messages.push(e.message);
          return true;
        });
      }
      assert.equal(messages[0], messages[1]);
      assert.doesNotMatch(messages[0]!, /unknown|no such|not found/i);
    });

    it("locks an email for 15 minutes after 5 failures, even for the right password", async () => {
      const { email, password } = await reporter();
      const t0 = new Date("2030-01-01T08:00:00Z");
      for (let i = 0; i < 5; i++) {
        await rejectsWith(
          login(
            store,
            { email, password: "wrong password", ip: `10.1.0.${i}` },
            new Date(t0.getTime() + i * MIN),
          ),
          "unauthorized",
        );
      }
      const locked = await login(
        store,
        { email, password, ip: "10.1.1.1" },
        new Date(t0.getTime() + 5 * MIN),
      );
      assert.deepEqual(locked, { kind: "throttled", retryAfterSeconds: 10 * 60 });
      // Once the oldest of the five failures is 15 minutes old, one more try is allowed.
      ok(await login(store, { email, password, ip: "10.1.1.1" }, new Date(t0.getTime() + 15 * MIN + 1000)));
    });

    it("locks a client address after 20 failures, whatever the emails", async () => {
      const t0 = new Date("2030-02-01T08:00:00Z");
      const ip = "10.2.0.1";
      for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++) {
        await rejectsWith(
          login(
            store,
            { email: `guess${i}@x.vn`, password: "wrong password", ip },
            new Date(t0.getTime() + i * 1000),
          ),
          "unauthorized",
        );
      }
      const { email, password } = await reporter();
      const locked = await login(store, { email, password, ip }, new Date(t0.getTime() + 60_000));
      assert.equal(locked.kind, "throttled");
      ok(await login(store, { email, password, ip: "10.2.0.2" }, new Date(t0.getTime() + 60_000)));
    });

    it("forgets an email's failures after a successful login", async () => {
      const { email, password } = await reporter();
      const t0 = new Date("2030-03-01T08:00:00Z");
      const at = (s: number) => new Date(t0.getTime() + s * 1000);
      for (let i = 0; i < 4; i++) {
        await rejectsWith(
          login(store, { email, password: "wrong password", ip: "10.3.0.1" }, at(i)),
          "unauthorized",
        );
      }
      ok(await login(store, { email, password, ip: "10.3.0.1" }, at(10)));
      for (let i = 0; i < 4; i++) {
        await rejectsWith(
          login(store, { email, password: "wrong password", ip: "10.3.0.2" }, at(20 + i)),
          "unauthorized",
        );
      }
      ok(await login(store, { email, password, ip: "10.3.0.3" }, at(30)));
    });

    it("ends a session after 12 hours without use or 7 days after login", async () => {
      const { email, password } = await reporter();
      const t0 = new Date(Date.now() - 1000);
      const r = ok(await login(store, { email, password, ip: "10.4.0.1" }, t0));
      const at = (ms: number) => new Date(t0.getTime() + ms);
      assert.ok(await authenticateSession(store, r.session.id, at(11 * HOUR)), "used at 11 h");
      assert.ok(await authenticateSession(store, r.session.id, at(22 * HOUR)), "11 h after its last use");
      assert.equal(await authenticateSession(store, r.session.id, at(34 * HOUR + MIN)), null, "idle 12 h");
      const r2 = ok(await login(store, { email, password, ip: "10.4.0.1" }, t0));
      for (let h = 10; h < 7 * 24; h += 10) {
        assert.ok(await authenticateSession(store, r2.session.id, at(h * HOUR)), `kept alive at ${h} h`);
      }
      assert.equal(await authenticateSession(store, r2.session.id, at(7 * 24 * HOUR + MIN)), null, "7 days");
    });

    it("ends a session on logout", async () => {
      const { email, password } = await reporter();
      const r = ok(await login(store, { email, password, ip: "10.5.0.1" }));
      const s = (await authenticateSession(store, r.session.id))!;
      await logout(store, s, s.principal);
      assert.equal(await authenticateSession(store, r.session.id), null);
    });

    it("ends every other session of a person who changes their password", async () => {
      const { email, password } = await reporter();
      const a = ok(await login(store, { email, password, ip: "10.6.0.1" }));
      const b = ok(await login(store, { email, password, ip: "10.6.0.2" }));
      const sa = (await authenticateSession(store, a.session.id))!;
      await rejectsWith(
        changePassword(store, sa.principal, sa, {
          current: "wrong password",
          next: "a new password",
          ip: "10.6.0.1",
        }),
        "forbidden",
        "current",
      );
      await rejectsWith(
        changePassword(store, sa.principal, sa, { current: password, next: "short", ip: "10.6.0.1" }),
        "invalid_body",
        "new",
      );
      const res = await changePassword(store, sa.principal, sa, {
        current: password,
        next: "a new password",
        ip: "10.6.0.1",
      });
      assert.deepEqual(res, { kind: "ok", sessionsEnded: 1 });
      assert.ok(await authenticateSession(store, a.session.id), "the changing session stays");
      assert.equal(await authenticateSession(store, b.session.id), null, "the other one ends");
      await rejectsWith(login(store, { email, password, ip: "10.6.0.3" }), "unauthorized");
      ok(await login(store, { email, password: "a new password", ip: "10.6.0.3" }));
    });

    it("disabling a user ends their sessions and refuses their login with a message about the account", async () => {
      const { email, password, user } = await reporter();
      const r = ok(await login(store, { email, password, ip: "10.7.0.1" }));
      const { user: disabled } = await updateUserAccount(store, CLI_ACTOR, user.id, { disabled: true });
      assert.equal(disabled.disabled, true);
      assert.equal(await authenticateSession(store, r.session.id), null);
      await rejectsWith(login(store, { email, password, ip: "10.7.0.1" }), "forbidden");
      await rejectsWith(login(store, { email, password: "wrong password", ip: "10.7.0.1" }), "unauthorized");
      await updateUserAccount(store, CLI_ACTOR, user.id, { disabled: false });
      ok(await login(store, { email, password, ip: "10.7.0.2" }));
    });

    it("moves areas with the role and keeps at least one active admin", async () => {
      const { user } = await reporter();
      const { user: reviewer } = await updateUserAccount(store, CLI_ACTOR, user.id, { role: "reviewer" });
      assert.deepEqual(reviewer.areas, []);
      await rejectsWith(
        updateUserAccount(store, CLI_ACTOR, user.id, { role: "reporter" }),
        "invalid_body",
        "areas",
      );
      const { user: back } = await updateUserAccount(store, CLI_ACTOR, user.id, {
        role: "reporter",
        areas: [{ geography: "2025", code: "01" }],
      });
      assert.deepEqual(back.areas, [{ geography: "2025", code: "01" }]);

      const { user: admin } = await createUser(store, CLI_ACTOR, {
        email: "only.admin@dxm.vn",
        role: "admin",
        password: "admin password",
      });
      const admins = (await getUsers(store, CLI_ACTOR)).filter((u) => u.role === "admin" && !u.disabled);
      for (const a of admins.filter((a) => a.id !== admin.id)) {
        await updateUserAccount(store, CLI_ACTOR, a.id, { disabled: true });
      }
      await rejectsWith(
        updateUserAccount(store, CLI_ACTOR, admin.id, { disabled: true }),
        "conflict",
        "disabled",
      );
      await rejectsWith(
        updateUserAccount(store, CLI_ACTOR, admin.id, { role: "analyst" }),
        "conflict",
        "role",
      );
      await rejectsWith(updateUserAccount(store, CLI_ACTOR, 999_999, { disabled: true }), "not_found", "id");
    });

    it("resets a password to a generated one shown once, ending the user's sessions", async () => {
      const { email, password, user } = await reporter();
      const r = ok(await login(store, { email, password, ip: "10.8.0.1" }));
      const { password: generated } = await updateUserAccount(store, CLI_ACTOR, user.id, {
        resetPassword: true,
      });
      assert.ok(generated);
      assert.equal(await authenticateSession(store, r.session.id), null);
      ok(await login(store, { email, password: generated, ip: "10.8.0.1" }));
    });

    it("machine tokens are scoped, stored hashed, usable until revoked", async () => {
      const { token, secret } = await createMachineToken(store, CLI_ACTOR, {
        name: "HCMC statistics system",
        areas: [{ geography: "2025", code: "79" }],
      });
      assert.match(secret, /^dxm_[A-Za-z0-9_-]{43}$/);
      assert.equal(token.prefix, secret.slice(0, 12));
      const p = await authenticateToken(store, secret);
      assert.deepEqual(p, {
        kind: "token",
        id: token.id,
        email: null,
        name: "HCMC statistics system",
        role: "reporter",
        areas: [{ geography: "2025", code: "79" }],
      });
      assert.equal(await findActiveTokenByHash(store.db, secret), undefined, "the secret is not stored");
      const listed = await getMachineTokens(store, CLI_ACTOR);
      assert.equal(JSON.stringify(listed).includes(secret), false);
      assert.equal(await authenticateToken(store, altered(secret)), null);
      const revoked = await revokeMachineToken(store, CLI_ACTOR, token.id);
      assert.ok(revoked.revokedAt);
      assert.equal(await authenticateToken(store, secret), null);
      await rejectsWith(
        createMachineToken(store, CLI_ACTOR, { name: "x", areas: [{ geography: "2008", code: "VN" }] }),
        "invalid_area",
        "areas",
      );
      await rejectsWith(
        createMachineToken(store, CLI_ACTOR, { name: "x", areas: [] }),
        "invalid_body",
        "areas",
      );
      await rejectsWith(revokeMachineToken(store, CLI_ACTOR, 987_654), "not_found", "id");
    });

    it("records every write in the audit log, never a password or a token", async () => {
      const secretPassword = "audit-secret-password-1";
      const { user } = await createUser(store, CLI_ACTOR, {
        email: "audited@x.vn",
        role: "analyst",
        password: secretPassword,
      });
      await updateUserAccount(store, CLI_ACTOR, user.id, { name: "Audited Person" });
      const { token, secret } = await createMachineToken(store, CLI_ACTOR, {
        name: "audited token",
        areas: [{ geography: "2025", code: "01" }],
      });
      await revokeMachineToken(store, CLI_ACTOR, token.id);
      const r = ok(await login(store, { email: "audited@x.vn", password: secretPassword, ip: "10.9.0.1" }));
      const page = await getAudit(store, CLI_ACTOR, { limit: 1000 });
      const actions = page.items.map((e) => `${e.entity}:${e.action}:${e.entityKey}`);
      for (const expected of [
        "user:create:audited@x.vn",
        "user:update:audited@x.vn",
        `token:create:${token.id}`,
        `token:revoke:${token.id}`,
        "user:login:audited@x.vn",
      ]) {
        assert.ok(actions.includes(expected), `${expected} in ${actions.join(" ")}`);
      }
      const update = page.items.find((e) => e.action === "update" && e.entityKey === "audited@x.vn")!;
      assert.equal(update.actor, "cli");
      assert.equal(update.before?.name, "audited");
      assert.equal(update.after?.name, "Audited Person");
      const all = JSON.stringify(page.items);
      for (const s of [secretPassword, secret, r.session.id, r.session.csrfToken, "$argon2"]) {
        assert.equal(all.includes(s), false, `the audit log does not hold ${s.slice(0, 8)}…`);
      }
    });
  });

  describe(`first start and demo accounts on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("creates the admin account with a one-time password on an empty database, and only then", async () => {
      const first = await ensureAdmin(store);
      assert.equal(first?.email, ADMIN_EMAIL);
      assert.ok(first && first.password.length >= 20);
      ok(await login(store, { email: ADMIN_EMAIL, password: first.password, ip: "10.10.0.1" }));
      assert.equal(await ensureAdmin(store), null);
      const [a, b] = await Promise.all([ensureAdmin(store), ensureAdmin(store)]);
      assert.deepEqual([a, b], [null, null]);
    });

    it("creates one reporter per 2025 province, a reviewer and an analyst, once", async () => {
      const demo = await ensureDemoUsers(store);
      assert.equal(demo.filter((d) => d.role === "reporter").length, 34);
      const hcm = demo.find((d) => d.email === demoReporter("79").email);
      assert.deepEqual(hcm, {
        email: "reporter-79@demo.dxmonitor.local",
        password: "demo-79-2025",
        role: "reporter",
        areas: ["2025:79"],
      });
      assert.ok(demo.some((d) => d.role === "reviewer" && d.email === DEMO_REVIEWER.email));
      assert.ok(demo.some((d) => d.role === "analyst"));
      const r = ok(await login(store, { email: hcm!.email, password: hcm!.password, ip: "10.10.0.2" }));
      assert.deepEqual(r.user.areas, [{ geography: "2025", code: "79" }]);
      const count = (await getUsers(store, CLI_ACTOR)).length;
      const again = await ensureDemoUsers(store);
      assert.deepEqual(again, demo);
      assert.equal((await getUsers(store, CLI_ACTOR)).length, count, "idempotent");
      const removed = await removeDemoUsers(store);
      assert.equal(removed.length, 36);
      assert.deepEqual(
        (await getUsers(store, CLI_ACTOR)).map((u) => u.email),
        [ADMIN_EMAIL],
      );
    });
  });
}
