/** Choosing 2025 provinces for a reporter's or a token's scope: a multiple select with the names. */
import { useId } from "react";
import { type AreaRef, useProvincesQuery } from "../../data/admin.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";

export function AreaPicker({
  value,
  onChange,
  testId,
}: {
  value: readonly AreaRef[];
  onChange: (areas: AreaRef[]) => void;
  testId: string;
}) {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const id = useId();
  const provinces = useProvincesQuery();
  const selected = new Set(value.map((a) => `${a.geography}:${a.code}`));
  return (
    <div className="field field--grow">
      <label htmlFor={id}>{t.adminProvinces}</label>
      <select
        id={id}
        aria-describedby={`${id}-help`}
        multiple
        size={5}
        data-testid={testId}
        value={[...selected]}
        onChange={(e) =>
          onChange(
            [...e.target.selectedOptions].map((o) => {
              const [geography, code] = o.value.split(":");
              return { geography: geography ?? "2025", code: code ?? "" };
            }),
          )
        }
      >
        {(provinces.data ?? []).map((p) => (
          <option key={p.code} value={`${p.geography}:${p.code}`}>
            {localName(p, lang)} ({p.code})
          </option>
        ))}
      </select>
      <span className="field-help" id={`${id}-help`}>
        {t.adminProvincesHelp}
      </span>
    </div>
  );
}

/** `2025:79, 2025:01` as the provinces' names where known. */
export function AreaNames({ areas }: { areas: readonly AreaRef[] }) {
  const { lang } = usePageLanguage(ADMIN_MESSAGES);
  const provinces = useProvincesQuery();
  if (areas.length === 0) return <>—</>;
  const names = new Map((provinces.data ?? []).map((p) => [`${p.geography}:${p.code}`, localName(p, lang)]));
  return (
    <>{areas.map((a) => names.get(`${a.geography}:${a.code}`) ?? `${a.geography}:${a.code}`).join(", ")}</>
  );
}
