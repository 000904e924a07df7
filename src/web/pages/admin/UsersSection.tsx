/**
 * Users: the list with role, provinces, state and last login; create (email, name, role, provinces,
 * password or a generated one shown once); disable / enable; reset a password (the new one shown once).
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { PASSWORD_MIN, ROLES } from "../../../domain/auth.ts";
import {
  ADMIN_KEY,
  type AdminUser,
  type AreaRef,
  createUser,
  updateUser,
  useUsersQuery,
} from "../../data/admin.ts";
import { RequestError } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { AreaNames, AreaPicker } from "./AreaPicker.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";
import { OneTimeSecret } from "./Secret.tsx";

export function UsersSection() {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const users = useUsersQuery();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<{ email: string; password: string } | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function act(u: AdminUser, change: { disabled?: boolean; reset_password?: boolean }) {
    setError(undefined);
    try {
      const r = await updateUser(u.id, change);
      if (r.password) setSecret({ email: u.email, password: r.password });
      await queryClient.invalidateQueries({ queryKey: [...ADMIN_KEY, "users"] });
    } catch (e) {
      setError(e instanceof RequestError ? e.text(lang) : String(e));
    }
  }

  return (
    <>
      <NewUserForm onCreated={(email, password) => password && setSecret({ email, password })} />
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">{t.adminUsers}</h2>
        {secret && (
          <OneTimeSecret
            label={t.adminPasswordFor(secret.email)}
            secret={secret.password}
            onDone={() => setSecret(undefined)}
          />
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {users.isPending ? (
          <p className="status">{t.loading}</p>
        ) : users.isError ? (
          <p className="status status--error">{users.error.message}</p>
        ) : (
          <div className="table-scroll">
            <table aria-label={t.adminUsers} className="data-table admin-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t.email}</th>
                  <th scope="col">{t.accountRole}</th>
                  <th scope="col">{t.adminProvinces}</th>
                  <th scope="col">{t.stateLabel}</th>
                  <th scope="col">{t.adminLastLogin}</th>
                  <th scope="col">{t.adminActions}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id} data-email={u.email}>
                    <th scope="row">
                      {u.email}
                      <div className="muted">{u.name}</div>
                    </th>
                    <td>{t.roleName(u.role)}</td>
                    <td>
                      <AreaNames areas={u.areas} />
                    </td>
                    <td>{u.disabled ? t.adminDisabled : t.adminActive}</td>
                    <td>{u.last_login_at ? u.last_login_at.slice(0, 16).replace("T", " ") : "—"}</td>
                    <td className="admin-actions">
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => void act(u, { disabled: !u.disabled })}
                      >
                        {u.disabled ? t.adminEnable : t.adminDisable}
                      </button>
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => void act(u, { reset_password: true })}
                      >
                        {t.adminResetPassword}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function NewUserForm({ onCreated }: { onCreated: (email: string, password: string | undefined) => void }) {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>("reporter");
  const [areas, setAreas] = useState<AreaRef[]>([]);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | undefined; text: string } | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await createUser({
        email: email.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        role,
        areas: role === "reporter" ? areas : [],
        ...(password ? { password } : {}),
      });
      setNotice(t.adminUserCreated(r.user.email));
      onCreated(r.user.email, r.password);
      setEmail("");
      setName("");
      setPassword("");
      setAreas([]);
      await queryClient.invalidateQueries({ queryKey: [...ADMIN_KEY, "users"] });
    } catch (err) {
      setError({
        field: err instanceof RequestError ? err.field : undefined,
        text: err instanceof RequestError ? err.text(lang) : String(err),
      });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) =>
    error?.field === field ? (
      <span className="field-error" data-testid={`new-user-${field}-error`}>
        {error.text}
      </span>
    ) : undefined;

  return (
    <section className="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t.adminNewUser}</h2>
      <form className="admin-form" onSubmit={onSubmit} data-testid="new-user-form">
        <label className="field">
          <span>{t.email}</span>
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
          />
          {fieldError("email")}
        </label>
        <label className="field">
          <span>{t.accountName}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
          {fieldError("name")}
        </label>
        <label className="field">
          <span>{t.accountRole}</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roleName(r)}
              </option>
            ))}
          </select>
          {fieldError("role")}
        </label>
        {role === "reporter" && <AreaPicker value={areas} onChange={setAreas} testId="new-user-areas" />}
        <div className="field">
          <label htmlFor="new-user-password">{t.adminInitialPassword}</label>
          <input
            id="new-user-password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            value={password}
            aria-describedby="new-user-password-help"
            onChange={(e) => setPassword(e.target.value)}
          />
          <span className="field-help" id="new-user-password-help">
            {t.adminInitialPasswordHelp(PASSWORD_MIN)}
          </span>
          {fieldError("password")}
        </div>
        {error && !["email", "name", "role", "password"].includes(error.field ?? "") && (
          <p className="form-error" role="alert" data-testid="new-user-error">
            {error.text}
          </p>
        )}
        {notice && (
          <p className="form-notice" role="status">
            {notice}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t.saving : t.adminCreate}
          </button>
        </div>
      </form>
    </section>
  );
}
