/**
 * The quarterly reporting workflow (DESIGN §5): a province's report is filled (web form or Excel),
 * validated, submitted, then approved or returned by a reviewer; approved values are locked and
 * become observations of the series `reported` (with their revision history), and the series is
 * recomputed. Reopening an approved report is a reviewer's recorded act.
 *
 * Every use case checks the role and the area scope here, in the service (a reporter of one
 * province can never read drafts of, or write to, another), and records the write in the audit
 * log. State changes are conditional on the state and version the caller saw: two reviewers acting
 * at once get one success and one 409, and nothing is lost.
 */
import { DEMO_DERIVED_ELEMENTS } from "../catalog/demo.ts";
import { defaultValidationRules } from "../catalog/validation-rules.ts";
import type { Area, Geography } from "../domain/area.ts";
import type { Principal } from "../domain/auth.ts";
import type { DataElement, Pillar } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import { formatPeriod, geographyOfPeriod, type Period, parsePeriod } from "../domain/period.ts";
import { parseRule, type ValidationRule, validateReport } from "../methods/validation.ts";
import { listAreas, listDataElements, listPillars } from "../store/catalog-repo.ts";
import type { Store } from "../store/db.ts";
import { upsertObservations } from "../store/observations-repo.ts";
import {
  findReport,
  getOrCreateReport,
  insertMissingRules,
  listReportEvents,
  listReportingPeriods,
  listReports,
  listReportValues,
  listValidationRules,
  type ReportEvent,
  type ReportingPeriod,
  type ReportRow,
  type ReportState,
  recordReportEvent,
  transitionReport,
  upsertReportingPeriod,
  upsertReportValues,
  upsertValidationRule,
} from "../store/reports-repo.ts";
import { recordAudit } from "./audit.ts";
import { assertCan, canAdmin, canReadDrafts, canReview, canWriteReport } from "./permissions.ts";
import { recompute } from "./recompute.ts";

export const REPORTED_SERIES = "reported";
const MAX_COMMENT = 2000;
const MAX_ABS_VALUE = 1e15;

function actorOf(p: Principal): string {
  return p.email ?? `${p.kind}:${p.id}`;
}

/**
 * The data elements of a quarter's form: those reported by provinces and not derived; quarterly ones
 * every quarter, and annual ones (population, households, …) in the fourth quarter's report, which
 * is where a provincial officer gives the year's figures. Without a period: the quarterly ones.
 */
export function formElements(elements: readonly DataElement[], period?: Period): DataElement[] {
  const derived = new Set<string>(DEMO_DERIVED_ELEMENTS);
  const withAnnual = period?.kind === "Q" && period.index === 4;
  return elements.filter(
    (e) =>
      (e.frequency === "quarterly" || (withAnnual && e.frequency === "annual")) &&
      e.areaAggregation !== "none" &&
      !derived.has(e.code),
  );
}

/** The period a reported value belongs to: the quarter, or its year for an annual element. */
export function valuePeriod(element: DataElement | undefined, reportPeriod: string): string {
  if (element?.frequency !== "annual") return reportPeriod;
  return String(parsePeriod(reportPeriod).year);
}

export interface ReportKey {
  geography: Geography;
  area: string;
  period: string;
}

async function checkKey(
  store: Store,
  key: ReportKey,
): Promise<{ area: Area; period: Period; reportingPeriod: ReportingPeriod }> {
  const period = parsePeriod(key.period, "period");
  if (period.kind !== "Q") {
    throw new DxmError("invalid_period", `period: reports are quarterly (got ${key.period})`, {
      field: "period",
      messageVi: `period: báo cáo theo quý (đang là ${key.period})`,
    });
  }
  if (geographyOfPeriod(period) !== key.geography) {
    throw new DxmError(
      "invalid_area",
      `geography: ${key.period} is reported in the ${geographyOfPeriod(period)} geography`,
      {
        field: "geography",
        messageVi: `geography: kỳ ${key.period} báo cáo theo địa giới ${geographyOfPeriod(period)}`,
      },
    );
  }
  const [area] = await listAreas(store.db, {
    geography: [key.geography],
    code: [key.area],
    level: ["province"],
  });
  if (!area) {
    throw new DxmError("not_found", `area: no province ${key.area} in the ${key.geography} geography`, {
      field: "area",
      messageVi: `area: không có tỉnh ${key.area} trong địa giới ${key.geography}`,
    });
  }
  const reportingPeriod = (await listReportingPeriods(store.db)).find(
    (p) => p.period === formatPeriod(period),
  );
  if (!reportingPeriod) {
    throw new DxmError("not_found", `period: ${key.period} is not open for reporting`, {
      field: "period",
      messageVi: `period: kỳ ${key.period} chưa mở để báo cáo`,
    });
  }
  return { area, period, reportingPeriod };
}

