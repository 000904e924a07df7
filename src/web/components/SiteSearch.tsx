/**
 * The site search in the header: provinces of both geographies and indicators, without diacritics.
 * The lists are fetched when the box is first used, not with every page. Results are links (a
 * list of links): Enter opens the first, Tab or the arrow keys move through them, Escape closes
 * the list.
 */
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { getJson } from "../data/client.ts";
import type { AreaDto, IndicatorDto, ListResponse } from "../data/types.ts";
import { localName, useLanguage } from "../i18n/language.tsx";
import { href, indicatorPath, provincePath } from "../lib/router.ts";
import { type SearchHit, searchSite } from "../lib/search.ts";

async function loadCandidates(signal: AbortSignal): Promise<SearchHit[]> {
  const [p2025, p2008, indicators] = await Promise.all([
    getJson<ListResponse<AreaDto>>("/areas", { geography: "2025", level: "province" }, signal),
    getJson<ListResponse<AreaDto>>("/areas", { geography: "2008", level: "province" }, signal),
    getJson<ListResponse<IndicatorDto>>("/indicators", {}, signal),
  ]);
  return [
    ...[...p2025.items, ...p2008.items].map(
      (a): SearchHit => ({
        kind: "province",
        geography: a.geography,
        code: a.code,
        name_vi: a.name_vi,
        name_en: a.name_en,
      }),
    ),
    ...indicators.items.map(
      (i): SearchHit => ({ kind: "indicator", code: i.code, name_vi: i.name_vi, name_en: i.name_en }),
    ),
  ];
}

function hitHref(hit: SearchHit, lang: "vi" | "en"): string {
  return hit.kind === "province"
    ? href(provincePath(hit.geography, hit.code), lang)
    : href(indicatorPath(hit.code), lang);
}

export function SiteSearch() {
  const { lang, t } = useLanguage();
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const candidates = useQuery({
    queryKey: ["search-candidates"],
    queryFn: ({ signal }) => loadCandidates(signal),
    enabled: wanted,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const hits = useMemo(() => searchSite(query, candidates.data ?? []), [query, candidates.data]);
  const links = () => [...(listRef.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];
  // Arrow keys move between the input and the result links; Escape closes and returns to the input.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "ArrowDown" && all.length > 0) {
      e.preventDefault();
      setOpen(true);
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      if (at === 0) document.getElementById(inputId)?.focus();
      else all[at - 1]?.focus();
    } else if (e.key === "Escape") {
      setOpen(false);
      document.getElementById(inputId)?.focus();
    }
  };
  const showList = open && query.trim() !== "";
  return (
    <search
      ref={rootRef}
      className="site-search"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const first = hits[0];
          if (first) window.location.assign(hitHref(first, lang));
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t.searchLabel}
        </label>
        <input
          id={inputId}
          type="search"
          aria-controls={listId}
          value={query}
          placeholder={t.searchPlaceholder}
          autoComplete="off"
          spellCheck={false}
          onFocus={() => {
            setWanted(true);
            setOpen(true);
          }}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          data-testid="site-search"
        />
      </form>
      <ul
        id={listId}
        ref={listRef}
        className="site-search__list"
        hidden={!showList}
        aria-label={t.searchLabel}
        aria-live="polite"
        data-testid="site-search-results"
      >
        {candidates.isPending && wanted ? <li className="site-search__note">{t.loading}</li> : null}
        {candidates.isSuccess && hits.length === 0 ? (
          <li className="site-search__note">{t.searchNone(query)}</li>
        ) : null}
        {hits.map((hit) => (
          <li key={`${hit.kind}-${hit.kind === "province" ? hit.geography : ""}-${hit.code}`}>
            <a href={hitHref(hit, lang)}>
              <span>{localName(hit, lang)}</span>
              <span className="site-search__kind">
                {hit.kind === "province" ? t.searchProvince(hit.geography) : t.searchIndicator}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </search>
  );
}
