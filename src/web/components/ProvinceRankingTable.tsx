/**
 * Provinces ranked on one indicator for a year: competition ranks by the indicator's direction, the
 * change since the year before, a region filter, sortable columns and a CSV of what is shown. Used
 * on the indicator page and on the rankings page.
 */
import { useId, useMemo, useState } from "react";
import type { Geography } from "../../domain/area.ts";
import { useAreasQuery, useObservationsQuery, useSeriesQuery } from "../data/queries.ts";
import type { IndicatorDto } from "../data/types.ts";
import { localName, useLanguage } from "../i18n/language.tsx";
import { type CsvValue, downloadText, toCsv } from "../lib/csv.ts";
import { formatChange, formatValue } from "../lib/display.ts";
import { periodsOf, preferredSeries, rankBy } from "../lib/ranking.ts";
import { href, provincePath } from "../lib/router.ts";
import { useDemoNotice } from "./demo-notice.tsx";
import { GeographySwitch } from "./GeographySwitch.tsx";
import { QueryStatus } from "./QueryStatus.tsx";

type Column = "rank" | "name" | "region" | "value" | "change";

interface Row {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  readonly regionCode: string | null;
  readonly value: number | null;
  readonly rank: number | null;
  readonly change: number | null;
  readonly complete: boolean;
}

export function ProvinceRankingTable({
  indicator,
  title,
  withRegionFilter = false,
}: {
  indicator: IndicatorDto;
  title?: string;
  withRegionFilter?: boolean;
}) {
  const { lang, t } = useLanguage();
  const yearId = useId();
  const regionId = useId();
  const headingId = useId();
  const [geography, setGeography] = useState<Geography>("2025");
  const [chosenYear, setChosenYear] = useState<string | undefined>();
  const [region, setRegion] = useState("");
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({ column: "rank", desc: false });
  const provinces = useAreasQuery(geography, "province");
  const regions = useAreasQuery(geography, "region");
  const series = useSeriesQuery();
  const observations = useObservationsQuery({
    indicator: [indicator.code],
    geography,
    level: "province",
    periodKind: "Y",
  });
  const shownSeries = useMemo(() => preferredSeries(observations.data ?? []), [observations.data]);
  const years = useMemo(
    () =>
      periodsOf(
        (observations.data ?? []).filter((o) => o.series === shownSeries),
        "Y",
      ),
    [observations.data, shownSeries],
  );
  const year = chosenYear && years.includes(chosenYear) ? chosenYear : years[0];
  const previous = year ? years[years.indexOf(year) + 1] : undefined;
  const seriesInfo = series.data?.find((s) => s.code === shownSeries);
  useDemoNotice(seriesInfo?.is_demo ?? false);

  const rows = useMemo((): Row[] | undefined => {
    if (!provinces.data || !regions.data || !observations.data) return undefined;
    const at = (p: string | undefined) =>
      new Map(
        observations.data.filter((o) => o.series === shownSeries && o.period === p).map((o) => [o.area, o]),
      );
    const now = at(year);
    const before = at(previous);
    const ranked = rankBy(provinces.data, (a) => now.get(a.code)?.value ?? null, indicator.direction);
    return ranked.map((r) => {
      const reg = regions.data.find((x) => x.code === r.item.parent);
      const b = before.get(r.item.code)?.value;
      return {
        code: r.item.code,
        name: localName(r.item, lang),
        region: reg ? localName(reg, lang) : "",
        regionCode: r.item.parent,
        value: r.value,
        rank: r.rank,
        change: r.value !== null && typeof b === "number" ? r.value - b : null,
        complete: now.get(r.item.code)?.complete ?? true,
      };
    });
  }, [
    provinces.data,
    regions.data,
    observations.data,
    shownSeries,
    year,
    previous,
    indicator.direction,
    lang,
  ]);

  const shown = useMemo(() => {
    if (!rows) return [];
    const filtered = region ? rows.filter((r) => r.regionCode === region) : rows;
    const key = (r: Row): number | string | null => r[sort.column];
    return filtered.slice().sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1; // missing values last in either direction
      if (y === null) return -1;
      const c =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), lang);
      return sort.desc ? -c : c;
    });
  }, [rows, region, sort, lang]);

  const columns: { column: Column; label: string; numeric: boolean }[] = [
    { column: "rank", label: t.colRank, numeric: true },
    { column: "name", label: t.colProvince, numeric: false },
    { column: "region", label: t.colRegion, numeric: false },
    { column: "value", label: year ? `${t.valueLabel} ${year}` : t.valueLabel, numeric: true },
    { column: "change", label: previous ? t.colChangeSince(previous) : t.colChange, numeric: true },
  ];
  const csvRows: CsvValue[][] = shown.map((r) => [r.rank, r.code, r.name, r.region, r.value, r.change]);
  const caption = title ?? t.rankingTableTitle;
  return (
    <section className="card" aria-labelledby={headingId} data-testid="ranking">
      <div className="card__head">
        <h2 id={headingId}>{caption}</h2>
        <div className="figure-tools">
          <button
            type="button"
            className="button-secondary"
            disabled={!rows}
            onClick={() =>
              downloadText(
                `dxmonitor-ranking-${indicator.code}-${geography}-${year ?? ""}.csv`,
                toCsv([t.colRank, t.code, t.colProvince, t.colRegion, t.valueLabel, t.colChange], csvRows),
              )
            }
            data-testid="ranking-csv"
          >
            {t.downloadCsv}
            <span className="visually-hidden">: {caption}</span>
          </button>
        </div>
      </div>
      <p className="card__intro">
        {localName(indicator, lang)}
        {seriesInfo ? ` · ${t.seriesLabel}: ${localName(seriesInfo, lang)}` : ""} ·{" "}
        {t.direction(indicator.direction)}
      </p>
      <div className="controls">
        <div className="field">
          <label htmlFor={yearId}>{t.year}</label>
          <select id={yearId} value={year ?? ""} onChange={(e) => setChosenYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {withRegionFilter ? (
          <div className="field">
            <label htmlFor={regionId}>{t.colRegion}</label>
            <select
              id={regionId}
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              data-testid="region-filter"
            >
              <option value="">{t.allRegions}</option>
              {(regions.data ?? []).map((r) => (
                <option key={r.code} value={r.code}>
                  {localName(r, lang)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <GeographySwitch value={geography} onChange={setGeography} name="ranking-geography" />
      </div>
      {!rows ? (
        <QueryStatus queries={[provinces, regions, observations]} />
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="ranking-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => {
                  const active = sort.column === c.column;
                  return (
                    <th
                      key={c.column}
                      scope="col"
                      className={c.numeric ? "num" : undefined}
                      aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() =>
                          setSort({ column: c.column, desc: active ? !sort.desc : c.column === "value" })
                        }
                      >
                        {c.label}
                        <span
                          className={active ? "sort-icon sort-icon--active" : "sort-icon"}
                          aria-hidden="true"
                        >
                          {active ? (sort.desc ? "▼" : "▲") : "↕"}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.code}>
                  <td className="num">{r.rank ?? "—"}</td>
                  <th scope="row">
                    <a href={href(provincePath(geography, r.code), lang)}>{r.name}</a>
                  </th>
                  <td>{r.region}</td>
                  <td className="num">
                    {formatValue(r.value, indicator, lang)}
                    {r.complete ? null : (
                      <span className="incomplete-mark" title={t.incomplete}>
                        *
                      </span>
                    )}
                  </td>
                  <td className="num">{r.change === null ? "—" : formatChange(r.change, indicator, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
