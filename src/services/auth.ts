/**
 * Accounts and authentication (DESIGN §7): login with email and password (argon2id), sessions in
 * the database, password change, login throttling and lockout, machine tokens for provincial
 * systems, and the administration of users and tokens.
 *
 * Decisions:
 * - Secrets (session ids, CSRF tokens, machine tokens, generated passwords) are 32 (passwords 18)
 *   random bytes in base64url. Session ids and tokens are stored as their sha256 only: a copy of
 *   the database lets nobody log in. They are high-entropy, so a fast hash is enough; passwords,
 *   chosen by people, get argon2id (the library's defaults: m = 19 MiB, t = 2, p = 1, the OWASP
 *   recommendation).
 * - A session ends 12 h after its last use or 7 days after login, whichever comes first. Its last
 *   use is written at most once a minute.
 * - Throttling counts failed logins in the database (`login_attempt`), so it holds across server
 *   processes: 5 failures for one email (since its last success) or 20 from one client address
 *   within 15 minutes lock further attempts until the oldest of those failures is 15 minutes old.
 *   A locked attempt is refused before the password is checked and is not counted, so an attacker
 *   cannot extend the lock forever; it is answered with 429 and Retry-After.
 * - A wrong email and a wrong password get the same answer, after the same argon2 work.
 * - Machine tokens act as reporters of their provinces (`Principal.role = "reporter"`), never more.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import {
  type Actor,
  type AreaScope,
  actorName,
  CLI_ACTOR,
  canonicalAreas,
  formatAreaScope,
  isEmail,
  type MachineToken,
  normalizeEmail,
  type Principal,
  passwordProblem,
  type Role,
  type User,
} from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import {
  countUsers,
  deleteDeadSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  deleteUserSessions,
  deleteUsersByEmailSuffix,
  existingEmails,
  existingProvinces,
  findActiveTokenByHash,
  findLiveSession,
  findToken,
  findUserByEmail,
  findUserById,
  insertLoginAttempt,
  insertSession,
  insertToken,
  insertUser,
  listProvinces,
  listTokens,
  listUsers,
  recentFailures,
  revokeToken,
  setLastLogin,
  setUserAreas,
  touchSession,
  touchToken,
  type UserWithHash,
  updateUser,
} from "../store/auth-repo.ts";
import type { Store } from "../store/db.ts";
import { recordAudit } from "./audit.ts";
import { assertCan, canAdmin } from "./permissions.ts";

export const SESSION_COOKIE = "dxm_session";
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
const SESSION_TOUCH_MS = 60 * 1000;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES_PER_EMAIL = 5;
export const LOGIN_MAX_FAILURES_PER_IP = 20;
const LOGIN_ATTEMPTS_KEPT_MS = 24 * 60 * 60 * 1000;
export const TOKEN_PREFIX = "dxm_";
export const ADMIN_EMAIL = "admin@dxmonitor.local";
export const DEMO_EMAIL_DOMAIN = "demo.dxmonitor.local";

const SECRET = /^[A-Za-z0-9_-]{43}$/;
const TOKEN = /^dxm_[A-Za-z0-9_-]{43}$/;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A random password for a new account or a reset: 24 characters, shown once. */
export function generatePassword(): string {
  return randomSecret(18);
}

/** Compares two strings in constant time (for equal lengths). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the email is unknown, so both cases take the same time. */
function dummyHash(): Promise<string> {
  dummy ??= hash("dxmonitor timing equaliser");
  return dummy;
}

function assertAdmin(by: Actor | null, what: string): asserts by is Actor {
  if (by?.kind === "system") return;
  assertCan(canAdmin(by), by, what);
}

export function principalOf(user: User): Principal {
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    areas: user.areas,
  };
}

function tokenPrincipal(t: MachineToken): Principal {
  return { kind: "token", id: t.id, email: null, name: t.name, role: "reporter", areas: t.areas };
}

/** What the audit log keeps of a user. */
function userSnapshot(u: User): Record<string, unknown> {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    areas: u.areas.map(formatAreaScope),
    disabled: u.disabled,
  };
}

function tokenSnapshot(t: MachineToken): Record<string, unknown> {
  return {
    name: t.name,
    prefix: t.prefix,
    areas: t.areas.map(formatAreaScope),
    revoked_at: t.revokedAt?.toISOString() ?? null,
  };
}

