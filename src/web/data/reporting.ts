/**
 * Sessions and the reporting workflow. The session lives in an HttpOnly cookie; the CSRF token that
 * unsafe requests must echo in `x-csrf-token` is kept in memory only (never in storage) and recovered
 * from `GET /auth/me` after a reload.
 */
import { useQuery } from "@tanstack/react-query";
import type { Lang } from "../lib/format.ts";
import { API_BASE } from "./client.ts";
import { rememberSignedIn, SESSION_KEY } from "./session-hint.ts";

export interface SessionUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: "admin" | "reporter" | "reviewer" | "analyst" | string;
  readonly areas: readonly { geography: string; code: string }[];
}

export interface Session {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export interface ReportingPeriod {
  readonly period: string;
  readonly geography: string;
  readonly deadline: string;
}

export interface FormElement {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly unit: string;
  readonly value_type: string;
  /** `annual` elements are in the Q4 report only; their `previous` is last year's value. */
  readonly frequency?: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly value: number | null;
  readonly comment: string | null;
  readonly previous: number | null;
}

export interface FormSection {
  readonly pillar: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly elements: readonly FormElement[];
}

export interface ValidationIssue {
  readonly severity: "error" | "warning" | string;
  readonly code: string;
  readonly elements: readonly string[];
  readonly message: string;
  readonly message_vi: string;
  readonly needs_comment: boolean;
}

export interface ReportForm {
  readonly geography: string;
  readonly area: string;
  readonly area_name_vi: string;
  readonly area_name_en: string;
  readonly period: string;
  readonly deadline: string;
  readonly state: string;
  readonly version: number | null;
  readonly sections: readonly FormSection[];
  readonly validation: {
    readonly can_submit: boolean;
    readonly errors: number;
    readonly warnings: number;
    readonly uncommented_warnings: number;
    readonly issues: readonly ValidationIssue[];
  };
  readonly events?: readonly ReportEvent[];
}

/** One act in a report's history (save, submit, return with its comment, approve, reopen). */
export interface ReportEvent {
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly comment: string | null;
}

export interface ReportSummary {
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  readonly state: string;
  readonly version: number;
  readonly submitted_at: string | null;
  readonly submitted_by: string | null;
}

export interface CompletenessRow {
  readonly geography: string;
  readonly area: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly state: string;
  readonly submitted_at: string | null;
  readonly late: boolean;
}

/** One field's complaint in a 400 problem (`errors` of the problem document). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A failed request with the problem's message in both languages. */
export class RequestError extends Error {
  readonly status: number | undefined;
  readonly detailVi: string | undefined;
  /** The problem's machine code, e.g. `conflict`. */
  readonly code: string | undefined;
  /** The field the problem names, and every field's complaint when the server lists them. */
  readonly field: string | undefined;
  readonly errors: readonly FieldError[];
  constructor(
    message: string,
    status?: number,
    detailVi?: string,
    extra: { code?: string; field?: string; errors?: readonly FieldError[] } = {},
  ) {
    super(message);
    this.name = "RequestError";
    this.status = status;
    this.detailVi = detailVi;
    this.code = extra.code;
    this.field = extra.field;
    this.errors = extra.errors ?? [];
  }
  /** The message in the reader's language. */
  text(lang: Lang): string {
    return lang === "vi" && this.detailVi ? this.detailVi : this.message;
  }
}

let csrfToken: string | undefined;

/** For tests and logout. */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

/**
 * One API call with the session cookie and, on unsafe methods, the CSRF token. A `FormData` body is
 * sent as multipart (the browser sets its boundary); anything else as JSON.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new RequestError(
      `Cannot reach the API (${API_BASE}${path})`,
      undefined,
      "Không kết nối được máy chủ",
    );
  }
  if (!res.ok) {
    let problem: {
      detail?: unknown;
      title?: unknown;
      detail_vi?: unknown;
      code?: unknown;
      field?: unknown;
      errors?: unknown;
    } = {};
    try {
      problem = (await res.json()) as typeof problem;
    } catch {
      // not a problem document
    }
    const detail =
      typeof problem.detail === "string"
        ? problem.detail
        : typeof problem.title === "string"
          ? problem.title
          : `HTTP ${res.status}`;
    const errors = Array.isArray(problem.errors)
      ? problem.errors.filter(
          (e): e is FieldError =>
            typeof e === "object" &&
            e !== null &&
            typeof (e as FieldError).field === "string" &&
            typeof (e as FieldError).message === "string",
        )
      : [];
    throw new RequestError(
      detail,
      res.status,
      typeof problem.detail_vi === "string" ? problem.detail_vi : undefined,
      {
        ...(typeof problem.code === "string" ? { code: problem.code } : {}),
        ...(typeof problem.field === "string" ? { field: problem.field } : {}),
        errors,
      },
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export { SESSION_KEY } from "./session-hint.ts";

/** The logged-in user, or null; remembers the CSRF token it answers with. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await request<Session>("GET", "/auth/me");
    csrfToken = s.csrfToken;
    rememberSignedIn(true);
    return s;
  } catch (e) {
    if (e instanceof RequestError && e.status === 401) {
      csrfToken = undefined;
      rememberSignedIn(false);
      return null;
    }
    throw e;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export async function login(email: string, password: string): Promise<Session> {
  const s = await request<Session>("POST", "/auth/login", { email, password });
  csrfToken = s.csrfToken;
  rememberSignedIn(true);
  return s;
}

export async function logout(): Promise<void> {
  rememberSignedIn(false);
  await request<unknown>("POST", "/auth/logout", {});
  csrfToken = undefined;
}

const reportPath = (geography: string, area: string, period: string) =>
  `/reports/${encodeURIComponent(geography)}/${encodeURIComponent(area)}/${encodeURIComponent(period)}`;

export function templateUrl(geography: string, area: string, period: string): string {
  return `${API_BASE}${reportPath(geography, area, period)}/template.xlsx`;
}

export function usePeriodsQuery(enabled: boolean) {
  return useQuery({
    queryKey: ["reporting", "periods"],
    queryFn: () => request<{ items: ReportingPeriod[] }>("GET", "/reporting/periods"),
    select: (r) => r.items,
    enabled,
    staleTime: 0,
  });
}

export function reportKey(geography: string, area: string, period: string) {
  return ["reporting", "report", geography, area, period] as const;
}

export function useReportQuery(geography: string, area: string, period: string) {
  return useQuery({
    queryKey: reportKey(geography, area, period),
    queryFn: () => request<ReportForm>("GET", reportPath(geography, area, period)),
    staleTime: 0,
  });
}

/** Saves values and comments; with `version`, a report changed meanwhile is refused with a 409. */
export function saveReport(
  geography: string,
  area: string,
  period: string,
  values: Record<string, number | null>,
  comments: Record<string, string>,
  version?: number | null,
): Promise<ReportForm> {
  return request<ReportForm>("PUT", `${reportPath(geography, area, period)}/values`, {
    values,
    comments,
    ...(version !== null && version !== undefined ? { version } : {}),
  });
}

export function reportAction(
  r: { geography: string; area: string; period: string },
  action: "submit" | "approve" | "return" | "reopen",
  body: Record<string, unknown> = {},
): Promise<unknown> {
  return request<unknown>("POST", `${reportPath(r.geography, r.area, r.period)}/${action}`, body);
}

export function useSubmittedReportsQuery(enabled: boolean) {
  return useQuery({
    queryKey: ["reporting", "reports", "submitted"],
    queryFn: () => request<{ items: ReportSummary[] }>("GET", "/reports?state=submitted"),
    select: (r) => r.items,
    enabled,
    staleTime: 0,
  });
}

export function useCompletenessQuery(period: string | undefined) {
  return useQuery({
    queryKey: ["reporting", "completeness", period],
    queryFn: () =>
      request<{ period: string; deadline: string; items: CompletenessRow[] }>(
        "GET",
        `/reporting/completeness?period=${encodeURIComponent(period ?? "")}`,
      ),
    enabled: period !== undefined,
    staleTime: 0,
  });
}

/** One problem of an uploaded file, located by sheet and cell. */
export interface UploadProblem {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly element: string | null;
  readonly code: string;
  readonly message: string;
  readonly message_vi: string;
}

export interface UploadPreview {
  readonly stored: false;
  readonly problems: readonly UploadProblem[];
  readonly values: Readonly<Record<string, number | null>>;
  readonly comments: Readonly<Record<string, string>>;
}

export interface UploadStored {
  readonly stored: true;
  readonly problems: readonly UploadProblem[];
  readonly report: ReportForm;
}

/** Sends a filled template: without `confirm` the server only parses and checks it. */
export function uploadReport(
  r: { geography: string; area: string; period: string },
  file: Blob,
  fileName: string,
  confirm: boolean,
): Promise<UploadPreview | UploadStored> {
  const body = new FormData();
  body.append("file", file, fileName);
  return request<UploadPreview | UploadStored>(
    "POST",
    `${reportPath(r.geography, r.area, r.period)}/upload${confirm ? "?confirm=true" : ""}`,
    body,
  );
}

export function useApprovedReportsQuery(enabled: boolean) {
  return useQuery({
    queryKey: ["reporting", "reports", "approved"],
    queryFn: () => request<{ items: ReportSummary[] }>("GET", "/reports?state=approved"),
    select: (r) => r.items,
    enabled,
    staleTime: 0,
  });
}
