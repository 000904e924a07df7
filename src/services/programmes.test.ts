import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import { listAudit } from "../store/audit-repo.ts";
import type { Store } from "../store/db.ts";
import { sql } from "../store/db.ts";
import {
  addProgrammeUpdate,
  createProgramme,
  getProgramme,
  listLeadAgencies,
  listProgrammes,
  seedProgrammes,
  updateProgramme,
} from "./programmes.ts";
import { demoBackends } from "./testing.ts";

const reviewer: Principal = {
  kind: "user",
  id: 201,
  email: "rev@test",
  name: "Rev",
  role: "reviewer",
  areas: [],
};
const analyst: Principal = { ...reviewer, id: 202, email: "an@test", role: "analyst" };
const reporter: Principal = {
  ...reviewer,
  id: 203,
  email: "rep@test",
  role: "reporter",
  areas: [{ geography: "2025", code: "79" }],
};

const code = (e: unknown) => (e instanceof DxmError ? `${e.code}:${e.field}` : String(e));
const BEFORE_DEADLINE = new Date("2024-12-31T16:00:00Z"); // 23:00 on 31/12/2024 in Vietnam
const AFTER_DEADLINE = new Date("2024-12-31T17:00:00Z"); // 00:00 on 1/1/2025 in Vietnam

