/**
 * The quarterly report of each published release, frozen (issue 8): the HTML page produced from the
 * release's data, and the PDF printed from that very HTML, each with its SHA-256. A release is
 * immutable once out; so is its report: the first reader after the release time makes it, everyone
 * afterwards reads the same bytes, and a correction (a later release of the period) makes a new
 * version beside it. One row per release.
 *
 * A trigger is the guard that holds whatever code runs: a stored report is never deleted, its HTML
 * never changes, and its PDF may only be filled once (the PDF is printed at the first request for
 * it, which may come later than the HTML's).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE release_report (
      release_id integer PRIMARY KEY REFERENCES release (id),
      period text NOT NULL,
      data_at timestamptz NOT NULL,
      generated_at timestamptz NOT NULL,
      html text NOT NULL,
      html_sha256 text NOT NULL CHECK (html_sha256 ~ '^[0-9a-f]{64}$'),
      pdf bytea,
      pdf_sha256 text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
      pdf_generated_at timestamptz,
      CHECK ((pdf IS NULL) = (pdf_sha256 IS NULL) AND (pdf IS NULL) = (pdf_generated_at IS NULL))
    );
    CREATE INDEX release_report_by_period ON release_report (period, release_id DESC);
    CREATE FUNCTION release_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the report of release % is published and cannot be deleted', OLD.release_id
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF NEW.release_id IS DISTINCT FROM OLD.release_id OR NEW.period IS DISTINCT FROM OLD.period
        OR NEW.data_at IS DISTINCT FROM OLD.data_at OR NEW.generated_at IS DISTINCT FROM OLD.generated_at
        OR NEW.html IS DISTINCT FROM OLD.html OR NEW.html_sha256 IS DISTINCT FROM OLD.html_sha256
        OR (OLD.pdf IS NOT NULL AND (NEW.pdf IS DISTINCT FROM OLD.pdf
          OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
          OR NEW.pdf_generated_at IS DISTINCT FROM OLD.pdf_generated_at)) THEN
        RAISE EXCEPTION 'the report of release % is published and cannot be changed', OLD.release_id
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER release_report_immutable BEFORE UPDATE OR DELETE ON release_report
      FOR EACH ROW EXECUTE FUNCTION release_report_guard();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE release_report;
    DROP FUNCTION release_report_guard();
  `.execute(db);
}
