/**
 * The enterprise self-assessment (DESIGN §4.7): checking a submission (every bad field at once,
 * each named, in Vietnamese and English), scoring it with the pure methods, storing it with its
 * history per tax code, the result a firm reads back with its secret token, the statistics for the
 * ministry and provinces, bulk import, demo submissions, and the feed of the catalogue series
 * `assessment`.
 *
 * Privacy: tax codes are not verified (no login), so nobody may read a firm's answers by its tax
 * code. A submission returns a random result token; only its SHA-256 is stored, and the result route
 * answers for that one submission only. The history a firm sees is the tokens its browser kept.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { loadAreas, provincesOf, successorUnits } from "../catalog/areas.ts";
import {
  ADVICE,
  adviceBand,
  MATURITY_LEVELS,
  MATURITY_PILLARS,
  type MaturityPillarCode,
  PLATFORMS,
  QUESTIONS,
  REGULAR_PLATFORM_MIN,
  SCALE,
  SECTIONS,
  SIZE_CLASSES,
  SIZE_CRITERIA,
  SIZE_NAMES,
  SIZE_SOURCE,
  SIZE_SOURCE_URLS,
  type SizeClass,
} from "../catalog/assessment-questionnaire.ts";
import { generateDemoAssessments } from "../catalog/demo-assessments.ts";
import { config } from "../config.ts";
import type { Area } from "../domain/area.ts";
import { DxmError } from "../domain/errors.ts";
import type { Observation } from "../domain/observation.ts";
import { formatPeriod, type Period, periodEnd, quarterRange, tryParsePeriod } from "../domain/period.ts";
import {
  checkTaxCode,
  levelOf,
  overallScore,
  percentileRank,
  pillarScoresOfArray,
  platformMask,
  weakestPillars,
} from "../methods/maturity.ts";
import {
  type AggregateSpec,
  beginFirstLoad,
  type CellFilter,
  type CellSum,
  copyFirstLoad,
  countAssessments,
  deleteDemoAssessments,
  discardImportBatch,
  feedAsOf,
  findByTokenHash,
  findRecentDuplicate,
  finishFirstLoad,
  insertAssessment,
  listCells,
  mergeImportBatch,
  type NewAssessment,
  peerStanding,
  type QuarterSum,
  realSubmissionSpan,
  type StagingRow,
  StagingWriter,
  type StoredAssessment,
  setResultTokenHash,
  stageImportChunk,
  sumCells,
  sumCellsByProvince,
  sumQuarters,
} from "../store/assessments-repo.ts";
import type { Store } from "../store/db.ts";
import { getMeta, setMeta } from "../store/meta-repo.ts";
import { upsertObservations } from "../store/observations-repo.ts";

export const AGGREGATES: AggregateSpec = Object.freeze({
  platforms: PLATFORMS.length,
  regularMin: REGULAR_PLATFORM_MIN,
});

/** A resubmission of the same answers by the same tax code within this time is the same one. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export const CAVEAT = Object.freeze({
  vi: "Các doanh nghiệp tự chọn tham gia tự đánh giá, nên số liệu chỉ mô tả những doanh nghiệp đã trả lời, không đại diện cho mọi doanh nghiệp của tỉnh, ngành hay cả nước.",
  en: "Firms choose to take the self-assessment, so these figures describe the firms that answered only; they are not representative of all firms of a province, sector or the nation.",
});

export const THRESHOLDS_NOTE = Object.freeze({
  vi: "Ngưỡng điểm của các mức là của dxmonitor: ngưỡng chính thức của Bộ chỉ số DBI (Quyết định 1970/QĐ-BTTTT) chưa được công bố.",
  en: "The score thresholds of the levels are dxmonitor's own: the official thresholds of the DBI index (Decision 1970/QĐ-BTTTT) are not published.",
});

const PILLAR_COLUMN: Record<MaturityPillarCode, keyof NewAssessment> = {
  CUSTOMER: "s_customer",
  STRATEGY: "s_strategy",
  TECHNOLOGY: "s_technology",
  OPERATIONS: "s_operations",
  CULTURE: "s_culture",
  DATA: "s_data",
};

// ---------------------------------------------------------------------------------------------
// Questionnaire

export function questionnaire(thresholds: readonly number[] = config().maturityThresholds) {
  return {
    pillars: MATURITY_PILLARS.map((p) => ({
      code: p.code,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      weight: p.weight,
    })),
    questions: QUESTIONS.map((q) => ({
      code: q.code,
      pillar: q.pillar,
      text_vi: q.textVi,
      text_en: q.textEn,
      low_vi: q.lowVi,
      low_en: q.lowEn,
      high_vi: q.highVi,
      high_en: q.highEn,
    })),
    scale: SCALE.map((s) => ({ value: s.value, name_vi: s.nameVi, name_en: s.nameEn })),
    platforms: PLATFORMS.map((p) => ({ code: p.code, name_vi: p.nameVi, name_en: p.nameEn })),
    levels: MATURITY_LEVELS.map((l) => ({
      level: l.level,
      name_vi: l.nameVi,
      name_en: l.nameEn,
      min_score: l.level === 0 ? 0 : (thresholds[l.level - 1] ?? null),
    })),
    thresholds_note_vi: THRESHOLDS_NOTE.vi,
    thresholds_note_en: THRESHOLDS_NOTE.en,
    sectors: SECTIONS.map((s) => ({ code: s.code, name_vi: s.nameVi, name_en: s.nameEn })),
    sizes: SIZE_CLASSES.map((s) => ({
      code: s,
      name_vi: SIZE_NAMES[s].nameVi,
      name_en: SIZE_NAMES[s].nameEn,
    })),
    size_criteria: {
      source: SIZE_SOURCE,
      secondary_sources: SIZE_SOURCE_URLS,
      unit: "VND billion; employees = annual average with social insurance",
      agriculture_industry_construction: SIZE_CRITERIA.agriculture_industry_construction,
      trade_services: SIZE_CRITERIA.trade_services,
      agriculture_industry_construction_sections: "A–F",
    },
    regular_platform_min: REGULAR_PLATFORM_MIN,
    caveat_vi: CAVEAT.vi,
    caveat_en: CAVEAT.en,
  };
}

// ---------------------------------------------------------------------------------------------
// Checking a submission

export interface FieldError {
  field: string;
  message: string;
  messageVi: string;
}

export interface Submission {
  taxCode: string;
  name: string;
  /** 2025 province code. */
  province: string;
  /**
   * 2008 province code when known: the firm named it, or its 2025 province was not merged (one
   * predecessor). '' when the firm gave a merged 2025 province only: it cannot be placed in one of
   * the former provinces, and the 2008 statistics say so instead of guessing.
   */
  province2008: string;
  sector: string;
  size: SizeClass;
  /** Answers in questionnaire order. */
  answers: number[];
  platforms: string[];
}

let areaCache:
  | {
      provinces2025: Map<string, Area>;
      provinces2008: Map<string, Area>;
      successor: Map<string, string>;
      /** 2025 province → its 2008 predecessors. */
      predecessors: Map<string, string[]>;
      areas: Area[];
    }
  | undefined;
function areaIndex() {
  if (!areaCache) {
    const areas = loadAreas();
    const successor = successorUnits(areas);
    const predecessors = new Map<string, string[]>();
    for (const [old, next] of successor) predecessors.set(next, [...(predecessors.get(next) ?? []), old]);
    areaCache = {
      areas,
      provinces2025: new Map(provincesOf(areas, "2025").map((a) => [a.code, a])),
      provinces2008: new Map(provincesOf(areas, "2008").map((a) => [a.code, a])),
      successor,
      predecessors,
    };
  }
  return areaCache;
}

/** The 2008 province implied by a 2025 one: its only predecessor when it was not merged, else ''. */
export function implied2008(province2025: string): string {
  const pre = areaIndex().predecessors.get(province2025);
  return pre?.length === 1 ? pre[0]! : "";
}

const QUESTION_CODES: ReadonlySet<string> = new Set(QUESTIONS.map((q) => q.code));
const SECTION_CODES: ReadonlySet<string> = new Set(SECTIONS.map((x) => x.code));
const PLATFORM_CODES: ReadonlySet<string> = new Set(PLATFORMS.map((x) => x.code));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const TAX_MESSAGES = {
  empty: ["is required", "bắt buộc"],
  characters: ["may hold digits and one '-' only", "chỉ gồm chữ số và một dấu '-'"],
  length: [
    "must be 10 digits, or 10 digits, '-' and 3 digits for a dependent unit",
    "phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số với đơn vị phụ thuộc",
  ],
  branch: ["the dependent-unit suffix after '-' must be 3 digits", "phần sau dấu '-' phải gồm 3 chữ số"],
} as const;

