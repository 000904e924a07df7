/**
 * `/programmes`: the action programmes with their status (colour and text), a filter by lead agency,
 * a Gantt-style timeline (with a table view and a text summary), and each programme's details:
 * the indicators it should move with their progress classes, both statuses (the reviewer's with its
 * reason, and the one derived from the indicators), evidence and updates. Reviewers logged in can
 * post an update and set the status with a reason.
 */
import { useMemo, useState } from "react";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import { useProgrammesQuery } from "../../data/programmes.ts";
import { useSessionQuery } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { PROGRAMMES_MESSAGES } from "./messages.ts";
import { ProgrammeCard } from "./ProgrammeCard.tsx";
import { ProgrammeTimeline } from "./ProgrammeTimeline.tsx";
import "./programmes.css";

export function ProgrammesPage() {
  const { t, lang } = usePageLanguage(PROGRAMMES_MESSAGES);
  const programmes = useProgrammesQuery();
  const session = useSessionQuery();
  const role = session.data?.user.role;
  const canEdit = role === "reviewer" || role === "admin";
  const [owner, setOwner] = useState("");

  const all = programmes.data ?? [];
  const owners = useMemo(() => {
    const seen = new Map<string, { vi: string; en: string }>();
    for (const p of all) for (const l of p.leads) if (!seen.has(l.en)) seen.set(l.en, l);
    return [...seen.values()].sort((a, b) => a[lang].localeCompare(b[lang], lang));
  }, [all, lang]);
  const shown = owner ? all.filter((p) => p.leads.some((l) => l.en === owner)) : all;

  return (
    <>
      <section className="card" aria-labelledby="programmes-title">
        <div className="card__head">
          <h2 id="programmes-title">{t.programmesTitle}</h2>
        </div>
        <p className="card__intro">{t.programmesIntro}</p>
        <QueryStatus queries={[programmes]} />
        {programmes.data && (
          <div className="controls">
            <label className="field">
              <span>{t.programmeOwnerLabel}</span>
              <select value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="owner-filter">
                <option value="">{t.programmeOwnerAll}</option>
                {owners.map((o) => (
                  <option key={o.en} value={o.en}>
                    {o[lang]}
                  </option>
                ))}
              </select>
            </label>
            <p className="count" aria-live="polite">
              {t.programmeCount(shown.length, all.length)}
            </p>
          </div>
        )}
        {!canEdit && session.data !== undefined && <p className="source-note">{t.loginToEdit}</p>}
      </section>
      {programmes.data && <ProgrammeTimeline programmes={shown} />}
      {programmes.data && (
        <ul className="programme-list" data-testid="programme-list">
          {shown.map((p) => (
            <li key={p.id}>
              <ProgrammeCard programme={p} canEdit={canEdit} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
