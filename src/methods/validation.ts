/**
 * Validation of a report (DESIGN §4.8): checks per element, rules between expressions as DHIS2 has
 * them, and outliers against the same area's earlier periods. Errors block submission; warnings
 * need a comment.
 *
 * Checks, in the order the issues are listed:
 * 1. Per element of the form, in form order: `type` (a value must be a finite number; an `integer`
 *    element a whole number), then `min` (x < min) or `max` (x > max) from the element, or
 *    `required` when a required element is empty (null or absent). A value for a code that is not an
 *    element of the form is a `type` error too (the caller decides what belongs to the form).
 * 2. Rules, in the order given: `L op R` with L and R expressions of the formula language (§4.1,
 *    `formula.ts`) over `{ELEMENT}` references.
 *    - `== != > >= < <=` compare the two sides' values with a relative tolerance ε = 10⁻⁹:
 *      L ≈ R ⇔ |L − R| ≤ ε·max(1, |L|, |R|), so `{A} + {B} == {C}` holds for 0.1 + 0.2 and 0.3.
 *      `<=` holds when L < R or L ≈ R, `<` when L < R and not L ≈ R (likewise for `>=`, `>`).
 *    - `compulsory_pair`: if one side has a value the other must have one too; `exclusive_pair`: not
 *      both. A side "has a value" when at least one of its references is filled.
 *    - Missing-value strategy (for comparisons), applied to each side as DHIS2 applies it to its
 *      left and right sides: `skip_if_any_missing` skips the rule when any reference is empty;
 *      `skip_if_all_missing` when every reference of one side is empty (a side without references,
 *      a constant, is never "all missing"); `never_skip` never skips. A rule that is not skipped
 *      is evaluated with its empty references counted as 0, as DHIS2 does.
 *    - Pair operators test the presence of values themselves, so the strategy does not apply to
 *      them (`skip_if_any_missing` would make a compulsory pair never fire).
 *    - A side that cannot be computed (a zero divisor, an overflow to ±∞) leaves the rule
 *      unevaluated: no issue. Out-of-range values are caught by `min`/`max` in that case.
 *    - Values used by rules: every finite value given, even one with a `type`/`min`/`max` error
 *      (the rule's message may help the reporter find the mistake); NaN and ±∞ count as empty.
 * 3. Outliers, per element of the form with a valid current value x (no error of its own), as
 *    warnings:
 *    - `outlier_change`: against the previous period's value p, the relative change
 *      r = |x − p| / |p| > threshold (default 0.5, i.e. 50 %), in both directions; when p = 0 any
 *      x ≠ 0 is a change (r = ∞). At the threshold (within ε) there is no warning.
 *    - `outlier_z`: against the history h₁…hₙ (finite values only, n ≥ 4),
 *      μ = Σhᵢ/n, σ = √(Σ(hᵢ − μ)²/(n − 1)) (sample standard deviation), z = (x − μ)/σ, warning when
 *      |z| > 3; no check when σ = 0 (a constant history says nothing about the spread). Beyond
 *      1e150 the sums are computed on values divided by max |·|, so 1e308 does not overflow.
 * - A warning is "commented" when an element it names has a non-blank comment; it is still listed,
 *   with `needsComment` false. `canSubmit` = no errors and no uncommented warnings.
 * - −0 is 0 (reported as 0). A non-finite value is reported with `value: null`.
 * - Messages in English and Vietnamese name each element as "name (CODE)" with its value, and say
 *   the rule in words, e.g. "Enterprises using electronic contracts (ENT_ECONTRACT_USERS) = 1,200
 *   must be ≤ Active enterprises (ENT_ACTIVE) = 1,000", after the rule's message (or, without one,
 *   its name) and a colon; a compound side lists its references' values. Numbers are grouped as in each language
 *   (1,200.5 / 1.200,5); beyond 10¹⁵ or below 10⁻⁶ they are written with an exponent (1e+308).
 *   The Excel layer adds the sheet and the cell.
 * - Rules are data (an admin edits them): `parseRule` checks one given as unknown input, naming the
 *   offending field in a `DxmError` `invalid_data`. `validateReport` trusts its typed input, but
 *   still refuses (with the same error) a rule whose expression does not parse.
 */
