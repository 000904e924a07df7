/**
 * Formula language of indicators (DESIGN §4.1): numbers (`12`, `0.5`, `1e3`), `+ - * /`, unary minus,
 * parentheses and references `{CODE}` (CODE = [A-Z0-9_]+).
 *
 * Design: a hand-written tokenizer and recursive-descent parser build a small tree once; the tree is
 * walked to evaluate it, so no text is ever handed to `eval`/`Function`. Parsing never throws: it
 * returns `{ ast, errors }` with a position and a message in English and Vietnamese for each error.
 * `compileCatalog` is the one place that throws, with a `DxmError` that names the indicator, because
 * a catalogue with a broken formula must not be used at all. Evaluation never yields Infinity or NaN:
 * a missing reference or a division by zero gives `null` and says why.
 */
import type { DataElement, Indicator } from "../domain/catalog.ts";
import { DxmError } from "../domain/errors.ts";

export type BinaryOperator = "+" | "-" | "*" | "/";

/** The syntax tree of a formula. */
export type Expr =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "ref"; readonly code: string }
  | { readonly kind: "negate"; readonly operand: Expr }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr };

export interface FormulaError {
  /** 0-based offset of the offending character in the formula text (messages say column = offset + 1). */
  readonly position: number;
  readonly message: string;
  readonly messageVi: string;
}

export interface ParseResult {
  /** Present only when there are no errors. */
  readonly ast?: Expr;
  readonly errors: FormulaError[];
}

type Token =
  | { readonly kind: "number"; readonly value: number; readonly pos: number; readonly text: string }
  | { readonly kind: "ref"; readonly code: string; readonly pos: number; readonly text: string }
  | { readonly kind: "op"; readonly op: BinaryOperator; readonly pos: number; readonly text: string }
  | { readonly kind: "lparen" | "rparen"; readonly pos: number; readonly text: string }
  | { readonly kind: "end"; readonly pos: number; readonly text: string };

const CODE_RE = /^[A-Z0-9_]+$/;

/**
 * Bounds on a formula, so that parsing and the recursive walks over its tree (evaluate, references)
 * cannot exhaust the stack: a formula of the catalogue is a few dozen characters; thousands of nested
 * parentheses or minus signs are an attack or a mistake, answered as a syntax error.
 */
export const MAX_FORMULA_LENGTH = 2000;
export const MAX_FORMULA_NESTING = 100;
const NUMBER_RE = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

function err(position: number, message: string, messageVi: string): FormulaError {
  return {
    position,
    message: `${message} (column ${position + 1})`,
    messageVi: `${messageVi} (cột ${position + 1})`,
  };
}

function describe(t: Token): string {
  return t.kind === "end" ? "the end of the formula" : `'${t.text}'`;
}

function describeVi(t: Token): string {
  return t.kind === "end" ? "cuối công thức" : `'${t.text}'`;
}

