/**
 * `/digital-economy`: the measurement of the digital economy (DESIGN §4.3) with its method switch —
 * `gso` (core digital industries + digitalisation of the others) or `mic411` (ICT + platform +
 * sectoral): the components of the national digital economy over time (stacked), the spillover by
 * sector, and the provinces compared on sectoral digitalisation.
 */
import { useMemo, useState } from "react";
import { NATION_CODE } from "../../../domain/area.ts";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import { BAR_GRID, BAR_LABEL_WIDTH } from "../../charts/echarts-bar.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { Figure, type FigureTable } from "../../components/Figure.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { useDeProvincesQuery, useDigitalEconomyQuery, useSeriesQuery } from "../../data/queries.ts";
import type { DeMethod, DigitalEconomyDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { formatNumber, formatPercent } from "../../lib/format.ts";
import { href, provincePath } from "../../lib/router.ts";
import { preferredSeriesCode } from "./de-model.ts";
import { DIGITAL_ECONOMY_MESSAGES } from "./messages.ts";

const COMPONENT_COLORS = { core: "#1d4ed8", platform: "#c2410c", sectoral: "#047857" } as const;
const AXIS = { color: "#4b5563" };

function ComponentsFigure({ items, method }: { items: readonly DigitalEconomyDto[]; method: DeMethod }) {
  const { lang, t } = usePageLanguage(DIGITAL_ECONOMY_MESSAGES);
  const keys =
    method === "gso" ? (["core", "sectoral"] as const) : (["core", "platform", "sectoral"] as const);
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
      valueFormatter: (v: unknown) => formatNumber(typeof v === "number" ? v : null, lang),
    },
    xAxis: { type: "category", data: items.map((i) => i.period), axisLabel: AXIS },
    yAxis: { type: "value", axisLabel: { ...AXIS, formatter: (v: number) => formatNumber(v / 1000, lang) } },
    series: keys.map((k) => ({
      type: "bar",
      stack: "de",
      name: t.deComponent(method, k),
      data: items.map((i) => i.components[k]),
      color: COMPONENT_COLORS[k],
    })),
  };
  const last = items[items.length - 1];
  const summary = last
    ? t.deComponentsSummary(
        last.period,
        formatNumber(last.value_added, lang),
        formatPercent(last.share, lang, 2),
        keys.map((k) => `${t.deComponent(method, k)} ${formatNumber(last.components[k], lang)}`).join(", "),
      )
    : t.noData;
  const table: FigureTable = {
    header: [t.year, ...keys.map((k) => t.deComponent(method, k)), t.deValueAdded, t.deGrdp, t.deShare],
    rows: items.map((i) => [i.period, ...keys.map((k) => i.components[k]), i.value_added, i.grdp, i.share]),
    numeric: [false, ...keys.map(() => true), true, true, true],
    format: (v, col) =>
      col === 0
        ? String(v)
        : typeof v !== "number"
          ? "—"
          : col === keys.length + 3
            ? formatPercent(v, lang, 2)
            : formatNumber(v, lang),
  };
  return (
    <Figure
      title={t.deComponentsTitle}
      intro={t.deComponentsIntro}
      table={table}
      filename={`dxmonitor-de-components-${method}`}
      testId="de-components"
    >
      <ul className="legend">
        {keys.map((k) => (
          <li key={k} className="legend__item">
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={COMPONENT_COLORS[k]} />
            </svg>
            <span>{t.deComponent(method, k)}</span>
          </li>
        ))}
      </ul>
      <EChart option={option} ariaLabel={summary} height={320} testId="de-components-chart" />
    </Figure>
  );
}

function SpilloverFigure({ item }: { item: DigitalEconomyDto }) {
  const { lang, t } = usePageLanguage(DIGITAL_ECONOMY_MESSAGES);
  const sectors = item.sectors.slice().sort((a, b) => a.share_of_sectoral - b.share_of_sectoral);
  const option: EChartsCoreOption = {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: BAR_GRID,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: unknown) => formatPercent(typeof v === "number" ? v : null, lang, 1),
    },
    xAxis: { type: "value", axisLabel: { ...AXIS, formatter: (v: number) => formatPercent(v, lang, 0) } },
    yAxis: {
      type: "category",
      data: sectors.map((s) => `${s.sector} ${t.sectorName(s.sector)}`),
      axisLabel: { ...AXIS, width: BAR_LABEL_WIDTH, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: sectors.map((s) => s.share_of_sectoral),
        color: "#047857",
        label: {
          show: true,
          position: "right",
          color: "#374151",
          formatter: (p: { value: number }) => formatPercent(p.value, lang, 1),
        },
      },
    ],
  };
  const top = sectors[sectors.length - 1];
  const summary = top
    ? t.spilloverSummary(
        item.period,
        `${t.sectorName(top.sector)} (${formatPercent(top.share_of_sectoral, lang, 1)})`,
        sectors.length,
      )
    : t.noData;
  const table: FigureTable = {
    header: [t.sectorLabel, t.deSectorVa, t.deIntensity, t.deDigitalVa, t.deShareOfSectoral],
    rows: item.sectors.map((s) => [
      `${s.sector} ${t.sectorName(s.sector)}`,
      s.value_added,
      s.intensity,
      s.digital_value_added,
      s.share_of_sectoral,
    ]),
    numeric: [false, true, true, true, true],
    format: (v, col) =>
      col === 0
        ? String(v)
        : typeof v !== "number"
          ? "—"
          : col === 2
            ? formatNumber(v, lang, 3)
            : col === 4
              ? formatPercent(v, lang, 1)
              : formatNumber(v, lang),
  };
  return (
    <Figure
      title={t.spilloverTitle(item.period)}
      intro={t.spilloverIntro}
      table={table}
      filename={`dxmonitor-de-spillover-${item.period}`}
      testId="de-spillover"
    >
      <EChart
        option={option}
        ariaLabel={summary}
        height={Math.max(240, sectors.length * 26)}
        testId="de-spillover-chart"
      />
    </Figure>
  );
}

