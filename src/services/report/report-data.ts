/**
 * What the quarterly report of a release says, gathered from the public read services as the
 * public sees them at the release's time (`publishedAt`: the release's snapshot and no later one,
 * whatever the clock says now — so a report made a month later, after the next release, still shows
 * this release's values; and a reviewer's preview before the time shows what will be published):
 * the national digital-economy share and its components for the release's period, the annual
 * trend of every series, Decision 411's national targets with their progress classes, provinces'
 * shares (map and ranking), the spillover by sector, the action programmes, and the release's
 * revision notes.
 *
 * Choices:
 * - One series is shown where a single figure is needed (ranking, map, progress, components), the
 *   first with data in the order gso_official, mic_estimate, reported, demo; the trend shows every
 *   series as its own line. A report that uses demo data says so on its first page.
 * - Who may read it: the public only once the release is out (embargo); reviewers, analysts and the
 *   command line also before, to prepare it (the report then says "embargoed until …").
 */
import { loadCatalog } from "../../catalog/index.ts";
import type { Geography } from "../../domain/area.ts";
import { NATION_CODE } from "../../domain/area.ts";
import type { Actor } from "../../domain/auth.ts";
import { DxmError } from "../../domain/errors.ts";
import { formatPeriod, geographyOfPeriod, parsePeriod } from "../../domain/period.ts";
import type { ProgressClass } from "../../methods/progress.ts";
import { listAreas } from "../../store/catalog-repo.ts";
import { queryComputed } from "../../store/computed-repo.ts";
import type { Store } from "../../store/db.ts";
import { type DeItem, measure } from "../digital-economy.ts";
import { listProgrammes, type ProgrammeView } from "../programmes.ts";
import { getProgress } from "../progress.ts";
import {
  canSeeUnpublishedReleases,
  getRelease,
  listReleases,
  type ReleaseChange,
  type ReleaseView,
} from "../releases.ts";

export const SERIES_ORDER = ["gso_official", "mic_estimate", "reported", "demo"];

export function preferSeries(available: Iterable<string>): string | undefined {
  const list = [...new Set(available)];
  const rank = (s: string) => (SERIES_ORDER.includes(s) ? SERIES_ORDER.indexOf(s) : SERIES_ORDER.length);
  return list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
}

export interface TargetRow {
  readonly indicator: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly year: number;
  readonly comparator: string;
  readonly value: number;
  readonly series: string | null;
  readonly latest: { year: number; value: number } | null;
  readonly class: ProgressClass | null;
}

export interface ProvinceRow {
  readonly rank: number;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly value: number;
}

export interface ReportData {
  readonly period: string;
  readonly geography: Geography;
  readonly release: ReleaseView;
  readonly embargoed: boolean;
  readonly revisions: readonly ReleaseChange[];
  readonly generatedAt: Date;
  /** Measurements of the nation for the period, by series and method. */
  readonly national: readonly DeItem[];
  /** Annual DE_SHARE_GDP of the nation, by series. */
  readonly trend: ReadonlyMap<string, readonly { year: number; value: number }[]>;
  readonly targets: readonly TargetRow[];
  readonly provinces: {
    readonly series: string | null;
    readonly period: string;
    readonly rows: readonly ProvinceRow[];
  };
  readonly spillover: DeItem | null;
  readonly programmes: readonly ProgrammeView[];
  readonly usesDemo: boolean;
  readonly industryNames: ReadonlyMap<string, { vi: string; en: string }>;
}

/** The newest scheduled release of the period the viewer may see (the public: a published one). */
export async function findReportRelease(
  store: Store,
  viewer: Actor | null,
  period: string,
  now: Date,
): Promise<ReleaseView> {
  const releases = (await listReleases(store, viewer, now)).filter(
    (r) => r.period === period && r.state !== "draft",
  );
  const r = releases.sort((a, b) => b.id - a.id)[0];
  if (!r) {
    throw new DxmError(
      "not_found",
      `No release of ${period}${canSeeUnpublishedReleases(viewer) ? " is scheduled" : " has been published"}`,
      {
        field: "release",
        messageVi: `Chưa có đợt công bố nào của kỳ ${period}`,
      },
    );
  }
  return r;
}

/**
 * The report's data for a scheduled release (the caller checked the viewer may see it), read as
 * the public reads at the release time; `now` decides only whether the report is still embargoed.
 */