import type { DataElement } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";
import { type EvaluateResult, type Expr, evaluate, parseFormula, references } from "./formula.ts";

export type RuleOperator = "==" | "!=" | ">" | ">=" | "<" | "<=" | "compulsory_pair" | "exclusive_pair";
export type Importance = "error" | "warning";
export type MissingStrategy = "skip_if_any_missing" | "skip_if_all_missing" | "never_skip";

export const RULE_OPERATORS: readonly RuleOperator[] = Object.freeze([
  "==",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "compulsory_pair",
  "exclusive_pair",
]);
export const IMPORTANCES: readonly Importance[] = Object.freeze(["error", "warning"]);
export const MISSING_STRATEGIES: readonly MissingStrategy[] = Object.freeze([
  "skip_if_any_missing",
  "skip_if_all_missing",
  "never_skip",
]);

/** Relative change against the previous period beyond which a value is a warning (0.5 = 50 %). */
export const DEFAULT_CHANGE_THRESHOLD = 0.5;
/** |z| against the history beyond which a value is a warning. */
export const Z_THRESHOLD = 3;
/** Fewest finite history points for a z check. */
export const MIN_HISTORY_POINTS = 4;
/** Relative tolerance of the comparisons. */
export const COMPARISON_EPSILON = 1e-9;

export interface ValidationRule {
  readonly id: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Expression over `{ELEMENT}` references (formula language, §4.1). */
  readonly left: string;
  readonly operator: RuleOperator;
  readonly right: string;
  readonly importance: Importance;
  readonly missing: MissingStrategy;
  /** Shown before the generated explanation instead of the name. */
  readonly messageVi?: string;
  readonly messageEn?: string;
}

export type IssueCode = "required" | "type" | "min" | "max" | "rule" | "outlier_change" | "outlier_z";

export interface ValidationIssue {
  readonly severity: Importance;
  readonly code: IssueCode;
  /** The elements concerned: one for element checks and outliers, the rule's references for a rule. */
  readonly elements: readonly string[];
  readonly ruleId: string | null;
  /** The element's value; for a comparison rule the left side's value; null when not a finite number. */
  readonly value: number | null;
  readonly message: string;
  readonly messageVi: string;
  /** True for a warning that has no comment yet. */
  readonly needsComment: boolean;
}

export interface ValidateReportInput {
  /** The form's elements (type, min, max). */
  readonly elements: readonly DataElement[];
  /** The report's values; null or absent = empty. */
  readonly values: ReadonlyMap<string, number | null>;
  /** Elements that must be filled. */
  readonly required?: ReadonlySet<string>;
  readonly rules: readonly ValidationRule[];
  /** Same area, previous period. */
  readonly previous?: ReadonlyMap<string, number>;
  /** Same area, earlier periods (any order), for the z check. */
  readonly history?: ReadonlyMap<string, readonly number[]>;
  /** Default `DEFAULT_CHANGE_THRESHOLD`; a finite number ≥ 0. */
  readonly changeThreshold?: number;
  /** Element → comment. */
  readonly comments?: ReadonlyMap<string, string>;
}

export interface ValidationResult {
  readonly issues: ValidationIssue[];
  readonly errors: number;
  readonly warnings: number;
  readonly uncommentedWarnings: number;
  readonly canSubmit: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Number formatting

const EN_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
const VI_FORMAT = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 });
const EN_PERCENT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const VI_PERCENT = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const EN_Z = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const VI_Z = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1, signDisplay: "exceptZero" });

type Lang = "en" | "vi";

/**
 * A value as a person reads it: `1,200.5` in English, `1.200,5` in Vietnamese; with an exponent
 * (`1e+308`, Vietnamese `1,5e-7`) beyond 10¹⁵ or below 10⁻⁶; −0 is `0`; NaN and ±∞ as words.
 */
