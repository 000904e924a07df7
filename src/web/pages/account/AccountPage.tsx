/**
 * `/account`: who is logged in (role and provinces), a password change (current, new, confirmation;
 * the server's rules shown beside the field and its refusals shown on the field they name), logout
 * and logout everywhere (every session of the person ends, on every device).
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { PASSWORD_MIN } from "../../../domain/auth.ts";
import { changePassword, logoutEverywhere } from "../../data/account.ts";
import { RequestError, SESSION_KEY, useSessionQuery } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { LogoutButton } from "../login/LogoutButton.tsx";
import { ACCOUNT_MESSAGES } from "./messages.ts";

export function AccountPage() {
  const { t } = usePageLanguage(ACCOUNT_MESSAGES);
  const session = useSessionQuery();
  if (session.isPending) return <p className="status">{t.loading}</p>;
  if (session.isError) return <p className="status status--error">{String(session.error)}</p>;
  const user = session.data?.user;
  if (!user) {
    return (
      <section className="card">
        <p>{t.needLogin}</p>
        <p>
          <a className="button-primary" href={`/login${window.location.search}`}>
            {t.loginButton}
          </a>
        </p>
      </section>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="account-title">
        <div className="card__head">
          <h2 id="account-title">{t.accountTitle}</h2>
          <LogoutButton />
        </div>
        <dl className="account-facts" data-testid="account-facts">
          <dt>{t.accountName}</dt>
          <dd>{user.name}</dd>
          <dt>{t.email}</dt>
          <dd>{user.email}</dd>
          <dt>{t.accountRole}</dt>
          <dd>{t.roleName(user.role)}</dd>
          <dt>{t.accountAreas}</dt>
          <dd>
            {user.areas.length === 0
              ? t.accountAllAreas(user.role)
              : user.areas.map((a) => `${a.geography}:${a.code}`).join(", ")}
          </dd>
        </dl>
      </section>
      <PasswordForm />
      <EverywhereSection />
    </>
  );
}

type PasswordField = "current" | "new" | "confirm";

function PasswordForm() {
  const { t, lang } = usePageLanguage(ACCOUNT_MESSAGES);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<{ field: PasswordField | undefined; text: string } | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    setError(undefined);
    if (next.length < PASSWORD_MIN) return setError({ field: "new", text: t.passwordTooShort(PASSWORD_MIN) });
    if (next !== confirm) return setError({ field: "confirm", text: t.passwordMismatch });
    setBusy(true);
    try {
      const r = await changePassword(current, next);
      setCurrent("");
      setNext("");
      setConfirm("");
      setNotice(t.passwordChanged(r.other_sessions_ended));
    } catch (err) {
      const field =
        err instanceof RequestError && (err.field === "current" || err.field === "new")
          ? err.field
          : undefined;
      setError({ field, text: err instanceof RequestError ? err.text(lang) : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card auth-card" aria-labelledby="password-title">
      <h2 id="password-title">{t.passwordTitle}</h2>
      <form className="login-form" onSubmit={onSubmit} data-testid="password-form">
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        {/* Rules and errors sit outside the labels: they describe the fields, they are not their names. */}
        <PasswordInput
          id="pw-current"
          label={t.passwordCurrent}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={error?.field === "current" ? error.text : undefined}
        />
        <PasswordInput
          id="pw-new"
          label={t.passwordNew}
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          help={t.passwordRules(PASSWORD_MIN)}
          value={next}
          onChange={setNext}
          error={error?.field === "new" ? error.text : undefined}
        />
        <PasswordInput
          id="pw-confirm"
          label={t.passwordConfirm}
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={error?.field === "confirm" ? error.text : undefined}
        />
        {error && error.field === undefined && (
          <p className="form-error" role="alert" data-testid="password-error">
            {error.text}
          </p>
        )}
        {notice && (
          <p className="form-notice" role="status" data-testid="password-notice">
            {notice}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t.saving : t.passwordSubmit}
        </button>
      </form>
    </section>
  );
}

function PasswordInput(props: {
  id: string;
  label: string;
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
  minLength?: number;
  help?: string;
  error: string | undefined;
}) {
  const described = [props.help ? `${props.id}-help` : "", props.error ? `${props.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        autoComplete={props.autoComplete}
        required
        minLength={props.minLength}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.help && (
        <span className="field-help" id={`${props.id}-help`}>
          {props.help}
        </span>
      )}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`} data-testid={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

function EverywhereSection() {
  const { t, lang } = usePageLanguage(ACCOUNT_MESSAGES);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  async function onClick() {
    setError(undefined);
    try {
      await logoutEverywhere();
      queryClient.setQueryData(SESSION_KEY, null);
      window.location.assign(`/login${window.location.search}`);
    } catch (err) {
      setError(err instanceof RequestError ? err.text(lang) : String(err));
    }
  }
  return (
    <section className="card auth-card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">{t.everywhereTitle}</h2>
      <p className="card__intro">{t.everywhereIntro}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button-secondary"
        onClick={() => void onClick()}
        data-testid="logout-everywhere"
      >
        {t.everywhereButton}
      </button>
    </section>
  );
}