function withoutHash(u: UserWithHash): User {
  const { passwordHash: _, ...user } = u;
  return user;
}

// ---------------------------------------------------------------------------------------------
// Login throttling

/** Seconds until a login for this email from this address may be tried again; 0 when it may now. */
export async function loginWaitSeconds(
  store: Store,
  email: string,
  ip: string,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    recentFailures(store.db, { email }, since, LOGIN_MAX_FAILURES_PER_EMAIL),
    recentFailures(store.db, { ip }, since, LOGIN_MAX_FAILURES_PER_IP),
  ]);
  let until = 0;
  if (byEmail.length >= LOGIN_MAX_FAILURES_PER_EMAIL) {
    until = Math.max(until, byEmail[byEmail.length - 1]!.getTime() + LOGIN_WINDOW_MS);
  }
  if (byIp.length >= LOGIN_MAX_FAILURES_PER_IP) {
    until = Math.max(until, byIp[byIp.length - 1]!.getTime() + LOGIN_WINDOW_MS);
  }
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

function badCredentials(): DxmError {
  return new DxmError("unauthorized", "The email or the password is not correct", {
    messageVi: "Email hoặc mật khẩu không đúng",
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface LoginInput {
  email: string;
  password: string;
  /** The client's address, for throttling. */
  ip: string;
  userAgent?: string | undefined;
  /** The hash of the session this browser had before, ended on login (no session fixation). */
  previousSessionIdHash?: string | undefined;
}

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  readonly id: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export type LoginResult =
  | { readonly kind: "ok"; readonly user: User; readonly session: NewSession }
  | { readonly kind: "throttled"; readonly retryAfterSeconds: number };

/**
 * Checks the credentials and opens a session. Wrong email or password → `unauthorized` with one
 * message for both; a disabled account (with the right password) → `forbidden`; too many failures
 * → `{ kind: "throttled" }`.
 */
export async function login(store: Store, input: LoginInput, now = new Date()): Promise<LoginResult> {
  const email = normalizeEmail(input.email).slice(0, 320);
  const ip = input.ip.slice(0, 100) || "unknown";
  const wait = await loginWaitSeconds(store, email, ip, now);
  if (wait > 0) return { kind: "throttled", retryAfterSeconds: wait };

  const user = await findUserByEmail(store.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await insertLoginAttempt(store.db, { email, ip, success: false }, now);
    throw badCredentials();
  }
  if (user.disabled) {
    await insertLoginAttempt(store.db, { email, ip, success: false }, now);
    throw new DxmError("forbidden", "This account is disabled: ask an administrator", {
      messageVi: "Tài khoản này đã bị khóa: hãy liên hệ quản trị viên",
    });
  }
  const session: NewSession = {
    id: randomSecret(),
    csrfToken: randomSecret(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  };
  await store.db.transaction().execute(async (trx) => {
    if (input.previousSessionIdHash) await deleteSession(trx, input.previousSessionIdHash);
    await insertLoginAttempt(trx, { email, ip, success: true }, now);
    await insertSession(
      trx,
      {
        idHash: sha256(session.id),
        userId: user.id,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      },
      now,
    );
    await setLastLogin(trx, user.id, now);
    await recordAudit(trx, {
      actor: user.email,
      action: "login",
      entity: "user",
      entityKey: user.email,
      after: { ip },
    });
    // Housekeeping, cheap with the indexes: expired sessions and old attempts.
    await deleteDeadSessions(trx, now, new Date(now.getTime() - SESSION_IDLE_MS));
    await deleteLoginAttemptsBefore(trx, new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_MS));
  });
  return { kind: "ok", user: { ...withoutHash(user), lastLoginAt: now }, session };
}

export interface LiveSession {
  readonly principal: Principal;
  readonly user: User;
  /** sha256 of the cookie value: the session's key. */
  readonly idHash: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** The session of a cookie value, or null when unknown, expired, idle too long or of a disabled user. */
export async function authenticateSession(
  store: Store,
  cookieValue: string,
  now = new Date(),
): Promise<LiveSession | null> {
  if (!SECRET.test(cookieValue)) return null;
  const idHash = sha256(cookieValue);
  const s = await findLiveSession(store.db, idHash, now, new Date(now.getTime() - SESSION_IDLE_MS));
  if (!s) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > SESSION_TOUCH_MS) await touchSession(store.db, idHash, now);
  return {
    principal: principalOf(s.user),
    user: s.user,
    idHash,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
  };
}

/** Ends a session (logout). */
export async function logout(store: Store, session: { idHash: string }, by: Principal): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const n = await deleteSession(trx, session.idHash);
    if (n > 0) {
      await recordAudit(trx, {
        actor: actorName(by),
        action: "logout",
        entity: "user",
        entityKey: actorName(by),
      });
    }
  });
}