export function formatValue(x: number, lang: Lang): string {
  if (Number.isNaN(x)) return lang === "en" ? "not a number" : "không phải số";
  if (!Number.isFinite(x)) {
    const inf = lang === "en" ? "infinity" : "vô cực";
    return x > 0 ? inf : `−${inf}`;
  }
  const v = x === 0 ? 0 : x;
  const a = Math.abs(v);
  if (a >= 1e15 || (a > 0 && a < 1e-6)) {
    const s = v.toExponential();
    return lang === "en" ? s : s.replace(".", ",");
  }
  return (lang === "en" ? EN_FORMAT : VI_FORMAT).format(v);
}

function formatPercent(fraction: number, lang: Lang): string {
  const p = fraction * 100;
  const sign = p > 0 ? "+" : p < 0 ? "−" : "";
  const a = Math.abs(p);
  const body = a >= 1e15 ? formatValue(a, lang) : (lang === "en" ? EN_PERCENT : VI_PERCENT).format(a);
  return `${sign}${body} %`;
}

// ---------------------------------------------------------------------------------------------------
// Rules as data

const RULE_FIELDS: ReadonlySet<string> = new Set([
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
]);
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const MAX_NAME = 300;
const MAX_MESSAGE = 500;
const MAX_EXPRESSION = 2000;

function invalid(field: string, ruleId: string | null, en: string, vi: string, details = {}): never {
  const whoEn = ruleId === null ? "Validation rule" : `Validation rule ${ruleId}`;
  const whoVi = ruleId === null ? "Quy tắc kiểm tra" : `Quy tắc kiểm tra ${ruleId}`;
  throw new DxmError("invalid_data", `${whoEn}: ${en}`, {
    field,
    messageVi: `${whoVi}: ${vi}`,
    details: { ...details, ...(ruleId === null ? {} : { ruleId }) },
  });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  return typeof x;
}

function requiredText(
  obj: Record<string, unknown>,
  field: string,
  ruleId: string | null,
  max: number,
): string {
  const v = obj[field];
  if (typeof v !== "string") {
    invalid(
      field,
      ruleId,
      `${field} must be text, not ${typeName(v)}`,
      `${field} phải là văn bản, không phải ${typeName(v)}`,
    );
  }
  const t = v.trim();
  if (t.length === 0) invalid(field, ruleId, `${field} is empty`, `${field} đang để trống`);
  if (t.length > max) {
    invalid(
      field,
      ruleId,
      `${field} is too long (${t.length} characters, at most ${max})`,
      `${field} quá dài (${t.length} ký tự, tối đa ${max})`,
    );
  }
  return t;
}

function optionalText(
  obj: Record<string, unknown>,
  field: string,
  ruleId: string,
  max: number,
): string | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string" && v.trim().length === 0) return undefined;
  return requiredText(obj, field, ruleId, max);
}

function oneOf<T extends string>(
  obj: Record<string, unknown>,
  field: string,
  ruleId: string,
  allowed: readonly T[],
): T {
  const v = obj[field];
  const found = allowed.find((a) => a === v);
  if (found === undefined) {
    const shown = typeof v === "string" ? `'${v.slice(0, 40)}'` : typeName(v);
    invalid(
      field,
      ruleId,
      `${field} ${shown} is not one of ${allowed.join(", ")}`,
      `${field} ${shown} không thuộc ${allowed.join(", ")}`,
    );
  }
  return found;
}

function expression(
  obj: Record<string, unknown>,
  field: "left" | "right",
  ruleId: string,
  knownElements: ReadonlySet<string>,
): { text: string; refs: string[] } {
  const text = requiredText(obj, field, ruleId, MAX_EXPRESSION);
  const sideEn = field === "left" ? "left side" : "right side";
  const sideVi = field === "left" ? "vế trái" : "vế phải";
  const r = parseFormula(text);
  if (!r.ast) {
    const first = r.errors[0];
    invalid(
      field,
      ruleId,
      `the ${sideEn} "${text}" is not a valid expression: ${first?.message ?? ""}`,
      `${sideVi} "${text}" không phải biểu thức hợp lệ: ${first?.messageVi ?? ""}`,
      { expression: text, errors: r.errors },
    );
  }
  const refs = references(r.ast);
  const unknown = refs.filter((c) => !knownElements.has(c));
  if (unknown.length > 0) {
    const list = unknown.map((c) => `{${c}}`).join(", ");
    invalid(
      field,
      ruleId,
      `the ${sideEn} refers to ${list}, which ${unknown.length === 1 ? "is not a data element" : "are not data elements"}`,
      `${sideVi} tham chiếu ${list}, không phải chỉ tiêu dữ liệu`,
      { expression: text, unknown },
    );
  }
  return { text, refs };
}

