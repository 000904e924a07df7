/**
 * Validation rules (§4.8), data an admin edits: the list, and a form to change one or add one. The
 * server parses the rule (expressions over `{ELEMENT}` codes, operator, importance, missing-value
 * strategy) and its refusal is shown on the field it names.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { IMPORTANCES, MISSING_STRATEGIES, RULE_OPERATORS } from "../../../methods/validation.ts";
import { ADMIN_KEY, type Rule, saveRule, useRulesQuery } from "../../data/admin.ts";
import { RequestError } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { ADMIN_MESSAGES } from "./messages.ts";

const EMPTY: Rule = {
  id: "",
  nameVi: "",
  nameEn: "",
  left: "",
  operator: "<=",
  right: "",
  importance: "error",
  missing: "skip_if_any_missing",
  enabled: true,
};

type RuleField =
  | "id"
  | "nameVi"
  | "nameEn"
  | "left"
  | "operator"
  | "right"
  | "importance"
  | "missing"
  | "messageVi"
  | "messageEn";

/** The server names fields in the API's spelling (`name_vi`) or the rule's (`nameVi`). */
function ruleField(field: string | undefined): RuleField | undefined {
  if (!field) return undefined;
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const known: readonly string[] = [
    "id",
    "nameVi",
    "nameEn",
    "left",
    "operator",
    "right",
    "importance",
    "missing",
    "messageVi",
    "messageEn",
  ];
  return known.includes(camel) ? (camel as RuleField) : undefined;
}

export function RulesSection() {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const rules = useRulesQuery();
  const [editing, setEditing] = useState<{ rule: Rule; isNew: boolean } | undefined>();
  return (
    <>
      {editing && (
        <RuleForm
          key={`${editing.rule.id}-${editing.isNew}`}
          initial={editing.rule}
          isNew={editing.isNew}
          onDone={() => setEditing(undefined)}
        />
      )}
      <section className="card" aria-labelledby="rules-title">
        <div className="card__head">
          <h2 id="rules-title">{t.adminRules}</h2>
          <button
            type="button"
            className="button-primary"
            onClick={() => setEditing({ rule: EMPTY, isNew: true })}
            data-testid="rule-add"
          >
            {t.adminRuleAdd}
          </button>
        </div>
        {rules.isPending ? (
          <p className="status">{t.loading}</p>
        ) : rules.isError ? (
          <p className="status status--error">{rules.error.message}</p>
        ) : (
          <div className="table-scroll rules-scroll">
            <table aria-label={t.adminRules} className="data-table admin-table" data-testid="rules-table">
              <thead>
                <tr>
                  <th scope="col">{t.adminRuleName}</th>
                  <th scope="col">{t.adminRuleExpression}</th>
                  <th scope="col">{t.adminRuleImportance}</th>
                  <th scope="col">{t.stateLabel}</th>
                  <th scope="col">{t.adminActions}</th>
                </tr>
              </thead>
              <tbody>
                {rules.data.map((r) => (
                  <tr key={r.id} data-rule={r.id}>
                    <th scope="row">
                      {lang === "vi" ? r.nameVi : r.nameEn}
                      <div className="muted code">{r.id}</div>
                    </th>
                    <td className="code">
                      <div className="wrap-cell">
                        {r.left} {r.operator} {r.right}
                      </div>
                    </td>
                    <td>{t.severity(r.importance)}</td>
                    <td>{r.enabled ? t.adminActive : t.adminDisabled}</td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => {
                          setEditing({ rule: r, isNew: false });
                          window.scrollTo({ top: 0 });
                        }}
                      >
                        {t.adminEdit}
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

function RuleForm({ initial, isNew, onDone }: { initial: Rule; isNew: boolean; onDone: () => void }) {
  const { t, lang } = usePageLanguage(ADMIN_MESSAGES);
  const queryClient = useQueryClient();
  const [rule, setRule] = useState<Rule>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<
    { field: RuleField | undefined; text: string; all: string[] } | undefined
  >();

  const set = (field: keyof Rule, value: string | boolean) => setRule((r) => ({ ...r, [field]: value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await saveRule({ ...rule, id: rule.id.trim() });
      await queryClient.invalidateQueries({ queryKey: [...ADMIN_KEY, "rules"] });
      onDone();
    } catch (err) {
      if (err instanceof RequestError) {
        setError({
          field: ruleField(err.field),
          text: err.text(lang),
          all: err.errors.map((x) => x.message),
        });
      } else setError({ field: undefined, text: String(err), all: [] });
    } finally {
      setBusy(false);
    }
  }

  const hint = (field: RuleField) =>
    error?.field === field ? (
      <span className="field-error" data-testid={`rule-${field}-error`}>
        {error.text}
      </span>
    ) : undefined;
  const text = (field: RuleField, label: string, options: { long?: boolean; required?: boolean } = {}) => (
    <label className={`field${options.long ? " field--wide" : ""}`}>
      <span>{label}</span>
      <input
        value={(rule[field] as string | undefined) ?? ""}
        required={options.required ?? false}
        disabled={field === "id" && !isNew}
        aria-invalid={error?.field === field || undefined}
        data-testid={`rule-${field}`}
        onChange={(e) => set(field, e.target.value)}
      />
      {hint(field)}
    </label>
  );
  const choice = (field: RuleField, label: string, values: readonly string[]) => (
    <label className="field">
      <span>{label}</span>
      <select
        value={rule[field] as string}
        data-testid={`rule-${field}`}
        onChange={(e) => set(field, e.target.value)}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      {hint(field)}
    </label>
  );

  return (
    <section className="card" aria-labelledby="rule-form-title">
      <h2 id="rule-form-title">{isNew ? t.adminRuleAdd : t.adminRuleEdit(initial.id)}</h2>
      <p className="card__intro">{t.adminRuleHelp}</p>
      <form className="admin-form" onSubmit={onSubmit} data-testid="rule-form">
        {text("id", t.adminRuleId, { required: true })}
        {text("nameVi", t.adminRuleNameVi, { required: true, long: true })}
        {text("nameEn", t.adminRuleNameEn, { required: true, long: true })}
        {text("left", t.adminRuleLeft, { required: true, long: true })}
        {choice("operator", t.adminRuleOperator, RULE_OPERATORS)}
        {text("right", t.adminRuleRight, { long: true })}
        {choice("importance", t.adminRuleImportance, IMPORTANCES)}
        {choice("missing", t.adminRuleMissing, MISSING_STRATEGIES)}
        {text("messageVi", t.adminRuleMessageVi, { long: true })}
        {text("messageEn", t.adminRuleMessageEn, { long: true })}
        <label className="check">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => set("enabled", e.target.checked)} />{" "}
          {t.adminRuleEnabled}
        </label>
        {error && error.field === undefined && (
          <div className="form-error" role="alert" data-testid="rule-error">
            {error.text}
            {error.all.length > 1 && (
              <ul>
                {error.all.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="rule-save">
            {busy ? t.saving : t.save}
          </button>
          <button type="button" className="button-secondary" onClick={onDone}>
            {t.adminCancel}
          </button>
        </div>
      </form>
    </section>
  );
}
