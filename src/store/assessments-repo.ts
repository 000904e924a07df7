/**
 * Self-assessments: submissions, each tax code's latest one, and the sums the statistics read
 * (migration 0006). Every write takes one advisory lock for the duration of its transaction, so the
 * sums maintained on write never race each other; submissions are small and quick, so serialising
 * them costs nothing noticeable. Quarters are those of Vietnam's time (UTC+7, no daylight saving).
 */
import { type Kysely, type Selectable, sql } from "kysely";
import type { CopySession, Store } from "./db.ts";
import type { Database } from "./schema.ts";
import type { AssessmentCellTable, AssessmentQuarterTable, AssessmentScores } from "./schema-assessments.ts";

type Db = Kysely<Database>;

/** Advisory lock key of assessment writes (any constant unique to this table family). */
const LOCK_KEY = 70_060_001;

export interface NewAssessment extends AssessmentScores {
  tax_code: string;
  name: string;
  province: string;
  /** The 2008 province when known (given, or implied by an unmerged 2025 province); '' otherwise. */
  province_2008: string;
  sector: string;
  size: string;
  answers: number[];
  platform_mask: number;
  fingerprint: string;
  source: "web" | "import" | "demo";
  result_token_hash: string | null;
  submitted_at: Date;
}

export interface AggregateSpec {
  /** Number of platforms in the list (the mask's width). */
  platforms: number;
  /** A firm with at least this many platforms counts as a regular user. */
  regularMin: number;
}

const SCORE_COLUMNS = [
  "s_customer",
  "s_strategy",
  "s_technology",
  "s_operations",
  "s_culture",
  "s_data",
  "overall",
  "level",
] as const;

const QUARTER_SQL = `to_char((submitted_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-"Q"Q')`;

function cellSelect(spec: AggregateSpec): string {
  const levels = [0, 1, 2, 3, 4, 5].map((l) => `count(*) FILTER (WHERE level = ${l})`).join(", ");
  const platforms = Array.from(
    { length: spec.platforms },
    (_, i) => `count(*) FILTER (WHERE platform_mask & ${2 ** i} <> 0)`,
  ).join(", ");
  return `province, province_2008, sector, size, count(*)::int AS n, count(*) FILTER (WHERE source = 'demo')::int AS demo,
    ARRAY[${levels}]::int[] AS levels,
    ARRAY[sum(s_customer), sum(s_strategy), sum(s_technology), sum(s_operations), sum(s_culture), sum(s_data)]::float8[] AS sum_pillars,
    sum(overall)::float8 AS sum_overall,
    ARRAY[${platforms || "0"}]::int[] AS platforms,
    count(*) FILTER (WHERE platform_mask <> 0)::int AS any_platform,
    count(*) FILTER (WHERE bit_count(platform_mask::bit(32)) >= ${Math.trunc(spec.regularMin)})::int AS regular_platform`;
}

/** Named, not positional: migration 0010 added province_2008 at the end of the table. */
const CELL_COLUMNS =
  "province, province_2008, sector, size, n, demo, levels, sum_pillars, sum_overall, platforms, any_platform, regular_platform";

const CELL_UPDATE = `ON CONFLICT (province, province_2008, sector, size) DO UPDATE SET n = excluded.n, demo = excluded.demo,
  levels = excluded.levels, sum_pillars = excluded.sum_pillars, sum_overall = excluded.sum_overall,
  platforms = excluded.platforms, any_platform = excluded.any_platform, regular_platform = excluded.regular_platform`;

const LATEST_COLUMNS = `tax_code, province, province_2008, sector, size, platform_mask, ${SCORE_COLUMNS.join(", ")}, source, submitted_at`;

const ASSESSMENT_COLUMNS = `tax_code, name, province, province_2008, sector, size, answers, platform_mask, ${SCORE_COLUMNS.join(", ")}, fingerprint, source, submitted_at`;

async function lock(trx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
}

async function refreshCell(
  trx: Db,
  cell: Cell & { province_2008: string },
  spec: AggregateSpec,
): Promise<void> {
  const where = sql`province = ${cell.province} AND province_2008 = ${cell.province_2008} AND sector = ${cell.sector} AND size = ${cell.size}`;
  await sql`INSERT INTO assessment_cell (${sql.raw(CELL_COLUMNS)}) SELECT ${sql.raw(cellSelect(spec))} FROM assessment_latest WHERE ${where}
    GROUP BY province, province_2008, sector, size ${sql.raw(CELL_UPDATE)}`.execute(trx);
  await sql`DELETE FROM assessment_cell c WHERE c.province = ${cell.province} AND c.province_2008 = ${cell.province_2008}
    AND c.sector = ${cell.sector} AND c.size = ${cell.size}
    AND NOT EXISTS (SELECT 1 FROM assessment_latest l WHERE l.province = c.province AND l.province_2008 = c.province_2008
      AND l.sector = c.sector AND l.size = c.size)`.execute(trx);
}

export interface Cell {
  province: string;
  sector: string;
  size: string;
}

export interface StoredAssessment extends NewAssessment {
  id: number;
}

/**
 * Stores one submission and maintains the latest-per-tax-code table and the sums, in one
 * transaction. Returns the new id.
 */
