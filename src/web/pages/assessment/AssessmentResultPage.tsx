/**
 * `/assessment/result#TOKEN`: one result, read with the secret token its submission returned (the
 * token is in the fragment, which browsers never send to a server, so it stays out of logs).
 * Overall score, level, radar of pillars against the peer group, the comparison with firms of the
 * same sector, size and province, next steps for the weakest pillars, earlier results kept in this
 * browser, and a print button (print CSS leaves the page alone on paper).
 */
import { useEffect, useMemo, useState } from "react";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import "../../charts/echarts-extras.ts";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { loadResults, useAssessmentResultQuery } from "../../data/assessment.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { formatNumber, formatPercent } from "../../lib/format.ts";
import { ASSESSMENT_MESSAGES } from "./messages.ts";
import "./assessment.css";

/** Splits a long name at the space nearest its middle, so that it fits beside the radar. */
function twoLines(name: string): string {
  if (name.length <= 18) return name;
  const mid = name.length / 2;
  let cut = -1;
  for (let i = name.indexOf(" "); i !== -1; i = name.indexOf(" ", i + 1))
    if (cut === -1 || Math.abs(i - mid) < Math.abs(cut - mid)) cut = i;
  return cut === -1 ? name : `${name.slice(0, cut)}\n${name.slice(cut + 1)}`;
}

function tokenFromHash(): { token: string | undefined; duplicate: boolean } {
  const raw = window.location.hash.slice(1);
  const [token, flag] = raw.split(":");
  return { token: token || loadResults()[0]?.token, duplicate: flag === "dup" };
}

export function AssessmentResultPage() {
  const { t, lang } = usePageLanguage(ASSESSMENT_MESSAGES);
  const m = t.assessment;
  const [{ token, duplicate }, setRef] = useState(tokenFromHash);
  useEffect(() => {
    const onHash = () => setRef(tokenFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const q = useAssessmentResultQuery(token);
  const r = q.data;
  const history = loadResults();

  const radar: EChartsCoreOption | undefined = useMemo(() => {
    if (!r) return undefined;
    return {
      legend: { bottom: 0, data: [m.yourScore, m.peerMean] },
      tooltip: {},
      radar: {
        radius: "58%",
        indicator: r.pillars.map((p) => ({ name: localName(p, lang), max: 100 })),
        // Long pillar names break onto two lines so that none is cut at the chart's edge.
        axisName: {
          color: "#243b53",
          fontSize: 11,
          lineHeight: 14,
          formatter: (name: string) => twoLines(name),
        },
      },
      series: [
        {
          type: "radar",
          data: [
            {
              name: m.yourScore,
              value: r.pillars.map((p) => Math.round(p.score)),
              areaStyle: { opacity: 0.25 },
            },
            ...(r.peers.count > 1
              ? [
                  {
                    name: m.peerMean,
                    value: r.pillars.map((p) => Math.round(p.peer_mean ?? 0)),
                    lineStyle: { type: "dashed" },
                  },
                ]
              : []),
          ],
        },
      ],
    };
  }, [r, lang, m]);

  if (!token)
    return (
      <article className="assessment">
        <h2>{m.resultTitle}</h2>
        <p>{m.noResult}</p>
        <a className="button-primary" href={`/assessment${window.location.search}`}>
          {m.start}
        </a>
      </article>
    );
  if (!r || !radar) return <QueryStatus queries={[q]} />;

  const parts = r.pillars.map((p) => `${localName(p, lang)} ${formatNumber(p.score, lang, 0)}`).join("; ");
  return (
    <article className="assessment assessment-result" data-testid="assessment-result">
      <h2>{m.resultTitle}</h2>
      {duplicate && <p className="form-notice">{m.duplicate}</p>}
      <p className="assessment-result__firm">
        <strong>{r.name}</strong> · {r.tax_code} · {localName(r.province, lang)} · {r.sector} · {r.size} ·{" "}
        {m.submittedAt} {new Date(r.submitted_at).toLocaleDateString(lang === "vi" ? "vi-VN" : "en-GB")}
      </p>
      <div className="assessment-result__headline">
        <div className="assessment-result__score">
          <span>{m.overall}</span>
          <strong data-testid="assessment-overall">{formatNumber(r.overall, lang, 1)}</strong>
          <small>/ 100</small>
        </div>
        <div className="assessment-result__level">
          <span>{m.level}</span>
          <strong data-testid="assessment-level">
            {m.levelLine(r.level, lang === "vi" ? r.level_name_vi : r.level_name_en)}
          </strong>
          <small>
            {m.thresholds}: {r.thresholds.map((x, i) => `${i + 1}: ≥ ${x}`).join(" · ")}
          </small>
        </div>
      </div>
      <p className="source-note">{lang === "vi" ? r.thresholds_note_vi : r.thresholds_note_en}</p>
      <div className="assessment-result__grid">
        <section className="card">
          <EChart option={radar} ariaLabel={m.radarLabel(parts)} height={340} testId="assessment-radar" />
        </section>
        <section className="card">
          <table className="data-table">
            <caption>{m.pillars}</caption>
            <thead>
              <tr>
                <th scope="col">{m.pillar}</th>
                <th scope="col">{m.yourScore}</th>
                <th scope="col">{m.peerMean}</th>
              </tr>
            </thead>
            <tbody>
              {r.pillars.map((p) => (
                <tr key={p.code}>
                  <th scope="row">{localName(p, lang)}</th>
                  <td>{formatNumber(p.score, lang, 0)}</td>
                  <td>{formatNumber(p.peer_mean, lang, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card">
        <h3>{m.peersTitle}</h3>
        <p data-testid="assessment-peers">
          {r.peers.count > 1
            ? m.peersText(r.peers.count, formatPercent(r.peers.percentile, lang, 0))
            : m.peersNone}
        </p>
        {r.peers.demo > 0 && <p className="form-notice">{m.peersDemo(r.peers.demo)}</p>}
      </section>
      <section className="card">
        <h3>{m.nextSteps}</h3>
        <ul className="assessment-result__steps">
          {r.next_steps.map((s) => (
            <li key={s.pillar}>
              <strong>
                {localName(s, lang)} ({formatNumber(s.score, lang, 0)})
              </strong>
              : {lang === "vi" ? s.advice_vi : s.advice_en}
            </li>
          ))}
        </ul>
      </section>
      <div className="form-actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {m.print}
        </button>
        <a className="button-secondary" href={`/assessment${window.location.search}`}>
          {m.start}
        </a>
      </div>
      {history.length > 1 && (
        <section className="card no-print">
          <h3>{m.history}</h3>
          <ul>
            {history.map((h) => (
              <li key={h.token}>
                <a href={`#${h.token}`}>
                  {new Date(h.submitted_at).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")} — {h.name} —{" "}
                  {formatNumber(h.overall, lang, 1)} ({m.level} {h.level})
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
