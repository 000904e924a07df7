/** A progress class in colour, with an icon and its name, so colour is never the only signal. */
import type { ProgressClass } from "../data/types.ts";
import { useLanguage } from "../i18n/language.tsx";

const ICON: Readonly<Record<ProgressClass, string>> = {
  achieved: "✓",
  on_track: "↗",
  acceleration_needed: "→",
  off_track: "↘",
  regressing: "↓",
  insufficient_data: "?",
};

export function ProgressBadge({ value }: { value: ProgressClass }) {
  const { t } = useLanguage();
  return (
    <span className={`progress-badge progress-badge--${value}`} data-class={value}>
      <span aria-hidden="true">{ICON[value]}</span> {t.progressClass(value)}
    </span>
  );
}
