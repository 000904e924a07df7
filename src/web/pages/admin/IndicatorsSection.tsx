/** The indicator catalogue as stored: formula, unit, frequency, source and every target (read only). */
import { useCatalogueQuery } from "../../data/admin.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { LOCALES } from "../../lib/format.ts";
import { formatPlain } from "../../lib/report-input.ts";
import { ADMIN_MESSAGES } from "./messages.ts";

export function IndicatorsSection() {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const indicators = useCatalogueQuery();
  return (
    <section className="card" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t.adminIndicators}</h2>
      <p className="card__intro">{t.adminIndicatorsIntro}</p>
      {indicators.isPending ? (
        <p className="status">{t.loading}</p>
      ) : indicators.isError ? (
        <p className="status status--error">{indicators.error.message}</p>
      ) : (
        <div className="table-scroll">
          <table
            aria-label={t.adminIndicators}
            className="data-table admin-table"
            data-testid="indicators-table"
          >
            <thead>
              <tr>
                <th scope="col">{t.adminIndicator}</th>
                <th scope="col">{t.adminFormula}</th>
                <th scope="col">{t.colUnit}</th>
                <th scope="col">{t.adminFrequency}</th>
                <th scope="col">{t.target}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.data.map((i) => (
                <tr key={i.code}>
                  <th scope="row">
                    {localName(i, lang)}
                    <div className="muted code">{i.code}</div>
                  </th>
                  <td className="code">
                    <div className="wrap-cell">{i.formula}</div>
                  </td>
                  <td>{i.unit}</td>
                  <td>{t.adminFrequencyName(i.frequency)}</td>
                  <td>
                    {i.targets.length === 0
                      ? "—"
                      : i.targets.map((g) => (
                          <div key={`${g.geography}-${g.area}-${g.year}-${g.comparator}`}>
                            {g.area} · {g.comparator} {formatPlain(g.value, LOCALES[lang])} ({g.year})
                            <span className="muted"> — {g.source}</span>
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
