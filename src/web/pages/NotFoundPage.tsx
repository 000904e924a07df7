import { useLanguage } from "../i18n/language.tsx";

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <section className="card">
      <h2>{t.notFoundTitle}</h2>
      <p>
        <a href={`/${window.location.search}`}>{t.notFoundBack}</a>
      </p>
    </section>
  );
}
