/**
 * Data hooks, one per resource, named `useXxxQuery`. Query keys start with the resource name and hold
 * every parameter, so the cache never mixes answers; reference lists (areas, series, indicators)
 * change only with a release and are kept for the session.
 */
import { useQuery } from "@tanstack/react-query";
import type { AreaLevel, Geography } from "../../domain/area.ts";
import type { PeriodKind } from "../../domain/period.ts";
import { getAllItems, getJson } from "./client.ts";
import type {
  AreaDto,
  DeMethod,
  DeProvinceDto,
  DigitalEconomyDto,
  IndicatorDto,
  ListResponse,
  ObservationDto,
  ProgressDto,
  SeriesDto,
  TargetDto,
} from "./types.ts";

const REFERENCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

export function useAreasQuery(geography: Geography, level: AreaLevel) {
  return useQuery({
    queryKey: ["areas", geography, level],
    queryFn: ({ signal }) => getJson<ListResponse<AreaDto>>("/areas", { geography, level }, signal),
    select: (r) => r.items,
    ...REFERENCE,
  });
}

export function useSeriesQuery() {
  return useQuery({
    queryKey: ["series"],
    queryFn: ({ signal }) => getJson<ListResponse<SeriesDto>>("/series", {}, signal),
    select: (r) => r.items,
    ...REFERENCE,
  });
}

export function useIndicatorsQuery() {
  return useQuery({
    queryKey: ["indicators"],
    queryFn: ({ signal }) => getJson<ListResponse<IndicatorDto>>("/indicators", {}, signal),
    select: (r) => r.items,
    ...REFERENCE,
  });
}

export interface ObservationFilter {
  readonly indicator?: readonly string[];
  readonly geography?: Geography;
  readonly area?: readonly string[];
  readonly period?: readonly string[];
  readonly series?: readonly string[];
  readonly level?: AreaLevel;
  readonly periodKind?: PeriodKind | readonly PeriodKind[];
}

export function useObservationsQuery(filter: ObservationFilter, options: { enabled?: boolean } = {}) {
  const params = {
    indicator: filter.indicator,
    geography: filter.geography,
    area: filter.area,
    period: filter.period,
    series: filter.series,
    level: filter.level,
    period_kind: filter.periodKind,
  };
  return useQuery({
    queryKey: ["observations", params],
    queryFn: ({ signal }) => getAllItems<ObservationDto>("/observations", params, signal),
    enabled: options.enabled ?? true,
  });
}

export function useTargetsQuery(filter: { indicator?: string; geography?: Geography; area?: string }) {
  return useQuery({
    queryKey: ["targets", filter],
    queryFn: ({ signal }) => getJson<ListResponse<TargetDto>>("/targets", filter, signal),
    select: (r) => r.items,
    ...REFERENCE,
  });
}

// --- Public pages (issue 5) ---

export function useIndicatorQuery(code: string) {
  return useQuery({
    queryKey: ["indicator", code],
    queryFn: ({ signal }) => getJson<IndicatorDto>(`/indicators/${encodeURIComponent(code)}`, {}, signal),
    ...REFERENCE,
  });
}

export function useProgressQuery(filter: {
  indicator?: readonly string[];
  geography: Geography;
  area?: readonly string[];
}) {
  const params = { indicator: filter.indicator, geography: filter.geography, area: filter.area };
  return useQuery({
    queryKey: ["progress", params],
    queryFn: ({ signal }) => getJson<ListResponse<ProgressDto>>("/progress", params, signal),
    select: (r) => r.items,
  });
}

export function useDigitalEconomyQuery(filter: {
  geography: Geography;
  area: string;
  method: DeMethod;
  periodKind: PeriodKind;
}) {
  const params = {
    geography: filter.geography,
    area: filter.area,
    method: filter.method,
    period_kind: filter.periodKind,
  };
  return useQuery({
    queryKey: ["digital-economy", params],
    queryFn: ({ signal }) => getJson<ListResponse<DigitalEconomyDto>>("/digital-economy", params, signal),
    select: (r) => r.items,
  });
}

export function useDeProvincesQuery(
  filter: { geography: Geography; period: string; method: DeMethod },
  enabled = true,
) {
  return useQuery({
    queryKey: ["digital-economy-provinces", filter],
    queryFn: ({ signal }) =>
      getJson<ListResponse<DeProvinceDto>>("/digital-economy/provinces", filter, signal),
    select: (r) => r.items,
    enabled,
  });
}