/**
 * Checks a rule given as data (an admin's edit, a stored row) and returns it typed and frozen.
 * Text fields are trimmed; an empty or null message counts as absent.
 *
 * @throws DxmError `invalid_data` with `field` naming the offending field: not an object (`rule`),
 *   an unknown field, a missing or over-long text, a bad id, an operator, importance or strategy
 *   outside the lists, an expression that does not parse or refers to a code not in
 *   `knownElements`, a rule without any reference, a pair whose side has no reference.
 */
export function parseRule(input: unknown, knownElements: ReadonlySet<string>): ValidationRule {
  if (!isRecord(input)) {
    invalid(
      "rule",
      null,
      `must be an object, not ${typeName(input)}`,
      `phải là một đối tượng, không phải ${typeName(input)}`,
    );
  }
  const rawId = typeof input.id === "string" ? input.id.trim() : null;
  const idForMessages = rawId !== null && ID_RE.test(rawId) ? rawId : null;
  for (const key of Object.keys(input)) {
    if (!RULE_FIELDS.has(key)) {
      const shown = key.slice(0, 40);
      invalid(
        key,
        idForMessages,
        `unknown field '${shown}' (allowed: ${[...RULE_FIELDS].join(", ")})`,
        `trường '${shown}' không được hỗ trợ (cho phép: ${[...RULE_FIELDS].join(", ")})`,
      );
    }
  }
  const id = requiredText(input, "id", null, 80);
  if (!ID_RE.test(id)) {
    invalid(
      "id",
      null,
      `id '${id.slice(0, 40)}' must start with a letter or digit and use only letters, digits, _ . - (at most 80)`,
      `mã '${id.slice(0, 40)}' phải bắt đầu bằng chữ hoặc số và chỉ gồm chữ, số, _ . - (tối đa 80)`,
    );
  }
  const nameVi = requiredText(input, "nameVi", id, MAX_NAME);
  const nameEn = requiredText(input, "nameEn", id, MAX_NAME);
  const operator = oneOf(input, "operator", id, RULE_OPERATORS);
  const left = expression(input, "left", id, knownElements);
  const right = expression(input, "right", id, knownElements);
  const importance = oneOf(input, "importance", id, IMPORTANCES);
  const missing = oneOf(input, "missing", id, MISSING_STRATEGIES);
  const messageVi = optionalText(input, "messageVi", id, MAX_MESSAGE);
  const messageEn = optionalText(input, "messageEn", id, MAX_MESSAGE);
  if (left.refs.length === 0 && right.refs.length === 0) {
    invalid(
      "left",
      id,
      "the rule refers to no data element: write at least one {ELEMENT}",
      "quy tắc không tham chiếu chỉ tiêu dữ liệu nào: cần ít nhất một {MÃ}",
    );
  }
  if (operator === "compulsory_pair" || operator === "exclusive_pair") {
    for (const [field, side] of [
      ["left", left],
      ["right", right],
    ] as const) {
      if (side.refs.length === 0) {
        invalid(
          field,
          id,
          `${operator} needs a data element on each side; the ${field} side "${side.text}" has none`,
          `${operator} cần chỉ tiêu dữ liệu ở cả hai vế; vế ${field === "left" ? "trái" : "phải"} "${side.text}" không có`,
        );
      }
    }
  }
  return Object.freeze({
    id,
    nameVi,
    nameEn,
    left: left.text,
    operator,
    right: right.text,
    importance,
    missing,
    ...(messageVi === undefined ? {} : { messageVi }),
    ...(messageEn === undefined ? {} : { messageEn }),
  });
}

interface CompiledRule {
  readonly left: Expr;
  readonly right: Expr;
  readonly leftRefs: readonly string[];
  readonly rightRefs: readonly string[];
  /** Left references, then the right's not already listed. */
  readonly elements: readonly string[];
}

const compiledRules = new WeakMap<ValidationRule, CompiledRule>();

