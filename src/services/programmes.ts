/**
 * Action programmes (DESIGN §3): reading them with their effective status, the indicators they
 * should move and their progress classes, and the writes of reviewers (create, change, set a status
 * with a reason, append an update), each recorded in the audit log in the same transaction.
 *
 * Choices:
 * - Status: `methods/programme-status.ts` decides (reviewer / deadline / indicators / default); both
 *   the reviewer's status (with reason, who, when) and the status derived from the indicators are
 *   returned, so both are visible.
 * - The clock is a parameter (`now`): whether a programme is late depends on today's date in
 *   Vietnam, and tests move the clock instead of waiting.
 * - An indicator's headline progress: computed with `services/progress.ts` for the programme's
 *   scope (its province, or the nation VN in the 2025 geography), on the first series with data in
 *   the order gso_official, mic_estimate, reported, demo (official figures first; demo last), against
 *   the earliest target whose year is not before this year (the latest target when all have passed).
 * - Writes are for reviewers and admins (`canReview`); reads are public (programmes are public
 *   information, and the indicator values used are published ones).
 */
import { loadProgrammes } from "../catalog/programmes.ts";
import type { Geography } from "../domain/area.ts";
import { NATION_CODE } from "../domain/area.ts";
import { type Actor, actorName } from "../domain/auth.ts";
import { DxmError } from "../domain/errors.ts";
import {
  type EvidenceLink,
  evidenceUrlProblem,
  leadAgencies,
  type ProgrammeStatus,
  type ProgrammeUpdate,
} from "../domain/programme.ts";
import {
  effectiveStatus,
  programmeRag,
  type Rag,
  ragOfClass,
  type StatusSource,
  statusOfRag,
  vietnamDate,
} from "../methods/programme-status.ts";
import type { ProgressClass } from "../methods/progress.ts";
import { listAreas, listIndicators } from "../store/catalog-repo.ts";
import type { Store } from "../store/db.ts";
import {
  getProgrammeRow,
  insertProgramme,
  insertProgrammeUpdate,
  listProgrammeRows,
  listProgrammeUpdates,
  type ProgrammeChanges,
  type ProgrammeRow,
  updateProgrammeRow,
} from "../store/programmes-repo.ts";
import { recordAudit } from "./audit.ts";
import { assertCan, canReview } from "./permissions.ts";
import { getProgress, type ProgressItem } from "./progress.ts";

const SERIES_PREFERENCE = ["gso_official", "mic_estimate", "reported", "demo"];

export interface ProgrammeIndicatorView {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly series: string | null;
  readonly class: ProgressClass | null;
  readonly rag: Rag | null;
  readonly latest: { year: number; value: number } | null;
  readonly target: { year: number; comparator: string; value: number; source: string } | null;
}

