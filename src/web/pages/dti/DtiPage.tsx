/**
 * `/dti`: the provincial digital-transformation index. The ranking with its Monte Carlo rank bands,
 * a province's pillar profile against the best and the median, the change of its score split by
 * pillar, and the published 2022 ranking beside the computed one with Spearman's rho. Every chart
 * has a table view and a text alternative; the framework version and the normalisation are shown
 * above the numbers they produced; demo values raise the demo banner.
 */
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import type { Geography } from "../../../domain/area.ts";
import { EChart } from "../../charts/EChart.tsx";
import type { EChartsCoreOption } from "../../charts/echarts.ts";
import "../../charts/echarts-extras.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import {
  type FrameworkDto,
  type IndexBasis,
  type IndexItemDto,
  type IndexScoresDto,
  type IndexSelection,
  useExplainQuery,
  useFrameworksQuery,
  useIndexScoresQuery,
  useProvinceIndexQuery,
  usePublishedQuery,
} from "../../data/dti.ts";
import { useAreasQuery } from "../../data/queries.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import type { Messages } from "../../i18n/messages.ts";
import { formatNumber, type Lang } from "../../lib/format.ts";
import { waterfallSteps, yearsOf } from "./dti-model.ts";
import type { DtiMessages } from "./messages.ts";
import { DTI_MESSAGES } from "./messages.ts";

const GRID = {
  left: 8,
  right: 24,
  top: 28,
  bottom: 8,
  outerBoundsMode: "same",
  outerBoundsContain: "axisLabel",
};
const COLORS = {
  main: "#1d4ed8",
  band: "#93c5fd",
  best: "#059669",
  median: "#9ca3af",
  up: "#059669",
  down: "#dc2626",
};

function useNames(geography: Geography, lang: Lang): (code: string) => string {
  const areas = useAreasQuery(geography, "province");
  return useMemo(() => {
    const byCode = new Map((areas.data ?? []).map((a) => [a.code, localName(a, lang)]));
    return (code: string) => byCode.get(code) ?? code;
  }, [areas.data, lang]);
}

function pillarName(f: FrameworkDto, code: string, lang: Lang): string {
  const p = f.pillars.find((x) => x.code === code);
  return p ? localName(p, lang) : code;
}

function ToggleButton({ asTable, onToggle }: { asTable: boolean; onToggle: () => void }) {
  const { t } = usePageLanguage(DTI_MESSAGES);
  return (
    <button type="button" className="button-secondary" aria-pressed={asTable} onClick={onToggle}>
      {asTable ? t.showChart : t.showTable}
    </button>
  );
}

// ---- What the framework assumes, and its pillar groups ----------------------------------------

/**
 * Shown above the ranking, not folded away: whether the main-index weights are assumed, and the
 * pillar groups ("trụ cột") with their members, each labelled assumed where it is, with the selected
 * province's pillar scores.
 */
