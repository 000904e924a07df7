/**
 * The site navigation: the public pages, then reporting. Links keep the language. The current page
 * is marked with `aria-current`. Pages of other parts of the system (the DTI index) are linked here
 * too, so a reader finds them from every page. The admin pages are linked for admins only (the
 * server refuses everyone else anyway).
 */
import { useKnownSessionQuery } from "../data/session-hint.ts";
import { useLanguage } from "../i18n/language.tsx";
import { href, normalizePath } from "../lib/router.ts";

export function SiteNav() {
  const { lang, t } = useLanguage();
  const path = normalizePath(window.location.pathname);
  const session = useKnownSessionQuery();
  const isAdmin = session.data?.user.role === "admin";
  const links = [
    { path: "/", label: t.navOverview },
    { path: "/rankings", label: t.navRankings },
    { path: "/digital-economy", label: t.navDigitalEconomy },
    { path: "/dti", label: t.navDti },
    { path: "/programmes", label: t.navProgrammes },
    { path: "/releases", label: t.navReleases },
    { path: "/data", label: t.navData },
    { path: "/assessment", label: t.navAssessment },
    { path: "/reporting", label: t.navReporting },
    { path: "/account", label: t.navAccount },
    ...(isAdmin ? [{ path: "/admin", label: t.navAdmin }] : []),
  ];
  return (
    <nav className="site-menu" aria-label={t.navLabel}>
      <ul className="container site-menu__list">
        {links.map((l) => (
          <li key={l.path}>
            <a href={href(l.path, lang)} aria-current={path === l.path ? "page" : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
