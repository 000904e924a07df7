/** Table types of accounts, sessions, machine tokens and login throttling (migration 0003). */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AppUserTable {
  id: Generated<number>;
  /** Lower-case, unique. */
  email: string;
  name: string;
  role: string;
  /** argon2id, PHC string. */
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  password_changed_at: Timestamp;
  last_login_at: NullableTimestamp;
}

export interface UserAreaTable {
  user_id: number;
  geography: string;
  area_code: string;
}

export interface UserSessionTable {
  /** sha256 (hex) of the cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** Absolute expiry. */
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface MachineTokenTable {
  id: Generated<number>;
  name: string;
  /** sha256 (hex) of the secret. */
  token_hash: string;
  /** The first characters of the secret, to recognise a token in listings. */
  prefix: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface TokenAreaTable {
  token_id: number;
  geography: string;
  area_code: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  at: Timestamp;
  email: string;
  ip: string;
  success: boolean;
}

export interface AuthTables {
  app_user: AppUserTable;
  user_area: UserAreaTable;
  user_session: UserSessionTable;
  machine_token: MachineTokenTable;
  token_area: TokenAreaTable;
  login_attempt: LoginAttemptTable;
}
