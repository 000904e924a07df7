/**
 * Action programmes: public reads (list, one programme, lead agencies); writes for reviewers and
 * admins (create, change fields / set a status with a reason, post an update). Routes stay thin:
 * the service checks the role, validates what zod cannot (URLs, dates, codes) and audits each write.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { leadAgencies, type ProgrammeUpdate } from "../../domain/programme.ts";
import {
  addProgrammeUpdate,
  createProgramme,
  getProgramme,
  listLeadAgencies,
  listProgrammes,
  type ProgrammePatch,
  type ProgrammeView,
  updateProgramme,
} from "../../services/programmes.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography, indicatorCode, list } from "../params.ts";

export function programmeUpdateJson(u: ProgrammeUpdate) {
  return { id: u.id, at: u.at.toISOString(), author: u.author, text: u.text };
}

export function programmeJson(p: ProgrammeView) {
  const vi = leadAgencies(p.leadVi);
  const en = leadAgencies(p.leadEn);
  return {
    id: p.id,
    key: p.key,
    title_vi: p.titleVi,
    title_en: p.titleEn,
    lead_vi: p.leadVi,
    lead_en: p.leadEn,
    leads: vi.map((v, i) => ({ vi: v, en: en.length === vi.length ? en[i]! : v })),
    source: p.source,
    scope: p.scope
      ? { geography: p.scope.geography, area: p.scope.area, name_vi: p.scope.nameVi, name_en: p.scope.nameEn }
      : null,
    start: p.start,
    deadline: p.deadline,
    status: p.status,
    status_source: p.statusSource,
    overdue: p.overdue,
    reviewer_status: p.reviewerStatus
      ? {
          status: p.reviewerStatus.status,
          reason: p.reviewerStatus.reason,
          by: p.reviewerStatus.by,
          at: p.reviewerStatus.at.toISOString(),
        }
      : null,
    derived_status: p.derived,
    progress: p.progress,
    evidence: p.evidence,
    indicators: p.indicators.map((i) => ({
      code: i.code,
      name_vi: i.nameVi,
      name_en: i.nameEn,
      unit: i.unit,
      series: i.series,
      class: i.class,
      rag: i.rag,
      latest: i.latest,
      target: i.target,
    })),
    updates: p.updates.map(programmeUpdateJson),
    version: p.version,
    created_by: p.createdBy,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

const idParams = z.strictObject({
  id: z.coerce.number({ error: "id is a programme number" }).int().min(1).max(2_000_000_000),
});
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD");
const evidence = z
  .array(
    z.strictObject({
      url: z
        .string()
        .max(2000)
        .refine((u) => /^https?:\/\//i.test(u), "only http and https links are accepted"),
      label: z.string().trim().max(300).nullable().optional(),
    }),
  )
  .max(50);
const status = z.enum(["not_started", "on_track", "at_risk", "late", "done"], {
  error: "status is one of not_started, on_track, at_risk, late, done",
});
const scopeFields = {
  geography: geography.optional(),
  area: areaCode.optional(),
};

function scopeOf(b: { geography?: "2008" | "2025" | undefined; area?: string | undefined }) {
  if (b.area === undefined) return undefined;
  return { geography: b.geography ?? ("2025" as const), area: b.area };
}

export const programmeRoutes =
  (store: Store, options: { now?: () => Date } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());

    app.get(
      "/programmes",
      {
        schema: {
          summary:
            "Action programmes with status (late when past the deadline), progress, evidence, updates and their indicators' progress classes",
          tags: ["programmes"],
          querystring: z.strictObject({
            lead: z.string().trim().min(1).max(300).optional(),
            status: list(status).optional(),
            geography: geography.optional(),
            area: areaCode.optional(),
          }),
        },
      },
      async (req) => {
        const q = req.query;
        const items = await listProgrammes(
          store,
          {
            ...(q.lead !== undefined ? { lead: q.lead } : {}),
            ...(q.status ? { status: q.status } : {}),
            ...(q.geography ? { geography: q.geography } : {}),
            ...(q.area ? { area: q.area } : {}),
          },
          now(),
        );
        return { items: items.map(programmeJson) };
      },
    );

    app.get(
      "/programmes/leads",
      { schema: { summary: "The lead agencies of the programmes (vi, en)", tags: ["programmes"] } },
      async () => ({ items: await listLeadAgencies(store) }),
    );

    app.get(
      "/programmes/:id",
      { schema: { summary: "One action programme", tags: ["programmes"], params: idParams } },
      async (req) => programmeJson(await getProgramme(store, req.params.id, now())),
    );

    app.post(
      "/programmes",
      {
        schema: {
          summary: "Add a programme, e.g. a provincial plan's (reviewer, admin)",
          tags: ["programmes"],
          body: z.strictObject({
            title_vi: text(500),
            title_en: text(500),
            lead_vi: text(300),
            lead_en: text(300).optional(),
            source: z.string().trim().max(500).nullable().optional(),
            ...scopeFields,
            start: date.optional(),
            deadline: date.nullable().optional(),
            progress: z.number().int().min(0).max(100).nullable().optional(),
            evidence: evidence.optional(),
            indicators: z.array(indicatorCode).max(50).optional(),
          }),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const scope = scopeOf(b);
        const p = await createProgramme(
          store,
          req.principal,
          {
            titleVi: b.title_vi,
            titleEn: b.title_en,
            leadVi: b.lead_vi,
            leadEn: b.lead_en ?? b.lead_vi,
            ...(b.source !== undefined ? { source: b.source } : {}),
            ...(scope ? { scope } : {}),
            ...(b.start !== undefined ? { start: b.start } : {}),
            ...(b.deadline !== undefined ? { deadline: b.deadline } : {}),
            ...(b.progress !== undefined ? { progress: b.progress } : {}),
            ...(b.evidence
              ? { evidence: b.evidence.map((e) => ({ url: e.url, label: e.label ?? null })) }
              : {}),
            ...(b.indicators ? { indicators: b.indicators } : {}),
          },
          now(),
        );
        return reply.code(201).header("Location", `/api/v1/programmes/${p.id}`).send(programmeJson(p));
      },
    );

    app.patch(
      "/programmes/:id",
      {
        schema: {
          summary:
            "Change a programme: fields, progress, evidence, indicators, or a status with its reason (null clears it) (reviewer, admin)",
          tags: ["programmes"],
          params: idParams,
          body: z.strictObject({
            title_vi: text(500).optional(),
            title_en: text(500).optional(),
            lead_vi: text(300).optional(),
            lead_en: text(300).optional(),
            ...scopeFields,
            scope: z.null().optional(),
            start: date.optional(),
            deadline: date.nullable().optional(),
            progress: z.number().int().min(0).max(100).nullable().optional(),
            evidence: evidence.optional(),
            indicators: z.array(indicatorCode).max(50).optional(),
            status: status.nullable().optional(),
            status_reason: z.string().max(2000).optional(),
            version: z.number().int().min(1).max(1_000_000_000).optional(),
          }),
        },
      },
      async (req) => {
        const b = req.body;
        const scope = b.scope === null ? null : scopeOf(b);
        const patch: ProgrammePatch = {
          ...(b.title_vi !== undefined ? { titleVi: b.title_vi } : {}),
          ...(b.title_en !== undefined ? { titleEn: b.title_en } : {}),
          ...(b.lead_vi !== undefined ? { leadVi: b.lead_vi } : {}),
          ...(b.lead_en !== undefined ? { leadEn: b.lead_en } : {}),
          ...(scope !== undefined ? { scope } : {}),
          ...(b.start !== undefined ? { start: b.start } : {}),
          ...(b.deadline !== undefined ? { deadline: b.deadline } : {}),
          ...(b.progress !== undefined ? { progress: b.progress } : {}),
          ...(b.evidence
            ? { evidence: b.evidence.map((e) => ({ url: e.url, label: e.label ?? null })) }
            : {}),
          ...(b.indicators ? { indicators: b.indicators } : {}),
          ...(b.status !== undefined ? { status: b.status } : {}),
          ...(b.status_reason !== undefined ? { statusReason: b.status_reason } : {}),
          ...(b.version !== undefined ? { version: b.version } : {}),
        };
        return programmeJson(await updateProgramme(store, req.principal, req.params.id, patch, now()));
      },
    );

    app.post(
      "/programmes/:id/updates",
      {
        schema: {
          summary: "Post a dated update on a programme (reviewer, admin); updates are never changed",
          tags: ["programmes"],
          params: idParams,
          body: z.strictObject({ text: text(5000) }),
        },
      },
      async (req, reply) => {
        const u = await addProgrammeUpdate(store, req.principal, req.params.id, req.body.text, now());
        return reply.code(201).send(programmeUpdateJson(u));
      },
    );
  };
