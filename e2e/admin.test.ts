/**
 * The account page and the admin pages in a real browser: a reporter is refused /admin with a clear
 * 403 message, changes their password (the server's refusals shown on the field) and logs out
 * everywhere; the admin creates a reporter (a one-time password shown once), resets it, creates and
 * revokes a machine token, adds a validation rule (the server's complaint shown on the field),
 * filters the audit log and downloads it as CSV, reads the catalogue; then the new reporter logs in.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { CLI_ACTOR } from "../src/domain/auth.ts";
import { ADMIN_EMAIL, findUserIdByEmail, updateUserAccount } from "../src/services/auth.ts";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";
import { logIn } from "./reporting-steps.ts";

const skip = browserSkip();
const ADMIN_PASSWORD = "admin-e2e-password-2026";
const NEW_EMAIL = "can.bo.ha.noi@sotttt.hanoi.gov.vn";

describe("account and admin pages (/account, /admin) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let url = "";
  let newPassword = "";

  before(
    async () => {
      session = await openBrowserSession();
      url = session.url;
      page = session.page;
      // The first-start admin's password is random and printed once; tests set their own.
      const id = await findUserIdByEmail(session.store, CLI_ACTOR, ADMIN_EMAIL);
      await updateUserAccount(session.store, CLI_ACTOR, id, { password: ADMIN_PASSWORD });
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  /** The navigation's links on the overview, once the page has asked who is logged in (if it does). */
  async function navLinks(): Promise<string[]> {
    await page.goto(`${url}/`);
    await page.waitForLoadState("networkidle");
    return page.locator("nav.site-menu a").allTextContents();
  }

  it("should not link the admin pages for a visitor or a reporter", async () => {
    const visitor = await navLinks();
    assert.ok(visitor.includes("Báo cáo"), `the navigation is there: ${visitor.join(", ")}`);
    assert.ok(!visitor.includes("Quản trị"), `no admin link for a visitor: ${visitor.join(", ")}`);
    await logIn(page, url, "reporter-79@demo.dxmonitor.local", "demo-79-2025");
    const reporter = await navLinks();
    assert.ok(!reporter.includes("Quản trị"), `no admin link for a reporter: ${reporter.join(", ")}`);
    await page.goto(`${url}/reporting`);
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/, { timeout: 15_000 });
  });

  it("should refuse a reporter the admin pages with a clear 403 message", async () => {
    await logIn(page, url, "reporter-79@demo.dxmonitor.local", "demo-79-2025");
    await page.goto(`${url}/admin`);
    const refusal = page.getByTestId("admin-forbidden");
    await refusal.waitFor({ timeout: 15_000 });
    assert.match((await refusal.textContent()) ?? "", /403.*chỉ dành cho quản trị viên/s);
  });

  it("should show who is logged in and refuse a wrong current password on its field", async () => {
    await page.goto(`${url}/account`);
    const facts = page.getByTestId("account-facts");
    await facts.waitFor({ timeout: 15_000 });
    assert.match(
      (await facts.textContent()) ?? "",
      /reporter-79@demo\.dxmonitor\.local.*Người báo cáo.*2025:79/s,
    );
    await page.getByLabel("Mật khẩu hiện tại", { exact: true }).fill("not my password");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-moi-2026");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    const error = page.getByTestId("pw-current-error");
    await error.waitFor({ timeout: 15_000 });
    assert.equal(await error.textContent(), "Mật khẩu hiện tại không đúng");
  });

  it("should refuse two different new passwords before asking the server", async () => {
    await page.getByLabel("Mật khẩu hiện tại", { exact: true }).fill("demo-79-2025");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("something else entirely");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    assert.equal(
      await page.getByTestId("pw-confirm-error").textContent(),
      "Hai lần nhập mật khẩu mới không khớp",
    );
  });

  it("should change the password, then log out everywhere, and accept the new password", async () => {
    await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    const notice = page.getByTestId("password-notice");
    await notice.waitFor({ timeout: 15_000 });
    assert.match((await notice.textContent()) ?? "", /Đã đổi mật khẩu/);
    await page.screenshot({ path: join(tmpdir(), "dxm-account.png"), fullPage: true });
    await page.getByTestId("logout-everywhere").click();
    await page.waitForURL(/\/login$/, { timeout: 15_000 });
    const me = await page.request.get(`${url}/api/v1/auth/me`);
    assert.equal(me.status(), 401, "the session has ended");
    await logIn(page, url, "reporter-79@demo.dxmonitor.local", "mat-khau-moi-2026");
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/, { timeout: 15_000 });
  });

  it("should let the admin create a reporter of Hà Nội and show the generated password once", async () => {
    await logIn(page, url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${url}/admin#users`);
    const form = page.getByTestId("new-user-form");
    await form.waitFor({ timeout: 15_000 });
    await form.getByLabel("Email").fill(NEW_EMAIL);
    await form.getByLabel("Họ tên").fill("Nguyễn Thị Hà");
    await form.getByLabel("Vai trò").selectOption("reporter");
    await page.getByTestId("new-user-areas").selectOption({ label: "Hà Nội (01)" });
    await form.getByRole("button", { name: "Tạo" }).click();
    const secret = page.getByTestId("secret-value");
    await secret.waitFor({ timeout: 15_000 });
    assert.match((await secret.textContent()) ?? "", /^\S{12,}$/);
    const row = page.locator(`[data-testid="users-table"] tr[data-email="${NEW_EMAIL}"]`);
    await row.waitFor({ timeout: 15_000 });
    assert.match((await row.textContent()) ?? "", /Người báo cáo.*Hà Nội.*Đang hoạt động/s);
    await page.screenshot({ path: join(tmpdir(), "dxm-admin-users.png"), fullPage: true });
    await page.getByRole("button", { name: "Tôi đã sao chép" }).click();
    assert.equal(await page.getByTestId("one-time-secret").count(), 0, "gone once acknowledged");
    // A reset gives a new one-time password, the one the new reporter will use.
    await row.getByRole("button", { name: "Cấp lại mật khẩu" }).click();
    await secret.waitFor({ timeout: 15_000 });
    newPassword = ((await secret.textContent()) ?? "").trim();
    assert.ok(newPassword.length >= 12);
  });

  it("should show the server's refusal of a duplicate email", async () => {
    const form = page.getByTestId("new-user-form");
    await form.getByLabel("Email").fill(NEW_EMAIL);
    await form.getByLabel("Vai trò").selectOption("analyst");
    await form.getByRole("button", { name: "Tạo" }).click();
    const error = form.locator(".field-error, .form-error");
    await error.first().waitFor({ timeout: 15_000 });
    assert.match((await error.first().textContent()) ?? "", new RegExp(NEW_EMAIL.replace(/\./g, "\\.")));
  });

  it("should create a machine token shown once, then revoke it", async () => {
    await page.getByRole("link", { name: "Mã truy cập máy" }).click();
    const form = page.getByTestId("new-token-form");
    await form.waitFor({ timeout: 15_000 });
    await form.getByLabel("Tên").fill("Hệ thống báo cáo Hà Nội");
    await page.getByTestId("new-token-areas").selectOption({ label: "Hà Nội (01)" });
    await form.getByRole("button", { name: "Tạo" }).click();
    const secret = page.getByTestId("secret-value");
    await secret.waitFor({ timeout: 15_000 });
    assert.match((await secret.textContent()) ?? "", /^dxm_/);
    const row = page.locator('[data-testid="tokens-table"] tr[data-token="Hệ thống báo cáo Hà Nội"]');
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole("button", { name: "Thu hồi" }).click();
    await row.getByText(/Đã thu hồi/).waitFor({ timeout: 15_000 });
  });

  it("should show a rule's refusal on its field, then store the corrected rule", async () => {
    await page.getByRole("link", { name: "Quy tắc kiểm tra" }).click();
    await page.getByTestId("rule-add").click();
    await page.getByTestId("rule-id").fill("HN_EINVOICE_LE_ACTIVE");
    await page.getByTestId("rule-nameVi").fill("Số DN dùng hóa đơn điện tử không vượt số DN hoạt động");
    await page.getByTestId("rule-nameEn").fill("E-invoice users do not exceed active enterprises");
    await page.getByTestId("rule-left").fill("{NO_SUCH_ELEMENT}");
    await page.getByTestId("rule-right").fill("{ENT_ACTIVE}");
    await page.getByTestId("rule-save").click();
    const error = page.getByTestId("rule-left-error");
    await error.waitFor({ timeout: 15_000 });
    assert.match((await error.textContent()) ?? "", /NO_SUCH_ELEMENT/);
    await page.getByTestId("rule-left").fill("{ENT_EINVOICE_USERS}");
    await page.getByTestId("rule-save").click();
    const row = page.locator('[data-testid="rules-table"] tr[data-rule="HN_EINVOICE_LE_ACTIVE"]');
    await row.waitFor({ timeout: 15_000 });
    assert.match((await row.textContent()) ?? "", /\{ENT_EINVOICE_USERS\} <= \{ENT_ACTIVE\}/);
  });

  it("should filter the audit log by action and date and download the same selection as CSV", async () => {
    await page.getByRole("link", { name: "Nhật ký thao tác" }).click();
    const filters = page.getByTestId("audit-filters");
    await filters.waitFor({ timeout: 15_000 });
    const today = new Date().toISOString().slice(0, 10);
    await filters.getByLabel("Thao tác").fill("create");
    await filters.getByLabel("Từ ngày").fill(today);
    await filters.getByLabel("Đến ngày").fill(today);
    await filters.getByRole("button", { name: "Lọc" }).click();
    await page.getByTestId("audit-table").getByText(NEW_EMAIL).first().waitFor({ timeout: 15_000 });
    const actions = await page.locator('[data-testid="audit-table"] tbody td.audit-action').allTextContents();
    assert.ok(actions.length > 0 && actions.every((a) => a === "create"), actions.join(","));
    const href = (await page.getByTestId("audit-csv").getAttribute("href")) ?? "";
    assert.match(href, /^\/api\/v1\/audit\.csv\?action=create&since=\d{4}-\d{2}-\d{2}&until=/);
    const csv = await page.request.get(`${url}${href}`);
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), new RegExp(NEW_EMAIL.replace(/\./g, "\\.")));
    await page.screenshot({ path: join(tmpdir(), "dxm-admin-audit.png"), fullPage: true });
  });

  it("should show the indicator catalogue with its targets, read only", async () => {
    await page.getByRole("link", { name: "Chỉ số và mục tiêu" }).click();
    const table = page.getByTestId("indicators-table");
    await table.waitFor({ timeout: 15_000 });
    assert.match((await table.textContent()) ?? "", /DE_SHARE_GDP.*2030/s);
    assert.equal(await table.locator("input, button").count(), 0);
  });

  it("should link the admin pages in the navigation for the admin", async () => {
    assert.ok((await navLinks()).includes("Quản trị"));
    await page.locator("header").screenshot({ path: join(tmpdir(), "dxm-nav-admin.png") });
    await page.locator("nav.site-menu").getByRole("link", { name: "Quản trị" }).click();
    await page.waitForURL(/\/admin$/, { timeout: 15_000 });
    await page.getByTestId("new-user-form").waitFor({ timeout: 15_000 });
  });

  it("should let the new reporter log in with the password the admin gave and see Hà Nội's form", async () => {
    await page.goto(`${url}/account`);
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/, { timeout: 15_000 });
    await logIn(page, url, NEW_EMAIL, newPassword);
    await page.getByTestId("report-form").waitFor({ timeout: 15_000 });
    assert.match((await page.locator("#report-title").textContent()) ?? "", /Hà Nội/);
  });

  it("should raise no script errors", () => {
    assert.deepEqual(session?.errors ?? [], []);
  });
});
