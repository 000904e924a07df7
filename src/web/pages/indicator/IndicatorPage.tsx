/**
 * `/indicators/:code`: what the indicator is (definition, unit, formula, source, targets), its
 * national trend with target path and forecast, the progress panel, the province map and the
 * province table, and downloads of its published values (CSV, XLSX) from the API.
 */
import type { ReactNode } from "react";
import { IndicatorMapFigure } from "../../components/IndicatorMapFigure.tsx";
import { ProvinceRankingTable } from "../../components/ProvinceRankingTable.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { apiUrl } from "../../data/client.ts";
import { useAreasQuery, useIndicatorQuery } from "../../data/queries.ts";
import type { IndicatorDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { comparatorText, formatValue } from "../../lib/display.ts";
import type { RouteParams } from "../../lib/router.ts";
import { INDICATOR_MESSAGES } from "./messages.ts";
import { ProgressPanel } from "./ProgressPanel.tsx";
import { TrendFigure } from "./TrendFigure.tsx";

function Definition({ indicator }: { indicator: IndicatorDto }) {
  const { lang, t } = usePageLanguage(INDICATOR_MESSAGES);
  const provinces = useAreasQuery("2025", "province");
  const areaName = (code: string) => {
    const a = provinces.data?.find((p) => p.code === code);
    return a ? localName(a, lang) : t.provinceCode(code);
  };
  const targets = indicator.targets.filter(
    (x, i, all) =>
      all.findIndex((y) => y.area === x.area && y.year === x.year && y.source === x.source) === i,
  );
  return (
    <section className="card" aria-labelledby="indicator-title" data-testid="indicator-definition">
      <p className="eyebrow">{t.indicatorEyebrow}</p>
      <h2 id="indicator-title" className="page-title">
        {localName(indicator, lang)}
      </h2>
      <p>{lang === "vi" ? indicator.definition_vi : indicator.definition_en || indicator.definition_vi}</p>
      <dl className="facts">
        <div>
          <dt>{t.code}</dt>
          <dd>
            <code>{codeWithBreaks(indicator.code)}</code>
          </dd>
        </div>
        <div>
          <dt>{t.unitLabel}</dt>
          <dd>{indicator.unit === "percent" ? t.unitPercent : t.unit(indicator.unit)}</dd>
        </div>
        <div>
          <dt>{t.pillarLabel}</dt>
          <dd>{t.pillar(indicator.pillar)}</dd>
        </div>
        <div>
          <dt>{t.directionLabel}</dt>
          <dd>{t.direction(indicator.direction)}</dd>
        </div>
        <div>
          <dt>{t.frequencyLabel}</dt>
          <dd>{t.frequency(indicator.frequency)}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t.formulaLabel}</dt>
          <dd>
            <code>
              {indicator.formula ??
                `${indicator.factor} × (${indicator.numerator})${indicator.denominator ? ` / (${indicator.denominator})` : ""}`}
            </code>
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t.sourceLabel}</dt>
          <dd>{indicator.source || "—"}</dd>
        </div>
      </dl>
      {targets.length > 0 ? (
        <>
          <h3>{t.targetsOf}</h3>
          <ul className="target-list">
            {targets.map((x) => (
              <li key={`${x.area}-${x.year}-${x.source}`}>
                {x.area === "VN" ? t.national : areaName(x.area)}: {comparatorText(x.comparator)}{" "}
                {formatValue(x.value, indicator, lang)} ({x.year}) —{" "}
                <span className="text-muted">{x.source}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t.downloadsTitle}</h3>
      <p className="downloads">
        <a
          className="button-secondary"
          href={apiUrl("/observations.csv", { indicator: indicator.code })}
          download
          data-testid="download-csv"
        >
          {t.downloadAllCsv}
        </a>
        <a
          className="button-secondary"
          href={apiUrl("/observations.xlsx", { indicator: indicator.code })}
          download
          data-testid="download-xlsx"
        >
          {t.downloadAllXlsx}
        </a>
      </p>
    </section>
  );
}

export function IndicatorPage({ params }: { params: RouteParams }) {
  const { t } = usePageLanguage(INDICATOR_MESSAGES);
  const code = params.code ?? "";
  const indicator = useIndicatorQuery(code);
  if (!indicator.data) {
    if (indicator.isError) {
      return (
        <section className="card">
          <h2>{t.indicatorNotFound(code)}</h2>
          <QueryStatus queries={[indicator]} />
        </section>
      );
    }
    return <QueryStatus queries={[indicator]} />;
  }
  return (
    <>
      <Definition indicator={indicator.data} />
      <TrendFigure indicator={indicator.data} />
      <ProgressPanel indicator={indicator.data} />
      <IndicatorMapFigure indicator={indicator.data.code} />
      <ProvinceRankingTable indicator={indicator.data} />
    </>
  );
}

/**
 * A code such as DIGITAL_TECH_ENTERPRISES with a line-break opportunity after each underscore, so a
 * narrow column breaks it between words, not mid-word (<wbr> is not copied with the text).
 */
function codeWithBreaks(code: string): ReactNode[] {
  const out: ReactNode[] = [];
  let from = 0;
  for (let at = code.indexOf("_"); at !== -1; at = code.indexOf("_", from)) {
    out.push(code.slice(from, at + 1), <wbr key={at} />);
    from = at + 1;
  }
  out.push(code.slice(from));
  return out;
}
