/**
 * Progress of the nation toward each target of the indicator, per series, with every input shown
 * (x₀, t₀, x_c, t_c, x*, T) so a reader can redo the computation (DESIGN §4.4).
 */
import { NATION_CODE } from "../../../domain/area.ts";
import { ProgressBadge } from "../../components/ProgressBadge.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { useProgressQuery, useSeriesQuery } from "../../data/queries.ts";
import type { IndicatorDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { comparatorText, formatValue } from "../../lib/display.ts";
import { formatPercent } from "../../lib/format.ts";
import { compareSeries } from "../../lib/series.ts";
import { INDICATOR_MESSAGES } from "./messages.ts";

export function ProgressPanel({ indicator }: { indicator: IndicatorDto }) {
  const { lang, t } = usePageLanguage(INDICATOR_MESSAGES);
  const progress = useProgressQuery({ indicator: [indicator.code], geography: "2025", area: [NATION_CODE] });
  const series = useSeriesQuery();
  const v = (x: number | null | undefined) => formatValue(x, indicator, lang);
  const g = (x: number | null | undefined) =>
    x === null || x === undefined ? "—" : formatPercent(x * 100, lang, 1);
  const items = (progress.data ?? [])
    .slice()
    .sort((a, b) => compareSeries(a.series, b.series) || a.target.year - b.target.year);
  return (
    <section className="card" aria-labelledby="progress-title" data-testid="progress">
      <div className="card__head">
        <h2 id="progress-title">{t.progressTitle}</h2>
      </div>
      <p className="card__intro">{t.progressIntro}</p>
      {!progress.data ? (
        <QueryStatus queries={[progress]} />
      ) : items.length === 0 ? (
        <p className="status">{t.progressNone}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="progress-table">
            <caption className="visually-hidden">{t.progressTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.target}</th>
                <th scope="col">{t.seriesLabel}</th>
                <th scope="col">{t.colClass}</th>
                <th scope="col" className="num">
                  x₀ (t₀)
                </th>
                <th scope="col" className="num">
                  x_c (t_c)
                </th>
                <th scope="col" className="num">
                  {t.growthActual}
                </th>
                <th scope="col" className="num">
                  {t.growthRequired}
                </th>
                <th scope="col" className="num">
                  {t.growthFromNow}
                </th>
                <th scope="col" className="num">
                  {t.projectionCol}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const s = series.data?.find((x) => x.code === p.series);
                return (
                  <tr key={`${p.series}-${p.target.year}-${p.target.source}`}>
                    <th scope="row" title={p.target.source}>
                      {comparatorText(p.target.comparator)} {v(p.target.value)} ({p.target.year})
                      <span className="row-sub">{p.target.source}</span>
                    </th>
                    <td>{s ? localName(s, lang) : p.series}</td>
                    <td>
                      <ProgressBadge value={p.class} />
                    </td>
                    <td className="num">
                      {v(p.inputs.x0)} ({p.inputs.t0 ?? "—"})
                    </td>
                    <td className="num">
                      {v(p.inputs.xc)} ({p.inputs.tc ?? "—"})
                    </td>
                    <td className="num">{g(p.growth_actual)}</td>
                    <td className="num">{g(p.growth_required)}</td>
                    <td className="num">{g(p.growth_required_from_now)}</td>
                    <td className="num">
                      {p.projection
                        ? `${v(p.projection.value)} (${p.projection.year})${p.projection.lower !== null && p.projection.upper !== null ? ` [${v(p.projection.lower)} – ${v(p.projection.upper)}]` : ""}`
                        : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="source-note">{t.progressMethodNote}</p>
    </section>
  );
}