/**
 * Checks every field of a submission and returns either the clean submission or every error, each
 * naming its field (`taxCode`, `province.code`, `answers.CUS1`, `platforms[2]` …).
 */
export function checkSubmission(
  raw: unknown,
): { ok: true; value: Submission } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, en: string, vi: string) =>
    errors.push({ field, message: `${field}: ${en}`, messageVi: `${field}: ${vi}` });
  const body = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) err("(body)", "must be a JSON object", "phải là một đối tượng JSON");

  let taxCode = "";
  if (typeof body.taxCode !== "string") err("taxCode", TAX_MESSAGES.empty[0], TAX_MESSAGES.empty[1]);
  else {
    const t = checkTaxCode(body.taxCode);
    if (t.ok) taxCode = t.code;
    else err("taxCode", TAX_MESSAGES[t.problem][0], TAX_MESSAGES[t.problem][1]);
  }

  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) err("name", "the firm's name is required", "bắt buộc nhập tên doanh nghiệp");
  else if (name.length > 200) err("name", "at most 200 characters", "tối đa 200 ký tự");

  let province = "";
  let province2008 = "";
  const idx = areaIndex();
  if (!isRecord(body.province)) {
    err(
      "province",
      "give { geography, code } of the province",
      "cần { geography, code } của tỉnh, thành phố",
    );
  } else {
    const g = body.province.geography;
    const c = body.province.code;
    if (g !== "2025" && g !== "2008")
      err("province.geography", "must be 2025 or 2008", "phải là 2025 hoặc 2008");
    if (typeof c !== "string" || !c) err("province.code", "is required", "bắt buộc");
    else if (g === "2025") {
      if (idx.provinces2025.has(c)) {
        province = c;
        province2008 = implied2008(c);
      } else
        err(
          "province.code",
          `${c} is not a province of the 2025 geography`,
          `${c} không phải mã tỉnh, thành phố năm 2025`,
        );
    } else if (g === "2008") {
      const next = idx.successor.get(c);
      if (next) {
        province = next;
        province2008 = c;
      } else
        err(
          "province.code",
          `${c} is not a province of the 2008 geography`,
          `${c} không phải mã tỉnh năm 2008`,
        );
    }
  }

  const sector = typeof body.sector === "string" ? body.sector.trim().toUpperCase() : "";
  if (!SECTION_CODES.has(sector))
    err("sector", "must be a VSIC 2018 section letter A–U", "phải là mã ngành cấp 1 VSIC 2018 (A–U)");

  const size = body.size;
  if (typeof size !== "string" || !SIZE_CLASSES.includes(size as SizeClass))
    err("size", "must be micro, small, medium or large", "phải là micro, small, medium hoặc large");

  const answers: number[] = [];
  if (!isRecord(body.answers)) {
    err("answers", "give an object of question code → answer 0–5", "cần một đối tượng mã câu hỏi → điểm 0–5");
  } else {
    const a = body.answers;
    for (const q of QUESTIONS) {
      const v = a[q.code];
      if (v === undefined || v === null) err(`answers.${q.code}`, "is not answered", "chưa trả lời");
      else if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 5)
        err(`answers.${q.code}`, "must be a whole number from 0 to 5", "phải là số nguyên từ 0 đến 5");
      else answers.push(v);
    }
    for (const k of Object.keys(a))
      if (!QUESTION_CODES.has(k)) err(`answers.${k}`, "is not a question", "không phải mã câu hỏi");
  }

  const platforms: string[] = [];
  if (body.platforms !== undefined && !Array.isArray(body.platforms)) {
    err("platforms", "must be a list of platform codes", "phải là danh sách mã nền tảng");
  } else {
    (body.platforms ?? []).forEach((p: unknown, i: number) => {
      if (typeof p !== "string" || !PLATFORM_CODES.has(p))
        err(`platforms[${i}]`, `${String(p)} is not a platform code`, `${String(p)} không phải mã nền tảng`);
      else if (platforms.includes(p)) err(`platforms[${i}]`, `${p} is listed twice`, `${p} bị lặp`);
      else platforms.push(p);
    });
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { taxCode, name, province, province2008, sector, size: size as SizeClass, answers, platforms },
  };
}

/** Throws a 400 naming every bad field. */
export function invalidSubmission(errors: readonly FieldError[]): DxmError {
  return new DxmError("invalid_body", errors.map((e) => e.message).join("; "), {
    field: errors[0]?.field ?? "(body)",
    messageVi: errors.map((e) => e.messageVi).join("; "),
    details: { errors },
  });
}

// ---------------------------------------------------------------------------------------------
// Scoring

export interface Scored {
  pillars: Record<MaturityPillarCode, number>;
  overall: number;
  level: number;
}

const PILLAR_OF_QUESTION: readonly number[] = QUESTIONS.map((q) =>
  MATURITY_PILLARS.findIndex((p) => p.code === q.pillar),
);

export function score(answers: readonly number[], thresholds: readonly number[]): Scored {
  const values = pillarScoresOfArray(answers, PILLAR_OF_QUESTION, MATURITY_PILLARS.length);
  const byPillar: Record<string, number> = {};
  MATURITY_PILLARS.forEach((p, i) => {
    byPillar[p.code] = values[i] ?? 0;
  });
  const pillars = byPillar as Record<MaturityPillarCode, number>;
  const overall = overallScore(byPillar, MATURITY_PILLARS) ?? 0;
  return { pillars, overall, level: levelOf(overall, thresholds) };
}

/**
 * What makes two submissions of one tax code the same: province, sector, size, the answers and the
 * platforms, written out exactly (short enough that hashing would only cost time).
 */
export function fingerprintOf(s: Submission): string {
  return `${s.province}|${s.sector}|${s.size}|${s.answers.join("")}|${platformMask(s.platforms, PLATFORMS)}`;
}

