import assert from "node:assert/strict";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const cfg = loadConfig({});
    assert.equal(cfg.port, 3000);
    assert.equal(cfg.host, "localhost");
    assert.equal(cfg.dataDir, resolve("data"));
    assert.equal(cfg.databaseUrl, undefined);
    assert.equal(cfg.demoData, true);
    assert.equal(cfg.logLevel, "info");
    assert.equal(cfg.testDatabaseUrl, "postgres://postgres@127.0.0.1:5432/test");
    assert.equal(cfg.ci, false);
    assert.equal(cfg.chromiumPath, "/usr/bin/chromium");
    assert.equal(cfg.debug, false);
  });

  it("treats empty variables as unset", () => {
    const cfg = loadConfig({ PORT: "", HOST: "", DXM_DATA_DIR: "", DATABASE_URL: "", DXM_DEMO_DATA: "" });
    assert.equal(cfg.port, 3000);
    assert.equal(cfg.host, "localhost");
    assert.equal(cfg.dataDir, resolve("data"));
    assert.equal(cfg.databaseUrl, undefined);
    assert.equal(cfg.demoData, true);
  });

  it("reads every variable it is given", () => {
    const cfg = loadConfig({
      PORT: "8080",
      HOST: " 0.0.0.0 ",
      DXM_DATA_DIR: "/tmp/dxm-data",
      DATABASE_URL: "postgresql://u@db:5432/dxm",
      DXM_DEMO_DATA: "false",
      DXM_LOG_LEVEL: "silent",
      CI: "1",
      DXM_DEBUG: "yes",
    });
    assert.equal(cfg.port, 8080);
    assert.equal(cfg.host, "0.0.0.0");
    assert.equal(cfg.dataDir, "/tmp/dxm-data");
    assert.equal(cfg.databaseUrl, "postgresql://u@db:5432/dxm");
    assert.equal(cfg.demoData, false);
    assert.equal(cfg.logLevel, "silent");
    assert.equal(cfg.ci, true);
    assert.equal(cfg.debug, true);
  });

  it("resolves a relative data folder against the working directory", () => {
    assert.equal(loadConfig({ DXM_DATA_DIR: "var/dxm" }).dataDir, resolve("var/dxm"));
  });

  it("accepts the port bounds 0 and 65535", () => {
    assert.equal(loadConfig({ PORT: "0" }).port, 0);
    assert.equal(loadConfig({ PORT: "65535" }).port, 65535);
  });

  for (const port of ["abc", "3000.5", "-1", "65536", "80 80"]) {
    it(`rejects PORT="${port}" with an error naming PORT`, () => {
      assert.throws(() => loadConfig({ PORT: port }), /PORT=.*whole number from 0 to 65535/);
    });
  }

  for (const port of [" ", "0x1F90", "1e3", "+80"]) {
    it(`rejects PORT=${JSON.stringify(port)}, which is not written as a whole number`, () => {
      assert.throws(() => loadConfig({ PORT: port }), /PORT=.*whole number from 0 to 65535/);
    });
  }

  for (const v of ["maybe", "2", "nope"]) {
    it(`rejects DXM_DEMO_DATA="${v}" with an error naming DXM_DEMO_DATA`, () => {
      assert.throws(() => loadConfig({ DXM_DEMO_DATA: v }), /DXM_DEMO_DATA="[^"]*" is not a boolean/);
    });
  }

  it("reads true/false spelled in the usual ways for DXM_DEMO_DATA", () => {
    for (const v of ["1", "true", "TRUE", "yes", "on"])
      assert.equal(loadConfig({ DXM_DEMO_DATA: v }).demoData, true);
    for (const v of ["0", "false", "False", "no", "off"])
      assert.equal(loadConfig({ DXM_DEMO_DATA: v }).demoData, false);
  });

  for (const url of ["mysql://u@db/dxm", "db:5432", "http://localhost:5432/test"]) {
    it(`rejects DATABASE_URL="${url}", which is not a postgres:// URL, naming DATABASE_URL`, () => {
      assert.throws(() => loadConfig({ DATABASE_URL: url }), /DATABASE_URL must start with postgres:\/\//);
    });
  }

  it("rejects an unknown DXM_LOG_LEVEL naming the variable and the accepted levels", () => {
    assert.throws(() => loadConfig({ DXM_LOG_LEVEL: "verbose" }), /DXM_LOG_LEVEL="verbose".*fatal.*silent/);
  });

  it("rejects a malformed CI or DXM_DEBUG naming the variable", () => {
    assert.throws(() => loadConfig({ CI: "sure" }), /CI="sure"/);
    assert.throws(() => loadConfig({ DXM_DEBUG: "sure" }), /DXM_DEBUG="sure"/);
  });

  it("returns a frozen object: the configuration cannot be changed after start-up", () => {
    const cfg = loadConfig({});
    assert.ok(Object.isFrozen(cfg));
    assert.throws(() => {
      (cfg as { port: number }).port = 1;
    }, TypeError);
    assert.equal(cfg.port, 3000);
  });
});

