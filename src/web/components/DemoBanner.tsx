import { useLanguage } from "../i18n/language.tsx";
import { useDemoNoticeActive } from "./demo-notice.tsx";

/** Shown under the header whenever a view on the page shows demo values. */
export function DemoBanner() {
  const { t } = useLanguage();
  if (!useDemoNoticeActive()) return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <div className="container demo-banner__inner">
        <span className="demo-banner__icon" aria-hidden="true">
          ⚠
        </span>
        <p>
          <strong>{t.demoBanner}</strong> <span className="demo-banner__detail">{t.demoBannerDetail}</span>
        </p>
      </div>
    </div>
  );
}
