/** The person's own account: password change and logging out everywhere (`/api/v1/auth/…`). */
import { request } from "./reporting.ts";

/** Changes one's password; the server ends every other session and says how many. */
export function changePassword(current: string, next: string): Promise<{ other_sessions_ended: number }> {
  return request("POST", "/auth/password", { current, new: next });
}

/** Ends every session of the person, this one included. */
export function logoutEverywhere(): Promise<{ sessions_ended: number }> {
  return request("POST", "/auth/logout-everywhere", {});
}
