/**
 * One report's form: sections by pillar, each element with its unit, the previous quarter and an
 * input; an explanation field for every element with a warning. Save stores the values and shows the
 * server's validation; Submit shows the server's refusal (422) when there is one. Both send the
 * version the reporter saw: when someone changed the report meanwhile (409) the current state is
 * reloaded and the reporter's typing stays in the fields, each one that differs showing the stored
 * value, so they can re-apply or drop their edits. Obvious slips (text, fractions of a count, values
 * out of bounds) are flagged while typing; the server's checks stay authoritative.
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
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import type { Messages } from "../../i18n/messages.ts";
import { formatNumber, type Lang, LOCALES } from "../../lib/format.ts";
import { checkInput, formatPlain, type InputProblem, parseInput } from "../../lib/report-input.ts";
import type { ReportingMessages } from "./messages.ts";
import { REPORTING_MESSAGES } from "./messages.ts";
import { UploadPanel } from "./UploadPanel.tsx";

interface Props {
  readonly geography: string;
  readonly area: string;
  readonly period: string;
}

export function ReportFormSection({ geography, area, period }: Props) {
  const { t } = usePageLanguage(REPORTING_MESSAGES);
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

function sameValue(typed: string, stored: number | null): boolean {
  const n = parseInput(typed);
  return n === stored || (n !== null && stored !== null && Math.abs(n - stored) < 1e-9);
}

function FormBody({ form }: { form: ReportForm }) {
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(form));
  const [comments, setComments] = useState(() => initialComments(form));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // After a 409: the reloaded report differs from what the reporter typed; show where.
  const [conflict, setConflict] = useState(false);
  const key = reportKey(form.geography, form.area, form.period);
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
      if (e instanceof RequestError && e.status === 409) {
        setConflict(true);
        setError(`${t.conflictMessage} (${e.text(lang)})`);
        await queryClient.invalidateQueries({ queryKey: key });
      } else {
        setError(e instanceof RequestError ? e.text(lang) : String(e));
      }
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const numbers: Record<string, number | null> = {};
      for (const [code, text] of Object.entries(values)) {
        const n = parseInput(text);
        if (n !== null && !Number.isFinite(n)) throw new Error(t.inputNotNumber(code));
        numbers[code] = n;
      }
      const kept: Record<string, string> = {};
      for (const [code, c] of Object.entries(comments)) if (c.trim() !== "") kept[code] = c.trim();
      const saved = await saveReport(form.geography, form.area, form.period, numbers, kept, form.version);
      queryClient.setQueryData(key, saved);
      setConflict(false);
      setNotice(t.saved);
    });

  const submit = () =>
    run(async () => {
      await reportAction(form, "submit", form.version !== null ? { version: form.version } : {});
      await queryClient.invalidateQueries({ queryKey: key });
      setConflict(false);
      setNotice(t.submitted);
    });

  /** Drops the reporter's edits: the fields show what is stored. */
  const takeStored = (report: ReportForm) => {
    setValues(initialValues(report));
    setComments(initialComments(report));
    setConflict(false);
    setError(undefined);
  };

  const onUploaded = (report: ReportForm) => {
    queryClient.setQueryData(key, report);
    takeStored(report);
    setNotice(t.uploadStored);
  };

  const returned =
    form.state === "returned"
      ? [...(form.events ?? [])].reverse().find((e) => e.action === "return")
      : undefined;
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
      {returned?.comment && (
        <p className="form-error" data-testid="returned-comment">
          {t.returnedWith(returned.actor, returned.comment)}
        </p>
      )}
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
      {conflict && (
        <p className="form-actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => takeStored(form)}
            data-testid="conflict-discard"
          >
            {t.conflictDiscard}
          </button>
        </p>
      )}
      {editable && <UploadPanel form={form} onStored={onUploaded} />}
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
                    const typed = values[el.code] ?? "";
                    const slip = checkInput(el, typed);
                    const differs = conflict && !sameValue(typed, el.value);
                    return (
                      <tr key={el.code} data-code={el.code}>
                        <th scope="row">
                          <label htmlFor={id}>{localName(el, lang)}</label>
                          <div className="muted code">
                            {el.code}
                            {el.frequency === "annual" && (
                              <span className="badge-annual" title={t.annualElementHelp}>
                                {t.annualElement}
                              </span>
                            )}
                          </div>
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
                            value={typed}
                            aria-invalid={slip ? true : undefined}
                            aria-describedby={slip || differs ? `${id}-hint` : undefined}
                            onChange={(e) => setValues((v) => ({ ...v, [el.code]: e.target.value }))}
                          />
                          {(slip || differs) && (
                            <div id={`${id}-hint`} className="input-hints">
                              {slip && (
                                <span className="input-slip" data-testid={`slip-${el.code}`}>
                                  {slipText(t, slip, lang)}
                                </span>
                              )}
                              {differs && (
                                <span className="input-stored" data-testid={`stored-${el.code}`}>
                                  {t.conflictStored(formatPlain(el.value, LOCALES[lang]))}
                                </span>
                              )}
                            </div>
                          )}
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

function slipText(t: Messages & ReportingMessages, slip: InputProblem, lang: Lang): string {
  switch (slip.kind) {
    case "not_number":
      return t.slipNotNumber;
    case "not_integer":
      return t.slipNotInteger;
    case "below":
      return t.slipBelow(formatPlain(slip.limit, LOCALES[lang]));
    case "above":
      return t.slipAbove(formatPlain(slip.limit, LOCALES[lang]));
  }
}
