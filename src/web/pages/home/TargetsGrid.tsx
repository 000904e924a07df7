/**
 * Every Decision 411 target of the nation as a card: the indicator (a link to its page), its latest
 * value, the target it is measured against, the progress class (colour, icon and text) and a
 * sparkline of its annual values. A table view and a CSV give the same numbers.
 */
import { useMemo } from "react";
import { NATION_CODE } from "../../../domain/area.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { Figure, type FigureTable } from "../../components/Figure.tsx";
import { ProgressBadge } from "../../components/ProgressBadge.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { Sparkline } from "../../components/Sparkline.tsx";
import {
  useIndicatorsQuery,
  useObservationsQuery,
  useProgressQuery,
  useSeriesQuery,
} from "../../data/queries.ts";
import type { IndicatorDto, ProgressDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { comparatorText, formatValue } from "../../lib/display.ts";
import { headlineProgress, isDecision411 } from "../../lib/progress-model.ts";
import { href, indicatorPath } from "../../lib/router.ts";
import { HOME_MESSAGES } from "./messages.ts";

interface Card {
  readonly indicator: IndicatorDto;
  readonly progress: ProgressDto;
  readonly spark: (number | null)[];
}

export function TargetsGrid() {
  const { lang, t } = usePageLanguage(HOME_MESSAGES);
  const indicators = useIndicatorsQuery();
  const progress = useProgressQuery({ geography: "2025", area: [NATION_CODE] });
  const series = useSeriesQuery();
  const codes = useMemo(
    () =>
      (indicators.data ?? [])
        .filter((i) => i.targets.some((x) => x.area === NATION_CODE && isDecision411(x.source)))
        .map((i) => i.code),
    [indicators.data],
  );
  const observations = useObservationsQuery(
    { indicator: codes, area: [NATION_CODE], periodKind: "Y", geography: "2025" },
    { enabled: codes.length > 0 },
  );
  const cards = useMemo((): Card[] | undefined => {
    if (!indicators.data || !progress.data) return undefined;
    const only411 = progress.data.filter((p) => isDecision411(p.target.source));
    return codes.flatMap((code) => {
      const indicator = indicators.data.find((i) => i.code === code)!;
      const p = headlineProgress(only411, code, NATION_CODE);
      if (!p) return [];
      const points = (observations.data ?? [])
        .filter((o) => o.indicator === code && o.series === p.series)
        .sort((a, b) => (a.period < b.period ? -1 : 1));
      return [{ indicator, progress: p, spark: points.map((o) => o.value) }];
    });
  }, [indicators.data, progress.data, observations.data, codes]);
  const demoCodes = new Set((series.data ?? []).filter((s) => s.is_demo).map((s) => s.code));
  useDemoNotice(cards?.some((c) => demoCodes.has(c.progress.series)) ?? false);
  const seriesName = (code: string) => {
    const s = series.data?.find((x) => x.code === code);
    return s ? localName(s, lang) : code;
  };

  const table: FigureTable | undefined = cards && {
    header: [t.colIndicator, t.colLatest, t.colYear, t.target, t.colClass, t.seriesLabel],
    rows: cards.map((c) => [
      localName(c.indicator, lang),
      c.progress.inputs.xc,
      c.progress.inputs.tc,
      `${comparatorText(c.progress.target.comparator)} ${c.progress.target.value} (${c.progress.target.year})`,
      t.progressClass(c.progress.class),
      seriesName(c.progress.series),
    ]),
    numeric: [false, true, true, false, false, false],
    format: (v, col, row) =>
      col === 1 && typeof v === "number"
        ? formatValue(v, cards[row]?.indicator, lang)
        : v == null
          ? "—"
          : String(v),
    rowHref: (r) => (cards[r] ? href(indicatorPath(cards[r].indicator.code), lang) : undefined),
  };

  return (
    <Figure
      title={t.targetsTitle}
      intro={t.targetsIntro}
      table={table}
      filename="dxmonitor-targets-411"
      testId="targets"
    >
      {!cards ? (
        <QueryStatus queries={[indicators, progress]} />
      ) : (
        <ul className="target-grid" data-testid="target-grid">
          {cards.map((c) => {
            const p = c.progress;
            return (
              <li key={c.indicator.code} className="target-card">
                <a className="target-card__name" href={href(indicatorPath(c.indicator.code), lang)}>
                  {localName(c.indicator, lang)}
                </a>
                <div className="target-card__row">
                  <p className="target-card__value">
                    <span className="target-card__big">{formatValue(p.inputs.xc, c.indicator, lang)}</span>
                    <span className="target-card__sub">
                      {p.inputs.tc} · {seriesName(p.series)}
                    </span>
                  </p>
                  <Sparkline values={c.spark} />
                </div>
                <p className="target-card__target">
                  {t.target}: {comparatorText(p.target.comparator)}{" "}
                  {formatValue(p.target.value, c.indicator, lang)} ({p.target.year})
                </p>
                <ProgressBadge value={p.class} />
              </li>
            );
          })}
        </ul>
      )}
    </Figure>
  );
}
