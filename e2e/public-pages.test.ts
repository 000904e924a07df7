/**
 * The public pages in a real browser against a real server with the demo data: every page loads
 * with its charts, tables and demo banner; the language switch is kept across links; the map
 * switches geography; the site search works without diacritics; downloads work; an automated
 * contrast and label check passes; no request leaves the app's origin. Screenshots of every page,
 * on a laptop and on a phone, are saved in os.tmpdir()/dxm-e2e-screens for a person to look at.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { auditPage } from "./a11y.ts";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();
const SCREENS = join(tmpdir(), "dxm-e2e-screens");

/** Every public page with the element that shows it is drawn. */
const PAGES = [
  { name: "overview", path: "/", ready: '[data-testid="map-chart"] svg path' },
  { name: "indicator", path: "/indicators/DE_SHARE_GDP", ready: '[data-testid="trend-chart"] svg path' },
  { name: "province", path: "/provinces/2025/66", ready: '[data-testid="pillars-chart"] svg path' },
  { name: "rankings", path: "/rankings", ready: '[data-testid="ranking-table"] tbody tr' },
  {
    name: "digital-economy",
    path: "/digital-economy",
    ready: '[data-testid="de-components-chart"] svg path',
  },
] as const;

async function load(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  // "attached": the first path of a chart may be a 1-pixel axis line, which is never "visible".
  await page.waitForSelector(ready, { state: "attached", timeout: 30_000 });
  // Let the charts' entry animation finish before a screenshot.
  await page.waitForFunction(() => document.querySelectorAll(".status--loading").length === 0, null, {
    timeout: 30_000,
  });
}

