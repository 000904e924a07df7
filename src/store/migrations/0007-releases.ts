/**
 * Releases (DESIGN §3 "Release", §5): a reviewer's snapshot of the approved values of the series
 * that are not public when computed (`reported`), published at a release time (embargo before it).
 *
 * - `release`: `draft` (prepared, no time) or `scheduled` (with `release_at`, UTC). A scheduled
 *   release whose time has come is *published*; that state is derived from the clock, never stored,
 *   so there is no job that has to run at the right second.
 * - `release_observation`: the approved element values of the snapshot (periods up to the
 *   release's period).
 * - `release_row`: the computed indicator values of the snapshot, in the column-wise JSON of
 *   `computed_value` (one row per series, indicator, geography, area).
 * - `release_change`: what changed against the previous release (new, revised old → new,
 *   withdrawn), fixed when the release is prepared.
 * - A published release is immutable: triggers refuse to update or delete it and to touch its
 *   snapshot once `release_at <= now()`. The services check the same against their clock (which
 *   tests control); the triggers are the guard that holds whatever code runs.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE release (
      id serial PRIMARY KEY,
      period text NOT NULL,
      state text NOT NULL CHECK (state IN ('draft', 'scheduled')),
      release_at timestamptz,
      note text CHECK (note IS NULL OR length(note) <= 4000),
      previous_id integer REFERENCES release (id),
      prepared_by text NOT NULL,
      prepared_at timestamptz NOT NULL DEFAULT now(),
      scheduled_by text,
      scheduled_at timestamptz,
      CHECK ((state = 'draft') = (release_at IS NULL))
    );
    CREATE INDEX release_by_time ON release (release_at DESC, id DESC);
    CREATE TABLE release_observation (
      release_id integer NOT NULL REFERENCES release (id) ON DELETE CASCADE,
      series text NOT NULL,
      code text NOT NULL,
      geography text NOT NULL,
      area_code text NOT NULL,
      period text NOT NULL,
      value double precision NOT NULL,
      status text NOT NULL,
      PRIMARY KEY (release_id, series, code, geography, area_code, period)
    );
    CREATE TABLE release_row (
      release_id integer NOT NULL REFERENCES release (id) ON DELETE CASCADE,
      indicator text NOT NULL,
      series text NOT NULL,
      geography text NOT NULL,
      area_code text NOT NULL,
      area_level text NOT NULL,
      entries integer NOT NULL,
      periods text NOT NULL,
      PRIMARY KEY (release_id, indicator, series, geography, area_code)
    );
    CREATE TABLE release_change (
      release_id integer NOT NULL REFERENCES release (id) ON DELETE CASCADE,
      change text NOT NULL CHECK (change IN ('new', 'revised', 'withdrawn')),
      target text NOT NULL CHECK (target IN ('element', 'indicator')),
      series text NOT NULL,
      code text NOT NULL,
      geography text NOT NULL,
      area_code text NOT NULL,
      period text NOT NULL,
      old_value double precision,
      new_value double precision,
      PRIMARY KEY (release_id, target, series, code, geography, area_code, period)
    );
    CREATE FUNCTION release_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.state = 'scheduled' AND OLD.release_at <= now() THEN
        RAISE EXCEPTION 'release % was published at % and cannot be changed', OLD.id, OLD.release_at
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER release_immutable BEFORE UPDATE OR DELETE ON release
      FOR EACH ROW EXECUTE FUNCTION release_guard();
    CREATE FUNCTION release_item_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE rid integer;
    BEGIN
      IF TG_OP = 'DELETE' THEN rid := OLD.release_id; ELSE rid := NEW.release_id; END IF;
      IF EXISTS (SELECT 1 FROM release WHERE id = rid AND state = 'scheduled' AND release_at <= now()) THEN
        RAISE EXCEPTION 'release % is published: its values cannot be changed', rid
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER release_observation_immutable BEFORE INSERT OR UPDATE OR DELETE ON release_observation
      FOR EACH ROW EXECUTE FUNCTION release_item_guard();
    CREATE TRIGGER release_row_immutable BEFORE INSERT OR UPDATE OR DELETE ON release_row
      FOR EACH ROW EXECUTE FUNCTION release_item_guard();
    CREATE TRIGGER release_change_immutable BEFORE INSERT OR UPDATE OR DELETE ON release_change
      FOR EACH ROW EXECUTE FUNCTION release_item_guard();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE release_change, release_row, release_observation, release;
    DROP FUNCTION release_item_guard(), release_guard();
  `.execute(db);
}