export async function insertAssessment(db: Db, a: NewAssessment, spec: AggregateSpec): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lock(trx);
    const { id } = await trx
      .insertInto("assessment")
      .values({ ...a })
      .returning("id")
      .executeTakeFirstOrThrow();
    const old = await trx
      .selectFrom("assessment_latest")
      .select(["province", "province_2008", "sector", "size", "submitted_at"])
      .where("tax_code", "=", a.tax_code)
      .executeTakeFirst();
    if (!old || old.submitted_at.getTime() <= a.submitted_at.getTime()) {
      const latest = {
        tax_code: a.tax_code,
        province: a.province,
        province_2008: a.province_2008,
        sector: a.sector,
        size: a.size,
        platform_mask: a.platform_mask,
        s_customer: a.s_customer,
        s_strategy: a.s_strategy,
        s_technology: a.s_technology,
        s_operations: a.s_operations,
        s_culture: a.s_culture,
        s_data: a.s_data,
        overall: a.overall,
        level: a.level,
        source: a.source,
        submitted_at: a.submitted_at,
      };
      await trx
        .insertInto("assessment_latest")
        .values(latest)
        .onConflict((oc) => oc.column("tax_code").doUpdateSet(latest))
        .execute();
      if (
        old &&
        (old.province !== a.province ||
          old.province_2008 !== a.province_2008 ||
          old.sector !== a.sector ||
          old.size !== a.size)
      )
        await refreshCell(trx, old, spec);
      await refreshCell(trx, a, spec);
    }
    await sql`INSERT INTO assessment_quarter (quarter, province, province_2008, sector, size, n, demo, sum_overall, any_platform)
      SELECT ${sql.raw(QUARTER_SQL)}, province, province_2008, sector, size, 1, CASE WHEN source = 'demo' THEN 1 ELSE 0 END, overall,
        CASE WHEN platform_mask <> 0 THEN 1 ELSE 0 END
      FROM assessment WHERE id = ${id}
      ON CONFLICT (quarter, province, province_2008, sector, size) DO UPDATE SET n = assessment_quarter.n + excluded.n,
        demo = assessment_quarter.demo + excluded.demo, sum_overall = assessment_quarter.sum_overall + excluded.sum_overall,
        any_platform = assessment_quarter.any_platform + excluded.any_platform`.execute(trx);
    return id;
  });
}

/** A submission of the same tax code with the same fingerprint since the given time, if any. */
export async function findRecentDuplicate(
  db: Db,
  taxCode: string,
  fingerprint: string,
  since: Date,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("assessment")
    .select("id")
    .where("tax_code", "=", taxCode)
    .where("fingerprint", "=", fingerprint)
    .where("submitted_at", ">=", since)
    .orderBy("submitted_at", "desc")
    .executeTakeFirst();
}

export async function setResultTokenHash(db: Db, id: number, hash: string): Promise<void> {
  await db.updateTable("assessment").set({ result_token_hash: hash }).where("id", "=", id).execute();
}

export async function findByTokenHash(db: Db, hash: string): Promise<StoredAssessment | undefined> {
  const row = await db
    .selectFrom("assessment")
    .selectAll()
    .where("result_token_hash", "=", hash)
    .executeTakeFirst();
  return row ? { ...row, source: row.source as NewAssessment["source"] } : undefined;
}

export interface Standing {
  below: number;
  equal: number;
  total: number;
}

/** How many latest assessments of the cell score below and equal to `overall`. */
export async function peerStanding(db: Db, cell: Cell, overall: number): Promise<Standing> {
  const row = await db
    .selectFrom("assessment_latest")
    .select([
      sql<number>`count(*) FILTER (WHERE overall < ${overall})::int`.as("below"),
      sql<number>`count(*) FILTER (WHERE overall = ${overall})::int`.as("equal"),
      sql<number>`count(*)::int`.as("total"),
    ])
    .where("province", "=", cell.province)
    .where("sector", "=", cell.sector)
    .where("size", "=", cell.size)
    .executeTakeFirstOrThrow();
  return { below: Number(row.below), equal: Number(row.equal), total: Number(row.total) };
}

export interface CellFilter {
  provinces?: readonly string[];
  /** 2008 provinces: only firms whose 2008 province is known and among these. */
  provinces2008?: readonly string[];
  sector?: string;
  size?: string;
}

export async function listCells(db: Db, f: CellFilter) {
  let q = db.selectFrom("assessment_cell").selectAll();
  if (f.provinces) q = q.where("province", "in", f.provinces.length ? [...f.provinces] : [""]);
  if (f.provinces2008)
    q = q.where("province_2008", "in", f.provinces2008.length ? [...f.provinces2008] : ["-"]);
  if (f.sector) q = q.where("sector", "=", f.sector);
  if (f.size) q = q.where("size", "=", f.size);
  return q.execute();
}

export async function listQuarterCells(db: Db, f: CellFilter) {
  let q = db.selectFrom("assessment_quarter").selectAll();
  if (f.provinces) q = q.where("province", "in", f.provinces.length ? [...f.provinces] : [""]);
  if (f.provinces2008)
    q = q.where("province_2008", "in", f.provinces2008.length ? [...f.provinces2008] : ["-"]);
  if (f.sector) q = q.where("sector", "=", f.sector);
  if (f.size) q = q.where("size", "=", f.size);
  return q.execute();
}

