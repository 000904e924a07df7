/**
 * `/releases`: the releases with their time in Vietnam (the embargo), their counts of changes and
 * revision notes; one release's changes (new, revised old → new, withdrawn) and its downloads.
 * Reviewers and admins, logged in, also prepare, schedule and delete releases here, and preview a
 * release that is not out yet: its changes, its values and its quarterly report (the API answers
 * them only to a session, `private, no-store`; the public gets 404 until the release time).
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  deleteRelease,
  EXPORT_FORMATS,
  prepareRelease,
  RELEASES_KEY,
  type ReleaseDto,
  releaseDataUrl,
  releaseReportUrl,
  scheduleRelease,
  useReleaseQuery,
  useReleasesQuery,
  useReleaseValuesQuery,
} from "../../data/releases.ts";
import { RequestError, useSessionQuery } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import type { Lang } from "../../lib/format.ts";
import { RELEASES_MESSAGES } from "./messages.ts";

/** `2026-12-15T09:00:00+07:00` → `15/12/2026 09:00 (UTC+07:00)`. */
function vietnamTime(local: string | null): string {
  if (!local) return "—";
  const [date, time] = local.split("T") as [string, string];
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y} ${time.slice(0, 5)} (UTC+07:00)`;
}

function num(v: number | null, lang: Lang): string {
  return v === null ? "—" : v.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 3 });
}

function errorText(e: unknown, lang: Lang): string {
  if (e instanceof RequestError) return e.text(lang);
  return String(e);
}

export function ReleasesPage() {
  const { t } = usePageLanguage(RELEASES_MESSAGES);
  const session = useSessionQuery();
  const role = session.data?.user.role;
  const staff = role === "reviewer" || role === "admin";
  const releases = useReleasesQuery();
  const [shown, setShown] = useState<number | undefined>(undefined);
  return (
    <>
      <section className="card">
        <h2>{t.releasesTitle}</h2>
        <p>{t.releasesIntro}</p>
        {releases.isPending ? (
          <p className="status">{t.loading}</p>
        ) : releases.isError ? (
          <p className="status status--error">{String(releases.error)}</p>
        ) : releases.data.length === 0 ? (
          <p>{t.releasesNone}</p>
        ) : (
          <ReleaseTable items={releases.data} onShow={setShown} />
        )}
      </section>
      {staff && <PrepareForm />}
      {staff &&
        releases.data
          ?.filter((r) => r.state !== "published")
          .map((r) => <ScheduleForm key={r.id} release={r} />)}
      {shown !== undefined && <ReleaseChanges id={shown} />}
    </>
  );
}

function ReleaseTable({ items, onShow }: { items: readonly ReleaseDto[]; onShow: (id: number) => void }) {
  const { t } = usePageLanguage(RELEASES_MESSAGES);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="releases-table">
        <caption>{t.releasesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colRelease}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colReleaseAt}</th>
            <th scope="col">{t.colChanges}</th>
            <th scope="col">{t.colNote}</th>
            <th scope="col">{t.colDownloads}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <button type="button" className="button-secondary" onClick={() => onShow(r.id)}>
                  {r.id} · {t.releaseShow}
                </button>
              </th>
              <td>{r.period}</td>
              <td>{t.releaseState(r.state)}</td>
              <td>{vietnamTime(r.release_at_local)}</td>
              <td>{t.changeCounts(r.counts.new, r.counts.revised, r.counts.withdrawn)}</td>
              <td>{r.note ?? ""}</td>
              <td>
                <span className="download-links">
                  {EXPORT_FORMATS.map((f) => (
                    <a
                      key={f}
                      href={releaseDataUrl(r.id, f)}
                      download
                      aria-label={`${t.colRelease} ${r.id} — ${f}`}
                    >
                      {f}
                    </a>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReleaseChanges({ id }: { id: number }) {
  const { t, lang } = usePageLanguage(RELEASES_MESSAGES);
  const [change, setChange] = useState("");
  const detail = useReleaseQuery(id, change);
  if (detail.isPending) return <p className="status card">{t.loading}</p>;
  if (detail.isError) return <p className="status status--error card">{errorText(detail.error, lang)}</p>;
  const r = detail.data;
  return (
    <>
      <section className="card" aria-labelledby="release-changes">
        <h3 id="release-changes">{t.releaseChangesTitle(r.id, r.period)}</h3>
        {r.state !== "published" && (
          <p className="notice" role="note" data-testid="release-preview">
            {t.releasePreviewNotice(r.release_at_local ? vietnamTime(r.release_at_local) : "")}
          </p>
        )}
        {r.note && <p>{r.note}</p>}
        {r.state !== "draft" && (
          <p className="download-links">
            <span>{r.state === "published" ? t.releaseReport : t.releaseReportPreview}:</span>
            <a href={releaseReportUrl(r.id, "html")} target="_blank" rel="noopener">
              HTML
            </a>
            {r.state === "published" && (
              <a href={releaseReportUrl(r.id, "pdf")} target="_blank" rel="noopener">
                PDF
              </a>
            )}
          </p>
        )}
        <label className="field">
          <span>{t.changeFilter}</span>
          <select value={change} onChange={(e) => setChange(e.target.value)}>
            <option value="">{t.changeAll}</option>
            <option value="new">{t.changeKind("new")}</option>
            <option value="revised">{t.changeKind("revised")}</option>
            <option value="withdrawn">{t.changeKind("withdrawn")}</option>
          </select>
        </label>
        <div className="table-scroll">
          <table className="data-table" data-testid="release-changes">
            <caption>{t.releaseChangesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colChange}</th>
                <th scope="col">{t.colCode}</th>
                <th scope="col">{t.colArea}</th>
                <th scope="col">{t.colPeriod}</th>
                <th scope="col">{t.colOld}</th>
                <th scope="col">{t.colNew}</th>
              </tr>
            </thead>
            <tbody>
              {r.changes.map((c) => (
                <tr key={`${c.target}-${c.series}-${c.code}-${c.geography}-${c.area}-${c.period}`}>
                  <td>{t.changeKind(c.change)}</td>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>
                    {c.geography}:{c.area}
                  </td>
                  <td>{c.period}</td>
                  <td>{num(c.old_value, lang)}</td>
                  <td>{num(c.new_value, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ReleaseValues id={r.id} />
    </>
  );
}

const VALUES_PAGE = 200;

/** The values in a release's snapshot (a staff preview before its time), a page at a time. */
function ReleaseValues({ id }: { id: number }) {
  const { t, lang } = usePageLanguage(RELEASES_MESSAGES);
  const [limit, setLimit] = useState(VALUES_PAGE);
  const values = useReleaseValuesQuery(id, limit);
  if (values.isPending) return <p className="status card">{t.loading}</p>;
  if (values.isError) return <p className="status status--error card">{errorText(values.error, lang)}</p>;
  const v = values.data;
  return (
    <section className="card" aria-labelledby="release-values">
      <h3 id="release-values">
        {t.releaseValuesTitle} {v.release.id} ({v.release.period})
      </h3>
      <div className="table-scroll">
        <table className="data-table" data-testid="release-values">
          <caption>{t.releaseValuesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colCode}</th>
              <th scope="col">{t.colArea}</th>
              <th scope="col">{t.colPeriod}</th>
              <th scope="col">{t.releaseColSeries}</th>
              <th scope="col">{t.releaseColValue}</th>
              <th scope="col">{t.releaseColUnit}</th>
            </tr>
          </thead>
          <tbody>
            {v.items.map((o) => (
              <tr key={`${o.indicator}-${o.series}-${o.geography}-${o.area}-${o.period}`}>
                <td>
                  <code>{o.indicator}</code>
                </td>
                <td>
                  {o.geography}:{o.area}
                </td>
                <td>{o.period}</td>
                <td>{o.series}</td>
                <td>{num(o.value, lang)}</td>
                <td>{o.unit ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.next_offset !== null && (
        <button type="button" className="button-secondary" onClick={() => setLimit((n) => n + VALUES_PAGE)}>
          {t.releaseMore}
        </button>
      )}
    </section>
  );
}

function useAction() {
  const { lang } = usePageLanguage(RELEASES_MESSAGES);
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    try {
      await fn();
      setMessage({ ok: true, text: ok });
      await client.invalidateQueries({ queryKey: RELEASES_KEY });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e, lang) });
    }
  };
  const shown = message ? (
    <p className={message.ok ? "status" : "status status--error"} role="status">
      {message.text}
    </p>
  ) : null;
  return { run, shown };
}

function PrepareForm() {
  const { t } = usePageLanguage(RELEASES_MESSAGES);
  const [period, setPeriod] = useState("");
  const [note, setNote] = useState("");
  const { run, shown } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => prepareRelease(period.trim(), note.trim()), t.releaseDone);
  };
  return (
    <section className="card" aria-labelledby="release-prepare">
      <h3 id="release-prepare">{t.releasePrepareTitle}</h3>
      <p>{t.releasePrepareIntro}</p>
      <form onSubmit={submit} className="release-form">
        <label className="field">
          <span>{t.releasePeriod}</span>
          <input
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            required
            pattern="\d{4}(-(S[12]|Q[1-4]))?"
          />
        </label>
        <label className="field field--grow">
          <span>{t.releaseNote}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        </label>
        <button type="submit" className="button-primary">
          {t.releasePrepare}
        </button>
      </form>
      {shown}
    </section>
  );
}

function ScheduleForm({ release }: { release: ReleaseDto }) {
  const { t } = usePageLanguage(RELEASES_MESSAGES);
  const [at, setAt] = useState(release.release_at_local?.slice(0, 16) ?? "");
  const [note, setNote] = useState(release.note ?? "");
  const { run, shown } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // datetime-local has no offset: the API reads it as Vietnam time.
    void run(() => scheduleRelease(release.id, at, note.trim()), t.releaseDone);
  };
  return (
    <section className="card" aria-labelledby={`release-schedule-${release.id}`}>
      <h3 id={`release-schedule-${release.id}`}>{t.releaseScheduleTitle(release.id)}</h3>
      <form onSubmit={submit} className="release-form">
        <label className="field">
          <span>{t.releaseAt}</span>
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
        </label>
        <label className="field field--grow">
          <span>{t.releaseNote}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        </label>
        <button type="submit" className="button-primary">
          {t.releaseSchedule}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void run(() => deleteRelease(release.id), t.releaseDone)}
        >
          {t.releaseDelete}
        </button>
      </form>
      {shown}
    </section>
  );
}
