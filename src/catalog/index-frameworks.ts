/**
 * Index frameworks as data (DESIGN §4.6): `data/index-frameworks/<id>.json`, one file per framework
 * version, loaded and validated here. A framework is a tree of nodes: the main indices ("pillars")
 * hang from the root (`parent: null`), catalogue indicators hang from the pillars. Design decisions:
 * - Nodes name their parent instead of nesting, so the file reads as a flat list and a mistake can
 *   be reported on the node that has it; the loader checks every parent exists, that no chain of
 *   parents loops (a cycle), that indicators sit directly under a pillar, that every leaf is a
 *   catalogue indicator, and that the weights of every node's children sum to 1. Every error names
 *   the framework and the node.
 * - Frameworks are versioned: `dti-922` (Decision 922/QĐ-BTTTT, used for DTI 2021–2023) and
 *   `dti-405` (Decision 405/QĐ-BKHCN, DTI 2024 on) sit side by side; each node says whether its
 *   place and weight are `known` from the decision or `assumed` by this project.
 * - The 922 file carries each main index's points and the loader checks them against the points
 *   table of the decision (`facts/dti-provincial-framework-922.csv`): weight = points / 1000.
 */
import { z } from "zod";
import { DxmError } from "../domain/errors.ts";
import type { AggregationKind, IndexSpec, MissingRule } from "../methods/composite-index.ts";
import { validateSpec } from "../methods/composite-index.ts";
import { readCsvTable, readDataFile } from "./csv.ts";
import { indicators as catalogIndicators } from "./indicators.ts";

export const FRAMEWORK_FILES = ["index-frameworks/dti-922.json", "index-frameworks/dti-405.json"] as const;
export const DTI_922_POINTS_FILE = "facts/dti-provincial-framework-922.csv";

const status = z.enum(["known", "assumed"]);
const nodeSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  parent: z.string().nullable(),
  weight: z.number(),
  points: z.number().optional(),
  status,
  name_vi: z.string().optional(),
  name_en: z.string().optional(),
  aggregation: z.enum(["arithmetic", "geometric"]).optional(),
  direction: z.enum(["higher", "lower"]).optional(),
  normalisation: z.enum(["minmax", "target"]).optional(),
  target: z.number().optional(),
  target_source: z.string().optional(),
  note: z.string().optional(),
});
const groupSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  members: z.array(z.string()).min(1),
  status,
  note: z.string().optional(),
});
const frameworkSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().min(1),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  source: z.string().min(1),
  base_year: z.number().int().min(2000).max(2100),
  aggregation: z.enum(["arithmetic", "geometric"]),
  missing: z.enum(["impute_pillar_mean", "exclude"]),
  clip: z.boolean(),
  note_vi: z.string(),
  note_en: z.string(),
  /** Pillar groups over the main indices (see PillarGroupSpec): reported beside the index. */
  groups: z.array(groupSchema).optional(),
  nodes: z.array(nodeSchema).min(1),
});
export type FrameworkFile = z.infer<typeof frameworkSchema>;

export type NodeStatus = z.infer<typeof status>;

export interface FrameworkIndicator {
  readonly code: string;
  readonly weight: number;
  readonly direction: "higher" | "lower";
  readonly normalisation: "minmax" | "target";
  readonly target: number | null;
  readonly targetSource: string | null;
  readonly status: NodeStatus;
}

export interface FrameworkPillar {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly weight: number;
  readonly points: number | null;
  readonly aggregation: AggregationKind;
  readonly status: NodeStatus;
  readonly note: string | null;
  readonly indicators: readonly FrameworkIndicator[];
}

export interface FrameworkGroup {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Main-index codes. */
  readonly members: readonly string[];
  /** Whether the membership is `known` from the decision or `assumed` by this project. */
  readonly status: NodeStatus;
  readonly note: string | null;
}

