/**
 * The DTI page (/dti) in Chromium against a real server with the demo data: the ranking with its
 * rank bands and the method line, the table view, a province's profile and the change split by
 * pillar, the published 2022 ranking beside the computed one with Spearman's rho, the demo banner,
 * the 2008 geography and the English switch.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, browserSkip, openBrowserSession } from "./browser.ts";

const skip = browserSkip();

describe("DTI page (/dti) in Chromium", { skip }, () => {
  let session: BrowserSession | undefined;
  let page: Page;

  before(
    async () => {
      session = await openBrowserSession({ consoleErrors: true });
      page = session.page;
      await page.goto(`${session.url}/dti`);
      await page.waitForSelector('[data-testid="dti-ranking-chart"] svg', { timeout: 60_000 });
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await session?.close();
  });

  it("shows the ranking of the 34 units with the framework version and the normalisation", async () => {
    const method = await page.locator('[data-testid="dti-method"]').textContent();
    assert.match(method ?? "", /922\/QĐ-BTTTT/);
    assert.match(method ?? "", /chuẩn hóa: min–max và khoảng cách tới mục tiêu, mốc cố định năm 2022/);
    assert.match(method ?? "", /Monte Carlo 1000/);
    const label = await page.locator('[data-testid="dti-ranking-chart"]').getAttribute("aria-label");
    assert.match(label ?? "", /34 tỉnh, thành phố/);
  });

  it("shows the demo banner because the index is computed from demo data", async () => {
    assert.ok(await page.locator(".demo-banner, [data-testid=demo-banner]").first().isVisible());
  });

  it("offers the ranking as a table with rank bands", async () => {
    await page.locator('[data-testid="dti-ranking"] button[aria-pressed]').click();
    const rows = page.locator('[data-testid="dti-ranking-table"] tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 34);
    const first = await rows.first().locator("td").allTextContents();
    assert.equal(first[0], "1");
    assert.match(first[3] ?? "", /^\d+–\d+$/);
    await page.locator('[data-testid="dti-ranking"] button[aria-pressed]').click();
  });

  it("shows the selected province's pillar profile and its change split into contributions", async () => {
    await page.waitForSelector('[data-testid="dti-profile-chart"] svg', { timeout: 30_000 });
    await page.selectOption('[data-testid="dti-province"]', "01");
    await page.waitForFunction(
      () =>
        document
          .querySelector("#dti-profile-title, [data-testid=dti-profile] h2")
          ?.textContent?.includes("Hà Nội"),
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForSelector('[data-testid="dti-change-text"]', { timeout: 30_000 });
    const text = await page.locator('[data-testid="dti-change-text"]').textContent();
    assert.match(text ?? "", /Điểm năm 2024: .*năm 2025: .*thay đổi [+-]/);
    await page.locator('[data-testid="dti-change"] button[aria-pressed]').click();
    const cells = await page.locator('[data-testid="dti-change-table"] tbody tr').count();
    assert.equal(cells, 10); // 9 main indices and the total
  });

  it("sets the published 2022 ranking beside the computed one with Spearman's rho, clearly labelled", async () => {
    const note = page.locator('[data-testid="dti-spearman"]');
    await note.waitFor({ timeout: 30_000 });
    assert.match(
      (await note.textContent()) ?? "",
      /Spearman.*ρ = -?0,\d{3} \(63 tỉnh\).*chính thức.*minh họa/,
    );
    await page.locator('[data-testid="dti-published"] button[aria-pressed]').click();
    const first = await page.locator('[data-testid="dti-published-table"] tbody tr').first().textContent();
    assert.match(first ?? "", /^1Đà Nẵng0,8002/);
  });

  it("switches to the 63 provinces of 2008 and to English", async () => {
    await page.goto(`${session!.url}/dti?lang=en`);
    await page.waitForSelector('[data-testid="dti-ranking-chart"] svg', { timeout: 60_000 });
    await page.getByLabel("2008 (63 provinces and cities)").check();
    await page.waitForFunction(
      () =>
        /63 provinces/.test(
          document.querySelector('[data-testid="dti-ranking-chart"]')?.getAttribute("aria-label") ?? "",
        ),
      undefined,
      { timeout: 30_000 },
    );
    const method = await page.locator('[data-testid="dti-method"]').textContent();
    assert.match(method ?? "", /normalisation: min–max and distance to target, goalposts fixed at 2022/);
    assert.deepEqual(session!.errors, []);
  });
});
