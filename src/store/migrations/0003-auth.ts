/**
 * Accounts, sessions, machine tokens, login throttling (DESIGN §7).
 * - `app_user` (`user` is reserved in SQL): email stored lower-case and unique, argon2id hash.
 * - `user_area` / `token_area`: the provinces a reporter or a machine token may write, as foreign
 *   keys to `area`, so a scope can never name an area that does not exist.
 * - `user_session`: the cookie's random id is never stored, only its sha256; expiry is absolute
 *   (`expires_at`) and idle (`last_seen_at`), both checked on every lookup.
 * - `machine_token`: likewise stored as sha256, with a short prefix shown in listings; revoked by
 *   setting `revoked_at` (kept for the audit trail).
 * - `login_attempt`: every login outcome with email and client address, so that throttling and
 *   lockout hold across processes sharing one PostgreSQL.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_user (
      id serial PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'reporter', 'analyst')),
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz
    );
    CREATE TABLE user_area (
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      geography text NOT NULL,
      area_code text NOT NULL,
      PRIMARY KEY (user_id, geography, area_code),
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
    CREATE TABLE user_session (
      id_hash text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX user_session_user ON user_session (user_id);
    CREATE INDEX user_session_expires ON user_session (expires_at);
    CREATE TABLE machine_token (
      id serial PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE TABLE token_area (
      token_id integer NOT NULL REFERENCES machine_token (id) ON DELETE CASCADE,
      geography text NOT NULL,
      area_code text NOT NULL,
      PRIMARY KEY (token_id, geography, area_code),
      FOREIGN KEY (geography, area_code) REFERENCES area (geography, code)
    );
    CREATE TABLE login_attempt (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      email text NOT NULL,
      ip text NOT NULL,
      success boolean NOT NULL
    );
    CREATE INDEX login_attempt_email ON login_attempt (email, at);
    CREATE INDEX login_attempt_ip ON login_attempt (ip, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE login_attempt, token_area, machine_token, user_session, user_area, app_user;
  `.execute(db);
}