function compileRule(rule: ValidationRule): CompiledRule {
  const cached = compiledRules.get(rule);
  if (cached) return cached;
  const side = (field: "left" | "right", text: string): Expr => {
    const r = parseFormula(text);
    if (!r.ast) {
      const first = r.errors[0];
      invalid(
        field,
        rule.id,
        `the ${field} side "${text}" is not a valid expression: ${first?.message ?? ""}`,
        `vế ${field === "left" ? "trái" : "phải"} "${text}" không phải biểu thức hợp lệ: ${first?.messageVi ?? ""}`,
        { expression: text, errors: r.errors },
      );
    }
    return r.ast;
  };
  const left = side("left", rule.left);
  const right = side("right", rule.right);
  const leftRefs = references(left);
  const rightRefs = references(right);
  const compiled: CompiledRule = {
    left,
    right,
    leftRefs,
    rightRefs,
    elements: [...new Set([...leftRefs, ...rightRefs])],
  };
  compiledRules.set(rule, compiled);
  return compiled;
}

/** The element codes a rule refers to: the left side's, then the right side's (distinct). */
export function ruleElements(rule: ValidationRule): readonly string[] {
  return compileRule(rule).elements;
}

// ---------------------------------------------------------------------------------------------------
// Comparison

function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= COMPARISON_EPSILON * scale;
}

/** `l op r` with the tolerance of the module header. */
export function compare(l: number, op: Exclude<RuleOperator, `${string}_pair`>, r: number): boolean {
  const eq = approxEqual(l, r);
  switch (op) {
    case "==":
      return eq;
    case "!=":
      return !eq;
    case "<":
      return l < r && !eq;
    case "<=":
      return l < r || eq;
    case ">":
      return l > r && !eq;
    case ">=":
      return l > r || eq;
  }
}

const OP_WORDS: Record<Exclude<RuleOperator, `${string}_pair`>, { en: string; vi: string }> = {
  "==": { en: "must equal", vi: "phải bằng" },
  "!=": { en: "must differ from", vi: "phải khác" },
  ">": { en: "must be >", vi: "phải >" },
  ">=": { en: "must be ≥", vi: "phải ≥" },
  "<": { en: "must be <", vi: "phải <" },
  "<=": { en: "must be ≤", vi: "phải ≤" },
};

// ---------------------------------------------------------------------------------------------------
// The report

/** A finite number, −0 as 0; anything else (null, NaN, ±∞, not a number) is undefined. */
function finiteOrUndefined(v: unknown): number | undefined {
  if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
  return v === 0 ? 0 : v;
}

/**
 * Validates one report: element checks, rules and outliers, as described in the module header.
 *
 * @throws DxmError `invalid_parameter` (field `changeThreshold`) when the threshold is not a finite
 *   number ≥ 0; `invalid_data` when a rule's expression does not parse.
 */