export async function gatherReportData(
  store: Store,
  viewer: Actor | null,
  release: ReleaseView,
  now: Date,
): Promise<ReportData> {
  const p = parsePeriod(release.period, "release");
  const period = formatPeriod(p);
  const geography = geographyOfPeriod(p);
  if (!release.releaseAt) {
    throw new DxmError("invalid_data", `Release ${release.id} is a draft: schedule it before its report`, {
      field: "release",
      messageVi: `Đợt công bố ${release.id} còn là bản nháp: hãy lên lịch trước khi lập báo cáo`,
    });
  }
  const at = release.releaseAt;
  const detail = await getRelease(store, viewer, release.id, now, {
    change: ["revised", "withdrawn"],
    limit: 40,
  });

  const national = await measure(store, {
    geography,
    area: [NATION_CODE],
    period: [period],
    publishedAt: at,
  });

  const trendRows = await queryComputed(store.db, {
    indicator: ["DE_SHARE_GDP"],
    geography: [geography],
    area: [NATION_CODE],
    periodKind: ["Y"],
    publishedOnly: true,
    publishedAt: at,
  });
  const trend = new Map<string, { year: number; value: number }[]>();
  for (const r of trendRows) {
    if (r.value === null || Number(r.period) > p.year) continue;
    trend.set(r.series, [...(trend.get(r.series) ?? []), { year: Number(r.period), value: r.value }]);
  }

  const cat = loadCatalog();
  const indicatorByCode = new Map(cat.indicators.map((i) => [i.code, i]));
  const progress = (await getProgress(store, { geography, area: [NATION_CODE], publishedAt: at })).filter(
    (x) => /411/.test(x.target.source),
  );
  const targets: TargetRow[] = [];
  const keys = [...new Set(progress.map((x) => `${x.indicator}|${x.target.year}`))];
  const order = new Map(cat.indicators.map((i, n) => [i.code, n]));
  keys.sort((a, b) => {
    const [ia, ya] = a.split("|");
    const [ib, yb] = b.split("|");
    return (order.get(ia!) ?? 0) - (order.get(ib!) ?? 0) || Number(ya) - Number(yb);
  });
  for (const key of keys) {
    const [indicator, year] = key.split("|") as [string, string];
    const items = progress.filter((x) => x.indicator === indicator && x.target.year === Number(year));
    const series = preferSeries(items.map((x) => x.series));
    const it = items.find((x) => x.series === series)!;
    const def = indicatorByCode.get(indicator);
    targets.push({
      indicator,
      nameVi: def?.nameVi ?? indicator,
      nameEn: def?.nameEn ?? indicator,
      unit: def?.unit ?? "",
      year: it.target.year,
      comparator: it.target.comparator,
      value: it.target.value,
      series: it.series,
      latest:
        it.inputs.xc !== null && it.inputs.tc !== null ? { year: it.inputs.tc, value: it.inputs.xc } : null,
      class: it.class,
    });
  }

  const provinceRows = await queryComputed(store.db, {
    indicator: ["DE_SHARE_GDP"],
    geography: [geography],
    level: ["province"],
    period: [period],
    publishedOnly: true,
    publishedAt: at,
  });
  const provinceSeries =
    preferSeries(provinceRows.filter((r) => r.value !== null).map((r) => r.series)) ?? null;
  const names = new Map(
    (await listAreas(store.db, { geography: [geography], level: ["province"] })).map((a) => [a.code, a]),
  );
  const values = provinceRows
    .filter((r) => r.series === provinceSeries && r.period === period && r.value !== null)
    .map((r) => ({ code: r.area, value: r.value! }))
    .sort((a, b) => b.value - a.value);
  const rows: ProvinceRow[] = [];
  values.forEach((v, i) => {
    const prev = rows[i - 1];
    rows.push({
      rank: prev && prev.value === v.value ? prev.rank : i + 1,
      code: v.code,
      nameVi: names.get(v.code)?.nameVi ?? v.code,
      nameEn: names.get(v.code)?.nameEn ?? v.code,
      value: v.value,
    });
  });

  const nationalSeries = preferSeries(national.map((n) => n.series));
  const spillover = national.find((n) => n.series === nationalSeries && n.method === "mic411") ?? null;
  // Programmes as of the release day (late or not), so the preview and the published report agree.
  const programmes = await listProgrammes(store, {}, at);
  const usesDemo =
    national.some((n) => n.series === "demo" || n.ioTableIsDemo) ||
    provinceSeries === "demo" ||
    targets.some((t) => t.series === "demo") ||
    trend.has("demo");

  return {
    period,
    geography,
    release,
    embargoed: release.state !== "published",
    revisions: detail.changes,
    generatedAt: now,
    national,
    trend,
    targets,
    provinces: { series: provinceSeries, period, rows },
    spillover,
    programmes,
    usesDemo,
    industryNames: new Map(cat.industries.map((i) => [i.code, { vi: i.nameVi, en: i.nameEn }])),
  };
}
