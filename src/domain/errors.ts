/**
 * One error type for the whole system. Every failure that a user can cause carries a machine code,
 * the field (parameter, cell, element…) it concerns, and a message in Vietnamese and English, so the
 * API can answer with RFC 9457 problem+json and the CLI can print something a person can act on.
 */
export type ErrorCode =
  | "invalid_parameter"
  | "invalid_body"
  | "not_found"
  | "unknown_code"
  | "formula_syntax"
  | "formula_unknown_reference"
  | "formula_cycle"
  | "division_by_zero"
  | "invalid_period"
  | "invalid_area"
  | "invalid_data"
  | "conflict"
  | "data_dir_locked"
  | "database_unavailable"
  | "unauthorized"
  | "forbidden"
  | "internal";

const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_parameter: 400,
  invalid_body: 400,
  not_found: 404,
  unknown_code: 400,
  formula_syntax: 400,
  formula_unknown_reference: 400,
  formula_cycle: 400,
  division_by_zero: 422,
  invalid_period: 400,
  invalid_area: 400,
  invalid_data: 422,
  conflict: 409,
  data_dir_locked: 423,
  database_unavailable: 503,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
};

export interface DxmErrorOptions {
  /** The parameter, field, cell or code the error is about. */
  field?: string;
  /** Vietnamese message; English is the `message` of the Error. */
  messageVi?: string;
  /** Extra context, machine-readable (kept out of logs' message line). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class DxmError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly messageVi: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: DxmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DxmError";
    this.code = code;
    this.field = options.field;
    this.messageVi = options.messageVi ?? message;
    this.details = options.details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isDxmError(e: unknown): e is DxmError {
  return e instanceof DxmError;
}
