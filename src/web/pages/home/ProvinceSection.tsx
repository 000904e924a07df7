/**
 * Provinces and cities in one table: 2025 geography by default (switch to 2008), the latest year the
 * chosen series has, three digital-economy indicators, sortable columns and a name filter that
 * ignores diacritics.
 */
import { useId, useMemo, useState } from "react";
import type { Geography } from "../../../domain/area.ts";
import type { SeriesCode } from "../../../domain/catalog.ts";
import { useDemoNotice } from "../../components/demo-notice.tsx";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import {
  useAreasQuery,
  useIndicatorsQuery,
  useObservationsQuery,
  useSeriesQuery,
} from "../../data/queries.ts";
import type { IndicatorDto } from "../../data/types.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { formatPercent } from "../../lib/format.ts";
import {
  ECOM_SHARE_RETAIL,
  PROVINCE_DE_SHARE_CANDIDATES,
  pickIndicator,
  SME_DIGITAL_PLATFORM,
} from "../../lib/indicators.ts";
import { HOME_MESSAGES } from "./messages.ts";
import {
  buildProvinceRows,
  type Cell,
  type ColumnIndicators,
  defaultSeries,
  filterRows,
  latestYearBySeries,
  nextSort,
  type SortColumn,
  type SortState,
  sortRows,
  type ValueColumn,
} from "./province-table-model.ts";

function columnIndicators(indicators: readonly IndicatorDto[]): ColumnIndicators {
  return {
    de: pickIndicator(PROVINCE_DE_SHARE_CANDIDATES, indicators),
    ecom: pickIndicator([ECOM_SHARE_RETAIL], indicators),
    sme: pickIndicator([SME_DIGITAL_PLATFORM], indicators),
  };
}

function ValueCell({ cell, decimals }: { cell: Cell | null; decimals: number }) {
  const { lang, t } = usePageLanguage(HOME_MESSAGES);
  if (!cell || cell.value === null) {
    return (
      <td className="num muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t.missingValue}</span>
      </td>
    );
  }
  return (
    <td className="num">
      {formatPercent(cell.value, lang, decimals)}
      {cell.complete ? null : (
        <span className="incomplete-mark" title={t.incompleteTitle(cell.missing.join(", "))}>
          <span aria-hidden="true">*</span>
          <span className="visually-hidden"> ({t.incomplete})</span>
        </span>
      )}
    </td>
  );
}