function tokenize(text: string, errors: FormulaError[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "+" || c === "-" || c === "*" || c === "/") {
      tokens.push({ kind: "op", op: c, pos: i, text: c });
      i++;
    } else if (c === "(") {
      tokens.push({ kind: "lparen", pos: i, text: c });
      i++;
    } else if (c === ")") {
      tokens.push({ kind: "rparen", pos: i, text: c });
      i++;
    } else if (c === "{") {
      const close = text.indexOf("}", i + 1);
      const nextOpen = text.indexOf("{", i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        errors.push(err(i, "Reference is not closed: '}' is missing", "Tham chiếu chưa đóng: thiếu dấu '}'"));
        i = close < 0 ? text.length : nextOpen;
        continue;
      }
      const code = text.slice(i + 1, close);
      if (code.length === 0) {
        errors.push(
          err(
            i,
            "Empty reference '{}': write a code, e.g. {CODE}",
            "Tham chiếu rỗng '{}': cần ghi mã, ví dụ {MA}",
          ),
        );
      } else if (!CODE_RE.test(code)) {
        errors.push(
          err(
            i,
            `Invalid code '${code}' in a reference: use capital letters A–Z, digits and _`,
            `Mã '${code}' trong tham chiếu không hợp lệ: chỉ dùng chữ in hoa A–Z, chữ số và _`,
          ),
        );
      } else {
        tokens.push({ kind: "ref", code, pos: i, text: `{${code}}` });
      }
      i = close + 1;
    } else if ((c >= "0" && c <= "9") || c === ".") {
      const m = NUMBER_RE.exec(text.slice(i));
      // A number followed directly by a letter or a dangling exponent (`1e`, `2x`) is one bad token.
      let end = i + (m ? m[0].length : 0);
      let bad = !m;
      while (end < text.length && /[A-Za-z0-9_.]/.test(text[end] as string)) {
        end++;
        bad = true;
      }
      const raw = text.slice(i, Math.max(end, i + 1));
      const value = m ? Number(m[0]) : Number.NaN;
      if (bad || !Number.isFinite(value)) {
        errors.push(err(i, `Invalid number '${raw}'`, `Số không hợp lệ '${raw}'`));
      } else {
        tokens.push({ kind: "number", value, pos: i, text: raw });
      }
      i = Math.max(end, i + 1);
    } else {
      errors.push(
        err(
          i,
          `Unexpected character '${c}': a formula uses numbers, + - * /, parentheses and {CODE}`,
          `Ký tự không hợp lệ '${c}': công thức chỉ gồm số, + - * /, dấu ngoặc và {MÃ}`,
        ),
      );
      i++;
    }
  }
  tokens.push({ kind: "end", pos: text.length, text: "" });
  return tokens;
}

class SyntaxFailure extends Error {
  constructor(readonly formulaError: FormulaError) {
    super(formulaError.message);
  }
}

/**
 * Recursive descent over the grammar
 * ```
 * expr    := term (("+" | "-") term)*
 * term    := unary (("*" | "/") unary)*
 * unary   := "-" unary | primary
 * primary := NUMBER | "{" CODE "}" | "(" expr ")"
 * ```
 * so `*` and `/` bind tighter than `+` and `-`, all four are left-associative, and `-2 * 3` is `(-2) * 3`.
 */
class Parser {
  private i = 0;
  /** Open parentheses and unary minus signs around the current position. */
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }

  parseAll(): Expr {
    const first = this.peek();
    if (first.kind === "end") {
      throw new SyntaxFailure(err(first.pos, "The formula is empty", "Công thức rỗng"));
    }
    const e = this.expr();
    const t = this.peek();
    if (t.kind === "rparen") {
      throw new SyntaxFailure(
        err(t.pos, "Unexpected ')': no matching '('", "Dấu ')' thừa: không có '(' tương ứng"),
      );
    }
    if (t.kind !== "end") {
      throw new SyntaxFailure(
        err(
          t.pos,
          `Expected an operator (+ - * /) before ${describe(t)}`,
          `Thiếu toán tử (+ - * /) trước ${describeVi(t)}`,
        ),
      );
    }
    return e;
  }

  private expr(): Expr {
    let left = this.term();
    for (;;) {
      const t = this.peek();
      if (t.kind === "op" && (t.op === "+" || t.op === "-")) {
        this.i++;
        left = { kind: "binary", op: t.op, left, right: this.term() };
      } else {
        return left;
      }
    }
  }

  private term(): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind === "op" && (t.op === "*" || t.op === "/")) {
        this.i++;
        left = { kind: "binary", op: t.op, left, right: this.unary() };
      } else {
        return left;
      }
    }
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_FORMULA_NESTING) {
      throw new SyntaxFailure(
        err(
          t.pos,
          `The formula nests parentheses or minus signs more than ${MAX_FORMULA_NESTING} deep`,
          `Công thức lồng dấu ngoặc hoặc dấu trừ sâu quá ${MAX_FORMULA_NESTING} mức`,
        ),
      );
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === "op" && t.op === "-") {
      this.i++;
      this.enter(t);
      const operand = this.unary();
      this.depth--;
      return { kind: "negate", operand };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case "number":
        this.i++;
        return { kind: "number", value: t.value };
      case "ref":
        this.i++;
        return { kind: "ref", code: t.code };
      case "lparen": {
        this.i++;
        this.enter(t);
        const inner = this.expr();
        this.depth--;
        const close = this.peek();
        if (close.kind !== "rparen") {
          throw new SyntaxFailure(
            err(
              close.pos,
              `Missing ')' to close the '(' at column ${t.pos + 1}; found ${describe(close)}`,
              `Thiếu dấu ')' để đóng '(' ở cột ${t.pos + 1}; gặp ${describeVi(close)}`,
            ),
          );
        }
        this.i++;
        return inner;
      }
      default:
        throw new SyntaxFailure(
          err(
            t.pos,
            `Expected a number, a reference {CODE} or '(' but found ${describe(t)}`,
            `Cần một số, một tham chiếu {MÃ} hoặc '(' nhưng gặp ${describeVi(t)}`,
          ),
        );
    }
  }
}