export function validateReport(input: ValidateReportInput): ValidationResult {
  const threshold = input.changeThreshold ?? DEFAULT_CHANGE_THRESHOLD;
  if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold < 0) {
    throw new DxmError("invalid_parameter", "changeThreshold must be a finite number ≥ 0", {
      field: "changeThreshold",
      messageVi: "changeThreshold phải là một số hữu hạn ≥ 0",
    });
  }
  const byCode = new Map<string, DataElement>();
  for (const e of input.elements) if (!byCode.has(e.code)) byCode.set(e.code, e);
  const label = (code: string, lang: Lang): string => {
    const e = byCode.get(code);
    if (!e) return code;
    return `${lang === "en" ? e.nameEn : e.nameVi} (${code})`;
  };
  const comments = input.comments;
  const commented = (codes: readonly string[]): boolean =>
    comments !== undefined &&
    codes.some((c) => {
      const t = comments.get(c);
      return typeof t === "string" && t.trim().length > 0;
    });

  const issues: ValidationIssue[] = [];
  const add = (
    severity: Importance,
    code: IssueCode,
    elements: readonly string[],
    ruleId: string | null,
    value: number | null,
    message: string,
    messageVi: string,
  ): void => {
    issues.push({
      severity,
      code,
      elements,
      ruleId,
      value: value === null || !Number.isFinite(value) ? null : value === 0 ? 0 : value,
      message,
      messageVi,
      needsComment: severity === "warning" && !commented(elements),
    });
  };

  // 1. Elements
  const withError = new Set<string>();
  const elementError = (e: string, code: IssueCode, value: number | null, en: string, vi: string): void => {
    withError.add(e);
    add("error", code, [e], null, value, en, vi);
  };
  for (const e of byCode.values()) {
    const raw = input.values.get(e.code);
    const en = label(e.code, "en");
    const vi = label(e.code, "vi");
    if (raw === null || raw === undefined) {
      if (input.required?.has(e.code)) {
        elementError(
          e.code,
          "required",
          null,
          `${en} is required but empty`,
          `${vi} là bắt buộc nhưng đang để trống`,
        );
      }
      continue;
    }
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      const notFinite = typeof raw === "number" && !Number.isNaN(raw);
      elementError(
        e.code,
        "type",
        null,
        notFinite
          ? `${en}: the value ${formatValue(raw, "en")} is not a finite number`
          : `${en}: the value is not a number`,
        notFinite
          ? `${vi}: giá trị ${formatValue(raw, "vi")} không phải là số hữu hạn`
          : `${vi}: giá trị không phải là số`,
      );
      continue;
    }
    const x = raw === 0 ? 0 : raw;
    if (e.valueType === "integer" && !Number.isInteger(x)) {
      elementError(
        e.code,
        "type",
        x,
        `${en} = ${formatValue(x, "en")} must be a whole number`,
        `${vi} = ${formatValue(x, "vi")} phải là số nguyên`,
      );
    }
    if (e.min !== undefined && x < e.min) {
      elementError(
        e.code,
        "min",
        x,
        `${en} = ${formatValue(x, "en")} is below the minimum ${formatValue(e.min, "en")}`,
        `${vi} = ${formatValue(x, "vi")} nhỏ hơn giá trị tối thiểu ${formatValue(e.min, "vi")}`,
      );
    } else if (e.max !== undefined && x > e.max) {
      elementError(
        e.code,
        "max",
        x,
        `${en} = ${formatValue(x, "en")} is above the maximum ${formatValue(e.max, "en")}`,
        `${vi} = ${formatValue(x, "vi")} lớn hơn giá trị tối đa ${formatValue(e.max, "vi")}`,
      );
    }
  }
  if (input.required) {
    for (const code of input.required) {
      if (byCode.has(code)) continue;
      const raw = input.values.get(code);
      if (raw === null || raw === undefined) {
        elementError(
          code,
          "required",
          null,
          `${code} is required but empty`,
          `${code} là bắt buộc nhưng đang để trống`,
        );
      }
    }
  }
  for (const [code, raw] of input.values) {
    if (byCode.has(code) || raw === null || raw === undefined) continue;
    elementError(
      code,
      "type",
      typeof raw === "number" ? raw : null,
      `${code} is not a data element of this form`,
      `${code} không phải là chỉ tiêu dữ liệu của biểu mẫu này`,
    );
  }

  // 2. Rules
  const lookup = (code: string): number | undefined => finiteOrUndefined(input.values.get(code));
  for (const rule of input.rules) {
    const issue = checkRule(rule, lookup, label);
    if (issue) add(rule.importance, "rule", issue.elements, rule.id, issue.value, issue.en, issue.vi);
  }

  // 3. Outliers
  for (const e of byCode.values()) {
    if (withError.has(e.code)) continue;
    const x = lookup(e.code);
    if (x === undefined) continue;
    const en = label(e.code, "en");
    const vi = label(e.code, "vi");
    const p = finiteOrUndefined(input.previous?.get(e.code));
    if (p !== undefined) {
      const change = relativeChange(x, p);
      if (change !== null && Math.abs(change) > threshold && !approxEqual(Math.abs(change), threshold)) {
        const limitEn = formatPercent(threshold, "en").replace("+", "");
        const limitVi = formatPercent(threshold, "vi").replace("+", "");
        const [howEn, howVi] =
          p === 0
            ? ["changed from 0 in the previous period", "thay đổi từ 0 ở kỳ trước"]
            : [
                `changed by ${formatPercent(change, "en")} against the previous period (${formatValue(p, "en")}), more than ${limitEn}`,
                `thay đổi ${formatPercent(change, "vi")} so với kỳ trước (${formatValue(p, "vi")}), quá ${limitVi}`,
              ];
        add(
          "warning",
          "outlier_change",
          [e.code],
          null,
          x,
          `${en} = ${formatValue(x, "en")} ${howEn}; explain it in a comment`,
          `${vi} = ${formatValue(x, "vi")} ${howVi}; cần giải thích trong ghi chú`,
        );
      }
    }
    const h = input.history?.get(e.code);
    if (h) {
      const z = zScore(x, h);
      if (z !== null && Math.abs(z.z) > Z_THRESHOLD) {
        const zEn = EN_Z.format(z.z);
        const zVi = VI_Z.format(z.z);
        add(
          "warning",
          "outlier_z",
          [e.code],
          null,
          x,
          `${en} = ${formatValue(x, "en")} is far from its history: z = ${zEn} (mean ${formatValue(z.mean, "en")}, standard deviation ${formatValue(z.sd, "en")} over ${z.n} periods), beyond ±${Z_THRESHOLD}; explain it in a comment`,
          `${vi} = ${formatValue(x, "vi")} khác xa số liệu các kỳ trước: z = ${zVi} (trung bình ${formatValue(z.mean, "vi")}, độ lệch chuẩn ${formatValue(z.sd, "vi")} qua ${z.n} kỳ), vượt ±${Z_THRESHOLD}; cần giải thích trong ghi chú`,
        );
      }
    }
  }

  let errors = 0;
  let warnings = 0;
  let uncommentedWarnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else {
      warnings++;
      if (i.needsComment) uncommentedWarnings++;
    }
  }
  return {
    issues,
    errors,
    warnings,
    uncommentedWarnings,
    canSubmit: errors === 0 && uncommentedWarnings === 0,
  };
}

