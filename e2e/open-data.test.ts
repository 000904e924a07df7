/**
 * The open-data and releases pages in Chromium against a demo server: `/data` links every
 * indicator's downloads and the link answers a CSV file; `/releases` says there is no release yet
 * to the public, and a reviewer who tries to prepare one with nothing approved gets the server's
 * message in Vietnamese.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
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
});