/**
 * Parses a formula. Lexical errors are all reported; parsing stops at the first syntax error (later
 * ones would mostly be consequences of it). `ast` is present only when `errors` is empty.
 */
export function parseFormula(text: string): ParseResult {
  if (text.length > MAX_FORMULA_LENGTH) {
    return {
      errors: [
        err(
          MAX_FORMULA_LENGTH,
          `The formula is longer than ${MAX_FORMULA_LENGTH} characters`,
          `Công thức dài quá ${MAX_FORMULA_LENGTH} ký tự`,
        ),
      ],
    };
  }
  const errors: FormulaError[] = [];
  const tokens = tokenize(text, errors);
  if (errors.length > 0) return { errors };
  try {
    return { ast: new Parser(tokens).parseAll(), errors };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { errors: [e.formulaError] };
    throw e;
  }
}

/** The distinct codes referenced by a formula, in order of first appearance. */
export function references(ast: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case "ref":
        seen.add(e.code);
        return;
      case "negate":
        walk(e.operand);
        return;
      case "binary":
        walk(e.left);
        walk(e.right);
        return;
      case "number":
        return;
    }
  };
  walk(ast);
  return [...seen];
}

export interface EvaluateResult {
  /** null when a reference is missing, a divisor is zero, or the result overflows. */
  readonly value: number | null;
  /** Referenced codes that had no value, in order of first appearance. */
  readonly missing: string[];
  /** True when some divisor evaluated to exactly 0. */
  readonly divisionByZero: boolean;
}

/**
 * Evaluates a formula tree: `value = ast[{CODE} := lookup(CODE)]` with the usual arithmetic.
 * Every reference is looked up (so `missing` lists all missing codes, not only the first). A missing
 * reference or a zero divisor makes the value null (and sets `divisionByZero`); a non-finite
 * result (overflow) is also null. The value is never Infinity or NaN.
 */
export function evaluate(ast: Expr, lookup: (code: string) => number | undefined): EvaluateResult {
  const missing: string[] = [];
  let divisionByZero = false;
  const walk = (e: Expr): number | null => {
    switch (e.kind) {
      case "number":
        return e.value;
      case "ref": {
        const v = lookup(e.code);
        if (v === undefined || !Number.isFinite(v)) {
          if (!missing.includes(e.code)) missing.push(e.code);
          return null;
        }
        return v;
      }
      case "negate": {
        const v = walk(e.operand);
        return v === null ? null : -v;
      }
      case "binary": {
        const l = walk(e.left);
        const r = walk(e.right);
        if (e.op === "/" && r === 0) {
          divisionByZero = true;
          return null;
        }
        if (l === null || r === null) return null;
        switch (e.op) {
          case "+":
            return l + r;
          case "-":
            return l - r;
          case "*":
            return l * r;
          case "/":
            return l / r;
        }
      }
    }
  };
  const v = walk(ast);
  return { value: v === null || !Number.isFinite(v) ? null : v, missing, divisionByZero };
}

