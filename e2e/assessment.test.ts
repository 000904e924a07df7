/**
 * The self-assessment in a real browser against a real server with the demo data: fill in the firm,
 * answer the first pillars, reload midway (the answers and the step survive), finish, send, and see
 * the result with its level, radar and peers; then the statistics page with its caveat. Screenshots
 * of the result and the statistics, desktop and phone, go to the temporary folder.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();

describe("enterprise self-assessment (/assessment) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let page: Page;

  before(
    async () => {
      session = await openBrowserSession({ server: { assessments: { minFillMs: 0 } } });
      page = session.page;
    },
    { timeout: 300_000 },
  );
  after(async () => {
    await session?.close();
  });

  /** Answers every question of the current pillar step with `value`, then goes on. */
  async function answerStep(value: number) {
    const groups = page.locator(".assessment__question");
    const n = await groups.count();
    assert.equal(n, 5);
    for (let i = 0; i < n; i++) await groups.nth(i).locator(`input[type=radio][value="${value}"]`).check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
  }

  it("keeps the answers through a reload, and shows the result with level, radar, peers and next steps", async () => {
    await page.goto(`${session!.url}/assessment`);
    await page.getByLabel("Mã số thuế").fill("0109876543");
    await page.getByLabel("Tên doanh nghiệp").fill("Công ty TNHH Kiểm Thử Trình Duyệt");
    await page.getByLabel("Tỉnh, thành phố (địa giới 2025)").selectOption("79");
    await page.getByLabel("Ngành kinh doanh chính (VSIC 2018, cấp 1)").selectOption("G");
    await page.getByLabel("Quy mô").selectOption("small");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await answerStep(4); // customer
    await answerStep(3); // strategy
    assert.match(
      (await page.getByTestId("assessment-progress").textContent()) ?? "",
      /Bước 4\/8 · Đã trả lời 10\/30/,
    );

    await page.reload();
    await page.getByTestId("assessment-progress").waitFor();
    assert.match(
      (await page.getByTestId("assessment-progress").textContent()) ?? "",
      /Bước 4\/8 · Đã trả lời 10\/30/,
    );
    await page.getByRole("button", { name: "Quay lại" }).click();
    assert.equal(await page.locator('input[name="STR1"][value="3"]').isChecked(), true);
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await answerStep(2); // technology
    await answerStep(3); // operations
    await answerStep(1); // culture
    await answerStep(1); // data
    await page.getByLabel("Hóa đơn điện tử").check();
    await page.getByLabel("Thanh toán không dùng tiền mặt").check();
    await page.getByRole("button", { name: "Gửi và xem kết quả" }).click();

    await page.getByTestId("assessment-result").waitFor({ timeout: 20_000 });
    // Pillars 80, 60, 40, 60, 20, 20 → overall 280/6 = 46.7 → level 2 (30 ≤ 46.7 < 50)
    assert.equal(await page.getByTestId("assessment-overall").textContent(), "46,7");
    assert.equal(await page.getByTestId("assessment-level").textContent(), "Mức 2 — Bắt đầu");
    assert.ok(await page.getByTestId("assessment-radar").locator("svg").count());
    assert.match((await page.getByTestId("assessment-peers").textContent()) ?? "", /doanh nghiệp cùng nhóm/);
    assert.match(
      (await page.locator(".assessment-result__steps").textContent()) ?? "",
      /Chuyển đổi số văn hóa doanh nghiệp|Dữ liệu và tài sản thông tin/,
    );
    assert.equal(
      await page.evaluate(() => localStorage.getItem("dxm.assessment.draft")),
      null,
      "the draft is cleared",
    );
    await page.screenshot({ path: join(tmpdir(), "dxm-assessment-result.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(tmpdir(), "dxm-assessment-result-phone.png"), fullPage: true });

    // After a reload the result is read again with the token kept in the URL fragment.
    await page.reload();
    await page.getByTestId("assessment-result").waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId("assessment-level").textContent(), "Mức 2 — Bắt đầu");
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it("shows the statistics with the representativeness caveat and the demo label", async () => {
    await page.goto(`${session!.url}/assessment/stats`);
    await page.getByTestId("assessment-count").waitFor({ timeout: 20_000 });
    assert.match((await page.getByTestId("assessment-caveat").textContent()) ?? "", /không đại diện/);
    assert.match((await page.getByTestId("assessment-demo").textContent()) ?? "", /minh họa/);
    await page.screenshot({ path: join(tmpdir(), "dxm-assessment-stats.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${session!.url}/assessment`);
    await page.getByTestId("assessment-progress").waitFor();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.screenshot({ path: join(tmpdir(), "dxm-assessment-form-phone.png"), fullPage: true });
    assert.deepEqual(session!.errors, []);
  });
});
