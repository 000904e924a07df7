/**
 * Texts of the login page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(LOGIN_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  loginTitle: "Đăng nhập",
  loginIntro: "Đăng nhập để nhập và duyệt báo cáo định kỳ của tỉnh, thành phố.",
  loggingIn: "Đang đăng nhập…",
  logoutButton: "Đăng xuất",
  goToReporting: "Đến trang báo cáo",
};

const en: typeof vi = {
  loginTitle: "Log in",
  loginIntro: "Log in to enter and review the provinces' periodic reports.",
  loggingIn: "Logging in…",
  logoutButton: "Log out",
  goToReporting: "Go to reporting",
};

export const LOGIN_MESSAGES = pageMessages(vi, en);
export type LoginMessages = typeof vi;
