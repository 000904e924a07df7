/**
 * Reference catalogue in the database: areas and the merger map, pillars, data elements,
 * indicators, series and targets. Upserts are idempotent so `dxm seed` can run any number of times.
 */
import type { Kysely } from "kysely";
import type { Area, AreaLevel, Geography } from "../domain/area.ts";
import type {
  AreaAggregation,
  Comparator,
  DataElement,
  Direction,
  Frequency,
  Indicator,
  Pillar,
  PillarCode,
  Series,
  Target,
  TimeAggregation,
  Unit,
} from "../domain/catalog.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export async function upsertAreas(db: Db, areas: readonly Area[]): Promise<void> {
  if (areas.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("area")
      .values(
        areas.map((a, i) => ({
          geography: a.geography,
          code: a.code,
          name_vi: a.nameVi,
          name_en: a.nameEn,
          level: a.level,
          parent_code: a.parent,
          kind: a.kind,
          ordinal: i,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["geography", "code"]).doUpdateSet((eb) => ({
          name_vi: eb.ref("excluded.name_vi"),
          name_en: eb.ref("excluded.name_en"),
          level: eb.ref("excluded.level"),
          parent_code: eb.ref("excluded.parent_code"),
          kind: eb.ref("excluded.kind"),
          ordinal: eb.ref("excluded.ordinal"),
        })),
      )
      .execute();
    const members = areas.flatMap((a) =>
      a.members.map((m) => ({
        geography: a.geography,
        code: a.code,
        member_geography: "2008",
        member_code: m,
      })),
    );
    if (members.length) {
      await trx
        .insertInto("area_member")
        .values(members)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}

export interface AreaFilter {
  geography?: readonly Geography[];
  level?: readonly AreaLevel[];
  code?: readonly string[];
}

export async function listAreas(db: Db, filter: AreaFilter = {}): Promise<Area[]> {
  let q = db.selectFrom("area").selectAll().orderBy("geography").orderBy("ordinal");
  if (filter.geography?.length) q = q.where("geography", "in", filter.geography);
  if (filter.level?.length) q = q.where("level", "in", filter.level);
  if (filter.code?.length) q = q.where("code", "in", filter.code);
  const rows = await q.execute();
  const members = await db.selectFrom("area_member").selectAll().orderBy("member_code").execute();
  const byArea = new Map<string, string[]>();
  for (const m of members) {
    const k = `${m.geography}:${m.code}`;
    const list = byArea.get(k) ?? [];
    list.push(m.member_code);
    byArea.set(k, list);
  }
  return rows.map((r) => ({
    geography: r.geography as Geography,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    level: r.level as AreaLevel,
    parent: r.parent_code,
    kind: (r.kind as Area["kind"]) ?? null,
    members: byArea.get(`${r.geography}:${r.code}`) ?? [],
  }));
}

export async function upsertPillars(db: Db, pillars: readonly Pillar[]): Promise<void> {
  if (!pillars.length) return;
  await db
    .insertInto("pillar")
    .values(pillars.map((p) => ({ code: p.code, name_vi: p.nameVi, name_en: p.nameEn, ordinal: p.ordinal })))
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name_vi: eb.ref("excluded.name_vi"),
        name_en: eb.ref("excluded.name_en"),
        ordinal: eb.ref("excluded.ordinal"),
      })),
    )
    .execute();
}

export async function listPillars(db: Db): Promise<Pillar[]> {
  const rows = await db.selectFrom("pillar").selectAll().orderBy("ordinal").execute();
  return rows.map((r) => ({
    code: r.code as PillarCode,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    ordinal: r.ordinal,
  }));
}

export async function upsertDataElements(db: Db, elements: readonly DataElement[]): Promise<void> {
  if (!elements.length) return;
  await db
    .insertInto("data_element")
    .values(
      elements.map((e) => ({
        code: e.code,
        name_vi: e.nameVi,
        name_en: e.nameEn,
        unit: e.unit,
        value_type: e.valueType,
        area_aggregation: e.areaAggregation,
        time_aggregation: e.timeAggregation,
        frequency: e.frequency,
        pillar: e.pillar,
        min_value: e.min ?? null,
        max_value: e.max ?? null,
        description_vi: e.descriptionVi ?? null,
        description_en: e.descriptionEn ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name_vi: eb.ref("excluded.name_vi"),
        name_en: eb.ref("excluded.name_en"),
        unit: eb.ref("excluded.unit"),
        value_type: eb.ref("excluded.value_type"),
        area_aggregation: eb.ref("excluded.area_aggregation"),
        time_aggregation: eb.ref("excluded.time_aggregation"),
        frequency: eb.ref("excluded.frequency"),
        pillar: eb.ref("excluded.pillar"),
        min_value: eb.ref("excluded.min_value"),
        max_value: eb.ref("excluded.max_value"),
        description_vi: eb.ref("excluded.description_vi"),
        description_en: eb.ref("excluded.description_en"),
      })),
    )
    .execute();
}