function rowOf(
  s: Submission,
  scored: Scored,
  source: NewAssessment["source"],
  submittedAt: Date,
  tokenHash: string | null,
): NewAssessment {
  return {
    tax_code: s.taxCode,
    name: s.name,
    province: s.province,
    province_2008: s.province2008,
    sector: s.sector,
    size: s.size,
    answers: s.answers,
    platform_mask: platformMask(s.platforms, PLATFORMS),
    s_customer: scored.pillars.CUSTOMER,
    s_strategy: scored.pillars.STRATEGY,
    s_technology: scored.pillars.TECHNOLOGY,
    s_operations: scored.pillars.OPERATIONS,
    s_culture: scored.pillars.CULTURE,
    s_data: scored.pillars.DATA,
    overall: scored.overall,
    level: scored.level,
    fingerprint: fingerprintOf(s),
    source,
    result_token_hash: tokenHash,
    submitted_at: submittedAt,
  };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// ---------------------------------------------------------------------------------------------
// Submitting and reading a result

export interface SubmitResult {
  duplicate: boolean;
  token: string;
  result: AssessmentResult;
}

/**
 * Stores a checked submission. The same tax code with the same answers within
 * DUPLICATE_WINDOW_MS is recognised: the existing submission is returned with a fresh result token
 * (the earlier token stops working), and no row is added.
 */
export async function submitAssessment(
  store: Store,
  raw: unknown,
  options: { now?: Date; thresholds?: readonly number[] } = {},
): Promise<SubmitResult> {
  const checked = checkSubmission(raw);
  if (!checked.ok) throw invalidSubmission(checked.errors);
  const s = checked.value;
  const now = options.now ?? new Date();
  const thresholds = options.thresholds ?? config().maturityThresholds;
  const token = randomBytes(24).toString("base64url");
  const hash = hashToken(token);
  const dup = await findRecentDuplicate(
    store.db,
    s.taxCode,
    fingerprintOf(s),
    new Date(now.getTime() - DUPLICATE_WINDOW_MS),
  );
  if (dup) {
    await setResultTokenHash(store.db, dup.id, hash);
  } else {
    await insertAssessment(store.db, rowOf(s, score(s.answers, thresholds), "web", now, hash), AGGREGATES);
  }
  const result = await getResult(store, token, thresholds);
  return { duplicate: Boolean(dup), token, result };
}

export interface AssessmentResult {
  id: number;
  tax_code: string;
  name: string;
  province: { geography: "2025"; code: string; name_vi: string; name_en: string };
  sector: string;
  size: string;
  submitted_at: string;
  answers: Record<string, number>;
  platforms: string[];
  pillars: {
    code: string;
    name_vi: string;
    name_en: string;
    score: number;
    level: number;
    peer_mean: number | null;
  }[];
  overall: number;
  level: number;
  level_name_vi: string;
  level_name_en: string;
  thresholds: readonly number[];
  thresholds_note_vi: string;
  thresholds_note_en: string;
  peers: { count: number; percentile: number | null; mean_overall: number | null; demo: number };
  next_steps: {
    pillar: string;
    name_vi: string;
    name_en: string;
    score: number;
    advice_vi: string;
    advice_en: string;
  }[];
}

/** One submission's result, found by its secret token. */
export async function getResult(
  store: Store,
  token: string,
  thresholds: readonly number[] = config().maturityThresholds,
): Promise<AssessmentResult> {
  const row = token ? await findByTokenHash(store.db, hashToken(token)) : undefined;
  if (!row)
    throw new DxmError("not_found", "No assessment has this result token", {
      field: "token",
      messageVi: "Không có phiếu tự đánh giá nào với mã kết quả này",
    });
  return resultOf(store, row, thresholds);
}

async function resultOf(
  store: Store,
  row: StoredAssessment,
  thresholds: readonly number[],
): Promise<AssessmentResult> {
  const cell = { province: row.province, sector: row.sector, size: row.size };
  const [standing, cells] = await Promise.all([
    peerStanding(store.db, cell, row.overall),
    listCells(store.db, { provinces: [row.province], sector: row.sector, size: row.size }),
  ]);
  const c = cells[0];
  const scores = Object.fromEntries(
    MATURITY_PILLARS.map((p) => [p.code, row[PILLAR_COLUMN[p.code]] as number]),
  );
  const level = MATURITY_LEVELS[row.level] ?? MATURITY_LEVELS[0]!;
  const area = areaIndex().provinces2025.get(row.province);
  const weakest = weakestPillars(scores, MATURITY_PILLARS, 2);
  return {
    id: row.id,
    tax_code: row.tax_code,
    name: row.name,
    province: {
      geography: "2025",
      code: row.province,
      name_vi: area?.nameVi ?? row.province,
      name_en: area?.nameEn ?? row.province,
    },
    sector: row.sector,
    size: row.size,
    submitted_at: new Date(row.submitted_at).toISOString(),
    answers: Object.fromEntries(QUESTIONS.map((q, i) => [q.code, row.answers[i] ?? 0])),
    platforms: PLATFORMS.filter((_, i) => (row.platform_mask & (1 << i)) !== 0).map((p) => p.code),
    pillars: MATURITY_PILLARS.map((p, i) => ({
      code: p.code,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      score: scores[p.code] ?? 0,
      level: levelOf(scores[p.code] ?? 0, thresholds),
      peer_mean: c && c.n > 0 ? (c.sum_pillars[i] ?? 0) / c.n : null,
    })),
    overall: row.overall,
    level: row.level,
    level_name_vi: level.nameVi,
    level_name_en: level.nameEn,
    thresholds,
    thresholds_note_vi: THRESHOLDS_NOTE.vi,
    thresholds_note_en: THRESHOLDS_NOTE.en,
    peers: {
      count: standing.total,
      percentile: percentileRank(standing.below, standing.equal, standing.total),
      mean_overall: c && c.n > 0 ? c.sum_overall / c.n : null,
      demo: c?.demo ?? 0,
    },
    next_steps: weakest.map((code) => {
      const p = MATURITY_PILLARS.find((x) => x.code === code)!;
      const s = scores[code] ?? 0;
      const advice = ADVICE[p.code][adviceBand(levelOf(s, thresholds))];
      return {
        pillar: code,
        name_vi: p.nameVi,
        name_en: p.nameEn,
        score: s,
        advice_vi: advice.vi,
        advice_en: advice.en,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

export interface StatsQuery {
  geography?: string;
  area?: string;
  sector?: string;
  size?: string;
}

/** The provinces of an area of a geography (2025 by default): the nation, a region or one province. */
export function provincesIn(area: string, geography: "2025" | "2008" = "2025"): string[] | undefined {
  const idx = areaIndex();
  const all = geography === "2025" ? idx.provinces2025 : idx.provinces2008;
  if (area === "VN") return [...all.keys()];
  const a = idx.areas.find((x) => x.geography === geography && x.code === area);
  if (!a) return undefined;
  if (a.level === "province") return [a.code];
  return provincesOf(idx.areas, geography)
    .filter((p) => p.parent === a.code)
    .map((p) => p.code);
}

const COVERAGE_NOTE = Object.freeze({
  en: "Firms give their 2025 province; a firm whose 2025 province was formed by merging several 2008 provinces is placed in a 2008 province only if it also named that province. The 11 provinces that were not merged are complete. The others count only the firms that named them; firms that gave only the merged province are listed as not placed, never shared out by a guess.",
  vi: "Doanh nghiệp khai tỉnh theo địa giới 2025; doanh nghiệp thuộc tỉnh mới hợp nhất từ nhiều tỉnh cũ chỉ được xếp vào một tỉnh năm 2008 khi đã khai cả tỉnh cũ. 11 tỉnh không sáp nhập có số liệu đầy đủ. Các tỉnh khác chỉ đếm doanh nghiệp đã khai tỉnh cũ; doanh nghiệp chỉ khai tỉnh mới được nêu là chưa xếp được, không chia theo phỏng đoán.",
});

/**
 * Statistics in the 2008 geography can only count firms whose 2008 province is known: the firms of
 * the 2025 provinces in scope that are not placed are reported beside, by 2025 province, with the
 * 2008 provinces each could belong to. Returns how complete the figures are.
 */
async function coverage2008(store: Store, scope: readonly string[] | undefined, f: CellFilter) {
  const idx = areaIndex();
  const successors = [...new Set((scope ?? [...idx.provinces2008.keys()]).map((c) => idx.successor.get(c)!))];
  const rows = await sumCellsByProvince(store.db, { ...f, provinces: successors, provinces2008: [""] });
  const unplaced = rows
    .filter((r) => r.n > 0)
    .map((r) => ({
      code: r.province,
      name_vi: idx.provinces2025.get(r.province)?.nameVi ?? r.province,
      name_en: idx.provinces2025.get(r.province)?.nameEn ?? r.province,
      count: r.n,
      former: idx.predecessors.get(r.province) ?? [],
    }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const merged = (scope ?? [...idx.provinces2008.keys()]).filter(
    (c) => (idx.predecessors.get(idx.successor.get(c)!)?.length ?? 0) > 1,
  );
  const count = unplaced.reduce((a, u) => a + u.count, 0);
  return {
    complete: count === 0,
    unchanged: (scope ?? [...idx.provinces2008.keys()]).filter((c) => !merged.includes(c)).sort(),
    merged: merged.sort(),
    unplaced: count,
    unplaced_by_2025: unplaced,
    note_vi: COVERAGE_NOTE.vi,
    note_en: COVERAGE_NOTE.en,
  };
}

export async function getStats(store: Store, q: StatsQuery) {
  const geography = q.geography ?? "2025";
  if (geography !== "2025" && geography !== "2008")
    throw new DxmError("invalid_parameter", "geography must be 2025 or 2008", {
      field: "geography",
      messageVi: "geography phải là 2025 hoặc 2008",
    });
  const area = q.area ?? "VN";
  const provinces = provincesIn(area, geography);
  if (!provinces)
    throw new DxmError("invalid_area", `${area} is not an area of the ${geography} geography`, {
      field: "area",
      messageVi: `${area} không phải mã địa bàn năm ${geography}`,
    });
  if (q.sector && !SECTIONS.some((s) => s.code === q.sector))
    throw new DxmError("invalid_parameter", "sector must be a VSIC 2018 section letter A–U", {
      field: "sector",
      messageVi: "sector phải là mã ngành cấp 1 VSIC 2018 (A–U)",
    });
  if (q.size && !SIZE_CLASSES.includes(q.size as SizeClass))
    throw new DxmError("invalid_parameter", "size must be micro, small, medium or large", {
      field: "size",
      messageVi: "size phải là micro, small, medium hoặc large",
    });
  const kind: CellFilter = {
    ...(q.sector ? { sector: q.sector } : {}),
    ...(q.size ? { size: q.size } : {}),
  };
  // In 2008 a sub-national area counts the firms placed in its 2008 provinces (see coverage2008).
  const filter: CellFilter = {
    ...(area === "VN" ? {} : geography === "2025" ? { provinces } : { provinces2008: provinces }),
    ...kind,
  };
  // Sequential: PGlite runs one query at a time anyway.
  const totals = await sumCells(store.db, filter);
  const byProvince = (await sumCellsByProvince(store.db, filter, geography)).filter((p) => p.province !== "");
  const quarters = await sumQuarters(store.db, filter);
  const coverage =
    geography === "2008" ? await coverage2008(store, area === "VN" ? undefined : provinces, kind) : null;
  const n = totals.n;
  const levels = MATURITY_LEVELS.map((_, i) => totals.levels[i] ?? 0);
  const pillarSums = MATURITY_PILLARS.map((_, i) => totals.sumPillars[i] ?? 0);
  const platformCounts = PLATFORMS.map((_, i) => totals.platforms[i] ?? 0);
  const share = (k: number) => (n > 0 ? (100 * k) / n : null);
  const idx = areaIndex();
  const names = geography === "2025" ? idx.provinces2025 : idx.provinces2008;
  return {
    geography,
    area,
    sector: q.sector ?? null,
    size: q.size ?? null,
    count: n,
    demo_count: totals.demo,
    mean_overall: n > 0 ? totals.sumOverall / n : null,
    levels: MATURITY_LEVELS.map((l, i) => ({
      level: l.level,
      name_vi: l.nameVi,
      name_en: l.nameEn,
      count: levels[i] ?? 0,
      share: share(levels[i] ?? 0),
    })),
    pillars: MATURITY_PILLARS.map((p, i) => ({
      code: p.code,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      mean: n > 0 ? (pillarSums[i] ?? 0) / n : null,
    })),
    platforms: PLATFORMS.map((p, i) => ({
      code: p.code,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      count: platformCounts[i] ?? 0,
      share: share(platformCounts[i] ?? 0),
    })),
    any_platform_share: share(totals.anyPlatform),
    regular_platform_share: share(totals.regularPlatform),
    regular_platform_min: REGULAR_PLATFORM_MIN,
    provinces: byProvince
      .filter((p) => p.n > 0)
      .map((p) => ({
        code: p.province,
        name_vi: names.get(p.province)?.nameVi ?? p.province,
        name_en: names.get(p.province)?.nameEn ?? p.province,
        count: p.n,
        mean_overall: p.sumOverall / p.n,
        any_platform_share: (100 * p.anyPlatform) / p.n,
      }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    trend: quarters
      .filter((t) => t.n > 0)
      .map((t) => ({
        quarter: t.quarter,
        submissions: t.n,
        demo: t.demo,
        mean_overall: t.sumOverall / t.n,
        any_platform_share: (100 * t.anyPlatform) / t.n,
      })),
    /** 2008 only: which provinces are complete and which firms could not be placed, and why. */
    coverage,
    caveat_vi: CAVEAT.vi,
    caveat_en: CAVEAT.en,
    thresholds_note_vi: THRESHOLDS_NOTE.vi,
    thresholds_note_en: THRESHOLDS_NOTE.en,
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk import

/**
 * The import layout: one row per submission, a header row with these columns (any order; extra
 * columns are ignored): `tax_code`, `name`, `province` (2025 code) and/or `province_2008` (2008 code;
 * when both are given they must agree, and the 2008 one is recorded too), `sector`,
 * `size`, `submitted_at` (ISO date or date-time; a date means midnight in Vietnam), one column per
 * question code (`CUS1` … `DAT5`, 0–5), and `platforms` (codes separated by `;`, may be empty).
 */
export const IMPORT_LAYOUT = Object.freeze([
  "tax_code",
  "name",
  "province",
  "sector",
  "size",
  "submitted_at",
  ...QUESTIONS.map((q) => q.code),
  "platforms",
]);

/** Optional columns of the layout (written by `dxm assessments generate`). */
export const IMPORT_OPTIONAL = Object.freeze(["province_2008"]);

export interface ImportError {
  line: number;
  field: string;
  message: string;
  messageVi: string;
}

export interface ImportReport {
  rows: number;
  valid: number;
  stored: number;
  alreadyPresent: number;
  errors: ImportError[];
  ms: number;
  /** Of `ms`: the merge transaction (insert, latest per firm, sums). */
  mergeMs: number;
}

/**
 * One data row of an import file: either a record by column name (XLSX, tests), or the CSV reader's
 * fields with the header's column positions, found once per file. The second form is what keeps a
 * million-row import quick: no object with 40 keys is built per row unless the row has an error.
 */
export type RecordLine =
  | {
      /** Line number in the file (the header is line 1). */
      line: number;
      record: Record<string, string>;
    }
  | { line: number; fields: readonly string[]; columns: ImportColumns };

/** The header of an import file: column name → position. */
export interface ImportColumns {
  readonly names: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  /**
   * The fields are the file's bytes one character each (decoded as Latin-1, several times quicker
   * than UTF-8 for a file of Vietnamese names); {@link utf8Field} gives a field's text. Codes,
   * answers and times are ASCII, so the fast path reads them as they are: a byte of 0x80 or above
   * in any of them fails its checks and sends the row to the general path, which decodes it all.
   */
  readonly latin1?: true;
}

export function importColumns(header: readonly string[], options: { latin1?: boolean } = {}): ImportColumns {
  return {
    names: header,
    position: new Map(header.map((h, i) => [h, i])),
    ...(options.latin1 ? { latin1: true } : {}),
  };
}

/**
 * A field of a file decoded as Latin-1 ({@link ImportColumns.latin1}) as the UTF-8 text it holds.
 * UTF-8 is ASCII up to 0x7f and every byte of a longer sequence is 0x80 or above, so a field of
 * plain ASCII is the same text either way.
 */
export function utf8Field(s: string): string {
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) >= 0x80) return Buffer.from(s, "latin1").toString("utf8");
  return s;
}

/** Rows per COPY into staging; the progress bar moves once per chunk. */
const CHUNK = 20_000;

/**
 * Whether a file holds the same submission (tax code, time, fingerprint) twice, by 64-bit hashes of
 * the keys in an open-addressing table: a million rows in 16 MB, no key kept. Two keys of equal hash
 * say "maybe" (for distinct keys about once in 10^7 files of a million rows), and the merge then
 * takes the way that removes duplicates by sorting; when no key repeats it can skip that sort.
 */
export class RepeatedKeys {
  #slots = new Uint32Array(1 << 16);
  #size = 0;
  maybe = false;

  add(taxCode: string, ms: number, fingerprint: string): void {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ ms;
    for (let i = 0; i < taxCode.length; i++) {
      const c = taxCode.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ (ms % 4_294_967_296), 0x01000193) ^ Math.floor(ms / 4_294_967_296);
    for (let i = 0; i < fingerprint.length; i++) {
      const c = fingerprint.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    this.#put(a >>> 0 || 1, b >>> 0);
  }

  #put(a: number, b: number): void {
    if (this.#size * 4 >= this.#slots.length) this.#grow();
    const mask = this.#slots.length / 2 - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = this.#slots[2 * i]!;
      if (x === 0) {
        this.#slots[2 * i] = a;
        this.#slots[2 * i + 1] = b;
        this.#size++;
        return;
      }
      if (x === a && this.#slots[2 * i + 1] === b) {
        this.maybe = true;
        return;
      }
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    this.#size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.#put(old[i]!, old[i + 1]!);
  }
}

function parseWhen(text: string): Date | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = new Date(`${t}T00:00:00+07:00`);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t)) {
    const iso = t.replace(" ", "T");
    const d = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}+07:00`);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Checks one import record; returns the submission and time, or the errors. */
export function checkImportRecord(
  r: Record<string, string>,
  now: Date,
): { ok: true; value: Submission; submittedAt: Date } | { ok: false; errors: FieldError[] } {
  const answers: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const v = r[q.code] ?? "";
    const t = v.trim();
    answers[q.code] = t === "" ? undefined : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  }
  const province2008 = (r.province_2008 ?? "").trim();
  const province2025 = (r.province ?? "").trim();
  const raw = {
    taxCode: r.tax_code ?? "",
    name: r.name ?? "",
    // A 2008 province, when given, is the finer fact: it is checked and the 2025 one derived from it.
    province: province2008
      ? { geography: "2008", code: province2008 }
      : { geography: "2025", code: province2025 },
    sector: r.sector ?? "",
    size: (r.size ?? "").trim().toLowerCase(),
    answers,
    platforms: (r.platforms ?? "")
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean),
  };
  const checked = checkSubmission(raw);
  const errors = checked.ok ? [] : checked.errors;
  if (checked.ok && province2008 && province2025 && checked.value.province !== province2025)
    errors.push({
      field: "province",
      message: `province: ${province2025} is not the 2025 province that ${province2008} joined (${checked.value.province})`,
      messageVi: `province: ${province2025} không phải tỉnh năm 2025 mà ${province2008} sáp nhập vào (${checked.value.province})`,
    });
  const when = parseWhen(r.submitted_at ?? "");
  if (!when)
    errors.push({
      field: "submitted_at",
      message: "submitted_at: must be a date YYYY-MM-DD or an ISO date-time",
      messageVi: "submitted_at: phải là ngày YYYY-MM-DD hoặc ngày giờ ISO",
    });
  else if (when.getTime() > now.getTime() + 86_400_000)
    errors.push({
      field: "submitted_at",
      message: "submitted_at: is in the future",
      messageVi: "submitted_at: là ngày trong tương lai",
    });
  if (!checked.ok || errors.length || !when) return { ok: false, errors };
  return { ok: true, value: checked.value, submittedAt: when };
}

const SIZE_SET: ReadonlySet<string> = new Set(SIZE_CLASSES);
const PLATFORM_BIT: ReadonlyMap<string, number> = new Map(PLATFORMS.map((p, i) => [p.code, 1 << i]));
/**
 * Masks of platform lists already read (good ones only): a file repeats the same few lists, and one
 * lookup of the whole list costs less than splitting it and looking up each code, a million times.
 */
const MASK_OF_LIST = new Map<string, number>();
const TAX_CODE = /^[0-9]{10}(-[0-9]{3})?$/;
/** A UTC instant to the millisecond, as parseWhen reads it too (then `new Date(text)`). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface FastPlan {
  taxCode: number;
  name: number;
  province: number;
  province2008: number;
  sector: number;
  size: number;
  submittedAt: number;
  platforms: number;
  answers: number[];
  latin1: boolean;
}

function planOf(c: ImportColumns): FastPlan {
  const at = (name: string) => c.position.get(name) ?? -1;
  return {
    taxCode: at("tax_code"),
    name: at("name"),
    province: at("province"),
    province2008: at("province_2008"),
    sector: at("sector"),
    size: at("size"),
    submittedAt: at("submitted_at"),
    platforms: at("platforms"),
    answers: QUESTIONS.map((q) => at(q.code)),
    latin1: c.latin1 === true,
  };
}

const isRecordBatch = (x: RecordLine | readonly RecordLine[]): x is readonly RecordLine[] => Array.isArray(x);

/** A staging row to fill in place: the fast path writes a million rows without an object per row. */
function scratchRow(answers: number): StagingRow {
  return {
    tax_code: "",
    name: "",
    province: "",
    province_2008: "",
    sector: "",
    size: "",
    answers: new Array<number>(answers).fill(0),
    platform_mask: 0,
    s_customer: 0,
    s_strategy: 0,
    s_technology: 0,
    s_operations: 0,
    s_culture: 0,
    s_data: 0,
    overall: 0,
    level: 0,
    fingerprint: "",
    source: "",
    submitted_ms: 0,
  };
}

function setScores(out: StagingRow, sc: Scored): void {
  out.s_customer = sc.pillars.CUSTOMER;
  out.s_strategy = sc.pillars.STRATEGY;
  out.s_technology = sc.pillars.TECHNOLOGY;
  out.s_operations = sc.pillars.OPERATIONS;
  out.s_culture = sc.pillars.CULTURE;
  out.s_data = sc.pillars.DATA;
  out.overall = sc.overall;
  out.level = sc.level;
}

/**
 * The fast path of a row that is well formed in the ordinary way (answers single digits 0–5, codes
 * known, no stray spaces in the tax code): fills `out` with the staged row, scored, and returns true.
 * Anything unusual returns false and the row goes through {@link checkImportRecord}, which accepts
 * the same rows and words every error, so both paths store the same thing (a test holds them to it).
 */
function fastImportRow(
  f: readonly string[],
  p: FastPlan,
  nowMs: number,
  thresholds: readonly number[],
  out: StagingRow,
): boolean {
  const taxCode = f[p.taxCode] ?? "";
  if (!TAX_CODE.test(taxCode)) return false;
  const name = (p.latin1 ? utf8Field(f[p.name] ?? "") : (f[p.name] ?? "")).trim();
  if (!name || name.length > 200) return false;
  const idx = areaIndex();
  const given2008 = p.province2008 >= 0 ? (f[p.province2008] ?? "").trim() : "";
  const given2025 = p.province >= 0 ? (f[p.province] ?? "").trim() : "";
  let province: string;
  let province2008: string;
  if (given2008) {
    const next = idx.successor.get(given2008);
    if (!next || (given2025 && given2025 !== next)) return false;
    province = next;
    province2008 = given2008;
  } else {
    if (!idx.provinces2025.has(given2025)) return false;
    province = given2025;
    province2008 = implied2008(given2025);
  }
  const sector = (f[p.sector] ?? "").trim().toUpperCase();
  if (!SECTION_CODES.has(sector)) return false;
  const size = (f[p.size] ?? "").trim().toLowerCase();
  if (!SIZE_SET.has(size)) return false;
  const answers = out.answers as number[];
  let digits = "";
  for (let i = 0; i < p.answers.length; i++) {
    const v = f[p.answers[i]!] ?? "";
    if (v.length !== 1) return false;
    const d = v.charCodeAt(0) - 48;
    if (d < 0 || d > 5) return false;
    answers[i] = d;
    digits += v;
  }
  let mask = 0;
  const list = p.platforms >= 0 ? (f[p.platforms] ?? "") : "";
  if (list) {
    const known = MASK_OF_LIST.get(list);
    if (known !== undefined) mask = known;
    else {
      for (const raw of list.split(";")) {
        const code = raw.trim();
        if (!code) continue;
        const bit = PLATFORM_BIT.get(code);
        if (bit === undefined || mask & bit) return false;
        mask |= bit;
      }
      if (MASK_OF_LIST.size < 4096) MASK_OF_LIST.set(list, mask);
    }
  }
  const text = f[p.submittedAt] ?? "";
  // The form `dxm assessments generate` and most exports write: read without a Date per row.
  const ms = ISO_UTC.test(text) ? Date.parse(text) : (parseWhen(text)?.getTime() ?? Number.NaN);
  if (!(ms <= nowMs + 86_400_000)) return false;
  out.tax_code = taxCode;
  out.name = name;
  out.province = province;
  out.province_2008 = province2008;
  out.sector = sector;
  out.size = size;
  out.platform_mask = mask;
  setScores(out, score(answers, thresholds));
  // = fingerprintOf(submission), built from the pieces at hand.
  out.fingerprint = `${province}|${sector}|${size}|${digits}|${mask}`;
  out.submitted_ms = ms;
  return true;
}

/** Fills the staging row from a record checked on the general path (same columns as the fast path). */
function fillChecked(out: StagingRow, sub: Submission, scored: Scored, submittedAt: Date): void {
  out.tax_code = sub.taxCode;
  out.name = sub.name;
  out.province = sub.province;
  out.province_2008 = sub.province2008;
  out.sector = sub.sector;
  out.size = sub.size;
  const answers = out.answers as number[];
  for (let i = 0; i < answers.length; i++) answers[i] = sub.answers[i]!;
  out.platform_mask = platformMask(sub.platforms, PLATFORMS);
  setScores(out, scored);
  out.fingerprint = fingerprintOf(sub);
  out.submitted_ms = submittedAt.getTime();
}

/**
 * What a first load adds up while reading, so that its merge needs no pass over the million rows for
 * it: the rows that are not their tax code's latest (by row number), and the quarter sums. Either
 * gives up (undefined) where the database must decide: two rows of a tax code at the same instant
 * (which is the latest is the fingerprint's order, there), or a file with a repeated submission.
 */
/** Set bits of a 32-bit mask (as SQL's bit_count of mask::bit(32)). */
function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Numbers 0, 1, … for the distinct texts of one field, at most `limit` of them. */
class SmallCodes {
  readonly #numbers = new Map<string, number>();
  readonly #texts: string[] = [];
  constructor(
    readonly field: string,
    readonly limit: number,
  ) {}

  of(text: string): number {
    const n = this.#numbers.get(text);
    if (n !== undefined) return n;
    // Rows reach the tally checked (34 provinces, 63 before 2025, 21 sections, 4 sizes): more
    // distinct codes than this is a bug, not bad input.
    if (this.#texts.length >= this.limit)
      throw new Error(`assessment import: more than ${this.limit} distinct values of ${this.field}`);
    this.#numbers.set(text, this.#texts.length);
    this.#texts.push(text);
    return this.#texts.length - 1;
  }

  text(n: number): string {
    return this.#texts[n]!;
  }
}

/**
 * A checked tax code (10 digits, or 10 + "-" + 3 for a dependent unit) as an exact whole number
 * below 2⁵³: the ten digits × 1001, plus the unit's number + 1.
 */
function taxKey(code: string): number {
  let n = 0;
  for (let i = 0; i < 10; i++) n = n * 10 + (code.charCodeAt(i) - 48);
  if (code.length === 10) return n * 1001;
  const unit =
    (code.charCodeAt(11) - 48) * 100 + (code.charCodeAt(12) - 48) * 10 + (code.charCodeAt(13) - 48);
  return n * 1001 + unit + 1;
}

/**
 * Row numbers by whole-number key (below 2⁵³), in typed arrays with open addressing: a million
 * firms in a Map keyed by their tax-code strings cost the reader over a second (hashing a new
 * string per row, and the map's own growth).
 */
class RowByKey {
  #keys = new Float64Array(1 << 16).fill(-1);
  #rows = new Int32Array(1 << 16);
  #count = 0;

  /** The slot of `key`: the one holding it, or the free one where it goes (then `row` is -1). */
  slot(key: number): number {
    const mask = this.#keys.length - 1;
    let h = Math.imul(
      (key % 4_294_967_296) ^ Math.imul(Math.floor(key / 4_294_967_296), 0x85ebca6b),
      0x9e3779b1,
    );
    h ^= h >>> 15;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.#keys[i]!;
      if (k === key) return i;
      if (k < 0) {
        this.#keys[i] = key;
        this.#rows[i] = -1;
        return i;
      }
    }
  }

  row(slot: number): number {
    return this.#rows[slot]!;
  }

  /** Sets the slot's row; a new key may move every slot, so take a slot again after this. */
  put(slot: number, row: number): void {
    if (this.#rows[slot]! < 0 && ++this.#count * 2 > this.#keys.length) {
      this.#rows[slot] = row;
      this.#grow();
      return;
    }
    this.#rows[slot] = row;
  }

  #grow(): void {
    const keys = this.#keys;
    const rows = this.#rows;
    this.#keys = new Float64Array(keys.length * 2).fill(-1);
    this.#rows = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i]! < 0 || rows[i]! < 0) continue;
      const at = this.slot(keys[i]!);
      this.#rows[at] = rows[i]!;
    }
  }
}

class FirstLoadTally {
  /** The latest row so far of each tax code. */
  #latest = new RowByKey();
  #losers: number[] = [];
  #tie = false;
  #quarters = new Map<number, QuarterSum>();
  #quarterOf = new Map<number, number>();
  /**
   * Small numbers for the codes of a cell, one numbering per field, sized so that a cell's key and a
   * quarter's key stay small integers (V8 keeps those unboxed: a map keyed by larger numbers boxes
   * each key, two per row).
   */
  #provinces = new SmallCodes("province", 128);
  #provinces2008 = new SmallCodes("2008 province", 128);
  #sectors = new SmallCodes("sector", 32);
  #sizes = new SmallCodes("size", 8);
  #quarterCodes = new SmallCodes("quarter", 256);
  /** The cells (province, 2008 province, sector, size) met, by key (below 2²²). */
  #cellOf = new Map<number, number>();
  #cells: Pick<CellSum, "province" | "province_2008" | "sector" | "size">[] = [];
  #rows = 0;
  // Per row, what the sums of the latest per firm need: time, cell, level, mask, demo, and the six
  // pillar scores and the overall one.
  #ms = new Float64Array(1 << 16);
  #cell = new Int32Array(1 << 16);
  #level = new Uint8Array(1 << 16);
  #mask = new Int32Array(1 << 16);
  #demo = new Uint8Array(1 << 16);
  #scores = new Float64Array(7 << 16);

  #grow(): void {
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const next = make(a.length * 2);
      next.set(a);
      return next;
    };
    this.#ms = grow(this.#ms, (n) => new Float64Array(n));
    this.#cell = grow(this.#cell, (n) => new Int32Array(n));
    this.#level = grow(this.#level, (n) => new Uint8Array(n));
    this.#mask = grow(this.#mask, (n) => new Int32Array(n));
    this.#demo = grow(this.#demo, (n) => new Uint8Array(n));
    this.#scores = grow(this.#scores, (n) => new Float64Array(n));
  }

  add(r: StagingRow): void {
    const k = this.#rows++;
    if (k >= this.#ms.length) this.#grow();
    const ms = r.submitted_ms;
    this.#ms[k] = ms;
    const slot = this.#latest.slot(taxKey(r.tax_code));
    const prev = this.#latest.row(slot);
    if (prev < 0) this.#latest.put(slot, k);
    else {
      const before = this.#ms[prev]!;
      if (ms > before) {
        this.#losers.push(prev);
        this.#latest.put(slot, k);
      } else if (ms < before) this.#losers.push(k);
      else this.#tie = true;
    }
    const cellKey =
      ((this.#provinces.of(r.province) * 128 + this.#provinces2008.of(r.province_2008)) * 32 +
        this.#sectors.of(r.sector)) *
        8 +
      this.#sizes.of(r.size);
    let cell = this.#cellOf.get(cellKey);
    if (cell === undefined) {
      cell = this.#cells.length;
      this.#cells.push({
        province: r.province,
        province_2008: r.province_2008,
        sector: r.sector,
        size: r.size,
      });
      this.#cellOf.set(cellKey, cell);
    }
    const demo = r.source === "demo";
    this.#cell[k] = cell;
    this.#level[k] = r.level;
    this.#mask[k] = r.platform_mask;
    this.#demo[k] = demo ? 1 : 0;
    const sc = this.#scores;
    const at = 7 * k;
    sc[at] = r.s_customer;
    sc[at + 1] = r.s_strategy;
    sc[at + 2] = r.s_technology;
    sc[at + 3] = r.s_operations;
    sc[at + 4] = r.s_culture;
    sc[at + 5] = r.s_data;
    sc[at + 6] = r.overall;
    // The quarter in Vietnam's time (UTC+7), as the SQL rebuild groups it; months start on whole
    // hours, so the quarter is kept per hour. The cell is found by numbers, not by a string key
    // built for every row.
    const hour = Math.floor(ms / 3_600_000);
    let quarter = this.#quarterOf.get(hour);
    if (quarter === undefined) {
      const vn = new Date(ms + 7 * 3_600_000);
      const text = `${vn.getUTCFullYear()}-Q${Math.floor(vn.getUTCMonth() / 3) + 1}`;
      quarter = this.#quarterCodes.of(text);
      this.#quarterOf.set(hour, quarter);
    }
    const key = quarter * 2 ** 22 + cellKey;
    let q = this.#quarters.get(key);
    if (!q) {
      q = {
        quarter: this.#quarterCodes.text(quarter),
        ...this.#cells[cell]!,
        n: 0,
        demo: 0,
        sum_overall: 0,
        any_platform: 0,
      };
      this.#quarters.set(key, q);
    }
    q.n++;
    if (demo) q.demo++;
    q.sum_overall += r.overall;
    if (r.platform_mask !== 0) q.any_platform++;
  }

  /**
   * The sums of the latest per firm by cell, as `assessment_cell` holds them; undefined on a tie.
   * Added in the order of the rows, which is the order the database adds them up in too.
   */
  cells(spec: AggregateSpec): CellSum[] | undefined {
    if (this.#tie) return undefined;
    const loser = new Uint8Array(this.#rows);
    for (const k of this.#losers) loser[k] = 1;
    const sums: CellSum[] = this.#cells.map((c) => ({
      ...c,
      n: 0,
      demo: 0,
      levels: [0, 0, 0, 0, 0, 0],
      sum_pillars: [0, 0, 0, 0, 0, 0],
      sum_overall: 0,
      platforms: Array.from({ length: Math.max(1, spec.platforms) }, () => 0),
      any_platform: 0,
      regular_platform: 0,
    }));
    const regular = Math.trunc(spec.regularMin);
    for (let k = 0; k < this.#rows; k++) {
      if (loser[k]) continue;
      const c = sums[this.#cell[k]!]!;
      c.n++;
      c.demo += this.#demo[k]!;
      const level = this.#level[k]!;
      if (level <= 5) c.levels[level]!++;
      const at = 7 * k;
      for (let i = 0; i < 6; i++) c.sum_pillars[i]! += this.#scores[at + i]!;
      c.sum_overall += this.#scores[at + 6]!;
      const mask = this.#mask[k]!;
      if (mask !== 0) c.any_platform++;
      if (bitCount(mask) >= regular) c.regular_platform++;
      for (let m = mask >>> 0, i = 0; m !== 0 && i < spec.platforms; m >>>= 1, i++)
        if (m & 1) c.platforms[i]!++;
    }
    return sums.filter((c) => c.n > 0);
  }

  /** Ids of the rows that are not their tax code's latest, numbered from firstId; undefined on a tie. */
  losers(firstId: number): number[] | undefined {
    return this.#tie ? undefined : this.#losers.map((k) => firstId + k);
  }

  quarters(): QuarterSum[] {
    return [...this.#quarters.values()];
  }
}

/** How rows are read for an import: where they go and how they are checked. */
export interface ImportReadOptions {
  source: "import" | "demo";
  thresholds: readonly number[];
  nowMs: number;
  maxErrors: number;
}

/** What reading an import's rows found, for its merge and its report. */
export interface ImportReadSummary {
  rows: number;
  valid: number;
  errors: ImportError[];
  /** Whether the rows may hold a submission twice ({@link RepeatedKeys}). */
  repeats: boolean;
  /** A first load's rows that are not their tax code's latest, by id (see {@link FirstLoadTally}). */
  losers?: number[] | undefined;
  /** A first load's quarter sums. */
  quarters?: QuarterSum[] | undefined;
  /** A first load's sums of the latest per firm. */
  cells?: CellSum[] | undefined;
}

/**
 * A chunk of rows in COPY's binary format, for the staging table or (first load) `assessment`;
 * `repeats`: the rows read so far, this chunk's included, may hold a submission twice.
 */
export type ImportChunk = { data: Uint8Array; rows: number; repeats?: boolean };

/**
 * Reads, checks and scores every record into COPY chunks for `target` (a staging batch id, or a
 * first load's first id), handing over a chunk at a time to `load`: one load at a time, not awaited
 * before the next chunk is read, so the database loads a chunk on its own core while this one checks
 * the next. Runs in the importing thread or in a worker ({@link importAssessmentFile}).
 */
export async function readImportRows(
  records: AsyncIterable<RecordLine | readonly RecordLine[]> | Iterable<RecordLine>,
  target: string | { firstId: number },
  o: ImportReadOptions,
  load: (chunk: ImportChunk) => Promise<unknown>,
  onProgress?: (rows: number) => void,
): Promise<ImportReadSummary> {
  const now = new Date(o.nowMs);
  const summary: ImportReadSummary = { rows: 0, valid: 0, errors: [], repeats: false };
  const writer = new StagingWriter(target);
  const keys = new RepeatedKeys();
  const tally = typeof target === "string" ? undefined : new FirstLoadTally();
  const out = scratchRow(QUESTIONS.length);
  out.source = o.source;
  let plan: { columns: ImportColumns; plan: FastPlan } | undefined;
  let loading: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    if (!writer.rows) return;
    const chunk: ImportChunk = { ...writer.take(), repeats: keys.maybe };
    await loading;
    loading = load(chunk);
    loading.catch(() => {}); // awaited (and thrown) at the next chunk or the end
  };
  try {
    for await (const group of records) {
      for (const item of isRecordBatch(group) ? group : [group]) {
        summary.rows++;
        let fast = false;
        let record: Record<string, string>;
        if ("fields" in item) {
          if (plan?.columns !== item.columns) plan = { columns: item.columns, plan: planOf(item.columns) };
          fast = fastImportRow(item.fields, plan.plan, o.nowMs, o.thresholds, out);
          record = {};
          if (!fast) {
            const names = item.columns.names;
            const latin1 = item.columns.latin1 === true;
            for (let i = 0; i < names.length; i++) {
              const v = item.fields[i] ?? "";
              record[names[i]!] = latin1 ? utf8Field(v) : v;
            }
          }
        } else record = item.record;
        if (!fast) {
          const c = checkImportRecord(record, now);
          if (!c.ok) {
            for (const e of c.errors) {
              if (summary.errors.length < o.maxErrors) summary.errors.push({ line: item.line, ...e });
            }
            continue;
          }
          fillChecked(out, c.value, score(c.value.answers, o.thresholds), c.submittedAt);
        }
        summary.valid++;
        writer.row(out);
        keys.add(out.tax_code, out.submitted_ms, out.fingerprint);
        tally?.add(out);
      }
      if (writer.rows >= CHUNK) {
        await flush();
        onProgress?.(summary.rows);
      }
    }
    await flush();
  } finally {
    // Never leave a load running behind a failure (its error is the one thrown when there is one).
    await loading.catch(() => {});
  }
  await loading;
  onProgress?.(summary.rows);
  summary.repeats = keys.maybe;
  if (tally && typeof target !== "string") {
    summary.losers = tally.losers(target.firstId);
    summary.quarters = tally.quarters();
    summary.cells = tally.cells(AGGREGATES);
  }
  return summary;
}

export interface ImportOptions {
  source?: "import" | "demo";
  thresholds?: readonly number[];
  now?: Date;
  onProgress?: (done: number) => void;
  maxErrors?: number;
  /** Force (true) or forbid (false) the bulk merge; by default the batch's size decides. */
  bulk?: boolean;
  /** False: never load straight into an empty table, always through staging (tests). */
  firstLoad?: boolean;
}

/** Reads the rows for a target and hands their chunks to `load` (in this thread or a worker). */
type RowReader = (
  target: string | { firstId: number },
  o: ImportReadOptions,
  load: (chunk: ImportChunk) => Promise<unknown>,
) => Promise<ImportReadSummary>;

/**
 * Imports records: each row is checked (bad rows are reported with their line number and stored
 * nothing), good rows are stored in one transaction; rows already stored (same tax code, time and
 * answers) are counted, not duplicated, so a re-import adds nothing. Into an empty table (a first
 * load) rows are COPYed straight into it inside that one transaction ({@link beginFirstLoad});
 * otherwise they are COPYed into staging in chunks and merged in one transaction.
 */
export async function importAssessments(
  store: Store,
  records: AsyncIterable<RecordLine | readonly RecordLine[]> | Iterable<RecordLine>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(
    store,
    (target, o, load) => readImportRows(records, target, o, load, options.onProgress),
    options,
  );
}

/** The import of {@link importAssessments}, its rows read by `read`. */
export async function runImport(
  store: Store,
  read: RowReader,
  options: ImportOptions,
): Promise<ImportReport> {
  const t0 = performance.now();
  const o: ImportReadOptions = {
    source: options.source ?? "import",
    thresholds: options.thresholds ?? config().maturityThresholds,
    nowMs: (options.now ?? new Date()).getTime(),
    maxErrors: options.maxErrors ?? 1000,
  };
  const first =
    options.firstLoad === false
      ? undefined
      : await store.copySession(async (s) => {
          const begun = await beginFirstLoad(s, { keepIndexes: store.kind === "postgres" });
          if (!begun) return undefined;
          const summary = await read(begun, o, (chunk) => copyFirstLoad(s, begun, chunk));
          const tm = performance.now();
          const stored = await finishFirstLoad(s, AGGREGATES, begun, {
            firstId: begun.firstId,
            rows: summary.valid,
            repeats: summary.repeats,
            losers: summary.losers,
            quarters: summary.quarters,
            cells: summary.cells,
          });
          return { summary, stored, tm };
        });
  // Committed: the merge's time runs to here.
  const done = first ?? (await stageAndMerge(store, read, o, options));
  const { summary, stored } = done;
  return {
    rows: summary.rows,
    valid: summary.valid,
    stored,
    alreadyPresent: summary.valid - stored,
    errors: summary.errors,
    ms: performance.now() - t0,
    mergeMs: performance.now() - done.tm,
  };
}

/** An import into stored submissions: rows staged in chunks, then merged in one transaction. */
async function stageAndMerge(
  store: Store,
  read: RowReader,
  o: ImportReadOptions,
  options: ImportOptions,
): Promise<{ summary: ImportReadSummary; stored: number; tm: number }> {
  const batch = `b-${randomBytes(8).toString("hex")}`;
  let summary: ImportReadSummary;
  try {
    summary = await read(batch, o, (chunk) => stageImportChunk(store, chunk));
  } catch (e) {
    // Staged rows of a failed import are of no use to anyone: leave the staging table as it was.
    await discardImportBatch(store.db, batch).catch(() => {});
    throw e;
  }
  const tm = performance.now();
  const stored = summary.valid
    ? await mergeImportBatch(store.db, batch, AGGREGATES, {
        staged: summary.valid,
        repeats: summary.repeats,
        ...(options.bulk === undefined ? {} : { bulk: options.bulk }),
      })
    : 0;
  return { summary, stored, tm };
}

// ---------------------------------------------------------------------------------------------
// Feed of the catalogue series `assessment`

/**
 * Writes the series `assessment`: for every quarter from 2025-Q3 (the 2025 geography) to the
 * quarter of the latest real submission, and every 2025 province, the firms assessed by the
 * quarter's end (each by its latest submission then), those using any platform and those using
 * at least REGULAR_PLATFORM_MIN. Demo submissions are left out: the series holds real responses
 * only. Provinces without respondents get 0 so national sums are complete.
 */
export async function syncAssessmentObservations(store: Store, actor = "assessments"): Promise<number> {
  const span = await realSubmissionSpan(store.db);
  if (!span) return 0;
  const first = tryParsePeriod("2025-Q3")!;
  // The quarter (in Vietnam's time) of the latest real submission.
  const vn = new Date(span.last.getTime() + 7 * 3_600_000);
  const last: Period = { year: vn.getUTCFullYear(), kind: "Q", index: Math.floor(vn.getUTCMonth() / 3) + 1 };
  if (last.year < 2025 || (last.year === 2025 && last.index < 3)) return 0;
  const quarters: Period[] = quarterRange(first, last);
  const provinces = [...areaIndex().provinces2025.keys()];
  const out: Observation[] = [];
  for (const q of quarters) {
    // The quarter ends at midnight after its last day, in Vietnam's time.
    const end = new Date(`${periodEnd(q)}T00:00:00+07:00`).getTime() + 86_400_000;
    const rows = await feedAsOf(store.db, new Date(end).toISOString(), REGULAR_PLATFORM_MIN);
    const byProvince = new Map(rows.map((r) => [r.province, r]));
    for (const code of provinces) {
      const r = byProvince.get(code);
      const push = (element: string, value: number) =>
        out.push({
          series: "assessment",
          code: element,
          target: "element",
          geography: "2025",
          area: code,
          period: formatPeriod(q),
          value,
          status: "preliminary",
          note: "self-assessment: self-selected respondents, not a representative sample",
        });
      push("SME_ASSESSED", r?.firms ?? 0);
      push("SME_ASSESSED_PLATFORM_USERS", r?.platform ?? 0);
      push("SME_ASSESSED_PLATFORM_REGULAR", r?.regular ?? 0);
    }
  }
  await upsertObservations(store.db, out, actor, "self-assessment feed");
  return out.length;
}

// ---------------------------------------------------------------------------------------------
// Demo submissions

export const DEMO_ASSESSMENT_COUNT = 3000;

/**
 * Loads the demo submissions (source `demo`, deterministic) from 2025-07-01 to the end of the last
 * demo quarter, unless the same ones are already there. Returns the rows loaded (0 when unchanged).
 */
export async function seedDemoAssessments(
  store: Store,
  options: { seed: number; lastQuarter: string; count?: number },
): Promise<number> {
  const count = options.count ?? DEMO_ASSESSMENT_COUNT;
  const params = JSON.stringify({ seed: options.seed, lastQuarter: options.lastQuarter, count, version: 3 });
  if (
    (await getMeta(store.db, "demo_assessments")) === params &&
    (await countAssessments(store.db, "demo")) > 0
  )
    return 0;
  await deleteDemoAssessments(store.db, AGGREGATES);
  const last = tryParsePeriod(options.lastQuarter);
  if (!last) throw new DxmError("invalid_period", `lastQuarter ${options.lastQuarter} is not a quarter`);
  const to = new Date(new Date(`${periodEnd(last)}T00:00:00+07:00`).getTime() + 86_400_000);
  const from = new Date("2025-07-01T00:00:00+07:00");
  const report = await importAssessments(
    store,
    generateDemoAssessments({
      seed: options.seed,
      count,
      from,
      to: to > from ? to : new Date(from.getTime() + 86_400_000),
    }),
    { source: "demo", now: to },
  );
  if (report.errors.length) throw new Error(`demo assessments: ${report.errors[0]?.message}`);
  await setMeta(store.db, "demo_assessments", params);
  return report.stored;
}

/** Removes the demo submissions (`dxm demo remove`). */
export async function removeDemoAssessments(store: Store): Promise<number> {
  await store.db.deleteFrom("meta").where("key", "=", "demo_assessments").execute();
  return deleteDemoAssessments(store.db, AGGREGATES);
}

// ---------------------------------------------------------------------------------------------
// Bot resistance without third parties: a signed form token that proves the form was fetched at
// least `minFillMs` before it is sent (a person needs minutes for 30 questions, a script sends at
// once), a honeypot field that people never see and bots fill, and a rate limit per address (in the
// route). The signing secret is random, made once and kept in the database, so every app process
// behind a proxy accepts the others' tokens.

export const DEFAULT_MIN_FILL_MS = 20_000;
const FORM_TOKEN_MAX_AGE_MS = 24 * 3_600_000;

async function formSecret(store: Store): Promise<string> {
  const existing = await getMeta(store.db, "assessment_form_secret");
  if (existing) return existing;
  await store.db
    .insertInto("meta")
    .values({ key: "assessment_form_secret", value: randomBytes(32).toString("hex"), updated_at: new Date() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return (await getMeta(store.db, "assessment_form_secret"))!;
}

const sign = (secret: string, issued: string) =>
  createHmac("sha256", secret).update(`form:${issued}`).digest("base64url");

export async function issueFormToken(store: Store, now = new Date()): Promise<string> {
  const issued = String(now.getTime());
  return `${issued}.${sign(await formSecret(store), issued)}`;
}

/** The bot checks of a submission: form token and honeypot. Returns the errors, each by field. */
export async function botCheck(
  store: Store,
  body: unknown,
  options: { now?: Date; minFillMs?: number } = {},
): Promise<FieldError[]> {
  const now = (options.now ?? new Date()).getTime();
  const minFill = options.minFillMs ?? DEFAULT_MIN_FILL_MS;
  const errors: FieldError[] = [];
  const b = isRecord(body) ? body : {};
  if (b.website !== undefined && b.website !== "")
    errors.push({
      field: "website",
      message: "website: leave this field empty",
      messageVi: "website: để trống ô này",
    });
  const token = b.formToken;
  const [issued, sig] = typeof token === "string" ? token.split(".") : [];
  const age = now - Number(issued);
  if (
    !issued ||
    !sig ||
    !/^\d{1,15}$/.test(issued) ||
    !safeEqualText(sig, sign(await formSecret(store), issued))
  )
    errors.push({
      field: "formToken",
      message: "formToken: missing or not issued by this server; fetch the questionnaire first",
      messageVi: "formToken: thiếu hoặc không do máy chủ cấp; hãy tải lại bảng hỏi",
    });
  else if (age < minFill)
    errors.push({
      field: "formToken",
      message: `formToken: sent too soon after the form was opened; wait ${Math.ceil((minFill - age) / 1000)} s and send again`,
      messageVi: `formToken: gửi quá nhanh sau khi mở bảng hỏi; chờ ${Math.ceil((minFill - age) / 1000)} giây rồi gửi lại`,
    });
  else if (age > FORM_TOKEN_MAX_AGE_MS)
    errors.push({
      field: "formToken",
      message: "formToken: expired (older than 24 hours); reload the questionnaire",
      messageVi: "formToken: đã hết hạn (quá 24 giờ); hãy tải lại bảng hỏi",
    });
  return errors;
}

function safeEqualText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
