/**
 * One indicator on the province map, for a chosen period and geography (2025 by default, 2008 on
 * the switch), with the series chosen by preference (official first, demo last). Used on the
 * overview (with an indicator chooser) and on the indicator page. The table view lists every
 * province with its value and rank; the text alternative names the highest and lowest.
 */
import { useId, useMemo, useState } from "react";
import type { Geography } from "../../domain/area.ts";
import { useAreasQuery, useIndicatorsQuery, useObservationsQuery, useSeriesQuery } from "../data/queries.ts";
import { localName, useLanguage } from "../i18n/language.tsx";
import { formatValue } from "../lib/display.ts";
import { periodsOf, rankBy, seriesByCoverage } from "../lib/ranking.ts";
import { href, provincePath } from "../lib/router.ts";
import { useDemoNotice } from "./demo-notice.tsx";
import { Figure, type FigureTable } from "./Figure.tsx";
import { GeographySwitch } from "./GeographySwitch.tsx";
import { ProvinceMap } from "./ProvinceMap.tsx";
import { QueryStatus } from "./QueryStatus.tsx";

/** Years and quarters (no halves): one request that the overview's map and movers share. */
export const MAP_PERIOD_KINDS = ["Y", "Q"] as const;

interface Props {
  /** The indicator shown; with `onIndicatorChange` a chooser is shown. */
  readonly indicator: string;
  readonly onIndicatorChange?: (code: string) => void;
  readonly title?: string;
  readonly testId?: string;
}

export function IndicatorMapFigure({ indicator, onIndicatorChange, title, testId = "map" }: Props) {
  const { lang, t } = useLanguage();
  const indicatorId = useId();
  const periodId = useId();
  const [geography, setGeography] = useState<Geography>("2025");
  const [chosenPeriod, setChosenPeriod] = useState<string | undefined>();
  const [chosenSeries, setChosenSeries] = useState<string | undefined>();
  const seriesId = useId();
  const indicators = useIndicatorsQuery();
  const series = useSeriesQuery();
  const provinces = useAreasQuery(geography, "province");
  const observations = useObservationsQuery({
    indicator: [indicator],
    geography,
    level: "province",
    periodKind: MAP_PERIOD_KINDS,
  });
  const info = indicators.data?.find((i) => i.code === indicator);
  const offeredSeries = useMemo(() => seriesByCoverage(observations.data ?? []), [observations.data]);
  const shownSeries = chosenSeries && offeredSeries.includes(chosenSeries) ? chosenSeries : offeredSeries[0];
  const periods = useMemo(() => {
    const own = (observations.data ?? []).filter((o) => o.series === shownSeries);
    return [...periodsOf(own, "Y"), ...periodsOf(own, "Q")];
  }, [observations.data, shownSeries]);
  const period = chosenPeriod && periods.includes(chosenPeriod) ? chosenPeriod : periods[0];
  const seriesInfo = series.data?.find((s) => s.code === shownSeries);
  useDemoNotice(seriesInfo?.is_demo ?? false);

  const ranked = useMemo(() => {
    if (!provinces.data || !observations.data || !info) return undefined;
    const values = new Map(
      observations.data
        .filter((o) => o.series === shownSeries && o.period === period)
        .map((o) => [o.area, o.value]),
    );
    return rankBy(provinces.data, (a) => values.get(a.code) ?? null, info.direction);
  }, [provinces.data, observations.data, info, shownSeries, period]);

  const format = (v: number) => formatValue(v, info, lang);
  const name = info ? localName(info, lang) : indicator;
  const valued = ranked?.filter((r) => r.value !== null) ?? [];
  const first = valued[0];
  const last = valued[valued.length - 1];
  const summary =
    ranked && first && last
      ? t.mapSummary(
          name,
          t.periodName(period ?? ""),
          geography,
          `${localName(first.item, lang)} (${format(first.value!)})`,
          `${localName(last.item, lang)} (${format(last.value!)})`,
          valued.length,
          ranked.length,
        )
      : t.mapNoData(name);

  const table: FigureTable | undefined = ranked && {
    header: [t.colProvince, t.valueLabel, t.colRank],
    rows: ranked.map((r) => [localName(r.item, lang), r.value, r.rank]),
    numeric: [false, true, true],
    format: (v, col) =>
      col === 1 ? formatValue(typeof v === "number" ? v : null, info, lang) : v == null ? "—" : String(v),
    rowHref: (r) => (ranked[r] ? href(provincePath(geography, ranked[r].item.code), lang) : undefined),
  };

  return (
    <Figure
      title={title ?? t.mapTitle}
      intro={
        <>
          {name}
          {period ? ` · ${t.periodName(period)}` : ""}
          {seriesInfo ? ` · ${t.seriesLabel}: ${localName(seriesInfo, lang)}` : ""}
        </>
      }
      controls={
        <>
          {onIndicatorChange ? (
            <div className="field field--grow">
              <label htmlFor={indicatorId}>{t.indicatorLabel}</label>
              <select
                id={indicatorId}
                value={indicator}
                onChange={(e) => onIndicatorChange(e.target.value)}
                data-testid={`${testId}-indicator`}
              >
                {(indicators.data ?? [])
                  .slice()
                  .sort((a, b) => localName(a, lang).localeCompare(localName(b, lang), lang))
                  .map((i) => (
                    <option key={i.code} value={i.code}>
                      {localName(i, lang)}
                    </option>
                  ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={periodId}>{t.periodLabelField}</label>
            <select
              id={periodId}
              value={period ?? ""}
              onChange={(e) => setChosenPeriod(e.target.value)}
              data-testid={`${testId}-period`}
            >
              {periods.map((p) => (
                <option key={p} value={p}>
                  {t.periodName(p)}
                </option>
              ))}
            </select>
          </div>
          {offeredSeries.length > 1 ? (
            <div className="field">
              <label htmlFor={seriesId}>{t.seriesLabel}</label>
              <select
                id={seriesId}
                value={shownSeries ?? ""}
                onChange={(e) => setChosenSeries(e.target.value)}
                data-testid={`${testId}-series`}
              >
                {offeredSeries.map((code) => {
                  const s = series.data?.find((x) => x.code === code);
                  return (
                    <option key={code} value={code}>
                      {s ? localName(s, lang) : code}
                    </option>
                  );
                })}
              </select>
            </div>
          ) : null}
          <GeographySwitch value={geography} onChange={setGeography} name={`${testId}-geography`} />
        </>
      }
      table={table}
      filename={`dxmonitor-${indicator}-${geography}-${period ?? ""}`}
      testId={testId}
      footer={<p className="source-note">{t.geoAttribution}</p>}
    >
      {!ranked ? (
        <QueryStatus queries={[indicators, provinces, observations]} />
      ) : (
        <ProvinceMap
          geography={geography}
          values={ranked.map((r) => ({ code: r.item.code, name: localName(r.item, lang), value: r.value }))}
          format={format}
          ariaLabel={summary}
          onSelect={(code) => window.location.assign(href(provincePath(geography, code), lang))}
          testId={`${testId}-chart`}
        />
      )}
    </Figure>
  );
}
