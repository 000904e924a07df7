/** A secret shown once (a generated password, a new token): selectable, with a warning to copy it now. */
import { usePageLanguage } from "../../i18n/language.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";

export function OneTimeSecret({
  label,
  secret,
  onDone,
}: {
  label: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = usePageLanguage(ADMIN_MESSAGES);
  return (
    <div className="secret-box" role="status" data-testid="one-time-secret">
      <p>
        <strong>{label}</strong>
      </p>
      <code className="secret" data-testid="secret-value">
        {secret}
      </code>
      <p className="muted">{t.adminSecretOnce}</p>
      <button type="button" className="button-secondary" onClick={onDone}>
        {t.adminSecretDone}
      </button>
    </div>
  );
}
