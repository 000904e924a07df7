/**
 * Enterprise self-assessments (DESIGN §4.7).
 * - `assessment`: every submission, kept as history per tax code. Answers are a smallint array in
 *   the questionnaire's order and platforms a bit mask by position (both lists are append-only), so
 *   a million rows stay small and load fast with COPY. Pillar scores, overall score and level are
 *   stored as computed at submission. (tax_code, submitted_at, fingerprint) is unique: importing the
 *   same file twice stores nothing new.
 * - `assessment_latest`: each tax code's latest submission, maintained on write; statistics count
 *   only these.
 * - `assessment_cell` and `assessment_quarter`: sums per (province, sector, size) over the latest
 *   submissions, and per quarter over all submissions, maintained on write, so the statistics read a
 *   few thousand rows whatever the number of firms.
 * - `assessment_import`: staging rows of bulk imports (COPY target), keyed by batch.
 */
import { type Kysely, sql } from "kysely";

const SCORES = `
  s_customer double precision NOT NULL,
  s_strategy double precision NOT NULL,
  s_technology double precision NOT NULL,
  s_operations double precision NOT NULL,
  s_culture double precision NOT NULL,
  s_data double precision NOT NULL,
  overall double precision NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 5)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE assessment (
      id bigserial PRIMARY KEY,
      tax_code text NOT NULL CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
      name text NOT NULL,
      province text NOT NULL,
      sector text NOT NULL CHECK (sector ~ '^[A-U]$'),
      size text NOT NULL CHECK (size IN ('micro', 'small', 'medium', 'large')),
      answers smallint[] NOT NULL,
      platform_mask integer NOT NULL,
      ${SCORES},
      fingerprint text NOT NULL,
      source text NOT NULL CHECK (source IN ('web', 'import', 'demo')),
      result_token_hash text,
      submitted_at timestamptz NOT NULL,
      UNIQUE (tax_code, submitted_at, fingerprint)
    );
    CREATE INDEX assessment_token ON assessment (result_token_hash) WHERE result_token_hash IS NOT NULL;
    CREATE TABLE assessment_latest (
      tax_code text PRIMARY KEY,
      province text NOT NULL,
      sector text NOT NULL,
      size text NOT NULL,
      platform_mask integer NOT NULL,
      ${SCORES},
      source text NOT NULL,
      submitted_at timestamptz NOT NULL
    );
    CREATE INDEX assessment_latest_peers ON assessment_latest (province, sector, size, overall);
    CREATE TABLE assessment_cell (
      province text NOT NULL,
      sector text NOT NULL,
      size text NOT NULL,
      n integer NOT NULL,
      demo integer NOT NULL,
      levels integer[] NOT NULL,
      sum_pillars double precision[] NOT NULL,
      sum_overall double precision NOT NULL,
      platforms integer[] NOT NULL,
      any_platform integer NOT NULL,
      regular_platform integer NOT NULL,
      PRIMARY KEY (province, sector, size)
    );
    CREATE TABLE assessment_quarter (
      quarter text NOT NULL,
      province text NOT NULL,
      sector text NOT NULL,
      size text NOT NULL,
      n integer NOT NULL,
      demo integer NOT NULL,
      sum_overall double precision NOT NULL,
      any_platform integer NOT NULL,
      PRIMARY KEY (quarter, province, sector, size)
    );
    CREATE TABLE assessment_import (
      batch text NOT NULL,
      tax_code text NOT NULL,
      name text NOT NULL,
      province text NOT NULL,
      sector text NOT NULL,
      size text NOT NULL,
      answers smallint[] NOT NULL,
      platform_mask integer NOT NULL,
      ${SCORES},
      fingerprint text NOT NULL,
      source text NOT NULL,
      submitted_at timestamptz NOT NULL
    );
    CREATE INDEX assessment_import_batch ON assessment_import (batch);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      "DROP TABLE assessment_import; DROP TABLE assessment_quarter; DROP TABLE assessment_cell; DROP TABLE assessment_latest; DROP TABLE assessment",
    )
    .execute(db);
}
