/**
 * The national digital-economy share of GDP: every series as its own line (official, ministry
 * estimate, demo), the Decision 411 targets as marked points, a table view of the same numbers and
 * a text alternative with the latest values.
 */
import { useMemo, useState } from "react";
import { NATION_CODE } from "../../../domain/area.ts";
import type { Comparator } from "../../../domain/catalog.ts";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { SeriesLegend } from "../../components/SeriesLegend.tsx";
import {
  useIndicatorsQuery,
  useObservationsQuery,
  useProgressQuery,
  useSeriesQuery,
  useTargetsQuery,
} from "../../data/queries.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import type { Messages } from "../../i18n/messages.ts";
import { formatPercent, type Lang } from "../../lib/format.ts";
import { DE_SHARE_GDP } from "../../lib/indicators.ts";
import { longestTargetPath } from "../../lib/progress-model.ts";
import { seriesStyle, TARGET_STYLE } from "../../lib/series.ts";
import { buildTrendModel, type TrendModel } from "./de-share-model.ts";
import type { HomeMessages } from "./messages.ts";
import { HOME_MESSAGES } from "./messages.ts";

const PATH_COLOR = "#6d28d9";

const COMPARATOR_TEXT: Readonly<Record<Comparator, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };
const comparatorText = (c: Comparator) => COMPARATOR_TEXT[c] ?? c;

/** The geometric path from the baseline to the furthest target (DESIGN §4.4), for one series. */
interface TargetPath {
  readonly seriesName: string;
  readonly byYear: ReadonlyMap<number, number>;
}

function chartOption(
  model: TrendModel,
  lang: Lang,
  t: Messages & HomeMessages,
  decimals: number,
  path: TargetPath | undefined,
): EChartsCoreOption {
  const pct = (v: unknown) => formatPercent(typeof v === "number" ? v : null, lang, decimals);
  const targetByYear = new Map(model.targets.map((x) => [x.year, x]));
  return {
    animationDuration: 400,
    textStyle: { fontFamily: "inherit" },
    grid: {
      left: 8,
      right: 16,
      top: 28,
      bottom: 8,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
    tooltip: { trigger: "axis", valueFormatter: pct },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: model.years.map(String),
      axisLabel: { color: "#4b5563", hideOverlap: true },
      axisLine: { lineStyle: { color: "#9ca3af" } },
    },
    yAxis: {
      type: "value",
      min: 0,
      axisLabel: { color: "#4b5563", formatter: (v: number) => formatPercent(v, lang, 0) },
      splitLine: { lineStyle: { color: "#e5e7eb" } },
    },
    series: [
      ...model.lines.map((line) => {
        const style = seriesStyle(line.code, line.isDemo);
        return {
          type: "line",
          name: line.name,
          data: line.points.map((p) => p?.value ?? null),
          connectNulls: false,
          symbol: style.symbol,
          symbolSize: style.symbol === "triangle" ? 9 : 7,
          color: style.color,
          lineStyle: { width: style.width, type: style.dashed ? "dashed" : "solid", color: style.color },
          itemStyle: { color: style.color, opacity: line.isDemo ? 0.85 : 1 },
          // Demo values are drawn on top, thin and dashed, so that an official line they follow
          // closely (the demo data are calibrated to it) still shows through the gaps.
          z: line.isDemo ? 4 : 3,
          emphasis: { focus: "series" },
        };
      }),
      ...(path
        ? [
            {
              type: "line",
              name: t.targetPathOf(path.seriesName),
              data: model.years.map((y) => path.byYear.get(y) ?? null),
              connectNulls: false,
              symbol: "none",
              color: PATH_COLOR,
              lineStyle: { width: 1.5, type: [2, 4], color: PATH_COLOR },
              z: 2,
            },
          ]
        : []),
      ...(model.targets.length > 0
        ? [
            {
              type: "line",
              name: t.targetSeries,
              // Labels above the points, except the last one (at the right edge), labelled on its left.
              data: model.years.map((y) => {
                const target = targetByYear.get(y);
                if (!target) return null;
                const last = target === model.targets[model.targets.length - 1];
                return { value: target.value, label: { position: last ? "left" : "top" } };
              }),
              connectNulls: true,
              symbol: TARGET_STYLE.symbol,
              symbolSize: 14,
              color: TARGET_STYLE.color,
              lineStyle: { width: 1.5, type: "dotted", color: TARGET_STYLE.color, opacity: 0.6 },
              itemStyle: { color: TARGET_STYLE.color },
              label: {
                show: true,
                distance: 8,
                backgroundColor: "rgba(255,255,255,0.85)",
                padding: [1, 3],
                color: TARGET_STYLE.color,
                fontWeight: "bold",
                formatter: (p: { dataIndex: number }) => {
                  const target = targetByYear.get(model.years[p.dataIndex] ?? Number.NaN);
                  return target
                    ? `${t.target} ${comparatorText(target.comparator)} ${formatPercent(target.value, lang, 0)}`
                    : "";
                },
              },
              z: 5,
            },
          ]
        : []),
    ],
  };
}

function summary(model: TrendModel, lang: Lang, t: Messages & HomeMessages, decimals: number): string {
  const parts = model.lines
    .filter((l) => l.latest)
    .map((l) => t.latestOf(l.name, formatPercent(l.latest!.value, lang, decimals), String(l.latest!.year)));
  const targets = model.targets
    .map((x) => t.targetText(comparatorText(x.comparator), formatPercent(x.value, lang, 0), x.year))
    .join(", ");
  return t.chartSummary(t.deShareTitle, parts.length > 0 ? parts.join("; ") : t.noData, targets);
}

