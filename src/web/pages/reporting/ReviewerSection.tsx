/**
 * For reviewers: the reports awaiting review, each with its warnings (and the province's
 * explanations) and its changes against last quarter, with Approve and Return (with a comment);
 * the approved reports with Reopen (a recorded act, with an optional reason); then the completeness
 * board of the open period (state and lateness of every province). Every act sends the version the
 * reviewer saw, so a report changed meanwhile is refused (409) and the lists reload.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactElement, useState } from "react";
import {
  type CompletenessRow,
  type ReportSummary,
  RequestError,
  reportAction,
  useApprovedReportsQuery,
  useCompletenessQuery,
  useSubmittedReportsQuery,
} from "../../data/reporting.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { REPORTING_MESSAGES } from "./messages.ts";
import { ReviewDetails } from "./ReviewDetails.tsx";

export function ReviewerSection({ period }: { period: string | undefined }) {
  const { t } = usePageLanguage(REPORTING_MESSAGES);
  const reports = useSubmittedReportsQuery(true);
  const approved = useApprovedReportsQuery(true);
  const completeness = useCompletenessQuery(period);
  const names = new Map((completeness.data?.items ?? []).map((r) => [`${r.geography}:${r.area}`, r]));

  return (
    <>
      <ReportListSection
        id="submitted"
        title={t.submittedReportsTitle}
        empty={t.noSubmitted}
        query={reports}
        Item={ReviewItem}
        names={names}
      />
      <ReportListSection
        id="approved"
        title={t.approvedReportsTitle}
        empty={t.noApproved}
        query={approved}
        Item={ReopenItem}
        names={names}
      />
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

type ItemProps = { report: ReportSummary; row: CompletenessRow | undefined };

/** One list of reports (awaiting review, or approved) with its loading, error and empty states. */
function ReportListSection(props: {
  id: "submitted" | "approved";
  title: string;
  empty: string;
  query: ReturnType<typeof useSubmittedReportsQuery>;
  Item: (p: ItemProps) => ReactElement;
  names: ReadonlyMap<string, CompletenessRow>;
}) {
  const { t } = usePageLanguage(REPORTING_MESSAGES);
  const { query, Item } = props;
  return (
    <section className="card" aria-labelledby={`${props.id}-title`}>
      <div className="card__head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
      </div>
      {query.isPending ? (
        <p className="status">{t.loading}</p>
      ) : query.isError ? (
        <p className="status status--error">{query.error.message}</p>
      ) : query.data.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul className="review-list" data-testid={`${props.id}-reports`}>
          {query.data.map((r) => (
            <Item
              key={`${r.geography}-${r.area}-${r.period}`}
              report={r}
              row={props.names.get(`${r.geography}:${r.area}`)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({ report, row }: ItemProps) {
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
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

function ReopenItem({ report, row }: ItemProps) {
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
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
  const { t, lang } = usePageLanguage(REPORTING_MESSAGES);
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
