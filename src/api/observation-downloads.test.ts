import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { demoBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";

for (const backend of await demoBackends()) {
  describe(`observation downloads (CSV, XLSX) on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    const query = "indicator=DE_SHARE_GDP&area=VN&period_kind=Y";

    it("should give the same rows as the JSON route as a CSV attachment", async () => {
      const json = JSON.parse((await app.inject({ url: `/api/v1/observations?${query}` })).body) as {
        items: { value: number }[];
      };
      const res = await app.inject({ url: `/api/v1/observations.csv?${query}` });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /^text\/csv/);
      assert.match(
        String(res.headers["content-disposition"]),
        /attachment; filename="dxmonitor-observations-DE_SHARE_GDP\.csv"/,
      );
      const lines = res.body.trim().split("\n");
      assert.equal(lines[0]?.split(",")[0], "indicator");
      assert.equal(lines[0]?.split(",").at(-1), "unit");
      for (const line of lines.slice(1)) assert.equal(line.split(",").at(-1), "percent", line);
      assert.equal(lines.length - 1, json.items.length);
      assert.ok(json.items.length > 5);
    });

    it("should give the same rows as an Excel workbook with numbers stored as numbers", async () => {
      const json = JSON.parse((await app.inject({ url: `/api/v1/observations?${query}` })).body) as {
        items: { value: number }[];
      };
      const res = await app.inject({ url: `/api/v1/observations.xlsx?${query}` });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-disposition"]), /\.xlsx"/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("observations");
      assert.ok(sheet);
      assert.equal(sheet.rowCount - 1, json.items.length);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const valueCol = header.indexOf("value") + 1;
      assert.equal(typeof sheet.getRow(2).getCell(valueCol).value, "number");
    });

    it("should refuse an unknown parameter with a 400 naming it", async () => {
      const res = await app.inject({ url: "/api/v1/observations.xlsx?colour=red" });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /colour/);
    });

    it("should refuse an unknown indicator with a 400 before any CSV is written", async () => {
      const res = await app.inject({ url: "/api/v1/observations.csv?indicator=NOPE" });
      assert.equal(res.statusCode, 400);
      assert.equal(JSON.parse(res.body).field, "indicator");
    });
  });
}
