/**
 * National input–output tables (DESIGN §4.3), one per year: industry codes, the intermediate flow
 * matrix Z, gross output and value added. Stored whole as JSON: a table is read whole (to compute
 * digital intensities) and never queried cell by cell.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE io_table (
      year integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),
      name text NOT NULL,
      source text NOT NULL,
      is_demo boolean NOT NULL DEFAULT false,
      codes jsonb NOT NULL,
      z text NOT NULL,
      output jsonb NOT NULL,
      value_added jsonb NOT NULL,
      imported_by text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE io_table`.execute(db);
}