// ---------------------------------------------------------------------------------------------------
// Catalogue compilation

export interface CompiledIndicator {
  readonly indicator: Indicator;
  readonly numerator: Expr;
  /** null when the indicator has no denominator (value = factor × N). */
  readonly denominator: Expr | null;
  /** Indicators referenced directly by the numerator or denominator. */
  readonly indicatorRefs: readonly string[];
  /** Every data element the value depends on, directly or through referenced indicators (sorted). */
  readonly elements: readonly string[];
}

export interface CompiledCatalog {
  readonly elements: ReadonlyMap<string, DataElement>;
  readonly indicators: ReadonlyMap<string, CompiledIndicator>;
  /** Indicator codes ordered so that every indicator comes after the indicators it references. */
  readonly order: readonly string[];
}

function fail(
  code: "formula_syntax" | "formula_unknown_reference" | "formula_cycle" | "invalid_data" | "unknown_code",
  field: string,
  message: string,
  messageVi: string,
  details: Record<string, unknown>,
): never {
  throw new DxmError(code, message, { field, messageVi, details });
}

/**
 * Parses every indicator's numerator and denominator and resolves each `{CODE}`: to the data element
 * with that code if there is one, otherwise to the indicator with that code (whose value is then
 * `factor × N / D` of that indicator). Also checks that every `weighted_mean:W` weight is a known
 * element.
 *
 * @throws DxmError `formula_syntax` (bad formula), `formula_unknown_reference` (code is neither an
 *   element nor an indicator), `formula_cycle` (indicators referring to each other, with the path
 *   `A → B → A`), `invalid_data` (duplicate code), `unknown_code` (unknown weight element); every
 *   error names the indicator (or element) in its message and in `field`.
 */
