/**
 * The default validation rules (DESIGN §4.8) over the catalogue's data elements. They are seeded
 * into the database once; from then on they are data an admin may edit or disable.
 *
 * Design decisions:
 * - Part ≤ whole, generated: for every percentage indicator (factor 100) whose formula is a single
 *   `{N}` over a single `{D}` of the same unit, `{N} <= {D}` is an `error` with
 *   `skip_if_any_missing` (a share above 100 % is impossible; a missing side is `required`'s
 *   business, not this rule's). Id `part_le_whole.<INDICATOR>`. The same unit is the test of a
 *   part–whole pair: `INTERNET_SUBS_PER_100` (subscriptions per 100 inhabitants, count over
 *   persons) may exceed 100 % and is left out that way. A pair shared by two indicators gives one
 *   rule.
 * - Identities the generated rules cannot see, as `error`s: the digital economy (either method)
 *   and the four sectors' spillover within their totals, SMEs within enterprises, the population
 *   groups within each other.
 * - Plausibility, as `warning`s (a reporter may explain them in a comment): value added by
 *   industry within GRDP (GRDP adds product taxes less subsidies, normally positive), digital-
 *   transformation spending at most 10 % of the budget, e-commerce at most half of retail sales,
 *   at most 3 Internet subscriptions a person, a household of at most 8 persons on average,
 *   digital-technology enterprises within active ones. Not a rule: IT workers ≤ digital-economy
 *   workers (IT staff of banks or ministries are IT workers outside the digital economy's
 *   industries; the demo data has Hà Nội above it).
 * - Pairs of a quarterly ratio that are reported together: if one is filled the other should be
 *   (`compulsory_pair`, `warning`: the other may come later from another agency).
 * - Rules mixing an annual and a quarterly element (adults with a digital signature ≤ adults) are
 *   skipped in a quarterly report that lacks the annual one (`skip_if_any_missing`).
 */
import type { DataElement, Indicator } from "../domain/catalog.ts";
import type { ValidationRule } from "../methods/validation.ts";
import { dataElements, indicators } from "./indicators.ts";
import { industries, vaElementCode } from "./industries.ts";

const SINGLE_REF = /^\s*\{([A-Z0-9_]+)\}\s*$/;

function singleRef(formula: string | null): string | null {
  if (formula === null) return null;
  return SINGLE_REF.exec(formula)?.[1] ?? null;
}

/**
 * `{N} <= {D}` for each percentage `100 × {N} / {D}` over elements of one unit, in catalogue order.
 */
