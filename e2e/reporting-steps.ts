/**
 * Steps the reporting e2e tests share: log in and out through the login page, and an Excel template
 * of the form on screen filled with each field's previous value (100 where there is none), so an
 * upload passes the checks.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";

/** Logs in and waits for the reporting page, where every account lands. */
export async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/reporting$/, { timeout: 15_000 });
}

export async function logOut(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/reporting`);
  await page.getByTestId("logout").click();
  await page.waitForURL(/\/login$/, { timeout: 15_000 });
}

/** The template of the form on screen with every value set to the previous one (or 100 without one). */
export async function templateWithPreviousValues(page: Page, url: string): Promise<string> {
  const href = await page.getByRole("link", { name: /Tải mẫu Excel/ }).getAttribute("href");
  const res = await page.request.get(`${url}${href}`);
  assert.equal(res.status(), 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
  for (const ws of wb.worksheets.slice(1)) {
    ws.eachRow((row, r) => {
      if (r < 4) return;
      const previous = row.getCell(5).value;
      row.getCell(6).value = typeof previous === "number" ? previous : 100;
    });
  }
  const path = join(tmpdir(), `dxm-e2e-template-${process.pid}-${Date.now()}.xlsx`);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}
