/**
 * Users, roles and who is acting (DESIGN §3 "User and role", §7). A request acts as a `Principal`:
 * a person logged in with a session, or a machine token of a provincial system. Machine tokens act
 * as reporters of their provinces and nothing more. The command line acts as the `system`, which
 * an operator with access to the database is anyway.
 */
import type { Geography } from "./area.ts";

export type Role = "admin" | "reviewer" | "reporter" | "analyst";
export const ROLES: readonly Role[] = ["admin", "reviewer", "reporter", "analyst"];

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** A province a reporter or a machine token may write: (geography, code). */
export interface AreaScope {
  readonly geography: Geography;
  readonly code: string;
}

export interface Principal {
  readonly kind: "user" | "token";
  readonly id: number;
  readonly email: string | null;
  readonly name: string;
  readonly role: Role;
  /** provinces a reporter (or a token) may write: geography + code */
  readonly areas: readonly AreaScope[];
}

/** The command line (an operator with access to the database). */
export interface SystemActor {
  readonly kind: "system";
  readonly name: string;
}

export type Actor = Principal | SystemActor;

export const CLI_ACTOR: SystemActor = Object.freeze({ kind: "system", name: "cli" });

/** The `actor` written in the audit log: the email of a person, `token:ID` for a machine token. */
export function actorName(a: Actor): string {
  if (a.kind === "system") return a.name;
  if (a.kind === "token") return `token:${a.id}`;
  return a.email ?? `user:${a.id}`;
}

/** A user as the services return it (never with the password hash). */
export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly areas: readonly AreaScope[];
  readonly disabled: boolean;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
}

/** A machine token as listed (never with its secret or hash). */
export interface MachineToken {
  readonly id: number;
  readonly name: string;
  /** The first characters of the secret, to tell tokens apart. */
  readonly prefix: string;
  readonly areas: readonly AreaScope[];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `a password has at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `a password has at most ${PASSWORD_MAX} characters`;
  if (password.trim().length === 0) return "a password cannot be only spaces";
  return undefined;
}

/** Emails are compared lower-case and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

/** Parses `2025:79` into an area scope; undefined when malformed. */
export function parseAreaScope(text: string): AreaScope | undefined {
  const m = /^(2008|2025):([A-Z0-9_]{1,32})$/.exec(text.trim());
  if (!m) return undefined;
  return { geography: m[1] as Geography, code: m[2]! };
}

export function formatAreaScope(a: AreaScope): string {
  return `${a.geography}:${a.code}`;
}

/** Removes duplicates and sorts, so that stored and compared scopes are canonical. */
export function canonicalAreas(areas: readonly AreaScope[]): AreaScope[] {
  const seen = new Map<string, AreaScope>();
  for (const a of areas) seen.set(formatAreaScope(a), { geography: a.geography, code: a.code });
  return [...seen.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, a]) => a);
}
