/**
 * Action programmes (DESIGN §3 "Programme / task"): a programme has a lead agency, an optional
 * deadline and scope area (provincial plans have their own programmes), a status, a progress in
 * percent, evidence links, dated updates (append-only) and the indicators it should move.
 *
 * Choices:
 * - The lead agency is kept as written, in both languages; several agencies are separated by `;`
 *   ("Ministry of Information and Communications; provinces"), so a filter by owner can match any
 *   one of them.
 * - Evidence links are http(s) URLs only: a `javascript:` or `file:` link on a public page is a
 *   hazard, and anything else is not evidence a reader can open.
 */
import type { Geography } from "./area.ts";

export type ProgrammeStatus = "not_started" | "on_track" | "at_risk" | "late" | "done";
export const PROGRAMME_STATUSES: readonly ProgrammeStatus[] = [
  "not_started",
  "on_track",
  "at_risk",
  "late",
  "done",
];

export function isProgrammeStatus(s: string): s is ProgrammeStatus {
  return (PROGRAMME_STATUSES as readonly string[]).includes(s);
}

export interface EvidenceLink {
  readonly url: string;
  readonly label: string | null;
}

/** Why `url` is not an acceptable evidence link, or undefined when it is. */
export function evidenceUrlProblem(url: string): string | undefined {
  if (url.length > 2000) return "a link has at most 2000 characters";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url.slice(0, 80)}" is not an absolute URL`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `only http and https links are accepted (got ${parsed.protocol})`;
  }
  if (!parsed.hostname) return "a link needs a host name";
  return undefined;
}

/** The agencies of a lead text: `"A; B"` → `["A", "B"]`. */
export function leadAgencies(lead: string): string[] {
  return lead
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface ProgrammeScope {
  readonly geography: Geography;
  readonly area: string;
}

export interface ProgrammeUpdate {
  readonly id: number;
  readonly at: Date;
  readonly author: string;
  readonly text: string;
}