/**
 * (x − p)/|p|, signed; +∞ or −∞ when p = 0 and x ≠ 0; 0 when both are 0. When x − p overflows
 * (1e308 − (−1e308)) it is computed on x/s and p/s with s = max(|x|, |p|).
 */
export function relativeChange(x: number, p: number): number | null {
  if (!Number.isFinite(x) || !Number.isFinite(p)) return null;
  if (p === 0) return x === 0 ? 0 : x > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const direct = (x - p) / Math.abs(p);
  if (Number.isFinite(direct)) return direct;
  const s = Math.max(Math.abs(x), Math.abs(p));
  return (x / s - p / s) / Math.abs(p / s);
}

/**
 * z of x against a history (finite points only): z = (x − μ)/σ with σ the sample standard
 * deviation; null with fewer than `MIN_HISTORY_POINTS` points or σ = 0. Beyond 1e150 the values
 * are divided by s = max |·| first, so no sum overflows; z does not depend on s.
 */
export function zScore(
  x: number,
  history: readonly number[],
): { z: number; mean: number; sd: number; n: number } | null {
  if (!Number.isFinite(x)) return null;
  const h = history.filter((v) => typeof v === "number" && Number.isFinite(v));
  const n = h.length;
  if (n < MIN_HISTORY_POINTS) return null;
  let max = Math.abs(x);
  for (const v of h) max = Math.max(max, Math.abs(v));
  // Squares of differences stay finite below 1e150; beyond, work on values divided by the largest.
  const s = max > 1e150 ? max : 1;
  let sum = 0;
  for (const v of h) sum += v / s;
  const mean = sum / n;
  let ss = 0;
  for (const v of h) ss += (v / s - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) return null;
  const z = (x / s - mean) / sd;
  if (!Number.isFinite(z)) return null;
  return { z, mean: mean * s, sd: sd * s, n };
}

interface RuleFinding {
  readonly elements: readonly string[];
  readonly value: number | null;
  readonly en: string;
  readonly vi: string;
}

