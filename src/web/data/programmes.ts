/**
 * Action programmes over the API: the public list and lead agencies, and a reviewer's writes (post an
 * update, set a status with a reason, change the progress), which send the session's CSRF token.
 */
import { useQuery } from "@tanstack/react-query";
import { API_BASE, ApiError } from "./client.ts";
import { currentCsrfToken, RequestError } from "./reporting.ts";

export type ProgrammeStatus = "not_started" | "on_track" | "at_risk" | "late" | "done";
export type Rag = "green" | "amber" | "red";

export interface ProgrammeIndicatorDto {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly unit: string;
  readonly series: string | null;
  readonly class: string | null;
  readonly rag: Rag | null;
  readonly latest: { year: number; value: number } | null;
  readonly target: { year: number; comparator: string; value: number; source: string } | null;
}

export interface ProgrammeDto {
  readonly id: number;
  readonly key: string | null;
  readonly title_vi: string;
  readonly title_en: string;
  readonly lead_vi: string;
  readonly lead_en: string;
  readonly leads: readonly { vi: string; en: string }[];
  readonly source: string | null;
  readonly scope: { geography: string; area: string; name_vi: string; name_en: string } | null;
  readonly start: string;
  readonly deadline: string | null;
  readonly status: ProgrammeStatus;
  readonly status_source: "reviewer" | "deadline" | "indicators" | "default";
  readonly overdue: boolean;
  readonly reviewer_status: { status: ProgrammeStatus; reason: string; by: string; at: string } | null;
  readonly derived_status: { status: ProgrammeStatus; rag: Rag } | null;
  readonly progress: number | null;
  readonly evidence: readonly { url: string; label: string | null }[];
  readonly indicators: readonly ProgrammeIndicatorDto[];
  readonly updates: readonly { id: number; at: string; author: string; text: string }[];
  readonly version: number;
}

/**
 * The list is revalidated on every read (`cache: "no-cache"`, a cheap 304 when unchanged): the public
 * answer may be cached for a minute, and a reviewer must see their own change at once.
 */
async function fetchProgrammes(signal: AbortSignal): Promise<{ items: ProgrammeDto[] }> {
  const url = `${API_BASE}/programmes`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-cache", signal });
  } catch (cause) {
    if (signal.aborted) throw cause;
    throw new ApiError("network", url, `cannot reach the API at ${url}`, { cause });
  }
  if (!res.ok) throw new ApiError("http", url, `${url}: HTTP ${res.status}`, { status: res.status });
  return (await res.json()) as { items: ProgrammeDto[] };
}

export const PROGRAMMES_KEY = ["programmes"] as const;

export function useProgrammesQuery() {
  return useQuery({
    queryKey: PROGRAMMES_KEY,
    queryFn: ({ signal }) => fetchProgrammes(signal),
    select: (r) => r.items,
    staleTime: 0,
  });
}

async function send<T>(method: "POST" | "PATCH", path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/json" };
  const csrf = currentCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new RequestError(
      `Cannot reach the API (${API_BASE}${path})`,
      undefined,
      "Không kết nối được máy chủ",
    );
  }
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const p = (parsed ?? {}) as { detail?: unknown; detail_vi?: unknown };
    throw new RequestError(
      typeof p.detail === "string" ? p.detail : `HTTP ${res.status}`,
      res.status,
      typeof p.detail_vi === "string" ? p.detail_vi : undefined,
    );
  }
  return parsed as T;
}

export function postProgrammeUpdate(id: number, text: string): Promise<unknown> {
  return send("POST", `/programmes/${id}/updates`, { text });
}

export function setProgrammeStatus(
  id: number,
  version: number,
  status: ProgrammeStatus | null,
  reason: string,
  progress: number | null,
): Promise<ProgrammeDto> {
  return send("PATCH", `/programmes/${id}`, {
    version,
    status,
    ...(status !== null ? { status_reason: reason } : {}),
    progress,
  });
}
