/**
 * The open-data and releases pages in Chromium against a demo server: `/data` links every
 * indicator's downloads and the link answers a CSV file; `/releases` says there is no release yet
 * to the public, and a reviewer who tries to prepare one with nothing approved gets the server's
 * message in Vietnamese; once values are approved, the reviewer prepares and schedules a release
 * and previews its values and changes, which the public cannot read.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { recompute } from "../src/services/recompute.ts";
import { upsertObservations } from "../src/store/observations-repo.ts";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();

describe("open data (/data) and releases (/releases) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let page: Page;

  before(
    async () => {
      session = await openBrowserSession();
      page = session.page;
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await session?.close();
  });

  it("lists the downloads of every indicator, each a working file", async () => {
    await page.goto(`${session!.url}/data`);
    const list = page.getByTestId("data-indicators");
    await list.waitFor();
    const csv = list
      .getByRole("link", { name: /DE_SHARE_GDP|Tỷ trọng kinh tế số trong GDP\/GRDP — CSV/ })
      .first();
    const href = await csv.getAttribute("href");
    assert.equal(href, "/api/v1/data/DE_SHARE_GDP?format=csv");
    const res = await page.request.get(`${session!.url}${href}`);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /^indicator,geography,area,period,series,value/);
    assert.ok(await page.getByRole("link", { name: /DSD/ }).isVisible());
    assert.deepEqual(session!.errors, []);
  });

  it("shows the public no release yet, and a reviewer the server's reason when nothing is approved", async () => {
    await page.goto(`${session!.url}/releases`);
    await page.getByText("Chưa có đợt công bố nào.").waitFor();
    await page.goto(`${session!.url}/login`);
    await page.getByLabel("Email").fill("reviewer@demo.dxmonitor.local");
    await page.getByLabel("Mật khẩu").fill("reviewer-demo-2025");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.goto(`${session!.url}/releases`);
    await page.getByLabel("Kỳ (vd. 2026-Q3)").fill("2026-Q3");
    await page.getByRole("button", { name: "Chuẩn bị" }).click();
    await page.getByText(/Chưa có số liệu được duyệt đến kỳ 2026-Q3/).waitFor();
    assert.deepEqual(session!.errors, []);
  });

  it("lets the reviewer preview a scheduled release's values and changes, which the public cannot read", async () => {
    // Approved values, as the reporting workflow stores them (the reviewer is still logged in).
    const store = session!.store;
    const value = (code: string, v: number) => ({
      series: "reported",
      code,
      target: "element" as const,
      geography: "2025" as const,
      area: "79",
      period: "2026-Q3",
      value: v,
      status: "preliminary" as const,
      note: null,
    });
    await upsertObservations(
      store.db,
      [value("RETAIL_SALES", 1000), value("ECOM_REVENUE", 100)],
      "reviewer@demo.dxmonitor.local",
      "approval",
    );
    await recompute(store, { series: ["reported"] });
    await page.goto(`${session!.url}/releases`);
    await page.getByLabel("Kỳ (vd. 2026-Q3)").fill("2026-Q3");
    await page.getByRole("button", { name: "Chuẩn bị" }).click();
    await page.getByText("Đã lưu.").first().waitFor();
    await page.getByLabel("Ngày giờ công bố (giờ Việt Nam)").fill("2099-01-15T09:00");
    await page.getByRole("button", { name: "Lên lịch" }).click();
    await page.getByTestId("releases-table").getByText("Đã lên lịch (chưa công bố)").waitFor();
    await page
      .getByRole("button", { name: /· Xem thay đổi/ })
      .first()
      .click();
    await page.getByTestId("release-preview").waitFor();
    assert.match(
      (await page.getByTestId("release-preview").textContent()) ?? "",
      /chưa công bố.*15\/01\/2099 09:00/,
    );
    const values = page.getByTestId("release-values");
    await values
      .getByRole("row", { name: /ECOM_SHARE_RETAIL.*2025:79.*2026-Q3.*reported.*10.*percent/ })
      .waitFor();
    await page
      .getByTestId("release-changes")
      .getByRole("cell", { name: "ECOM_SHARE_RETAIL" })
      .first()
      .waitFor();
    const id = (
      await page
        .getByRole("button", { name: /· Xem thay đổi/ })
        .first()
        .textContent()
    )?.split(" ")[0];
    // Without the session: nothing of it, neither the values nor the report.
    for (const url of [
      `/api/v1/releases/${id}/values`,
      `/api/v1/releases/${id}`,
      "/api/v1/quarterly-reports/2026-Q3/report.html",
    ]) {
      const res = await fetch(`${session!.url}${url}`);
      assert.equal(res.status, 404, url);
    }
    const staff = await page.request.get(`${session!.url}/api/v1/releases/${id}/values`);
    assert.equal(staff.status(), 200);
    assert.equal(staff.headers()["cache-control"], "private, no-store");
    await page.screenshot({ path: join(tmpdir(), "dxm-release-preview.png"), fullPage: true });
    assert.deepEqual(session!.errors, []);
  });
});
