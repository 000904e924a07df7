import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { CLI_ACTOR } from "../domain/auth.ts";
import { createUser, DEMO_REVIEWER } from "../services/auth.ts";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

interface Session {
  cookie: string;
  csrf: string;
}

const RULE = {
  name_vi: "Doanh thu TMĐT không vượt tổng mức bán lẻ",
  name_en: "E-commerce revenue does not exceed retail sales",
  left: "{ECOM_REVENUE}",
  operator: "<=",
  right: "{RETAIL_SALES}",
  importance: "error",
  missing: "skip_if_any_missing",
  message_vi: "Doanh thu TMĐT lớn hơn tổng mức bán lẻ",
  message_en: "E-commerce revenue is above retail sales",
  enabled: true,
};

for (const backend of await demoBackends()) {
  describe(`validation rules over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let admin: Session;
    let reviewer: Session;

    const login = async (email: string, password: string): Promise<Session> => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password },
      });
      assert.equal(res.statusCode, 200, res.body);
      return {
        cookie: String(res.headers["set-cookie"]).split(";")[0]!,
        csrf: JSON.parse(res.body).csrfToken,
      };
    };
    const put = (s: Session, id: string, body: object) =>
      app.inject({
        method: "PUT",
        url: `/api/v1/validation-rules/${id}`,
        payload: body,
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      });

    before(async () => {
      store = await backend.open();
      await createUser(store, CLI_ACTOR, {
        email: "admin@rules.test",
        role: "admin",
        password: "admin password 1",
      });
      app = await buildApp({ store, logLevel: "silent" });
      admin = await login("admin@rules.test", "admin password 1");
      reviewer = await login(DEMO_REVIEWER.email, DEMO_REVIEWER.password);
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("reads a rule back in the same spelling as it is written", async () => {
      const res = await put(admin, "ecom_le_retail_test", RULE);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(JSON.parse(res.body), { id: "ecom_le_retail_test", ...RULE });
      const list = await app.inject({ url: "/api/v1/validation-rules", headers: { cookie: admin.cookie } });
      const listed = (JSON.parse(list.body).items as { id: string }[]).find(
        (r) => r.id === "ecom_le_retail_test",
      );
      assert.deepEqual(listed, { id: "ecom_le_retail_test", ...RULE });
    });

    it("refuses a rule over an unknown element, naming the field", async () => {
      const res = await put(admin, "bad_rule_test", { ...RULE, left: "{NO_SUCH_ELEMENT}" });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(JSON.parse(res.body).field, "left");
    });

    it("lets only an admin change a rule", async () => {
      const res = await put(reviewer, "ecom_le_retail_test", { ...RULE, enabled: false });
      assert.equal(res.statusCode, 403, res.body);
    });
  });
}