function ProvincesFigure({ period, method }: { period: string; method: DeMethod }) {
  const { lang, t } = usePageLanguage(DIGITAL_ECONOMY_MESSAGES);
  const provinces = useDeProvincesQuery({ geography: "2025", period, method });
  const series = useSeriesQuery();
  useDemoNotice(provinces.data?.some((p) => series.data?.find((s) => s.code === p.series)?.is_demo) ?? false);
  const items = provinces.data ?? [];
  const sorted = items.slice().sort((a, b) => (a.sectoral_share ?? 0) - (b.sectoral_share ?? 0));
  const option: EChartsCoreOption = {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: BAR_GRID,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: unknown) => formatPercent(typeof v === "number" ? v : null, lang, 2),
    },
    xAxis: { type: "value", axisLabel: { ...AXIS, formatter: (v: number) => formatPercent(v, lang, 0) } },
    yAxis: {
      type: "category",
      data: sorted.map((p) => localName(p, lang)),
      axisLabel: { ...AXIS, interval: 0, fontSize: 11, width: BAR_LABEL_WIDTH, overflow: "truncate" },
    },
    series: [{ type: "bar", data: sorted.map((p) => p.sectoral_share), color: "#0f766e", barMaxWidth: 14 }],
  };
  const first = items[0];
  const last = items[items.length - 1];
  const summary =
    first && last
      ? t.deProvincesSummary(
          period,
          `${localName(first, lang)} (${formatPercent(first.sectoral_share, lang, 2)})`,
          `${localName(last, lang)} (${formatPercent(last.sectoral_share, lang, 2)})`,
        )
      : t.noData;
  const table: FigureTable = {
    header: [t.colRank, t.colProvince, t.deSectoralVa, t.deGrdp, t.deSectoralShare],
    rows: items.map((p) => [p.rank, localName(p, lang), p.sectoral_value_added, p.grdp, p.sectoral_share]),
    numeric: [true, false, true, true, true],
    format: (v, col) =>
      typeof v !== "number"
        ? String(v ?? "—")
        : col === 4
          ? formatPercent(v, lang, 2)
          : formatNumber(v, lang),
  };
  return (
    <Figure
      title={t.deProvincesTitle(period)}
      intro={t.deProvincesIntro}
      table={provinces.data ? table : undefined}
      filename={`dxmonitor-de-provinces-${period}-${method}`}
      testId="de-provinces"
    >
      {!provinces.data ? (
        <QueryStatus queries={[provinces]} />
      ) : (
        <>
          <EChart
            option={option}
            ariaLabel={summary}
            height={Math.max(300, items.length * 20)}
            testId="de-provinces-chart"
          />
          <p className="source-note">
            {items.slice(0, 3).map((p, i) => (
              <span key={p.area}>
                {i > 0 ? " · " : ""}
                <a href={href(provincePath("2025", p.area), lang)}>{localName(p, lang)}</a>
              </span>
            ))}
          </p>
        </>
      )}
    </Figure>
  );
}

export function DigitalEconomyPage() {
  const { lang, t } = usePageLanguage(DIGITAL_ECONOMY_MESSAGES);
  const [method, setMethod] = useState<DeMethod>("gso");
  const measurement = useDigitalEconomyQuery({
    geography: "2025",
    area: NATION_CODE,
    method,
    periodKind: "Y",
  });
  const series = useSeriesQuery();
  const items = useMemo(() => {
    const all = measurement.data ?? [];
    const code = preferredSeriesCode(all);
    return all
      .filter((i) => i.series === code && i.method === method)
      .sort((a, b) => (a.period < b.period ? -1 : 1));
  }, [measurement.data, method]);
  const last = items[items.length - 1];
  const seriesInfo = series.data?.find((s) => s.code === last?.series);
  useDemoNotice((seriesInfo?.is_demo ?? false) || (last?.io_table_is_demo ?? false));
  return (
    <>
      <section className="card" aria-labelledby="de-title">
        <h2 id="de-title" className="page-title">
          {t.deTitle}
        </h2>
        <p className="card__intro">{t.deIntro}</p>
        <div className="controls">
          <fieldset className="segmented" data-testid="de-method">
            <legend>{t.methodLabel}</legend>
            {(["gso", "mic411"] as const).map((m) => (
              <label key={m} className={method === m ? "segmented__option is-checked" : "segmented__option"}>
                <input
                  type="radio"
                  name="de-method"
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />
                {t.methodName(m)}
              </label>
            ))}
          </fieldset>
        </div>
        <p className="source-note">
          {t.methodExplain(method)}
          {last
            ? ` ${t.deSeriesNote(seriesInfo ? localName(seriesInfo, lang) : last.series, last.io_table_year, last.io_table_is_demo)}`
            : ""}
        </p>
      </section>
      {!measurement.data ? (
        <QueryStatus queries={[measurement]} />
      ) : items.length === 0 || !last ? (
        <p className="status">{t.noData}</p>
      ) : (
        <>
          <ComponentsFigure items={items} method={method} />
          <div className="two-col">
            <SpilloverFigure item={last} />
            <ProvincesFigure period={last.period} method={method} />
          </div>
        </>
      )}
    </>
  );
}