export async function loadRules(store: Store): Promise<ValidationRule[]> {
  const elements = new Set((await listDataElements(store.db)).map((e) => e.code));
  const stored = await listValidationRules(store.db);
  return stored.filter((r) => r.enabled).map((r) => parseRule(r.rule, elements));
}

function previousQuarter(p: Period): string {
  return formatPeriod(
    p.index === 1
      ? { year: p.year - 1, kind: "Q", index: 4 }
      : { year: p.year, kind: "Q", index: p.index - 1 },
  );
}

/**
 * Values of the previous period for the area: the previous quarter for quarterly elements, the
 * previous year for annual ones (Q4 reports); the reported series first, else (demo mode) the demo
 * series.
 */
async function previousValues(
  store: Store,
  key: ReportKey,
  period: Period,
): Promise<{ series: string | null; values: Map<string, number> }> {
  const prevQuarter = previousQuarter(period);
  const wanted = [prevQuarter];
  if (period.index === 4) wanted.push(String(period.year - 1));
  const values = new Map<string, number>();
  let found: string | null = null;
  for (const prev of wanted) {
    const prevGeography = geographyOfPeriod(parsePeriod(prev));
    // The same code means the same province only within one geography.
    if (prevGeography !== key.geography) continue;
    for (const series of [REPORTED_SERIES, "demo"]) {
      const rows = await store.db
        .selectFrom("observation")
        .select(["code", "value"])
        .where("series", "=", series)
        .where("target", "=", "element")
        .where("geography", "=", prevGeography)
        .where("area_code", "=", key.area)
        .where("period", "=", prev)
        .execute();
      if (rows.length) {
        // A quarter's row for an annual code cannot exist, nor a year's for a quarterly one, so
        // the two periods fill different codes.
        for (const r of rows) if (!values.has(r.code)) values.set(r.code, r.value);
        if (prev === prevQuarter || found === null) found = series;
        break;
      }
    }
  }
  return { series: found, values };
}

export interface ReportView {
  report: ReportRow | null;
  area: Area;
  deadline: string;
  elements: DataElement[];
  pillars: Pillar[];
  values: Map<string, number | null>;
  comments: Map<string, string>;
  previous: Map<string, number>;
  previousSeries: string | null;
  validation: ReturnType<typeof validateReport>;
  events: ReportEvent[];
}

export async function getReport(
  store: Store,
  principal: Principal | null,
  key: ReportKey,
): Promise<ReportView> {
  const { area, period, reportingPeriod } = await checkKey(store, key);
  assertCan(
    canReadDrafts(principal, { geography: key.geography, code: key.area }),
    principal,
    `read the report of ${key.geography}:${key.area}`,
  );
  const report = (await findReport(store.db, key.geography, key.area, formatPeriod(period))) ?? null;
  const [allElements, pillars, rules, prev] = await Promise.all([
    listDataElements(store.db),
    listPillars(store.db),
    loadRules(store),
    previousValues(store, key, period),
  ]);
  const elements = formElements(allElements, period);
  const values = new Map<string, number | null>();
  const comments = new Map<string, string>();
  if (report) {
    for (const v of await listReportValues(store.db, report.id)) {
      values.set(v.element, v.value);
      if (v.comment) comments.set(v.element, v.comment);
    }
  }
  const validation = validateReport({
    elements,
    values,
    required: new Set(elements.map((e) => e.code)),
    rules,
    previous: prev.values,
    comments,
  });
  return {
    report,
    area,
    deadline: reportingPeriod.deadline,
    elements,
    pillars: pillars.filter((p) => elements.some((e) => e.pillar === p.code)),
    values,
    comments,
    previous: prev.values,
    previousSeries: prev.series,
    validation,
    events: report ? await listReportEvents(store.db, report.id) : [],
  };
}

