/**
 * The interface language. Vietnamese by default; the choice is kept in the URL (`?lang=en`, so a
 * shared link opens in the same language) and in localStorage (so a returning reader keeps it). The
 * URL wins over storage. Vietnamese is the default and is written as no `lang` parameter at all.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Lang } from "../lib/format.ts";
import { MESSAGES, type Messages } from "./messages.ts";

export const LANG_STORAGE_KEY = "dxm.lang";
const LANG_PARAM = "lang";

function isLang(s: string | null): s is Lang {
  return s === "vi" || s === "en";
}

function readStoredLang(): Lang | undefined {
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : undefined;
  } catch {
    return undefined; // storage can be disabled (private mode, policies)
  }
}

/** The language at start-up: URL, then storage, then Vietnamese. */
export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get(LANG_PARAM);
  if (isLang(fromUrl)) return fromUrl;
  return readStoredLang() ?? "vi";
}

function persistLang(lang: Lang): void {
  const url = new URL(window.location.href);
  if (lang === "vi") url.searchParams.delete(LANG_PARAM);
  else url.searchParams.set(LANG_PARAM, lang);
  window.history.replaceState(window.history.state, "", url);
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // the URL still carries the choice
  }
}

interface LanguageContextValue {
  readonly lang: Lang;
  readonly t: Messages;
  readonly setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    persistLang(next);
    setLangState(next);
  }, []);

  // A language restored from storage is written into the URL too, so the address can be shared as is.
  useEffect(() => {
    if (lang !== "vi" && new URLSearchParams(window.location.search).get(LANG_PARAM) !== lang)
      persistLang(lang);
  }, [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang].appTitle;
  }, [lang]);

  const value = useMemo(() => ({ lang, t: MESSAGES[lang], setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current language, its messages and the switch. */
export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return value;
}

/**
 * One page's texts in both languages, kept in the page's own module so that they load with the
 * page's chunk rather than with the entry. Vietnamese gives the keys; English must have exactly those
 * keys (`en` is checked against `vi`'s type), and no key may repeat a shared text's (the constraint
 * turns it into `never`), because the page's text would silently hide the shared one.
 */
export interface PageMessages<T extends object> {
  readonly vi: T;
  readonly en: T;
}
type NotShared<T> = { readonly [K in keyof T]: K extends keyof Messages ? never : T[K] };

export function pageMessages<T extends NotShared<T>>(vi: T, en: NoInfer<T>): PageMessages<T> {
  return { vi, en };
}

/** `useLanguage` for a page with its own texts: `t` has the shared texts and the page's. */
export function usePageLanguage<T extends object>(
  page: PageMessages<T>,
): Omit<LanguageContextValue, "t"> & { readonly t: Messages & T } {
  const { lang, t: shared, setLang } = useLanguage();
  const own = page[lang];
  const t = useMemo(() => ({ ...shared, ...own }), [shared, own]);
  return { lang, t, setLang };
}

/** A name in the current language from an API object with `name_vi` / `name_en`. */
export function localName(item: { name_vi: string; name_en: string }, lang: Lang): string {
  return lang === "vi" ? item.name_vi : item.name_en || item.name_vi;
}
