import { useLanguage } from "../i18n/language.tsx";
import type { Lang } from "../lib/format.ts";

const OPTIONS: readonly { lang: Lang; label: string; name: string }[] = [
  { lang: "vi", label: "VI", name: "Tiếng Việt" },
  { lang: "en", label: "EN", name: "English" },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t.languageLabel}</legend>
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.lang}
          aria-pressed={lang === o.lang}
          title={o.name}
          onClick={() => setLang(o.lang)}
        >
          <span aria-hidden="true">{o.label}</span>
          <span className="visually-hidden">{o.name}</span>
        </button>
      ))}
    </fieldset>
  );
}