describe("public pages in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let origin = "";
  const foreign: string[] = [];

  before(
    async () => {
      mkdirSync(SCREENS, { recursive: true });
      session = await openBrowserSession({ consoleErrors: true });
      page = session.page;
      origin = new URL(session.url).origin;
      page.on("request", (r) => {
        const url = r.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await session?.close();
  });

  for (const p of PAGES) {
    it(`should draw ${p.name} (${p.path}) with the demo banner, text alternatives and a screenshot`, {
      timeout: 60_000,
    }, async () => {
      await load(page, `${session!.url}${p.path}`, p.ready);
      assert.ok(await page.getByTestId("demo-banner").isVisible(), "demo values are labelled");
      const labels = await page
        .locator('[role="img"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
      for (const label of labels)
        assert.ok(label.length > 20, `every chart has a text alternative: “${label}”`);
      await page.screenshot({ path: join(SCREENS, `${p.name}-desktop.png`), fullPage: true });
    });
  }

  it("should pass the contrast and label check on every page", { timeout: 120_000 }, async () => {
    for (const p of PAGES) {
      await load(page, `${session!.url}${p.path}`, p.ready);
      // tsx names functions with a helper (__name) the page does not have: give it one.
      await page.evaluate("globalThis.__name = globalThis.__name || ((f) => f)");
      const issues = await page.evaluate(auditPage);
      assert.deepEqual(issues, [], `${p.path}: ${JSON.stringify(issues, null, 1)}`);
    }
    // The checker itself: light grey text and an input without a label must be reported.
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "chữ mờ";
      p.style.color = "#aaaaaa";
      const input = document.createElement("input");
      document.querySelector("main")?.append(p, input);
    });
    const planted = await page.evaluate(auditPage);
    assert.deepEqual(planted.map((i) => i.kind).sort(), ["contrast", "label"], JSON.stringify(planted));
  });

  it("should show every page on a phone (390×844) without horizontal scrolling", {
    timeout: 120_000,
  }, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const p of PAGES) {
        await load(page, `${session!.url}${p.path}`, p.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${p.path}: the page is ${overflow}px wider than the phone`);
        // Nor does a control stick out of its card (a long option once widened a select past it).
        const sticking = await page.evaluate(() =>
          [...document.querySelectorAll(".card select, .card input, .card button")].flatMap((el) => {
            const cardEl = el.closest(".card")!;
            // Inside a scrolling box (a wide table) a control may lie beyond the edge: it scrolls there.
            for (let up = el.parentElement; up && up !== cardEl; up = up.parentElement)
              if (getComputedStyle(up).overflowX !== "visible") return [];
            const card = cardEl.getBoundingClientRect();
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > card.right + 0.5
              ? [
                  `${el.tagName.toLowerCase()}#${el.id} ends at ${Math.round(box.right)} > ${Math.round(card.right)}`,
                ]
              : [];
          }),
        );
        assert.deepEqual(sticking, [], `${p.path}: controls outside their card`);
        await page.screenshot({ path: join(SCREENS, `${p.name}-phone.png`), fullPage: true });
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it("should switch the overview map from the 34 provinces of 2025 to the 63 of 2008", {
    timeout: 60_000,
  }, async () => {
    await load(page, `${session!.url}/`, PAGES[0].ready);
    const map = page.getByTestId("map");
    await map.getByTestId("map-toggle").click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="map-table"] tbody tr').length === 34,
    );
    await map.getByRole("radio", { name: /2008/ }).check();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="map-table"] tbody tr').length === 63,
    );
    await map.getByTestId("map-toggle").click();
    await page.waitForSelector('[data-testid="map-chart"] svg path', { state: "attached" });
    assert.match((await page.getByTestId("map-chart").getAttribute("aria-label")) ?? "", /2008/);
    await page.screenshot({ path: join(SCREENS, "overview-map-2008.png"), fullPage: true });
  });

  it("should open a province's page from the overview map with the keyboard alone", {
    timeout: 60_000,
  }, async () => {
    await load(page, `${session!.url}/`, PAGES[0].ready);
    const alt = (await page.getByTestId("map-chart").getAttribute("aria-label")) ?? "";
    assert.match(alt, /danh sách dưới bản đồ/, "the text alternative points to the keyboard's way");
    // Tab from the top of the page until the map's province chooser has the focus.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
    let steps = 0;
    while ((await focused()) !== "map-chart-province") {
      assert.ok(++steps < 400, "Tab reaches the map's province chooser");
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const code = await page.getByTestId("map-chart-province").inputValue();
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "map-chart-open");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/provinces/2025/${code}$`), { timeout: 15_000 });
    await page.waitForSelector(PAGES[2].ready, { state: "attached", timeout: 30_000 });
  });

  it("should keep English across a link of the navigation", { timeout: 60_000 }, async () => {
    await load(page, `${session!.url}/`, PAGES[0].ready);
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Rankings" })
      .click();
    await page.waitForSelector(PAGES[3].ready, { state: "attached" });
    assert.match(page.url(), /\/rankings\?lang=en$/);
    assert.equal(await page.locator("h2.page-title").textContent(), "Provinces ranked");
    await page.screenshot({ path: join(SCREENS, "rankings-en.png"), fullPage: true });
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "vi");
  });

  it("should find Đắk Nông by 'dak nong' and open its page", { timeout: 60_000 }, async () => {
    await load(page, `${session!.url}/rankings`, PAGES[3].ready);
    const box = page.getByTestId("site-search");
    await box.fill("dak nong");
    const results = page.getByTestId("site-search-results");
    await results
      .getByRole("link", { name: /Đắk Nông/ })
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENS, "search.png") });
    await box.press("Enter");
    await page.waitForURL(/\/provinces\/2008\/67/);
    await page.getByRole("heading", { name: "Đắk Nông" }).waitFor();
    assert.match(
      (await page.getByTestId("province-profile").textContent()) ?? "",
      /Lâm Đồng/,
      "merged into Lâm Đồng in 2025",
    );
    await page.getByTestId("province-headline").waitFor();
    assert.match(
      (await page.getByTestId("province-headline").textContent()) ?? "",
      /hạng \d+\/63/,
      "its rank among the 63",
    );
  });

  it("should find the e-commerce indicator by 'thuong mai dien tu'", { timeout: 60_000 }, async () => {
    const box = page.getByTestId("site-search");
    await box.fill("thuong mai dien tu");
    const results = page.getByTestId("site-search-results");
    await results
      .getByRole("link", { name: /thương mại điện tử trong tổng mức bán lẻ/i })
      .first()
      .waitFor();
    const first = await results.getByRole("link").first().getAttribute("href");
    await box.press("ArrowDown");
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.closest("[data-testid='site-search-results']") !== null,
      ),
      true,
      "the arrow key moves into the results",
    );
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => `${url.pathname}${url.search}` === first);
    await page.waitForSelector('[data-testid="indicator-definition"]');
  });

  it("should download what a chart shows as CSV, and all values as CSV and XLSX", {
    timeout: 60_000,
  }, async () => {
    await load(page, `${session!.url}/indicators/DE_SHARE_GDP`, PAGES[1].ready);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("trend-csv").click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    assert.match(text.split("\r\n")[0] ?? "", /^Năm,/);
    assert.ok(text.split("\r\n").length > 5);
    for (const id of ["download-csv", "download-xlsx"]) {
      const href = await page.getByTestId(id).getAttribute("href");
      assert.ok(href?.startsWith("/api/v1/observations."), String(href));
      const res = await page.request.get(`${session!.url}${href}`);
      assert.equal(res.status(), 200, `${href}`);
    }
  });

  it("should sort the province ranking and filter it by region", { timeout: 60_000 }, async () => {
    await load(page, `${session!.url}/rankings?indicator=ECOM_SHARE_RETAIL`, PAGES[3].ready);
    const rows = page.locator('[data-testid="ranking-table"] tbody tr');
    assert.equal(await rows.count(), 34);
    assert.equal((await rows.first().locator("td").first().textContent())?.trim(), "1");
    const region = page.getByTestId("region-filter");
    const value = await region.locator("option").nth(1).getAttribute("value");
    await region.selectOption(value ?? "");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="ranking-table"] tbody tr').length < 34,
    );
    await page.getByRole("button", { name: /^Hạng/ }).click();
    const ranks = (await rows.locator("td:first-child").allInnerTexts()).map(Number);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => b - a),
      "sorted by rank, descending after a second click",
    );
  });

  it("should switch the digital-economy method to mic411 and show the platform component", {
    timeout: 60_000,
  }, async () => {
    await load(page, `${session!.url}/digital-economy`, PAGES[4].ready);
    await page
      .getByTestId("de-method")
      .getByRole("radio", { name: /mic411/ })
      .check();
    await page.getByTestId("de-components").getByText("Kinh tế số nền tảng").waitFor();
    assert.match(
      (await page.getByTestId("de-components-chart").getAttribute("aria-label")) ?? "",
      /nền tảng/,
    );
  });

  it("should send no request to another origin and raise no script errors", () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(session?.errors ?? [], []);
  });
});