export interface ValuesInput {
  values: Record<string, number | null>;
  comments?: Record<string, string>;
  /** The version the client edited; a stale one is a 409. */
  version?: number;
}

function conflict(report: ReportRow, what: string): DxmError {
  return new DxmError(
    "conflict",
    `The report of ${report.geography}:${report.area} for ${report.period} is ${report.state} (version ${report.version}); ${what}`,
    {
      field: "state",
      messageVi: `Báo cáo của ${report.geography}:${report.area} kỳ ${report.period} đang ở trạng thái ${report.state} (phiên bản ${report.version}); ${what}`,
      details: { state: report.state, version: report.version },
    },
  );
}

/** Refuses (401/403) a caller who may not write this province's report. */
export function assertCanWrite(principal: Principal | null, key: ReportKey): void {
  assertCan(
    canWriteReport(principal, { geography: key.geography, code: key.area }),
    principal,
    `write the report of ${key.geography}:${key.area}`,
  );
}

/** Saves values and comments of a draft (or a returned report, which becomes a draft again). */
export async function saveValues(
  store: Store,
  principal: Principal | null,
  key: ReportKey,
  input: ValuesInput,
  action = "save",
): Promise<ReportView> {
  const { period } = await checkKey(store, key);
  assertCan(
    canWriteReport(principal, { geography: key.geography, code: key.area }),
    principal,
    `write the report of ${key.geography}:${key.area}`,
  );
  const p = principal!;
  const catalogue = await listDataElements(store.db);
  const elements = formElements(catalogue, period);
  const known = new Map(elements.map((e) => [e.code, e]));
  const annual = new Set(catalogue.filter((e) => e.frequency === "annual").map((e) => e.code));
  const annualHint = (code: string) => (annual.has(code) ? " (annual elements are reported in Q4)" : "");
  const annualHintVi = (code: string) => (annual.has(code) ? " (chỉ tiêu năm báo cáo trong kỳ quý IV)" : "");
  const rows: { element: string; value: number | null; comment: string | null }[] = [];
  const commentsIn = input.comments ?? {};
  for (const [code, value] of Object.entries(input.values)) {
    if (!known.has(code)) {
      throw new DxmError(
        "invalid_body",
        `values.${code}: not a data element of this report${annualHint(code)}`,
        {
          field: `values.${code}`,
          messageVi: `values.${code}: không phải chỉ tiêu của báo cáo này${annualHintVi(code)}`,
        },
      );
    }
    const el = known.get(code)!;
    if (
      value !== null &&
      Number.isFinite(value) &&
      ((el.min !== undefined && value < el.min) || (el.max !== undefined && value > el.max))
    ) {
      const range = `${el.min ?? "−∞"} … ${el.max ?? "∞"}`;
      throw new DxmError("invalid_body", `values.${code}: ${value} is outside ${range} (${el.nameEn})`, {
        field: `values.${code}`,
        messageVi: `values.${code}: ${value} nằm ngoài khoảng ${range} (${el.nameVi})`,
      });
    }
    if (value !== null && (!Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE)) {
      throw new DxmError("invalid_body", `values.${code}: ${value} is not a finite number within ±1e15`, {
        field: `values.${code}`,
        messageVi: `values.${code}: ${value} không phải số hữu hạn trong khoảng ±1e15`,
      });
    }
  }
  for (const [code, text] of Object.entries(commentsIn)) {
    if (!known.has(code)) {
      throw new DxmError(
        "invalid_body",
        `comments.${code}: not a data element of this report${annualHint(code)}`,
        {
          field: `comments.${code}`,
          messageVi: `comments.${code}: không phải chỉ tiêu của báo cáo này${annualHintVi(code)}`,
        },
      );
    }
    if (text.length > MAX_COMMENT) {
      throw new DxmError("invalid_body", `comments.${code}: at most ${MAX_COMMENT} characters`, {
        field: `comments.${code}`,
        messageVi: `comments.${code}: tối đa ${MAX_COMMENT} ký tự`,
      });
    }
  }
  const periodText = formatPeriod(period);
  await store.db.transaction().execute(async (trx) => {
    const report = await getOrCreateReport(trx, key.geography, key.area, periodText);
    if (report.state !== "draft" && report.state !== "returned")
      throw conflict(report, "only a draft or returned report can be edited");
    if (input.version !== undefined && input.version !== report.version)
      throw conflict(report, `you edited version ${input.version}`);
    const existing = new Map((await listReportValues(trx, report.id)).map((v) => [v.element, v]));
    const codes = new Set([...Object.keys(input.values), ...Object.keys(commentsIn)]);
    for (const code of codes) {
      const old = existing.get(code);
      const value = code in input.values ? (input.values[code] ?? null) : (old?.value ?? null);
      const comment = code in commentsIn ? commentsIn[code]!.trim() || null : (old?.comment ?? null);
      if (old && old.value === value && old.comment === comment) continue;
      rows.push({ element: code, value, comment });
    }
    const before = Object.fromEntries(rows.map((r) => [r.element, existing.get(r.element)?.value ?? null]));
    await upsertReportValues(trx, report.id, rows, actorOf(p));
    const moved =
      report.state === "returned"
        ? await transitionReport(trx, report.id, ["returned"], report.version, "draft", {})
        : rows.length
          ? await transitionReport(trx, report.id, ["draft"], report.version, "draft", {})
          : report;
    if (!moved) throw conflict(report, "it was changed by someone else meanwhile");
    if (rows.length || report.state === "returned") {
      await recordReportEvent(trx, {
        reportId: report.id,
        action,
        actor: actorOf(p),
        from: report.state,
        to: "draft",
        comment: null,
      });
      await recordAudit(trx, {
        actor: actorOf(p),
        action: `report.${action}`,
        entity: "report",
        entityKey: `${key.geography}:${key.area}:${periodText}`,
        before,
        after: Object.fromEntries(rows.map((r) => [r.element, r.value])),
      });
    }
  });
  return getReport(store, principal, key);
}

