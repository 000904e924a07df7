/**
 * Whether this browser logged in, and has not been told since that the session is gone. The session
 * cookie is HttpOnly, so the pages every visitor sees (the navigation) read this hint instead of
 * asking GET /auth/me on each visit, which most readers would answer with a 401; and they load the
 * session code (`reporting.ts`) only when the hint is set, so it stays out of the public pages' entry.
 */
import { useQuery } from "@tanstack/react-query";

export const SESSION_KEY = ["auth", "me"] as const;
const SIGNED_IN_KEY = "dxm.signedIn";

/** Called with every answer about the session: a login or a session (true), a 401 or a logout (false). */
export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_KEY, "1");
    else window.localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // storage can be disabled: the navigation then shows only what every visitor sees
  }
}

function maybeSignedIn(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_KEY) === "1";
  } catch {
    return false;
  }
}

/** The session where only a logged-in user needs it (the navigation): asked only after a login here. */
export function useKnownSessionQuery() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => (await import("./reporting.ts")).fetchSession(),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: maybeSignedIn(),
  });
}