export const IMPORT_COLUMNS = [
  "batch",
  "tax_code",
  "name",
  "province",
  "province_2008",
  "sector",
  "size",
  "answers",
  "platform_mask",
  ...SCORE_COLUMNS,
  "fingerprint",
  "source",
  "submitted_at",
] as const;

/**
 * One row for the staging table: a checked, scored submission, with the answers as any array-like
 * (filled in place by the importer) and the time in milliseconds since 1970 (UTC).
 */
export interface StagingRow
  extends Omit<NewAssessment, "answers" | "source" | "result_token_hash" | "submitted_at"> {
  answers: ArrayLike<number>;
  source: string;
  submitted_ms: number;
}

/** COPY's binary signature, flags and header extension length (PostgreSQL docs, "Binary Format"). */
const COPY_SIGNATURE = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** PostgreSQL's epoch (2000-01-01 UTC) in Unix milliseconds: timestamptz is µs since then. */
const PG_EPOCH_MS = 946_684_800_000;
const INT2_OID = 21;

/**
 * Writes staging rows (IMPORT_COLUMNS order) in COPY's binary format, a chunk at a time. Nothing is
 * formatted as text to be parsed again: numbers go as their bytes, the answers as an int2 array, the
 * time as microseconds. Every value still meets the table's types (a wrong length or type is
 * refused by PostgreSQL, never stored differently).
 */
export class StagingWriter {
  #buf = Buffer.allocUnsafe(1 << 24);
  #view = new DataView(this.#buf.buffer, this.#buf.byteOffset, this.#buf.byteLength);
  #pos = 0;
  #rows = 0;
  readonly #batch: string;
  /** Next id when writing straight into `assessment` (FIRST_LOAD_COLUMNS), else -1. */
  #id: number;

  /**
   * `batch`: rows for the staging table under this batch id; `{ firstId }`: rows for `assessment`
   * itself ({@link FIRST_LOAD_COLUMNS}), numbered from firstId in the order written.
   */
  constructor(target: string | { firstId: number }) {
    this.#batch = typeof target === "string" ? target : "";
    this.#id = typeof target === "string" ? -1 : target.firstId;
    this.#start();
  }

  get rows(): number {
    return this.#rows;
  }

  #start(): void {
    COPY_SIGNATURE.copy(this.#buf, 0);
    this.#pos = COPY_SIGNATURE.length;
    this.#rows = 0;
  }

