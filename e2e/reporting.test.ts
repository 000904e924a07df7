/**
 * Login and the reporting workflow in a real browser against a real server with the demo accounts:
 * a wrong password is refused with the server's message, a provincial reporter fills in and saves
 * GRDP, a reviewer sees the completeness board of all 34 provinces. Uses Debian's Chromium (never a
 * downloaded browser); skips with a message when it is not installed.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();
const SCREENSHOT = join(tmpdir(), "dxm-reporting-form.png");

describe("login and reporting (/login, /reporting) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let server: { url: string } | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  async function logIn(email: string, password: string): Promise<void> {
    await page.goto(`${server!.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  }

  before(
    async () => {
      session = await openBrowserSession();
      server = session;
      page = session.page;
      pageErrors = session.errors;
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  it("should refuse a wrong password with the server's message", async () => {
    await logIn("reporter-79@demo.dxmonitor.local", "wrong-password");
    const error = page.getByTestId("login-error");
    await error.waitFor({ timeout: 15_000 });
    assert.equal(await error.textContent(), "Email hoặc mật khẩu không đúng");
    assert.match(page.url(), /\/login$/);
  });

  it("should show Hồ Chí Minh's form to its reporter after logging in", async () => {
    await logIn("reporter-79@demo.dxmonitor.local", "demo-79-2025");
    await page.waitForURL(/\/reporting$/, { timeout: 15_000 });
    const form = page.getByTestId("report-form");
    await form.waitFor({ timeout: 15_000 });
    assert.match((await page.locator("#report-title").textContent()) ?? "", /Hồ Chí Minh/);
    assert.match(
      (await page.getByTestId("open-periods").textContent()) ?? "",
      /Kỳ báo cáo đang mở: \d{4}-Q\d/,
    );
    assert.equal(await page.getByTestId("report-state").textContent(), "Chưa bắt đầu");
    assert.ok((await form.locator("fieldset").count()) >= 3, "sections by pillar");
    await page.screenshot({ path: SCREENSHOT });
  });

  it("should save GRDP and show the draft state with the validation", async () => {
    await page.getByTestId("value-GRDP").fill("450000");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByTestId("report-notice").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId("report-notice").textContent(), "Đã lưu.");
    assert.equal(await page.getByTestId("report-state").textContent(), "Bản nháp");
    const validation = (await page.getByTestId("validation").textContent()) ?? "";
    assert.match(validation, /là bắt buộc nhưng đang để trống/);
    assert.doesNotMatch(validation, /\(GRDP\) là bắt buộc/, "GRDP is no longer missing");
    // The saved value survives a reload (the CSRF token is recovered from /auth/me).
    await page.reload();
    await page.getByTestId("report-form").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId("value-GRDP").inputValue(), "450000");
  });

  it("should refuse to submit an incomplete report with the server's message", async () => {
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    const error = page.getByTestId("report-error");
    await error.waitFor({ timeout: 15_000 });
    assert.match((await error.textContent()) ?? "", /Chưa thể nộp báo cáo/);
  });

  it("should show the reviewer the completeness board of the 34 provinces", async () => {
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/, { timeout: 15_000 });
    await logIn("reviewer@demo.dxmonitor.local", "reviewer-demo-2025");
    await page.waitForURL(/\/reporting$/, { timeout: 15_000 });
    const rows = page.locator('[data-testid="completeness-table"] tbody tr');
    await page.getByTestId("completeness-table").waitFor({ timeout: 15_000 });
    assert.equal(await rows.count(), 34);
    assert.match(
      (await page.getByTestId("completeness-table").textContent()) ?? "",
      /Hồ Chí Minh.*Bản nháp/s,
    );
  });

  it("should raise no script errors", () => {
    assert.deepEqual(pageErrors, []);
  });
});
