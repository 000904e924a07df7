/**
 * The review cycle in a real browser with the demo accounts: two provincial reporters fill their
 * report from the Excel template, one explains a warning in the form, both submit; the reviewer sees
 * each report's warnings (with the explanation) and its changes against last quarter, approves one
 * and returns the other with a comment, which its reporter then reads; the approved report is
 * reopened (a recorded act). Uses Debian's Chromium; skips with a message when it is not installed.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";
import { logIn, logOut, templateWithPreviousValues } from "./reporting-steps.ts";

const skip = browserSkip();
const RETURN_COMMENT = "Số doanh nghiệp hoạt động chưa khớp với Cục Thuế, đề nghị kiểm tra lại";
const EXPLANATION = "GRDP tăng do nhà máy mới đi vào hoạt động";

describe("review of submitted reports (/reporting) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let url = "";

  /** A reporter's whole round: upload, confirm, optionally raise and explain a GRDP warning, submit. */
  async function fillAndSubmit(code: string, explainGrdp: boolean): Promise<void> {
    await logIn(page, url, `reporter-${code}@demo.dxmonitor.local`, `demo-${code}-2025`);
    await page.getByTestId("report-form").waitFor({ timeout: 15_000 });
    await page.getByTestId("upload-file").setInputFiles(await templateWithPreviousValues(page, url));
    await page.getByTestId("upload-check").click();
    await page.getByTestId("upload-confirm").waitFor({ timeout: 15_000 });
    await page.getByTestId("upload-confirm").click();
    await page.getByTestId("upload-notice").waitFor({ timeout: 15_000 });
    if (explainGrdp) {
      const grdp = Number(await page.getByTestId("value-GRDP").inputValue());
      await page.getByTestId("value-GRDP").fill(String(Math.round(grdp * 1.8)));
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.getByTestId("comment-GRDP").waitFor({ timeout: 15_000 });
      await page.getByTestId("comment-GRDP").fill(EXPLANATION);
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.getByTestId("report-notice").waitFor({ timeout: 15_000 });
    }
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    try {
      await page.getByText("Đã nộp báo cáo.").waitFor({ timeout: 15_000 });
    } catch (e) {
      const why = await page.getByTestId("validation").textContent();
      throw new Error(`submit of ${code} failed: ${why}`, { cause: e });
    }
    assert.equal(await page.getByTestId("report-state").textContent(), "Đã nộp");
    await logOut(page, url);
  }

  before(
    async () => {
      session = await openBrowserSession();
      url = session.url;
      page = session.page;
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  it("should let Hồ Chí Minh's reporter explain a warning and submit, and Hà Nội's submit", async () => {
    await fillAndSubmit("79", true);
    await fillAndSubmit("01", false);
  });

  it("should show the reviewer each report's warnings with the explanation and its changes", async () => {
    await logIn(page, url, "reviewer@demo.dxmonitor.local", "reviewer-demo-2025");
    const hcm = page.getByTestId("review-2025-79");
    await hcm.getByTestId("review-warnings").waitFor({ timeout: 15_000 });
    const warnings = (await hcm.getByTestId("review-warnings").textContent()) ?? "";
    assert.match(warnings, new RegExp(EXPLANATION));
    await hcm.locator("summary").click();
    const grdpRow = hcm.locator('[data-testid="review-changes"] tr[data-code="GRDP"]');
    assert.match((await grdpRow.textContent()) ?? "", /\+80,0%/);
    await page.screenshot({ path: join(tmpdir(), "dxm-review-queue.png"), fullPage: true });
  });

  it("should approve one report and return the other with a comment", async () => {
    const hcm = page.getByTestId("review-2025-79");
    await hcm.getByRole("button", { name: "Duyệt" }).click();
    await page.getByTestId("approved-2025-79").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId("review-2025-79").count(), 0);
    const hn = page.getByTestId("review-2025-01");
    await hn.getByLabel(/Lý do trả lại báo cáo của/).fill(RETURN_COMMENT);
    await hn.getByRole("button", { name: "Trả lại" }).click();
    await hn.waitFor({ state: "detached", timeout: 15_000 });
    assert.match((await page.getByTestId("completeness-table").textContent()) ?? "", /Hà Nội.*Bị trả lại/s);
  });

  it("should reopen the approved report as a recorded act", async () => {
    const item = page.getByTestId("approved-2025-79");
    await item.getByLabel(/Lý do mở lại/).fill("Cục Thống kê điều chỉnh GRDP");
    await item.getByRole("button", { name: "Mở lại" }).click();
    await item.waitFor({ state: "detached", timeout: 15_000 });
    const me = (await (await page.request.get(`${url}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const report = (await (await page.request.get(`${url}/api/v1/reports?area=79`)).json()) as {
      items: { state: string; period: string }[];
    };
    assert.ok(me.csrfToken);
    assert.notEqual(report.items[0]?.state, "approved");
    await logOut(page, url);
  });

  it("should show Hà Nội's reporter the reviewer's comment on the returned report", async () => {
    await logIn(page, url, "reporter-01@demo.dxmonitor.local", "demo-01-2025");
    const note = page.getByTestId("returned-comment");
    await note.waitFor({ timeout: 15_000 });
    assert.match((await note.textContent()) ?? "", new RegExp(RETURN_COMMENT));
    assert.equal(await page.getByTestId("report-state").textContent(), "Bị trả lại");
  });

  it("should raise no script errors", () => {
    assert.deepEqual(session?.errors ?? [], []);
  });
});
