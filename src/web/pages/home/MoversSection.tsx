/**
 * Biggest movers this quarter: the provinces (2025 geography) whose value of the chosen indicator
 * rose or fell most between the previous quarter and the latest one the series has.
 */
import { useMemo } from "react";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { Figure, type FigureTable } from "../../components/Figure.tsx";
import { MAP_PERIOD_KINDS } from "../../components/IndicatorMapFigure.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import {
  useAreasQuery,
  useIndicatorsQuery,
  useObservationsQuery,
  useSeriesQuery,
} from "../../data/queries.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { formatChange, formatValue } from "../../lib/display.ts";
import { biggestMovers, type Mover, periodsOf, preferredSeries } from "../../lib/ranking.ts";
import { href, provincePath } from "../../lib/router.ts";
import { HOME_MESSAGES } from "./messages.ts";

export function MoversSection({ indicator }: { indicator: string }) {
  const { lang, t } = usePageLanguage(HOME_MESSAGES);
  const indicators = useIndicatorsQuery();
  const provinces = useAreasQuery("2025", "province");
  const series = useSeriesQuery();
  const observations = useObservationsQuery({
    indicator: [indicator],
    geography: "2025",
    level: "province",
    periodKind: MAP_PERIOD_KINDS,
  });
  const info = indicators.data?.find((i) => i.code === indicator);
  const model = useMemo(() => {
    if (!observations.data) return undefined;
    const s = preferredSeries(observations.data.filter((o) => periodsOf([o], "Q").length > 0));
    if (!s) return { series: undefined, from: undefined, to: undefined, rises: [], falls: [] };
    const quarters = periodsOf(
      observations.data.filter((o) => o.series === s),
      "Q",
    );
    const [to, from] = quarters;
    if (!to || !from) return { series: s, from, to, rises: [], falls: [] };
    return { series: s, from, to, ...biggestMovers(observations.data, s, from, to, 5) };
  }, [observations.data]);
  useDemoNotice(series.data?.find((s) => s.code === model?.series)?.is_demo ?? false);
  const nameOf = (code: string) => {
    const a = provinces.data?.find((p) => p.code === code);
    return a ? localName(a, lang) : code;
  };
  const name = info ? localName(info, lang) : indicator;
  const all: (Mover & { dir: string })[] = model
    ? [
        ...model.rises.map((m) => ({ ...m, dir: t.rises })),
        ...model.falls.map((m) => ({ ...m, dir: t.falls })),
      ]
    : [];
  const table: FigureTable | undefined = model?.to
    ? {
        header: [t.colProvince, t.periodName(model.from ?? ""), t.periodName(model.to), t.colChange],
        rows: all.map((m) => [nameOf(m.area), m.from, m.to, m.change]),
        numeric: [false, true, true, true],
        format: (v, col) =>
          typeof v !== "number"
            ? String(v ?? "—")
            : col === 3
              ? formatChange(v, info, lang)
              : formatValue(v, info, lang),
      }
    : undefined;
  const list = (movers: readonly Mover[], kind: "up" | "down") => (
    <ol className={`movers movers--${kind}`}>
      {movers.map((m) => (
        <li key={m.area}>
          <a href={href(provincePath("2025", m.area), lang)}>{nameOf(m.area)}</a>
          <span className="movers__change">
            <span aria-hidden="true">{kind === "up" ? "▲" : "▼"}</span> {formatChange(m.change, info, lang)}
          </span>
          <span className="movers__values">
            {formatValue(m.from, info, lang)} → {formatValue(m.to, info, lang)}
          </span>
        </li>
      ))}
    </ol>
  );
  return (
    <Figure
      title={t.moversTitle}
      intro={
        model?.to ? t.moversIntro(name, t.periodName(model.from ?? ""), t.periodName(model.to)) : undefined
      }
      table={table}
      filename={`dxmonitor-movers-${indicator}-${model?.to ?? ""}`}
      testId="movers"
      tableFirst={false}
    >
      {!model ? (
        <QueryStatus queries={[observations, provinces]} />
      ) : !model.to ? (
        <p className="status">{t.noData}</p>
      ) : (
        <div className="movers-grid">
          <div>
            <h3>{t.rises}</h3>
            {model.rises.length > 0 ? list(model.rises, "up") : <p>{t.noData}</p>}
          </div>
          <div>
            <h3>{t.falls}</h3>
            {model.falls.length > 0 ? list(model.falls, "down") : <p>{t.noData}</p>}
          </div>
        </div>
      )}
    </Figure>
  );
}
