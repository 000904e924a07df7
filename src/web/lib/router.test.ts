import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { href, indicatorPath, matchPattern, normalizePath, provincePath } from "./router.ts";

describe("matchPattern", () => {
  it("should take the parameters of a matching path", () => {
    assert.deepEqual(matchPattern("/provinces/:geography/:code", "/provinces/2025/79"), {
      geography: "2025",
      code: "79",
    });
  });
  it("should decode an encoded parameter", () => {
    assert.deepEqual(matchPattern("/indicators/:code", "/indicators/A%20B"), { code: "A B" });
  });
  it("should refuse a path with another number of segments or another literal", () => {
    assert.equal(matchPattern("/indicators/:code", "/indicators"), undefined);
    assert.equal(matchPattern("/indicators/:code", "/indicators/X/Y"), undefined);
    assert.equal(matchPattern("/indicators/:code", "/provinces/X"), undefined);
  });
  it("should refuse a malformed escape instead of throwing", () => {
    assert.equal(matchPattern("/indicators/:code", "/indicators/%E0%A4%A"), undefined);
  });
});

describe("href", () => {
  it("should add nothing for Vietnamese and lang=en for English", () => {
    assert.equal(href("/rankings", "vi"), "/rankings");
    assert.equal(href("/rankings", "en"), "/rankings?lang=en");
  });
  it("should keep other parameters and drop empty ones", () => {
    assert.equal(href("/rankings", "en", { indicator: "X", region: "" }), "/rankings?indicator=X&lang=en");
  });
  it("should build indicator and province paths with encoded codes", () => {
    assert.equal(indicatorPath("DE_SHARE_GDP"), "/indicators/DE_SHARE_GDP");
    assert.equal(provincePath("2025", "79"), "/provinces/2025/79");
  });
  it("should strip trailing slashes but keep the root", () => {
    assert.equal(normalizePath("/rankings/"), "/rankings");
    assert.equal(normalizePath("/"), "/");
  });
});
