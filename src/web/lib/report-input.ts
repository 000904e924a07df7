/**
 * Reading what a reporter types into a value field, and the cheap checks the browser can make at
 * once from the form's metadata (a number, whole for integer elements, within the element's bounds).
 * The server's validation stays authoritative: these only spare a round trip for obvious slips.
 */

/** The number typed, `null` for an empty field, `NaN` for text that is not a number. */
export function parseInput(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, "");
  if (trimmed === "") return null;
  // A single comma is a Vietnamese decimal comma (12,5); several are thousands separators.
  const commas = (trimmed.match(/,/g) ?? []).length;
  const normalised = commas === 1 ? trimmed.replace(",", ".") : trimmed.replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

export type InputProblem =
  | { readonly kind: "not_number" }
  | { readonly kind: "not_integer" }
  | { readonly kind: "below"; readonly limit: number }
  | { readonly kind: "above"; readonly limit: number };

export interface InputRules {
  readonly value_type: string;
  readonly min: number | null;
  readonly max: number | null;
}

/** The first problem of a typed value against the element's type and bounds, or undefined. */
export function checkInput(rules: InputRules, text: string): InputProblem | undefined {
  const value = parseInput(text);
  if (value === null) return undefined;
  if (!Number.isFinite(value)) return { kind: "not_number" };
  if (rules.value_type === "integer" && !Number.isInteger(value)) return { kind: "not_integer" };
  if (rules.min !== null && value < rules.min) return { kind: "below", limit: rules.min };
  if (rules.max !== null && value > rules.max) return { kind: "above", limit: rules.max };
  return undefined;
}

/** A stored value as a reader writes it: grouped thousands, only the decimals it has (470.000; 12,5). */
export function formatPlain(value: number | null, locale: string): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}