export function compileCatalog(
  elements: readonly DataElement[],
  indicators: readonly Indicator[],
): CompiledCatalog {
  const elementMap = new Map<string, DataElement>();
  for (const e of elements) {
    if (elementMap.has(e.code)) {
      fail(
        "invalid_data",
        e.code,
        `Data element ${e.code} is defined twice`,
        `Chỉ tiêu dữ liệu ${e.code} được định nghĩa hai lần`,
        {
          element: e.code,
        },
      );
    }
    elementMap.set(e.code, e);
  }
  for (const e of elements) {
    if (e.areaAggregation.startsWith("weighted_mean:")) {
      const w = e.areaAggregation.slice("weighted_mean:".length);
      if (!elementMap.has(w)) {
        fail(
          "unknown_code",
          e.code,
          `Data element ${e.code}: weight ${w} of weighted_mean is not a data element`,
          `Chỉ tiêu dữ liệu ${e.code}: trọng số ${w} của weighted_mean không phải là chỉ tiêu dữ liệu`,
          { element: e.code, weight: w },
        );
      }
    }
  }

  const byCode = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (byCode.has(ind.code)) {
      fail(
        "invalid_data",
        ind.code,
        `Indicator ${ind.code} is defined twice`,
        `Chỉ số ${ind.code} được định nghĩa hai lần`,
        {
          indicator: ind.code,
        },
      );
    }
    byCode.set(ind.code, ind);
  }

  interface Parsed {
    numerator: Expr;
    denominator: Expr | null;
    elementRefs: string[];
    indicatorRefs: string[];
  }
  const parsed = new Map<string, Parsed>();
  for (const ind of indicators) {
    const parsePart = (part: "numerator" | "denominator", text: string): Expr => {
      const r = parseFormula(text);
      if (!r.ast) {
        const first = r.errors[0] as FormulaError;
        const partVi = part === "numerator" ? "tử số" : "mẫu số";
        fail(
          "formula_syntax",
          ind.code,
          `Indicator ${ind.code}: the ${part} formula "${text}" is not valid: ${first.message}`,
          `Chỉ số ${ind.code}: công thức ${partVi} "${text}" không hợp lệ: ${first.messageVi}`,
          { indicator: ind.code, part, formula: text, errors: r.errors },
        );
      }
      return r.ast;
    };
    const numerator = parsePart("numerator", ind.numerator);
    const denominator = ind.denominator === null ? null : parsePart("denominator", ind.denominator);
    const refs = new Set([...references(numerator), ...(denominator ? references(denominator) : [])]);
    const elementRefs: string[] = [];
    const indicatorRefs: string[] = [];
    for (const ref of refs) {
      if (elementMap.has(ref)) elementRefs.push(ref);
      else if (byCode.has(ref)) indicatorRefs.push(ref);
      else {
        fail(
          "formula_unknown_reference",
          ind.code,
          `Indicator ${ind.code} refers to {${ref}}, which is neither a data element nor an indicator`,
          `Chỉ số ${ind.code} tham chiếu {${ref}}, không phải chỉ tiêu dữ liệu hay chỉ số nào`,
          { indicator: ind.code, reference: ref },
        );
      }
    }
    parsed.set(ind.code, { numerator, denominator, elementRefs, indicatorRefs });
  }

  // Depth-first search: a reference back to an indicator on the current path is a cycle.
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const allElements = new Map<string, Set<string>>();
  const visit = (code: string, path: string[]): void => {
    const s = state.get(code);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = [...path.slice(path.indexOf(code)), code];
      const start = cycle[0] as string;
      fail(
        "formula_cycle",
        start,
        `Indicator ${start}: formulas refer to each other in a cycle: ${cycle.join(" → ")}`,
        `Chỉ số ${start}: các công thức tham chiếu vòng tròn: ${cycle.join(" → ")}`,
        { indicator: start, cycle },
      );
    }
    state.set(code, "visiting");
    const p = parsed.get(code) as Parsed;
    const els = new Set(p.elementRefs);
    for (const ref of p.indicatorRefs) {
      visit(ref, [...path, code]);
      for (const e of allElements.get(ref) ?? []) els.add(e);
    }
    allElements.set(code, els);
    state.set(code, "done");
    order.push(code);
  };
  for (const ind of indicators) visit(ind.code, []);

  const compiled = new Map<string, CompiledIndicator>();
  for (const ind of indicators) {
    const p = parsed.get(ind.code) as Parsed;
    compiled.set(ind.code, {
      indicator: ind,
      numerator: p.numerator,
      denominator: p.denominator,
      indicatorRefs: p.indicatorRefs,
      elements: [...(allElements.get(ind.code) ?? [])].sort(),
    });
  }
  return { elements: elementMap, indicators: compiled, order };
}

export interface IndicatorResult {
  /** `factor × N / D` (or `factor × N`); null when it cannot be computed. */
  readonly value: number | null;
  /** N, the evaluated numerator; null when it cannot be computed. */
  readonly numerator: number | null;
  /** D, the evaluated denominator; null when absent or it cannot be computed. */
  readonly denominator: number | null;
  /** Element codes without a value (also those needed by referenced indicators). */
  readonly missing: readonly string[];
  /** True when D = 0 or a divisor inside either formula (or a referenced indicator) is 0. */
  readonly divisionByZero: boolean;
}

/** An indicator's formulas bound to numbered element slots, for fast repeated evaluation. */
export interface IndicatorProgram {
  readonly code: string;
  /** The slots: `values[i]` passed to `run` is the value of `elements[i]` (NaN when missing). */
  readonly elements: readonly string[];
  /** Evaluates the indicator; `missing` is left empty (the caller knows which slots are NaN). */
  run(values: ArrayLike<number>): IndicatorResult;
}

type Compiled = (values: ArrayLike<number>, flags: { divisionByZero: boolean }) => number;