function SortHeader({
  column,
  label,
  title,
  sort,
  onSort,
  numeric,
  className,
}: {
  column: SortColumn;
  label: string;
  title?: string;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  numeric?: boolean;
  className?: string;
}) {
  const { t } = usePageLanguage(HOME_MESSAGES);
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={[numeric ? "num" : "", className ?? ""].join(" ").trim() || undefined}
    >
      <button
        type="button"
        className="sort-button"
        title={title ?? t.sortBy(label)}
        onClick={() => onSort(column)}
      >
        {label}
        <span className={active ? "sort-icon sort-icon--active" : "sort-icon"} aria-hidden="true">
          {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

export function ProvinceSection() {
  const { lang, t } = usePageLanguage(HOME_MESSAGES);
  const filterId = useId();
  const [geography, setGeography] = useState<Geography>("2025");
  const [chosenSeries, setChosenSeries] = useState<SeriesCode | undefined>();
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortState>({ column: "name", direction: "asc" });

  const indicators = useIndicatorsQuery();
  const provinces = useAreasQuery(geography, "province");
  const regions = useAreasQuery(geography, "region");
  const seriesList = useSeriesQuery();
  const columns = useMemo(() => columnIndicators(indicators.data ?? []), [indicators.data]);
  const codes = [columns.de, columns.ecom, columns.sme].filter((c): c is string => c !== undefined);
  const observations = useObservationsQuery(
    { indicator: codes, geography, level: "province", periodKind: "Y" },
    { enabled: indicators.isSuccess && codes.length > 0 },
  );

  const latest = useMemo(() => latestYearBySeries(observations.data ?? []), [observations.data]);
  const series =
    chosenSeries !== undefined && latest.has(chosenSeries) ? chosenSeries : defaultSeries(latest);
  const year = series !== undefined ? latest.get(series) : undefined;
  const seriesInfo = seriesList.data?.find((s) => s.code === series);
  useDemoNotice(seriesInfo?.is_demo ?? series === "demo");

  const rows = useMemo(() => {
    if (!provinces.data || !regions.data) return undefined;
    const all = buildProvinceRows({
      provinces: provinces.data,
      regions: regions.data,
      observations: observations.data ?? [],
      series: series ?? "",
      year: year ?? Number.NaN,
      columns,
      lang,
    });
    return { total: all.length, shown: sortRows(filterRows(all, query), sort, lang) };
  }, [provinces.data, regions.data, observations.data, series, year, columns, lang, query, sort]);

  const decimalsOf = (code: string | undefined) =>
    indicators.data?.find((i) => i.code === code)?.decimals ?? 1;
  const nameOf = (code: string | undefined) => {
    const found = indicators.data?.find((i) => i.code === code);
    return found ? localName(found, lang) : undefined;
  };
  const valueColumns: { column: ValueColumn; label: string }[] = [
    { column: "de", label: t.colDeShare },
    { column: "ecom", label: t.colEcom },
    { column: "sme", label: t.colSme },
  ];
  const geographyName = geography === "2025" ? "2025" : "2008";
  const yearText = year !== undefined ? String(year) : "—";
  const ready = rows && indicators.data && (observations.data || codes.length === 0);
  const seriesWithData = [...latest.keys()];
  const anyIncomplete =
    rows?.shown.some((r) => Object.values(r.cells).some((c) => c && !c.complete)) ?? false;

  return (
    <section className="card" aria-labelledby="provinces-title" data-testid="provinces">
      <div className="card__head">
        <h2 id="provinces-title">{t.provincesTitle}</h2>
      </div>
      <div className="controls">
        <fieldset className="segmented">
          <legend>{t.geographyLabel}</legend>
          {(["2025", "2008"] as const).map((g) => (
            <label key={g} className={geography === g ? "segmented__option is-checked" : "segmented__option"}>
              <input
                type="radio"
                name="geography"
                value={g}
                checked={geography === g}
                onChange={() => setGeography(g)}
              />
              {g === "2025" ? t.geography2025 : t.geography2008}
            </label>
          ))}
        </fieldset>
        {seriesWithData.length > 1 ? (
          <label className="field">
            <span>{t.seriesLabel}</span>
            <select value={series} onChange={(e) => setChosenSeries(e.target.value)}>
              {seriesWithData.map((code) => {
                const info = seriesList.data?.find((s) => s.code === code);
                return (
                  <option key={code} value={code}>
                    {info ? localName(info, lang) : code} ({latest.get(code)})
                  </option>
                );
              })}
            </select>
          </label>
        ) : null}
        <div className="field field--grow">
          <label htmlFor={filterId}>{t.filterLabel}</label>
          <input
            id={filterId}
            type="search"
            value={query}
            placeholder={t.filterPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="province-filter"
          />
        </div>
      </div>

      {!ready ? (
        <QueryStatus queries={[indicators, provinces, regions, observations]} />
      ) : (
        <>
          <p className="card__intro">
            {year !== undefined ? t.provincesIntro(yearText, geographyName) : t.provincesNoYear}
            {seriesInfo ? ` ${t.seriesLabel}: ${localName(seriesInfo, lang)}.` : ""}
          </p>
          <p className="count" role="status" aria-live="polite" data-testid="province-count">
            {t.filterCount(rows.shown.length, rows.total)}
          </p>
          <div className="table-scroll">
            <table className="data-table data-table--provinces" data-testid="province-table">
              <caption className="visually-hidden">
                {t.tableCaptionProvinces(yearText, geographyName)}
              </caption>
              <thead>
                <tr>
                  <SortHeader
                    column="name"
                    label={t.colProvince}
                    sort={sort}
                    onSort={(c) => setSort(nextSort(sort, c))}
                  />
                  <SortHeader
                    column="region"
                    label={t.colRegion}
                    sort={sort}
                    onSort={(c) => setSort(nextSort(sort, c))}
                    className="col-region"
                  />
                  {valueColumns.map((c) => (
                    <SortHeader
                      key={c.column}
                      column={c.column}
                      label={c.label}
                      title={nameOf(columns[c.column])}
                      sort={sort}
                      onSort={(col) => setSort(nextSort(sort, col))}
                      numeric
                    />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.shown.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <span lang="vi">{r.name}</span>
                      <span className="row-sub" aria-hidden="true">
                        {r.region}
                      </span>
                    </th>
                    <td className="col-region">{r.region}</td>
                    {valueColumns.map((c) => (
                      <ValueCell
                        key={c.column}
                        cell={r.cells[c.column]}
                        decimals={decimalsOf(columns[c.column])}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.shown.length === 0 ? <p className="status">{t.filterNone(query)}</p> : null}
          {anyIncomplete ? <p className="source-note">{t.incompleteNote}</p> : null}
        </>
      )}
    </section>
  );
}
