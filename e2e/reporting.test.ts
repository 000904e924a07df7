/**
 * Login and the reporting workflow in a real browser against a real server with the demo accounts:
 * a wrong password is refused with the server's message, a provincial reporter fills in and saves
 * GRDP, a reviewer sees the completeness board of all 34 provinces. Uses Debian's Chromium (never a
 * downloaded browser); skips with a message when it is not installed.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();
const SCREENSHOT = join(tmpdir(), "dxm-reporting-form.png");

/** The template of the report on screen, with `change` applied to the value cell of `code`. */
async function filledTemplate(
  page: Page,
  url: string,
  code: string,
  value: string | number,
): Promise<string> {
  const res = await page.request.get(url);
  assert.equal(res.status(), 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
  let done = false;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      if (!done && row.getCell(1).value === code) {
        row.getCell(6).value = value;
        done = true;
      }
    });
  }
  assert.ok(done, `row of ${code} in the template`);
  const path = join(tmpdir(), `dxm-e2e-upload-${code}-${String(value).replace(/\W/g, "")}.xlsx`);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe("login and reporting (/login, /reporting) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let server: { url: string } | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  async function currentPeriod(): Promise<string> {
    const title = (await page.locator("#report-title").textContent()) ?? "";
    const m = /\d{4}-Q\d/.exec(title);
    assert.ok(m, title);
    return m[0];
  }

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

  it("should flag text and fractions in a count while typing, before any request", async () => {
    await page.getByTestId("value-ENT_ACTIVE").fill("mười");
    assert.equal(await page.getByTestId("slip-ENT_ACTIVE").textContent(), "Không phải là số");
    await page.getByTestId("value-ENT_ACTIVE").fill("12,5");
    assert.equal(await page.getByTestId("slip-ENT_ACTIVE").textContent(), "Phải là số nguyên");
    await page.getByTestId("value-ENT_ACTIVE").fill("-3");
    assert.equal(await page.getByTestId("slip-ENT_ACTIVE").textContent(), "Không được nhỏ hơn 0");
    await page.getByTestId("value-ENT_ACTIVE").fill("");
    assert.equal(await page.getByTestId("slip-ENT_ACTIVE").count(), 0);
  });

  it("should list the problems of an uploaded file by sheet and cell and store nothing", async () => {
    const href = await page.getByRole("link", { name: /Tải mẫu Excel/ }).getAttribute("href");
    const bad = await filledTemplate(page, `${server!.url}${href}`, "GRDP", "bốn trăm");
    await page.getByTestId("upload-file").setInputFiles(bad);
    await page.getByTestId("upload-check").click();
    const problems = page.getByTestId("upload-problems");
    await problems.waitFor({ timeout: 15_000 });
    const row = (await problems.locator("tbody tr").first().textContent()) ?? "";
    assert.match(row, /F\d+/, "the cell is named");
    assert.match(row, /GRDP/);
    assert.equal(
      await page.getByTestId("upload-confirm").count(),
      0,
      "no confirm while the file has problems",
    );
    assert.equal(await page.getByTestId("value-GRDP").inputValue(), "450000", "nothing stored");
  });

  it("should store a clean file after the preview and its confirmation, and refresh the form", async () => {
    const href = await page.getByRole("link", { name: /Tải mẫu Excel/ }).getAttribute("href");
    const good = await filledTemplate(page, `${server!.url}${href}`, "GRDP", 460000);
    await page.getByTestId("upload-file").setInputFiles(good);
    await page.getByTestId("upload-check").click();
    await page.getByTestId("upload-confirm").waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId("upload-preview").textContent()) ?? "", /Tệp hợp lệ/);
    await page.screenshot({ path: join(tmpdir(), "dxm-upload-preview.png"), fullPage: false });
    await page.getByTestId("upload-confirm").click();
    await page.getByTestId("upload-notice").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId("value-GRDP").inputValue(), "460000");
  });

  it("should keep the reporter's typing after a 409 and show the stored value beside it", async () => {
    // Someone else (another tab of the same province) saves meanwhile, through the API.
    const me = (await (await page.request.get(`${server!.url}/api/v1/auth/me`)).json()) as {
      csrfToken: string;
    };
    const other = await page.request.put(
      `${server!.url}/api/v1/reports/2025/79/${await currentPeriod()}/values`,
      {
        headers: { "x-csrf-token": me.csrfToken },
        data: { values: { GRDP: 470000 } },
      },
    );
    assert.equal(other.status(), 200, await other.text());
    await page.getByTestId("value-GRDP").fill("480000");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    const error = page.getByTestId("report-error");
    await error.waitFor({ timeout: 15_000 });
    assert.match((await error.textContent()) ?? "", /người khác thay đổi/);
    await page.getByTestId("stored-GRDP").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId("stored-GRDP").textContent(), "Đã lưu: 470.000");
    assert.equal(await page.getByTestId("value-GRDP").inputValue(), "480000", "the typing is kept");
    await page.screenshot({ path: join(tmpdir(), "dxm-conflict.png") });
    // Saving again applies the edit on top of the current version.
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByTestId("report-notice").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId("stored-GRDP").count(), 0);
    assert.equal(await page.getByTestId("value-GRDP").inputValue(), "480000");
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