const NO_CODES: readonly string[] = Object.freeze([]);

/**
 * Binds an indicator of a compiled catalogue to element slots. The formulas become a tree of small
 * closures built once (no `eval`), so evaluating it many times allocates nothing but the result.
 * Internally a missing value or a division by zero is NaN, which propagates; it becomes null at the
 * end. A referenced indicator is inlined as `factor_I × N_I / D_I`.
 */
export function indicatorProgram(catalog: CompiledCatalog, code: string): IndicatorProgram {
  const root = catalog.indicators.get(code);
  if (!root) {
    throw new DxmError("unknown_code", `Unknown indicator ${code}`, {
      field: code,
      messageVi: `Không có chỉ số ${code}`,
    });
  }
  const slots = root.elements;
  const slotOf = new Map(slots.map((e, i) => [e, i]));
  const build = (e: Expr): Compiled => {
    switch (e.kind) {
      case "number": {
        const v = e.value;
        return () => v;
      }
      case "negate": {
        const f = build(e.operand);
        return (v, fl) => -f(v, fl);
      }
      case "ref": {
        const slot = slotOf.get(e.code);
        if (slot !== undefined) return (v) => v[slot] as number;
        const sub = catalog.indicators.get(e.code) as CompiledIndicator;
        const n = build(sub.numerator);
        const factor = sub.indicator.factor;
        if (sub.denominator === null) return (v, fl) => factor * n(v, fl);
        const d = build(sub.denominator);
        return (v, fl) => {
          const dv = d(v, fl);
          if (dv === 0) {
            fl.divisionByZero = true;
            return Number.NaN;
          }
          return (factor * n(v, fl)) / dv;
        };
      }
      case "binary": {
        const l = build(e.left);
        const r = build(e.right);
        switch (e.op) {
          case "+":
            return (v, fl) => l(v, fl) + r(v, fl);
          case "-":
            return (v, fl) => l(v, fl) - r(v, fl);
          case "*":
            return (v, fl) => l(v, fl) * r(v, fl);
          case "/":
            return (v, fl) => {
              const a = l(v, fl);
              const b = r(v, fl);
              if (b === 0) {
                fl.divisionByZero = true;
                return Number.NaN;
              }
              return a / b;
            };
        }
      }
    }
  };
  const num = build(root.numerator);
  const den = root.denominator === null ? null : build(root.denominator);
  const factor = root.indicator.factor;
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    code,
    elements: slots,
    run(values: ArrayLike<number>): IndicatorResult {
      const flags = { divisionByZero: false };
      const n = finite(num(values, flags));
      const d = den === null ? null : finite(den(values, flags));
      let value: number | null = null;
      if (n !== null) {
        if (den === null) value = finite(factor * n);
        else if (d === 0) flags.divisionByZero = true;
        else if (d !== null) value = finite((factor * n) / d);
      }
      return { value, numerator: n, denominator: d, missing: NO_CODES, divisionByZero: flags.divisionByZero };
    },
  };
}

/**
 * Value of a compiled indicator over element values:
 * `value = factor × N / D` where N and D are its numerator and denominator evaluated with
 * `{E} := lookup(E)` for elements and `{I} := factor_I × N_I / D_I` for referenced indicators.
 * Without a denominator, `value = factor × N`. D = 0 gives `value = null` and `divisionByZero`;
 * a missing element gives `value = null` and is listed in `missing`.
 */
export function evaluateIndicator(
  catalog: CompiledCatalog,
  code: string,
  lookup: (element: string) => number | undefined,
): IndicatorResult {
  const program = indicatorProgram(catalog, code);
  const missing: string[] = [];
  const values = program.elements.map((e) => {
    const v = lookup(e);
    if (v === undefined || !Number.isFinite(v)) {
      missing.push(e);
      return Number.NaN;
    }
    return v;
  });
  const r = program.run(values);
  return missing.length === 0 ? r : { ...r, missing };
}
