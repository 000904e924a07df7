/** A programme status as a coloured badge that also says it in words (colour is never the only cue). */
import type { ProgrammeStatus } from "../../data/programmes.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { PROGRAMMES_MESSAGES } from "./messages.ts";

export function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = usePageLanguage(PROGRAMMES_MESSAGES);
  return (
    <span className={`programme-status programme-status--${status}`} data-status={status}>
      {t.programmeStatus(status)}
    </span>
  );
}