/** "Quyết định 411/QĐ-TTg (2025, 2030); Kế hoạch năm 2023 (2023)": each legal source with its years. */
function targetSources(model: TrendModel): string {
  const years = new Map<string, number[]>();
  for (const x of model.targets) years.set(x.source, [...(years.get(x.source) ?? []), x.year]);
  return [...years].map(([source, ys]) => `${source} (${ys.join(", ")})`).join("; ");
}

function TrendTable({
  model,
  decimals,
  path,
}: {
  model: TrendModel;
  decimals: number;
  path: TargetPath | undefined;
}) {
  const { lang, t } = usePageLanguage(HOME_MESSAGES);
  const targetByYear = new Map(model.targets.map((x) => [x.year, x]));
  const rows = model.years
    .map((year, i) => ({ year, i }))
    .filter(({ year, i }) => targetByYear.has(year) || model.lines.some((l) => l.points[i] != null));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="de-share-table">
        <caption>{t.tableCaptionDeShare}</caption>
        <thead>
          <tr>
            <th scope="col">{t.year}</th>
            {model.lines.map((l) => (
              <th scope="col" key={l.code} className="num">
                {l.name}
              </th>
            ))}
            {path ? (
              <th scope="col" className="num">
                {t.targetPathOf(path.seriesName)}
              </th>
            ) : null}
            {model.targets.length > 0 ? (
              <th scope="col" className="num">
                {t.target}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ year, i }) => {
            const target = targetByYear.get(year);
            return (
              <tr key={year}>
                <th scope="row">{year}</th>
                {model.lines.map((l) => {
                  const p = l.points[i];
                  return (
                    <td key={l.code} className="num">
                      {formatPercent(p?.value, lang, decimals)}
                      {p && !p.complete ? (
                        <span className="incomplete-mark" title={t.incompleteTitle(p.missing.join(", "))}>
                          *
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                {path ? (
                  <td className="num">{formatPercent(path.byYear.get(year), lang, decimals)}</td>
                ) : null}
                {model.targets.length > 0 ? (
                  <td className="num" title={target?.source}>
                    {target
                      ? `${comparatorText(target.comparator)} ${formatPercent(target.value, lang, 0)}`
                      : ""}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DeShareSection() {
  const { lang, t } = usePageLanguage(HOME_MESSAGES);
  const [asTable, setAsTable] = useState(false);
  const observations = useObservationsQuery({
    indicator: [DE_SHARE_GDP],
    area: [NATION_CODE],
    periodKind: "Y",
  });
  const targets = useTargetsQuery({ indicator: DE_SHARE_GDP, area: NATION_CODE });
  const progress = useProgressQuery({ indicator: [DE_SHARE_GDP], geography: "2025", area: [NATION_CODE] });
  const series = useSeriesQuery();
  const indicators = useIndicatorsQuery();
  const decimals = indicators.data?.find((i) => i.code === DE_SHARE_GDP)?.decimals ?? 2;

  const model = useMemo(
    () =>
      observations.data && targets.data && series.data
        ? buildTrendModel(observations.data, series.data, targets.data, lang)
        : undefined,
    [observations.data, targets.data, series.data, lang],
  );
  // The path of the first series listed (the official one when it has data).
  const path = useMemo((): TargetPath | undefined => {
    const first = model?.lines[0];
    const p = first && progress.data ? longestTargetPath(progress.data, DE_SHARE_GDP, first.code) : undefined;
    return p && first
      ? { seriesName: first.name, byYear: new Map(p.target_path.map((x) => [x.year, x.value])) }
      : undefined;
  }, [model, progress.data]);
  const option = useMemo(
    () => (model ? chartOption(model, lang, t, decimals, path) : undefined),
    [model, lang, t, decimals, path],
  );
  useDemoNotice(model?.showsDemo ?? false);

  return (
    <section className="card" aria-labelledby="de-share-title" data-testid="de-share">
      <div className="card__head">
        <h2 id="de-share-title">{t.deShareTitle}</h2>
        {model && model.lines.length > 0 ? (
          <button
            type="button"
            className="button-secondary"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t.showChart : t.showTable}
          </button>
        ) : null}
      </div>
      <p className="card__intro">{t.deShareIntro}</p>
      {!model || !option ? (
        <QueryStatus queries={[observations, targets, series]} />
      ) : model.lines.length === 0 ? (
        <p className="status">{t.noData}</p>
      ) : (
        <>
          <SeriesLegend
            entries={model.lines}
            targetLabel={model.targets.length > 0 ? t.targetSeries : undefined}
          />
          {path ? (
            <p className="legend-extra">
              <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  y1="6"
                  x2="27"
                  y2="6"
                  stroke={PATH_COLOR}
                  strokeWidth="2"
                  strokeDasharray="2 4"
                />
              </svg>{" "}
              {t.targetPathOf(path.seriesName)}
            </p>
          ) : null}
          {asTable ? (
            <TrendTable model={model} decimals={decimals} path={path} />
          ) : (
            <EChart
              option={option}
              ariaLabel={summary(model, lang, t, decimals)}
              height={340}
              testId="de-share-chart"
            />
          )}
          {model.targets.length > 0 ? (
            <p className="source-note">{t.targetSources(targetSources(model))}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
