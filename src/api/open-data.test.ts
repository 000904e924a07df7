import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Observation } from "../domain/observation.ts";
import { OBSERVATION_COLUMNS } from "../services/export.ts";
import { recompute } from "../services/recompute.ts";
import { SDMX_CSV_COLUMNS } from "../services/sdmx.ts";
import { demoBackends } from "../services/testing.ts";
import { encodeEntries } from "../store/computed-repo.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import { buildApp } from "./app.ts";

interface Session {
  cookie: string;
  csrf: string;
}

const T0 = new Date("2026-11-20T03:00:00Z");
const AT = new Date("2026-12-15T02:00:00Z"); // 09:00 in Vietnam

function obs(area: string, element: string, value: number): Observation {
  return {
    series: "reported",
    code: element,
    target: "element",
    geography: "2025",
    area,
    period: "2026-Q3",
    value,
    status: "preliminary",
    note: null,
  };
}

for (const backend of await demoBackends()) {
  describe(`releases and open data over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    let clock = T0;
    let reviewer: Session;
    let releaseId: number;

    const call = (s: Session | null, method: "GET" | "POST" | "DELETE", url: string, payload?: unknown) =>
      app.inject({
        method,
        url,
        ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
        headers: {
          ...(s ? { cookie: s.cookie } : {}),
          ...(s && method !== "GET" ? { "x-csrf-token": s.csrf } : {}),
        },
      });
    const publicReported = async () =>
      JSON.parse(
        (
          await call(
            null,
            "GET",
            "/api/v1/observations?indicator=ECOM_SHARE_RETAIL&series=reported&area=79&period=2026-Q3",
          )
        ).body,
      ).items as { value: number }[];

    before(async () => {
      store = await backend.open();
      await upsertObservations(
        store.db,
        [obs("79", "RETAIL_SALES", 1000), obs("79", "ECOM_REVENUE", 100)],
        "reviewer@demo.dxmonitor.local",
        "approval",
      );
      await recompute(store, { series: ["reported"] });
      // A hostile value that reached the store: its text fields must come out as text.
      await store.db
        .insertInto("computed_value")
        .values({
          indicator: "DE_SHARE_GDP",
          series: "gso_official",
          geography: "2025",
          area_code: "79",
          area_level: "province",
          hash: "test",
          entries: 1,
          periods: encodeEntries([
            {
              p: "2024",
              v: -1,
              n: null,
              d: null,
              c: false,
              m: ["+cmd|' /C calc'!A0"],
              cp: 0.5,
              mt: '=HYPERLINK("x")',
              s: "official",
            },
          ]),
          published: true,
        })
        .execute();
      app = await buildApp({ store, logLevel: "silent", now: () => clock });
      const res = await call(null, "POST", "/api/v1/auth/login", {
        email: "reviewer@demo.dxmonitor.local",
        password: "reviewer-demo-2025",
      });
      assert.equal(res.statusCode, 200, res.body);
      reviewer = {
        cookie: String(res.headers["set-cookie"]).split(";")[0]!,
        csrf: JSON.parse(res.body).csrfToken,
      };
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("lets a reviewer prepare and schedule a release, and refuses the public", async () => {
      assert.equal((await call(null, "POST", "/api/v1/releases", { period: "2026-Q3" })).statusCode, 401);
      const bad = await call(reviewer, "POST", "/api/v1/releases", { period: "2026-Q7" });
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).field, "period");
      const res = await call(reviewer, "POST", "/api/v1/releases", {
        period: "2026-Q3",
        note: "First release",
      });
      assert.equal(res.statusCode, 201, res.body);
      const r = JSON.parse(res.body);
      releaseId = r.id;
      assert.equal(r.state, "draft");
      assert.ok(
        r.changes.some(
          (c: { change: string; code: string }) => c.change === "new" && c.code === "ECOM_SHARE_RETAIL",
        ),
      );
      const s = await call(reviewer, "POST", `/api/v1/releases/${releaseId}/schedule`, {
        at: "2026-12-15T09:00+07:00",
      });
      assert.equal(s.statusCode, 200, s.body);
      assert.equal(JSON.parse(s.body).release_at, AT.toISOString());
      assert.equal(JSON.parse(s.body).release_at_local, "2026-12-15T09:00:00+07:00");
    });

    it("lets a reviewer preview the scheduled release's values and changes, privately, before its time", async () => {
      clock = new Date(AT.getTime() - 1000);
      const values = await call(
        reviewer,
        "GET",
        `/api/v1/releases/${releaseId}/values?indicator=ECOM_SHARE_RETAIL&area=79&period=2026-Q3`,
      );
      assert.equal(values.statusCode, 200, values.body);
      assert.equal(values.headers["cache-control"], "private, no-store");
      const v = JSON.parse(values.body);
      assert.equal(v.release.state, "scheduled");
      assert.deepEqual(
        v.items.map((o: { series: string; value: number; unit: string }) => [o.series, o.value, o.unit]),
        [["reported", 10, "percent"]],
      );
      const detail = await call(reviewer, "GET", `/api/v1/releases/${releaseId}?change=new`);
      assert.equal(detail.statusCode, 200);
      assert.equal(detail.headers["cache-control"], "private, no-store");
      assert.ok(JSON.parse(detail.body).changes.length > 0);
      const file = await call(reviewer, "GET", `/api/v1/releases/${releaseId}/data?format=csv`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers["cache-control"], "private, no-store");
      // The reviewer's reads went through no public cache: the public still sees nothing.
      assert.equal((await call(null, "GET", `/api/v1/releases/${releaseId}/values`)).statusCode, 404);
      assert.equal((await call(null, "GET", `/api/v1/releases/${releaseId}`)).statusCode, 404);
      const list = await call(null, "GET", "/api/v1/releases");
      assert.deepEqual(JSON.parse(list.body).items, []);
      assert.equal(list.headers["cache-control"], "public, no-cache");
      assert.deepEqual(await publicReported(), []);
      // Paging: one value a page, the next offset given.
      const page = JSON.parse(
        (await call(reviewer, "GET", `/api/v1/releases/${releaseId}/values?limit=1`)).body,
      );
      assert.equal(page.items.length, 1);
      assert.equal(page.next_offset, 1);
      const bad = await call(reviewer, "GET", `/api/v1/releases/${releaseId}/values?limit=0`);
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).field, "limit");
    });

    it("shows nothing of the release one second before its time, on every public route", async () => {
      clock = new Date(AT.getTime() - 1000);
      assert.deepEqual(await publicReported(), []);
      assert.deepEqual(JSON.parse((await call(null, "GET", "/api/v1/releases")).body).items, []);
      assert.equal((await call(null, "GET", `/api/v1/releases/${releaseId}`)).statusCode, 404);
      assert.equal(
        (await call(null, "GET", `/api/v1/releases/${releaseId}/data?format=csv`)).statusCode,
        404,
      );
      const bulk = await call(null, "GET", "/api/v1/data/ECOM_SHARE_RETAIL?format=csv&series=reported");
      assert.equal(bulk.body.trim(), OBSERVATION_COLUMNS.join(","), "header only");
      // Staff see it scheduled.
      const staff = JSON.parse((await call(reviewer, "GET", "/api/v1/releases")).body).items;
      assert.equal(staff[0].state, "scheduled");
    });

    it("shows the release at its time", async () => {
      clock = AT;
      assert.deepEqual(
        (await publicReported()).map((o) => o.value),
        [10],
      );
      const list = JSON.parse((await call(null, "GET", "/api/v1/releases")).body).items;
      assert.deepEqual(
        list.map((r: { id: number; state: string }) => [r.id, r.state]),
        [[releaseId, "published"]],
      );
      assert.equal(list[0].prepared_by, undefined, "who prepared it is for staff");
      const detail = JSON.parse(
        (await call(null, "GET", `/api/v1/releases/${releaseId}?target=indicator&limit=2`)).body,
      );
      assert.equal(detail.changes.length, 2);
      assert.equal(detail.next_offset, 2);
      const csv = await call(
        null,
        "GET",
        `/api/v1/releases/${releaseId}/data?format=csv&indicator=ECOM_SHARE_RETAIL`,
      );
      const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
      assert.ok(
        rows.some(
          (r) => r.area === "79" && r.period === "2026-Q3" && r.value === "10" && r.series === "reported",
        ),
      );
    });

    it("refuses to change or delete a published release (409)", async () => {
      clock = new Date(AT.getTime() + 1000);
      const s = await call(reviewer, "POST", `/api/v1/releases/${releaseId}/schedule`, {
        at: "2027-01-01T09:00",
      });
      assert.equal(s.statusCode, 409);
      assert.equal((await call(reviewer, "DELETE", `/api/v1/releases/${releaseId}`)).statusCode, 409);
    });

    it("exports an indicator in every format, each read back by an independent reader", async () => {
      const url = (format: string) =>
        `/api/v1/data/DE_SHARE_GDP?format=${format}&series=gso_official,mic_estimate`;
      const csv = await call(null, "GET", url("csv"));
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers["content-type"]), /^text\/csv/);
      assert.match(
        String(csv.headers["content-disposition"]),
        /attachment; filename="dxmonitor-DE_SHARE_GDP.csv"/,
      );
      const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
      assert.deepEqual(Object.keys(rows[0]!), [...OBSERVATION_COLUMNS]);
      assert.equal(OBSERVATION_COLUMNS.at(-1), "unit", "the unit is the last column");
      assert.ok(rows.length > 10);
      assert.ok(
        rows.every((r) => r.unit === "percent"),
        "every row carries its indicator's unit",
      );
      const vn2023 = rows.find((r) => r.area === "VN" && r.period === "2023" && r.series === "mic_estimate");
      assert.equal(Number(vn2023?.value), 16.5);

      const json = JSON.parse((await call(null, "GET", url("json"))).body);
      assert.equal(json.items.length, rows.length);
      assert.deepEqual(json.columns, [...OBSERVATION_COLUMNS]);

      const sdmxCsv = await call(null, "GET", url("sdmx-csv"));
      assert.match(
        String(sdmxCsv.headers["content-type"]),
        /^application\/vnd\.sdmx\.data\+csv; version=2\.0\.0/,
      );
      const sRows = parse(sdmxCsv.body, { columns: true }) as Record<string, string>[];
      assert.deepEqual(Object.keys(sRows[0]!), [...SDMX_CSV_COLUMNS]);
      assert.equal(sRows.length, rows.length);
      const sVn = sRows.find(
        (r) => r.REF_AREA === "2025_VN" && r.TIME_PERIOD === "2023" && r.SERIES === "mic_estimate",
      );
      assert.deepEqual(
        [
          sVn?.STRUCTURE,
          sVn?.STRUCTURE_ID,
          sVn?.ACTION,
          sVn?.FREQ,
          sVn?.INDICATOR,
          sVn?.UNIT_MEASURE,
          Number(sVn?.OBS_VALUE),
        ],
        ["datastructure", "DXM:DSD_DXM(1.0)", "I", "A", "DE_SHARE_GDP", "percent", 16.5],
      );

      const sj = JSON.parse((await call(null, "GET", url("sdmx-json"))).body);
      const structure = sj.data.structures[0];
      const dims = structure.dimensions.series as { id: string; values: { id: string }[] }[];
      assert.deepEqual(
        dims.map((d) => d.id),
        ["FREQ", "REF_AREA", "INDICATOR", "UNIT_MEASURE", "SERIES"],
      );
      const times = structure.dimensions.observation[0].values as { value: string }[];
      let count = 0;
      let found: number | undefined;
      for (const [key, s] of Object.entries(
        sj.data.dataSets[0].series as Record<string, { observations: Record<string, [number, number]> }>,
      )) {
        const codes = key.split(":").map((i, d) => dims[d]!.values[Number(i)]!.id);
        for (const [t, o] of Object.entries(s.observations)) {
          count++;
          if (codes[1] === "2025_VN" && codes[4] === "mic_estimate" && times[Number(t)]!.value === "2023")
            found = o[0];
        }
      }
      assert.equal(count, rows.length);
      assert.equal(found, 16.5);

      const xlsx = await call(null, "GET", url("xlsx"));
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("data")!;
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [...OBSERVATION_COLUMNS]);
      assert.equal(sheet.actualRowCount, rows.length + 1);
      assert.equal(sheet.getRow(2).getCell(OBSERVATION_COLUMNS.length).value, "percent");
      assert.ok(json.items.every((o: { unit: string }) => o.unit === "percent"));
    });

    it("neutralises formulas in CSV, SDMX-CSV and XLSX exports", async () => {
      const csv = await call(null, "GET", "/api/v1/data/DE_SHARE_GDP?format=csv&series=gso_official");
      const row = (parse(csv.body, { columns: true }) as Record<string, string>[]).find(
        (r) => r.area === "79",
      );
      assert.equal(row?.method, `'=HYPERLINK("x")`);
      assert.equal(row?.missing, "'+cmd|' /C calc'!A0");
      assert.equal(row?.value, "-1", "numbers stay numbers");
      const xlsx = await call(null, "GET", "/api/v1/data/DE_SHARE_GDP?format=xlsx&series=gso_official");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("data")!;
      const cells: unknown[] = [];
      sheet.eachRow((r) => {
        if (r.getCell(3).value === "79")
          cells.push(r.getCell(12).value, r.getCell(10).value, r.getCell(6).value);
      });
      assert.deepEqual(cells, [`'=HYPERLINK("x")`, "'+cmd|' /C calc'!A0", -1]);
      await store.db.updateTable("series").set({ name_en: "=2+3" }).where("code", "=", "demo").execute();
      const cl = await call(null, "GET", "/api/v1/sdmx/codelists/CL_SERIES?format=csv");
      assert.match(cl.body, /\n?demo,,[^,\n]*,'=2\+3\n/);
    });

    it("exports everything in one file, the released values included", async () => {
      const csv = await call(null, "GET", "/api/v1/data?format=sdmx-csv");
      const lines = csv.body.split("\n");
      assert.equal(lines[0], SDMX_CSV_COLUMNS.join(","));
      assert.ok(lines.length > 100_000, `${lines.length} lines`);
      // Every line has the same number of fields (none of these cells needs quotes).
      assert.ok(lines.slice(1, -1).every((l) => l.split(",").length === SDMX_CSV_COLUMNS.length));
      assert.ok(
        lines.some((l) =>
          /^datastructure,DXM:DSD_DXM\(1\.0\),I,Q,2025_79,ECOM_SHARE_RETAIL,percent,reported,2026-Q3,10,P$/.test(
            l,
          ),
        ),
      );
      assert.ok(lines.some((l) => l.includes(",demo,")));
    });

    it("serves the DSD and the codelists of both geographies", async () => {
      const dsd = JSON.parse((await call(null, "GET", "/api/v1/sdmx/dsd")).body);
      const comps = dsd.data.dataStructures[0].dataStructureComponents;
      assert.deepEqual(
        [
          ...comps.dimensionList.dimensions.map((d: { id: string }) => d.id),
          comps.dimensionList.timeDimension.id,
        ],
        ["FREQ", "REF_AREA", "INDICATOR", "UNIT_MEASURE", "SERIES", "TIME_PERIOD"],
      );
      assert.equal(comps.measureList.measures[0].id, "OBS_VALUE");
      assert.equal(comps.attributeList.attributes[0].id, "OBS_STATUS");
      const areas = JSON.parse((await call(null, "GET", "/api/v1/sdmx/codelists/CL_AREA")).body).data
        .codelists[0];
      const ids = new Set(areas.codes.map((c: { id: string }) => c.id));
      assert.ok(ids.has("2025_79") && ids.has("2008_01") && ids.has("2025_VN"));
      assert.equal(ids.size, 1 + 6 + 63 + 1 + 6 + 34);
      const bad = await call(null, "GET", "/api/v1/sdmx/codelists/CL_NOPE");
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).field, "id");
    });

    it("answers a bad format or an unknown indicator with a 400 naming the field", async () => {
      const f = await call(null, "GET", "/api/v1/data?format=pdf");
      assert.equal(f.statusCode, 400);
      assert.equal(JSON.parse(f.body).field, "format");
      const i = await call(null, "GET", "/api/v1/data/NOPE?format=csv");
      assert.equal(i.statusCode, 400);
      assert.equal(JSON.parse(i.body).field, "indicator");
    });
  });
}
