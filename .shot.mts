import { mkdtempSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://localhost:3105";
const paths = (process.argv[3] ?? "/").split(",");
const width = Number(process.argv[4] ?? 1366);
async function main() {
  const ctx = await chromium.launchPersistentContext(mkdtempSync("/tmp/pw-"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width, height: width < 500 ? 844 : 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  page.on("console", (m) => {
    if (m.type() === "error") console.log("CONSOLE", m.text());
  });
  for (const p of paths) {
    await page.goto(base + p);
    await page.waitForTimeout(2500);
    const name = p.replace(/[^a-z0-9]+/gi, "_") || "root";
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
    console.log("shot", name);
  }
  await ctx.close();
}
main();
