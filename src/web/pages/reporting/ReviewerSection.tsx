/**
 * For reviewers: the reports awaiting review, each with its warnings (and the province's
 * explanations) and its changes against last quarter, with Approve and Return (with a comment);
 * the approved reports with Reopen (a recorded act, with an optional reason); then the completeness
 * board of the open period (state and lateness of every province). Every act sends the version the
 * reviewer saw, so a report changed meanwhile is refused (409) and the lists reload.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type CompletenessRow,
  type ReportSummary,
  RequestError,
  reportAction,
  useApprovedReportsQuery,
  useCompletenessQuery,
  useSubmittedReportsQuery,
} from "../../data/reporting.ts";
import { localName, useLanguage } from "../../i18n/language.tsx";
import { ReviewDetails } from "./ReviewDetails.tsx";

export function ReviewerSection({ period }: { period: string | undefined }) {
  const { t } = useLanguage();
  const reports = useSubmittedReportsQuery(true);
  const approved = useApprovedReportsQuery(true);
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
      <section className="card" aria-labelledby="approved-title">
        <div className="card__head">
          <h2 id="approved-title">{t.approvedReportsTitle}</h2>
        </div>
        {approved.isPending ? (
          <p className="status">{t.loading}</p>
        ) : approved.isError ? (
          <p className="status status--error">{approved.error.message}</p>
        ) : approved.data.length === 0 ? (
          <p>{t.noApproved}</p>
        ) : (
          <ul className="review-list" data-testid="approved-reports">
            {approved.data.map((r) => (
              <ReopenItem
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
      const version = { version: report.version };
      await reportAction(report, action, action === "return" ? { ...version, comment } : version);
      await queryClient.invalidateQueries({ queryKey: ["reporting"] });
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
      if (e instanceof RequestError && e.status === 409) {
        await queryClient.invalidateQueries({ queryKey: ["reporting"] });
      }
    } finally {
      setBusy(false);
    }
  }

  const label = row ? localName(row, lang) : `${report.geography}:${report.area}`;
  return (
    <li className="review-item" data-testid={`review-${report.geography}-${report.area}`}>
      <div>
        <strong>{label}</strong> · {report.period}
        {report.submitted_at && <span className="muted"> · {report.submitted_at.slice(0, 10)}</span>}
        {report.submitted_by && <span className="muted"> · {report.submitted_by}</span>}
      </div>
      <ReviewDetails geography={report.geography} area={report.area} period={report.period} />
      <div className="review-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void act("approve")}>
          {t.approve}
        </button>
        <label className="field">
          <span className="visually-hidden">{t.returnCommentFor(label)}</span>
          <input
            placeholder={t.returnComment}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
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

function ReopenItem({ report, row }: { report: ReportSummary; row: CompletenessRow | undefined }) {
  const { t, lang } = useLanguage();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const label = row ? localName(row, lang) : `${report.geography}:${report.area}`;

  async function reopen() {
    setBusy(true);
    setError(undefined);
    try {
      const reason = comment.trim();
      await reportAction(report, "reopen", {
        version: report.version,
        ...(reason ? { comment: reason } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ["reporting"] });
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
      if (e instanceof RequestError && e.status === 409) {
        await queryClient.invalidateQueries({ queryKey: ["reporting"] });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="review-item" data-testid={`approved-${report.geography}-${report.area}`}>
      <div>
        <strong>{label}</strong> · {report.period}
        <span className="muted"> · v{report.version}</span>
      </div>
      <div className="review-actions">
        <label className="field">
          <span className="visually-hidden">{t.reopenReasonFor(label)}</span>
          <input
            placeholder={t.reopenReason}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void reopen()}>
          {t.reopen}
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
