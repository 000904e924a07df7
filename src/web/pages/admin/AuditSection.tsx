/**
 * The audit log: filter by actor, action and a date range, page through it (newest first), and
 * download the same selection as CSV (`/api/v1/audit.csv`, formula cells neutralised by the server).
 */
import { type FormEvent, useState } from "react";
import { AUDIT_PAGE, type AuditFilters, auditCsvUrl, useAuditQuery } from "../../data/admin.ts";
import { RequestError } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";

const NONE: AuditFilters = { actor: "", action: "", from: "", to: "" };

function short(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function AuditSection() {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const [draft, setDraft] = useState<AuditFilters>(NONE);
  const [filters, setFilters] = useState<AuditFilters>(NONE);
  const [offset, setOffset] = useState(0);
  const audit = useAuditQuery(filters, offset);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    setOffset(0);
  }
  const set = (field: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card__head">
        <h2 id="audit-title">{t.adminAudit}</h2>
        <a className="button-secondary" href={auditCsvUrl(filters)} download data-testid="audit-csv">
          {t.adminAuditCsv}
        </a>
      </div>
      <form className="admin-form admin-form--inline" onSubmit={onSubmit} data-testid="audit-filters">
        <label className="field">
          <span>{t.adminAuditActor}</span>
          <input value={draft.actor} onChange={(e) => set("actor", e.target.value)} placeholder="admin@…" />
        </label>
        <label className="field">
          <span>{t.adminAuditAction}</span>
          <input
            value={draft.action}
            onChange={(e) => set("action", e.target.value)}
            placeholder="login, create…"
          />
        </label>
        <label className="field">
          <span>{t.adminAuditFrom}</span>
          <input type="date" value={draft.from} onChange={(e) => set("from", e.target.value)} />
        </label>
        <label className="field">
          <span>{t.adminAuditTo}</span>
          <input type="date" value={draft.to} onChange={(e) => set("to", e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {t.adminFilter}
          </button>
        </div>
      </form>
      {audit.isPending ? (
        <p className="status">{t.loading}</p>
      ) : audit.isError ? (
        <p className="form-error" role="alert">
          {audit.error instanceof RequestError ? audit.error.text(lang) : String(audit.error)}
        </p>
      ) : audit.data.items.length === 0 ? (
        <p>{t.noData}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table
              aria-label={t.adminAudit}
              className="data-table admin-table audit-table"
              data-testid="audit-table"
            >
              <thead>
                <tr>
                  <th scope="col">{t.adminAuditAt}</th>
                  <th scope="col">{t.adminAuditActor}</th>
                  <th scope="col">{t.adminAuditAction}</th>
                  <th scope="col">{t.adminAuditEntity}</th>
                  <th scope="col">{t.adminAuditChange}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.at.slice(0, 19).replace("T", " ")}</td>
                    <td>{a.actor}</td>
                    <td className="code audit-action">{a.action}</td>
                    <td>
                      {a.entity}
                      <div className="muted">{a.entity_key}</div>
                    </td>
                    <td className="code">
                      <div className="wrap-cell">
                        {short(a.before)} → {short(a.after)}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions pager">
            <button
              type="button"
              className="button-secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE))}
            >
              {t.adminPrevious}
            </button>
            <span className="muted" data-testid="audit-range">
              {t.adminRows(offset + 1, offset + audit.data.items.length)}
            </span>
            <button
              type="button"
              className="button-secondary"
              disabled={audit.data.next_offset === null}
              onClick={() => setOffset(audit.data.next_offset ?? offset)}
            >
              {t.adminNext}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
