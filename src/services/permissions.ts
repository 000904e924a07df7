/**
 * Who may do what, as questions (`canWriteReport(p, area)`), pure and free of I/O. Services ask
 * them before every read of unpublished data and every write, and `assertCan` turns a "no" into
 * the right error: 401 when nobody is logged in, 403 when the person is not allowed.
 *
 * | role / kind      | drafts read     | report write    | review | admin |
 * |------------------|-----------------|-----------------|--------|-------|
 * | admin            | any area        | any area        | yes    | yes   |
 * | reviewer         | any area        | no              | yes    | no    |
 * | analyst          | any area        | no              | no     | no    |
 * | reporter         | own provinces   | own provinces   | no     | no    |
 * | machine token    | own provinces   | own provinces   | no     | no    |
 */
import type { Principal } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";

interface AreaLike {
  geography: string;
  code: string;
}

function inScope(p: Principal, area: AreaLike): boolean {
  return p.areas.some((a) => a.geography === area.geography && a.code === area.code);
}

function isScoped(p: Principal): boolean {
  return p.kind === "token" || p.role === "reporter";
}

/** Unpublished values and report drafts of an area. */
export function canReadDrafts(p: Principal | null, area: AreaLike): boolean {
  if (!p) return false;
  if (isScoped(p)) return inScope(p, area);
  return p.role === "admin" || p.role === "reviewer" || p.role === "analyst";
}

/** Filling, uploading and submitting an area's report. */
export function canWriteReport(p: Principal | null, area: AreaLike): boolean {
  if (!p) return false;
  if (isScoped(p)) return inScope(p, area);
  return p.role === "admin";
}

/** Approving, returning and reopening reports; releases. */
export function canReview(p: Principal | null): boolean {
  return p !== null && p.kind === "user" && (p.role === "reviewer" || p.role === "admin");
}

/** Users, tokens, audit log, validation rules. */
export function canAdmin(p: Principal | null): boolean {
  return p !== null && p.kind === "user" && p.role === "admin";
}

/**
 * Throws unless allowed: `unauthorized` (401) when nobody is logged in, `forbidden` (403) otherwise.
 * `what` completes "… is not allowed to <what>", e.g. "write the report of 2025:79".
 */
export function assertCan(allowed: boolean, p: Principal | null, what: string): void {
  if (allowed) return;
  if (!p) {
    throw new DxmError("unauthorized", `Log in to ${what}`, {
      messageVi: `Cần đăng nhập để ${what}`,
    });
  }
  const who = p.kind === "token" ? `Machine token ${p.id} (${p.name})` : `${p.email ?? p.name} (${p.role})`;
  throw new DxmError("forbidden", `${who} is not allowed to ${what}`, {
    messageVi: `${who} không có quyền: ${what}`,
  });
}