/** Ends every session of the person, this one included ("log out everywhere"); returns how many. */
export async function logoutEverywhere(store: Store, by: Principal | null): Promise<number> {
  assertCan(by?.kind === "user", by, "log out everywhere (machine tokens have no sessions)");
  return store.db.transaction().execute(async (trx) => {
    const n = await deleteUserSessions(trx, by!.id);
    await recordAudit(trx, {
      actor: actorName(by!),
      action: "logout_everywhere",
      entity: "user",
      entityKey: actorName(by!),
      after: { sessions_ended: n },
    });
    return n;
  });
}

export type PasswordChangeResult =
  | { readonly kind: "ok"; readonly sessionsEnded: number }
  | { readonly kind: "throttled"; readonly retryAfterSeconds: number };

/**
 * A person changes their own password. The current password is checked (a wrong one counts as a
 * failed login); every other session of theirs ends.
 */
export async function changePassword(
  store: Store,
  by: Principal | null,
  session: { idHash: string } | null,
  input: { current: string; next: string; ip: string },
  now = new Date(),
): Promise<PasswordChangeResult> {
  assertCan(by?.kind === "user", by, "change a password (machine tokens have none)");
  const user = await findUserById(store.db, by!.id);
  if (!user || user.disabled) throw badCredentials();
  const ip = input.ip.slice(0, 100) || "unknown";
  const wait = await loginWaitSeconds(store, user.email, ip, now);
  if (wait > 0) return { kind: "throttled", retryAfterSeconds: wait };
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    await insertLoginAttempt(store.db, { email: user.email, ip, success: false }, now);
    throw new DxmError("forbidden", "The current password is not correct", {
      field: "current",
      messageVi: "Mật khẩu hiện tại không đúng",
    });
  }
  const problem = passwordProblem(input.next);
  if (problem) throw new DxmError("invalid_body", `new: ${problem}`, { field: "new" });
  if (input.next === input.current) {
    throw new DxmError("invalid_body", "new: the new password must differ from the current one", {
      field: "new",
      messageVi: "Mật khẩu mới phải khác mật khẩu hiện tại",
    });
  }
  const passwordHash = await hashPassword(input.next);
  const sessionsEnded = await store.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { passwordHash }, now);
    const n = await deleteUserSessions(trx, user.id, session?.idHash);
    await recordAudit(trx, {
      actor: user.email,
      action: "password_change",
      entity: "user",
      entityKey: user.email,
      after: { other_sessions_ended: n },
    });
    return n;
  });
  return { kind: "ok", sessionsEnded };
}

// ---------------------------------------------------------------------------------------------
// Machine tokens

/** The principal of a bearer token, or null when it is malformed, unknown or revoked. */
export async function authenticateToken(
  store: Store,
  secret: string,
  now = new Date(),
): Promise<Principal | null> {
  if (!TOKEN.test(secret)) return null;
  const token = await findActiveTokenByHash(store.db, sha256(secret));
  if (!token) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
    await touchToken(store.db, token.id, now);
  }
  return tokenPrincipal(token);
}

function checkName(name: string, field: string, max: number): string {
  const n = name.trim();
  if (n.length < 1 || n.length > max) {
    throw new DxmError("invalid_body", `${field}: give a name of 1 to ${max} characters`, { field });
  }
  return n;
}

/** Checks that every area is a province that exists; returns them canonical (sorted, unique). */
async function checkProvinces(
  store: Store,
  areas: readonly AreaScope[],
  field: string,
): Promise<AreaScope[]> {
  const canonical = canonicalAreas(areas);
  if (canonical.length > 100) throw new DxmError("invalid_body", `${field}: at most 100 areas`, { field });
  const found = await existingProvinces(store.db, canonical);
  const missing = canonical.map(formatAreaScope).filter((k) => !found.has(k));
  if (missing.length) {
    throw new DxmError(
      "invalid_area",
      `${field}: not a province: ${missing.join(", ")} (give provinces as GEOGRAPHY:CODE, e.g. 2025:79)`,
      { field, messageVi: `${field}: không phải tỉnh, thành phố: ${missing.join(", ")}` },
    );
  }
  return canonical;
}