export interface IndexFramework {
  readonly id: string;
  readonly version: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly source: string;
  /** Year whose min and max are the fixed goalposts of min–max normalisation. */
  readonly baseYear: number;
  readonly aggregation: AggregationKind;
  readonly missing: MissingRule;
  readonly clip: boolean;
  readonly noteVi: string;
  readonly noteEn: string;
  readonly pillars: readonly FrameworkPillar[];
  /** Pillar groups ("trụ cột") over the main indices; empty when the framework has none. */
  readonly groups: readonly FrameworkGroup[];
  /** The framework as the composite-index methods take it. */
  readonly spec: IndexSpec;
}

function invalid(where: string, problem: string, problemVi: string): DxmError {
  return new DxmError("invalid_data", `${where}: ${problem}`, {
    field: where,
    messageVi: `${where}: ${problemVi}`,
  });
}

/**
 * Validates a framework file's content (already parsed JSON) and builds the framework. `known`
 * holds the catalogue's indicator codes. Throws `invalid_data` naming the framework and the node.
 */
export function buildFramework(raw: unknown, known: ReadonlySet<string>, file = "framework"): IndexFramework {
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join(".");
    throw invalid(`${file}: ${path}`, issue.message, issue.message);
  }
  const f = parsed.data;
  const byCode = new Map<string, FrameworkFile["nodes"][number]>();
  for (const n of f.nodes) {
    if (byCode.has(n.code))
      throw invalid(`${f.id}/${n.code}`, "this node code appears twice", "mã nút này xuất hiện hai lần");
    byCode.set(n.code, n);
  }
  // Parents exist, and following parents always reaches the root (no cycle).
  for (const n of f.nodes) {
    const seen = new Set<string>([n.code]);
    let p = n.parent;
    while (p !== null) {
      const parent = byCode.get(p);
      if (!parent)
        throw invalid(
          `${f.id}/${n.code}`,
          `its parent ${p} is not a node of the framework`,
          `nút cha ${p} không có trong bộ chỉ số`,
        );
      if (seen.has(p))
        throw invalid(
          `${f.id}/${n.code}`,
          `its parents form a cycle (${[...seen, p].join(" → ")})`,
          `các nút cha tạo thành vòng lặp (${[...seen, p].join(" → ")})`,
        );
      seen.add(p);
      p = parent.parent;
    }
  }
  const pillars: FrameworkPillar[] = f.nodes
    .filter((n) => n.parent === null)
    .map((p) => {
      const children = f.nodes.filter((n) => n.parent === p.code);
      if (children.length === 0)
        throw invalid(
          `${f.id}/${p.code}`,
          "a main index with no indicator",
          "chỉ số chính không có chỉ tiêu nào",
        );
      return {
        code: p.code,
        nameVi: p.name_vi ?? p.code,
        nameEn: p.name_en ?? p.code,
        weight: p.weight,
        points: p.points ?? null,
        aggregation: p.aggregation ?? "arithmetic",
        status: p.status,
        note: p.note ?? null,
        indicators: children.map((c) => {
          const where = `${f.id}/${p.code}/${c.code}`;
          if (f.nodes.some((n) => n.parent === c.code))
            throw invalid(
              where,
              "indicators sit directly under a main index; this node has children",
              "chỉ tiêu phải nằm ngay dưới chỉ số chính; nút này lại có nút con",
            );
          if (!known.has(c.code))
            throw invalid(
              where,
              `${c.code} is not an indicator of the catalogue`,
              `${c.code} không phải chỉ tiêu trong danh mục`,
            );
          if (!c.direction || !c.normalisation)
            throw invalid(
              where,
              "an indicator needs direction and normalisation",
              "chỉ tiêu cần có chiều (direction) và cách chuẩn hóa (normalisation)",
            );
          if (c.target !== undefined && !(c.target > 0))
            throw invalid(where, `target ${c.target} must be above 0`, `mục tiêu ${c.target} phải lớn hơn 0`);
          return {
            code: c.code,
            weight: c.weight,
            direction: c.direction,
            normalisation: c.normalisation,
            target: c.target ?? null,
            targetSource: c.target_source ?? null,
            status: c.status,
          };
        }),
      };
    });
  const spec: IndexSpec = {
    id: f.id,
    aggregation: f.aggregation,
    missing: f.missing,
    clip: f.clip,
    pillars: pillars.map((p) => ({
      code: p.code,
      weight: p.weight,
      aggregation: p.aggregation,
      indicators: p.indicators.map((i) => ({
        code: i.code,
        weight: i.weight,
        direction: i.direction,
        normalisation: i.normalisation,
        ...(i.target === null ? {} : { target: i.target }),
      })),
    })),
  };
  validateSpec(spec); // weights of every node sum to 1, naming the node
  const groups: FrameworkGroup[] = (f.groups ?? []).map((g) => {
    if (byCode.has(g.code))
      throw invalid(`${f.id}/${g.code}`, "a group has the code of a node", "nhóm trùng mã với một nút");
    for (const m of g.members)
      if (!pillars.some((p) => p.code === m))
        throw invalid(
          `${f.id}/${g.code}`,
          `member ${m} is not a main index of the framework`,
          `thành phần ${m} không phải chỉ số chính của bộ chỉ số`,
        );
    return {
      code: g.code,
      nameVi: g.name_vi,
      nameEn: g.name_en,
      members: g.members,
      status: g.status,
      note: g.note ?? null,
    };
  });
  for (const p of pillars) {
    if (p.points !== null && Math.abs(p.points / 1000 - p.weight) > 1e-9)
      throw invalid(
        `${f.id}/${p.code}`,
        `weight ${p.weight} is not its points ${p.points} / 1000`,
        `trọng số ${p.weight} không bằng số điểm ${p.points} / 1000`,
      );
  }
  return Object.freeze({
    id: f.id,
    version: f.version,
    nameVi: f.name_vi,
    nameEn: f.name_en,
    source: f.source,
    baseYear: f.base_year,
    aggregation: f.aggregation,
    missing: f.missing,
    clip: f.clip,
    noteVi: f.note_vi,
    noteEn: f.note_en,
    pillars,
    groups,
    spec,
  });
}

