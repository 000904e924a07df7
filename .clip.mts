import { mkdtempSync } from "node:fs";
import { chromium } from "playwright-core";

async function main() {
  const [base, path, selector, out, w] = process.argv.slice(2);
  const width = Number(w ?? 1366);
  const ctx = await chromium.launchPersistentContext(mkdtempSync("/tmp/pw-"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  await page.goto(base + path);
  await page.waitForTimeout(2500);
  await page.locator(selector).first().screenshot({ path: out });
  await ctx.close();
}
main();