describe("loadConfig: HTTP limits and rate limits", () => {
  it("defaults to 1 MiB bodies, 5 MiB uploads, 10 s for headers, 30 login and 10 public writes a minute", () => {
    const cfg = loadConfig({});
    assert.equal(cfg.httpLimits.bodyBytes, 1024 * 1024);
    assert.equal(cfg.httpLimits.uploadBytes, 5 * 1024 * 1024);
    assert.equal(cfg.httpLimits.headersTimeoutMs, 10_000);
    assert.equal(cfg.httpLimits.requestTimeoutMs, 30_000);
    assert.deepEqual(cfg.loginRateLimit, { max: 30, timeWindowMs: 60_000 });
    assert.deepEqual(cfg.publicWriteRateLimit, { max: 10, timeWindowMs: 60_000 });
  });

  it("reads the limits it is given", () => {
    const cfg = loadConfig({
      DXM_BODY_LIMIT_KB: "64",
      DXM_UPLOAD_LIMIT_KB: "2048",
      DXM_HEADERS_TIMEOUT_MS: "2000",
      DXM_REQUEST_TIMEOUT_MS: "5000",
      DXM_PUBLIC_WRITE_RATE_LIMIT: "5/3600",
      DXM_LOGIN_RATE_LIMIT: "100/60",
    });
    assert.equal(cfg.httpLimits.bodyBytes, 64 * 1024);
    assert.equal(cfg.httpLimits.uploadBytes, 2048 * 1024);
    assert.equal(cfg.httpLimits.headersTimeoutMs, 2000);
    assert.equal(cfg.httpLimits.requestTimeoutMs, 5000);
    assert.deepEqual(cfg.publicWriteRateLimit, { max: 5, timeWindowMs: 3_600_000 });
    assert.deepEqual(cfg.loginRateLimit, { max: 100, timeWindowMs: 60_000 });
  });

  it("refuses malformed limits, naming the variable", () => {
    assert.throws(() => loadConfig({ DXM_PUBLIC_WRITE_RATE_LIMIT: "ten" }), /DXM_PUBLIC_WRITE_RATE_LIMIT/);
    assert.throws(() => loadConfig({ DXM_LOGIN_RATE_LIMIT: "0/60" }), /DXM_LOGIN_RATE_LIMIT/);
    assert.throws(() => loadConfig({ DXM_BODY_LIMIT_KB: "-1" }), /DXM_BODY_LIMIT_KB/);
    assert.throws(
      () => loadConfig({ DXM_HEADERS_TIMEOUT_MS: "40000", DXM_REQUEST_TIMEOUT_MS: "30000" }),
      /must not exceed DXM_REQUEST_TIMEOUT_MS/,
    );
  });
});
