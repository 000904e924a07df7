/** Releases and open-data downloads: hooks and actions over `/releases`, `/data` and `/sdmx`. */
import { useQuery } from "@tanstack/react-query";
import { API_BASE } from "./client.ts";
import { request } from "./reporting.ts";

export const EXPORT_FORMATS = ["csv", "xlsx", "json", "sdmx-csv", "sdmx-json"] as const;
export const CODELISTS = [
  "CL_AREA",
  "CL_INDICATOR",
  "CL_UNIT",
  "CL_SERIES",
  "CL_FREQ",
  "CL_OBS_STATUS",
] as const;

export interface ReleaseDto {
  readonly id: number;
  readonly period: string;
  readonly state: "draft" | "scheduled" | "published";
  readonly release_at: string | null;
  readonly release_at_local: string | null;
  readonly note: string | null;
  readonly previous_id: number | null;
  readonly counts: {
    readonly observations: number;
    readonly values: number;
    readonly new: number;
    readonly revised: number;
    readonly withdrawn: number;
  };
}

export interface ReleaseChangeDto {
  readonly change: "new" | "revised" | "withdrawn";
  readonly target: "element" | "indicator";
  readonly series: string;
  readonly code: string;
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  readonly old_value: number | null;
  readonly new_value: number | null;
}

export interface ReleaseDetailDto extends ReleaseDto {
  readonly changes: readonly ReleaseChangeDto[];
  readonly next_offset: number | null;
}

export const RELEASES_KEY = ["releases"] as const;

export function useReleasesQuery() {
  return useQuery({
    queryKey: RELEASES_KEY,
    queryFn: () => request<{ items: ReleaseDto[] }>("GET", "/releases"),
    select: (r) => r.items,
  });
}

export function useReleaseQuery(id: number | undefined, change: string) {
  return useQuery({
    queryKey: [...RELEASES_KEY, id, change],
    queryFn: () =>
      request<ReleaseDetailDto>("GET", `/releases/${id}?limit=500${change ? `&change=${change}` : ""}`),
    enabled: id !== undefined,
  });
}

export interface ReleaseValueDto {
  readonly indicator: string;
  readonly geography: string;
  readonly area: string;
  readonly period: string;
  readonly series: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly status: string;
}

export interface ReleaseValuesDto {
  readonly release: { readonly id: number; readonly period: string; readonly state: ReleaseDto["state"] };
  readonly items: readonly ReleaseValueDto[];
  readonly next_offset: number | null;
}

/** A page of a release's values: before its time, a staff preview (the request carries the session). */
export function useReleaseValuesQuery(id: number, limit: number) {
  return useQuery({
    queryKey: [...RELEASES_KEY, id, "values", limit],
    queryFn: () => request<ReleaseValuesDto>("GET", `/releases/${id}/values?limit=${limit}`),
  });
}

export const releaseReportUrl = (id: number, kind: "html" | "pdf") =>
  `${API_BASE}/releases/${id}/report.${kind}`;

export const prepareRelease = (period: string, note: string) =>
  request<ReleaseDetailDto>("POST", "/releases", { period, ...(note ? { note } : {}) });

export const scheduleRelease = (id: number, at: string, note: string) =>
  request<ReleaseDto>("POST", `/releases/${id}/schedule`, { at, ...(note ? { note } : {}) });

export const deleteRelease = (id: number) => request<void>("DELETE", `/releases/${id}`);

export const dataUrl = (format: string, indicator?: string) =>
  `${API_BASE}/data${indicator ? `/${indicator}` : ""}?format=${format}`;
export const releaseDataUrl = (id: number, format: string) =>
  `${API_BASE}/releases/${id}/data?format=${format}`;
export const codelistUrl = (id: string, format: "json" | "csv") =>
  `${API_BASE}/sdmx/codelists/${id}?format=${format}`;
export const DSD_URL = `${API_BASE}/sdmx/dsd`;
