/**
 * Self-assessments in the 2008 geography too (issue 7), and a lighter bulk-import staging table.
 * - `province_2008` on every assessment table: the firm's 2008 province when it is known — given by
 *   the firm (the form or the import named a 2008 province) or implied (its 2025 province is one of
 *   the 11 that were not merged, so it has exactly one 2008 predecessor). '' means unknown: a firm
 *   that gave only a merged 2025 province cannot be placed in one of its former provinces. The sums
 *   are kept per (province, province_2008, sector, size), so 2025 statistics add the 2008 split up
 *   and 2008 statistics read it directly.
 * - Rows stored before this migration get the implied 2008 province of the 11 unchanged provinces
 *   (their codes did not change, Resolution 202/2025/QH15); the others stay unknown.
 * - The staging table `assessment_import` becomes UNLOGGED and loses its batch index: it holds rows
 *   only for the length of one import, every merge reads a whole batch, and writing WAL and an index
 *   for them doubled the cost of COPY.
 */
import { type Kysely, sql } from "kysely";

/** The 2025 provinces that were not merged: one 2008 predecessor, same code. */
const UNCHANGED = ["01", "04", "11", "12", "14", "20", "22", "38", "40", "42", "46"];

export async function up(db: Kysely<unknown>): Promise<void> {
  const list = UNCHANGED.map((c) => `'${c}'`).join(", ");
  await sql
    .raw(`
    ALTER TABLE assessment ADD COLUMN province_2008 text NOT NULL DEFAULT '';
    ALTER TABLE assessment_latest ADD COLUMN province_2008 text NOT NULL DEFAULT '';
    ALTER TABLE assessment_import ADD COLUMN province_2008 text NOT NULL DEFAULT '';
    ALTER TABLE assessment_cell ADD COLUMN province_2008 text NOT NULL DEFAULT '';
    ALTER TABLE assessment_quarter ADD COLUMN province_2008 text NOT NULL DEFAULT '';
    UPDATE assessment SET province_2008 = province WHERE province IN (${list});
    UPDATE assessment_latest SET province_2008 = province WHERE province IN (${list});
    UPDATE assessment_cell SET province_2008 = province WHERE province IN (${list});
    UPDATE assessment_quarter SET province_2008 = province WHERE province IN (${list});
    ALTER TABLE assessment_cell DROP CONSTRAINT assessment_cell_pkey;
    ALTER TABLE assessment_cell ADD PRIMARY KEY (province, province_2008, sector, size);
    ALTER TABLE assessment_quarter DROP CONSTRAINT assessment_quarter_pkey;
    ALTER TABLE assessment_quarter ADD PRIMARY KEY (quarter, province, province_2008, sector, size);
    DROP INDEX assessment_import_batch;
    ALTER TABLE assessment_import SET UNLOGGED;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE assessment_import SET LOGGED;
    CREATE INDEX assessment_import_batch ON assessment_import (batch);
    DELETE FROM assessment_cell;
    DELETE FROM assessment_quarter;
    ALTER TABLE assessment_quarter DROP CONSTRAINT assessment_quarter_pkey;
    ALTER TABLE assessment_quarter DROP COLUMN province_2008;
    ALTER TABLE assessment_quarter ADD PRIMARY KEY (quarter, province, sector, size);
    ALTER TABLE assessment_cell DROP CONSTRAINT assessment_cell_pkey;
    ALTER TABLE assessment_cell DROP COLUMN province_2008;
    ALTER TABLE assessment_cell ADD PRIMARY KEY (province, sector, size);
    ALTER TABLE assessment_import DROP COLUMN province_2008;
    ALTER TABLE assessment_latest DROP COLUMN province_2008;
    ALTER TABLE assessment DROP COLUMN province_2008;
  `)
    .execute(db);
}