async function transition(
  store: Store,
  principal: Principal | null,
  key: ReportKey,
  spec: {
    action: "submit" | "approve" | "return" | "reopen";
    allowed: (p: Principal | null) => boolean;
    from: ReportState[];
    to: ReportState;
    comment?: string | null;
    version?: number;
  },
): Promise<ReportRow> {
  const { period } = await checkKey(store, key);
  assertCan(spec.allowed(principal), principal, `${spec.action} the report of ${key.geography}:${key.area}`);
  const p = principal!;
  const report = await findReport(store.db, key.geography, key.area, formatPeriod(period));
  if (!report) {
    throw new DxmError("not_found", `No report of ${key.geography}:${key.area} for ${key.period} yet`, {
      field: "report",
      messageVi: `Chưa có báo cáo của ${key.geography}:${key.area} kỳ ${key.period}`,
    });
  }
  if (!spec.from.includes(report.state))
    throw conflict(
      report,
      `it cannot be ${spec.action === "return" ? "returned" : `${spec.action}ed`} from ${report.state}`,
    );
  const version = spec.version ?? report.version;
  if (version !== report.version) throw conflict(report, `you acted on version ${version}`);
  if (spec.action === "submit") {
    const view = await getReport(store, principal, key);
    if (!view.validation.canSubmit) {
      throw new DxmError(
        "invalid_data",
        `The report cannot be submitted: ${view.validation.errors} error(s) and ${view.validation.uncommentedWarnings} warning(s) without a comment`,
        {
          field: "values",
          messageVi: `Chưa thể nộp báo cáo: ${view.validation.errors} lỗi và ${view.validation.uncommentedWarnings} cảnh báo chưa có giải trình`,
          details: { issues: view.validation.issues },
        },
      );
    }
  }
  const actor = actorOf(p);
  const updated = await store.db.transaction().execute(async (trx) => {
    const moved = await transitionReport(trx, report.id, spec.from, version, spec.to, {
      ...(spec.action === "submit" ? { submittedBy: actor } : {}),
      ...(spec.action === "approve" ? { approvedBy: actor } : {}),
      ...(spec.action === "reopen" ? { clearApproval: true } : {}),
    });
    if (!moved) throw conflict(report, "someone else acted on it first");
    await recordReportEvent(trx, {
      reportId: report.id,
      action: spec.action,
      actor,
      from: report.state,
      to: spec.to,
      comment: spec.comment ?? null,
    });
    await recordAudit(trx, {
      actor,
      action: `report.${spec.action}`,
      entity: "report",
      entityKey: `${key.geography}:${key.area}:${report.period}`,
      before: { state: report.state, version: report.version },
      after: { state: spec.to, version: moved.version, comment: spec.comment ?? null },
    });
    if (spec.action === "approve") {
      const values = await listReportValues(trx, report.id);
      const catalogue = new Map((await listDataElements(trx)).map((e) => [e.code, e]));
      const observations: Observation[] = values
        .filter((v) => v.value !== null)
        .map((v) => ({
          series: REPORTED_SERIES,
          code: v.element,
          target: "element",
          geography: key.geography,
          area: key.area,
          // An annual element of a Q4 report is the year's value.
          period: valuePeriod(catalogue.get(v.element), report.period),
          value: v.value!,
          status: "preliminary",
          note: `report ${report.id} approved by ${actor}`,
        }));
      await upsertObservations(trx, observations, actor, `approval of report ${report.id}`);
    }
    return moved;
  });
  if (spec.action === "approve") await recompute(store, { series: [REPORTED_SERIES] });
  return updated;
}