  /** Makes room for n more bytes; called once per row, so nothing holds on to a replaced buffer. */
  #room(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + n));
    this.#buf.copy(next, 0, 0, this.#pos);
    this.#buf = next;
    this.#view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  #text(s: string): void {
    // Codes and most names are ASCII: byte by byte is quicker than the native encoder's call.
    const n = s.length;
    const b = this.#buf;
    const start = this.#pos + 4;
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        p = start + b.write(s, start, "utf8");
        break;
      }
      b[p++] = c;
    }
    this.#view.setInt32(this.#pos, p - start);
    this.#pos = p;
  }

  #float8(v: number): void {
    this.#view.setInt32(this.#pos, 8);
    this.#view.setFloat64(this.#pos + 4, v);
    this.#pos += 12;
  }

  row(r: StagingRow): void {
    const n = r.answers.length;
    if (!Number.isFinite(r.submitted_ms))
      throw new Error(`staging: submitted_at ${r.submitted_ms} is not a time`);
    // The most a row can take (UTF-8: at most 3 bytes per UTF-16 unit), so it never grows mid-row.
    const texts =
      this.#batch.length +
      r.tax_code.length +
      r.name.length +
      r.province.length +
      r.province_2008.length +
      r.sector.length +
      r.size.length +
      r.fingerprint.length +
      r.source.length;
    this.#room(2 + 9 * 4 + 3 * texts + 28 + 6 * n + 8 + 7 * 12 + 6 + 12 + 12);
    const v = this.#view;
    v.setInt16(this.#pos, IMPORT_COLUMNS.length);
    this.#pos += 2;
    if (this.#id < 0) this.#text(this.#batch);
    else {
      this.#int8(this.#id);
      this.#id++;
    }
    this.#text(r.tax_code);
    this.#text(r.name);
    this.#text(r.province);
    this.#text(r.province_2008);
    this.#text(r.sector);
    this.#text(r.size);
    let p = this.#pos;
    v.setInt32(p, 20 + 6 * n);
    v.setInt32(p + 4, 1); // dimensions
    v.setInt32(p + 8, 0); // no nulls
    v.setInt32(p + 12, INT2_OID);
    v.setInt32(p + 16, n);
    v.setInt32(p + 20, 1); // lower bound
    p += 24;
    for (let i = 0; i < n; i++) {
      v.setInt32(p, 2);
      v.setInt16(p + 4, r.answers[i]!);
      p += 6;
    }
    v.setInt32(p, 4);
    v.setInt32(p + 4, r.platform_mask);
    this.#pos = p + 8;
    this.#float8(r.s_customer);
    this.#float8(r.s_strategy);
    this.#float8(r.s_technology);
    this.#float8(r.s_operations);
    this.#float8(r.s_culture);
    this.#float8(r.s_data);
    this.#float8(r.overall);
    v.setInt32(this.#pos, 2);
    v.setInt16(this.#pos + 4, r.level);
    this.#pos += 6;
    this.#text(r.fingerprint);
    this.#text(r.source);
    // Microseconds stay far below 2^53: exact as a double.
    this.#int8((r.submitted_ms - PG_EPOCH_MS) * 1000);
    this.#rows++;
  }

  /** An int64 as two halves (exact below 2^53), without a BigInt per row. */
  #int8(x: number): void {
    const high = Math.floor(x / 4_294_967_296);
    this.#view.setInt32(this.#pos, 8);
    this.#view.setInt32(this.#pos + 4, high);
    this.#view.setUint32(this.#pos + 8, x - high * 4_294_967_296);
    this.#pos += 12;
  }

  /** The rows written since the last take, as one COPY (signature … trailer); starts afresh. */
  take(): { data: Buffer; rows: number } {
    this.#room(2);
    this.#view.setInt16(this.#pos, -1);
    const out = { data: Buffer.from(this.#buf.subarray(0, this.#pos + 2)), rows: this.#rows };
    this.#start();
    return out;
  }
}

/** COPYs a chunk of the {@link StagingWriter} into the staging table. */
export async function stageImportChunk(
  store: Store,
  chunk: { data: Uint8Array; rows: number },
): Promise<number> {
  return store.replaceRows({ table: "assessment_import", columns: IMPORT_COLUMNS, rows: [], binary: chunk });
}

/** Deletes the staged rows of a batch (an import that failed before its merge). */
export async function discardImportBatch(db: Db, batch: string): Promise<void> {
  await db.deleteFrom("assessment_import").where("batch", "=", batch).execute();
}

const LATEST_SET = LATEST_COLUMNS.split(", ")
  .slice(1)
  .map((c) => `${c} = b.${c}`)
  .join(", ");

/**
 * SQL texts of the merge, run in one transaction. Every writer of the assessments holds the advisory
 * lock, so within it "not stored yet" can be asked with anti-joins instead of ON CONFLICT: a
 * speculative insertion per row cost about as much again as the insertion itself (200,000 rows on
 * PGlite: 6.7 s against 3.7 s). The unique key stays, so a writer that skipped the lock would make
 * the merge fail, never store a row twice.
 */
function mergeStatements(
  batch: string,
  spec: AggregateSpec,
  bulk: boolean,
  repeats: boolean,
  latestEmpty: boolean,
): { text: string; values: unknown[] }[] {
  return [
    // Sorts of a million staged rows fit in memory instead of spilling to temporary files.
    { text: "SET LOCAL work_mem = '128MB'", values: [] },
    { text: "SET LOCAL maintenance_work_mem = '256MB'", values: [] },
    ...(bulk ? BULK_DROP : []),
    {
      // One row per key when the file may hold a row twice (sorted, so also in the unique index's
      // order); without repeats the sort is skipped.
      text: `INSERT INTO assessment (${ASSESSMENT_COLUMNS})
        SELECT ${repeats ? "DISTINCT ON (tax_code, submitted_at, fingerprint) " : ""}${ASSESSMENT_COLUMNS} FROM assessment_import s
        WHERE batch = $1 AND NOT EXISTS (SELECT 1 FROM assessment a
          WHERE a.tax_code = s.tax_code AND a.submitted_at = s.submitted_at AND a.fingerprint = s.fingerprint)
        ${repeats ? "ORDER BY tax_code, submitted_at, fingerprint" : ""}`,
      values: [batch],
    },
    latestEmpty
      ? {
          // A first load: nothing to replace, and no intermediate result to keep for two statements.
          text: `INSERT INTO assessment_latest (${LATEST_COLUMNS})
            SELECT DISTINCT ON (tax_code) ${LATEST_COLUMNS} FROM assessment_import WHERE batch = $1
            ORDER BY tax_code, submitted_at DESC, fingerprint`,
          values: [batch],
        }
      : {
          // The batch's latest per tax code replaces a stored one that is not newer, and is added where
          // the tax code has none (both against the table as it was before this statement).
          text: `WITH b AS MATERIALIZED (
              SELECT DISTINCT ON (tax_code) ${LATEST_COLUMNS} FROM assessment_import WHERE batch = $1
              ORDER BY tax_code, submitted_at DESC, fingerprint),
            replaced AS (UPDATE assessment_latest l SET ${LATEST_SET} FROM b
              WHERE l.tax_code = b.tax_code AND l.submitted_at <= b.submitted_at)
            INSERT INTO assessment_latest (${LATEST_COLUMNS}) SELECT ${LATEST_COLUMNS} FROM b
            WHERE NOT EXISTS (SELECT 1 FROM assessment_latest l WHERE l.tax_code = b.tax_code)`,
          values: [batch],
        },
    ...(bulk ? BULK_CREATE : []),
    ...rebuildStatements(spec),
    ...(bulk
      ? [
          // A million rows are deleted one by one in seconds and truncated at once; other imports
          // (rare) wait for the lock, and their rows, if any, are kept by deleting instead.
          { text: "LOCK TABLE assessment_import IN ACCESS EXCLUSIVE MODE", values: [] },
          {
            text: `DO $$ BEGIN IF EXISTS (SELECT 1 FROM assessment_import WHERE batch <> ${sqlText(batch)})
              THEN DELETE FROM assessment_import WHERE batch = ${sqlText(batch)}; ELSE TRUNCATE assessment_import; END IF; END $$`,
            values: [],
          },
        ]
      : [{ text: "DELETE FROM assessment_import WHERE batch = $1", values: [batch] }]),
  ];
}

/**
 * A bulk merge drops the indexes of the two big tables (all but the token's, of a few rows) and
 * builds them again after the inserts, in the same transaction: building an index from a sort costs
 * a fraction of inserting a million keys one by one, each also written to the WAL (PGlite, 200,000
 * rows: 4.3 s against 6.7 s for `assessment`, 2.8 s against 6.0 s for the latest). The cost is that
 * readers of these two tables (a result by its token, a peer comparison) wait for the merge; the
 * statistics read the sums and do not. Names are migration 0006's.
 */
const BULK_DROP = [
  "ALTER TABLE assessment DROP CONSTRAINT assessment_pkey",
  "ALTER TABLE assessment DROP CONSTRAINT assessment_tax_code_submitted_at_fingerprint_key",
  "ALTER TABLE assessment_latest DROP CONSTRAINT assessment_latest_pkey",
  "DROP INDEX assessment_latest_peers",
].map((text) => ({ text, values: [] }));
const BULK_CREATE = [
  "ALTER TABLE assessment ADD CONSTRAINT assessment_pkey PRIMARY KEY (id)",
  "ALTER TABLE assessment ADD CONSTRAINT assessment_tax_code_submitted_at_fingerprint_key UNIQUE (tax_code, submitted_at, fingerprint)",
  "ALTER TABLE assessment_latest ADD CONSTRAINT assessment_latest_pkey PRIMARY KEY (tax_code)",
  "CREATE INDEX assessment_latest_peers ON assessment_latest (province, sector, size, overall)",
].map((text) => ({ text, values: [] }));

/** Staged rows from which a merge is a bulk one, when they are also at least half the stored rows. */
const BULK_MIN_ROWS = 100_000;

function rebuildStatements(spec: AggregateSpec): { text: string; values: unknown[] }[] {
  return [
    { text: "DELETE FROM assessment_cell", values: [] },
    {
      text: `INSERT INTO assessment_cell (${CELL_COLUMNS}) SELECT ${cellSelect(spec)} FROM assessment_latest GROUP BY province, province_2008, sector, size`,
      values: [],
    },
    { text: "DELETE FROM assessment_quarter", values: [] },
    {
      // Grouped on the quarter's first instant (date_trunc, cheap), formatted once per group: to_char
      // on every row cost more than the rest of the rebuild at a million submissions.
      text: `INSERT INTO assessment_quarter (quarter, province, province_2008, sector, size, n, demo, sum_overall, any_platform)
        SELECT to_char(qt, 'YYYY-"Q"Q'), province, province_2008, sector, size, n, demo, s, p FROM (
          SELECT date_trunc('quarter', (submitted_at AT TIME ZONE 'UTC') + interval '7 hours') AS qt, province, province_2008,
            sector, size, count(*)::int AS n, count(*) FILTER (WHERE source = 'demo')::int AS demo,
            sum(overall)::float8 AS s, count(*) FILTER (WHERE platform_mask <> 0)::int AS p
          FROM assessment GROUP BY qt, province, province_2008, sector, size) AS g`,
      values: [],
    },
  ];
}

/**
 * Moves a staged batch into the assessments (skipping rows already stored: same tax code, time and
 * answers), updates the latest per tax code and rebuilds the sums, in one transaction.
 * Returns the number of new rows. `staged`: rows in the batch (a bulk merge or not); `repeats`:
 * whether the batch may hold a submission twice (false only when the importer knows it does not);
 * `bulk` forces or forbids the bulk merge (tests).
 */
export async function mergeImportBatch(
  db: Db,
  batch: string,
  spec: AggregateSpec,
  batchInfo: { staged: number; repeats: boolean; bulk?: boolean },
): Promise<number> {
  const { staged, repeats } = batchInfo;
  return db.transaction().execute(async (trx) => {
    await lock(trx);
    // The planner's estimate is enough to tell a first load from a small addition to a big table.
    const stored = await sql<{ n: number }>`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class
      WHERE oid = 'assessment'::regclass`.execute(trx);
    const bulk = batchInfo.bulk ?? (staged >= BULK_MIN_ROWS && staged * 2 >= Number(stored.rows[0]?.n ?? 0));
    let inserted = 0;
    const empty = await sql<{
      empty: boolean;
    }>`SELECT NOT EXISTS (SELECT 1 FROM assessment_latest) AS empty`.execute(trx);
    const latestEmpty = empty.rows[0]?.empty === true;
    for (const st of mergeStatements(batch, spec, bulk, repeats, latestEmpty)) {
      const res = await sql.raw(substitute(st.text, st.values)).execute(trx);
      if (st.text.startsWith("INSERT INTO assessment (")) inserted = Number(res.numAffectedRows ?? 0);
    }
    return inserted;
  });
}

/** Columns of a first load's COPY straight into `assessment` ({@link StagingWriter} with firstId). */
export const FIRST_LOAD_COLUMNS = ["id", ...IMPORT_COLUMNS.slice(1)] as const;

/** One quarter's sums of a (province, 2008 province, sector, size) cell, as `assessment_quarter` holds them. */
export type QuarterSum = Selectable<AssessmentQuarterTable>;

/** A first load under way ({@link beginFirstLoad}). */
export interface FirstLoad {
  /** The id of the first row; the rows are numbered from it in the order COPYed. */
  readonly firstId: number;
  /** Positions in BULK_DROP of the indexes still in place (maintained while rows are COPYed). */
  readonly kept: Set<number>;
}

/** Position in BULK_DROP/BULK_CREATE of the unique key of `assessment`. */
const UNIQUE_KEY = 1;

/** The sums of a cell over the latest per firm, as `assessment_cell` holds them (see cellSelect). */
export type CellSum = Selectable<AssessmentCellTable>;

/**
 * Starts a first load in a {@link CopySession}: takes the advisory lock (held until the session
 * ends, so no other write comes between) and, when no submission is stored, drops indexes and
 * returns the first id of the new rows; otherwise returns undefined and the session has changed
 * nothing. Rows then COPY straight into `assessment` ({@link copyFirstLoad}), with no staging table
 * and no insert from it (a million rows: 8 s on PostgreSQL, 15 s on PGlite), and
 * {@link finishFirstLoad} completes the load in the same transaction. Readers of `assessment` and
 * `assessment_latest` wait for the whole load, which holds nothing for them yet.
 *
 * `keepIndexes`: keep the indexes of `assessment` while rows are COPYed. On PostgreSQL the server
 * maintains them on its own core while the importer reads the next chunk (it was idle two thirds of
 * the time), instead of building them after, when nothing else runs; the unique key goes only before
 * a chunk that may repeat a submission. On PGlite the database shares a thread with the loading, so
 * there they are dropped and built at the end (cheaper than a million insertions).
 */
export async function beginFirstLoad(
  s: CopySession,
  options: { keepIndexes: boolean },
): Promise<FirstLoad | undefined> {
  await s.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
  const { rows } = await s.query<{ empty: boolean }>(
    "SELECT NOT EXISTS (SELECT 1 FROM assessment) AND NOT EXISTS (SELECT 1 FROM assessment_latest) AS empty",
  );
  if (rows[0]?.empty !== true) return undefined;
  // Ids are given in the COPY (so the importer knows each row's), taken from the column's sequence.
  const id = await s.query<{ id: number | string }>(
    "SELECT nextval(pg_get_serial_sequence('assessment', 'id')) AS id",
  );
  // The latest per firm is inserted at the end, at once: its indexes are built after it.
  const kept = new Set(options.keepIndexes ? [0, UNIQUE_KEY] : []);
  for (const st of [
    // Empty already; truncated so that the tables get new files in this transaction, which at
    // wal_level minimal (PGlite in memory) are filled and indexed without writing the WAL, and
    // which COPY … FREEZE may fill (copyFirstLoad).
    { text: "TRUNCATE assessment, assessment_latest" },
    { text: "SET LOCAL work_mem = '128MB'" },
    { text: "SET LOCAL maintenance_work_mem = '256MB'" },
    ...BULK_DROP.filter((_, i) => !kept.has(i)),
  ])
    await s.query(st.text);
  return { firstId: Number(id.rows[0]?.id), kept };
}

/**
 * COPYs a chunk of a first load ({@link StagingWriter} with the load's firstId) into `assessment`.
 * `repeats`: the rows so far may hold a submission twice, so the unique key is dropped first (the
 * copies are removed, and the key built again, at the end).
 */
export async function copyFirstLoad(
  s: CopySession,
  load: FirstLoad,
  chunk: { data: Uint8Array; repeats?: boolean },
): Promise<void> {
  if (chunk.repeats && load.kept.has(UNIQUE_KEY)) {
    await s.query(BULK_DROP[UNIQUE_KEY]!.text);
    load.kept.delete(UNIQUE_KEY);
  }
  // Truncated in this transaction by beginFirstLoad: the rows can be stored frozen.
  await s.copyBinary("assessment", FIRST_LOAD_COLUMNS, chunk.data, { freeze: true });
}

/**
 * Completes a first load begun by {@link beginFirstLoad} after `rows` rows were COPYed: removes a
 * submission the file held twice (when `repeats`; the first copy stays), fills the latest per tax
 * code, builds the indexes again and the sums. `losers`: ids of the rows that are not their tax
 * code's latest, when the importer tracked them (otherwise the latest are sorted out here);
 * `quarters`: the quarter sums, when the importer added them up (a file without repeats only).
 * Returns the submissions stored.
 */
export async function finishFirstLoad(
  s: CopySession,
  spec: AggregateSpec,
  begun: FirstLoad,
  load: {
    firstId: number;
    rows: number;
    repeats: boolean;
    losers?: ArrayLike<number> | undefined;
    quarters?: readonly QuarterSum[] | undefined;
    cells?: readonly CellSum[] | undefined;
  },
): Promise<number> {
  let stored = load.rows;
  if (load.repeats)
    stored -= (
      await s.query(`DELETE FROM assessment a USING (SELECT id, row_number() OVER (
          PARTITION BY tax_code, submitted_at, fingerprint ORDER BY id) AS k FROM assessment) d
        WHERE a.id = d.id AND d.k > 1`)
    ).affected;
  if (load.rows > 0)
    await s.query(
      `SELECT setval(pg_get_serial_sequence('assessment', 'id'), ${Math.trunc(load.firstId + load.rows - 1)})`,
    );
  if (load.losers) {
    // A constant list: PostgreSQL looks each id up in a hash of it, no sort of the million rows.
    const ids = Array.from(load.losers, (x) => String(Math.trunc(x))).join(",");
    await s.query(`INSERT INTO assessment_latest (${LATEST_COLUMNS}) SELECT ${LATEST_COLUMNS} FROM assessment
      ${ids ? `WHERE id <> ALL ('{${ids}}'::int8[])` : ""}`);
  } else
    await s.query(`INSERT INTO assessment_latest (${LATEST_COLUMNS})
      SELECT DISTINCT ON (tax_code) ${LATEST_COLUMNS} FROM assessment ORDER BY tax_code, submitted_at DESC, fingerprint`);
  for (const [i, st] of BULK_CREATE.entries()) if (!begun.kept.has(i)) await s.query(st.text);
  const rebuild = rebuildStatements(spec);
  // The importer's sums hold where no row was removed here and the latest are the ones it found.
  const summed = !load.repeats && load.losers !== undefined;
  if (summed && load.cells) {
    await s.query(rebuild[0]!.text);
    const json = JSON.stringify(load.cells).replaceAll("'", "''");
    await s.query(`INSERT INTO assessment_cell (${CELL_COLUMNS}) SELECT ${CELL_COLUMNS}
      FROM json_to_recordset('${json}'::json) AS x(province text, province_2008 text, sector text, size text, n int, demo int,
        levels int[], sum_pillars float8[], sum_overall float8, platforms int[], any_platform int, regular_platform int)`);
  } else for (const st of rebuild.slice(0, 2)) await s.query(st.text);
  if (load.quarters && !load.repeats) {
    await s.query(rebuild[2]!.text);
    const json = JSON.stringify(load.quarters).replaceAll("'", "''");
    await s.query(`INSERT INTO assessment_quarter (quarter, province, province_2008, sector, size, n, demo, sum_overall, any_platform)
      SELECT quarter, province, province_2008, sector, size, n, demo, sum_overall, any_platform
      FROM json_to_recordset('${json}'::json) AS x(quarter text, province text, province_2008 text, sector text, size text,
        n int, demo int, sum_overall float8, any_platform int)`);
  } else for (const st of rebuild.slice(2)) await s.query(st.text);
  return stored;
}

/** Rebuilds the latest-per-tax-code table and all sums from the submissions. */
export async function rebuildAssessmentAggregates(db: Db, spec: AggregateSpec): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lock(trx);
    await sql`DELETE FROM assessment_latest`.execute(trx);
    await sql
      .raw(
        `INSERT INTO assessment_latest (${LATEST_COLUMNS}) SELECT DISTINCT ON (tax_code) ${LATEST_COLUMNS} FROM assessment ORDER BY tax_code, submitted_at DESC, id DESC`,
      )
      .execute(trx);
    for (const st of rebuildStatements(spec)) await sql.raw(st.text).execute(trx);
  });
}

/** A batch id as an SQL literal (a generated token of [a-z0-9-]; see substitute). */
function sqlText(batch: string): string {
  if (!/^[a-z0-9-]+$/.test(batch)) throw new Error(`unsafe batch id ${batch}`);
  return `'${batch}'`;
}

/** Inlines a batch id (a generated token of [a-z0-9-]) into a statement: batches never come from users. */
function substitute(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, i) => sqlText(String(values[Number(i) - 1])));
}

