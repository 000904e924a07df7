/**
 * Demo self-assessments: deterministic (seeded) generated responses in the import layout, so the
 * pages show something and the benchmark has a million rows to load. Stored with source `demo` and
 * labelled as such on every view; never fed into the catalogue series `assessment`.
 *
 * Model: each firm has a latent maturity m = clamp(0.35 + province effect + size effect + N(0, 0.15));
 * each answer is round(5·m + N(0, 0.8)) clamped to 0–5, with pillar offsets (customer and
 * technology ahead of data and culture, as surveys of Vietnamese SMEs report); each platform is
 * ticked with a probability rising with m. About one firm in eight retakes the assessment later.
 */

import { loadAreas, provincesOf } from "./areas.ts";
import { PLATFORMS, QUESTIONS, SECTIONS, SIZE_CLASSES } from "./assessment-questionnaire.ts";
import { rngFor } from "./random.ts";

export interface DemoAssessmentOptions {
  seed: number;
  /** Number of submissions. */
  count: number;
  /** Submission times are spread uniformly over [from, to). */
  from: Date;
  to: Date;
}

const PILLAR_OFFSET: Record<string, number> = {
  CUSTOMER: 0.08,
  STRATEGY: -0.02,
  TECHNOLOGY: 0.06,
  OPERATIONS: 0.03,
  CULTURE: -0.07,
  DATA: -0.08,
};
const PLATFORM_BASE = [0.9, 0.45, 0.75, 0.7, 0.25, 0.35, 0.2, 0.5, 0.3, 0.8, 0.85, 0.35, 0.4];
const SIZE_WEIGHTS = [0.68, 0.25, 0.05, 0.02];
const SIZE_EFFECT = [-0.08, 0, 0.08, 0.15];
const SECTOR_WEIGHTS: Record<string, number> = {
  G: 0.38,
  C: 0.16,
  F: 0.12,
  M: 0.07,
  H: 0.06,
  I: 0.06,
  J: 0.04,
  A: 0.03,
};

function pick<T>(items: readonly T[], weights: readonly number[], u: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = u * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Generated submissions in the import layout (record per line, the header being line 1). */
export function* generateDemoAssessments(
  o: DemoAssessmentOptions,
): Generator<{ line: number; record: Record<string, string> }> {
  const rng = rngFor(o.seed, "assessments");
  // Its own stream, so adding the 2008 province left every other generated value as it was.
  const rng2008 = rngFor(o.seed, "assessments:2008");
  const provinces = provincesOf(loadAreas(), "2025");
  const provinceEffect = new Map(
    provinces.map((p) => [p.code, rngFor(o.seed, `assessments:${p.code}`).normal(0.06)]),
  );
  // Big cities have more respondents.
  const provinceWeights = provinces.map((p) =>
    p.code === "79" ? 8 : p.code === "01" ? 6 : p.kind === "city" ? 3 : 1,
  );
  const sectorCodes = SECTIONS.map((s) => s.code);
  const sectorWeights = sectorCodes.map((c) => SECTOR_WEIGHTS[c] ?? 0.005);
  const span = o.to.getTime() - o.from.getTime();
  let firm = 0;
  const retakes: {
    taxCode: string;
    name: string;
    province: string;
    province2008: string;
    sector: string;
    size: number;
    m: number;
    t: number;
  }[] = [];
  for (let i = 0; i < o.count; i++) {
    let f: (typeof retakes)[number];
    const retake = retakes.length > 0 && rng.uniform(0, 1) < 0.12;
    if (retake) {
      const j = Math.floor(rng.uniform(0, retakes.length));
      const prev = retakes[j]!;
      retakes[j] = retakes[retakes.length - 1]!;
      retakes.pop();
      f = { ...prev, m: clamp(prev.m + rng.uniform(0, 0.12), 0, 1) };
    } else {
      firm++;
      const unit = pick(provinces, provinceWeights, rng.uniform(0, 1));
      const province = unit.code;
      // Most firms of a merged province also name their former (2008) province; the rest do not,
      // as on the real form where it is optional.
      const u = rng2008.uniform(0, 1);
      const province2008 =
        unit.members.length > 1 && u < 0.7
          ? (unit.members[Math.floor((u / 0.7) * unit.members.length)] ?? "")
          : "";
      const size = SIZE_CLASSES.indexOf(pick(SIZE_CLASSES, SIZE_WEIGHTS, rng.uniform(0, 1)));
      f = {
        taxCode: `9${String(o.seed % 1000).padStart(3, "0")}${String(firm).padStart(6, "0")}`,
        name: `Doanh nghiệp minh họa ${firm}`,
        province,
        province2008,
        sector: pick(sectorCodes, sectorWeights, rng.uniform(0, 1)),
        size,
        m: clamp(
          0.35 + (provinceEffect.get(province) ?? 0) + (SIZE_EFFECT[size] ?? 0) + rng.normal(0.15),
          0,
          1,
        ),
        t: 0,
      };
    }
    const t = retake
      ? f.t + rng.uniform(0, 1) * (o.to.getTime() - f.t)
      : o.from.getTime() + rng.uniform(0, 1) * span;
    f.t = Math.floor(t / 1000) * 1000;
    if (!retake && f.t < o.to.getTime() - span / 4) retakes.push(f);
    const record: Record<string, string> = {
      tax_code: f.taxCode,
      name: f.name,
      province: f.province,
      province_2008: f.province2008,
      sector: f.sector,
      size: SIZE_CLASSES[f.size]!,
      submitted_at: new Date(f.t).toISOString(),
    };
    for (const q of QUESTIONS) {
      const v = Math.round(5 * (f.m + (PILLAR_OFFSET[q.pillar] ?? 0)) + rng.normal(0.8));
      record[q.code] = String(clamp(v, 0, 5));
    }
    // Some firms, the less mature above all, use no platform at all.
    const offline = rng.uniform(0, 1) < clamp(0.5 - f.m, 0.03, 0.45);
    record.platforms = (offline ? [] : PLATFORMS)
      .filter((_, k) => rng.uniform(0, 1) < clamp((PLATFORM_BASE[k] ?? 0.3) * (0.4 + 1.2 * f.m), 0, 0.98))
      .map((p) => p.code)
      .join(";");
    yield { line: i + 2, record };
  }
}
