/**
 * The home page in a real browser against a real server with the demo data: the national chart with
 * its three series, the demo banner, the province table in both geographies, the diacritic-free
 * filter and the English switch. Uses Debian's Chromium (never a downloaded browser); skips with a
 * message when it is not installed. The web app is built first if it is stale (scripts/ensure-web.mjs).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();

const PROVINCE_ROWS = '[data-testid="province-table"] tbody tr';

interface SeriesItem {
  code: string;
  name_vi: string;
  name_en: string;
}

async function waitForRowCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector as string).length === n,
    [PROVINCE_ROWS, count] as const,
    { timeout: 15_000 },
  );
}

describe("home page (/) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let server: { url: string } | undefined;
  let page: Page;
  let series: SeriesItem[] = [];
  let pageErrors: string[] = [];

  before(
    async () => {
      session = await openBrowserSession({ consoleErrors: true });
      server = session;
      page = session.page;
      pageErrors = session.errors;
      const res = await fetch(`${server.url}/api/v1/series`);
      series = ((await res.json()) as { items: SeriesItem[] }).items;
      await page.goto(`${server.url}/`);
      await page.waitForSelector('[data-testid="de-share-chart"] svg', { timeout: 30_000 });
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  it("should show the Vietnamese heading by default", async () => {
    assert.equal(await page.locator("h1").textContent(), "dxmonitor — Kinh tế số Việt Nam");
    assert.equal(await page.getAttribute("html", "lang"), "vi");
  });

  it("should show the national chart with the official, estimate and demo series", async () => {
    const legend = (await page.getByTestId("chart-legend").textContent()) ?? "";
    const label = (await page.getByTestId("de-share-chart").getAttribute("aria-label")) ?? "";
    for (const code of ["gso_official", "mic_estimate", "demo"]) {
      const name = series.find((s) => s.code === code)?.name_vi;
      assert.ok(name, `the API lists the series ${code}`);
      assert.ok(legend.includes(name), `the legend names ${name}: ${legend}`);
      assert.ok(label.includes(name), `the chart's text alternative names ${name}: ${label}`);
    }
    assert.match(label, /\d+,\d+%/, "the text alternative gives values in vi-VN format (16,5%)");
    assert.ok(
      (await page.locator('[data-testid="de-share-chart"] svg path').count()) > 3,
      "the chart drew lines",
    );
  });

  it("should show the same numbers as a table on request", async () => {
    await page.getByTestId("de-share").getByRole("button", { name: "Xem dạng bảng" }).click();
    const table = page.getByTestId("de-share-table");
    await table.waitFor();
    assert.ok((await table.locator("tbody tr").count()) >= 2);
    assert.match((await table.textContent()) ?? "", /≥ 20%/);
    await page.getByTestId("de-share").getByRole("button", { name: "Xem biểu đồ" }).click();
    await page.getByTestId("de-share-chart").waitFor();
  });

  it("should show the demo-data banner", async () => {
    const banner = page.getByTestId("demo-banner");
    assert.ok(await banner.isVisible());
    assert.match(
      (await banner.textContent()) ?? "",
      /Dữ liệu minh họa \(demo\) — không phải số liệu chính thức/,
    );
  });

  it("should list the 34 provinces of the 2025 geography", async () => {
    await waitForRowCount(page, 34);
    assert.equal(await page.locator(PROVINCE_ROWS).count(), 34);
  });

  it("should list the 63 provinces after switching to the 2008 geography", async () => {
    await page.getByTestId("provinces").getByRole("radio", { name: /2008/ }).check();
    await waitForRowCount(page, 63);
    assert.equal(await page.locator(PROVINCE_ROWS).count(), 63);
  });

  it("should find Đắk Lắk when filtering by 'dak lak'", async () => {
    await page.getByTestId("province-filter").fill("dak lak");
    await waitForRowCount(page, 1);
    assert.deepEqual(await page.locator(`${PROVINCE_ROWS} th [lang="vi"]`).allInnerTexts(), ["Đắk Lắk"]);
    await page.getByTestId("province-filter").fill("");
    await waitForRowCount(page, 63);
  });

  it("should switch the heading to English and keep the choice in the URL", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() =>
      document.querySelector("h1")?.textContent?.includes("Vietnam's digital economy"),
    );
    assert.equal(await page.locator("h1").textContent(), "dxmonitor — Vietnam's digital economy");
    assert.match(page.url(), /[?&]lang=en\b/);
    assert.match(
      (await page.getByTestId("demo-banner").textContent()) ?? "",
      /Demo data — not official figures/,
    );
  });

  it("should raise no script or console errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
