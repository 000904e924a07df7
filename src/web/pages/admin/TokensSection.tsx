/**
 * Machine tokens for provincial systems that push data over the API: create (name and provinces; the
 * token is shown once), list (prefix, scope, last use), revoke.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ADMIN_KEY, type AreaRef, createToken, revokeToken, useTokensQuery } from "../../data/admin.ts";
import { RequestError } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { AreaNames, AreaPicker } from "./AreaPicker.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";
import { OneTimeSecret } from "./Secret.tsx";

export function TokensSection() {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const tokens = useTokensQuery();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [areas, setAreas] = useState<AreaRef[]>([]);
  const [secret, setSecret] = useState<{ name: string; secret: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: [...ADMIN_KEY, "tokens"] });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await createToken(name.trim(), areas);
      setSecret({ name: r.token.name, secret: r.secret });
      setName("");
      setAreas([]);
      await refresh();
    } catch (err) {
      setError(err instanceof RequestError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: number) {
    setError(undefined);
    try {
      await revokeToken(id);
      await refresh();
    } catch (err) {
      setError(err instanceof RequestError ? err.text(lang) : String(err));
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="new-token-title">
        <h2 id="new-token-title">{t.adminNewToken}</h2>
        <p className="card__intro">{t.adminTokenIntro}</p>
        <form className="admin-form" onSubmit={onSubmit} data-testid="new-token-form">
          <label className="field">
            <span>{t.adminTokenName}</span>
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <AreaPicker value={areas} onChange={setAreas} testId="new-token-areas" />
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? t.saving : t.adminCreate}
            </button>
          </div>
        </form>
        {secret && (
          <OneTimeSecret
            label={t.adminTokenFor(secret.name)}
            secret={secret.secret}
            onDone={() => setSecret(undefined)}
          />
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="token-error">
            {error}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t.adminTokens}</h2>
        {tokens.isPending ? (
          <p className="status">{t.loading}</p>
        ) : tokens.isError ? (
          <p className="status status--error">{tokens.error.message}</p>
        ) : tokens.data.length === 0 ? (
          <p>{t.adminNoTokens}</p>
        ) : (
          <div className="table-scroll">
            <table aria-label={t.adminTokens} className="data-table admin-table" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">{t.adminTokenName}</th>
                  <th scope="col">{t.adminTokenPrefix}</th>
                  <th scope="col">{t.adminProvinces}</th>
                  <th scope="col">{t.adminLastUsed}</th>
                  <th scope="col">{t.stateLabel}</th>
                  <th scope="col">{t.adminActions}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((k) => (
                  <tr key={k.id} data-token={k.name}>
                    <th scope="row">
                      {k.name}
                      <div className="muted">
                        {k.created_by} · {k.created_at.slice(0, 10)}
                      </div>
                    </th>
                    <td className="code">{k.prefix}…</td>
                    <td>
                      <AreaNames areas={k.areas} />
                    </td>
                    <td>{k.last_used_at ? k.last_used_at.slice(0, 16).replace("T", " ") : "—"}</td>
                    <td>{k.revoked_at ? t.adminRevokedOn(k.revoked_at.slice(0, 10)) : t.adminActive}</td>
                    <td>
                      {!k.revoked_at && (
                        <button type="button" className="button-secondary" onClick={() => void revoke(k.id)}>
                          {t.adminRevoke}
                        </button>
                      )}
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
