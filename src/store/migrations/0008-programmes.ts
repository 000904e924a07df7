/**
 * Action programmes (DESIGN §3): the programme with its lead agency, optional scope area, start and
 * deadline, the status a reviewer set (with the reason, who and when), progress 0–100, evidence links
 * (jsonb array of {url, label}), and a version for optimistic concurrency; the indicators it should
 * move; its dated updates. Updates are append-only: a trigger refuses UPDATE and DELETE on them, so
 * the history cannot be rewritten even by code that forgets.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE programme (
      id serial PRIMARY KEY,
      key text UNIQUE,
      title_vi text NOT NULL CHECK (length(title_vi) BETWEEN 1 AND 500),
      title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 500),
      lead_vi text NOT NULL CHECK (length(lead_vi) BETWEEN 1 AND 300),
      lead_en text NOT NULL CHECK (length(lead_en) BETWEEN 1 AND 300),
      source text,
      geography text,
      area_code text,
      start_date text NOT NULL CHECK (start_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      deadline text CHECK (deadline ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      status text CHECK (status IN ('not_started', 'on_track', 'at_risk', 'late', 'done')),
      status_reason text,
      status_set_by text,
      status_set_at timestamptz,
      progress integer CHECK (progress BETWEEN 0 AND 100),
      evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
      version integer NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((geography IS NULL) = (area_code IS NULL)),
      CHECK ((status IS NULL) = (status_reason IS NULL)),
      CHECK (deadline IS NULL OR deadline >= start_date),
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
    CREATE TABLE programme_indicator (
      programme_id integer NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
      indicator text NOT NULL REFERENCES indicator (code),
      ordinal integer NOT NULL,
      PRIMARY KEY (programme_id, indicator)
    );
    CREATE TABLE programme_update (
      id bigserial PRIMARY KEY,
      programme_id integer NOT NULL REFERENCES programme (id),
      at timestamptz NOT NULL,
      author text NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000)
    );
    CREATE INDEX programme_update_by_programme ON programme_update (programme_id, id);
    CREATE FUNCTION programme_update_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'programme updates are append-only';
    END
    $$;
    CREATE TRIGGER programme_update_append_only BEFORE UPDATE OR DELETE ON programme_update
      FOR EACH ROW EXECUTE FUNCTION programme_update_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE programme_update, programme_indicator, programme;
    DROP FUNCTION programme_update_append_only();
  `.execute(db);
}