export async function createMachineToken(
  store: Store,
  by: Actor | null,
  input: { name: string; areas: readonly AreaScope[] },
  now = new Date(),
): Promise<{ token: MachineToken; secret: string }> {
  assertAdmin(by, "create machine tokens");
  const name = checkName(input.name, "name", 200);
  if (!input.areas.length) {
    throw new DxmError("invalid_body", "areas: a token needs at least one province", { field: "areas" });
  }
  const areas = await checkProvinces(store, input.areas, "areas");
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  const token = await store.db.transaction().execute(async (trx) => {
    const id = await insertToken(
      trx,
      { name, tokenHash: sha256(secret), prefix: secret.slice(0, 12), createdBy: actorName(by), areas },
      now,
    );
    const t = (await findToken(trx, id))!;
    await recordAudit(trx, {
      actor: actorName(by),
      action: "create",
      entity: "token",
      entityKey: String(id),
      after: tokenSnapshot(t),
    });
    return t;
  });
  return { token, secret };
}

export async function getMachineTokens(store: Store, by: Actor | null): Promise<MachineToken[]> {
  assertAdmin(by, "list machine tokens");
  return listTokens(store.db);
}

/** Revokes a token; revoking a revoked token changes nothing. */
export async function revokeMachineToken(
  store: Store,
  by: Actor | null,
  id: number,
  now = new Date(),
): Promise<MachineToken> {
  assertAdmin(by, "revoke machine tokens");
  return store.db.transaction().execute(async (trx) => {
    const before = await findToken(trx, id);
    if (!before) throw new DxmError("not_found", `No machine token ${id}`, { field: "id" });
    if (await revokeToken(trx, id, now)) {
      const after = (await findToken(trx, id))!;
      await recordAudit(trx, {
        actor: actorName(by),
        action: "revoke",
        entity: "token",
        entityKey: String(id),
        before: tokenSnapshot(before),
        after: tokenSnapshot(after),
      });
      return after;
    }
    return before;
  });
}

// ---------------------------------------------------------------------------------------------
// Users

export interface NewUserInput {
  email: string;
  name?: string | undefined;
  role: Role;
  areas?: readonly AreaScope[] | undefined;
  /** When absent a random password is generated and returned once. */
  password?: string | undefined;
}

async function checkRoleAreas(store: Store, role: Role, areas: readonly AreaScope[]): Promise<AreaScope[]> {
  if (role !== "reporter") {
    if (areas.length) {
      throw new DxmError("invalid_body", `areas: only a reporter has areas (this user is ${role})`, {
        field: "areas",
        messageVi: "areas: chỉ người báo cáo (reporter) mới được gán tỉnh",
      });
    }
    return [];
  }
  if (!areas.length) {
    throw new DxmError("invalid_body", "areas: a reporter needs at least one province, e.g. 2025:79", {
      field: "areas",
      messageVi: "areas: người báo cáo cần ít nhất một tỉnh, ví dụ 2025:79",
    });
  }
  return checkProvinces(store, areas, "areas");
}

/** Creates an account. Returns the generated password (shown once) when none was given. */
export async function createUser(
  store: Store,
  by: Actor | null,
  input: NewUserInput,
  now = new Date(),
): Promise<{ user: User; password: string | null }> {
  assertAdmin(by, "create users");
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) {
    throw new DxmError("invalid_body", `email: "${email.slice(0, 80)}" is not an email address`, {
      field: "email",
    });
  }
  const name = checkName(input.name ?? email.split("@")[0]!, "name", 200);
  const areas = await checkRoleAreas(store, input.role, input.areas ?? []);
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? generated!;
  const problem = passwordProblem(password);
  if (problem) throw new DxmError("invalid_body", `password: ${problem}`, { field: "password" });
  const passwordHash = await hashPassword(password);
  const user = await store.db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, { email, name, role: input.role, passwordHash, areas }, now);
    if (id === undefined) {
      throw new DxmError("conflict", `email: ${email} already has an account`, {
        field: "email",
        messageVi: `email: ${email} đã có tài khoản`,
      });
    }
    const u = withoutHash((await findUserById(trx, id))!);
    await recordAudit(trx, {
      actor: actorName(by),
      action: "create",
      entity: "user",
      entityKey: email,
      after: userSnapshot(u),
    });
    return u;
  });
  return { user, password: generated };
}