export const submitReport = (store: Store, p: Principal | null, key: ReportKey, version?: number) =>
  transition(store, p, key, {
    action: "submit",
    allowed: (x) => canWriteReport(x, { geography: key.geography, code: key.area }),
    from: ["draft"],
    to: "submitted",
    ...(version !== undefined ? { version } : {}),
  });

export const approveReport = (store: Store, p: Principal | null, key: ReportKey, version?: number) =>
  transition(store, p, key, {
    action: "approve",
    allowed: canReview,
    from: ["submitted"],
    to: "approved",
    ...(version !== undefined ? { version } : {}),
  });

export async function returnReport(
  store: Store,
  p: Principal | null,
  key: ReportKey,
  comment: string,
  version?: number,
) {
  if (!comment.trim()) {
    throw new DxmError("invalid_body", "comment: say why the report is returned", {
      field: "comment",
      messageVi: "comment: hãy ghi lý do trả lại báo cáo",
    });
  }
  return transition(store, p, key, {
    action: "return",
    allowed: canReview,
    from: ["submitted"],
    to: "returned",
    comment: comment.trim(),
    ...(version !== undefined ? { version } : {}),
  });
}

export const reopenReport = (
  store: Store,
  p: Principal | null,
  key: ReportKey,
  comment: string | null,
  version?: number,
) =>
  transition(store, p, key, {
    action: "reopen",
    allowed: canReview,
    from: ["approved"],
    to: "draft",
    comment,
    ...(version !== undefined ? { version } : {}),
  });

/** Reports visible to the principal: reporters see their own provinces only. */
export async function listVisibleReports(
  store: Store,
  principal: Principal | null,
  filter: { period?: string[]; geography?: string[]; area?: string[]; state?: string[] },
): Promise<ReportRow[]> {
  assertCan(principal !== null, principal, "list reports");
  const rows = await listReports(store.db, filter);
  return rows.filter((r) => canReadDrafts(principal, { geography: r.geography, code: r.area }));
}

export interface CompletenessRow {
  geography: Geography;
  area: string;
  nameVi: string;
  nameEn: string;
  state: ReportState | "not_started";
  submittedAt: Date | null;
  late: boolean;
}

