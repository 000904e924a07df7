/** The 2025 (34 provinces) / 2008 (63 provinces) switch, as a labelled group of radio buttons. */
import type { Geography } from "../../domain/area.ts";
import { useLanguage } from "../i18n/language.tsx";

export function GeographySwitch({
  value,
  onChange,
  name,
}: {
  value: Geography;
  onChange: (g: Geography) => void;
  name: string;
}) {
  const { t } = useLanguage();
  return (
    <fieldset className="segmented" data-testid={`${name}`}>
      <legend>{t.geographyLabel}</legend>
      {(["2025", "2008"] as const).map((g) => (
        <label key={g} className={value === g ? "segmented__option is-checked" : "segmented__option"}>
          <input type="radio" name={name} value={g} checked={value === g} onChange={() => onChange(g)} />
          {g === "2025" ? t.geography2025 : t.geography2008}
        </label>
      ))}
    </fieldset>
  );
}
