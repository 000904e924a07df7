/**
 * The initial schema. SQL must run on PostgreSQL 15 (the server) and 18 (PGlite): plain types,
 * no extensions. Values are double precision: the inputs are statistics, not money ledgers.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE area (
      geography text NOT NULL CHECK (geography IN ('2008', '2025')),
      code text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      level text NOT NULL CHECK (level IN ('nation', 'region', 'province')),
      parent_code text,
      kind text,
      ordinal integer NOT NULL DEFAULT 0,
      PRIMARY KEY (geography, code)
    );
    CREATE TABLE area_member (
      geography text NOT NULL,
      code text NOT NULL,
      member_geography text NOT NULL,
      member_code text NOT NULL,
      PRIMARY KEY (geography, code, member_geography, member_code),
      FOREIGN KEY (geography, code) REFERENCES area (geography, code) ON DELETE CASCADE,
      FOREIGN KEY (member_geography, member_code) REFERENCES area (geography, code)
    );
    CREATE TABLE pillar (
      code text PRIMARY KEY,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      ordinal integer NOT NULL
    );
    CREATE TABLE data_element (
      code text PRIMARY KEY,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      unit text NOT NULL,
      value_type text NOT NULL,
      area_aggregation text NOT NULL,
      time_aggregation text NOT NULL CHECK (time_aggregation IN ('sum', 'last', 'mean')),
      frequency text NOT NULL CHECK (frequency IN ('quarterly', 'annual')),
      pillar text NOT NULL REFERENCES pillar (code),
      min_value double precision,
      max_value double precision,
      description_vi text,
      description_en text
    );
    CREATE TABLE indicator (
      code text PRIMARY KEY,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      definition_vi text NOT NULL,
      definition_en text NOT NULL,
      unit text NOT NULL,
      pillar text NOT NULL REFERENCES pillar (code),
      direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
      decimals integer NOT NULL,
      numerator text NOT NULL,
      denominator text,
      factor double precision NOT NULL,
      frequency text NOT NULL,
      source text NOT NULL,
      tags jsonb NOT NULL DEFAULT '[]',
      ordinal integer NOT NULL DEFAULT 0
    );
    CREATE TABLE series (
      code text PRIMARY KEY,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      description_vi text NOT NULL,
      description_en text NOT NULL,
      is_demo boolean NOT NULL DEFAULT false
    );
    CREATE TABLE target (
      id serial PRIMARY KEY,
      indicator text NOT NULL REFERENCES indicator (code),
      geography text NOT NULL,
      area_code text NOT NULL,
      year integer NOT NULL,
      comparator text NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<')),
      value double precision NOT NULL,
      source text NOT NULL,
      note text,
      UNIQUE (indicator, geography, area_code, year, source),
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
    CREATE TABLE observation (
      series text NOT NULL REFERENCES series (code),
      code text NOT NULL,
      target text NOT NULL CHECK (target IN ('element', 'indicator')),
      geography text NOT NULL,
      area_code text NOT NULL,
      period text NOT NULL,
      value double precision NOT NULL,
      status text NOT NULL,
      note text,
      updated_by text NOT NULL DEFAULT 'system',
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (series, target, code, geography, area_code, period),
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
    CREATE TABLE observation_revision (
      id bigserial PRIMARY KEY,
      series text NOT NULL,
      code text NOT NULL,
      target text NOT NULL,
      geography text NOT NULL,
      area_code text NOT NULL,
      period text NOT NULL,
      old_value double precision,
      new_value double precision,
      old_status text,
      new_status text,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      reason text
    );
    CREATE INDEX observation_revision_key ON observation_revision (series, code, geography, area_code, period);
    -- Computed values: one row per (series, indicator, geography, area) holding that area's whole
    -- time series as JSON, sorted by period. Recompute rewrites ~10k rows instead of ~160k, and
    -- rows whose hash is unchanged are not rewritten at all; reads filter rows by their key
    -- columns and periods inside the row.
    CREATE TABLE computed_value (
      indicator text NOT NULL,
      series text NOT NULL,
      geography text NOT NULL,
      area_code text NOT NULL,
      area_level text NOT NULL,
      hash text NOT NULL,
      entries integer NOT NULL,
      periods text NOT NULL,
      published boolean NOT NULL DEFAULT true,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (indicator, series, geography, area_code)
    );
    CREATE INDEX computed_value_by_series ON computed_value (series);
    CREATE TABLE meta (
      key text PRIMARY KEY,
      value text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_key text NOT NULL,
      before jsonb,
      after jsonb
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE audit_log, meta, computed_value, observation_revision, observation, target, series,
      indicator, data_element, pillar, area_member, area;
  `.execute(db);
}
