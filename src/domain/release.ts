/**
 * Releases (DESIGN §3, §5): a snapshot of approved values published at a release time. Times are
 * stored in UTC and shown in Vietnam's time (Asia/Ho_Chi_Minh, UTC+07:00 all year: Vietnam has no
 * daylight saving time, so a fixed offset is exact and needs no time-zone database).
 */
import { DxmError } from "./errors.ts";

/** `published` is never stored: it is a scheduled release whose time has come. */
export type ReleaseState = "draft" | "scheduled" | "published";
export type ReleaseChangeKind = "new" | "revised" | "withdrawn";

export const VIETNAM_OFFSET = "+07:00";
const OFFSET_MS = 7 * 3600 * 1000;

export function releaseState(state: string, releaseAt: Date | null, now: Date): ReleaseState {
  if (state === "draft" || releaseAt === null) return "draft";
  return releaseAt.getTime() <= now.getTime() ? "published" : "scheduled";
}

const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A release time: ISO 8601 with an offset (`2026-12-15T09:00+07:00`, `2026-12-15T02:00Z`) or
 * without one, which is read as Vietnam's time. Throws `invalid_body` naming `field`.
 */
export function parseReleaseTime(text: string, field = "at"): Date {
  const m = TIME_RE.exec(text.trim());
  const bad = () =>
    new DxmError(
      "invalid_body",
      `${field}: "${text}" is not a date and time; use e.g. 2026-12-15T09:00+07:00 (Vietnam time when no offset is given)`,
      {
        field,
        messageVi: `${field}: "${text}" không phải ngày giờ hợp lệ; dùng dạng 2026-12-15T09:00+07:00 (giờ Việt Nam nếu không ghi múi giờ)`,
      },
    );
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s, zone] = m;
  const offset = zone ?? VIETNAM_OFFSET;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${offset === "Z" ? "Z" : offset}`);
  // Reject what Date silently rolls over (2026-02-30) by checking the fields read back.
  const local = new Date(date.getTime() + zoneMs(offset));
  if (
    Number.isNaN(date.getTime()) ||
    local.getUTCFullYear() !== Number(y) ||
    local.getUTCMonth() + 1 !== Number(mo) ||
    local.getUTCDate() !== Number(d) ||
    local.getUTCHours() !== Number(h)
  )
    throw bad();
  return date;
}

function zoneMs(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset[0] === "-" ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/** `2026-12-15T09:00:00+07:00`: an instant in Vietnam's time. */
export function formatVietnamTime(d: Date): string {
  const local = new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 19);
  return `${local}${VIETNAM_OFFSET}`;
}
