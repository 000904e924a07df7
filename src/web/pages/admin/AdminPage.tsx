/**
 * `/admin`, for administrators only (others see a plain 403 message; the API refuses them anyway):
 * users, machine tokens, validation rules, the audit log and a read-only view of the indicator
 * catalogue with its targets. The section is kept in the address (`#users`, `#tokens`, …) so a link
 * or a reload returns to it.
 */
import { useEffect, useState } from "react";
import { useSessionQuery } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { AuditSection } from "./AuditSection.tsx";
import { IndicatorsSection } from "./IndicatorsSection.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";
import { RulesSection } from "./RulesSection.tsx";
import { TokensSection } from "./TokensSection.tsx";
import { UsersSection } from "./UsersSection.tsx";

const TABS = ["users", "tokens", "rules", "audit", "indicators"] as const;
type Tab = (typeof TABS)[number];

function tabOfHash(): Tab {
  const h = window.location.hash.slice(1);
  return (TABS as readonly string[]).includes(h) ? (h as Tab) : "users";
}

export function AdminPage() {
  const { t } = usePageLanguage(ADMIN_MESSAGES);
  const session = useSessionQuery();
  const [tab, setTab] = useState<Tab>(tabOfHash);
  useEffect(() => {
    const onHash = () => setTab(tabOfHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  if (session.isPending) return <p className="status">{t.loading}</p>;
  if (session.isError) return <p className="status status--error">{String(session.error)}</p>;
  const user = session.data?.user;
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
  if (user.role !== "admin") {
    return (
      <section className="card" aria-labelledby="forbidden-title" data-testid="admin-forbidden">
        <h2 id="forbidden-title">{t.adminForbiddenTitle}</h2>
        <p>{t.adminForbidden(user.email, t.roleName(user.role))}</p>
      </section>
    );
  }

  const labels: Record<Tab, string> = {
    users: t.adminUsers,
    tokens: t.adminTokens,
    rules: t.adminRules,
    audit: t.adminAudit,
    indicators: t.adminIndicators,
  };
  return (
    <>
      <section className="card admin-head">
        <h2>{t.adminTitle}</h2>
        <nav aria-label={t.adminTitle}>
          <ul className="admin-tabs">
            {TABS.map((k) => (
              <li key={k}>
                <a
                  href={`#${k}`}
                  aria-current={tab === k ? "page" : undefined}
                  className={tab === k ? "is-current" : undefined}
                  onClick={() => setTab(k)}
                >
                  {labels[k]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </section>
      {tab === "users" && <UsersSection />}
      {tab === "tokens" && <TokensSection />}
      {tab === "rules" && <RulesSection />}
      {tab === "audit" && <AuditSection />}
      {tab === "indicators" && <IndicatorsSection />}
    </>
  );
}
