/**
 * One report's form: sections by pillar, each element with its unit, the previous quarter and an
 * input; an explanation field for every element with a warning. Save stores the values and shows the
 * server's validation; Submit shows the server's refusal (422) when there is one.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ReportForm,
  RequestError,
  reportAction,
  reportKey,
  saveReport,
  templateUrl,
  useReportQuery,
} from "../../data/reporting.ts";
import { localName, useLanguage } from "../../i18n/language.tsx";
import { formatNumber } from "../../lib/format.ts";

interface Props {
  readonly geography: string;
  readonly area: string;
  readonly period: string;
}

export function ReportFormSection({ geography, area, period }: Props) {
  const { t } = useLanguage();
  const report = useReportQuery(geography, area, period);
  if (report.isPending) return <p className="status">{t.loading}</p>;
  if (report.isError) {
    return (
      <p className="status status--error" role="alert">
        {report.error.message}
      </p>
    );
  }
  return <FormBody form={report.data} />;
}

function initialValues(form: ReportForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of form.sections)
    for (const e of s.elements) out[e.code] = e.value === null ? "" : String(e.value);
  return out;
}

function initialComments(form: ReportForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of form.sections) for (const e of s.elements) if (e.comment) out[e.code] = e.comment;
  return out;
}

function FormBody({ form }: { form: ReportForm }) {
  const { t, lang } = useLanguage();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(form));
  const [comments, setComments] = useState(() => initialComments(form));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const editable = form.state === "not_started" || form.state === "draft" || form.state === "returned";

  const warned = new Set(
    form.validation.issues.filter((i) => i.severity === "warning").flatMap((i) => i.elements),
  );

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setNotice(undefined);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const numbers: Record<string, number | null> = {};
      for (const [code, text] of Object.entries(values)) {
        const trimmed = text.trim().replace(",", ".");
        numbers[code] = trimmed === "" ? null : Number(trimmed);
      }
      const kept: Record<string, string> = {};
      for (const [code, c] of Object.entries(comments)) if (c.trim() !== "") kept[code] = c.trim();
      const saved = await saveReport(form.geography, form.area, form.period, numbers, kept);
      queryClient.setQueryData(reportKey(form.geography, form.area, form.period), saved);
      setNotice(t.saved);
    });

  const submit = () =>
    run(async () => {
      await reportAction(form, "submit");
      await queryClient.invalidateQueries({ queryKey: reportKey(form.geography, form.area, form.period) });
      setNotice(t.submitted);
    });

  const areaName = localName({ name_vi: form.area_name_vi, name_en: form.area_name_en }, lang);

  return (
    <section className="card report-form" aria-labelledby="report-title" data-testid="report-form">
      <div className="card__head">
        <h2 id="report-title">
          {areaName} · {form.period}
        </h2>
        <a className="button-secondary" href={templateUrl(form.geography, form.area, form.period)} download>
          {t.downloadTemplate}
        </a>
      </div>
      <p className="report-meta">
        {t.stateLabel}:{" "}
        <strong className={`state state--${form.state}`} data-testid="report-state">
          {t.reportState(form.state)}
        </strong>
        {form.version !== null && <span className="muted"> · v{form.version}</span>}
      </p>
      {notice && (
        <p className="form-notice" role="status" data-testid="report-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {form.sections.map((section) => (
          <fieldset key={section.pillar} className="report-section">
            <legend>{localName(section, lang)}</legend>
            <div className="table-scroll">
              <table className="data-table report-table">
                <thead>
                  <tr>
                    <th scope="col">{t.colElement}</th>
                    <th scope="col">{t.colUnit}</th>
                    <th scope="col" className="num">
                      {t.colPrevious}
                    </th>
                    <th scope="col">{t.colValue}</th>
                  </tr>
                </thead>
                <tbody>
                  {section.elements.map((el) => {
                    const id = `el-${el.code}`;
                    return (
                      <tr key={el.code} data-code={el.code}>
                        <th scope="row">
                          <label htmlFor={id}>{localName(el, lang)}</label>
                          <div className="muted code">{el.code}</div>
                        </th>
                        <td className="muted">{t.unit(el.unit)}</td>
                        <td className="num">
                          {formatNumber(el.previous, lang, el.value_type === "integer" ? 0 : 1)}
                        </td>
                        <td>
                          <input
                            id={id}
                            className="value-input"
                            inputMode="decimal"
                            disabled={!editable}
                            data-testid={`value-${el.code}`}
                            value={values[el.code] ?? ""}
                            onChange={(e) => setValues((v) => ({ ...v, [el.code]: e.target.value }))}
                          />
                          {warned.has(el.code) && (
                            <label className="comment-field">
                              <span>{t.commentLabel}</span>
                              <input
                                disabled={!editable}
                                data-testid={`comment-${el.code}`}
                                value={comments[el.code] ?? ""}
                                onChange={(e) => setComments((c) => ({ ...c, [el.code]: e.target.value }))}
                              />
                            </label>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </fieldset>
        ))}
        {editable && (
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? t.saving : t.save}
            </button>
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void submit()}>
              {t.submit}
            </button>
          </div>
        )}
      </form>
      <div className="validation" data-testid="validation">
        <h3>{t.validationTitle(form.validation.errors, form.validation.warnings)}</h3>
        <ul className="issue-list">
          {form.validation.issues.map((issue) => (
            <li
              key={`${issue.severity}-${issue.code}-${issue.elements.join(",")}-${issue.message}`}
              className={`issue issue--${issue.severity}`}
            >
              <strong>{t.severity(issue.severity)}:</strong>{" "}
              {lang === "vi" ? issue.message_vi : issue.message}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
