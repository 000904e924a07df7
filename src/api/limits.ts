/**
 * Request limits of the HTTP application, in one place: body and upload sizes, slow clients, and
 * rate limits per client address. Sizes and timeouts come from configuration (`HttpLimits`);
 * answers that refuse a request are problem+json naming the limit, so a client knows what to change.
 *
 * Rate limits live in memory (per process): they protect the CPU (argon2 on login) and the tables
 * (anonymous writes) from floods. Durable throttling — the login lockout — is in the database
 * (services/auth.ts). Behind a reverse proxy set DXM_TRUST_PROXY so the client address is the real one.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import {
  DEFAULT_HTTP_LIMITS,
  DEFAULT_PUBLIC_WRITE_RATE_LIMIT,
  type HttpLimits,
  type RateLimit,
} from "../config.ts";

declare module "fastify" {
  interface FastifyInstance {
    dxmLimits: HttpLimits;
    /** The configured limit of anonymous writes (`publicWriteRateLimit` in config.ts). */
    dxmPublicWriteRateLimit: RateLimit;
  }
}

/** An error the central handler turns into a problem with both messages (see problem.ts). */
export class LimitError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** "1 MiB", "512 KiB", "300 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** The limits in force for this app (defaults when the app was built without them). */
export function limitsOf(app: FastifyInstance): HttpLimits {
  return app.hasDecorator("dxmLimits") ? app.dxmLimits : DEFAULT_HTTP_LIMITS;
}

/** The problem fields of a 413: which limit, for a JSON body or for an uploaded file. */
export function tooLarge(app: FastifyInstance, code: string | undefined, routeBodyLimit: number | undefined) {
  const limits = limitsOf(app);
  const file = code === "FST_REQ_FILE_TOO_LARGE";
  const limit = file ? limits.uploadBytes : (routeBodyLimit ?? limits.bodyBytes);
  const size = formatBytes(limit);
  return {
    code: "payload_too_large",
    field: file ? "file" : "body",
    limit,
    detail: file
      ? `The uploaded file is larger than the limit of ${size} (${limit} bytes): nothing was stored`
      : `The request body is larger than the limit of ${size} (${limit} bytes)`,
    detail_vi: file
      ? `Tệp tải lên vượt giới hạn ${size} (${limit} byte): chưa lưu gì`
      : `Nội dung yêu cầu vượt giới hạn ${size} (${limit} byte)`,
  };
}

/**
 * Limits every route registered in `scope` (an encapsulated plugin) to `limit.max` requests per
 * client address and window; beyond it a 429 problem with Retry-After. Use it in the scope of
 * anonymous write routes (the public assessment form, with `config().publicWriteRateLimit`):
 *
 *   await app.register(async (scope) => {
 *     await limitPublicWrites(scope, { en: "assessment", vi: "đánh giá" });
 *     scope.post("/assessments", …);
 *   });
 */
export async function limitRequests(
  scope: FastifyInstance,
  limit: RateLimit,
  what: { en: string; vi: string },
): Promise<void> {
  await scope.register(rateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    errorResponseBuilder: (_req, ctx) =>
      new LimitError(
        429,
        "rate_limited",
        `Too many ${what.en} requests from this address (at most ${ctx.max} per ${Math.round(limit.timeWindowMs / 1000)} s): retry in ${ctx.after}`,
        `Quá nhiều yêu cầu ${what.vi} từ địa chỉ này (tối đa ${ctx.max} trong ${Math.round(limit.timeWindowMs / 1000)} giây): hãy thử lại sau ${ctx.after}`,
        "(client)",
      ),
  });
}

/** `limitRequests` with the configured limit of anonymous writes (DXM_PUBLIC_WRITE_RATE_LIMIT). */
export function limitPublicWrites(scope: FastifyInstance, what: { en: string; vi: string }): Promise<void> {
  const limit = scope.hasDecorator("dxmPublicWriteRateLimit")
    ? scope.dxmPublicWriteRateLimit
    : DEFAULT_PUBLIC_WRITE_RATE_LIMIT;
  return limitRequests(scope, limit, what);
}
