/**
 * Texts of the account page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(ACCOUNT_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  accountTitle: "Tài khoản của tôi",
  accountAreas: "Tỉnh, thành phố được giao",
  accountAllAreas: (role: string): string =>
    role === "reporter" ? "chưa được giao" : "không giới hạn theo tỉnh (theo vai trò)",
  passwordTitle: "Đổi mật khẩu",
  passwordCurrent: "Mật khẩu hiện tại",
  passwordNew: "Mật khẩu mới",
  passwordConfirm: "Nhập lại mật khẩu mới",
  passwordRules: (min: number) =>
    `Ít nhất ${min} ký tự và khác mật khẩu hiện tại. Đổi mật khẩu sẽ đăng xuất mọi phiên khác của bạn.`,
  passwordTooShort: (min: number) => `Mật khẩu mới cần ít nhất ${min} ký tự`,
  passwordMismatch: "Hai lần nhập mật khẩu mới không khớp",
  passwordSubmit: "Đổi mật khẩu",
  passwordChanged: (ended: number) => `Đã đổi mật khẩu. ${ended} phiên đăng nhập khác đã kết thúc.`,
  everywhereTitle: "Đăng xuất khỏi mọi thiết bị",
  everywhereIntro:
    "Kết thúc mọi phiên đăng nhập của bạn, kể cả phiên này (ví dụ khi quên đăng xuất trên máy dùng chung).",
  everywhereButton: "Đăng xuất mọi nơi",
};

const en: typeof vi = {
  accountTitle: "My account",
  accountAreas: "Provinces assigned",
  accountAllAreas: (role: string) =>
    role === "reporter" ? "none yet" : "not limited to provinces (by role)",
  passwordTitle: "Change password",
  passwordCurrent: "Current password",
  passwordNew: "New password",
  passwordConfirm: "New password again",
  passwordRules: (min: number) =>
    `At least ${min} characters, and not the current password. Changing it logs out every other session of yours.`,
  passwordTooShort: (min: number) => `The new password needs at least ${min} characters`,
  passwordMismatch: "The two new passwords differ",
  passwordSubmit: "Change password",
  passwordChanged: (ended: number) => `Password changed. ${ended} other session(s) ended.`,
  everywhereTitle: "Log out everywhere",
  everywhereIntro:
    "Ends every session of yours, this one included (for instance after forgetting to log out on a shared computer).",
  everywhereButton: "Log out everywhere",
};

export const ACCOUNT_MESSAGES = pageMessages(vi, en);
export type AccountMessages = typeof vi;
