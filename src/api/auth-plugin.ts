/**
 * Who is calling: every request gets `request.principal` (a person with a session, a machine
 * token, or null for the public) before its route runs.
 *
 * - Session: the cookie `dxm_session` (HttpOnly, SameSite=Lax, Path=/, Secure when configured or
 *   when the request came over HTTPS). An unknown or expired cookie makes the request anonymous and
 *   is cleared. An unsafe request (POST, PUT, PATCH, DELETE) with a live session must carry the
 *   session's CSRF token in `x-csrf-token`, else 403 — except routes with `config: { csrf: false }`
 *   (login).
 * - Machine token: `Authorization: Bearer dxm_…`. A bearer token that is not valid is a 401 (the
 *   caller asked to be someone and is not); bearer requests need no CSRF token, since a browser
 *   never adds that header on its own. Other schemes (Basic, from a proxy) are ignored.
 * - Responses to authenticated requests are `Cache-Control: private, no-store`, set by a hook that
 *   runs after the public-caching one whatever the order of registration (route-level hooks run
 *   last), so no shared cache keeps a person's data.
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, RouteOptions } from "fastify";
import type { Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import {
  authenticateSession,
  authenticateToken,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  safeEqual,
} from "../services/auth.ts";
import type { Store } from "../store/db.ts";

export interface AuthSession {
  /** sha256 of the cookie value. */
  readonly idHash: string;
  readonly csrfToken: string;
}

export interface AuthOptions {
  /** Always mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The person or machine token making the request; null for the public. */
    principal: Principal | null;
    /** The cookie session of the request, when there is one. */
    authSession: AuthSession | null;
  }
  interface FastifyInstance {
    dxmAuth: AuthOptions;
  }
  interface FastifyContextConfig {
    /** false: an unsafe route that needs no CSRF token (login, which has no session yet). */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

function cookieOptions(request: FastifyRequest, secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: secure || request.protocol === "https",
  };
}

/** Sets the session cookie (login). */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    ...cookieOptions(request, request.server.dxmAuth.secureCookies),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

/** Clears the session cookie (logout, stale cookie). */
export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, request.server.dxmAuth.secureCookies));
}

const privateCaching: onSendHookHandler = async (request, reply, payload) => {
  if (request.principal !== null) {
    reply.header("Cache-Control", "private, no-store");
    if (reply.statusCode === 200) reply.removeHeader("etag");
  }
  return payload;
};

function appendOnSend(route: RouteOptions): void {
  const existing = route.onSend;
  route.onSend = existing === undefined ? [privateCaching] : [...[existing].flat(), privateCaching];
}

export async function registerAuth(app: FastifyInstance, store: Store, options: AuthOptions): Promise<void> {
  if (!app.hasReplyDecorator("setCookie")) await app.register(cookie);
  app.decorate("dxmAuth", { secureCookies: options.secureCookies });
  app.decorateRequest("principal", null);
  app.decorateRequest("authSession", null);
  app.addHook("onRoute", (route) => appendOnSend(route as RouteOptions));

  app.addHook("onRequest", async (request, reply) => {
    request.principal = null;
    request.authSession = null;

    const authorization = request.headers.authorization;
    if (authorization !== undefined && /^bearer(\s|$)/i.test(authorization)) {
      const principal = await authenticateToken(store, authorization.slice(6).trim());
      if (!principal) {
        throw new DxmError("unauthorized", "The bearer token is not valid: unknown, revoked or malformed", {
          field: "authorization",
          messageVi: "Mã truy cập (bearer token) không hợp lệ: không tồn tại, đã thu hồi hoặc sai định dạng",
        });
      }
      request.principal = principal;
      return;
    }

    const value = request.cookies[SESSION_COOKIE];
    if (!value) return;
    const session = await authenticateSession(store, value);
    if (!session) {
      clearSessionCookie(reply, request);
      return;
    }
    request.principal = session.principal;
    request.authSession = { idHash: session.idHash, csrfToken: session.csrfToken };

    if (UNSAFE.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !safeEqual(sent, session.csrfToken)) {
        throw new DxmError(
          "forbidden",
          `${sent === undefined ? "Missing" : "Wrong"} CSRF token: send the csrfToken given at login (or by GET /api/v1/auth/me) in the ${CSRF_HEADER} header`,
          {
            field: CSRF_HEADER,
            messageVi: `Thiếu hoặc sai mã CSRF: gửi csrfToken nhận khi đăng nhập trong tiêu đề ${CSRF_HEADER}`,
          },
        );
      }
    }
  });
}
