/**
 * For reviewers: the reports awaiting review with Approve and Return (with a comment), then the
 * completeness board of the open period (state and lateness of every province).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type CompletenessRow,
  type ReportSummary,
  RequestError,
  reportAction,
  useCompletenessQuery,
  useSubmittedReportsQuery,
} from "../../data/reporting.ts";
import { localName, useLanguage } from "../../i18n/language.tsx";

export function ReviewerSection({ period }: { period: string | undefined }) {
  const { t } = useLanguage();
  const reports = useSubmittedReportsQuery(true);
  const completeness = useCompletenessQuery(period);
  const names = new Map((completeness.data?.items ?? []).map((r) => [`${r.geography}:${r.area}`, r]));

  return (
    <>
      <section className="card" aria-labelledby="submitted-title">
        <div className="card__head">
          <h2 id="submitted-title">{t.submittedReportsTitle}</h2>
        </div>
        {reports.isPending ? (
          <p className="status">{t.loading}</p>
        ) : reports.isError ? (
          <p className="status status--error">{reports.error.message}</p>
        ) : reports.data.length === 0 ? (
          <p>{t.noSubmitted}</p>
        ) : (
          <ul className="review-list" data-testid="submitted-reports">
            {reports.data.map((r) => (
              <ReviewItem
                key={`${r.geography}-${r.area}-${r.period}`}
                report={r}
                row={names.get(`${r.geography}:${r.area}`)}
              />
            ))}
          </ul>
        )}
      </section>
      {period && (
        <section className="card" aria-labelledby="completeness-title">
          <div className="card__head">
            <h2 id="completeness-title">{t.completenessTitle(period)}</h2>
          </div>
          {completeness.isPending ? (
            <p className="status">{t.loading}</p>
          ) : completeness.isError ? (
            <p className="status status--error">{completeness.error.message}</p>
          ) : (
            <CompletenessTable rows={completeness.data.items} />
          )}
        </section>
      )}
    </>
  );
}

function ReviewItem({ report, row }: { report: ReportSummary; row: CompletenessRow | undefined }) {
  const { t, lang } = useLanguage();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function act(action: "approve" | "return") {
    setBusy(true);
    setError(undefined);
    try {
      await reportAction(report, action, action === "return" ? { comment } : {});
      await queryClient.invalidateQueries({ queryKey: ["reporting"] });
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="review-item">
      <div>
        <strong>{row ? localName(row, lang) : `${report.geography}:${report.area}`}</strong> · {report.period}
        {report.submitted_at && <span className="muted"> · {report.submitted_at.slice(0, 10)}</span>}
      </div>
      <div className="review-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void act("approve")}>
          {t.approve}
        </button>
        <label className="field">
          <span className="visually-hidden">{t.returnComment}</span>
          <input placeholder={t.returnComment} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || comment.trim() === ""}
          onClick={() => void act("return")}
        >
          {t.returnReport}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function CompletenessTable({ rows }: { rows: readonly CompletenessRow[] }) {
  const { t, lang } = useLanguage();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="completeness-table">
        <thead>
          <tr>
            <th scope="col">{t.colProvince}</th>
            <th scope="col">{t.stateLabel}</th>
            <th scope="col">{t.colSubmittedAt}</th>
            <th scope="col">{t.colLate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.geography}-${r.area}`} className={r.late ? "is-late" : undefined}>
              <th scope="row">{localName(r, lang)}</th>
              <td>
                <span className={`state state--${r.state}`}>{t.reportState(r.state)}</span>
              </td>
              <td>{r.submitted_at ? r.submitted_at.slice(0, 10) : "—"}</td>
              <td>{r.late ? t.yes : t.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