export async function listDataElements(db: Db): Promise<DataElement[]> {
  const rows = await db.selectFrom("data_element").selectAll().orderBy("code").execute();
  return rows.map((r) => ({
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    unit: r.unit as Unit,
    valueType: r.value_type as DataElement["valueType"],
    areaAggregation: r.area_aggregation as AreaAggregation,
    timeAggregation: r.time_aggregation as TimeAggregation,
    frequency: r.frequency as Frequency,
    pillar: r.pillar as PillarCode,
    ...(r.min_value !== null ? { min: r.min_value } : {}),
    ...(r.max_value !== null ? { max: r.max_value } : {}),
    ...(r.description_vi !== null ? { descriptionVi: r.description_vi } : {}),
    ...(r.description_en !== null ? { descriptionEn: r.description_en } : {}),
  }));
}

export async function upsertIndicators(db: Db, indicators: readonly Indicator[]): Promise<void> {
  if (!indicators.length) return;
  await db
    .insertInto("indicator")
    .values(
      indicators.map((i, n) => ({
        code: i.code,
        name_vi: i.nameVi,
        name_en: i.nameEn,
        definition_vi: i.definitionVi,
        definition_en: i.definitionEn,
        unit: i.unit,
        pillar: i.pillar,
        direction: i.direction,
        decimals: i.decimals,
        numerator: i.numerator,
        denominator: i.denominator,
        factor: i.factor,
        frequency: i.frequency,
        source: i.source,
        tags: JSON.stringify(i.tags),
        ordinal: n,
      })),
    )
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name_vi: eb.ref("excluded.name_vi"),
        name_en: eb.ref("excluded.name_en"),
        definition_vi: eb.ref("excluded.definition_vi"),
        definition_en: eb.ref("excluded.definition_en"),
        unit: eb.ref("excluded.unit"),
        pillar: eb.ref("excluded.pillar"),
        direction: eb.ref("excluded.direction"),
        decimals: eb.ref("excluded.decimals"),
        numerator: eb.ref("excluded.numerator"),
        denominator: eb.ref("excluded.denominator"),
        factor: eb.ref("excluded.factor"),
        frequency: eb.ref("excluded.frequency"),
        source: eb.ref("excluded.source"),
        tags: eb.ref("excluded.tags"),
        ordinal: eb.ref("excluded.ordinal"),
      })),
    )
    .execute();
}

export async function listIndicators(db: Db, codes?: readonly string[]): Promise<Indicator[]> {
  let q = db.selectFrom("indicator").selectAll().orderBy("ordinal");
  if (codes?.length) q = q.where("code", "in", codes);
  const rows = await q.execute();
  return rows.map((r) => ({
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    definitionVi: r.definition_vi,
    definitionEn: r.definition_en,
    unit: r.unit as Unit,
    pillar: r.pillar as PillarCode,
    direction: r.direction as Direction,
    decimals: r.decimals,
    numerator: r.numerator,
    denominator: r.denominator,
    factor: r.factor,
    frequency: r.frequency as Frequency,
    source: r.source,
    tags: r.tags,
  }));
}

export async function upsertSeries(db: Db, series: readonly Series[]): Promise<void> {
  if (!series.length) return;
  await db
    .insertInto("series")
    .values(
      series.map((s) => ({
        code: s.code,
        name_vi: s.nameVi,
        name_en: s.nameEn,
        description_vi: s.descriptionVi,
        description_en: s.descriptionEn,
        is_demo: s.isDemo,
      })),
    )
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name_vi: eb.ref("excluded.name_vi"),
        name_en: eb.ref("excluded.name_en"),
        description_vi: eb.ref("excluded.description_vi"),
        description_en: eb.ref("excluded.description_en"),
        is_demo: eb.ref("excluded.is_demo"),
      })),
    )
    .execute();
}

export async function listSeries(db: Db): Promise<Series[]> {
  const rows = await db.selectFrom("series").selectAll().orderBy("code").execute();
  return rows.map((r) => ({
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    descriptionVi: r.description_vi,
    descriptionEn: r.description_en,
    isDemo: r.is_demo,
  }));
}

export async function upsertTargets(db: Db, targets: readonly Target[]): Promise<void> {
  if (!targets.length) return;
  await db
    .insertInto("target")
    .values(
      targets.map((t) => ({
        indicator: t.indicator,
        geography: t.geography,
        area_code: t.area,
        year: t.year,
        comparator: t.comparator,
        value: t.value,
        source: t.source,
        note: t.note,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["indicator", "geography", "area_code", "year", "source"]).doUpdateSet((eb) => ({
        comparator: eb.ref("excluded.comparator"),
        value: eb.ref("excluded.value"),
        note: eb.ref("excluded.note"),
      })),
    )
    .execute();
}

export interface TargetFilter {
  indicator?: readonly string[];
  geography?: readonly Geography[];
  area?: readonly string[];
}

export async function listTargets(db: Db, filter: TargetFilter = {}): Promise<Target[]> {
  let q = db
    .selectFrom("target")
    .selectAll()
    .orderBy("indicator")
    .orderBy("geography")
    .orderBy("area_code")
    .orderBy("year")
    .orderBy("id");
  if (filter.indicator?.length) q = q.where("indicator", "in", filter.indicator);
  if (filter.geography?.length) q = q.where("geography", "in", filter.geography);
  if (filter.area?.length) q = q.where("area_code", "in", filter.area);
  const rows = await q.execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    geography: r.geography as Geography,
    area: r.area_code,
    year: r.year,
    comparator: r.comparator as Comparator,
    value: r.value,
    source: r.source,
    note: r.note,
  }));
}
