/**
 * The Excel round trip in the browser: the reporter picks the filled template, the server parses and
 * checks it (nothing stored) and every problem is listed by sheet and cell; when the file is clean a
 * Confirm button sends the same file again with `confirm=true`, which stores it.
 */
import { useId, useState } from "react";
import {
  type ReportForm,
  RequestError,
  type UploadPreview,
  type UploadProblem,
  uploadReport,
} from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { REPORTING_MESSAGES } from "./messages.ts";

interface Props {
  readonly form: ReportForm;
  /** Called with the stored report after a confirmed upload. */
  readonly onStored: (report: ReportForm) => void;
}

export function UploadPanel({ form, onStored }: Props) {
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
  const inputId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [preview, setPreview] = useState<UploadPreview | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }

  const check = () =>
    run(async () => {
      if (!file) return;
      setPreview(undefined);
      const answer = await uploadReport(form, file, file.name, false);
      if (!answer.stored) setPreview(answer);
    });

  const confirm = () =>
    run(async () => {
      if (!file) return;
      const answer = await uploadReport(form, file, file.name, true);
      if (answer.stored) {
        setPreview(undefined);
        setFile(undefined);
        setNotice(t.uploadStored);
        onStored(answer.report);
      }
    });

  const filled = preview ? Object.values(preview.values).filter((v) => v !== null).length : 0;

  return (
    <section className="upload-panel" aria-labelledby={`${inputId}-title`} data-testid="upload-panel">
      <h3 id={`${inputId}-title`}>{t.uploadTitle}</h3>
      <p className="muted">{t.uploadIntro}</p>
      <div className="upload-row">
        <label className="field" htmlFor={inputId}>
          <span>{t.uploadFileLabel}</span>
          <input
            id={inputId}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="upload-file"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setPreview(undefined);
              setNotice(undefined);
              setError(undefined);
            }}
          />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || !file}
          onClick={() => void check()}
          data-testid="upload-check"
        >
          {busy && !preview ? t.uploadChecking : t.uploadCheck}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="upload-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="form-notice" role="status" data-testid="upload-notice">
          {notice}
        </p>
      )}
      {preview && (
        <div className="upload-preview" data-testid="upload-preview" aria-live="polite">
          {preview.problems.length > 0 ? (
            <>
              <p className="form-error" role="alert">
                {t.uploadProblems(preview.problems.length)}
              </p>
              <ProblemTable problems={preview.problems} />
            </>
          ) : (
            <>
              <p className="form-notice">{t.uploadClean(filled)}</p>
              <button
                type="button"
                className="button-primary"
                disabled={busy}
                onClick={() => void confirm()}
                data-testid="upload-confirm"
              >
                {busy ? t.saving : t.uploadConfirm}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function ProblemTable({ problems }: { problems: readonly UploadProblem[] }) {
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
  return (
    <div className="table-scroll">
      <table
        aria-label={t.uploadProblems(problems.length)}
        className="data-table upload-problems"
        data-testid="upload-problems"
      >
        <thead>
          <tr>
            <th scope="col">{t.colSheet}</th>
            <th scope="col">{t.colCell}</th>
            <th scope="col">{t.colElement}</th>
            <th scope="col">{t.colProblem}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // Problems have no identity of their own; their order is the server's and stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              <td>{p.sheet ?? "—"}</td>
              <td className="code">{p.cell ?? "—"}</td>
              <td className="code">{p.element ?? "—"}</td>
              <td>{lang === "vi" ? p.message_vi : p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