export interface ProgrammeView {
  readonly id: number;
  readonly key: string | null;
  readonly titleVi: string;
  readonly titleEn: string;
  readonly leadVi: string;
  readonly leadEn: string;
  readonly source: string | null;
  readonly scope: { geography: Geography; area: string; nameVi: string; nameEn: string } | null;
  readonly start: string;
  readonly deadline: string | null;
  readonly status: ProgrammeStatus;
  readonly statusSource: StatusSource;
  readonly overdue: boolean;
  readonly reviewerStatus: { status: ProgrammeStatus; reason: string; by: string; at: Date } | null;
  readonly derived: { status: ProgrammeStatus; rag: Rag } | null;
  readonly progress: number | null;
  readonly evidence: readonly EvidenceLink[];
  readonly indicators: readonly ProgrammeIndicatorView[];
  readonly updates: readonly ProgrammeUpdate[];
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ProgrammeFilter {
  /** An agency: matches a programme one of whose lead agencies has this name (vi or en, any case). */
  lead?: string;
  status?: readonly ProgrammeStatus[];
  geography?: Geography;
  area?: string;
}

function headline(items: readonly ProgressItem[], year: number): ProgressItem | undefined {
  if (!items.length) return undefined;
  const rank = (s: string) => {
    const i = SERIES_PREFERENCE.indexOf(s);
    return i < 0 ? SERIES_PREFERENCE.length : i;
  };
  const series = [...new Set(items.map((i) => i.series))].sort(
    (a, b) => rank(a) - rank(b) || (a < b ? -1 : 1),
  )[0];
  const ofSeries = items.filter((i) => i.series === series).sort((a, b) => a.target.year - b.target.year);
  return ofSeries.find((i) => i.target.year >= year) ?? ofSeries[ofSeries.length - 1];
}

async function buildViews(store: Store, rows: readonly ProgrammeRow[], now: Date): Promise<ProgrammeView[]> {
  if (!rows.length) return [];
  const today = vietnamDate(now);
  const year = Number(today.slice(0, 4));
  const [indicators, updates] = await Promise.all([
    listIndicators(store.db),
    listProgrammeUpdates(
      store.db,
      rows.map((r) => r.id),
    ),
  ]);
  const indicatorByCode = new Map(indicators.map((i) => [i.code, i]));
  // One progress computation per scope, for every indicator of the programmes in it.
  const scopeKey = (r: ProgrammeRow) => `${r.scope?.geography ?? "2025"}|${r.scope?.area ?? NATION_CODE}`;
  const groups = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = groups.get(scopeKey(r)) ?? new Set<string>();
    for (const c of r.indicators) set.add(c);
    groups.set(scopeKey(r), set);
  }
  const progress = new Map<string, ProgressItem[]>();
  const areaNames = new Map<string, { nameVi: string; nameEn: string }>();
  for (const [key, codes] of groups) {
    const [geography, area] = key.split("|") as [Geography, string];
    if (area !== NATION_CODE) {
      const a = (await listAreas(store.db, { geography: [geography] })).find((x) => x.code === area);
      if (a) areaNames.set(key, { nameVi: a.nameVi, nameEn: a.nameEn });
    }
    if (!codes.size) continue;
    const items = await getProgress(store, { indicator: [...codes], geography, area: [area] });
    for (const it of items) {
      const k = `${key}|${it.indicator}`;
      progress.set(k, [...(progress.get(k) ?? []), it]);
    }
  }
  return rows.map((r) => {
    const ind: ProgrammeIndicatorView[] = r.indicators.map((code) => {
      const def = indicatorByCode.get(code);
      const h = headline(progress.get(`${scopeKey(r)}|${code}`) ?? [], year);
      const x = h?.inputs;
      return {
        code,
        nameVi: def?.nameVi ?? code,
        nameEn: def?.nameEn ?? code,
        unit: def?.unit ?? "",
        series: h?.series ?? null,
        class: h?.class ?? null,
        rag: h ? ragOfClass(h.class) : null,
        latest: x && x.xc !== null && x.tc !== null ? { year: x.tc, value: x.xc } : null,
        target: h
          ? {
              year: h.target.year,
              comparator: h.target.comparator,
              value: h.target.value,
              source: h.target.source,
            }
          : null,
      };
    });
    const rag = programmeRag(ind.flatMap((i) => (i.class === null ? [] : [i.class])));
    const derivedStatus = statusOfRag(rag);
    const eff = effectiveStatus({
      deadline: r.deadline,
      today,
      reviewerStatus: r.status,
      derivedStatus,
    });
    const names = areaNames.get(scopeKey(r));
    return {
      id: r.id,
      key: r.key,
      titleVi: r.titleVi,
      titleEn: r.titleEn,
      leadVi: r.leadVi,
      leadEn: r.leadEn,
      source: r.source,
      scope: r.scope
        ? {
            ...r.scope,
            nameVi: names?.nameVi ?? r.scope.area,
            nameEn: names?.nameEn ?? r.scope.area,
          }
        : null,
      start: r.start,
      deadline: r.deadline,
      status: eff.status,
      statusSource: eff.source,
      overdue: eff.overdue,
      reviewerStatus:
        r.status !== null
          ? {
              status: r.status,
              reason: r.statusReason ?? "",
              by: r.statusSetBy ?? "",
              at: r.statusSetAt ?? r.updatedAt,
            }
          : null,
      derived: derivedStatus !== null && rag !== null ? { status: derivedStatus, rag } : null,
      progress: r.progress,
      evidence: r.evidence,
      indicators: ind,
      updates: updates.get(r.id) ?? [],
      version: r.version,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

function matchesLead(r: ProgrammeRow, lead: string): boolean {
  const want = lead.trim().toLocaleLowerCase("vi");
  return [...leadAgencies(r.leadVi), ...leadAgencies(r.leadEn)].some(
    (a) => a.toLocaleLowerCase("vi") === want,
  );
}

/** Every programme matching the filter, in id order (the catalogue's first). Public. */
export async function listProgrammes(
  store: Store,
  filter: ProgrammeFilter,
  now: Date,
): Promise<ProgrammeView[]> {
  let rows = await listProgrammeRows(store.db);
  if (filter.lead !== undefined) rows = rows.filter((r) => matchesLead(r, filter.lead!));
  if (filter.geography !== undefined)
    rows = rows.filter((r) => (r.scope?.geography ?? null) === filter.geography);
  if (filter.area !== undefined) {
    rows = rows.filter((r) => (r.scope?.area ?? NATION_CODE) === filter.area);
  }
  const views = await buildViews(store, rows, now);
  return filter.status?.length ? views.filter((v) => filter.status!.includes(v.status)) : views;
}

/** The lead agencies of all programmes (for a filter), each once, in both languages. */
export async function listLeadAgencies(store: Store): Promise<{ vi: string; en: string }[]> {
  const rows = await listProgrammeRows(store.db);
  const seen = new Map<string, { vi: string; en: string }>();
  for (const r of rows) {
    const vi = leadAgencies(r.leadVi);
    const en = leadAgencies(r.leadEn);
    vi.forEach((v, i) => {
      const e = en.length === vi.length ? en[i]! : v;
      if (!seen.has(e)) seen.set(e, { vi: v, en: e });
    });
  }
  return [...seen.values()];
}

export async function getProgramme(store: Store, id: number, now: Date): Promise<ProgrammeView> {
  const row = await getProgrammeRow(store.db, id);
  if (!row) {
    throw new DxmError("not_found", `No programme ${id}`, {
      field: "id",
      messageVi: `Không có chương trình ${id}`,
    });
  }
  return (await buildViews(store, [row], now))[0]!;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: string, v: string): void {
  const ok =
    DATE.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  if (!ok) {
    throw new DxmError("invalid_body", `${field}: "${v}" is not a date YYYY-MM-DD`, {
      field,
      messageVi: `${field}: "${v}" không phải ngày dạng YYYY-MM-DD`,
    });
  }
}

function checkEvidence(evidence: readonly EvidenceLink[]): void {
  evidence.forEach((e, i) => {
    const problem = evidenceUrlProblem(e.url);
    if (problem) {
      throw new DxmError("invalid_body", `evidence.${i}.url: ${problem}`, {
        field: `evidence.${i}.url`,
        messageVi: `evidence.${i}.url: liên kết minh chứng phải là địa chỉ http hoặc https hợp lệ`,
      });
    }
  });
}

async function checkIndicators(store: Store, codes: readonly string[]): Promise<void> {
  const known = new Set((await listIndicators(store.db)).map((i) => i.code));
  codes.forEach((c, i) => {
    if (!known.has(c)) {
      throw new DxmError("unknown_code", `indicators.${i}: no indicator ${c}`, {
        field: `indicators.${i}`,
        messageVi: `indicators.${i}: không có chỉ tiêu ${c}`,
      });
    }
  });
  if (new Set(codes).size !== codes.length) {
    throw new DxmError("invalid_body", "indicators: an indicator is listed twice", {
      field: "indicators",
      messageVi: "indicators: một chỉ tiêu bị liệt kê hai lần",
    });
  }
}

async function checkScope(store: Store, scope: { geography: Geography; area: string } | null): Promise<void> {
  if (scope === null) return;
  const areas = await listAreas(store.db, { geography: [scope.geography] });
  if (!areas.some((a) => a.code === scope.area)) {
    throw new DxmError(
      "invalid_area",
      `area: ${scope.area} is not an area of the ${scope.geography} geography`,
      {
        field: "area",
        messageVi: `area: ${scope.area} không phải đơn vị hành chính của địa giới ${scope.geography}`,
      },
    );
  }
}

function checkDeadline(start: string, deadline: string | null): void {
  if (deadline !== null && deadline < start) {
    throw new DxmError("invalid_body", `deadline: ${deadline} is before the start ${start}`, {
      field: "deadline",
      messageVi: `deadline: hạn ${deadline} trước ngày bắt đầu ${start}`,
    });
  }
}

/**
 * The name shown publicly beside a status or an update: a person's display name (their email stays
 * in the audit log, for admins only).
 */
function publicName(by: Actor): string {
  return by.kind === "user" ? by.name : actorName(by);
}

function assertReviewer(by: Actor | null, what: string): void {
  if (by?.kind === "system") return;
  assertCan(canReview(by), by, what);
}

export interface NewProgrammeInput {
  titleVi: string;
  titleEn: string;
  leadVi: string;
  leadEn: string;
  source?: string | null;
  scope?: { geography: Geography; area: string } | null;
  start?: string;
  deadline?: string | null;
  progress?: number | null;
  evidence?: readonly EvidenceLink[];
  indicators?: readonly string[];
}

export async function createProgramme(
  store: Store,
  by: Actor | null,
  input: NewProgrammeInput,
  now: Date,
): Promise<ProgrammeView> {
  assertReviewer(by, "create action programmes");
  const start = input.start ?? vietnamDate(now);
  checkDate("start", start);
  if (input.deadline) checkDate("deadline", input.deadline);
  checkDeadline(start, input.deadline ?? null);
  checkEvidence(input.evidence ?? []);
  await checkIndicators(store, input.indicators ?? []);
  await checkScope(store, input.scope ?? null);
  const actor = actorName(by!);
  const id = await store.db.transaction().execute(async (trx) => {
    const newId = await insertProgramme(trx, {
      key: null,
      titleVi: input.titleVi,
      titleEn: input.titleEn,
      leadVi: input.leadVi,
      leadEn: input.leadEn,
      source: input.source ?? null,
      scope: input.scope ?? null,
      start,
      deadline: input.deadline ?? null,
      progress: input.progress ?? null,
      evidence: input.evidence ?? [],
      indicators: input.indicators ?? [],
      createdBy: actor,
    });
    const row = await getProgrammeRow(trx, newId!);
    await recordAudit(trx, {
      actor,
      action: "programme.create",
      entity: "programme",
      entityKey: String(newId),
      after: row,
    });
    return newId!;
  });
  return getProgramme(store, id, now);
}

export interface ProgrammePatch {
  titleVi?: string;
  titleEn?: string;
  leadVi?: string;
  leadEn?: string;
  scope?: { geography: Geography; area: string } | null;
  start?: string;
  deadline?: string | null;
  progress?: number | null;
  evidence?: readonly EvidenceLink[];
  indicators?: readonly string[];
  /** A reviewer's status (needs `statusReason`), or null to clear it (back to the derived one). */
  status?: ProgrammeStatus | null;
  statusReason?: string;
  /** Optimistic concurrency: the version the change was made on. */
  version?: number;
}

export async function updateProgramme(
  store: Store,
  by: Actor | null,
  id: number,
  patch: ProgrammePatch,
  now: Date,
): Promise<ProgrammeView> {
  assertReviewer(by, "change action programmes");
  const current = await getProgrammeRow(store.db, id);
  if (!current) {
    throw new DxmError("not_found", `No programme ${id}`, {
      field: "id",
      messageVi: `Không có chương trình ${id}`,
    });
  }
  if (patch.start !== undefined) checkDate("start", patch.start);
  if (patch.deadline) checkDate("deadline", patch.deadline);
  checkDeadline(
    patch.start ?? current.start,
    patch.deadline !== undefined ? patch.deadline : current.deadline,
  );
  if (patch.evidence) checkEvidence(patch.evidence);
  if (patch.indicators) await checkIndicators(store, patch.indicators);
  if (patch.scope !== undefined) await checkScope(store, patch.scope);
  const reason = patch.statusReason?.trim() ?? "";
  if (patch.status !== undefined && patch.status !== null && reason === "") {
    throw new DxmError("invalid_body", "status_reason: setting a status needs a reason", {
      field: "status_reason",
      messageVi: "status_reason: cần nêu lý do khi đặt trạng thái",
    });
  }
  if (patch.status === undefined && patch.statusReason !== undefined) {
    throw new DxmError("invalid_body", "status_reason: give it with a status", {
      field: "status_reason",
      messageVi: "status_reason: chỉ gửi kèm trạng thái (status)",
    });
  }
  const actor = actorName(by!);
  const changes: ProgrammeChanges = {
    ...(patch.titleVi !== undefined ? { titleVi: patch.titleVi } : {}),
    ...(patch.titleEn !== undefined ? { titleEn: patch.titleEn } : {}),
    ...(patch.leadVi !== undefined ? { leadVi: patch.leadVi } : {}),
    ...(patch.leadEn !== undefined ? { leadEn: patch.leadEn } : {}),
    ...(patch.scope !== undefined ? { scope: patch.scope } : {}),
    ...(patch.start !== undefined ? { start: patch.start } : {}),
    ...(patch.deadline !== undefined ? { deadline: patch.deadline } : {}),
    ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
    ...(patch.evidence !== undefined ? { evidence: patch.evidence } : {}),
    ...(patch.status !== undefined
      ? {
          status:
            patch.status === null ? null : { status: patch.status, reason, by: publicName(by!), at: now },
        }
      : {}),
  };
  await store.db.transaction().execute(async (trx) => {
    const ok = await updateProgrammeRow(trx, id, changes, patch.indicators, patch.version, now);
    if (!ok) {
      throw new DxmError(
        "conflict",
        `Programme ${id} was changed meanwhile (version ${patch.version}): reload it`,
        {
          field: "version",
          messageVi: `Chương trình ${id} vừa được người khác thay đổi (phiên bản ${patch.version}): hãy tải lại`,
        },
      );
    }
    const after = await getProgrammeRow(trx, id);
    await recordAudit(trx, {
      actor,
      action: patch.status !== undefined ? "programme.status" : "programme.update",
      entity: "programme",
      entityKey: String(id),
      before: current,
      after,
    });
  });
  return getProgramme(store, id, now);
}

/** Appends a dated update (author = the actor); updates are never changed or deleted. */
export async function addProgrammeUpdate(
  store: Store,
  by: Actor | null,
  id: number,
  text: string,
  now: Date,
): Promise<ProgrammeUpdate> {
  assertReviewer(by, "post updates of action programmes");
  if (text.trim() === "") {
    throw new DxmError("invalid_body", "text: an update needs text", {
      field: "text",
      messageVi: "text: nội dung cập nhật không được để trống",
    });
  }
  if (!(await getProgrammeRow(store.db, id))) {
    throw new DxmError("not_found", `No programme ${id}`, {
      field: "id",
      messageVi: `Không có chương trình ${id}`,
    });
  }
  const actor = actorName(by!);
  return store.db.transaction().execute(async (trx) => {
    const u = await insertProgrammeUpdate(trx, {
      programmeId: id,
      at: now,
      author: publicName(by!),
      text: text.trim(),
    });
    await recordAudit(trx, {
      actor,
      action: "programme.add_update",
      entity: "programme",
      entityKey: String(id),
      after: u,
    });
    return u;
  });
}

/** Inserts the catalogue's programmes that are not in the store yet (by key); never overwrites. */
export async function seedProgrammes(store: Store): Promise<number> {
  let added = 0;
  await store.db.transaction().execute(async (trx) => {
    for (const p of loadProgrammes()) {
      const id = await insertProgramme(trx, {
        key: p.key,
        titleVi: p.titleVi,
        titleEn: p.titleEn,
        leadVi: p.leadVi,
        leadEn: p.leadEn,
        source: p.sourceVi,
        scope: null,
        start: p.start,
        deadline: p.deadline,
        progress: null,
        evidence: p.evidence,
        indicators: p.indicators,
        createdBy: "seed",
      });
      if (id !== undefined) added++;
    }
  });
  return added;
}
