/**
 * `/login`: email and password; the server's 401/429 problem is shown as is (in the reader's language).
 * Logged in, it shows who and offers logout and the way to the reporting page.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { login, RequestError, SESSION_KEY, useSessionQuery } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { LogoutButton } from "./LogoutButton.tsx";
import { LOGIN_MESSAGES } from "./messages.ts";

export function LoginPage() {
  const { t, lang } = usePageLanguage(LOGIN_MESSAGES);
  const session = useSessionQuery();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await login(email, password);
      queryClient.setQueryData(SESSION_KEY, s);
      // A full load: the reporting page recovers the CSRF token from GET /auth/me.
      window.location.assign(`/reporting${window.location.search}`);
    } catch (err) {
      setError(err instanceof RequestError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card auth-card" aria-labelledby="login-title">
      <div className="card__head">
        <h2 id="login-title">{t.loginTitle}</h2>
      </div>
      {session.data ? (
        <div className="auth-status">
          <p>{t.loggedInAs(session.data.user.name, session.data.user.email)}</p>
          <p className="auth-actions">
            <a className="button-primary" href={`/reporting${window.location.search}`}>
              {t.goToReporting}
            </a>
            <LogoutButton />
          </p>
        </div>
      ) : (
        <form className="login-form" onSubmit={onSubmit} data-testid="login-form">
          <p className="card__intro">{t.loginIntro}</p>
          <label className="field">
            <span>{t.email}</span>
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t.password}</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t.loggingIn : t.loginButton}
          </button>
        </form>
      )}
    </section>
  );
}
