/**
 * Security headers and request limits of the real application (buildApp): helmet headers on API
 * and web answers, body and upload size limits, slow clients cut off, rate limits on login and on
 * anonymous writes. The login lockout (per email, in the database) is tested in auth-plugin.test.ts.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEFAULT_HTTP_LIMITS } from "../config.ts";
import { CLI_ACTOR } from "../domain/auth.ts";
import { createUser } from "../services/auth.ts";
import { openPeriodAs } from "../services/reporting.ts";
import { referenceBackends } from "../services/testing.ts";
import type { Store } from "../store/db.ts";
import { buildApp } from "./app.ts";
import { limitPublicWrites } from "./limits.ts";

const PERIOD = "2026-Q3";

function multipart(file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----dxmsec9";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Sends a request's headers one line at a time, `gapMs` apart, until the server closes the socket. */
function trickleHeaders(
  port: number,
  lines: number,
  gapMs: number,
): Promise<{ sent: number; response: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let sent = 0;
    let response = "";
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => {
      response += d;
    });
    socket.on("error", () => {
      // A reset after the server gave up is an expected way for the connection to end.
    });
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ sent, response });
    });
    socket.on("connect", () => {
      socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      timer = setInterval(() => {
        if (sent >= lines) {
          clearInterval(timer);
          socket.end("\r\n");
          return;
        }
        sent++;
        socket.write(`X-Slow-${sent}: ${"a".repeat(10)}\r\n`);
      }, gapMs);
    });
    socket.setTimeout(60_000, () => {
      socket.destroy();
      reject(new Error("the server never closed the slow connection"));
    });
  });
}