for (const backend of await demoBackends()) {
  describe(`action programmes on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    before(async () => {
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
    });

    it("seeds the 10 forum programmes once, and a second seed adds nothing", async () => {
      const all = await listProgrammes(store, {}, BEFORE_DEADLINE);
      assert.equal(all.filter((p) => p.key?.startsWith("forum-2023-")).length, 10);
      assert.equal(await seedProgrammes(store), 0);
    });

    it("shows programme 1 late from the first day after its deadline in Vietnam, without anyone setting it", async () => {
      const id = (await listProgrammes(store, {}, BEFORE_DEADLINE)).find(
        (p) => p.key === "forum-2023-01",
      )!.id;
      const before_ = await getProgramme(store, id, BEFORE_DEADLINE);
      assert.notEqual(before_.status, "late");
      assert.equal(before_.overdue, false);
      const late = await getProgramme(store, id, AFTER_DEADLINE);
      assert.equal(late.status, "late");
      assert.equal(late.statusSource, "deadline");
      assert.equal(late.overdue, true);
      assert.equal(late.reviewerStatus, null);
    });

    it("gives each indicator of a programme its progress class, and derives a RAG status from them", async () => {
      const p = (await listProgrammes(store, {}, BEFORE_DEADLINE)).find((x) => x.key === "forum-2023-08")!;
      assert.equal(p.indicators.length, 1);
      const de = p.indicators[0]!;
      assert.equal(de.code, "DE_SHARE_GDP");
      assert.equal(de.series, "gso_official", "official figures come first");
      assert.ok(de.class !== null);
      assert.ok(de.target !== null && de.target.year >= 2024);
      assert.ok(p.derived !== null, "a status derived from the indicators");
      const noIndicators = (await listProgrammes(store, {}, BEFORE_DEADLINE)).find(
        (x) => x.key === "forum-2023-04",
      )!;
      assert.equal(noIndicators.derived, null);
      assert.equal(noIndicators.status, "not_started");
    });

    it("filters by lead agency in either language, and lists the agencies", async () => {
      const gso = await listProgrammes(store, { lead: "Tổng cục Thống kê" }, BEFORE_DEADLINE);
      assert.deepEqual(
        gso.map((p) => p.key),
        ["forum-2023-08"],
      );
      const provinces = await listProgrammes(store, { lead: "PROVINCES" }, BEFORE_DEADLINE);
      assert.deepEqual(
        provinces.map((p) => p.key),
        ["forum-2023-01", "forum-2023-02", "forum-2023-05"],
      );
      const agencies = await listLeadAgencies(store);
      assert.ok(agencies.some((a) => a.vi === "Bộ Thông tin và Truyền thông"));
    });

    it("lets a reviewer add a provincial programme, set its status with a reason, post updates; all audited", async () => {
      const now = new Date("2026-03-01T03:00:00Z");
      const p = await createProgramme(
        store,
        reviewer,
        {
          titleVi: "Kế hoạch chuyển đổi số của Thành phố Hồ Chí Minh",
          titleEn: "Ho Chi Minh City digital transformation plan",
          leadVi: "Sở Khoa học và Công nghệ TP.HCM",
          leadEn: "HCMC Department of Science and Technology",
          scope: { geography: "2025", area: "79" },
          deadline: "2026-12-31",
          progress: 20,
          evidence: [{ url: "https://example.gov.vn/ke-hoach", label: "Kế hoạch" }],
          indicators: ["DE_SHARE_GDP", "ECOM_SHARE_RETAIL"],
        },
        now,
      );
      assert.equal(p.scope?.area, "79");
      assert.equal(p.scope?.nameVi.includes("Hồ Chí Minh"), true);
      assert.equal(p.start, "2026-03-01");
      assert.equal(p.indicators.length, 2);
      assert.equal(p.indicators[0]!.series, "demo", "a province has only demo values");

      const set = await updateProgramme(
        store,
        reviewer,
        p.id,
        { status: "at_risk", statusReason: "Chậm giải ngân", progress: 35, version: p.version },
        now,
      );
      assert.equal(set.status, "at_risk");
      assert.equal(set.statusSource, "reviewer");
      assert.deepEqual(
        { ...set.reviewerStatus, at: undefined },
        { status: "at_risk", reason: "Chậm giải ngân", by: "Rev", at: undefined },
      );
      assert.equal(set.progress, 35);

      await assert.rejects(
        updateProgramme(store, reviewer, p.id, { progress: 40, version: p.version }, now),
        (e) => code(e) === "conflict:version",
        "a stale version is refused",
      );

      await addProgrammeUpdate(store, reviewer, p.id, "  Đã phê duyệt đề án  ", now);
      await addProgrammeUpdate(store, reviewer, p.id, "Second update", new Date("2026-04-01T03:00:00Z"));
      const read = await getProgramme(store, p.id, now);
      assert.deepEqual(
        read.updates.map((u) => [u.text, u.author]),
        [
          ["Đã phê duyệt đề án", "Rev"],
          ["Second update", "Rev"],
        ],
      );
      const audit = await listAudit(store.db, { entity: "programme", entityKey: String(p.id) }, 10);
      assert.deepEqual(
        audit.map((a) => a.action),
        ["programme.add_update", "programme.add_update", "programme.status", "programme.create"],
      );
      assert.ok(
        audit.every((a) => a.actor === "rev@test"),
        "the audit log names the account",
      );
      assert.equal((audit[2]!.before as { progress: number }).progress, 20);
      assert.equal((audit[2]!.after as { progress: number }).progress, 35);

      const cleared = await updateProgramme(store, reviewer, p.id, { status: null }, now);
      assert.equal(cleared.reviewerStatus, null);
      assert.notEqual(cleared.statusSource, "reviewer");
    });

    it("keeps updates append-only in the database itself", async () => {
      const p = (await listProgrammes(store, {}, BEFORE_DEADLINE))[0]!;
      await addProgrammeUpdate(store, reviewer, p.id, "kept", BEFORE_DEADLINE);
      await assert.rejects(
        sql`UPDATE programme_update SET text = 'changed'`.execute(store.db),
        /append-only/,
      );
      await assert.rejects(sql`DELETE FROM programme_update`.execute(store.db), /append-only/);
    });

    it("refuses writes from the public, analysts and reporters", async () => {
      const p = (await listProgrammes(store, {}, BEFORE_DEADLINE))[0]!;
      await assert.rejects(addProgrammeUpdate(store, null, p.id, "x", BEFORE_DEADLINE), (e) =>
        code(e).startsWith("unauthorized"),
      );
      for (const who of [analyst, reporter]) {
        await assert.rejects(updateProgramme(store, who, p.id, { progress: 1 }, BEFORE_DEADLINE), (e) =>
          code(e).startsWith("forbidden"),
        );
      }
    });

    it("refuses bad input naming the field, and stores nothing", async () => {
      const base = { titleVi: "T", titleEn: "T", leadVi: "L", leadEn: "L" };
      const cases: [Parameters<typeof createProgramme>[2], string][] = [
        [{ ...base, evidence: [{ url: "javascript:alert(1)", label: null }] }, "invalid_body:evidence.0.url"],
        [{ ...base, evidence: [{ url: "not a url", label: null }] }, "invalid_body:evidence.0.url"],
        [{ ...base, indicators: ["NOPE"] }, "unknown_code:indicators.0"],
        [{ ...base, deadline: "2025-02-30" }, "invalid_body:deadline"],
        [{ ...base, start: "2026-01-01", deadline: "2025-12-31" }, "invalid_body:deadline"],
        [{ ...base, scope: { geography: "2025", area: "99" } }, "invalid_area:area"],
      ];
      const count = (await listProgrammes(store, {}, BEFORE_DEADLINE)).length;
      for (const [input, expected] of cases) {
        await assert.rejects(
          createProgramme(store, reviewer, input, BEFORE_DEADLINE),
          (e) => code(e) === expected,
        );
      }
      const p = (await listProgrammes(store, {}, BEFORE_DEADLINE))[0]!;
      await assert.rejects(
        updateProgramme(store, reviewer, p.id, { status: "done" }, BEFORE_DEADLINE),
        (e) => code(e) === "invalid_body:status_reason",
      );
      assert.equal((await listProgrammes(store, {}, BEFORE_DEADLINE)).length, count);
    });
  });
}
