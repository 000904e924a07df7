/**
 * RFC 9457 problem details. Every error response of the API has this shape, with our machine code
 * and the parameter or field it is about, so a client can point at the right input.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DxmError } from "../domain/errors.ts";
import { LimitError, tooLarge } from "./limits.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  detail_vi?: string;
  errors?: { field: string; message: string; message_vi?: string }[];
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  423: "Locked",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type("application/problem+json").send(p);
}

function fieldOf(path: string): string {
  return path.replace(/^\//, "").split("/")[0] || "(query)";
}

/** A DxmError that names several fields carries them in `details.errors`: list each in `errors`. */
function fieldErrors(details: Record<string, unknown> | undefined): Pick<Problem, "errors"> {
  const list = details?.errors;
  if (!Array.isArray(list)) return {};
  return {
    errors: list.map((e: { field: string; message: string; messageVi?: string }) => ({
      field: e.field,
      message: e.message,
      ...(e.messageVi ? { message_vi: e.messageVi } : {}),
    })),
  };
}

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const instance = request.url;
  if (error instanceof DxmError) {
    return {
      type: `https://dxmonitor.vn/problems/${error.code}`,
      title: TITLES[error.status] ?? "Error",
      status: error.status,
      detail: error.message,
      detail_vi: error.messageVi,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      ...fieldErrors(error.details),
      instance,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? "request";
    const errors = error.validation.map((v) => {
      // An unrecognized-key issue lists the unknown parameter names in `keys`.
      const keys = (v.params as { keys?: string[] } | undefined)?.keys;
      const field = keys?.length ? keys.join(", ") : fieldOf(v.instancePath);
      const message = keys?.length ? `unknown parameter${keys.length > 1 ? "s" : ""}` : v.message;
      return { field, message: `${field}: ${message}` };
    });
    const first = errors[0];
    return {
      type: "https://dxmonitor.vn/problems/invalid_parameter",
      title: TITLES[400]!,
      status: 400,
      detail: errors.map((e) => e.message).join("; "),
      detail_vi: `Tham số không hợp lệ trong ${where === "body" ? "nội dung yêu cầu" : "truy vấn"}: ${errors
        .map((e) => e.field)
        .join(", ")}`,
      code: where === "body" ? "invalid_body" : "invalid_parameter",
      ...(first ? { field: first.field } : {}),
      errors,
      instance,
    };
  }
  if (error instanceof LimitError) {
    return {
      type: `https://dxmonitor.vn/problems/${error.code}`,
      title: TITLES[error.statusCode] ?? "Error",
      status: error.statusCode,
      detail: error.message,
      detail_vi: error.messageVi,
      code: error.code,
      field: error.field,
      instance,
    };
  }
  const fe = error as Partial<FastifyError>;
  if (fe.statusCode === 413) {
    // Fastify's body limit or the multipart file limit: say which limit, in both languages.
    const { limit: _limit, ...p } = tooLarge(request.server, fe.code, request.routeOptions?.bodyLimit);
    return {
      type: `https://dxmonitor.vn/problems/${p.code}`,
      title: TITLES[413]!,
      status: 413,
      ...p,
      instance,
    };
  }
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      type: "about:blank",
      title: TITLES[fe.statusCode] ?? "Error",
      status: fe.statusCode,
      detail: fe.message ?? "request error",
      code: (fe.code ?? "request_error").toLowerCase(),
      instance,
    };
  }
  return {
    type: "about:blank",
    title: TITLES[500]!,
    status: 500,
    detail: "An internal error occurred; it has been logged.",
    detail_vi: "Đã xảy ra lỗi nội bộ; lỗi đã được ghi lại.",
    code: "internal",
    instance,
  };
}