for (const backend of await referenceBackends()) {
  describe(`security headers and limits on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, logLevel: "silent" });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    it("sends helmet headers on API answers, errors and web pages, and no HSTS over plain HTTP", async () => {
      for (const url of ["/api/v1/health", "/api/v1/nowhere", "/", "/reporting"]) {
        const res = await app.inject({ method: "GET", url });
        const csp = String(res.headers["content-security-policy"]);
        assert.match(csp, /default-src 'self'/, url);
        assert.match(csp, /frame-ancestors 'none'/, url);
        assert.match(csp, /object-src 'none'/, url);
        assert.equal(res.headers["x-content-type-options"], "nosniff", url);
        assert.equal(res.headers["x-frame-options"], "DENY", url);
        assert.equal(res.headers["referrer-policy"], "no-referrer", url);
        assert.equal(res.headers["strict-transport-security"], undefined, url);
      }
    });

    it("sends HSTS only when the site is served with secure cookies", async () => {
      const secure = await buildApp({ store, logLevel: "silent", secureCookies: true });
      try {
        const res = await secure.inject({ method: "GET", url: "/api/v1/health" });
        assert.match(String(res.headers["strict-transport-security"]), /max-age=31536000; includeSubDomains/);
      } finally {
        await secure.close();
      }
    });

    it("answers a JSON body over the limit with a 413 problem naming the limit", async () => {
      const big = { email: "a@b.vn", password: "x".repeat(DEFAULT_HTTP_LIMITS.bodyBytes) };
      const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: big });
      assert.equal(res.statusCode, 413);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      const p = res.json();
      assert.equal(p.code, "payload_too_large");
      assert.equal(p.field, "body");
      assert.match(p.detail, /limit of 1 MiB \(1048576 bytes\)/);
      assert.match(p.detail_vi, /giới hạn 1 MiB/);
    });

    it("takes its body limit from the configuration", async () => {
      const small = await buildApp({
        store,
        logLevel: "silent",
        httpLimits: { ...DEFAULT_HTTP_LIMITS, bodyBytes: 1024 },
      });
      try {
        const ok = await small.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email: "a@b.vn", password: "y".repeat(900) },
        });
        assert.equal(ok.statusCode, 401, "under the limit the body reaches the route");
        const res = await small.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email: "a@b.vn", password: "y".repeat(1100) },
        });
        assert.equal(res.statusCode, 413);
        assert.match(res.json().detail, /limit of 1 KiB \(1024 bytes\)/);
      } finally {
        await small.close();
      }
    });

    it("answers an uploaded file over the limit with a 413 problem naming the limit, storing nothing", async () => {
      const small = await buildApp({
        store,
        logLevel: "silent",
        httpLimits: { ...DEFAULT_HTTP_LIMITS, uploadBytes: 2048 },
      });
      try {
        await openPeriodAs(store, "test", PERIOD, "2026-12-31");
        const email = "upload-limit@x.vn";
        const password = "correct horse battery";
        await createUser(store, CLI_ACTOR, {
          email,
          role: "reporter",
          areas: [{ geography: "2025", code: "79" }],
          password,
        });
        const login = await small.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email, password },
        });
        assert.equal(login.statusCode, 200, login.body);
        const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
        const { payload, headers } = multipart(Buffer.alloc(4096, 7));
        const res = await small.inject({
          method: "POST",
          url: `/api/v1/reports/2025/79/${PERIOD}/upload?confirm=true`,
          payload,
          headers: { ...headers, cookie, "x-csrf-token": login.json().csrfToken },
        });
        assert.equal(res.statusCode, 413, res.body);
        const p = res.json();
        assert.equal(p.field, "file");
        assert.match(p.detail, /limit of 2 KiB \(2048 bytes\)/);
        const values = await store.db.selectFrom("report_value").select("element").execute();
        assert.equal(values.length, 0, "nothing stored");
      } finally {
        await small.close();
      }
    });

    it("cuts off a client that sends its headers too slowly (408, socket closed)", async () => {
      const slow = await buildApp({
        store,
        logLevel: "silent",
        httpLimits: { ...DEFAULT_HTTP_LIMITS, headersTimeoutMs: 300, requestTimeoutMs: 1000 },
      });
      try {
        await slow.listen({ port: 0, host: "127.0.0.1" });
        const addr = slow.server.address();
        assert.ok(addr && typeof addr === "object");
        assert.equal(slow.server.headersTimeout, 300);
        assert.equal(slow.server.requestTimeout, 1000);
        // 200 header lines 50 ms apart would take 10 s: the server must end it long before.
        const { sent, response } = await trickleHeaders(addr.port, 200, 50);
        assert.ok(sent < 200, `the server waited for all ${sent} header lines`);
        assert.match(response, /^HTTP\/1\.1 408/);
      } finally {
        await slow.close();
      }
    });

    it("configures the production server's timeouts from the limits", async () => {
      assert.equal(app.server.headersTimeout, DEFAULT_HTTP_LIMITS.headersTimeoutMs);
      assert.equal(app.server.requestTimeout, DEFAULT_HTTP_LIMITS.requestTimeoutMs);
      assert.equal(app.server.keepAliveTimeout, DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs);
    });

    it("limits login requests per address with a 429 problem in both languages", async () => {
      const limited = await buildApp({
        store,
        logLevel: "silent",
        loginRateLimit: { max: 2, timeWindowMs: 60_000 },
      });
      try {
        const statuses: number[] = [];
        let last: { headers: Record<string, unknown>; body: string } | undefined;
        for (let i = 0; i < 3; i++) {
          const res = await limited.inject({
            method: "POST",
            url: "/api/v1/auth/login",
            payload: { email: `flood${i}@x.vn`, password: "whatever password" },
            remoteAddress: "198.51.100.9",
          });
          statuses.push(res.statusCode);
          last = res;
        }
        assert.deepEqual(statuses, [401, 401, 429]);
        const p = JSON.parse(last!.body);
        assert.equal(p.code, "rate_limited");
        assert.match(p.detail, /at most 2 per 60 s/);
        assert.match(p.detail_vi, /tối đa 2 trong 60 giây/);
        assert.ok(Number(last!.headers["retry-after"]) > 0);
        const other = await limited.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email: "flood@x.vn", password: "whatever password" },
          remoteAddress: "198.51.100.10",
        });
        assert.equal(other.statusCode, 401, "another address is not limited");
      } finally {
        await limited.close();
      }
    });

    it("limits anonymous writes with the configured public-write limiter, and only in its scope", async () => {
      const limited = await buildApp({
        store,
        logLevel: "silent",
        publicWriteRateLimit: { max: 3, timeWindowMs: 60_000 },
      });
      try {
        let stored = 0;
        await limited.register(
          async (scope) => {
            await limitPublicWrites(scope, { en: "assessment", vi: "đánh giá" });
            scope.post("/probe", async () => ({ stored: ++stored }));
          },
          { prefix: "/api/v1/test-public" },
        );
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await limited.inject({
            method: "POST",
            url: "/api/v1/test-public/probe",
            payload: {},
            remoteAddress: "203.0.113.5",
          });
          statuses.push(res.statusCode);
        }
        assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
        assert.equal(stored, 3, "refused writes never reach the route");
        const health = [];
        for (let i = 0; i < 5; i++) {
          health.push(
            (await limited.inject({ method: "GET", url: "/api/v1/health", remoteAddress: "203.0.113.5" }))
              .statusCode,
          );
        }
        assert.deepEqual(health, [200, 200, 200, 200, 200], "other routes are not limited");
      } finally {
        await limited.close();
      }
    });
  });
}
