/**
 * Accounts, sessions, machine tokens and login attempts (migration 0003). Plain functions taking the
 * database or a transaction first. Secrets never reach this module: sessions and tokens are looked
 * up by the sha256 of their value, passwords arrive hashed.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Geography } from "../domain/area.ts";
import type { AreaScope, MachineToken, Role, User } from "../domain/auth.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

function toAreas(rows: readonly { geography: string; code: string }[] | null | undefined): AreaScope[] {
  return (rows ?? []).map((r) => ({ geography: r.geography as Geography, code: r.code }));
}

function date(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v);
}

function dateOrNull(v: Date | string | null): Date | null {
  return v === null ? null : date(v);
}

// ---------------------------------------------------------------------------------------------
// Areas

/** Of the given areas, those that exist and are provinces, as `geography:code` keys. */
export async function existingProvinces(db: Db, areas: readonly AreaScope[]): Promise<Set<string>> {
  if (!areas.length) return new Set();
  const rows = await db
    .selectFrom("area")
    .select(["geography", "code"])
    .where("level", "=", "province")
    .where((eb) =>
      eb.or(areas.map((a) => eb.and([eb("geography", "=", a.geography), eb("code", "=", a.code)]))),
    )
    .execute();
  return new Set(rows.map((r) => `${r.geography}:${r.code}`));
}

/** The provinces of a geography, in catalogue order. */
export async function listProvinces(
  db: Db,
  geography: Geography,
): Promise<{ code: string; nameVi: string; nameEn: string }[]> {
  const rows = await db
    .selectFrom("area")
    .select(["code", "name_vi", "name_en"])
    .where("geography", "=", geography)
    .where("level", "=", "province")
    .orderBy("ordinal")
    .execute();
  return rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
}

// ---------------------------------------------------------------------------------------------
// Users

/** A user's provinces as a JSON array `[{geography, code}]`, for a query over `app_user as u`. */
function userAreas(eb: ExpressionBuilder<Database & { u: Database["app_user"] }, "u">) {
  return jsonArrayFrom(
    eb
      .selectFrom("user_area as ua")
      .select(["ua.geography", "ua.area_code as code"])
      .whereRef("ua.user_id", "=", "u.id")
      .orderBy("ua.geography")
      .orderBy("ua.area_code"),
  ).as("areas");
}

function userQuery(db: Db) {
  return db
    .selectFrom("app_user as u")
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.disabled",
      "u.created_at",
      "u.last_login_at",
      "u.password_hash",
    ])
    .select((eb) => userAreas(eb));
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>["executeTakeFirstOrThrow"]>>;

export interface UserWithHash extends User {
  readonly passwordHash: string;
}

function toUser(r: UserRow): UserWithHash {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    areas: toAreas(r.areas),
    disabled: r.disabled,
    createdAt: date(r.created_at),
    lastLoginAt: dateOrNull(r.last_login_at),
    passwordHash: r.password_hash,
  };
}

