/**
 * The report's PDF: the same HTML page printed to A4 by Debian's Chromium through playwright-core
 * (`page.pdf()`), at the path of the `chromiumPath` setting (DXM_CHROMIUM).
 *
 * Why Chromium rather than pdfkit: the report's charts are ECharts SVG and its tables are HTML;
 * Chromium prints exactly what the HTML page shows (one rendering path, no second layout to keep in
 * step), shapes Vietnamese text with its stacked diacritics correctly, and embeds the font that the
 * page carries (Noto Sans from @fontsource/noto-sans, inlined as data URLs), so no system font is
 * needed. pdfkit would need the SVG re-drawn through a partial SVG converter and every table laid out
 * by hand. Chromium is a Debian package on this machine and in CI (never a downloaded browser); it
 * works offline: every request of the page is refused, the page has everything inline.
 */
import { chromium } from "playwright-core";
import { DxmError } from "../../domain/errors.ts";

export async function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  } catch (cause) {
    throw new DxmError(
      "internal",
      `Cannot start Chromium at ${chromiumPath} to print the PDF: install it (apt-get install -y chromium) or set DXM_CHROMIUM`,
      {
        field: "chromiumPath",
        messageVi: `Không khởi động được Chromium tại ${chromiumPath} để in PDF: cài đặt (apt-get install -y chromium) hoặc đặt DXM_CHROMIUM`,
        cause,
      },
    );
  }
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
