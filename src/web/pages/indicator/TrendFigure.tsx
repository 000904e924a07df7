/**
 * The national trend of one indicator: each series its own line, the targets as marked points, the
 * target path of the headline series (dotted) and its log-linear forecast (dashed, with the 80 %
 * interval as a band): the forecast is drawn and listed apart from the data, never as data.
 */
import { useCallback, useMemo } from "react";
import { NATION_CODE } from "../../../domain/area.ts";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { Figure, type FigureTable } from "../../components/Figure.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { SeriesLegend } from "../../components/SeriesLegend.tsx";
import { useObservationsQuery, useProgressQuery, useSeriesQuery } from "../../data/queries.ts";
import type { IndicatorDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { comparatorText, formatValue } from "../../lib/display.ts";
import { formatNumber, formatPercent } from "../../lib/format.ts";
import { longestTargetPath } from "../../lib/progress-model.ts";
import { seriesStyle, TARGET_STYLE } from "../../lib/series.ts";
import { buildTrendModel } from "../home/de-share-model.ts";
import { INDICATOR_MESSAGES } from "./messages.ts";
import { forecastLayer } from "./trend-model.ts";

const PATH_COLOR = "#6d28d9";
const FORECAST_COLOR = "#0f766e";

export function TrendFigure({ indicator }: { indicator: IndicatorDto }) {
  const { lang, t } = usePageLanguage(INDICATOR_MESSAGES);
  const observations = useObservationsQuery({
    indicator: [indicator.code],
    area: [NATION_CODE],
    periodKind: "Y",
  });
  const series = useSeriesQuery();
  const progress = useProgressQuery({ indicator: [indicator.code], geography: "2025", area: [NATION_CODE] });
  const targets = useMemo(() => indicator.targets.filter((x) => x.area === NATION_CODE), [indicator.targets]);
  const model = useMemo(
    () =>
      observations.data && series.data
        ? buildTrendModel(observations.data, series.data, targets, lang)
        : undefined,
    [observations.data, series.data, targets, lang],
  );
  useDemoNotice(model?.showsDemo ?? false);
  const headline = model?.lines.find((l) => l.latest);
  const pathItem =
    headline && progress.data ? longestTargetPath(progress.data, indicator.code, headline.code) : undefined;
  const path = useMemo(() => new Map(pathItem?.target_path.map((p) => [p.year, p.value]) ?? []), [pathItem]);
  const forecast = useMemo(
    () => (model && headline ? forecastLayer(model, headline.code) : null),
    [model, headline],
  );
  const fmt = useCallback(
    (v: number | null | undefined) => formatValue(v, indicator, lang),
    [indicator, lang],
  );

  const option = useMemo((): EChartsCoreOption | undefined => {
    if (!model) return undefined;
    const targetByYear = new Map(model.targets.map((x) => [x.year, x]));
    return {
      animationDuration: 300,
      textStyle: { fontFamily: "inherit" },
      grid: {
        left: 8,
        right: 16,
        top: 28,
        bottom: 8,
        outerBoundsMode: "same",
        outerBoundsContain: "axisLabel",
      },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => fmt(typeof v === "number" ? v : null) },
      xAxis: {
        type: "category",
        boundaryGap: false,
        data: model.years.map(String),
        axisLabel: { color: "#4b5563" },
      },
      yAxis: {
        type: "value",
        scale: indicator.unit !== "percent",
        axisLabel: {
          color: "#4b5563",
          // Axis ticks are round numbers: no decimals, unlike the values themselves.
          formatter: (v: number) =>
            indicator.unit === "percent" ? formatPercent(v, lang, 0) : formatNumber(v, lang),
        },
        splitLine: { lineStyle: { color: "#e5e7eb" } },
      },
      series: [
        ...(forecast
          ? [
              // The interval as a band: an invisible lower line, then (upper − lower) stacked on it.
              {
                type: "line",
                name: "lower",
                stack: "band",
                data: forecast.lower,
                symbol: "none",
                lineStyle: { opacity: 0 },
                tooltip: { show: false },
                silent: true,
              },
              {
                type: "line",
                name: t.forecastInterval,
                stack: "band",
                data: forecast.upper.map((u, i) =>
                  u === null || forecast.lower[i] == null ? null : u - (forecast.lower[i] as number),
                ),
                symbol: "none",
                lineStyle: { opacity: 0 },
                areaStyle: { color: FORECAST_COLOR, opacity: 0.15 },
                tooltip: { show: false },
                silent: true,
              },
              {
                type: "line",
                name: t.forecastSeries,
                data: forecast.value,
                symbol: "none",
                color: FORECAST_COLOR,
                lineStyle: { type: "dashed", width: 2, color: FORECAST_COLOR },
              },
            ]
          : []),
        ...(path.size > 0
          ? [
              {
                type: "line",
                name: t.targetPathOf(headline?.name ?? ""),
                data: model.years.map((y) => path.get(y) ?? null),
                symbol: "none",
                color: PATH_COLOR,
                lineStyle: { type: [2, 4], width: 1.5, color: PATH_COLOR },
              },
            ]
          : []),
        ...model.lines.map((line) => {
          const style = seriesStyle(line.code, line.isDemo);
          return {
            type: "line",
            name: line.name,
            data: line.points.map((p) => p?.value ?? null),
            symbol: style.symbol,
            symbolSize: 7,
            color: style.color,
            lineStyle: { width: style.width, type: style.dashed ? "dashed" : "solid", color: style.color },
            z: 3,
          };
        }),
        ...(model.targets.length > 0
          ? [
              {
                type: "line",
                name: t.targetSeries,
                data: model.years.map((y) => targetByYear.get(y)?.value ?? null),
                symbol: TARGET_STYLE.symbol,
                symbolSize: 13,
                color: TARGET_STYLE.color,
                lineStyle: { opacity: 0 },
                z: 5,
              },
            ]
          : []),
      ],
    };
  }, [model, forecast, path, headline, t, indicator, fmt, lang]);

  const table: FigureTable | undefined = model && {
    header: [
      t.year,
      ...model.lines.map((l) => l.name),
      ...(path.size ? [t.targetPathOf(headline?.name ?? "")] : []),
      ...(forecast ? [t.forecastSeries, t.forecastLower, t.forecastUpper] : []),
      t.target,
    ],
    rows: model.years.map((y, i) => {
      const target = model.targets.find((x) => x.year === y);
      return [
        y,
        ...model.lines.map((l) => l.points[i]?.value ?? null),
        ...(path.size ? [path.get(y) ?? null] : []),
        ...(forecast
          ? [
              y > (headline?.latest?.year ?? 0) ? forecast.value[i] : null,
              y > (headline?.latest?.year ?? 0) ? forecast.lower[i] : null,
              y > (headline?.latest?.year ?? 0) ? forecast.upper[i] : null,
            ]
          : []),
        target ? `${comparatorText(target.comparator)} ${target.value}` : null,
      ];
    }),
    numeric: [
      false,
      ...model.lines.map(() => true),
      ...(path.size ? [true] : []),
      ...(forecast ? [true, true, true] : []),
      true,
    ],
    format: (v, col) =>
      col === 0 ? String(v) : typeof v === "number" ? fmt(v) : v == null ? "—" : String(v),
  };
  const latestText = model?.lines
    .filter((l) => l.latest)
    .map((l) => t.latestOf(l.name, fmt(l.latest!.value), String(l.latest!.year)))
    .join("; ");
  const lastYear = model?.years[model.years.length - 1];
  const forecastText =
    forecast && lastYear !== undefined
      ? t.forecastText(
          fmt(forecast.value[forecast.value.length - 1]),
          lastYear,
          fmt(forecast.lower[forecast.lower.length - 1]),
          fmt(forecast.upper[forecast.upper.length - 1]),
        )
      : "";
  const summary = model
    ? `${t.trendSummary(localName(indicator, lang), latestText || t.noData)} ${forecastText}`
    : "";

  return (
    <Figure
      title={t.trendTitle}
      intro={t.trendIntro}
      table={table}
      filename={`dxmonitor-${indicator.code}-VN`}
      testId="trend"
    >
      {!model || !option ? (
        <QueryStatus queries={[observations, series]} />
      ) : model.lines.length === 0 ? (
        <p className="status">{t.noData}</p>
      ) : (
        <>
          <SeriesLegend
            entries={model.lines}
            targetLabel={model.targets.length > 0 ? t.targetSeries : undefined}
          />
          <ul className="legend legend--extra">
            {path.size > 0 ? (
              <li className="legend__item">
                <svg width="28" height="12" aria-hidden="true" focusable="false">
                  <line
                    x1="1"
                    y1="6"
                    x2="27"
                    y2="6"
                    stroke={PATH_COLOR}
                    strokeWidth="2"
                    strokeDasharray="2 4"
                  />
                </svg>
                <span>{t.targetPathOf(headline?.name ?? "")}</span>
              </li>
            ) : null}
            {forecast ? (
              <li className="legend__item">
                <svg width="28" height="12" aria-hidden="true" focusable="false">
                  <rect x="0" y="1" width="28" height="10" fill={FORECAST_COLOR} opacity="0.15" />
                  <line
                    x1="1"
                    y1="6"
                    x2="27"
                    y2="6"
                    stroke={FORECAST_COLOR}
                    strokeWidth="2"
                    strokeDasharray="5 4"
                  />
                </svg>
                <span>{t.forecastLegend}</span>
              </li>
            ) : null}
          </ul>
          <EChart option={option} ariaLabel={summary} height={340} testId="trend-chart" />
          {forecast ? <p className="source-note">{t.forecastNote}</p> : null}
        </>
      )}
    </Figure>
  );
}