/** Per province of the period's geography: the report's state, and whether it is late. */
export async function completeness(
  store: Store,
  principal: Principal | null,
  periodText: string,
  today: string,
): Promise<{ period: string; deadline: string; rows: CompletenessRow[] }> {
  assertCan(
    canReview(principal) || canAdmin(principal) || principal?.role === "analyst",
    principal,
    "see completeness",
  );
  const period = formatPeriod(parsePeriod(periodText, "period"));
  const rp = (await listReportingPeriods(store.db)).find((p) => p.period === period);
  if (!rp) {
    throw new DxmError("not_found", `period: ${period} is not open for reporting`, {
      field: "period",
      messageVi: `period: kỳ ${period} chưa mở để báo cáo`,
    });
  }
  const provinces = await listAreas(store.db, { geography: [rp.geography], level: ["province"] });
  const reports = new Map((await listReports(store.db, { period: [period] })).map((r) => [r.area, r]));
  const rows = provinces.map((a) => {
    const r = reports.get(a.code);
    const submittedAt = r?.submittedAt ?? null;
    const done = r && (r.state === "submitted" || r.state === "approved");
    const late = !done
      ? today > rp.deadline
      : submittedAt !== null && submittedAt.toISOString().slice(0, 10) > rp.deadline;
    return {
      geography: rp.geography,
      area: a.code,
      nameVi: a.nameVi,
      nameEn: a.nameEn,
      state: r?.state ?? ("not_started" as const),
      submittedAt,
      late,
    };
  });
  return { period, deadline: rp.deadline, rows };
}

export async function openPeriod(
  store: Store,
  principal: Principal | null,
  periodText: string,
  deadline: string,
): Promise<ReportingPeriod> {
  assertCan(canAdmin(principal) || canReview(principal), principal, "open a reporting period");
  return openPeriodAs(store, actorOf(principal!), periodText, deadline);
}

/** Opens a period on behalf of `actor` (the system at start-up in demo mode, or a checked user). */
export async function openPeriodAs(
  store: Store,
  actor: string,
  periodText: string,
  deadline: string,
): Promise<ReportingPeriod> {
  const period = parsePeriod(periodText, "period");
  if (period.kind !== "Q") {
    throw new DxmError("invalid_period", "period: reporting periods are quarters", {
      field: "period",
      messageVi: "period: kỳ báo cáo là quý",
    });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || Number.isNaN(Date.parse(deadline))) {
    throw new DxmError("invalid_parameter", `deadline: "${deadline}" is not a date YYYY-MM-DD`, {
      field: "deadline",
      messageVi: `deadline: "${deadline}" không phải ngày YYYY-MM-DD`,
    });
  }
  const rp: ReportingPeriod = {
    period: formatPeriod(period),
    geography: geographyOfPeriod(period),
    deadline,
    open: true,
  };
  await upsertReportingPeriod(store.db, rp, actor);
  await recordAudit(store.db, {
    actor,
    action: "reporting_period.open",
    entity: "reporting_period",
    entityKey: rp.period,
    after: rp,
  });
  return rp;
}

export function getOpenPeriods(store: Store): Promise<ReportingPeriod[]> {
  return listReportingPeriods(store.db, true);
}

/** Seeds the default validation rules that are not stored yet (an admin's edits stay). */
export async function seedValidationRules(store: Store): Promise<number> {
  return insertMissingRules(
    store.db,
    defaultValidationRules.map((r) => ({
      id: r.id,
      rule: { ...r } as Record<string, unknown>,
      enabled: true,
    })),
    "seed",
  );
}

export async function getValidationRules(
  store: Store,
): Promise<{ id: string; rule: ValidationRule; enabled: boolean }[]> {
  const elements = new Set((await listDataElements(store.db)).map((e) => e.code));
  return (await listValidationRules(store.db)).map((r) => ({
    id: r.id,
    rule: parseRule(r.rule, elements),
    enabled: r.enabled,
  }));
}

export async function saveValidationRule(
  store: Store,
  principal: Principal | null,
  input: unknown,
  enabled: boolean,
): Promise<ValidationRule> {
  assertCan(canAdmin(principal), principal, "edit validation rules");
  const elements = new Set((await listDataElements(store.db)).map((e) => e.code));
  const rule = parseRule(input, elements);
  const before = await upsertValidationRule(
    store.db,
    { id: rule.id, rule: { ...rule } as Record<string, unknown>, enabled },
    actorOf(principal!),
  );
  await recordAudit(store.db, {
    actor: actorOf(principal!),
    action: "validation_rule.save",
    entity: "validation_rule",
    entityKey: rule.id,
    before: before ?? null,
    after: { rule, enabled },
  });
  return rule;
}
