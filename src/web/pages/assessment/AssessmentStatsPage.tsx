/**
 * `/assessment/stats`: statistics of the self-assessments for the ministry and the provinces, by
 * area (nation, region, province of 2025 or of 2008), sector and size: firms, levels, pillar means, platform
 * shares, provinces and the trend by quarter. Every chart has its table beside it. The caveat that
 * respondents select themselves is always shown, and demo responses are counted and labelled. In
 * the 2008 geography the page says which firms could not be placed in a 2008 province and why.
 */
import { useMemo, useState } from "react";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import "../../charts/echarts-extras.ts";
import { GeographySwitch } from "../../components/GeographySwitch.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { useAssessmentStatsQuery, useQuestionnaireQuery } from "../../data/assessment.ts";
import { useAreasQuery } from "../../data/queries.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { formatNumber, formatPercent } from "../../lib/format.ts";
import { ASSESSMENT_MESSAGES } from "./messages.ts";
import "./assessment.css";

export function AssessmentStatsPage() {
  const { t, lang } = usePageLanguage(ASSESSMENT_MESSAGES);
  const m = t.assessment;
  const [filter, setFilter] = useState<{
    geography: "2025" | "2008";
    area: string;
    sector: string;
    size: string;
  }>({ geography: "2025", area: "VN", sector: "", size: "" });
  const regions = useAreasQuery(filter.geography, "region");
  const provinces = useAreasQuery(filter.geography, "province");
  const provinceNames = useMemo(
    () => new Map((provinces.data ?? []).map((p) => [p.code, localName(p, lang)])),
    [provinces.data, lang],
  );
  const questionnaire = useQuestionnaireQuery();
  const stats = useAssessmentStatsQuery(filter);
  const s = stats.data;

  const levelsChart: EChartsCoreOption | undefined = useMemo(
    () =>
      s && {
        grid: { left: 48, right: 16, top: 16, bottom: 48 },
        tooltip: {},
        xAxis: {
          type: "category",
          data: s.levels.map((l) => `${l.level}`),
          name: m.level,
          nameLocation: "middle",
          nameGap: 28,
        },
        yAxis: { type: "value" },
        series: [{ type: "bar", data: s.levels.map((l) => l.count), itemStyle: { color: "#2f6fa7" } }],
      },
    [s, m],
  );
  const platformsChart: EChartsCoreOption | undefined = useMemo(
    () =>
      s && {
        grid: { left: 180, right: 24, top: 8, bottom: 24 },
        tooltip: {},
        xAxis: { type: "value", max: 100 },
        yAxis: { type: "category", inverse: true, data: s.platforms.map((p) => localName(p, lang)) },
        series: [
          {
            type: "bar",
            data: s.platforms.map((p) => Math.round((p.share ?? 0) * 10) / 10),
            itemStyle: { color: "#3a8f6b" },
          },
        ],
      },
    [s, lang],
  );

  const select = (
    key: "area" | "sector" | "size",
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <label className="field">
      <span>{label}</span>
      <select
        name={key}
        value={filter[key]}
        onChange={(e) => setFilter((f) => ({ ...f, [key]: e.target.value }))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <article className="assessment">
      <h2>{m.statsTitle}</h2>
      <aside className="assessment__caveat" data-testid="assessment-caveat">
        <strong>{m.caveatTitle}: </strong>
        {s ? (lang === "vi" ? s.caveat_vi : s.caveat_en) : ""}
      </aside>
      <div className="controls">
        <GeographySwitch
          name="assessment-geography"
          value={filter.geography}
          // Area codes differ between the geographies: back to the nation on a switch.
          onChange={(g) => setFilter((f) => ({ ...f, geography: g, area: "VN" }))}
        />
        {select("area", m.area, [
          { value: "VN", label: lang === "vi" ? "Cả nước" : "Viet Nam" },
          ...(regions.data ?? []).map((r) => ({ value: r.code, label: localName(r, lang) })),
          ...(provinces.data ?? []).map((p) => ({ value: p.code, label: `· ${localName(p, lang)}` })),
        ])}
        {select("sector", m.sector, [
          { value: "", label: m.allSectors },
          ...(questionnaire.data?.sectors ?? []).map((x) => ({
            value: x.code,
            label: `${x.code} — ${localName(x, lang)}`,
          })),
        ])}
        {select("size", m.size, [
          { value: "", label: m.allSizes },
          ...(questionnaire.data?.sizes ?? []).map((x) => ({ value: x.code, label: localName(x, lang) })),
        ])}
      </div>
      {!s || !levelsChart || !platformsChart ? (
        <QueryStatus queries={[stats]} />
      ) : (
        <>
          {s.coverage ? (
            <aside className="assessment__caveat" data-testid="assessment-coverage">
              <strong>{m.coverageTitle}: </strong>
              {lang === "vi" ? s.coverage.note_vi : s.coverage.note_en}
              {s.coverage.complete ? (
                <p>{m.coverageComplete}</p>
              ) : (
                <>
                  <p>{m.coverageUnplaced(s.coverage.unplaced)}</p>
                  <ul>
                    {s.coverage.unplaced_by_2025.map((u) => (
                      <li key={u.code}>
                        {localName(u, lang)}: {formatNumber(u.count, lang)} ({m.coverageFormer}{" "}
                        {u.former.map((c) => provinceNames.get(c) ?? c).join(", ")})
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </aside>
          ) : null}
          {s.demo_count > 0 && (
            <p className="form-notice" data-testid="assessment-demo">
              {m.demoCount(s.demo_count, s.count)}
            </p>
          )}
          <dl className="assessment__kpis">
            <div>
              <dt>{m.count}</dt>
              <dd data-testid="assessment-count">{formatNumber(s.count, lang)}</dd>
            </div>
            <div>
              <dt>{m.meanScore}</dt>
              <dd>{formatNumber(s.mean_overall, lang, 1)}</dd>
            </div>
            <div>
              <dt>{m.anyPlatform}</dt>
              <dd>{formatPercent(s.any_platform_share, lang, 1)}</dd>
            </div>
            <div>
              <dt>{m.regularPlatform(s.regular_platform_min)}</dt>
              <dd>{formatPercent(s.regular_platform_share, lang, 1)}</dd>
            </div>
          </dl>
          <div className="assessment-result__grid">
            <section className="card">
              <h3>{m.levels}</h3>
              <EChart
                option={levelsChart}
                height={240}
                ariaLabel={m.levelsChart(
                  s.levels.map((l) => `${l.level} ${localName(l, lang)}: ${l.count}`).join("; "),
                )}
              />
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{m.level}</th>
                    <th scope="col">{m.count}</th>
                    <th scope="col">{m.share}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.levels.map((l) => (
                    <tr key={l.level}>
                      <th scope="row">
                        {l.level} — {localName(l, lang)}
                      </th>
                      <td>{formatNumber(l.count, lang)}</td>
                      <td>{formatPercent(l.share, lang, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card">
              <h3>{m.pillars}</h3>
              <table className="data-table">
                <tbody>
                  {s.pillars.map((p) => (
                    <tr key={p.code}>
                      <th scope="row">{localName(p, lang)}</th>
                      <td>{formatNumber(p.mean, lang, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="source-note">{lang === "vi" ? s.thresholds_note_vi : s.thresholds_note_en}</p>
            </section>
          </div>
          <section className="card">
            <h3>{m.platforms}</h3>
            <EChart
              option={platformsChart}
              height={Math.max(240, s.platforms.length * 26)}
              ariaLabel={m.platformsChart(
                s.platforms.map((p) => `${localName(p, lang)} ${formatPercent(p.share, lang, 0)}`).join("; "),
              )}
            />
            <table className="data-table">
              <tbody>
                {s.platforms.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">{localName(p, lang)}</th>
                    <td>{formatNumber(p.count, lang)}</td>
                    <td>{formatPercent(p.share, lang, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="assessment-result__grid">
            <section className="card">
              <h3>{m.provinces}</h3>
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.colProvince}</th>
                      <th scope="col">{m.count}</th>
                      <th scope="col">{m.meanScore}</th>
                      <th scope="col">{m.anyPlatform}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.provinces.map((p) => (
                      <tr key={p.code}>
                        <th scope="row">{localName(p, lang)}</th>
                        <td>{formatNumber(p.count, lang)}</td>
                        <td>{formatNumber(p.mean_overall, lang, 1)}</td>
                        <td>{formatPercent(p.any_platform_share, lang, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="card">
              <h3>{m.trend}</h3>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{m.quarter}</th>
                    <th scope="col">{m.submissions}</th>
                    <th scope="col">{m.meanScore}</th>
                    <th scope="col">{m.anyPlatform}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.trend.map((q) => (
                    <tr key={q.quarter}>
                      <th scope="row">{q.quarter}</th>
                      <td>{formatNumber(q.submissions, lang)}</td>
                      <td>{formatNumber(q.mean_overall, lang, 1)}</td>
                      <td>{formatPercent(q.any_platform_share, lang, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </article>
  );
}
