/**
 * The self-assessment's data: API shapes, query hooks, the submission, and the draft kept in
 * localStorage so that a half-finished form survives a reload. Result tokens are kept in
 * localStorage too: they are the only way to read a result again (the server never lists a firm's
 * answers by tax code).
 */
import { useQuery } from "@tanstack/react-query";
import { API_BASE, ApiError, getJson } from "./client.ts";

export interface Named {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
}

export interface QuestionnaireDto {
  readonly pillars: readonly (Named & { weight: number })[];
  readonly questions: readonly {
    code: string;
    pillar: string;
    text_vi: string;
    text_en: string;
    low_vi: string;
    low_en: string;
    high_vi: string;
    high_en: string;
  }[];
  readonly scale: readonly { value: number; name_vi: string; name_en: string }[];
  readonly platforms: readonly Named[];
  readonly levels: readonly { level: number; name_vi: string; name_en: string; min_score: number | null }[];
  readonly thresholds_note_vi: string;
  readonly thresholds_note_en: string;
  readonly sectors: readonly Named[];
  readonly sizes: readonly Named[];
  readonly size_criteria: {
    agriculture_industry_construction: readonly SizeLimitDto[];
    trade_services: readonly SizeLimitDto[];
  };
  readonly caveat_vi: string;
  readonly caveat_en: string;
  readonly form_token: string;
  readonly min_fill_seconds: number;
}

export interface SizeLimitDto {
  readonly size: string;
  readonly maxEmployees: number;
  readonly maxRevenue: number;
  readonly maxCapital: number;
}

export interface ResultDto {
  readonly id: number;
  readonly tax_code: string;
  readonly name: string;
  readonly province: { code: string; name_vi: string; name_en: string };
  readonly sector: string;
  readonly size: string;
  readonly submitted_at: string;
  readonly platforms: readonly string[];
  readonly pillars: readonly (Named & { score: number; level: number; peer_mean: number | null })[];
  readonly overall: number;
  readonly level: number;
  readonly level_name_vi: string;
  readonly level_name_en: string;
  readonly thresholds: readonly number[];
  readonly thresholds_note_vi: string;
  readonly thresholds_note_en: string;
  readonly peers: { count: number; percentile: number | null; mean_overall: number | null; demo: number };
  readonly next_steps: readonly (Named & {
    pillar: string;
    score: number;
    advice_vi: string;
    advice_en: string;
  })[];
}

export interface StatsDto {
  readonly count: number;
  readonly demo_count: number;
  readonly mean_overall: number | null;
  readonly levels: readonly {
    level: number;
    name_vi: string;
    name_en: string;
    count: number;
    share: number | null;
  }[];
  readonly pillars: readonly (Named & { mean: number | null })[];
  readonly platforms: readonly (Named & { count: number; share: number | null })[];
  readonly any_platform_share: number | null;
  readonly regular_platform_share: number | null;
  readonly regular_platform_min: number;
  readonly provinces: readonly (Named & {
    count: number;
    mean_overall: number;
    any_platform_share: number;
  })[];
  readonly trend: readonly {
    quarter: string;
    submissions: number;
    demo: number;
    mean_overall: number;
    any_platform_share: number;
  }[];
  /** 2008 geography only: which firms the figures can place, and those they cannot. */
  readonly coverage: {
    complete: boolean;
    unchanged: readonly string[];
    merged: readonly string[];
    unplaced: number;
    unplaced_by_2025: readonly (Named & { count: number; former: readonly string[] })[];
    note_vi: string;
    note_en: string;
  } | null;
  readonly caveat_vi: string;
  readonly caveat_en: string;
  readonly thresholds_note_vi: string;
  readonly thresholds_note_en: string;
}

export function useQuestionnaireQuery() {
  return useQuery({
    queryKey: ["assessment-questionnaire"],
    queryFn: ({ signal }) => getJson<QuestionnaireDto>("/assessments/questionnaire", {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAssessmentStatsQuery(params: {
  geography: "2025" | "2008";
  area: string;
  sector: string;
  size: string;
}) {
  return useQuery({
    queryKey: ["assessment-stats", params],
    queryFn: ({ signal }) =>
      getJson<StatsDto>(
        "/assessments/stats",
        {
          geography: params.geography,
          area: params.area,
          sector: params.sector || undefined,
          size: params.size || undefined,
        },
        signal,
      ),
  });
}

export function useAssessmentResultQuery(token: string | undefined) {
  return useQuery({
    queryKey: ["assessment-result", token],
    enabled: Boolean(token),
    queryFn: async ({ signal }) => {
      const url = `${API_BASE}/assessments/result`;
      const res = await fetch(url, {
        headers: { accept: "application/json", "x-assessment-token": token ?? "" },
        signal,
      });
      if (!res.ok) throw new ApiError("http", url, `HTTP ${res.status}`, { status: res.status });
      return (await res.json()) as ResultDto;
    },
  });
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  readonly message_vi?: string;
}

export type SubmitOutcome =
  | { ok: true; duplicate: boolean; token: string; result: ResultDto }
  | { ok: false; status: number; errors: readonly FieldProblem[]; detail: string };

export async function postAssessment(body: Record<string, unknown>): Promise<SubmitOutcome> {
  const res = await fetch(`${API_BASE}/assessments`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, ...(json as { duplicate: boolean; token: string; result: ResultDto }) };
  const errors = Array.isArray(json.errors) ? (json.errors as FieldProblem[]) : [];
  return {
    ok: false,
    status: res.status,
    errors,
    detail: String(json.detail_vi ?? json.detail ?? `HTTP ${res.status}`),
  };
}

// ---------------------------------------------------------------------------------------------
// What the browser keeps

export const DRAFT_KEY = "dxm.assessment.draft";
export const RESULTS_KEY = "dxm.assessment.results";

export interface Draft {
  step: number;
  taxCode: string;
  name: string;
  province: string;
  /** Optional: the firm's province before the 2025 merger, when its 2025 province was merged. */
  province2008: string;
  sector: string;
  size: string;
  answers: Record<string, number>;
  platforms: string[];
  formToken: string;
}

export const EMPTY_DRAFT: Draft = {
  step: 0,
  taxCode: "",
  name: "",
  province: "",
  province2008: "",
  sector: "",
  size: "",
  answers: {},
  platforms: [],
  formToken: "",
};

export function loadDraft(): Draft {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return EMPTY_DRAFT;
    const d = JSON.parse(raw) as Partial<Draft>;
    return { ...EMPTY_DRAFT, ...d, answers: { ...(d.answers ?? {}) }, platforms: [...(d.platforms ?? [])] };
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(d: Draft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // Storage full or disabled: the form still works, it just does not survive a reload.
  }
}

export function clearDraft(): void {
  localStorage.removeItem(DRAFT_KEY);
}

export interface KeptResult {
  token: string;
  name: string;
  submitted_at: string;
  overall: number;
  level: number;
}

export function loadResults(): KeptResult[] {
  try {
    const list = JSON.parse(localStorage.getItem(RESULTS_KEY) ?? "[]") as KeptResult[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function keepResult(token: string, r: ResultDto): void {
  const list = loadResults().filter((x) => x.submitted_at !== r.submitted_at || x.name !== r.name);
  list.unshift({ token, name: r.name, submitted_at: r.submitted_at, overall: r.overall, level: r.level });
  localStorage.setItem(RESULTS_KEY, JSON.stringify(list.slice(0, 20)));
}
