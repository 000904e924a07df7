/**
 * Provincial quarterly reports (DESIGN §3, §5): the periods open for reporting, one report per
 * (geography, province, period) with its state and a version for optimistic concurrency, its values
 * and comments, every workflow event, and the validation rules as data.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reporting_period (
      period text PRIMARY KEY,
      geography text NOT NULL CHECK (geography IN ('2008', '2025')),
      deadline text NOT NULL CHECK (deadline ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      open boolean NOT NULL DEFAULT true,
      opened_by text NOT NULL,
      opened_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE report (
      id serial PRIMARY KEY,
      geography text NOT NULL,
      area_code text NOT NULL,
      period text NOT NULL REFERENCES reporting_period (period),
      state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      submitted_by text,
      approved_at timestamptz,
      approved_by text,
      UNIQUE (geography, area_code, period),
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
    CREATE TABLE report_value (
      report_id integer NOT NULL REFERENCES report (id) ON DELETE CASCADE,
      element text NOT NULL REFERENCES data_element (code),
      value double precision,
      comment text,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (report_id, element)
    );
    CREATE TABLE report_event (
      id bigserial PRIMARY KEY,
      report_id integer NOT NULL REFERENCES report (id) ON DELETE CASCADE,
      action text NOT NULL,
      actor text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      from_state text,
      to_state text,
      comment text
    );
    CREATE INDEX report_event_by_report ON report_event (report_id, id);
    CREATE TABLE validation_rule (
      id text PRIMARY KEY,
      rule jsonb NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE validation_rule, report_event, report_value, report, reporting_period`.execute(db);
}
