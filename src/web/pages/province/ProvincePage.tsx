/**
 * `/provinces/:geography/:code`: a province's profile (region, what it was formed from or merged
 * into), its position per pillar, every indicator against the national value and the target that
 * applies with its rank among provinces, and — for a 2025 province — the history of the former
 * provinces it was formed from.
 */
import { useId, useMemo, useState } from "react";
import { type Geography, isGeography, NATION_CODE } from "../../../domain/area.ts";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import { BAR_GRID, BAR_LABEL_WIDTH } from "../../charts/echarts-bar.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { Figure, type FigureTable } from "../../components/Figure.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import {
  useAreasQuery,
  useIndicatorsQuery,
  useObservationsQuery,
  useSeriesQuery,
} from "../../data/queries.ts";
import type { AreaDto, IndicatorDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { comparatorText, formatValue } from "../../lib/display.ts";
import { formatNumber } from "../../lib/format.ts";
import { DE_SHARE_GDP } from "../../lib/indicators.ts";
import { preferredSeries } from "../../lib/ranking.ts";
import { href, indicatorPath, provincePath, type RouteParams } from "../../lib/router.ts";
import { PROVINCE_MESSAGES } from "./messages.ts";
import { buildProvinceRows, type ProvinceIndicatorRow, pillarScores } from "./province-model.ts";

const LINE_COLORS = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#be185d", "#0e7490", "#a16207"];

function Profile({
  area,
  geography,
  region,
  formedFrom,
  mergedInto,
  headline,
}: {
  area: AreaDto;
  geography: Geography;
  region: AreaDto | undefined;
  formedFrom: readonly AreaDto[];
  mergedInto: AreaDto | undefined;
  /** The digital-economy share with its rank, when known. */
  headline: ProvinceIndicatorRow | undefined;
}) {
  const { lang, t } = usePageLanguage(PROVINCE_MESSAGES);
  return (
    <section className="card" aria-labelledby="province-title" data-testid="province-profile">
      <p className="eyebrow">{t.provinceEyebrow(geography)}</p>
      <h2 id="province-title" className="page-title">
        {localName(area, lang)}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t.code}</dt>
          <dd>{area.code}</dd>
        </div>
        <div>
          <dt>{t.colRegion}</dt>
          <dd>{region ? localName(region, lang) : "—"}</dd>
        </div>
        <div>
          <dt>{t.geographyLabel}</dt>
          <dd>{geography === "2025" ? t.geography2025 : t.geography2008}</dd>
        </div>
        {headline ? (
          <div>
            <dt>{localName(headline.indicator, lang)}</dt>
            <dd data-testid="province-headline">
              {formatValue(headline.value, headline.indicator, lang)} ({headline.year})
              {headline.rank !== null ? ` · ${t.rankOf(headline.rank, headline.ranked)}` : ""}
            </dd>
          </div>
        ) : null}
        {formedFrom.length > 0 ? (
          <div className="facts__wide">
            <dt>{t.formedFrom}</dt>
            <dd>
              {formedFrom.map((m, i) => (
                <span key={m.code}>
                  {i > 0 ? ", " : ""}
                  <a href={href(provincePath("2008", m.code), lang)}>{localName(m, lang)}</a>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {mergedInto ? (
          <div className="facts__wide">
            <dt>{t.mergedInto}</dt>
            <dd>
              <a href={href(provincePath("2025", mergedInto.code), lang)}>{localName(mergedInto, lang)}</a>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function PillarFigure({ rows, area }: { rows: readonly ProvinceIndicatorRow[]; area: string }) {
  const { lang, t } = usePageLanguage(PROVINCE_MESSAGES);
  const scores = pillarScores(rows).sort((a, b) => a.score - b.score);
  const option: EChartsCoreOption = {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: BAR_GRID,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: unknown) => formatNumber(typeof v === "number" ? v : null, lang),
    },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { color: "#4b5563" } },
    yAxis: {
      type: "category",
      data: scores.map((s) => t.pillar(s.pillar)),
      axisLabel: { color: "#4b5563", width: BAR_LABEL_WIDTH, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: scores.map((s) => s.score),
        color: "#1d4ed8",
        barMaxWidth: 22,
        label: {
          show: true,
          position: "right",
          color: "#374151",
          formatter: (p: { value: number }) => formatNumber(p.value, lang),
        },
      },
    ],
  };
  const best = scores[scores.length - 1];
  const worst = scores[0];
  const summary =
    best && worst
      ? t.pillarSummary(
          `${t.pillar(best.pillar)} (${formatNumber(best.score, lang)})`,
          `${t.pillar(worst.pillar)} (${formatNumber(worst.score, lang)})`,
        )
      : t.noData;
  const table: FigureTable = {
    header: [t.pillarLabel, t.pillarScore, t.pillarIndicators],
    rows: scores.map((s) => [t.pillar(s.pillar), s.score, s.indicators]),
    numeric: [false, true, true],
    format: (v, col) => (col === 1 && typeof v === "number" ? formatNumber(v, lang, 1) : String(v ?? "—")),
  };
  return (
    <Figure
      title={t.pillarTitle}
      intro={t.pillarIntro}
      table={table}
      filename={`dxmonitor-pillars-${area}`}
      testId="pillars"
    >
      {scores.length === 0 ? (
        <p className="status">{t.noData}</p>
      ) : (
        <EChart
          option={option}
          ariaLabel={summary}
          height={Math.max(200, scores.length * 40)}
          testId="pillars-chart"
        />
      )}
    </Figure>
  );
}

function IndicatorsTable({
  rows,
  geography,
}: {
  rows: readonly ProvinceIndicatorRow[];
  geography: Geography;
}) {
  const { lang, t } = usePageLanguage(PROVINCE_MESSAGES);
  const table: FigureTable = {
    header: [t.colIndicator, t.colYear, t.valueLabel, t.national, t.target, t.colRank],
    rows: rows.map((r) => [
      localName(r.indicator, lang),
      r.year,
      r.value,
      r.national,
      r.target
        ? `${comparatorText(r.target.comparator)} ${r.target.value} (${r.target.year}${r.target.scope === "own" ? `, ${t.ownTarget}` : ""})`
        : null,
      r.rank === null ? null : `${r.rank}/${r.ranked}`,
    ]),
    numeric: [false, true, true, true, false, true],
    format: (v, col, row) => {
      if ((col === 2 || col === 3) && typeof v === "number")
        return formatValue(v, rows[row]?.indicator, lang);
      return v === null || v === undefined ? "—" : String(v);
    },
    rowHref: (i) => (rows[i] ? href(indicatorPath(rows[i].indicator.code), lang) : undefined),
  };
  return (
    <Figure
      title={t.provinceIndicatorsTitle}
      intro={t.provinceIndicatorsIntro(geography)}
      table={table}
      filename="dxmonitor-province-indicators"
      testId="province-indicators"
      tableFirst
    >
      {null}
    </Figure>
  );
}

function HistoryFigure({
  members,
  indicators,
}: {
  members: readonly AreaDto[];
  indicators: readonly IndicatorDto[];
}) {
  const { lang, t } = usePageLanguage(PROVINCE_MESSAGES);
  const id = useId();
  const [code, setCode] = useState(DE_SHARE_GDP);
  const info = indicators.find((i) => i.code === code);
  const observations = useObservationsQuery({
    indicator: [code],
    geography: "2008",
    area: members.map((m) => m.code),
    periodKind: "Y",
  });
  const series = preferredSeries(observations.data ?? []);
  const seriesList = useSeriesQuery();
  useDemoNotice(seriesList.data?.find((s) => s.code === series)?.is_demo ?? false);
  const years = [
    ...new Set((observations.data ?? []).filter((o) => o.series === series).map((o) => o.period)),
  ].sort();
  const value = (area: string, year: string) =>
    observations.data?.find((o) => o.series === series && o.area === area && o.period === year)?.value ??
    null;
  const option: EChartsCoreOption = {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: {
      left: 8,
      right: 16,
      top: 16,
      bottom: 8,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => formatValue(typeof v === "number" ? v : null, info, lang),
    },
    xAxis: { type: "category", boundaryGap: false, data: years, axisLabel: { color: "#4b5563" } },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { color: "#4b5563", formatter: (v: number) => formatValue(v, info, lang) },
    },
    series: members.map((m, i) => ({
      type: "line",
      name: localName(m, lang),
      data: years.map((y) => value(m.code, y)),
      color: LINE_COLORS[i % LINE_COLORS.length],
      symbolSize: 6,
    })),
  };
  const lastYear = years[years.length - 1];
  const summary = lastYear
    ? t.historySummary(
        info ? localName(info, lang) : code,
        lastYear,
        members
          .map((m) => `${localName(m, lang)} ${formatValue(value(m.code, lastYear), info, lang)}`)
          .join(", "),
      )
    : t.noData;
  const table: FigureTable = {
    header: [t.year, ...members.map((m) => localName(m, lang))],
    rows: years.map((y) => [y, ...members.map((m) => value(m.code, y))]),
    numeric: [false, ...members.map(() => true)],
    format: (v, col) => (col === 0 ? String(v) : formatValue(typeof v === "number" ? v : null, info, lang)),
  };
  return (
    <Figure
      title={t.historyTitle}
      intro={t.historyIntro}
      controls={
        <div className="field field--grow">
          <label htmlFor={id}>{t.indicatorLabel}</label>
          <select id={id} value={code} onChange={(e) => setCode(e.target.value)}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {localName(i, lang)}
              </option>
            ))}
          </select>
        </div>
      }
      table={observations.data ? table : undefined}
      filename={`dxmonitor-history-${code}`}
      testId="history"
    >
      {!observations.data ? (
        <QueryStatus queries={[observations]} />
      ) : (
        <>
          <ul className="legend">
            {members.map((m, i) => (
              <li key={m.code} className="legend__item">
                <svg width="28" height="12" aria-hidden="true" focusable="false">
                  <line
                    x1="1"
                    y1="6"
                    x2="27"
                    y2="6"
                    stroke={LINE_COLORS[i % LINE_COLORS.length]}
                    strokeWidth="3"
                  />
                </svg>
                <span>{localName(m, lang)}</span>
              </li>
            ))}
          </ul>
          <EChart option={option} ariaLabel={summary} height={300} testId="history-chart" />
        </>
      )}
    </Figure>
  );
}

export function ProvincePage({ params }: { params: RouteParams }) {
  const { lang, t } = usePageLanguage(PROVINCE_MESSAGES);
  const geography: Geography = isGeography(params.geography ?? "") ? (params.geography as Geography) : "2025";
  const code = params.code ?? "";
  const provinces = useAreasQuery(geography, "province");
  const regions = useAreasQuery(geography, "region");
  const other = useAreasQuery(geography === "2025" ? "2008" : "2025", "province");
  const indicators = useIndicatorsQuery();
  const series = useSeriesQuery();
  const own = useObservationsQuery({ geography, area: [code], periodKind: "Y" });
  const nation = useObservationsQuery({ geography, area: [NATION_CODE], periodKind: "Y" });
  // Only the latest year of each indicator is ranked: ask for those years, not the whole history.
  const years = useMemo(() => {
    const latest = new Map<string, string>();
    for (const o of own.data ?? []) {
      if (o.value !== null && o.period > (latest.get(o.indicator) ?? "")) latest.set(o.indicator, o.period);
    }
    return [...new Set(latest.values())].sort();
  }, [own.data]);
  const peers = useObservationsQuery(
    { geography, level: "province", periodKind: "Y", period: years },
    { enabled: years.length > 0 },
  );
  const area = provinces.data?.find((a) => a.code === code);
  const rows = useMemo(
    () =>
      indicators.data && own.data && nation.data && peers.data
        ? buildProvinceRows({
            area: code,
            indicators: indicators.data,
            own: own.data,
            nation: nation.data,
            provinces: peers.data,
          })
        : undefined,
    [indicators.data, own.data, nation.data, peers.data, code],
  );
  const demoCodes = new Set((series.data ?? []).filter((s) => s.is_demo).map((s) => s.code));
  useDemoNotice(rows?.some((r) => demoCodes.has(r.series)) ?? false);

  if (!provinces.data || !regions.data || !other.data)
    return <QueryStatus queries={[provinces, regions, other]} />;
  if (!area) {
    return (
      <section className="card">
        <h2>{t.provinceNotFound(geography, code)}</h2>
        <p>
          <a href={href("/rankings", lang)}>{t.navRankings}</a>
        </p>
      </section>
    );
  }
  const formedFrom =
    geography === "2025" ? (area.members ?? []).flatMap((m) => other.data.filter((a) => a.code === m)) : [];
  const mergedInto = geography === "2008" ? other.data.find((a) => a.members?.includes(code)) : undefined;
  return (
    <>
      <Profile
        area={area}
        geography={geography}
        region={regions.data.find((r) => r.code === area.parent)}
        formedFrom={formedFrom}
        mergedInto={mergedInto}
        headline={rows?.find((r) => r.indicator.code === DE_SHARE_GDP)}
      />
      {!rows ? (
        <QueryStatus queries={[indicators, own, nation, peers]} />
      ) : (
        <>
          <PillarFigure rows={rows} area={code} />
          <IndicatorsTable rows={rows} geography={geography} />
        </>
      )}
      {formedFrom.length > 0 && indicators.data ? (
        <HistoryFigure members={formedFrom} indicators={indicators.data} />
      ) : null}
    </>
  );
}
