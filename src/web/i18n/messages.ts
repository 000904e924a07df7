/**
 * Interface text in Vietnamese (the default) and English. English must have every key Vietnamese
 * has (`Messages` is derived from `vi`), so a missing translation is a type error, not a blank.
 * Texts that take values are functions.
 *
 * Only the shared texts live here (header, navigation, shared components, texts several pages use):
 * this module is in the entry chunk, which every page loads. A page's own texts live beside it in
 * `pages/<page>/messages.ts` and load with the page (`usePageLanguage`).
 */
import type { Lang } from "../lib/format.ts";
import { publicEn, publicVi } from "./public-messages.ts";

// ── Action programmes (/programmes): the texts other pages share; the page's own are beside it ──
const programmesVi = {
  navProgrammes: "Chương trình hành động",
  progressClass: (c: string): string =>
    (<Record<string, string>>{
      achieved: "Đã đạt",
      on_track: "Đúng hướng",
      acceleration_needed: "Cần tăng tốc",
      off_track: "Chệch hướng",
      regressing: "Đi lùi",
      insufficient_data: "Chưa đủ số liệu",
    })[c] ?? c,
  rag: (r: string): string => (<Record<string, string>>{ green: "Xanh", amber: "Vàng", red: "Đỏ" })[r] ?? r,
  colIndicator: "Chỉ tiêu",
  colLatest: "Mới nhất",
  seriesName: (code: string): string =>
    (<Record<string, string>>{
      gso_official: "chính thức",
      mic_estimate: "ước tính của Bộ",
      reported: "địa phương báo cáo",
      demo: "minh họa",
    })[code] ?? code,
};

// Open data and releases (issue 8): their own block, spread into vi and en below.
const viOpenData = {
  navData: "Dữ liệu mở",
  navReleases: "Công bố",
};

const vi = {
  ...viOpenData,
  ...publicVi,
  ...programmesVi,
  appTitle: "dxmonitor — Kinh tế số Việt Nam",
  appTagline: "Đo lường kinh tế số và theo dõi chuyển đổi số của cả nước và từng tỉnh, thành phố",
  skipToContent: "Bỏ qua, đến nội dung chính",
  languageLabel: "Ngôn ngữ",
  demoBanner: "Dữ liệu minh họa (demo) — không phải số liệu chính thức",
  demoBannerDetail:
    "Số liệu cấp tỉnh và chuỗi “minh họa” được sinh tự động để trình diễn hệ thống; không dùng để trích dẫn.",
  loading: "Đang tải dữ liệu…",
  retry: "Thử lại",
  errorTitle: "Không tải được dữ liệu",
  errorNetwork: (url: string) =>
    `Không kết nối được với máy chủ API (${url}). Kiểm tra máy chủ đã chạy chưa rồi thử lại.`,
  errorHttp: (status: number, path: string, detail: string) =>
    `Máy chủ trả lời lỗi HTTP ${status} cho ${path}${detail ? `: ${detail}` : ""}.`,
  errorJson: (url: string) => `Máy chủ trả về nội dung không phải JSON (${url}).`,
  errorOther: (message: string) => `Lỗi: ${message}`,
  noData: "Chưa có dữ liệu.",
  notFoundTitle: "Không tìm thấy trang này",
  notFoundBack: "Về trang chủ",
  footerApi: "Dữ liệu qua API JSON",
  showTable: "Xem dạng bảng",
  showChart: "Xem biểu đồ",
  year: "Năm",
  target: "Mục tiêu",
  targetSeries: "Mục tiêu",
  latestOf: (series: string, value: string, year: string) => `${series}: ${value} (${year})`,
  geographyLabel: "Địa giới",
  geography2025: "2025 (34 tỉnh, thành phố)",
  geography2008: "2008 (63 tỉnh, thành phố)",
  seriesLabel: "Chuỗi số liệu",
  colProvince: "Tỉnh, thành phố",
  colRegion: "Vùng",
  sortAscending: "tăng dần",
  sortDescending: "giảm dần",
  incomplete: "chưa đầy đủ",
  navReporting: "Báo cáo",
  email: "Email",
  password: "Mật khẩu",
  loginButton: "Đăng nhập",
  loggedInAs: (name: string, email: string) => `Đã đăng nhập: ${name} (${email})`,
  needLogin: "Bạn cần đăng nhập để xem trang này.",
  periodLabel: "Kỳ",
  stateLabel: "Trạng thái",
  colUnit: "Đơn vị",
  save: "Lưu",
  saving: "Đang lưu…",
  saved: "Đã lưu.",
  submit: "Nộp báo cáo",
  submitted: "Đã nộp báo cáo.",
  severity: (s: string): string => (<Record<string, string>>{ error: "Lỗi", warning: "Cảnh báo" })[s] ?? s,
  approve: "Duyệt",
  unit: (code: string): string =>
    (<Record<string, string>>{
      count: "số lượng",
      vnd_billion: "tỷ đồng",
      households: "hộ",
      enterprises: "doanh nghiệp",
      persons: "người",
    })[code] ?? code,
  yes: "Có",
  no: "Không",
  colChange: "Thay đổi",
  reopen: "Mở lại",
  navAccount: "Tài khoản",
  navAdmin: "Quản trị",
  accountName: "Họ tên",
  accountRole: "Vai trò",
  roleName: (role: string): string =>
    (<Record<string, string>>{
      admin: "Quản trị viên",
      reviewer: "Người duyệt",
      reporter: "Người báo cáo (cấp tỉnh)",
      analyst: "Người phân tích",
    })[role] ?? role,
  navAssessment: "Tự đánh giá doanh nghiệp",
  navDti: "Chỉ số chuyển đổi số (DTI)",
};

