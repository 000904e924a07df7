/**
 * The integrity checks of a database as queries (services/integrity.ts runs and reports them).
 * Each query returns the rows that break one rule, as short text samples; none means the rule holds.
 * Foreign keys already forbid most orphans; these catch what constraints cannot say: a report and
 * its observations, events and audit entries out of step, values without their revision, computed
 * values missing or left stale by an interrupted recompute.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface IntegrityRule {
  readonly name: string;
  readonly description: string;
  /** Rows breaking the rule (at most `limit`), each as a short text. */
  readonly query: (db: Db, limit: number) => Promise<string[]>;
}

const REPORT_STATES = ["draft", "submitted", "returned", "approved", "published"];

async function texts(q: Promise<{ rows: { t: string }[] }>): Promise<string[]> {
  return (await q).rows.map((r) => r.t);
}

export const INTEGRITY_RULES: readonly IntegrityRule[] = [
  {
    name: "report_state",
    description: "every report is in a known state with the stamps of that state",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT geography || ':' || area_code || ':' || period || ' ' || state AS t FROM report
        WHERE state NOT IN (${sql.join(REPORT_STATES)})
           OR (state IN ('submitted', 'approved', 'published') AND (submitted_at IS NULL OR submitted_by IS NULL))
           OR (state IN ('approved', 'published') AND (approved_at IS NULL OR approved_by IS NULL))
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "report_events",
    description: "a report's last event leads to its current state (no half-written transition)",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT r.geography || ':' || r.area_code || ':' || r.period || ' is ' || r.state
               || ' but its last event leads to ' || coalesce(e.to_state, '(no event)') AS t
        FROM report r
        LEFT JOIN LATERAL (SELECT to_state FROM report_event WHERE report_id = r.id ORDER BY id DESC LIMIT 1) e ON true
        WHERE (e.to_state IS NULL AND r.state <> 'draft') OR (e.to_state IS NOT NULL AND e.to_state <> r.state)
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "approved_values",
    description: "every value of an approved report is an observation of the reported series",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT r.geography || ':' || r.area_code || ':' || r.period || ' ' || v.element AS t
        FROM report r JOIN report_value v ON v.report_id = r.id
        LEFT JOIN observation o ON o.series = 'reported' AND o.target = 'element' AND o.code = v.element
          AND o.geography = r.geography AND o.area_code = r.area_code AND o.period = r.period
        WHERE r.state IN ('approved', 'published') AND v.value IS NOT NULL
          AND (o.value IS NULL OR o.value <> v.value)
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "audit_of_reports",
    description: "every report event has its audit-log entry, and no audit entry lacks its event",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        WITH ev AS (
          SELECT r.geography || ':' || r.area_code || ':' || r.period AS k, 'report.' || e.action AS a, count(*) AS n
          FROM report_event e JOIN report r ON r.id = e.report_id GROUP BY 1, 2),
        au AS (
          SELECT entity_key AS k, action AS a, count(*) AS n FROM audit_log
          WHERE entity = 'report' AND action LIKE 'report.%' GROUP BY 1, 2)
        SELECT coalesce(ev.k, au.k) || ' ' || coalesce(ev.a, au.a) || ': ' || coalesce(ev.n, 0)
               || ' events, ' || coalesce(au.n, 0) || ' audit entries' AS t
        FROM ev FULL JOIN au ON ev.k = au.k AND ev.a = au.a
        WHERE coalesce(ev.n, 0) <> coalesce(au.n, 0)
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "observation_revisions",
    description: "every revised observation holds the value of its latest revision; reported values have one",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT o.series || ' ' || o.code || ' ' || o.geography || ':' || o.area_code || ' ' || o.period AS t
        FROM observation o
        LEFT JOIN LATERAL (
          SELECT new_value FROM observation_revision x
          WHERE x.series = o.series AND x.code = o.code AND x.target = o.target AND x.geography = o.geography
            AND x.area_code = o.area_code AND x.period = o.period
          ORDER BY x.id DESC LIMIT 1) rv ON true
        WHERE (rv.new_value IS NOT NULL AND rv.new_value <> o.value)
           OR (o.series = 'reported' AND rv.new_value IS NULL)
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "observation_codes",
    description: "every observation names a known data element or indicator",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT DISTINCT o.series || ' ' || o.target || ' ' || o.code AS t FROM observation o
        WHERE (o.target = 'element' AND NOT EXISTS (SELECT 1 FROM data_element d WHERE d.code = o.code))
           OR (o.target = 'indicator' AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.code = o.code))
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "computed_orphans",
    description: "every computed value belongs to a known indicator, series and area",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT DISTINCT c.series || ' ' || c.indicator || ' ' || c.geography || ':' || c.area_code AS t
        FROM computed_value c
        WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.code = c.indicator)
           OR NOT EXISTS (SELECT 1 FROM series s WHERE s.code = c.series)
           OR NOT EXISTS (SELECT 1 FROM area a WHERE a.geography = c.geography AND a.code = c.area_code)
           OR c.entries < 1
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "computed_present",
    description: "every series with observations has computed values",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT DISTINCT o.series AS t FROM observation o
        WHERE NOT EXISTS (SELECT 1 FROM computed_value c WHERE c.series = o.series)
        ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
  {
    name: "computed_fresh",
    description:
      "no series waits for a recompute that was interrupted (dxm recompute or a restart finishes it)",
    query: (db, limit) =>
      texts(
        sql<{ t: string }>`
        SELECT substr(key, 7) || ' changed at ' || updated_at::text AS t FROM meta
        WHERE key LIKE 'stale:%' ORDER BY 1 LIMIT ${limit}`.execute(db),
      ),
  },
];
