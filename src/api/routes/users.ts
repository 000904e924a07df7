/**
 * Administration: users (`/users`), machine tokens (`/tokens`) and the audit log (`/audit`,
 * `/audit.csv`). Admins only; the services check it. Secrets — a generated password, a new token —
 * appear once, in the response that creates them.
 */
import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type MachineToken, PASSWORD_MAX, PASSWORD_MIN, ROLES, type User } from "../../domain/auth.ts";
import { type AuditQuery, type AuditRow, auditCsv, getAudit } from "../../services/audit.ts";
import {
  createMachineToken,
  createUser,
  getMachineTokens,
  getUsers,
  revokeMachineToken,
  updateUserAccount,
} from "../../services/auth.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography } from "../params.ts";
import { areasJson } from "./auth.ts";

export function userJson(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    areas: areasJson(u.areas),
    disabled: u.disabled,
    created_at: u.createdAt.toISOString(),
    last_login_at: u.lastLoginAt?.toISOString() ?? null,
  };
}

export function tokenJson(t: MachineToken) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    areas: areasJson(t.areas),
    created_by: t.createdBy,
    created_at: t.createdAt.toISOString(),
    last_used_at: t.lastUsedAt?.toISOString() ?? null,
    revoked_at: t.revokedAt?.toISOString() ?? null,
  };
}

function auditJson(r: AuditRow) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entity_key: r.entityKey,
    before: r.before,
    after: r.after,
  };
}

const area = z.strictObject({ geography, code: areaCode });
const areas = z.array(area).max(100, "at most 100 areas");
const role = z.enum(ROLES, { error: `role is one of ${ROLES.join(", ")}` });
const name = z.string().min(1).max(200);
const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const id = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const text = z.string().min(1).max(200);
const moment = (name: string) =>
  z
    .string()
    .max(40)
    .refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)),
      `${name} is a date or a date-time, e.g. 2025-07-01 or 2025-07-01T08:00:00Z`,
    )
    .transform((s) => new Date(s))
    .optional();
const auditFilters = {
  entity: text.optional(),
  entity_key: z.string().min(1).max(500).optional(),
  actor: z.string().min(1).max(500).optional(),
  action: text.optional(),
  since: moment("since"),
  /** Exclusive: `until=2025-07-02` ends with the last moment of 1 July (UTC). */
  until: moment("until"),
};

function auditQuery(q: {
  entity?: string | undefined;
  entity_key?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
}): AuditQuery {
  return {
    ...(q.entity !== undefined ? { entity: q.entity } : {}),
    ...(q.entity_key !== undefined ? { entityKey: q.entity_key } : {}),
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(q.since !== undefined ? { since: q.since } : {}),
    ...(q.until !== undefined ? { until: q.until } : {}),
  };
}

export const userRoutes =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/users", { schema: { summary: "Users (admin)", tags: ["admin"] } }, async (req) => {
      const users = await getUsers(store, req.principal);
      return { items: users.map(userJson) };
    });

    app.post(
      "/users",
      {
        schema: {
          summary: "Create a user (admin); without a password one is generated and returned once",
          tags: ["admin"],
          body: z.strictObject({
            email: z.string().min(3).max(254),
            name: name.optional(),
            role,
            areas: areas.optional(),
            password: password.optional(),
          }),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const { user, password: generated } = await createUser(store, req.principal, {
          email: b.email,
          name: b.name,
          role: b.role,
          areas: b.areas,
          password: b.password,
        });
        reply.code(201);
        return { user: userJson(user), ...(generated ? { password: generated } : {}) };
      },
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          summary: "Change a user's name, role, areas or state, or reset their password (admin)",
          tags: ["admin"],
          params: id,
          body: z.strictObject({
            name: name.optional(),
            role: role.optional(),
            areas: areas.optional(),
            disabled: z.boolean().optional(),
            password: password.optional(),
            reset_password: z.boolean().optional(),
          }),
        },
      },
      async (req) => {
        const b = req.body;
        const { user, password: generated } = await updateUserAccount(store, req.principal, req.params.id, {
          name: b.name,
          role: b.role,
          areas: b.areas,
          disabled: b.disabled,
          password: b.password,
          resetPassword: b.reset_password,
        });
        return { user: userJson(user), ...(generated ? { password: generated } : {}) };
      },
    );

    app.get("/tokens", { schema: { summary: "Machine tokens (admin)", tags: ["admin"] } }, async (req) => {
      const tokens = await getMachineTokens(store, req.principal);
      return { items: tokens.map(tokenJson) };
    });

    app.post(
      "/tokens",
      {
        schema: {
          summary: "Create a machine token scoped to provinces (admin); the secret is returned once",
          tags: ["admin"],
          body: z.strictObject({ name, areas: areas.min(1, "give at least one province") }),
        },
      },
      async (req, reply) => {
        const { token, secret } = await createMachineToken(store, req.principal, {
          name: req.body.name,
          areas: req.body.areas,
        });
        reply.code(201);
        return { token: tokenJson(token), secret };
      },
    );

    app.delete(
      "/tokens/:id",
      { schema: { summary: "Revoke a machine token (admin)", tags: ["admin"], params: id } },
      async (req, reply) => {
        await revokeMachineToken(store, req.principal, req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      "/audit",
      {
        schema: {
          summary: "The audit log, newest first (admin)",
          tags: ["admin"],
          querystring: z.strictObject({
            ...auditFilters,
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
          }),
        },
      },
      async (req) => {
        const page = await getAudit(store, req.principal, {
          ...auditQuery(req.query),
          limit: req.query.limit,
          offset: req.query.offset,
        });
        return { items: page.items.map(auditJson), next_offset: page.nextOffset };
      },
    );

    app.get(
      "/audit.csv",
      {
        schema: {
          summary: "The audit log as CSV (admin), formula cells neutralised",
          tags: ["admin"],
          querystring: z.strictObject(auditFilters),
        },
      },
      async (req, reply) => {
        const lines = auditCsv(store, req.principal, auditQuery(req.query));
        // The first chunk (the header) is read here, so a refusal is an error response, not a
        // broken stream.
        const first = await lines.next();
        async function* rest() {
          if (!first.done) yield first.value;
          yield* lines;
        }
        reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", 'attachment; filename="audit.csv"');
        return reply.send(Readable.from(rest()));
      },
    );
  };