export type Messages = typeof vi;

// ── Action programmes (/programmes) ──────────────────────────────────────────────────────────
const programmesEn: typeof programmesVi = {
  navProgrammes: "Action programmes",
  progressClass: (c: string): string =>
    (<Record<string, string>>{
      achieved: "Achieved",
      on_track: "On track",
      acceleration_needed: "Acceleration needed",
      off_track: "Off track",
      regressing: "Regressing",
      insufficient_data: "Insufficient data",
    })[c] ?? c,
  rag: (r: string): string =>
    (<Record<string, string>>{ green: "green", amber: "amber", red: "red" })[r] ?? r,
  colIndicator: "Indicator",
  colLatest: "Latest",
  seriesName: (code: string): string =>
    (<Record<string, string>>{
      gso_official: "official",
      mic_estimate: "ministry estimate",
      reported: "reported",
      demo: "demo",
    })[code] ?? code,
};

const enOpenData: typeof viOpenData = {
  navData: "Open data",
  navReleases: "Releases",
};

const en: Messages = {
  ...enOpenData,
  ...publicEn,
  ...programmesEn,
  appTitle: "dxmonitor — Vietnam's digital economy",
  appTagline:
    "Measuring the digital economy and following digital transformation, nationally and by province",
  skipToContent: "Skip to main content",
  languageLabel: "Language",
  demoBanner: "Demo data — not official figures",
  demoBannerDetail:
    "Provincial values and the “demo” series are generated to demonstrate the system; do not quote them.",
  loading: "Loading data…",
  retry: "Try again",
  errorTitle: "Could not load the data",
  errorNetwork: (url: string) =>
    `Cannot reach the API server (${url}). Check that the server is running, then try again.`,
  errorHttp: (status: number, path: string, detail: string) =>
    `The server answered HTTP ${status} to ${path}${detail ? `: ${detail}` : ""}.`,
  errorJson: (url: string) => `The server's answer is not JSON (${url}).`,
  errorOther: (message: string) => `Error: ${message}`,
  noData: "No data yet.",
  notFoundTitle: "Page not found",
  notFoundBack: "Back to the home page",
  footerApi: "Data through the JSON API",
  showTable: "Show as table",
  showChart: "Show chart",
  year: "Year",
  target: "Target",
  targetSeries: "Target",
  latestOf: (series: string, value: string, year: string) => `${series}: ${value} (${year})`,
  geographyLabel: "Boundaries",
  geography2025: "2025 (34 provinces and cities)",
  geography2008: "2008 (63 provinces and cities)",
  seriesLabel: "Series",
  colProvince: "Province or city",
  colRegion: "Region",
  sortAscending: "ascending",
  sortDescending: "descending",
  incomplete: "incomplete",
  navReporting: "Reporting",
  email: "Email",
  password: "Password",
  loginButton: "Log in",
  loggedInAs: (name: string, email: string) => `Logged in as ${name} (${email})`,
  needLogin: "You need to log in to see this page.",
  periodLabel: "Period",
  stateLabel: "State",
  colUnit: "Unit",
  save: "Save",
  saving: "Saving…",
  saved: "Saved.",
  submit: "Submit report",
  submitted: "Report submitted.",
  severity: (s: string): string => (<Record<string, string>>{ error: "Error", warning: "Warning" })[s] ?? s,
  approve: "Approve",
  unit: (code: string): string =>
    (<Record<string, string>>{
      count: "count",
      vnd_billion: "VND billion",
      households: "households",
      enterprises: "enterprises",
      persons: "persons",
    })[code] ?? code,
  yes: "Yes",
  no: "No",
  colChange: "Change",
  reopen: "Reopen",
  navAccount: "Account",
  navAdmin: "Admin",
  accountName: "Name",
  accountRole: "Role",
  roleName: (role: string): string =>
    (<Record<string, string>>{
      admin: "Administrator",
      reviewer: "Reviewer",
      reporter: "Provincial reporter",
      analyst: "Analyst",
    })[role] ?? role,
  navAssessment: "Enterprise self-assessment",
  navDti: "Digital transformation index (DTI)",
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, en };
