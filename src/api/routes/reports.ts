/**
 * Quarterly reports: read, fill (JSON or XLSX upload with a preview), submit, review, reopen; the
 * Excel template; open periods; completeness; validation rules. Routes stay thin: the services
 * check role and area scope and record every write.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Geography } from "../../domain/area.ts";
import { DxmError } from "../../domain/errors.ts";
import type { ValidationRule } from "../../methods/validation.ts";
import { buildTemplate, parseUpload } from "../../services/excel.ts";
import {
  approveReport,
  assertCanWrite,
  completeness,
  getOpenPeriods,
  getReport,
  getValidationRules,
  listVisibleReports,
  openPeriod,
  type ReportView,
  reopenReport,
  returnReport,
  saveValidationRule,
  saveValues,
  submitReport,
} from "../../services/reporting.ts";
import type { Store } from "../../store/db.ts";
import type { ReportRow } from "../../store/reports-repo.ts";
import { areaCode, geography, list, period } from "../params.ts";

const keyParams = z.strictObject({ geography, area: areaCode, period });
const version = z.strictObject({ version: z.number().int().min(1).max(1_000_000).optional() });

export function reportJson(r: ReportRow) {
  return {
    id: r.id,
    geography: r.geography,
    area: r.area,
    period: r.period,
    state: r.state,
    version: r.version,
    updated_at: r.updatedAt.toISOString(),
    submitted_at: r.submittedAt?.toISOString() ?? null,
    submitted_by: r.submittedBy,
    approved_at: r.approvedAt?.toISOString() ?? null,
    approved_by: r.approvedBy,
  };
}

function viewJson(v: ReportView, key: { geography: string; area: string; period: string }) {
  return {
    geography: key.geography,
    area: key.area,
    area_name_vi: v.area.nameVi,
    area_name_en: v.area.nameEn,
    period: key.period,
    deadline: v.deadline,
    state: v.report?.state ?? "not_started",
    version: v.report?.version ?? null,
    report: v.report ? reportJson(v.report) : null,
    previous_series: v.previousSeries,
    sections: v.pillars.map((p) => ({
      pillar: p.code,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      elements: v.elements
        .filter((e) => e.pillar === p.code)
        .map((e) => ({
          code: e.code,
          name_vi: e.nameVi,
          name_en: e.nameEn,
          unit: e.unit,
          value_type: e.valueType,
          // "annual" elements appear in Q4 reports only, with last year's value as `previous`.
          frequency: e.frequency,
          min: e.min ?? null,
          max: e.max ?? null,
          value: v.values.get(e.code) ?? null,
          comment: v.comments.get(e.code) ?? null,
          previous: v.previous.get(e.code) ?? null,
        })),
    })),
    validation: {
      can_submit: v.validation.canSubmit,
      errors: v.validation.errors,
      warnings: v.validation.warnings,
      uncommented_warnings: v.validation.uncommentedWarnings,
      issues: v.validation.issues.map((i) => ({
        severity: i.severity,
        code: i.code,
        elements: i.elements,
        rule: i.ruleId,
        value: i.value,
        message: i.message,
        message_vi: i.messageVi,
        needs_comment: i.needsComment,
      })),
    },
    events: v.events.map((e) => ({
      action: e.action,
      actor: e.actor,
      at: e.at.toISOString(),
      from: e.from,
      to: e.to,
      comment: e.comment,
    })),
  };
}

/** A rule in the API's spelling, the same as the body `PUT /validation-rules/{id}` takes. */
function ruleJson(r: ValidationRule, enabled: boolean) {
  return {
    id: r.id,
    name_vi: r.nameVi,
    name_en: r.nameEn,
    left: r.left,
    operator: r.operator,
    right: r.right,
    importance: r.importance,
    missing: r.missing,
    message_vi: r.messageVi ?? null,
    message_en: r.messageEn ?? null,
    enabled,
  };
}

