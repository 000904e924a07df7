/**
 * `/reporting`: a reporter fills in the open period's form of their province; a reviewer sees the
 * reports awaiting review and the completeness board. Not logged in: a link to `/login`.
 */
import { useState } from "react";
import { usePeriodsQuery, useSessionQuery } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { LogoutButton } from "../login/LogoutButton.tsx";
import { REPORTING_MESSAGES } from "./messages.ts";
import { ReportFormSection } from "./ReportFormSection.tsx";
import { ReviewerSection } from "./ReviewerSection.tsx";

export function ReportingPage() {
  const { t } = usePageLanguage(REPORTING_MESSAGES);
  const session = useSessionQuery();
  const user = session.data?.user;
  const periods = usePeriodsQuery(user !== undefined);

  if (session.isPending) return <p className="status">{t.loading}</p>;
  if (session.isError) return <p className="status status--error">{String(session.error)}</p>;
  if (!user) {
    return (
      <section className="card">
        <p>{t.needLogin}</p>
        <p>
          <a className="button-primary" href={`/login${window.location.search}`}>
            {t.loginButton}
          </a>
        </p>
      </section>
    );
  }

  return (
    <>
      <section className="card reporting-head">
        <div className="card__head">
          <h2>{t.reportingTitle}</h2>
          <LogoutButton />
        </div>
        <p>{t.loggedInAs(user.name, user.email)}</p>
        {periods.isPending ? (
          <p className="status">{t.loading}</p>
        ) : periods.data && periods.data.length > 0 ? (
          <ul className="period-list" data-testid="open-periods">
            {periods.data.map((p) => (
              <li key={`${p.geography}-${p.period}`}>{t.openPeriod(p.period, p.deadline)}</li>
            ))}
          </ul>
        ) : (
          <p>{t.noOpenPeriod}</p>
        )}
      </section>
      {user.role === "reporter" && periods.data && <ReporterView user={user} periods={periods.data} />}
      {(user.role === "reviewer" || user.role === "admin") && (
        <ReviewerSection period={periods.data?.[0]?.period} />
      )}
    </>
  );
}

function ReporterView({
  user,
  periods,
}: {
  user: { areas: readonly { geography: string; code: string }[] };
  periods: readonly { period: string; geography: string }[];
}) {
  const { t } = usePageLanguage(REPORTING_MESSAGES);
  const choices = user.areas.flatMap((a) =>
    periods.filter((p) => p.geography === a.geography).map((p) => ({ ...a, period: p.period })),
  );
  const [index, setIndex] = useState(0);
  if (user.areas.length === 0) return <p className="card">{t.noAreas}</p>;
  const choice = choices[index];
  if (!choice) return null;
  return (
    <>
      {choices.length > 1 && (
        <label className="field card">
          <span>{t.provinceLabel}</span>
          <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {choices.map((c, i) => (
              <option key={`${c.geography}-${c.code}-${c.period}`} value={i}>
                {c.geography}:{c.code} · {c.period}
              </option>
            ))}
          </select>
        </label>
      )}
      <ReportFormSection
        key={`${choice.geography}-${choice.code}-${choice.period}`}
        geography={choice.geography}
        area={choice.code}
        period={choice.period}
      />
    </>
  );
}
