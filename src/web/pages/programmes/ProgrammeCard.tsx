/**
 * One programme: title, status (badge and where it comes from), lead, deadline, progress; its
 * details open on demand: both statuses, the indicators with their progress classes, evidence links,
 * updates, and for reviewers the forms to post an update and to set the status with a reason.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  PROGRAMMES_KEY,
  type ProgrammeDto,
  type ProgrammeStatus,
  postProgrammeUpdate,
  setProgrammeStatus,
} from "../../data/programmes.ts";
import { RequestError } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { formatNumber } from "../../lib/format.ts";
import { PROGRAMMES_MESSAGES } from "./messages.ts";
import { formatDay, leadText } from "./programme-format.ts";
import { StatusBadge } from "./StatusBadge.tsx";

const STATUSES: readonly ProgrammeStatus[] = ["not_started", "on_track", "at_risk", "late", "done"];
const COMPARATOR: Readonly<Record<string, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

export function ProgrammeCard({ programme: p, canEdit }: { programme: ProgrammeDto; canEdit: boolean }) {
  const { t, lang } = usePageLanguage(PROGRAMMES_MESSAGES);
  const title = lang === "vi" ? p.title_vi : p.title_en;
  const headingId = `programme-${p.id}-title`;
  const at = (iso: string) => formatDay(iso.slice(0, 10), lang);

  return (
    <article className="card programme" aria-labelledby={headingId} data-testid={`programme-${p.id}`}>
      <div className="programme__head">
        <h3 id={headingId}>{title}</h3>
        <StatusBadge status={p.status} />
      </div>
      <p className="programme__meta">
        <span>
          {t.colLead}: {leadText(p, lang)}
        </span>
        <span>{t.deadlineText(p.deadline ? formatDay(p.deadline, lang) : t.noDeadline)}</span>
        {p.scope && <span>{t.scopeText(lang === "vi" ? p.scope.name_vi : p.scope.name_en)}</span>}
        <span className="programme__source">({t.programmeStatusSource(p.status_source)})</span>
      </p>
      <div className="programme__progress">
        <span>{p.progress === null ? t.progressUnknown : t.progressText(p.progress)}</span>
        {p.progress !== null && (
          <span className="progress-bar" aria-hidden="true">
            <span className="progress-bar__fill" style={{ width: `${p.progress}%` }} />
          </span>
        )}
      </div>
      <details className="programme__details">
        <summary>{t.showDetails}</summary>
        <ul className="programme__statuses">
          <li>
            {p.reviewer_status
              ? t.statusFromReviewer(
                  t.programmeStatus(p.reviewer_status.status),
                  p.reviewer_status.reason,
                  p.reviewer_status.by,
                  at(p.reviewer_status.at),
                )
              : `${t.programmeStatusSource("reviewer")}: —`}
          </li>
          <li>
            {p.derived_status
              ? t.statusFromIndicators(
                  t.programmeStatus(p.derived_status.status),
                  t.rag(p.derived_status.rag),
                )
              : t.statusNoIndicators}
          </li>
        </ul>
        <h4>{t.indicatorsTitle}</h4>
        {p.indicators.length === 0 ? (
          <p>{t.noIndicators}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.colIndicator}</th>
                  <th scope="col" className="num">
                    {t.colLatest}
                  </th>
                  <th scope="col">{t.target}</th>
                  <th scope="col">{t.colProgressClass}</th>
                </tr>
              </thead>
              <tbody>
                {p.indicators.map((i) => (
                  <tr key={i.code}>
                    <th scope="row">{lang === "vi" ? i.name_vi : i.name_en}</th>
                    <td className="num">
                      {i.latest
                        ? `${formatNumber(i.latest.value, lang, 1)}${i.unit === "percent" ? "%" : ""} (${i.latest.year}${
                            i.series ? `, ${t.seriesName(i.series)}` : ""
                          })`
                        : "—"}
                    </td>
                    <td>
                      {i.target
                        ? `${COMPARATOR[i.target.comparator] ?? i.target.comparator} ${formatNumber(i.target.value, lang, 0)}${
                            i.unit === "percent" ? "%" : ""
                          } (${i.target.year})`
                        : "—"}
                    </td>
                    <td>
                      {i.class ? (
                        <span className={`rag rag--${i.rag ?? "none"}`}>{t.progressClass(i.class)}</span>
                      ) : (
                        t.progressClass("insufficient_data")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h4>{t.evidenceTitle}</h4>
        {p.evidence.length === 0 ? (
          <p>{t.noEvidence}</p>
        ) : (
          <ul>
            {p.evidence.map((e) => (
              <li key={e.url}>
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                  {e.label ?? e.url}
                </a>
              </li>
            ))}
          </ul>
        )}
        <h4>{t.updatesTitle}</h4>
        {p.updates.length === 0 ? (
          <p>{t.noUpdates}</p>
        ) : (
          <ol className="programme__updates" data-testid="programme-updates">
            {p.updates.map((u) => (
              <li key={u.id}>
                <time dateTime={u.at}>{at(u.at)}</time> · <strong>{u.author}</strong>: {u.text}
              </li>
            ))}
          </ol>
        )}
        {canEdit && <ReviewerForms programme={p} />}
      </details>
    </article>
  );
}

function ReviewerForms({ programme: p }: { programme: ProgrammeDto }) {
  const { t, lang } = usePageLanguage(PROGRAMMES_MESSAGES);
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<ProgrammeStatus | "">(p.reviewer_status?.status ?? "");
  const [reason, setReason] = useState("");
  const [progress, setProgress] = useState(p.progress === null ? "" : String(p.progress));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: PROGRAMMES_KEY });
      return true;
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function onUpdate(e: FormEvent) {
    e.preventDefault();
    if (await run(() => postProgrammeUpdate(p.id, text))) setText("");
  }
  async function onStatus(e: FormEvent) {
    e.preventDefault();
    const pr = progress.trim() === "" ? null : Number(progress);
    if (await run(() => setProgrammeStatus(p.id, p.version, status === "" ? null : status, reason, pr))) {
      setReason("");
    }
  }

  return (
    <div className="programme__edit">
      <h4>{t.reviewerTools}</h4>
      <form onSubmit={onUpdate} className="programme__form">
        <label className="field field--grow">
          <span>{t.updateLabel}</span>
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={2}
            maxLength={5000}
            required
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy || text.trim() === ""}>
          {t.postUpdate}
        </button>
      </form>
      <form onSubmit={onStatus} className="programme__form">
        <label className="field">
          <span>{t.statusLabel}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as ProgrammeStatus | "")}>
            <option value="">{t.statusAuto}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.programmeStatus(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--grow">
          <span>{t.reasonLabel}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
            required={status !== ""}
          />
        </label>
        <label className="field">
          <span>{t.progressLabel}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
            className="value-input"
          />
        </label>
        <button type="submit" className="button-secondary" disabled={busy}>
          {t.setStatus}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
