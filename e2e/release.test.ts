/**
 * From a provincial report to the public indicator page, in Chromium: Hồ Chí Minh's reporter types a
 * number of digital technology enterprises and submits; the reviewer approves it, prepares a release
 * of the period and schedules it; the public indicator page does not show the number before the
 * release time (embargo) and shows it in the province table after. The server's clock is the test's
 * (`now`), moved past the release time instead of waiting for it.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";
import { logIn, logOut, templateWithPreviousValues } from "./reporting-steps.ts";

const skip = browserSkip();
const INDICATOR = "DIGITAL_TECH_ENTERPRISES";
const ELEMENT = "DIGITAL_TECH_ENT";
const PROVINCE = "79";
const MINUTE = 60_000;

/** `YYYY-MM-DDTHH:mm` in Vietnam time (UTC+7, no daylight saving): what a datetime-local input takes. */
function vietnamLocal(at: Date): string {
  return new Date(at.getTime() + 7 * 60 * MINUTE).toISOString().slice(0, 16);
}

describe("an approved report reaches the public indicator page at its release time, in Chromium", {
  skip,
}, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let url = "";
  // The server's clock runs with the real one, shifted when the test moves past the release time.
  let shift = 0;
  let typed = 0;
  let period = "";
  let releaseAt = new Date(0);

  /**
   * The text of Hồ Chí Minh's row in the table view of the indicator page's map, for the public, in
   * the report's period when the page offers it (a quarter: the province ranking table is yearly).
   */
  async function publicRow(): Promise<{ row: string; offered: boolean }> {
    await page.goto(`${url}/indicators/${INDICATOR}`);
    await page
      .locator('[data-testid="map-chart"] svg path')
      .first()
      .waitFor({ state: "attached", timeout: 30_000 });
    // The map shows the best-covered series (demo) by default; the released report is one province's.
    const seriesChoice = page.getByTestId("map-series");
    if (await seriesChoice.count()) {
      const codes = await seriesChoice
        .locator("option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      if (codes.includes("reported")) await seriesChoice.selectOption("reported");
    }
    const periods = await page
      .getByTestId("map-period")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const offered = periods.includes(period);
    if (offered) await page.getByTestId("map-period").selectOption(period);
    await page.getByTestId("map-toggle").click();
    const row = page.getByTestId("map-table").locator("tbody tr", { hasText: "Hồ Chí Minh" });
    await row.first().waitFor({ timeout: 15_000 });
    // Cells apart: a row's text runs the value into the rank.
    return { row: (await row.first().locator("th, td").allTextContents()).join(" | "), offered };
  }

  /** The typed number as the page writes it: Vietnamese groups thousands with dots. */
  const shown = () => new RegExp(`\\| ${typed.toLocaleString("vi-VN").replace(/\./g, "\\.")}( \\||$)`);

  before(
    async () => {
      session = await openBrowserSession({ server: { now: () => new Date(Date.now() + shift) } });
      url = session.url;
      page = session.page;
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  it("should let the reporter type the number and submit the report", async () => {
    await logIn(page, url, `reporter-${PROVINCE}@demo.dxmonitor.local`, `demo-${PROVINCE}-2025`);
    await page.getByTestId("report-form").waitFor({ timeout: 15_000 });
    await page.getByTestId("upload-file").setInputFiles(await templateWithPreviousValues(page, url));
    await page.getByTestId("upload-check").click();
    await page.getByTestId("upload-confirm").waitFor({ timeout: 15_000 });
    await page.getByTestId("upload-confirm").click();
    await page.getByTestId("upload-notice").waitFor({ timeout: 15_000 });
    const input = page.getByTestId(`value-${ELEMENT}`);
    // A small rise on the previous value: no warning, and a number no demo value has.
    typed = Math.round(Number(await input.inputValue())) + 1237;
    await input.fill(String(typed));
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByTestId("report-notice").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    try {
      await page.getByText("Đã nộp báo cáo.").waitFor({ timeout: 15_000 });
    } catch (e) {
      const why = await page.getByTestId("validation").textContent();
      throw new Error(`submit failed: ${why}`, { cause: e });
    }
    const reports = (await (await page.request.get(`${url}/api/v1/reports?area=${PROVINCE}`)).json()) as {
      items: { state: string; period: string }[];
    };
    period = reports.items[0]?.period ?? "";
    assert.equal(reports.items[0]?.state, "submitted");
    await logOut(page, url);
  });

  it("should let the reviewer approve it, prepare a release of the period and schedule it", async () => {
    await logIn(page, url, "reviewer@demo.dxmonitor.local", "reviewer-demo-2025");
    // Review items are named by the report's geography (2025) and province.
    const item = page.getByTestId(`review-2025-${PROVINCE}`);
    await item.getByRole("button", { name: "Duyệt" }).click();
    await page.getByTestId(`approved-2025-${PROVINCE}`).waitFor({ timeout: 15_000 });

    await page.goto(`${url}/releases`);
    await page.getByLabel("Kỳ (vd. 2026-Q3)").fill(period);
    await page.getByRole("button", { name: "Chuẩn bị" }).click();
    const schedule = page.getByRole("region", { name: /Lên lịch công bố đợt/ });
    await schedule.waitFor({ timeout: 30_000 });
    releaseAt = new Date(Math.ceil((Date.now() + 10 * MINUTE) / MINUTE) * MINUTE);
    await schedule.getByLabel("Ngày giờ công bố (giờ Việt Nam)").fill(vietnamLocal(releaseAt));
    await schedule.getByRole("button", { name: "Lên lịch" }).click();
    await schedule.getByText("Đã lưu.").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(tmpdir(), "dxm-release-scheduled.png"), fullPage: true });
    await logOut(page, url);
  });

  it("should not show the number on the public indicator page before the release time", async () => {
    assert.ok(typed > 0 && period !== "", "the report was submitted");
    const { row } = await publicRow();
    assert.match(row, /Hồ Chí Minh/);
    assert.doesNotMatch(row, shown(), `embargoed: ${row}`);
  });

  it("should show the number for Hồ Chí Minh in the province table once the release time has passed", async () => {
    shift = releaseAt.getTime() - Date.now() + MINUTE;
    // The clock moved ten minutes but the browser's did not: public answers may be kept a minute
    // (max-age=60), so the reader arriving after the release time comes with an empty cache.
    const cdp = await session!.context.newCDPSession(page);
    await cdp.send("Network.clearBrowserCache");
    await cdp.detach();
    const { row, offered } = await publicRow();
    assert.ok(offered, `the map offers the report's period ${period}`);
    assert.match(row, shown(), `released: ${row}`);
    await page.screenshot({ path: join(tmpdir(), "dxm-release-indicator.png"), fullPage: true });
  });

  it("should raise no script errors", () => {
    assert.deepEqual(session?.errors ?? [], []);
  });
});
