/**
 * The Gantt-style timeline: one bar per programme from its start to its deadline, coloured by status
 * (and labelled with it), a line for today; open-ended programmes fade out at today. A table view
 * and a text summary carry the same information for readers who do not see the chart.
 */
import { useState } from "react";
import type { ProgrammeDto } from "../../data/programmes.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { PROGRAMMES_MESSAGES } from "./messages.ts";
import { formatDay, leadText } from "./programme-format.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { buildTimeline } from "./timeline-model.ts";

const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function ProgrammeTimeline({ programmes }: { programmes: readonly ProgrammeDto[] }) {
  const { t, lang } = usePageLanguage(PROGRAMMES_MESSAGES);
  const [asTable, setAsTable] = useState(false);
  const model = buildTimeline(programmes, vnToday());
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  const late = programmes.filter((p) => p.status === "late").length;
  const noDeadline = programmes.filter((p) => p.deadline === null).length;
  const title = (p: ProgrammeDto) => (lang === "vi" ? p.title_vi : p.title_en);

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card__head">
        <h2 id="timeline-title">{t.timelineTitle}</h2>
        <button type="button" className="button-secondary" onClick={() => setAsTable(!asTable)}>
          {asTable ? t.showChart : t.showTable}
        </button>
      </div>
      <p className="card__intro" data-testid="timeline-summary">
        {t.timelineSummary(programmes.length, late, noDeadline)}
      </p>
      {asTable ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="timeline-table">
            <caption>{t.timelineCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colProgramme}</th>
                <th scope="col">{t.colLead}</th>
                <th scope="col">{t.colStart}</th>
                <th scope="col">{t.colDeadline}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col" className="num">
                  {t.colProgress}
                </th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{title(p)}</th>
                  <td>{leadText(p, lang)}</td>
                  <td>{formatDay(p.start, lang)}</td>
                  <td>{p.deadline ? formatDay(p.deadline, lang) : t.noDeadline}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="num">{p.progress === null ? "—" : `${p.progress}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="gantt" data-testid="timeline-chart" aria-hidden="true">
          <div className="gantt__axis">
            <span className="gantt__label" />
            <div className="gantt__track">
              {model.years.map((y, i) => (
                <span key={y} className="gantt__year" style={{ left: pct(i / model.years.length) }}>
                  {y}
                </span>
              ))}
            </div>
          </div>
          {programmes.map((p, i) => {
            const bar = model.bars[i]!;
            return (
              <div key={p.id} className="gantt__row">
                <span className="gantt__label" title={title(p)}>
                  {title(p)}
                </span>
                <div className="gantt__track">
                  {model.years.map((y, j) => (
                    <span key={y} className="gantt__grid" style={{ left: pct(j / model.years.length) }} />
                  ))}
                  <span
                    className={`gantt__bar programme-status--${p.status}${bar.openEnded ? " gantt__bar--open" : ""}`}
                    style={{ left: pct(bar.left), width: pct(bar.width) }}
                  >
                    <span className="gantt__bar-text">{t.programmeStatus(p.status)}</span>
                  </span>
                </div>
              </div>
            );
          })}
          <div className="gantt__row gantt__row--today">
            <span className="gantt__label" />
            <div className="gantt__track">
              <span className="gantt__today" style={{ left: pct(model.today) }}>
                {t.timelineToday}
              </span>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
