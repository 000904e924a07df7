/**
 * The application shell: header with the language switch, the demo-data banner, the page, a footer.
 * Pages are chosen by path; the server answers every non-API path with index.html (SPA fallback), so
 * new pages only need an entry in `PAGES`.
 */
import type { ComponentType } from "react";
import { DemoBanner } from "./components/DemoBanner.tsx";
import { LanguageSwitch } from "./components/LanguageSwitch.tsx";
import { useLanguage } from "./i18n/language.tsx";
import { DataPage } from "./pages/data/DataPage.tsx";
import { HomePage } from "./pages/home/HomePage.tsx";
import { LoginPage } from "./pages/login/LoginPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { ProgrammesPage } from "./pages/programmes/ProgrammesPage.tsx";
import { ReleasesPage } from "./pages/releases/ReleasesPage.tsx";
import { ReportingPage } from "./pages/reporting/ReportingPage.tsx";

const PAGES: Readonly<Record<string, ComponentType>> = {
  "/": HomePage,
  "/login": LoginPage,
  "/reporting": ReportingPage,
  "/programmes": ProgrammesPage,
  "/data": DataPage,
  "/releases": ReleasesPage,
};

function currentPage(): ComponentType {
  const path = window.location.pathname.replace(/\/+$/, "") || "/";
  return PAGES[path] ?? NotFoundPage;
}

export function App() {
  const { t } = useLanguage();
  const Page = currentPage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <div>
            <h1 className="site-title">
              <a href={`/${window.location.search}`}>{t.appTitle}</a>
            </h1>
            <p className="site-tagline">{t.appTagline}</p>
          </div>
          <nav className="site-nav">
            <a href={`/reporting${window.location.search}`}>{t.navReporting}</a>
            <a href={`/programmes${window.location.search}`}>{t.navProgrammes}</a>
            <a href={`/data${window.location.search}`}>{t.navData}</a>
            <a href={`/releases${window.location.search}`}>{t.navReleases}</a>
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <DemoBanner />
      <main id="main" className="container main">
        <Page />
      </main>
      <footer className="site-footer">
        <div className="container">
          dxmonitor · {t.footerApi} (<a href="/api/docs">/api/docs</a>)
        </div>
      </footer>
    </>
  );
}
