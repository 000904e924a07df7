/**
 * The index API (`/api/v1/index…`) as the DTI page reads it: response shapes and one hook per route.
 * Kept apart from queries.ts so the page's data needs change in one place.
 */
import { useQuery } from "@tanstack/react-query";
import type { Geography } from "../../domain/area.ts";
import { getJson } from "./client.ts";
import type { ListResponse } from "./types.ts";

export type IndexBasis = "indicators" | "mean_of_former";

export interface FrameworkDto {
  readonly id: string;
  readonly version: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly source: string;
  readonly base_year: number;
  readonly aggregation: string;
  readonly note_vi: string;
  readonly note_en: string;
  readonly pillars: readonly {
    readonly code: string;
    readonly name_vi: string;
    readonly name_en: string;
    readonly weight: number;
    readonly status: "known" | "assumed";
  }[];
  /** Pillar groups ("trụ cột") over the main indices; empty when the framework has none. */
  readonly groups: readonly {
    readonly code: string;
    readonly name_vi: string;
    readonly name_en: string;
    readonly members: readonly string[];
    readonly status: "known" | "assumed";
  }[];
  readonly computed: readonly {
    readonly series: string;
    readonly geography: Geography;
    readonly basis: IndexBasis;
    readonly years: readonly number[];
  }[];
}

export interface IndexItemDto {
  readonly area: string;
  readonly score: number | null;
  readonly rank: number | null;
  readonly rank_median: number | null;
  readonly rank_p05: number | null;
  readonly rank_p95: number | null;
  readonly pillars: Readonly<Record<string, number | null>>;
  readonly groups: Readonly<Record<string, number | null>>;
  readonly missing: readonly string[];
  readonly imputed_pillars: readonly string[];
}

export interface IndexMethodDto {
  readonly framework: string;
  readonly version: string;
  readonly series: string;
  readonly series_is_demo: boolean;
  readonly geography: Geography;
  readonly year: number;
  readonly basis: IndexBasis;
  readonly basis_description: string;
  readonly basis_description_vi: string;
  readonly normalisation: {
    readonly method: string;
    readonly goalposts_year: number;
    readonly clip: boolean;
  };
  readonly aggregation: string;
  readonly weights: Readonly<Record<string, number>>;
  readonly monte_carlo: { readonly draws: number; readonly seed: number };
}

export interface IndexScoresDto extends IndexMethodDto {
  readonly items: readonly IndexItemDto[];
}

export interface ProvinceIndexDto extends IndexMethodDto, IndexItemDto {
  readonly name_vi: string;
  readonly name_en: string;
  readonly ranked: number;
  readonly profile: readonly {
    readonly pillar: string;
    readonly score: number | null;
    readonly best: number | null;
    readonly best_area: string | null;
    readonly median: number | null;
  }[];
}

export interface ExplainDto {
  readonly area: string;
  readonly from: number;
  readonly to: number;
  readonly score_from: number;
  readonly score_to: number;
  readonly change: number;
  readonly contributions: Readonly<Record<string, number>>;
  readonly series_is_demo: boolean;
}

export interface PublishedDto {
  readonly year: number;
  readonly spearman: number | null;
  readonly n: number;
  readonly computed_series: string;
  readonly computed_series_is_demo: boolean;
  readonly items: readonly {
    readonly area: string;
    readonly published_rank: number;
    readonly published_score: number | null;
    readonly computed_rank: number | null;
    readonly computed_score: number | null;
  }[];
}

export function useFrameworksQuery() {
  return useQuery({
    queryKey: ["index"],
    queryFn: ({ signal }) => getJson<ListResponse<FrameworkDto>>("/index", {}, signal),
    select: (r) => r.items,
  });
}

export interface IndexSelection {
  readonly framework: string;
  readonly geography: Geography;
  readonly year: number;
  readonly basis: IndexBasis;
}

export function useIndexScoresQuery(s: IndexSelection | undefined) {
  return useQuery({
    queryKey: ["index-scores", s],
    queryFn: ({ signal }) =>
      getJson<IndexScoresDto>(
        `/index/${s!.framework}/scores`,
        { geography: s!.geography, year: s!.year, basis: s!.basis },
        signal,
      ),
    enabled: s !== undefined,
  });
}

export function useProvinceIndexQuery(s: IndexSelection | undefined, area: string | undefined) {
  return useQuery({
    queryKey: ["index-province", s, area],
    queryFn: ({ signal }) =>
      getJson<ProvinceIndexDto>(
        `/index/${s!.framework}/provinces/${area}`,
        { geography: s!.geography, year: s!.year, basis: s!.basis },
        signal,
      ),
    enabled: s !== undefined && area !== undefined,
  });
}

export function useExplainQuery(
  s: IndexSelection | undefined,
  area: string | undefined,
  from: number | undefined,
) {
  return useQuery({
    queryKey: ["index-explain", s, area, from],
    queryFn: ({ signal }) =>
      getJson<ExplainDto>(
        `/index/${s!.framework}/explain`,
        { geography: s!.geography, basis: s!.basis, area, from, to: s!.year },
        signal,
      ),
    enabled: s !== undefined && area !== undefined && from !== undefined,
  });
}

export function usePublishedQuery(framework: string | undefined) {
  return useQuery({
    queryKey: ["index-published", framework],
    queryFn: ({ signal }) => getJson<PublishedDto>(`/index/${framework}/published`, { year: 2022 }, signal),
    enabled: framework !== undefined,
    retry: false,
  });
}
