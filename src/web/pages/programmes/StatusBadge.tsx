/** A programme status as a coloured badge that also says it in words (colour is never the only cue). */
import type { ProgrammeStatus } from "../../data/programmes.ts";
import { useLanguage } from "../../i18n/language.tsx";

export function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useLanguage();
  return (
    <span className={`programme-status programme-status--${status}`} data-status={status}>
      {t.programmeStatus(status)}
    </span>
  );
}
