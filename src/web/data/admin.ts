/**
 * The administration API (`/api/v1/users`, `/tokens`, `/audit`, `/validation-rules`) and the
 * read-only catalogue the admin pages show. Secrets — a generated password, a new token — come back
 * once, in the answer that creates them, and are never stored by the browser.
 */
import { useQuery } from "@tanstack/react-query";
import { API_BASE } from "./client.ts";
import { request } from "./reporting.ts";

export interface AreaRef {
  readonly geography: string;
  readonly code: string;
}

export interface AdminUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly areas: readonly AreaRef[];
  readonly disabled: boolean;
  readonly created_at: string;
  readonly last_login_at: string | null;
}

export interface AdminToken {
  readonly id: number;
  readonly name: string;
  readonly prefix: string;
  readonly areas: readonly AreaRef[];
  readonly created_by: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entity_key: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A rule as the admin form edits it (the rule's own field names). */
export interface Rule {
  readonly id: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly left: string;
  readonly operator: string;
  readonly right: string;
  readonly importance: string;
  readonly missing: string;
  readonly messageVi?: string;
  readonly messageEn?: string;
  readonly enabled: boolean;
}

/** A rule as `GET /validation-rules` returns it. */
interface RuleJson {
  readonly id: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly left: string;
  readonly operator: string;
  readonly right: string;
  readonly importance: string;
  readonly missing: string;
  readonly message_vi: string | null;
  readonly message_en: string | null;
  readonly enabled: boolean;
}

function ruleOf(r: RuleJson): Rule {
  return {
    id: r.id,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    left: r.left,
    operator: r.operator,
    right: r.right,
    importance: r.importance,
    missing: r.missing,
    ...(r.message_vi ? { messageVi: r.message_vi } : {}),
    ...(r.message_en ? { messageEn: r.message_en } : {}),
    enabled: r.enabled,
  };
}

export interface Province {
  readonly geography: string;
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
}

export interface CatalogueIndicator {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly unit: string;
  readonly pillar: string;
  readonly formula: string;
  readonly frequency: string;
  readonly source: string | null;
  readonly targets: readonly {
    readonly geography: string;
    readonly area: string;
    readonly year: number;
    readonly comparator: string;
    readonly value: number;
    readonly source: string;
  }[];
}

export const ADMIN_KEY = ["admin"] as const;

export function useUsersQuery() {
  return useQuery({
    queryKey: [...ADMIN_KEY, "users"],
    queryFn: () => request<{ items: AdminUser[] }>("GET", "/users"),
    select: (r) => r.items,
  });
}

export function createUser(input: {
  email: string;
  name?: string;
  role: string;
  areas: readonly AreaRef[];
  password?: string;
}): Promise<{ user: AdminUser; password?: string }> {
  return request("POST", "/users", input);
}

export function updateUser(
  id: number,
  change: { disabled?: boolean; reset_password?: boolean },
): Promise<{ user: AdminUser; password?: string }> {
  return request("PATCH", `/users/${id}`, change);
}

export function useTokensQuery() {
  return useQuery({
    queryKey: [...ADMIN_KEY, "tokens"],
    queryFn: () => request<{ items: AdminToken[] }>("GET", "/tokens"),
    select: (r) => r.items,
  });
}

export function createToken(
  name: string,
  areas: readonly AreaRef[],
): Promise<{ token: AdminToken; secret: string }> {
  return request("POST", "/tokens", { name, areas });
}

export function revokeToken(id: number): Promise<void> {
  return request("DELETE", `/tokens/${id}`);
}

export function useRulesQuery() {
  return useQuery({
    queryKey: [...ADMIN_KEY, "rules"],
    queryFn: () => request<{ items: RuleJson[] }>("GET", "/validation-rules"),
    select: (r) => r.items.map(ruleOf),
  });
}

export function saveRule(rule: Rule): Promise<unknown> {
  return request("PUT", `/validation-rules/${encodeURIComponent(rule.id)}`, {
    name_vi: rule.nameVi,
    name_en: rule.nameEn,
    left: rule.left,
    operator: rule.operator,
    right: rule.right,
    importance: rule.importance,
    missing: rule.missing,
    ...(rule.messageVi ? { message_vi: rule.messageVi } : {}),
    ...(rule.messageEn ? { message_en: rule.messageEn } : {}),
    enabled: rule.enabled,
  });
}

export interface AuditFilters {
  readonly actor: string;
  readonly action: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly from: string;
  /** `YYYY-MM-DD`, inclusive (sent as the next day, since the API's `until` is exclusive). */
  readonly to: string;
}

/** The query string of the audit filters, shared by the page and the CSV link. */
export function auditParams(f: AuditFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.actor.trim()) q.set("actor", f.actor.trim());
  if (f.action.trim()) q.set("action", f.action.trim());
  if (f.from) q.set("since", f.from);
  if (f.to) {
    const next = new Date(`${f.to}T00:00:00Z`);
    if (!Number.isNaN(next.getTime())) {
      next.setUTCDate(next.getUTCDate() + 1);
      q.set("until", next.toISOString().slice(0, 10));
    }
  }
  return q;
}

export const AUDIT_PAGE = 50;

export function useAuditQuery(filters: AuditFilters, offset: number) {
  return useQuery({
    queryKey: [...ADMIN_KEY, "audit", filters, offset],
    queryFn: () => {
      const q = auditParams(filters);
      q.set("limit", String(AUDIT_PAGE));
      q.set("offset", String(offset));
      return request<{ items: AuditEntry[]; next_offset: number | null }>("GET", `/audit?${q}`);
    },
  });
}

export function auditCsvUrl(filters: AuditFilters): string {
  const q = auditParams(filters).toString();
  return `${API_BASE}/audit.csv${q ? `?${q}` : ""}`;
}

export function useProvincesQuery() {
  return useQuery({
    queryKey: ["catalogue", "provinces-2025"],
    queryFn: () => request<{ items: Province[] }>("GET", "/areas?geography=2025&level=province"),
    select: (r) => r.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCatalogueQuery() {
  return useQuery({
    queryKey: ["catalogue", "indicators"],
    queryFn: () => request<{ items: CatalogueIndicator[] }>("GET", "/indicators"),
    select: (r) => r.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