/** The points of the 922 main indices, from the decision's table: code → points. */
export function load922Points(): Map<string, number> {
  const rows = readCsvTable(DTI_922_POINTS_FILE, [
    "group",
    "index_no",
    "code",
    "name_vi",
    "name_en",
    "components",
    "max_points",
  ]);
  return new Map(rows.map((r) => [r.required("code"), r.number("max_points")]));
}

let cached: readonly IndexFramework[] | undefined;

/** Every framework shipped with the catalogue, validated (read once). */
export function loadIndexFrameworks(): readonly IndexFramework[] {
  if (!cached) {
    const known = new Set(catalogIndicators.map((i) => i.code));
    const frameworks = FRAMEWORK_FILES.map((file) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readDataFile(file));
      } catch (e) {
        if (e instanceof DxmError) throw e;
        throw invalid(
          file,
          `not valid JSON (${(e as Error).message})`,
          `không phải JSON hợp lệ (${(e as Error).message})`,
        );
      }
      return buildFramework(raw, known, file);
    });
    const points = load922Points();
    const dti922 = frameworks.find((f) => f.id === "dti-922");
    for (const p of dti922?.pillars ?? []) {
      if (points.get(p.code) !== p.points)
        throw invalid(
          `dti-922/${p.code}`,
          `points ${p.points} differ from the decision's table (${points.get(p.code)})`,
          `số điểm ${p.points} khác bảng của Quyết định (${points.get(p.code)})`,
        );
    }
    if (dti922 && dti922.pillars.length !== points.size)
      throw invalid(
        "dti-922",
        `has ${dti922.pillars.length} main indices, the decision ${points.size}`,
        `có ${dti922.pillars.length} chỉ số chính, Quyết định có ${points.size}`,
      );
    cached = Object.freeze(frameworks);
  }
  return cached;
}

export function findIndexFramework(id: string): IndexFramework | undefined {
  return loadIndexFrameworks().find((f) => f.id === id);
}