/** Deletes the demo submissions and rebuilds the aggregates. Returns rows deleted. */
export async function deleteDemoAssessments(db: Db, spec: AggregateSpec): Promise<number> {
  const res = await db.deleteFrom("assessment").where("source", "=", "demo").executeTakeFirst();
  await rebuildAssessmentAggregates(db, spec);
  return Number(res.numDeletedRows);
}

export async function countAssessments(db: Db, source?: string): Promise<number> {
  let q = db.selectFrom("assessment").select(sql<number>`count(*)::int`.as("n"));
  if (source) q = q.where("source", "=", source);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export interface FeedRow {
  province: string;
  firms: number;
  platform: number;
  regular: number;
}

/**
 * Each province's firms by their latest non-demo submission before `end` (exclusive, an ISO
 * instant): how many, how many use any platform, how many use at least `regularMin`.
 */
export async function feedAsOf(db: Db, end: string, regularMin: number): Promise<FeedRow[]> {
  const rows = await sql<FeedRow>`
    SELECT province, count(*)::int AS firms,
      count(*) FILTER (WHERE platform_mask <> 0)::int AS platform,
      count(*) FILTER (WHERE bit_count(platform_mask::bit(32)) >= ${regularMin})::int AS regular
    FROM (SELECT DISTINCT ON (tax_code) province, platform_mask FROM assessment
          WHERE source <> 'demo' AND submitted_at < ${end}::timestamptz
          ORDER BY tax_code, submitted_at DESC, id DESC) AS latest
    GROUP BY province`.execute(db);
  return rows.rows.map((r) => ({
    province: r.province,
    firms: Number(r.firms),
    platform: Number(r.platform),
    regular: Number(r.regular),
  }));
}

/** The first and last submission instants of real (non-demo) assessments. */
export async function realSubmissionSpan(db: Db): Promise<{ first: Date; last: Date } | undefined> {
  const row = await db
    .selectFrom("assessment")
    .select([sql<Date | null>`min(submitted_at)`.as("first"), sql<Date | null>`max(submitted_at)`.as("last")])
    .where("source", "<>", "demo")
    .executeTakeFirstOrThrow();
  return row.first && row.last ? { first: new Date(row.first), last: new Date(row.last) } : undefined;
}

function cellWhere(f: CellFilter) {
  const parts = [sql`true`];
  if (f.provinces) parts.push(sql`province IN (${sql.join(f.provinces.length ? [...f.provinces] : [""])})`);
  if (f.provinces2008)
    parts.push(sql`province_2008 IN (${sql.join(f.provinces2008.length ? [...f.provinces2008] : ["-"])})`);
  if (f.sector) parts.push(sql`sector = ${f.sector}`);
  if (f.size) parts.push(sql`size = ${f.size}`);
  return sql.join(parts, sql` AND `);
}

export interface CellTotals {
  n: number;
  demo: number;
  sumOverall: number;
  anyPlatform: number;
  regularPlatform: number;
  levels: number[];
  sumPillars: number[];
  platforms: number[];
}

/** The sums of the cells matching the filter, added up in SQL (arrays element by element). */
export async function sumCells(db: Db, f: CellFilter): Promise<CellTotals> {
  const where = cellWhere(f);
  const arraySum = (column: string) =>
    sql<number[] | null>`(SELECT array_agg(s ORDER BY i) FROM (SELECT u.i, sum(u.v)::float8 AS s
      FROM assessment_cell, unnest(${sql.ref(column)}) WITH ORDINALITY AS u(v, i) WHERE ${where} GROUP BY u.i) AS x)`;
  const r = await sql<{
    n: number;
    demo: number;
    sum_overall: number;
    any_platform: number;
    regular_platform: number;
    levels: number[] | null;
    sum_pillars: number[] | null;
    platforms: number[] | null;
  }>`SELECT coalesce(sum(n), 0)::int AS n, coalesce(sum(demo), 0)::int AS demo,
      coalesce(sum(sum_overall), 0)::float8 AS sum_overall, coalesce(sum(any_platform), 0)::int AS any_platform,
      coalesce(sum(regular_platform), 0)::int AS regular_platform,
      ${arraySum("levels")} AS levels, ${arraySum("sum_pillars")} AS sum_pillars, ${arraySum("platforms")} AS platforms
    FROM assessment_cell WHERE ${where}`.execute(db);
  const row = r.rows[0]!;
  const nums = (a: number[] | null) => (a ?? []).map(Number);
  return {
    n: Number(row.n),
    demo: Number(row.demo),
    sumOverall: Number(row.sum_overall),
    anyPlatform: Number(row.any_platform),
    regularPlatform: Number(row.regular_platform),
    levels: nums(row.levels),
    sumPillars: nums(row.sum_pillars),
    platforms: nums(row.platforms),
  };
}

/**
 * Per province (of the 2025 geography, or of 2008 when `by` says so; firms whose 2008 province is
 * unknown are then under ''): firms, sum of overall scores, firms with any platform.
 */
export async function sumCellsByProvince(db: Db, f: CellFilter, by: "2025" | "2008" = "2025") {
  const column = sql.ref(by === "2025" ? "province" : "province_2008");
  const r = await sql<{ province: string; n: number; sum_overall: number; any_platform: number }>`
    SELECT ${column} AS province, sum(n)::int AS n, sum(sum_overall)::float8 AS sum_overall, sum(any_platform)::int AS any_platform
    FROM assessment_cell WHERE ${cellWhere(f)} GROUP BY ${column}`.execute(db);
  return r.rows.map((x) => ({
    province: x.province,
    n: Number(x.n),
    sumOverall: Number(x.sum_overall),
    anyPlatform: Number(x.any_platform),
  }));
}

/** Per quarter: submissions, demo ones, sum of overall scores, with any platform. */
export async function sumQuarters(db: Db, f: CellFilter) {
  const r = await sql<{
    quarter: string;
    n: number;
    demo: number;
    sum_overall: number;
    any_platform: number;
  }>`
    SELECT quarter, sum(n)::int AS n, sum(demo)::int AS demo, sum(sum_overall)::float8 AS sum_overall,
      sum(any_platform)::int AS any_platform
    FROM assessment_quarter WHERE ${cellWhere(f)} GROUP BY quarter ORDER BY quarter`.execute(db);
  return r.rows.map((x) => ({
    quarter: x.quarter,
    n: Number(x.n),
    demo: Number(x.demo),
    sumOverall: Number(x.sum_overall),
    anyPlatform: Number(x.any_platform),
  }));
}