export const reportRoutes =
  (store: Store, options: { today?: () => string } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    const key = (p: { geography: Geography; area: string; period: string }) => ({
      geography: p.geography,
      area: p.area,
      period: p.period,
    });

    app.get(
      "/reporting/periods",
      { schema: { summary: "Periods open for reporting, with their deadline", tags: ["reporting"] } },
      async () => ({
        items: (await getOpenPeriods(store)).map((p) => ({
          period: p.period,
          geography: p.geography,
          deadline: p.deadline,
        })),
      }),
    );

    app.post(
      "/reporting/periods",
      {
        schema: {
          summary: "Open a quarter for reporting (reviewer, admin)",
          tags: ["reporting"],
          body: z.strictObject({ period, deadline: z.string().max(10) }),
        },
      },
      async (req) => {
        const rp = await openPeriod(store, req.principal, req.body.period, req.body.deadline);
        return { period: rp.period, geography: rp.geography, deadline: rp.deadline };
      },
    );

    app.get(
      "/reporting/completeness",
      {
        schema: {
          summary: "Who has not submitted, or is late, for a period",
          tags: ["reporting"],
          querystring: z.strictObject({ period }),
        },
      },
      async (req) => {
        const c = await completeness(store, req.principal, req.query.period, today());
        return {
          period: c.period,
          deadline: c.deadline,
          items: c.rows.map((r) => ({
            geography: r.geography,
            area: r.area,
            name_vi: r.nameVi,
            name_en: r.nameEn,
            state: r.state,
            submitted_at: r.submittedAt?.toISOString() ?? null,
            late: r.late,
          })),
        };
      },
    );

    app.get(
      "/reports",
      {
        schema: {
          summary: "Reports visible to the caller",
          tags: ["reporting"],
          querystring: z.strictObject({
            period: list(period).optional(),
            geography: list(geography).optional(),
            area: list(areaCode).optional(),
            state: list(z.enum(["draft", "submitted", "returned", "approved"])).optional(),
          }),
        },
      },
      async (req, reply) => {
        reply.header("Cache-Control", "private, no-store");
        const q = req.query;
        const rows = await listVisibleReports(store, req.principal, {
          ...(q.period ? { period: q.period } : {}),
          ...(q.geography ? { geography: q.geography } : {}),
          ...(q.area ? { area: q.area } : {}),
          ...(q.state ? { state: q.state } : {}),
        });
        return { items: rows.map(reportJson) };
      },
    );

    app.get(
      "/reports/:geography/:area/:period",
      {
        schema: {
          summary: "A report: form, values, previous quarter, validation, history",
          tags: ["reporting"],
          params: keyParams,
        },
      },
      async (req, reply) => {
        reply.header("Cache-Control", "private, no-store");
        return viewJson(await getReport(store, req.principal, key(req.params)), req.params);
      },
    );

    app.put(
      "/reports/:geography/:area/:period/values",
      {
        schema: {
          summary: "Save values and comments of a draft",
          tags: ["reporting"],
          params: keyParams,
          body: z.strictObject({
            values: z
              .record(z.string().max(64), z.number().finite().nullable())
              .refine((r) => Object.keys(r).length <= 500, "at most 500 values"),
            comments: z.record(z.string().max(64), z.string().max(2000)).optional(),
            version: z.number().int().min(1).max(1_000_000).optional(),
          }),
        },
      },
      async (req) =>
        viewJson(
          await saveValues(store, req.principal, key(req.params), {
            values: req.body.values,
            ...(req.body.comments ? { comments: req.body.comments } : {}),
            ...(req.body.version !== undefined ? { version: req.body.version } : {}),
          }),
          req.params,
        ),
    );

    app.get(
      "/reports/:geography/:area/:period/template.xlsx",
      { schema: { summary: "The Excel template, pre-filled", tags: ["reporting"], params: keyParams } },
      async (req, reply) => {
        const view = await getReport(store, req.principal, key(req.params));
        const buffer = await buildTemplate({
          area: {
            geography: req.params.geography,
            code: req.params.area,
            nameVi: view.area.nameVi,
            nameEn: view.area.nameEn,
          },
          period: req.params.period,
          elements: view.elements,
          pillars: view.pillars,
          values: view.values,
          previous: view.previous,
          comments: view.comments,
        });
        return reply
          .header("Cache-Control", "private, no-store")
          .header(
            "Content-Disposition",
            `attachment; filename="dxm-${req.params.geography}-${req.params.area}-${req.params.period}.xlsx"`,
          )
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(buffer);
      },
    );

    app.post(
      "/reports/:geography/:area/:period/upload",
      {
        schema: {
          summary: "Upload the filled template: a preview of every problem; `confirm=true` stores it",
          tags: ["reporting"],
          params: keyParams,
          querystring: z.strictObject({ confirm: z.enum(["true", "false"]).default("false") }),
        },
      },
      async (req) => {
        const k = key(req.params);
        // Scope first: only those who may write the report get its file parsed.
        assertCanWrite(req.principal, k);
        const view = await getReport(store, req.principal, k);
        const file = await req.file();
        if (!file) {
          throw new DxmError("invalid_body", "file: send the XLSX file as multipart form data", {
            field: "file",
            messageVi: "file: hãy gửi tệp XLSX dạng multipart",
          });
        }
        const data = await file.toBuffer();
        const parsed = await parseUpload(data, {
          geography: k.geography,
          area: k.area,
          period: k.period,
          elements: view.elements,
        });
        const problems = parsed.problems.map((p) => ({
          sheet: p.sheet,
          cell: p.cell,
          element: p.element,
          code: p.code,
          message: p.message,
          message_vi: p.messageVi,
        }));
        const store_ = req.query.confirm === "true";
        if (store_ && problems.length) {
          throw new DxmError(
            "invalid_data",
            `The file has ${problems.length} problem(s): nothing was stored`,
            {
              field: "file",
              messageVi: `Tệp có ${problems.length} lỗi: chưa lưu gì`,
              details: { problems },
            },
          );
        }
        const values = Object.fromEntries(parsed.values);
        const comments = Object.fromEntries(parsed.comments);
        if (!store_) {
          return { stored: false, problems, values, comments, cells: Object.fromEntries(parsed.cells) };
        }
        const saved = await saveValues(store, req.principal, k, { values, comments }, "upload");
        return { stored: true, problems, report: viewJson(saved, req.params) };
      },
    );

    for (const action of ["submit", "approve", "reopen"] as const) {
      app.post(
        `/reports/:geography/:area/:period/${action}`,
        {
          schema: {
            summary: `${action[0]!.toUpperCase()}${action.slice(1)} a report`,
            tags: ["reporting"],
            params: keyParams,
            body:
              action === "reopen"
                ? version.extend({ comment: z.string().max(2000).optional() }).optional()
                : version.optional(),
          },
        },
        async (req) => {
          const k = key(req.params);
          const body = (req.body ?? {}) as { version?: number; comment?: string };
          const r =
            action === "submit"
              ? await submitReport(store, req.principal, k, body.version)
              : action === "approve"
                ? await approveReport(store, req.principal, k, body.version)
                : await reopenReport(store, req.principal, k, body.comment ?? null, body.version);
          return reportJson(r);
        },
      );
    }

    app.post(
      "/reports/:geography/:area/:period/return",
      {
        schema: {
          summary: "Return a submitted report to its province with a comment",
          tags: ["reporting"],
          params: keyParams,
          body: version.extend({ comment: z.string().min(1).max(2000) }),
        },
      },
      async (req) =>
        reportJson(
          await returnReport(store, req.principal, key(req.params), req.body.comment, req.body.version),
        ),
    );

    app.get(
      "/validation-rules",
      { schema: { summary: "Validation rules (data, editable by an admin)", tags: ["reporting"] } },
      async () => ({
        items: (await getValidationRules(store)).map((r) => ruleJson(r.rule, r.enabled)),
      }),
    );

    app.put(
      "/validation-rules/:id",
      {
        schema: {
          summary: "Create or change a validation rule (admin)",
          tags: ["reporting"],
          params: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/) }),
          body: z.strictObject({
            name_vi: z.string().min(1).max(300),
            name_en: z.string().min(1).max(300),
            left: z.string().min(1).max(2000),
            operator: z.string().max(20),
            right: z.string().max(2000),
            importance: z.string().max(10),
            missing: z.string().max(30),
            message_vi: z.string().max(500).optional(),
            message_en: z.string().max(500).optional(),
            enabled: z.boolean().default(true),
          }),
        },
      },
      async (req) => {
        const b = req.body;
        const rule = await saveValidationRule(
          store,
          req.principal,
          {
            id: req.params.id,
            nameVi: b.name_vi,
            nameEn: b.name_en,
            left: b.left,
            operator: b.operator,
            right: b.right,
            importance: b.importance,
            missing: b.missing,
            ...(b.message_vi ? { messageVi: b.message_vi } : {}),
            ...(b.message_en ? { messageEn: b.message_en } : {}),
          },
          b.enabled,
        );
        return ruleJson(rule, b.enabled);
      },
    );
  };