function FrameworkAssumptions({
  f,
  item,
  province,
}: {
  f: FrameworkDto;
  item: IndexItemDto | undefined;
  province: string;
}) {
  const { t, lang } = usePageLanguage(DTI_MESSAGES);
  const assumedWeights = f.pillars.some((p) => p.weight > 0 && p.status === "assumed");
  if (!assumedWeights && f.groups.length === 0) return null;
  return (
    <div className="source-note" data-testid="dti-assumptions">
      {assumedWeights ? (
        <p>
          <strong>{t.dtiAssumedTag}: </strong>
          {t.dtiAssumedWeights}
        </p>
      ) : null}
      {f.groups.length > 0 ? (
        <>
          <p>
            <strong>{t.dtiGroupsTitle}</strong>
            {item ? ` · ${t.dtiGroupScores(province)}` : ""}
          </p>
          <ul data-testid="dti-groups">
            {f.groups.map((g) => (
              <li key={g.code}>
                <strong>{localName(g, lang)}</strong>
                {item ? ` ${formatNumber(item.groups?.[g.code] ?? null, lang, 3)}` : ""}
                {g.status === "assumed" ? ` (${t.dtiAssumedTag})` : ""}:{" "}
                {g.members.map((m) => pillarName(f, m, lang)).join(" + ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

// ---- Ranking with bands ---------------------------------------------------------------------

const RANK_LABEL_SIZE = 11;
let measureCanvas: HTMLCanvasElement | undefined;

/**
 * The width in pixels of the widest rank label, measured in the page's own font. ECharts' own
 * estimate for `outerBoundsContain` came out a few pixels short for the longest names ("12. Thái
 * Nguyên" lost its "1"), so the ranking chart sets its left margin from this measure instead.
 */
function widestLabel(labels: readonly string[]): number {
  measureCanvas ??= document.createElement("canvas");
  const ctx = measureCanvas.getContext("2d");
  if (!ctx) return Math.max(0, ...labels.map((l) => l.length)) * 7;
  ctx.font = `${RANK_LABEL_SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  return Math.max(0, ...labels.map((l) => ctx.measureText(l).width));
}

function rankingOption(
  data: IndexScoresDto,
  name: (c: string) => string,
  lang: Lang,
  t: Messages & DtiMessages,
): EChartsCoreOption {
  const rows = data.items.filter((i) => i.rank !== null);
  const labels = rows.map((i) => `${i.rank}. ${name(i.area)}${i.missing.length ? " ⚑" : ""}`);
  return {
    animation: false,
    textStyle: { fontFamily: "inherit" },
    // Margins in pixels: the left one fits the widest label (+ the label's gap and a little air).
    grid: {
      left: Math.ceil(widestLabel(labels)) + 14,
      right: 24,
      top: 28,
      bottom: 40,
      outerBoundsMode: "none",
    },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: { dataIndex: number }[]) => {
        const i = rows[params[0]?.dataIndex ?? 0]!;
        return `${name(i.area)}<br>${t.dtiColRank}: ${i.rank} · ${t.dtiColScore}: ${formatNumber(i.score, lang, 3)}<br>${t.dtiColBand}: ${i.rank_p05}–${i.rank_p95}`;
      },
    },
    xAxis: {
      type: "value",
      min: 1,
      max: rows.length,
      inverse: false,
      name: t.dtiColRank,
      nameLocation: "middle",
      nameGap: 24,
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: labels,
      axisLabel: { fontSize: RANK_LABEL_SIZE, color: "#374151", margin: 8 },
    },
    series: [
      // The band: an invisible bar up to the 5th percentile, then the visible part up to the 95th.
      {
        type: "bar",
        stack: "band",
        silent: true,
        itemStyle: { color: "transparent" },
        data: rows.map((i) => i.rank_p05 ?? 1),
        barWidth: 6,
      },
      {
        type: "bar",
        stack: "band",
        name: t.dtiColBand,
        itemStyle: { color: COLORS.band },
        data: rows.map((i) => Math.max((i.rank_p95 ?? 1) - (i.rank_p05 ?? 1), 0.15)),
        barWidth: 6,
      },
      {
        type: "scatter",
        name: t.dtiColRank,
        symbolSize: 7,
        itemStyle: { color: COLORS.main },
        data: rows.map((i, k) => [i.rank, k]),
      },
    ],
  };
}

function RankingTable({
  data,
  name,
  f,
}: {
  data: IndexScoresDto;
  name: (c: string) => string;
  f: FrameworkDto;
}) {
  const { lang, t } = usePageLanguage(DTI_MESSAGES);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="dti-ranking-table">
        <caption className="visually-hidden">{t.dtiRankingTitle}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.dtiColRank}
            </th>
            <th scope="col">{t.dtiProvince}</th>
            <th scope="col" className="num">
              {t.dtiColScore}
            </th>
            <th scope="col" className="num">
              {t.dtiColMedian}
            </th>
            <th scope="col" className="num">
              {t.dtiColBand}
            </th>
            {f.pillars.map((p) => (
              <th key={p.code} scope="col" className="num" title={localName(p, lang)}>
                {p.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((i) => (
            <tr key={i.area}>
              <td className="num">{i.rank ?? "—"}</td>
              <th scope="row">
                {name(i.area)}
                {i.missing.length ? <span title={i.missing.join(", ")}> ⚑</span> : null}
              </th>
              <td className="num">{formatNumber(i.score, lang, 3)}</td>
              <td className="num">{i.rank_median ?? "—"}</td>
              <td className="num">{i.rank_p05 !== null ? `${i.rank_p05}–${i.rank_p95}` : "—"}</td>
              {f.pillars.map((p) => (
                <td key={p.code} className="num">
                  {formatNumber(i.pillars[p.code], lang, 2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- Province profile and change --------------------------------------------------------------

function ProfileSection({
  sel,
  f,
  area,
  name,
}: {
  sel: IndexSelection;
  f: FrameworkDto;
  area: string;
  name: (c: string) => string;
}) {
  const { lang, t } = usePageLanguage(DTI_MESSAGES);
  const [asTable, setAsTable] = useState(false);
  const q = useProvinceIndexQuery(sel, area);
  const d = q.data;
  const option = useMemo((): EChartsCoreOption | undefined => {
    if (!d) return undefined;
    const cats = d.profile.map((p) => pillarName(f, p.pillar, lang));
    const bar = (label: string, color: string, values: (number | null)[]) => ({
      type: "bar",
      name: label,
      itemStyle: { color },
      data: values.map((v) => (v === null ? null : Number(v.toFixed(3)))),
    });
    return {
      animation: false,
      textStyle: { fontFamily: "inherit" },
      grid: { ...GRID, top: 36 },
      legend: { top: 0, itemGap: 28, textStyle: { fontSize: 12 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: cats, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: { type: "value" },
      series: [
        bar(
          name(area),
          COLORS.main,
          d.profile.map((p) => p.score),
        ),
        bar(
          t.dtiBest,
          COLORS.best,
          d.profile.map((p) => p.best),
        ),
        bar(
          t.dtiMedian,
          COLORS.median,
          d.profile.map((p) => p.median),
        ),
      ],
    };
  }, [d, f, lang, t, area, name]);
  return (
    <section className="card" aria-labelledby="dti-profile-title" data-testid="dti-profile">
      <div className="card__head">
        <h2 id="dti-profile-title">
          {t.dtiProfileTitle}: {name(area)}
        </h2>
        {d ? <ToggleButton asTable={asTable} onToggle={() => setAsTable((v) => !v)} /> : null}
      </div>
      {!d || !option ? (
        <QueryStatus queries={[q]} />
      ) : asTable ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="dti-profile-table">
            <caption className="visually-hidden">{t.dtiProfileTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.dtiPillar}</th>
                <th scope="col" className="num">
                  {name(area)}
                </th>
                <th scope="col" className="num">
                  {t.dtiBest}
                </th>
                <th scope="col" className="num">
                  {t.dtiMedian}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.profile.map((p) => (
                <tr key={p.pillar}>
                  <th scope="row">{pillarName(f, p.pillar, lang)}</th>
                  <td className="num">{formatNumber(p.score, lang, 3)}</td>
                  <td className="num">
                    {formatNumber(p.best, lang, 3)} {p.best_area ? `(${name(p.best_area)})` : ""}
                  </td>
                  <td className="num">{formatNumber(p.median, lang, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EChart
          option={option}
          ariaLabel={t.dtiProfileSummary(name(area), String(d.rank ?? "—"), formatNumber(d.score, lang, 3))}
          height={360}
          testId="dti-profile-chart"
        />
      )}
    </section>
  );
}

function ChangeSection({
  sel,
  f,
  area,
  name,
  years,
}: {
  sel: IndexSelection;
  f: FrameworkDto;
  area: string;
  name: (c: string) => string;
  years: number[];
}) {
  const { lang, t } = usePageLanguage(DTI_MESSAGES);
  const fromId = useId();
  const earlier = years.filter((y) => y < sel.year);
  const [chosenFrom, setFrom] = useState<number | undefined>();
  const from =
    chosenFrom !== undefined && earlier.includes(chosenFrom) ? chosenFrom : earlier[earlier.length - 1];
  const [asTable, setAsTable] = useState(false);
  const q = useExplainQuery(sel, area, from);
  const d = q.data;
  const order = useMemo(() => f.pillars.map((p) => p.code), [f]);
  const steps = useMemo(() => (d ? waterfallSteps(d.contributions, order) : []), [d, order]);
  const fmt = useCallback((x: number) => `${x >= 0 ? "+" : ""}${formatNumber(x, lang, 4)}`, [lang]);
  const option = useMemo((): EChartsCoreOption | undefined => {
    if (!d) return undefined;
    const cats = [...steps.map((s) => pillarName(f, s.pillar, lang)), t.dtiTotal];
    return {
      animation: false,
      textStyle: { fontFamily: "inherit" },
      grid: GRID,
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { dataIndex: number }[]) => {
          const k = params[0]?.dataIndex ?? 0;
          const v = k < steps.length ? steps[k]!.value : d.change;
          return `${cats[k]}: ${fmt(v)}`;
        },
      },
      xAxis: { type: "category", data: cats, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: { type: "value" },
      series: [
        // Waterfall: an invisible base at the lower end of each step, then the step itself.
        {
          type: "bar",
          stack: "w",
          silent: true,
          itemStyle: { color: "transparent" },
          data: [...steps.map((s) => Math.min(s.start, s.end)), Math.min(0, d.change)],
        },
        {
          type: "bar",
          stack: "w",
          name: t.dtiContribution,
          data: [
            ...steps.map((s) => ({
              value: Math.abs(s.value),
              itemStyle: { color: s.value >= 0 ? COLORS.up : COLORS.down },
            })),
            { value: Math.abs(d.change), itemStyle: { color: COLORS.main } },
          ],
        },
      ],
    };
  }, [d, steps, f, lang, t, fmt]);
  return (
    <section className="card" aria-labelledby="dti-change-title" data-testid="dti-change">
      <div className="card__head">
        <h2 id="dti-change-title">
          {t.dtiChangeTitle}: {name(area)}
        </h2>
        {d ? <ToggleButton asTable={asTable} onToggle={() => setAsTable((v) => !v)} /> : null}
      </div>
      {earlier.length === 0 ? (
        <p className="status">{t.dtiNoPrevious}</p>
      ) : (
        <>
          <div className="controls">
            <label className="field" htmlFor={fromId}>
              <span>{t.dtiFrom}</span>
              <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {earlier.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {!d || !option ? (
            <QueryStatus queries={[q]} />
          ) : (
            <>
              <p className="card__intro" data-testid="dti-change-text">
                {t.dtiChangeText(
                  d.from,
                  d.to,
                  formatNumber(d.score_from, lang, 4),
                  formatNumber(d.score_to, lang, 4),
                  fmt(d.change),
                )}
              </p>
              {asTable ? (
                <div className="table-scroll">
                  <table className="data-table" data-testid="dti-change-table">
                    <caption className="visually-hidden">{t.dtiChangeTitle}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.dtiPillar}</th>
                        <th scope="col" className="num">
                          {t.dtiContribution}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {steps.map((s) => (
                        <tr key={s.pillar}>
                          <th scope="row">{pillarName(f, s.pillar, lang)}</th>
                          <td className="num">{fmt(s.value)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">{t.dtiTotal}</th>
                        <td className="num">{fmt(d.change)}</td>
                      </tr>
                    </tbody>
                  </table>
                </div>
              ) : (
                <EChart
                  option={option}
                  ariaLabel={t.dtiChangeSummary(fmt(d.change))}
                  height={320}
                  testId="dti-change-chart"
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

// ---- Published 2022 beside computed ------------------------------------------------------------

function PublishedSection({ framework }: { framework: string }) {
  const { lang, t } = usePageLanguage(DTI_MESSAGES);
  const [asTable, setAsTable] = useState(false);
  const q = usePublishedQuery(framework);
  const name = useNames("2008", lang);
  const d = q.data;
  useDemoNotice(d?.computed_series_is_demo ?? false);
  const rho = d?.spearman === null || d === undefined ? "—" : formatNumber(d.spearman, lang, 3);
  const option = useMemo((): EChartsCoreOption | undefined => {
    if (!d) return undefined;
    return {
      animation: false,
      textStyle: { fontFamily: "inherit" },
      grid: { ...GRID, left: 16, bottom: 28 },
      tooltip: {
        trigger: "item",
        formatter: (p: { dataIndex: number }) => {
          const i = d.items[p.dataIndex]!;
          return `${name(i.area)}: ${t.dtiPublishedRank} ${i.published_rank}, ${t.dtiComputedRank} ${i.computed_rank ?? "—"}`;
        },
      },
      xAxis: {
        type: "value",
        name: t.dtiPublishedRank,
        nameLocation: "middle",
        nameGap: 26,
        min: 0,
        max: 64,
      },
      yAxis: {
        type: "value",
        name: t.dtiComputedRank,
        nameLocation: "middle",
        nameGap: 30,
        min: 0,
        max: 64,
        inverse: true,
      },
      series: [
        {
          type: "scatter",
          symbolSize: 8,
          itemStyle: { color: COLORS.main },
          data: d.items.map((i) => [i.published_rank, i.computed_rank]),
        },
        {
          type: "line",
          silent: true,
          symbol: "none",
          lineStyle: { color: COLORS.median, type: "dashed" },
          data: [
            [1, 1],
            [63, 63],
          ],
        },
      ],
    };
  }, [d, name, t]);
  return (
    <section className="card" aria-labelledby="dti-published-title" data-testid="dti-published">
      <div className="card__head">
        <h2 id="dti-published-title">{t.dtiPublishedTitle}</h2>
        {d ? <ToggleButton asTable={asTable} onToggle={() => setAsTable((v) => !v)} /> : null}
      </div>
      {!d || !option ? (
        <QueryStatus queries={[q]} />
      ) : (
        <>
          <p className="card__intro" data-testid="dti-spearman">
            {t.dtiPublishedNote(rho, d.n)}
          </p>
          {asTable ? (
            <div className="table-scroll">
              <table className="data-table" data-testid="dti-published-table">
                <caption className="visually-hidden">{t.dtiPublishedTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t.dtiPublishedRank}
                    </th>
                    <th scope="col">{t.dtiProvince}</th>
                    <th scope="col" className="num">
                      {t.dtiPublishedScore}
                    </th>
                    <th scope="col" className="num">
                      {t.dtiComputedRank}
                    </th>
                    <th scope="col" className="num">
                      {t.dtiComputedScore}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((i) => (
                    <tr key={i.area}>
                      <td className="num">{i.published_rank}</td>
                      <th scope="row">{name(i.area)}</th>
                      <td className="num">{formatNumber(i.published_score, lang, 4)}</td>
                      <td className="num">{i.computed_rank ?? "—"}</td>
                      <td className="num">{formatNumber(i.computed_score, lang, 3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EChart
              option={option}
              ariaLabel={t.dtiPublishedSummary(rho)}
              height={380}
              testId="dti-published-chart"
            />
          )}
        </>
      )}
    </section>
  );
}

// ---- The page ---------------------------------------------------------------------------------

export function DtiPage() {
  const { lang, t } = usePageLanguage(DTI_MESSAGES);
  const frameworks = useFrameworksQuery();
  const [frameworkId, setFrameworkId] = useState("dti-922");
  const [geography, setGeography] = useState<Geography>("2025");
  const [basis, setBasis] = useState<IndexBasis>("indicators");
  const [chosenYear, setYear] = useState<number | undefined>();
  const [area, setArea] = useState<string | undefined>();
  const [asTable, setAsTable] = useState(false);
  const ids = { framework: useId(), year: useId(), province: useId() };

  const f = frameworks.data?.find((x) => x.id === frameworkId) ?? frameworks.data?.[0];
  const effectiveBasis: IndexBasis = geography === "2025" ? basis : "indicators";
  const years = yearsOf(f, geography, effectiveBasis);
  const year = chosenYear !== undefined && years.includes(chosenYear) ? chosenYear : years[years.length - 1];
  const sel: IndexSelection | undefined =
    f && year !== undefined ? { framework: f.id, geography, year, basis: effectiveBasis } : undefined;
  const scores = useIndexScoresQuery(sel);
  const name = useNames(geography, lang);
  const d = scores.data;
  useDemoNotice(d?.series_is_demo ?? false);

  // The selected province: the first of the ranking until the user picks one in this geography.
  const ranked = d?.items ?? [];
  const selectedArea = area !== undefined && ranked.some((i) => i.area === area) ? area : ranked[0]?.area;
  useEffect(() => {
    if (area !== undefined && d && !d.items.some((i) => i.area === area)) setArea(undefined);
  }, [d, area]);

  const option = useMemo(() => (d ? rankingOption(d, name, lang, t) : undefined), [d, name, lang, t]);
  const first = d?.items[0];
  const flagged = d?.items.filter((i) => i.missing.length > 0).length ?? 0;

  return (
    <>
      <section className="card" aria-labelledby="dti-title" data-testid="dti-ranking">
        <div className="card__head">
          <h2 id="dti-title">{t.dtiTitle}</h2>
          {d ? <ToggleButton asTable={asTable} onToggle={() => setAsTable((v) => !v)} /> : null}
        </div>
        <p className="card__intro">{t.dtiIntro}</p>
        <div className="controls">
          <label className="field" htmlFor={ids.framework}>
            <span>{t.dtiFramework}</span>
            <select
              id={ids.framework}
              value={f?.id ?? frameworkId}
              onChange={(e) => setFrameworkId(e.target.value)}
              data-testid="dti-framework"
            >
              {(frameworks.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.version}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="segmented">
            <legend>{t.geographyLabel}</legend>
            {(["2025", "2008"] as const).map((g) => (
              <label
                key={g}
                className={geography === g ? "segmented__option is-checked" : "segmented__option"}
              >
                <input
                  type="radio"
                  name="dti-geography"
                  value={g}
                  checked={geography === g}
                  onChange={() => setGeography(g)}
                />
                {g === "2025" ? t.geography2025 : t.geography2008}
              </label>
            ))}
          </fieldset>
          {geography === "2025" ? (
            <fieldset className="segmented">
              <legend>{t.dtiBasis}</legend>
              {(["indicators", "mean_of_former"] as const).map((b) => (
                <label key={b} className={basis === b ? "segmented__option is-checked" : "segmented__option"}>
                  <input
                    type="radio"
                    name="dti-basis"
                    value={b}
                    checked={basis === b}
                    onChange={() => setBasis(b)}
                  />
                  {b === "indicators" ? t.dtiBasisIndicators : t.dtiBasisMean}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label className="field" htmlFor={ids.year}>
            <span>{t.dtiYear}</span>
            <select
              id={ids.year}
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
              data-testid="dti-year"
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={ids.province}>
            <span>{t.dtiProvince}</span>
            <select
              id={ids.province}
              value={selectedArea ?? ""}
              onChange={(e) => setArea(e.target.value)}
              data-testid="dti-province"
            >
              {[...ranked]
                .sort((a, b) => name(a.area).localeCompare(name(b.area), lang))
                .map((i) => (
                  <option key={i.area} value={i.area}>
                    {name(i.area)}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {!d || !option || !f ? (
          <QueryStatus queries={[frameworks, scores]} />
        ) : (
          <>
            <p className="source-note" data-testid="dti-method">
              {t.dtiMethod(
                d.version,
                t.dtiNorm(d.normalisation.method),
                d.normalisation.goalposts_year,
                t.dtiAgg(d.aggregation),
                d.monte_carlo.draws,
              )}
              {" · "}
              {lang === "vi" ? d.basis_description_vi : d.basis_description}
            </p>
            <p className="source-note">{t.dtiRankingNote}</p>
            <FrameworkAssumptions
              f={f}
              item={d.items.find((i) => i.area === selectedArea)}
              province={selectedArea ? name(selectedArea) : ""}
            />
            {flagged > 0 ? <p className="source-note">{t.dtiFlagged(flagged)}</p> : null}
            {asTable ? (
              <RankingTable data={d} name={name} f={f} />
            ) : (
              <EChart
                option={option}
                ariaLabel={t.dtiRankingSummary(
                  first ? name(first.area) : "—",
                  formatNumber(first?.score, lang, 3),
                  d.items.length,
                )}
                height={d.items.length * 16 + 70}
                testId="dti-ranking-chart"
              />
            )}
            <details className="source-note">
              <summary>{t.dtiAssumed}</summary>
              <p>{lang === "vi" ? f.note_vi : f.note_en}</p>
              <p>{f.source}</p>
            </details>
          </>
        )}
      </section>
      {sel && f && selectedArea ? (
        <>
          <ProfileSection sel={sel} f={f} area={selectedArea} name={name} />
          <ChangeSection sel={sel} f={f} area={selectedArea} name={name} years={years} />
        </>
      ) : null}
      {f ? <PublishedSection framework={f.id} /> : null}
    </>
  );
}