function withoutHash(u: UserWithHash): User {
  const { passwordHash: _, ...user } = u;
  return user;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserWithHash | undefined> {
  const row = await userQuery(db).where("u.email", "=", email).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Db, id: number): Promise<UserWithHash | undefined> {
  const row = await userQuery(db).where("u.id", "=", id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await userQuery(db).orderBy("u.id").execute();
  return rows.map((r) => withoutHash(toUser(r)));
}

/** Those of the given emails that have an account. */
export async function existingEmails(db: Db, emails: readonly string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await db.selectFrom("app_user").select("email").where("email", "in", emails).execute();
  return new Set(rows.map((r) => r.email));
}

export async function countUsers(
  db: Db,
  filter: { role?: Role; activeOnly?: boolean } = {},
): Promise<number> {
  let q = db.selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n"));
  if (filter.role) q = q.where("role", "=", filter.role);
  if (filter.activeOnly) q = q.where("disabled", "=", false);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUserRow {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  areas: readonly AreaScope[];
}

/** Inserts a user and their areas; undefined when the email is taken. */
export async function insertUser(db: Db, user: NewUserRow, now: Date): Promise<number | undefined> {
  const row = await db
    .insertInto("app_user")
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: now,
      updated_at: now,
      password_changed_at: now,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return undefined;
  await setUserAreas(db, row.id, user.areas);
  return row.id;
}

export async function setUserAreas(db: Db, userId: number, areas: readonly AreaScope[]): Promise<void> {
  await db.deleteFrom("user_area").where("user_id", "=", userId).execute();
  if (!areas.length) return;
  await db
    .insertInto("user_area")
    .values(areas.map((a) => ({ user_id: userId, geography: a.geography, area_code: a.code })))
    .execute();
}

export interface UserChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

export async function updateUser(db: Db, id: number, changes: UserChanges, now: Date): Promise<void> {
  await db
    .updateTable("app_user")
    .set({
      updated_at: now,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      ...(changes.passwordHash !== undefined
        ? { password_hash: changes.passwordHash, password_changed_at: now }
        : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function setLastLogin(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable("app_user").set({ last_login_at: now }).where("id", "=", id).execute();
}

/** Deletes the accounts whose email ends with `suffix` (and, by cascade, their sessions). */
export async function deleteUsersByEmailSuffix(db: Db, suffix: string): Promise<string[]> {
  const rows = await db
    .deleteFrom("app_user")
    .where("email", "like", `%${suffix.replace(/[\\%_]/g, (c) => `\\${c}`)}`)
    .returning("email")
    .execute();
  return rows.map((r) => r.email).sort();
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface NewSessionRow {
  idHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Db, s: NewSessionRow, now: Date): Promise<void> {
  await db
    .insertInto("user_session")
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export interface SessionRow {
  readonly idHash: string;
  readonly csrfToken: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly user: User;
}

/**
 * The live session with this id hash, with its (enabled) user: not past its absolute expiry and
 * seen after `idleCutoff`.
 */
export async function findLiveSession(
  db: Db,
  idHash: string,
  now: Date,
  idleCutoff: Date,
): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom("user_session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.id_hash",
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.disabled",
      "u.created_at",
      "u.last_login_at",
    ])
    .select((eb) => userAreas(eb))
    .where("s.id_hash", "=", idHash)
    .where("s.expires_at", ">", now)
    .where("s.last_seen_at", ">", idleCutoff)
    .where("u.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    idHash: row.id_hash,
    csrfToken: row.csrf_token,
    lastSeenAt: date(row.last_seen_at),
    expiresAt: date(row.expires_at),
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      areas: toAreas(row.areas),
      disabled: row.disabled,
      createdAt: date(row.created_at),
      lastLoginAt: dateOrNull(row.last_login_at),
    },
  };
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable("user_session").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<number> {
  const r = await db.deleteFrom("user_session").where("id_hash", "=", idHash).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes a user's sessions, except one (the session changing the password). */
export async function deleteUserSessions(db: Db, userId: number, exceptIdHash?: string): Promise<number> {
  let q = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (exceptIdHash) q = q.where("id_hash", "!=", exceptIdHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countUserSessions(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("user_session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteDeadSessions(db: Db, now: Date, idleCutoff: Date): Promise<void> {
  await db
    .deleteFrom("user_session")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", idleCutoff)]))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Machine tokens

function tokenQuery(db: Db) {
  return db
    .selectFrom("machine_token as t")
    .select(["t.id", "t.name", "t.prefix", "t.created_by", "t.created_at", "t.last_used_at", "t.revoked_at"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("token_area as ta")
          .select(["ta.geography", "ta.area_code as code"])
          .whereRef("ta.token_id", "=", "t.id")
          .orderBy("ta.geography")
          .orderBy("ta.area_code"),
      ).as("areas"),
    );
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenQuery>["executeTakeFirstOrThrow"]>>;

function toToken(r: TokenRow): MachineToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    areas: toAreas(r.areas),
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    lastUsedAt: dateOrNull(r.last_used_at),
    revokedAt: dateOrNull(r.revoked_at),
  };
}

export interface NewTokenRow {
  name: string;
  tokenHash: string;
  prefix: string;
  createdBy: string;
  areas: readonly AreaScope[];
}

export async function insertToken(db: Db, t: NewTokenRow, now: Date): Promise<number> {
  const row = await db
    .insertInto("machine_token")
    .values({
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      created_by: t.createdBy,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (t.areas.length) {
    await db
      .insertInto("token_area")
      .values(t.areas.map((a) => ({ token_id: row.id, geography: a.geography, area_code: a.code })))
      .execute();
  }
  return row.id;
}

export async function findToken(db: Db, id: number): Promise<MachineToken | undefined> {
  const row = await tokenQuery(db).where("t.id", "=", id).executeTakeFirst();
  return row ? toToken(row) : undefined;
}

/** The token with this hash, unless revoked. */
export async function findActiveTokenByHash(db: Db, tokenHash: string): Promise<MachineToken | undefined> {
  const row = await tokenQuery(db)
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .executeTakeFirst();
  return row ? toToken(row) : undefined;
}

export async function listTokens(db: Db): Promise<MachineToken[]> {
  const rows = await tokenQuery(db).orderBy("t.id").execute();
  return rows.map(toToken);
}

export async function touchToken(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable("machine_token").set({ last_used_at: now }).where("id", "=", id).execute();
}

/** Marks a token revoked; false when it was already revoked (or does not exist). */
export async function revokeToken(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("machine_token")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// Login attempts

export async function insertLoginAttempt(
  db: Db,
  a: { email: string; ip: string; success: boolean },
  now: Date,
): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values({ email: a.email, ip: a.ip, success: a.success, at: now })
    .execute();
}

/**
 * Times of the most recent failed logins (newest first, at most `limit`) for an email or a client
 * address, after `since`. For an email, failures before its last success do not count.
 */
export async function recentFailures(
  db: Db,
  key: { email: string } | { ip: string },
  since: Date,
  limit: number,
): Promise<Date[]> {
  const byEmail = "email" in key;
  const rows = await db
    .selectFrom("login_attempt as a")
    .select("a.at")
    .where("a.success", "=", false)
    .where("a.at", ">", since)
    .where((eb): Expression<SqlBool> => {
      if (!byEmail) return eb("a.ip", "=", key.ip);
      return eb.and([
        eb("a.email", "=", key.email),
        eb.not(
          eb.exists(
            eb
              .selectFrom("login_attempt as s")
              .select(sql<number>`1`.as("one"))
              .where("s.email", "=", key.email)
              .where("s.success", "=", true)
              .whereRef("s.at", ">=", "a.at"),
          ),
        ),
      ]);
    })
    .orderBy("a.at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => date(r.at));
}

export async function deleteLoginAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_attempt").where("at", "<", before).execute();
}