export function partWholeRules(
  elements: readonly DataElement[],
  list: readonly Indicator[],
): ValidationRule[] {
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const seen = new Set<string>();
  const out: ValidationRule[] = [];
  for (const ind of list) {
    if (ind.factor !== 100) continue;
    const n = singleRef(ind.numerator);
    const d = singleRef(ind.denominator);
    if (n === null || d === null || n === d) continue;
    const num = byCode.get(n);
    const den = byCode.get(d);
    if (!num || !den || num.unit !== den.unit) continue;
    const pair = `${n} ${d}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    out.push(
      Object.freeze({
        id: `part_le_whole.${ind.code}`,
        nameVi: `${ind.nameVi}: tử số ≤ mẫu số`,
        nameEn: `${ind.nameEn}: numerator ≤ denominator`,
        left: `{${n}}`,
        operator: "<=",
        right: `{${d}}`,
        importance: "error",
        missing: "skip_if_any_missing",
        messageVi: `${ind.nameVi} không thể vượt quá 100 %`,
        messageEn: `${ind.nameEn} cannot exceed 100 %`,
      }),
    );
  }
  return out;
}

function rule(r: ValidationRule): ValidationRule {
  return Object.freeze(r);
}

const sumOfIndustries = industries.map((i) => `{${vaElementCode(i.code)}}`).join(" + ");

const errors: ValidationRule[] = [
  rule({
    id: "de_gso_le_grdp",
    nameVi: "Kinh tế số (lõi + số hóa) không vượt GRDP",
    nameEn: "Digital economy (core + digitalised) within GRDP",
    left: "{DE_CORE_VA} + {DE_DIGITALISED_VA}",
    operator: "<=",
    right: "{GRDP}",
    importance: "error",
    missing: "skip_if_any_missing",
    messageVi: "Giá trị tăng thêm của kinh tế số không thể vượt GRDP",
    messageEn: "The digital economy's value added cannot exceed GRDP",
  }),
  rule({
    id: "de_mic411_le_grdp",
    nameVi: "Kinh tế số (ba thành phần, Quyết định 411) không vượt GRDP",
    nameEn: "Digital economy (three components, Decision 411) within GRDP",
    left: "{DE_ICT_VA} + {DE_PLATFORM_VA} + {DE_SECTORAL_VA}",
    operator: "<=",
    right: "{GRDP}",
    importance: "error",
    missing: "skip_if_any_missing",
    messageVi: "Kinh tế số ICT, nền tảng và ngành cộng lại không thể vượt GRDP",
    messageEn: "ICT, platform and sectoral digital economy together cannot exceed GRDP",
  }),
  rule({
    id: "de_sectoral_parts_le_total",
    nameVi: "Kinh tế số ngành G, M, O, P không vượt tổng kinh tế số ngành",
    nameEn: "Sectoral digital economy of G, M, O, P within the sectoral total",
    left: "{DE_SECTORAL_VA_G} + {DE_SECTORAL_VA_M} + {DE_SECTORAL_VA_O} + {DE_SECTORAL_VA_P}",
    operator: "<=",
    right: "{DE_SECTORAL_VA}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "sme_le_enterprises",
    nameVi: "Doanh nghiệp nhỏ và vừa không vượt số doanh nghiệp đang hoạt động",
    nameEn: "SMEs within active enterprises",
    left: "{SME_ACTIVE}",
    operator: "<=",
    right: "{ENT_ACTIVE}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "pop_15plus_le_total",
    nameVi: "Dân số từ 15 tuổi không vượt dân số",
    nameEn: "Population aged 15+ within the population",
    left: "{POP_15PLUS}",
    operator: "<=",
    right: "{POP_TOTAL}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "pop_adult_le_15plus",
    nameVi: "Dân số trưởng thành (từ 18 tuổi) không vượt dân số từ 15 tuổi",
    nameEn: "Adults (18+) within the population aged 15+",
    left: "{POP_ADULT}",
    operator: "<=",
    right: "{POP_15PLUS}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "pop_working_age_le_15plus",
    nameVi: "Dân số trong độ tuổi lao động không vượt dân số từ 15 tuổi",
    nameEn: "Working-age population within the population aged 15+",
    left: "{POP_WORKING_AGE}",
    operator: "<=",
    right: "{POP_15PLUS}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "labour_force_le_15plus",
    nameVi: "Lực lượng lao động không vượt dân số từ 15 tuổi",
    nameEn: "Labour force within the population aged 15+",
    left: "{LABOUR_FORCE}",
    operator: "<=",
    right: "{POP_15PLUS}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "households_le_population",
    nameVi: "Số hộ không vượt dân số",
    nameEn: "Households within the population",
    left: "{HOUSEHOLDS}",
    operator: "<=",
    right: "{POP_TOTAL}",
    importance: "error",
    missing: "skip_if_any_missing",
  }),
];

const warnings: ValidationRule[] = [
  rule({
    id: "va_industries_le_grdp",
    nameVi: "Tổng giá trị tăng thêm theo ngành không vượt GRDP",
    nameEn: "Value added of all industries within GRDP",
    left: sumOfIndustries,
    operator: "<=",
    right: "{GRDP}",
    importance: "warning",
    missing: "skip_if_any_missing",
    messageVi:
      "Tổng giá trị tăng thêm của 28 ngành thường nhỏ hơn GRDP (GRDP cộng thêm thuế sản phẩm trừ trợ cấp sản phẩm)",
    messageEn:
      "The value added of the 28 industries is normally below GRDP (GRDP adds taxes less subsidies on products)",
  }),
  rule({
    id: "dx_budget_share_plausible",
    nameVi: "Chi chuyển đổi số không quá 10 % chi ngân sách",
    nameEn: "Digital-transformation spending at most 10 % of the budget",
    left: "{DX_BUDGET_SPEND}",
    operator: "<=",
    right: "0.1 * {BUDGET_SPEND}",
    importance: "warning",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "ecom_share_plausible",
    nameVi: "Doanh thu thương mại điện tử không quá một nửa tổng mức bán lẻ",
    nameEn: "E-commerce revenue at most half of retail sales",
    left: "{ECOM_REVENUE}",
    operator: "<=",
    right: "0.5 * {RETAIL_SALES}",
    importance: "warning",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "internet_subs_per_person_plausible",
    nameVi: "Không quá 3 thuê bao Internet mỗi người",
    nameEn: "At most 3 Internet subscriptions per person",
    left: "{INTERNET_SUBSCRIPTIONS}",
    operator: "<=",
    right: "3 * {POP_TOTAL}",
    importance: "warning",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "household_size_plausible",
    nameVi: "Quy mô hộ bình quân không quá 8 người",
    nameEn: "At most 8 persons per household on average",
    left: "{POP_TOTAL}",
    operator: "<=",
    right: "8 * {HOUSEHOLDS}",
    importance: "warning",
    missing: "skip_if_any_missing",
  }),
  rule({
    id: "digital_tech_ent_le_enterprises",
    nameVi: "Doanh nghiệp công nghệ số không vượt số doanh nghiệp đang hoạt động",
    nameEn: "Digital technology enterprises within active enterprises",
    left: "{DIGITAL_TECH_ENT}",
    operator: "<=",
    right: "{ENT_ACTIVE}",
    importance: "warning",
    missing: "skip_if_any_missing",
  }),
];

/** Quarterly ratios whose two parts are reported together. */
const PAIRS: readonly [string, string, string, string][] = [
  ["ECOM_REVENUE", "RETAIL_SALES", "Tỷ trọng thương mại điện tử", "E-commerce share of retail"],
  ["DX_BUDGET_SPEND", "BUDGET_SPEND", "Tỷ trọng chi chuyển đổi số", "Digital-transformation budget share"],
  [
    "ONLINE_APPLICATIONS",
    "ADMIN_APPLICATIONS",
    "Tỷ lệ hồ sơ nộp trực tuyến",
    "Share of applications filed online",
  ],
  [
    "PUBLIC_SERVICES_FULL_ONLINE",
    "PUBLIC_SERVICES_TOTAL",
    "Tỷ lệ dịch vụ công trực tuyến toàn trình",
    "Share of fully online public services",
  ],
];

const pairs: ValidationRule[] = PAIRS.map(([a, b, vi, en]) =>
  rule({
    id: `pair.${a}.${b}`,
    nameVi: `${vi}: nhập cả tử số và mẫu số`,
    nameEn: `${en}: fill both numerator and denominator`,
    left: `{${a}}`,
    operator: "compulsory_pair",
    right: `{${b}}`,
    importance: "warning",
    missing: "never_skip",
  }),
);

/** The default rule set: generated part ≤ whole rules, identities, plausibility warnings, pairs. */
export const defaultValidationRules: ValidationRule[] = [
  ...partWholeRules(dataElements, indicators),
  ...errors,
  ...warnings,
  ...pairs,
];
