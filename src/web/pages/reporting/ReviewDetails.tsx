/**
 * What a reviewer needs to judge a submitted report without opening it: the warnings with the
 * province's explanations, and the changes against the previous quarter, largest first (a table,
 * so it reads the same with a screen reader).
 */
import { type ReportForm, useReportQuery } from "../../data/reporting.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { formatPercent, LOCALES } from "../../lib/format.ts";
import { formatPlain } from "../../lib/report-input.ts";
import { REPORTING_MESSAGES } from "./messages.ts";

export interface Change {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly value: number | null;
  readonly previous: number | null;
  /** Relative change in percent; null when there is no previous value or it is zero. */
  readonly changePct: number | null;
}

/** Every element's change against the previous quarter, largest relative change first. */
export function changesOf(form: ReportForm): Change[] {
  const out: Change[] = [];
  for (const s of form.sections) {
    for (const e of s.elements) {
      if (e.value === null && e.previous === null) continue;
      const changePct =
        e.value !== null && e.previous !== null && e.previous !== 0
          ? ((e.value - e.previous) / Math.abs(e.previous)) * 100
          : null;
      out.push({
        code: e.code,
        name_vi: e.name_vi,
        name_en: e.name_en,
        value: e.value,
        previous: e.previous,
        changePct,
      });
    }
  }
  return out.sort((a, b) => Math.abs(b.changePct ?? 0) - Math.abs(a.changePct ?? 0));
}

export function ReviewDetails({
  geography,
  area,
  period,
}: {
  geography: string;
  area: string;
  period: string;
}) {
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
  const report = useReportQuery(geography, area, period);
  if (report.isPending) return <p className="status">{t.loading}</p>;
  if (report.isError) return <p className="status status--error">{report.error.message}</p>;
  const form = report.data;
  const comments = new Map<string, string>();
  const names = new Map<string, string>();
  for (const s of form.sections)
    for (const e of s.elements) {
      names.set(e.code, localName(e, lang));
      if (e.comment) comments.set(e.code, e.comment);
    }
  const warnings = form.validation.issues.filter((i) => i.severity === "warning");
  const changes = changesOf(form);
  const locale = LOCALES[lang];
  return (
    <div className="review-details">
      <h4>{t.reviewWarnings(warnings.length)}</h4>
      {warnings.length > 0 && (
        <ul className="issue-list review-warnings" data-testid="review-warnings">
          {warnings.map((w) => (
            <li key={`${w.code}-${w.elements.join(",")}-${w.message}`} className="issue issue--warning">
              {lang === "vi" ? w.message_vi : w.message}
              {w.elements.map((code) => (
                <div key={code} className="review-comment">
                  {t.reviewCommentOf(names.get(code) ?? code)}{" "}
                  {comments.get(code) ? (
                    <q>{comments.get(code)}</q>
                  ) : (
                    <em className="muted">{t.reviewNoComment}</em>
                  )}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      <details className="review-changes">
        <summary>{t.reviewChanges(changes.length)}</summary>
        <div className="table-scroll">
          <table
            aria-label={t.reviewChanges(changes.length)}
            className="data-table"
            data-testid="review-changes"
          >
            <thead>
              <tr>
                <th scope="col">{t.colElement}</th>
                <th scope="col" className="num">
                  {t.colPrevious}
                </th>
                <th scope="col" className="num">
                  {t.colValue}
                </th>
                <th scope="col" className="num">
                  {t.colChange}
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.code} data-code={c.code}>
                  <th scope="row">{localName(c, lang)}</th>
                  <td className="num">{formatPlain(c.previous, locale)}</td>
                  <td className="num">{formatPlain(c.value, locale)}</td>
                  <td className="num">
                    {c.changePct === null
                      ? "—"
                      : `${c.changePct > 0 ? "+" : ""}${formatPercent(c.changePct, lang, 1)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
