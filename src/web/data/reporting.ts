/**
 * Sessions and the reporting workflow. The session lives in an HttpOnly cookie; the CSRF token that
 * unsafe requests must echo in `x-csrf-token` is kept in memory only (never in storage) and recovered
 * from `GET /auth/me` after a reload.
 */
import { useQuery } from "@tanstack/react-query";
import type { Lang } from "../lib/format.ts";
import { API_BASE } from "./client.ts";

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

/** A failed request with the problem's message in both languages. */
export class RequestError extends Error {
  readonly status: number | undefined;
  readonly detailVi: string | undefined;
  constructor(message: string, status?: number, detailVi?: string) {
    super(message);
    this.name = "RequestError";
    this.status = status;
    this.detailVi = detailVi;
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

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
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
    let problem: { detail?: unknown; title?: unknown; detail_vi?: unknown } = {};
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
    throw new RequestError(
      detail,
      res.status,
      typeof problem.detail_vi === "string" ? problem.detail_vi : undefined,
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const SESSION_KEY = ["auth", "me"] as const;

/** The logged-in user, or null; remembers the CSRF token it answers with. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await request<Session>("GET", "/auth/me");
    csrfToken = s.csrfToken;
    return s;
  } catch (e) {
    if (e instanceof RequestError && e.status === 401) {
      csrfToken = undefined;
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
  return s;
}

export async function logout(): Promise<void> {
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

export function saveReport(
  geography: string,
  area: string,
  period: string,
  values: Record<string, number | null>,
  comments: Record<string, string>,
): Promise<ReportForm> {
  return request<ReportForm>("PUT", `${reportPath(geography, area, period)}/values`, { values, comments });
}

export function reportAction(
  r: { geography: string; area: string; period: string },
  action: "submit" | "approve" | "return",
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
