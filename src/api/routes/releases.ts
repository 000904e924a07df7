/**
 * Releases: the public sees published releases and their changes; reviewers prepare a release for
 * a period, schedule it (Vietnam time when no offset is given) and delete one that is not out yet.
 * Before its time a release is invisible to the public (404), its values too.
 */

import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { indicatorUnits, OBSERVATION_COLUMNS, observationRecord } from "../../services/export.ts";
import {
  canSeeUnpublishedReleases,
  deleteRelease,
  getRelease,
  listReleases,
  NOTE_MAX,
  prepareRelease,
  type ReleaseChange,
  type ReleaseView,
  releaseValues,
  scheduleRelease,
} from "../../services/releases.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography, indicatorCode, list, period } from "../params.ts";

export function releaseJson(r: ReleaseView, staff: boolean) {
  return {
    id: r.id,
    period: r.period,
    state: r.state,
    release_at: r.releaseAt?.toISOString() ?? null,
    release_at_local: r.releaseAtLocal,
    note: r.note,
    previous_id: r.previousId,
    counts: r.counts,
    // Who prepared it is for staff; the public sees what and when.
    ...(staff
      ? {
          prepared_by: r.preparedBy,
          prepared_at: r.preparedAt.toISOString(),
          scheduled_by: r.scheduledBy,
          scheduled_at: r.scheduledAt?.toISOString() ?? null,
        }
      : {}),
  };
}

export function changeJson(c: ReleaseChange) {
  return {
    change: c.change,
    target: c.target,
    series: c.series,
    code: c.code,
    geography: c.geography,
    area: c.area,
    period: c.period,
    old_value: c.oldValue,
    new_value: c.newValue,
  };
}

/**
 * Cache policy of answers that differ for staff: a logged-in reader's answer (it may hold an
 * embargoed release) is `private, no-store` — never kept by a shared cache nor the browser; the
 * public's may be kept but is revalidated each time (the ETag still saves the body).
 */
export function staffAwareCaching(req: FastifyRequest, reply: FastifyReply): void {
  const personal = req.principal !== null || req.headers.authorization !== undefined;
  reply.header("Cache-Control", personal ? "private, no-store" : "public, no-cache");
}

export const releaseId = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const note = z.string().max(NOTE_MAX, `note: at most ${NOTE_MAX} characters`).nullable().optional();

export const releaseRoutes =
  (store: Store, options: { now?: () => Date } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());

    app.get(
      "/releases",
      {
        schema: {
          summary: "Releases: published ones for the public; drafts and scheduled ones too for staff",
          tags: ["releases"],
          response: {
            200: z.unknown().describe("`{ items: [release] }`, newest first; times in UTC and Vietnam time"),
          },
        },
      },
      async (req, reply) => {
        staffAwareCaching(req, reply);
        const items = await listReleases(store, req.principal, now());
        const staff = canSeeUnpublishedReleases(req.principal);
        return { items: items.map((r) => releaseJson(r, staff)) };
      },
    );

    app.get(
      "/releases/:id",
      {
        schema: {
          summary: "One release with what changed since the previous one (new, revised old → new, withdrawn)",
          tags: ["releases"],
          params: releaseId,
          querystring: z.strictObject({
            change: list(z.enum(["new", "revised", "withdrawn"])).optional(),
            target: z.enum(["element", "indicator"]).optional(),
            limit: z.coerce.number().int().min(1).max(10000).default(1000),
            offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
          }),
          response: {
            200: z.unknown().describe("The release with `changes` (a page) and `next_offset`"),
          },
        },
      },
      async (req, reply) => {
        staffAwareCaching(req, reply);
        const q = req.query;
        const r = await getRelease(store, req.principal, req.params.id, now(), {
          ...(q.change ? { change: q.change } : {}),
          ...(q.target ? { target: q.target } : {}),
          limit: q.limit,
          offset: q.offset,
        });
        return {
          ...releaseJson(r, canSeeUnpublishedReleases(req.principal)),
          changes: r.changes.map(changeJson),
          next_offset: r.nextOffset,
        };
      },
    );

    app.get(
      "/releases/:id/values",
      {
        schema: {
          summary:
            "The indicator values of one release (its snapshot), a page at a time; before its time for staff only (a preview of what it will publish)",
          tags: ["releases"],
          params: releaseId,
          querystring: z.strictObject({
            indicator: list(indicatorCode).optional(),
            geography: list(geography).optional(),
            area: list(areaCode).optional(),
            period: list(period).optional(),
            limit: z.coerce.number().int().min(1).max(5000).default(500),
            offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
          }),
          response: {
            200: z
              .unknown()
              .describe(
                "`{ release: { id, period, state }, columns, items: [value], next_offset }`; `private, no-store` for a logged-in reader",
              ),
          },
        },
      },
      async (req, reply) => {
        staffAwareCaching(req, reply);
        const q = req.query;
        const at = now();
        const r = await getRelease(store, req.principal, req.params.id, at, { limit: 1 });
        const rows = await releaseValues(store, req.principal, req.params.id, at, {
          ...(q.indicator ? { indicator: q.indicator } : {}),
          ...(q.geography ? { geography: q.geography } : {}),
          ...(q.area ? { area: q.area } : {}),
          ...(q.period ? { period: q.period } : {}),
          limit: q.limit + 1,
          offset: q.offset,
        });
        const units = await indicatorUnits(store);
        const more = rows.length > q.limit;
        return {
          release: { id: r.id, period: r.period, state: r.state },
          columns: OBSERVATION_COLUMNS,
          items: (more ? rows.slice(0, q.limit) : rows).map((o) =>
            observationRecord({ ...o, unit: units.get(o.indicator) ?? null }),
          ),
          next_offset: more ? q.offset + q.limit : null,
        };
      },
    );

    app.post(
      "/releases",
      {
        schema: {
          summary:
            "Prepare a release for a period (reviewer): snapshot of the approved values and its changes",
          tags: ["releases"],
          body: z.strictObject({ period, note }),
          response: { 201: z.unknown().describe("The draft release with its first page of changes") },
        },
      },
      async (req, reply) => {
        const r = await prepareRelease(
          store,
          req.principal,
          { period: req.body.period, ...(req.body.note !== undefined ? { note: req.body.note } : {}) },
          now(),
        );
        reply.code(201);
        return { ...releaseJson(r, true), changes: r.changes.map(changeJson), next_offset: r.nextOffset };
      },
    );

    app.post(
      "/releases/:id/schedule",
      {
        schema: {
          summary:
            "Schedule (or reschedule) a release that is not out yet (reviewer); `at` is ISO 8601, Vietnam time without an offset",
          tags: ["releases"],
          params: releaseId,
          body: z.strictObject({ at: z.string().min(10).max(40), note }),
          response: { 200: z.unknown().describe("The scheduled release") },
        },
      },
      async (req) => {
        const r = await scheduleRelease(
          store,
          req.principal,
          req.params.id,
          { at: req.body.at, ...(req.body.note !== undefined ? { note: req.body.note } : {}) },
          now(),
        );
        return releaseJson(r, true);
      },
    );

    app.delete(
      "/releases/:id",
      {
        schema: {
          summary: "Delete a release that is not published (reviewer)",
          tags: ["releases"],
          params: releaseId,
          response: { 204: z.unknown().describe("Deleted") },
        },
      },
      async (req, reply) => {
        await deleteRelease(store, req.principal, req.params.id, now());
        return reply.code(204).send();
      },
    );
  };
