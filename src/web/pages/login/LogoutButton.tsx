/** Ends the session (POST /auth/logout with the CSRF token) and goes back to the login page. */
import { useQueryClient } from "@tanstack/react-query";
import { logout, SESSION_KEY } from "../../data/reporting.ts";
import { usePageLanguage } from "../../i18n/language.tsx";
import { LOGIN_MESSAGES } from "./messages.ts";

export function LogoutButton() {
  const { t } = usePageLanguage(LOGIN_MESSAGES);
  const queryClient = useQueryClient();
  async function onClick() {
    try {
      await logout();
    } finally {
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ queryKey: ["reporting"] });
      window.location.assign(`/login${window.location.search}`);
    }
  }
  return (
    <button type="button" className="button-secondary" onClick={onClick} data-testid="logout">
      {t.logoutButton}
    </button>
  );
}
