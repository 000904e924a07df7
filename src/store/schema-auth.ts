/** Table types of accounts, sessions, machine tokens and login throttling (migration 0003). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by migration 0003's tables.
export interface AuthTables {}
