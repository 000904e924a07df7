/**
 * The application shell: header with the site navigation, search and language switch, the demo-data
 * banner, the page, a footer. Pages with an exact path are listed in `PAGES` (one line each);
 * pages with parameters in `ROUTES`. The server answers every non-API path with index.html (SPA
 * fallback). Pages are loaded on demand (React.lazy) so each page's charts come with that page only.
 */
import { type ComponentType, lazy, Suspense } from "react";
import { DemoBanner } from "./components/DemoBanner.tsx";
import { LanguageSwitch } from "./components/LanguageSwitch.tsx";
import { SiteNav } from "./components/SiteNav.tsx";
import { SiteSearch } from "./components/SiteSearch.tsx";
import { useLanguage } from "./i18n/language.tsx";
import { href, matchPattern, normalizePath, type RouteParams } from "./lib/router.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

const LoginPage = lazy(() => import("./pages/login/LoginPage.tsx").then((m) => ({ default: m.LoginPage })));
const ReportingPage = lazy(() =>
  import("./pages/reporting/ReportingPage.tsx").then((m) => ({ default: m.ReportingPage })),
);
const HomePage = lazy(() => import("./pages/home/HomePage.tsx").then((m) => ({ default: m.HomePage })));
const RankingsPage = lazy(() =>
  import("./pages/rankings/RankingsPage.tsx").then((m) => ({ default: m.RankingsPage })),
);
const DigitalEconomyPage = lazy(() =>
  import("./pages/digital-economy/DigitalEconomyPage.tsx").then((m) => ({ default: m.DigitalEconomyPage })),
);
const IndicatorPage = lazy(() =>
  import("./pages/indicator/IndicatorPage.tsx").then((m) => ({ default: m.IndicatorPage })),
);
const ProvincePage = lazy(() =>
  import("./pages/province/ProvincePage.tsx").then((m) => ({ default: m.ProvincePage })),
);

const AccountPage = lazy(() =>
  import("./pages/account/AccountPage.tsx").then((m) => ({ default: m.AccountPage })),
);
const AdminPage = lazy(() => import("./pages/admin/AdminPage.tsx").then((m) => ({ default: m.AdminPage })));
const AssessmentPage = lazy(() =>
  import("./pages/assessment/AssessmentPage.tsx").then((m) => ({ default: m.AssessmentPage })),
);
const AssessmentResultPage = lazy(() =>
  import("./pages/assessment/AssessmentResultPage.tsx").then((m) => ({ default: m.AssessmentResultPage })),
);
const AssessmentStatsPage = lazy(() =>
  import("./pages/assessment/AssessmentStatsPage.tsx").then((m) => ({ default: m.AssessmentStatsPage })),
);
const ProgrammesPage = lazy(() =>
  import("./pages/programmes/ProgrammesPage.tsx").then((m) => ({ default: m.ProgrammesPage })),
);

const DtiPage = lazy(() => import("./pages/dti/DtiPage.tsx").then((m) => ({ default: m.DtiPage })));
const DataPage = lazy(() => import("./pages/data/DataPage.tsx").then((m) => ({ default: m.DataPage })));
const ReleasesPage = lazy(() =>
  import("./pages/releases/ReleasesPage.tsx").then((m) => ({ default: m.ReleasesPage })),
);

const PAGES: Readonly<Record<string, ComponentType>> = {
  "/": HomePage,
  "/login": LoginPage,
  "/reporting": ReportingPage,
  "/rankings": RankingsPage,
  "/digital-economy": DigitalEconomyPage,
  "/account": AccountPage,
  "/admin": AdminPage,
  "/assessment": AssessmentPage,
  "/assessment/result": AssessmentResultPage,
  "/assessment/stats": AssessmentStatsPage,
  "/programmes": ProgrammesPage,
  "/dti": DtiPage,
  "/data": DataPage,
  "/releases": ReleasesPage,
};

/** Pages whose path has parameters (`:name`), tried in order after `PAGES`. */
const ROUTES: readonly { readonly pattern: string; readonly page: ComponentType<{ params: RouteParams }> }[] =
  [
    { pattern: "/indicators/:code", page: IndicatorPage },
    { pattern: "/provinces/:geography/:code", page: ProvincePage },
  ];

function CurrentPage() {
  const path = normalizePath(window.location.pathname);
  const Exact = PAGES[path];
  if (Exact) return <Exact />;
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, path);
    if (params) return <route.page params={params} />;
  }
  return <NotFoundPage />;
}

export function App() {
  const { lang, t } = useLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <div>
            <h1 className="site-title">
              <a href={href("/", lang)}>{t.appTitle}</a>
            </h1>
            <p className="site-tagline">{t.appTagline}</p>
          </div>
          <div className="site-header__tools">
            <SiteSearch />
            <LanguageSwitch />
          </div>
        </div>
        <SiteNav />
      </header>
      <DemoBanner />
      <main id="main" className="container main">
        <Suspense
          fallback={
            <p className="status status--loading" role="status">
              <span className="spinner" aria-hidden="true" /> {t.loading}
            </p>
          }
        >
          <CurrentPage />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          dxmonitor · {t.footerApi} (<a href="/api/docs">/api/docs</a>) · {t.geoAttribution}
        </div>
      </footer>
    </>
  );
}
