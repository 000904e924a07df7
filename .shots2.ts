import { CLI_ACTOR } from "./src/domain/auth.ts";
import { ADMIN_EMAIL, findUserIdByEmail, updateUserAccount } from "./src/services/auth.ts";
import { openBrowserSession } from "./e2e/browser.ts";
const s = await openBrowserSession();
const id = await findUserIdByEmail(s.store, CLI_ACTOR, ADMIN_EMAIL);
await updateUserAccount(s.store, CLI_ACTOR, id, { password: "admin-shots-password" });
const page = s.page;
await page.goto(`${s.url}/login`);
await page.getByLabel("Email").fill(ADMIN_EMAIL);
await page.getByLabel("Mật khẩu").fill("admin-shots-password");
await page.getByRole("button", { name: "Đăng nhập" }).click();
await page.waitForURL(/\/reporting$/);
for (const tab of ["rules", "indicators", "tokens"]) {
  await page.goto(`${s.url}/admin#${tab}`);
  await page.reload();
  await page.waitForTimeout(1500);
  for (const [w, h] of [[1366, 768], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    if (sw > w) console.log(`OVERFLOW ${tab} ${w}: ${sw}`);
    await page.screenshot({ path: `/tmp/i4/shots/v2-${tab}-${w}.png` });
  }
}
await s.close();