export async function getUsers(store: Store, by: Actor | null): Promise<User[]> {
  assertAdmin(by, "list users");
  return listUsers(store.db);
}

export interface UserUpdate {
  name?: string | undefined;
  role?: Role | undefined;
  areas?: readonly AreaScope[] | undefined;
  disabled?: boolean | undefined;
  /** Sets this password; ends the user's sessions. */
  password?: string | undefined;
  /** Generates a new password (returned once); ends the user's sessions. */
  resetPassword?: boolean | undefined;
}

/**
 * Changes a user's name, role, areas or state, or resets their password. Disabling or resetting
 * ends their sessions. The last active admin can be neither demoted nor disabled.
 */
export async function updateUserAccount(
  store: Store,
  by: Actor | null,
  id: number,
  changes: UserUpdate,
  now = new Date(),
): Promise<{ user: User; password: string | null }> {
  assertAdmin(by, "change users");
  const current = await findUserById(store.db, id);
  if (!current) throw new DxmError("not_found", `No user ${id}`, { field: "id" });
  const role = changes.role ?? current.role;
  // Areas follow the role: a reporter keeps theirs unless new ones are given; other roles have none.
  const areas =
    changes.areas !== undefined || changes.role !== undefined
      ? await checkRoleAreas(
          store,
          role,
          changes.areas ?? (role === "reporter" && current.role === "reporter" ? current.areas : []),
        )
      : undefined;
  const name = changes.name === undefined ? undefined : checkName(changes.name, "name", 200);
  if (changes.password !== undefined && changes.resetPassword) {
    throw new DxmError("invalid_body", "password: give a password or reset_password, not both", {
      field: "password",
    });
  }
  if (changes.password !== undefined) {
    const problem = passwordProblem(changes.password);
    if (problem) throw new DxmError("invalid_body", `password: ${problem}`, { field: "password" });
  }
  const generated = changes.resetPassword ? generatePassword() : null;
  const newPassword = changes.password ?? generated;
  const passwordHash = newPassword === null ? undefined : await hashPassword(newPassword);

  const user = await store.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new DxmError("not_found", `No user ${id}`, { field: "id" });
    const losesAdmin =
      before.role === "admin" && !before.disabled && (role !== "admin" || changes.disabled === true);
    if (losesAdmin && (await countUsers(trx, { role: "admin", activeOnly: true })) <= 1) {
      throw new DxmError("conflict", "At least one active admin must remain: create another admin first", {
        field: changes.disabled === true ? "disabled" : "role",
        messageVi: "Phải còn ít nhất một quản trị viên đang hoạt động: hãy tạo quản trị viên khác trước",
      });
    }
    await updateUser(
      trx,
      id,
      {
        ...(name !== undefined ? { name } : {}),
        ...(changes.role !== undefined ? { role } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
      },
      now,
    );
    if (areas !== undefined) await setUserAreas(trx, id, areas);
    if (changes.disabled === true || passwordHash !== undefined) await deleteUserSessions(trx, id);
    const after = withoutHash((await findUserById(trx, id))!);
    const b = userSnapshot(withoutHash(before));
    const a = userSnapshot(after);
    const changed = JSON.stringify(a) !== JSON.stringify(b);
    if (changed) {
      await recordAudit(trx, {
        actor: actorName(by),
        action: changes.disabled === true && !before.disabled ? "disable" : "update",
        entity: "user",
        entityKey: after.email,
        before: b,
        after: a,
      });
    }
    if (passwordHash !== undefined) {
      await recordAudit(trx, {
        actor: actorName(by),
        action: "password_reset",
        entity: "user",
        entityKey: after.email,
      });
    }
    return after;
  });
  return { user, password: generated };
}

/** The user with this email, for the command line. */
export async function findUserIdByEmail(store: Store, by: Actor | null, email: string): Promise<number> {
  assertAdmin(by, "look up users");
  const u = await findUserByEmail(store.db, normalizeEmail(email));
  if (!u) throw new DxmError("not_found", `No user with email ${normalizeEmail(email)}`, { field: "email" });
  return u.id;
}

