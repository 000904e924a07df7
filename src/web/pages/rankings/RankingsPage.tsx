/**
 * `/rankings`: provinces ranked on a chosen indicator (`?indicator=`, kept in the address so a
 * ranking can be shared), with a region filter and either geography. The composite digital
 * transformation index has its own page (`/dti`), linked from here.
 */
import { useId, useState } from "react";
import { ProvinceRankingTable } from "../../components/ProvinceRankingTable.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { useIndicatorsQuery } from "../../data/queries.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { DE_SHARE_GDP } from "../../lib/indicators.ts";
import { href } from "../../lib/router.ts";
import { RANKINGS_MESSAGES } from "./messages.ts";

function readIndicator(): string {
  return new URLSearchParams(window.location.search).get("indicator") ?? DE_SHARE_GDP;
}

export function RankingsPage() {
  const { lang, t } = usePageLanguage(RANKINGS_MESSAGES);
  const id = useId();
  const [code, setCode] = useState(readIndicator);
  const indicators = useIndicatorsQuery();
  const indicator =
    indicators.data?.find((i) => i.code === code) ?? indicators.data?.find((i) => i.code === DE_SHARE_GDP);
  const choose = (next: string) => {
    setCode(next);
    const url = new URL(window.location.href);
    url.searchParams.set("indicator", next);
    window.history.replaceState(window.history.state, "", url);
  };
  return (
    <>
      <section className="card" aria-labelledby="rankings-title">
        <h2 id="rankings-title" className="page-title">
          {t.rankingsTitle}
        </h2>
        <p className="card__intro">
          {t.rankingsIntro} <a href={href("/dti", lang)}>{t.rankingsDtiLink}</a>
        </p>
        <div className="controls">
          <div className="field field--grow">
            <label htmlFor={id}>{t.indicatorLabel}</label>
            <select
              id={id}
              value={indicator?.code ?? code}
              onChange={(e) => choose(e.target.value)}
              data-testid="rankings-indicator"
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
        </div>
      </section>
      {indicator ? (
        <ProvinceRankingTable key={indicator.code} indicator={indicator} withRegionFilter />
      ) : (
        <QueryStatus queries={[indicators]} />
      )}
    </>
  );
}
