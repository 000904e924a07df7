/**
 * `/assessment`: the public self-assessment form. Steps: the firm, one step per pillar (five
 * questions each, answers 0–5 with the meaning of 0 and 5), the platforms, then send. Every change
 * is saved in localStorage, so a reload returns to the same step with the same answers. The server
 * checks everything again and lists every bad field; its messages are shown as they come.
 */
import { useEffect, useMemo, useState } from "react";
import { sizeClassOf } from "../../../methods/maturity.ts";
import { QueryStatus } from "../../components/QueryStatus.tsx";
import {
  clearDraft,
  type Draft,
  type FieldProblem,
  keepResult,
  loadDraft,
  postAssessment,
  saveDraft,
  useQuestionnaireQuery,
} from "../../data/assessment.ts";
import { useAreasQuery } from "../../data/queries.ts";
import { localName, usePageLanguage } from "../../i18n/language.tsx";
import { ASSESSMENT_MESSAGES } from "./messages.ts";
import "./assessment.css";

const AGRI_INDUSTRY = /^[A-F]$/;

export function AssessmentPage() {
  const { t, lang } = usePageLanguage(ASSESSMENT_MESSAGES);
  const m = t.assessment;
  const q = useQuestionnaireQuery();
  const provinces = useAreasQuery("2025", "province");
  const provinces2008 = useAreasQuery("2008", "province");
  const [draft, setDraft] = useState<Draft>(loadDraft);
  // The 2008 provinces merged into the chosen 2025 one: the firm may name its own, so that the
  // statistics can place it in the 2008 geography too (optional; one predecessor needs no choice).
  const former = useMemo(() => {
    const unit = (provinces.data ?? []).find((p) => p.code === draft.province);
    const members = unit?.members ?? [];
    if (members.length < 2) return [];
    return (provinces2008.data ?? []).filter((p) => members.includes(p.code));
  }, [provinces.data, provinces2008.data, draft.province]);
  const [missing, setMissing] = useState<string[]>([]);
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [sizeHelp, setSizeHelp] = useState({ employees: "", revenue: "", capital: "" });

  useEffect(() => saveDraft(draft), [draft]);
  useEffect(() => {
    if (q.data && !draft.formToken) setDraft((d) => ({ ...d, formToken: q.data.form_token }));
  }, [q.data, draft.formToken]);

  const data = q.data;
  const pillars = data?.pillars ?? [];
  const steps = pillars.length + 2;
  const step = Math.min(draft.step, Math.max(steps - 1, 0));
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const answeredCount = data ? data.questions.filter((x) => draft.answers[x.code] !== undefined).length : 0;

  const computedSize = useMemo(() => {
    if (!data || !draft.sector || sizeHelp.employees === "") return undefined;
    const limits = AGRI_INDUSTRY.test(draft.sector)
      ? data.size_criteria.agriculture_industry_construction
      : data.size_criteria.trade_services;
    const num = (s: string) => (s.trim() === "" ? null : Number(s.replace(",", ".")));
    return sizeClassOf(
      {
        employees: Number(sizeHelp.employees),
        revenue: num(sizeHelp.revenue),
        capital: num(sizeHelp.capital),
      },
      limits,
    );
  }, [data, draft.sector, sizeHelp]);

  if (!data) return <QueryStatus queries={[q]} />;

  const firmMissing = () =>
    [
      [draft.taxCode, m.taxCode],
      [draft.name, m.name],
      [draft.province, m.province],
      [draft.sector, m.sector],
      [draft.size, m.size],
    ]
      .filter(([v]) => !v)
      .map(([, label]) => label as string);

  const pillarMissing = (code: string) =>
    data.questions.filter((x) => x.pillar === code && draft.answers[x.code] === undefined).map((x) => x.code);

  const go = (to: number) => {
    setMissing([]);
    update({ step: to });
    window.scrollTo(0, 0);
  };

  const next = () => {
    const gaps =
      step === 0 ? firmMissing() : step <= pillars.length ? pillarMissing(pillars[step - 1]!.code) : [];
    if (gaps.length) {
      setMissing(gaps);
      return;
    }
    go(step + 1);
  };

  const submit = async () => {
    setSending(true);
    setErrors([]);
    try {
      const out = await postAssessment({
        taxCode: draft.taxCode.trim(),
        name: draft.name,
        // A named former province is the finer fact: the server derives the 2025 one from it.
        province:
          draft.province2008 && former.some((p) => p.code === draft.province2008)
            ? { geography: "2008", code: draft.province2008 }
            : { geography: "2025", code: draft.province },
        sector: draft.sector,
        size: draft.size,
        answers: draft.answers,
        platforms: draft.platforms,
        formToken: draft.formToken,
      });
      if (out.ok) {
        keepResult(out.token, out.result);
        clearDraft();
        window.location.assign(
          `/assessment/result${window.location.search}#${out.token}${out.duplicate ? ":dup" : ""}`,
        );
        return;
      }
      setErrors(
        out.errors.length ? out.errors : [{ field: "", message: out.detail, message_vi: out.detail }],
      );
      // A token the server no longer accepts (expired, or from another database) is replaced.
      if (out.errors.some((e) => e.field === "formToken" && !/too soon/.test(e.message))) {
        const fresh = await q.refetch();
        if (fresh.data) update({ formToken: fresh.data.form_token });
      }
    } finally {
      setSending(false);
    }
  };

  const stepTitle =
    step === 0 ? m.stepFirm : step <= pillars.length ? localName(pillars[step - 1]!, lang) : m.stepPlatforms;

  return (
    <article className="assessment">
      <h2>{m.title}</h2>
      <p className="card__intro">{m.intro}</p>
      <p className="assessment__progress" data-testid="assessment-progress">
        {m.stepOf(step + 1, steps)} · {m.answered(answeredCount, data.questions.length)}
      </p>
      <progress
        className="assessment__bar"
        max={steps}
        value={step + 1}
        aria-label={m.stepOf(step + 1, steps)}
      />
      <section className="card" aria-labelledby="step-title">
        <h3 id="step-title">{stepTitle}</h3>

        {step === 0 && (
          <div className="assessment__firm">
            <label className="field">
              <span>{m.taxCode}</span>
              <input
                name="taxCode"
                inputMode="numeric"
                autoComplete="off"
                value={draft.taxCode}
                onChange={(e) => update({ taxCode: e.target.value })}
                aria-describedby="tax-hint"
              />
              <small id="tax-hint">{m.taxCodeHint}</small>
            </label>
            <label className="field">
              <span>{m.name}</span>
              <input name="name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
            </label>
            <label className="field">
              <span>{m.province}</span>
              <select
                name="province"
                value={draft.province}
                onChange={(e) => update({ province: e.target.value, province2008: "" })}
              >
                <option value="">{m.choose}</option>
                {(provinces.data ?? []).map((p) => (
                  <option key={p.code} value={p.code}>
                    {localName(p, lang)}
                  </option>
                ))}
              </select>
            </label>
            {former.length > 0 ? (
              <label className="field">
                <span>{m.province2008}</span>
                <select
                  name="province2008"
                  value={draft.province2008}
                  onChange={(e) => update({ province2008: e.target.value })}
                >
                  <option value="">{m.province2008Unknown}</option>
                  {former.map((p) => (
                    <option key={p.code} value={p.code}>
                      {localName(p, lang)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="field">
              <span>{m.sector}</span>
              <select name="sector" value={draft.sector} onChange={(e) => update({ sector: e.target.value })}>
                <option value="">{m.choose}</option>
                {data.sectors.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} — {localName(s, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{m.size}</span>
              <select name="size" value={draft.size} onChange={(e) => update({ size: e.target.value })}>
                <option value="">{m.choose}</option>
                {data.sizes.map((s) => (
                  <option key={s.code} value={s.code}>
                    {localName(s, lang)}
                  </option>
                ))}
              </select>
            </label>
            <details className="assessment__sizehelp">
              <summary>{m.sizeHelp}</summary>
              <div className="assessment__sizegrid">
                {(["employees", "revenue", "capital"] as const).map((k) => (
                  <label className="field" key={k}>
                    <span>{m[k]}</span>
                    <input
                      inputMode="decimal"
                      value={sizeHelp[k]}
                      onChange={(e) => setSizeHelp((s) => ({ ...s, [k]: e.target.value }))}
                    />
                  </label>
                ))}
              </div>
              {computedSize && (
                <p>
                  {m.sizeComputed(localName(data.sizes.find((s) => s.code === computedSize)!, lang))}{" "}
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => update({ size: computedSize })}
                  >
                    OK
                  </button>
                </p>
              )}
            </details>
          </div>
        )}

        {step >= 1 && step <= pillars.length && (
          <ol className="assessment__questions">
            {data.questions
              .filter((x) => x.pillar === pillars[step - 1]!.code)
              .map((x) => (
                <li key={x.code} className="assessment__question">
                  <fieldset>
                    <legend>{lang === "vi" ? x.text_vi : x.text_en}</legend>
                    <div className="assessment__scale" role="radiogroup">
                      {data.scale.map((s) => (
                        <label
                          key={s.value}
                          className="assessment__choice"
                          title={localName({ name_vi: s.name_vi, name_en: s.name_en }, lang)}
                        >
                          <input
                            type="radio"
                            name={x.code}
                            value={s.value}
                            checked={draft.answers[x.code] === s.value}
                            onChange={() => update({ answers: { ...draft.answers, [x.code]: s.value } })}
                          />
                          <span className="assessment__value">{s.value}</span>
                          <span className="assessment__scale-name">{localName(s, lang)}</span>
                        </label>
                      ))}
                    </div>
                    <p className="assessment__anchors">
                      <span>
                        <strong>{m.low}</strong> {lang === "vi" ? x.low_vi : x.low_en}
                      </span>
                      <span>
                        <strong>{m.high}</strong> {lang === "vi" ? x.high_vi : x.high_en}
                      </span>
                    </p>
                  </fieldset>
                </li>
              ))}
          </ol>
        )}

        {step === pillars.length + 1 && (
          <fieldset className="assessment__platforms">
            <legend>{m.platformsIntro}</legend>
            {data.platforms.map((p) => (
              <label key={p.code} className="assessment__platform">
                <input
                  type="checkbox"
                  name="platforms"
                  value={p.code}
                  checked={draft.platforms.includes(p.code)}
                  onChange={(e) =>
                    update({
                      platforms: e.target.checked
                        ? [...draft.platforms, p.code]
                        : draft.platforms.filter((c) => c !== p.code),
                    })
                  }
                />
                {localName(p, lang)}
              </label>
            ))}
          </fieldset>
        )}

        {/* A honeypot for bots: hidden from people and from assistive technology; never sent by this page. */}
        <div className="visually-hidden" aria-hidden="true">
          <label>
            website
            <input tabIndex={-1} autoComplete="off" name="website" defaultValue="" />
          </label>
        </div>

        {missing.length > 0 && (
          <p className="form-error" role="alert">
            {m.missing(missing.join(", "))}
          </p>
        )}
        {errors.length > 0 && (
          <div className="form-error" role="alert" data-testid="assessment-errors">
            <p>{m.errorsTitle}</p>
            <ul>
              {errors.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  {lang === "vi" ? (e.message_vi ?? e.message) : e.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="form-actions">
          {step > 0 && (
            <button type="button" className="button-secondary" onClick={() => go(step - 1)}>
              {m.back}
            </button>
          )}
          {step < steps - 1 ? (
            <button type="button" className="button-primary" onClick={next}>
              {m.next}
            </button>
          ) : (
            <button type="button" className="button-primary" onClick={submit} disabled={sending}>
              {sending ? m.sending : m.submit}
            </button>
          )}
          <button
            type="button"
            className="button-secondary assessment__restart"
            onClick={() => {
              clearDraft();
              setDraft({ ...loadDraft(), formToken: data.form_token });
              setErrors([]);
            }}
          >
            {m.restart}
          </button>
        </div>
      </section>
      <p className="source-note">
        {lang === "vi" ? data.thresholds_note_vi : data.thresholds_note_en}{" "}
        <a href={`/assessment/stats${window.location.search}`}>{m.navStats}</a>
      </p>
    </article>
  );
}