// ---------------------------------------------------------------------------------------------
// First start and demo accounts

/**
 * On a database without any admin account, creates `admin@dxmonitor.local` with a random password
 * and returns it, to be printed once. Otherwise null. Safe when two processes start at once: the
 * email is unique, the loser gets null.
 */
export async function ensureAdmin(store: Store): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(store.db, { role: "admin" })) > 0) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const created = await store.db.transaction().execute(async (trx) => {
    if ((await countUsers(trx, { role: "admin" })) > 0) return false;
    const id = await insertUser(
      trx,
      { email: ADMIN_EMAIL, name: "Administrator", role: "admin", passwordHash, areas: [] },
      now,
    );
    if (id === undefined) return false;
    await recordAudit(trx, {
      actor: "system",
      action: "create",
      entity: "user",
      entityKey: ADMIN_EMAIL,
      after: { email: ADMIN_EMAIL, role: "admin", first_start: true },
    });
    return true;
  });
  return created ? { email: ADMIN_EMAIL, password } : null;
}

export interface DemoUser {
  email: string;
  password: string;
  role: Role;
  /** `2025:79` … */
  areas: string[];
}

export const DEMO_REVIEWER = {
  email: `reviewer@${DEMO_EMAIL_DOMAIN}`,
  password: "reviewer-demo-2025",
} as const;
export const DEMO_ANALYST = { email: `analyst@${DEMO_EMAIL_DOMAIN}`, password: "analyst-demo-2025" } as const;

/** The demo reporter of a 2025 province: `reporter-79@demo.dxmonitor.local`, password `demo-79-2025`. */
export function demoReporter(code: string): { email: string; password: string } {
  return { email: `reporter-${code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`, password: `demo-${code}-2025` };
}

/**
 * Demo mode only: one reporter per 2025 province, one reviewer, one analyst, with the fixed,
 * documented passwords above. Idempotent: existing accounts are left as they are (a changed
 * password stays changed). Returns every demo account with its documented password.
 */
export async function ensureDemoUsers(store: Store): Promise<DemoUser[]> {
  const provinces = await listProvinces(store.db, "2025");
  const specs: (DemoUser & { name: string })[] = [
    ...provinces.map((p) => ({
      ...demoReporter(p.code),
      role: "reporter" as const,
      areas: [`2025:${p.code}`],
      name: `Demo — ${p.nameVi}`,
    })),
    { ...DEMO_REVIEWER, role: "reviewer", areas: [], name: "Demo reviewer" },
    { ...DEMO_ANALYST, role: "analyst", areas: [], name: "Demo analyst" },
  ];
  const existing = await existingEmails(
    store.db,
    specs.map((s) => s.email),
  );
  const missing = specs.filter((s) => !existing.has(s.email));
  if (missing.length) {
    const hashes = await Promise.all(missing.map((s) => hashPassword(s.password)));
    const now = new Date();
    await store.db.transaction().execute(async (trx) => {
      for (const [i, s] of missing.entries()) {
        const areas = s.areas.map((a) => ({ geography: "2025" as const, code: a.slice(5) }));
        const id = await insertUser(
          trx,
          { email: s.email, name: s.name, role: s.role, passwordHash: hashes[i]!, areas },
          now,
        );
        if (id !== undefined) {
          await recordAudit(trx, {
            actor: "seed",
            action: "create",
            entity: "user",
            entityKey: s.email,
            after: { email: s.email, role: s.role, areas: s.areas, demo: true },
          });
        }
      }
    });
  }
  return specs.map(({ name: _, ...s }) => s);
}

/** Removes the demo accounts (with `dxm demo remove`). Returns their emails. */
export async function removeDemoUsers(store: Store, by: Actor = CLI_ACTOR): Promise<string[]> {
  return store.db.transaction().execute(async (trx) => {
    const removed = await deleteUsersByEmailSuffix(trx, `@${DEMO_EMAIL_DOMAIN}`);
    if (removed.length) {
      await recordAudit(trx, {
        actor: actorName(by),
        action: "delete",
        entity: "user",
        entityKey: `*@${DEMO_EMAIL_DOMAIN}`,
        before: { emails: removed },
      });
    }
    return removed;
  });
}