function checkRule(
  rule: ValidationRule,
  lookup: (code: string) => number | undefined,
  label: (code: string, lang: Lang) => string,
): RuleFinding | null {
  const c = compileRule(rule);
  const has = (code: string): boolean => lookup(code) !== undefined;
  const prefixEn = rule.messageEn ?? rule.nameEn;
  const prefixVi = rule.messageVi ?? rule.nameVi;
  const op = rule.operator;

  if (op === "compulsory_pair" || op === "exclusive_pair") {
    const leftHas = c.leftRefs.some(has);
    const rightHas = c.rightRefs.some(has);
    const sideLabel = (refs: readonly string[], lang: Lang): string =>
      refs.map((r) => label(r, lang)).join(lang === "en" ? " or " : " hoặc ");
    const filled = (refs: readonly string[], lang: Lang): string =>
      refs
        .filter(has)
        .map((r) => `${label(r, lang)} = ${formatValue(lookup(r) as number, lang)}`)
        .join(", ");
    const leftValue = (): number | null => {
      const r = evaluate(c.left, (code) => lookup(code) ?? 0);
      return r.value;
    };
    if (op === "compulsory_pair" && leftHas !== rightHas) {
      const [present, absent] = leftHas ? [c.leftRefs, c.rightRefs] : [c.rightRefs, c.leftRefs];
      return {
        elements: c.elements,
        value: leftHas ? leftValue() : null,
        en: `${prefixEn}: ${filled(present, "en")} is filled, so ${sideLabel(absent, "en")} must be filled too`,
        vi: `${prefixVi}: đã nhập ${filled(present, "vi")}, nên ${sideLabel(absent, "vi")} cũng phải được nhập`,
      };
    }
    if (op === "exclusive_pair" && leftHas && rightHas) {
      return {
        elements: c.elements,
        value: leftValue(),
        en: `${prefixEn}: ${filled(c.leftRefs, "en")} and ${filled(c.rightRefs, "en")} must not both be filled`,
        vi: `${prefixVi}: ${filled(c.leftRefs, "vi")} và ${filled(c.rightRefs, "vi")} không được nhập cùng lúc`,
      };
    }
    return null;
  }

  const leftMissing = c.leftRefs.filter((r) => !has(r));
  const rightMissing = c.rightRefs.filter((r) => !has(r));
  switch (rule.missing) {
    case "skip_if_any_missing":
      if (leftMissing.length > 0 || rightMissing.length > 0) return null;
      break;
    case "skip_if_all_missing":
      if (
        (c.leftRefs.length > 0 && leftMissing.length === c.leftRefs.length) ||
        (c.rightRefs.length > 0 && rightMissing.length === c.rightRefs.length)
      ) {
        return null;
      }
      break;
    case "never_skip":
      break;
  }
  const zeroForMissing = (code: string): number => lookup(code) ?? 0;
  const l: EvaluateResult = evaluate(c.left, zeroForMissing);
  const r: EvaluateResult = evaluate(c.right, zeroForMissing);
  if (l.value === null || r.value === null) return null;
  if (compare(l.value, op, r.value)) return null;

  const describe = (ast: Expr, text: string, refs: readonly string[], value: number, lang: Lang): string => {
    const shownValue = (code: string): string => {
      const v = lookup(code);
      if (v !== undefined) return formatValue(v, lang);
      return lang === "en" ? "empty, counted as 0" : "trống, tính là 0";
    };
    if (ast.kind === "ref") return `${label(ast.code, lang)} = ${shownValue(ast.code)}`;
    if (refs.length === 0) return formatValue(value, lang);
    const named = text.replace(/\{([A-Z0-9_]+)\}/g, (_, code: string) => label(code, lang));
    const parts = refs.map((code) => `${code} = ${shownValue(code)}`).join("; ");
    return `${named} = ${formatValue(value, lang)} (${parts})`;
  };
  const words = OP_WORDS[op];
  return {
    elements: c.elements,
    value: l.value,
    en: `${prefixEn}: ${describe(c.left, rule.left, c.leftRefs, l.value, "en")} ${words.en} ${describe(c.right, rule.right, c.rightRefs, r.value, "en")}`,
    vi: `${prefixVi}: ${describe(c.left, rule.left, c.leftRefs, l.value, "vi")} ${words.vi} ${describe(c.right, rule.right, c.rightRefs, r.value, "vi")}`,
  };
}
