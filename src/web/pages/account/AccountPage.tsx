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
import { useLanguage } from "../../i18n/language.tsx";
import { LogoutButton } from "../login/LogoutButton.tsx";

export function AccountPage() {
  const { t } = useLanguage();
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
  const { t, lang } = useLanguage();
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

  const fieldError = (field: PasswordField) =>
    error?.field === field ? (
      <span className="field-error" id={`pw-${field}-error`} data-testid={`pw-${field}-error`}>
        {error.text}
      </span>
    ) : undefined;
  const described = (field: PasswordField, extra?: string) =>
    [error?.field === field ? `pw-${field}-error` : undefined, extra].filter(Boolean).join(" ") || undefined;

  return (
    <section className="card auth-card" aria-labelledby="password-title">
      <h2 id="password-title">{t.passwordTitle}</h2>
      <form className="login-form" onSubmit={onSubmit} data-testid="password-form">
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        <label className="field">
          <span>{t.passwordCurrent}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            aria-invalid={error?.field === "current" || undefined}
            aria-describedby={described("current")}
            onChange={(e) => setCurrent(e.target.value)}
          />
          {fieldError("current")}
        </label>
        {/* The rules sit outside the label: they describe the field, they are not its name. */}
        <div className="field">
          <label htmlFor="pw-new">{t.passwordNew}</label>
          <input
            id="pw-new"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            value={next}
            aria-invalid={error?.field === "new" || undefined}
            aria-describedby={described("new", "pw-rules")}
            onChange={(e) => setNext(e.target.value)}
          />
          <span className="field-help" id="pw-rules">
            {t.passwordRules(PASSWORD_MIN)}
          </span>
          {fieldError("new")}
        </div>
        <label className="field">
          <span>{t.passwordConfirm}</span>
          <input
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            aria-invalid={error?.field === "confirm" || undefined}
            aria-describedby={described("confirm")}
            onChange={(e) => setConfirm(e.target.value)}
          />
          {fieldError("confirm")}
        </label>
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

function EverywhereSection() {
  const { t, lang } = useLanguage();
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
