/**
 * Interface text in Vietnamese (the default) and English. English must have every key Vietnamese
 * has (`Messages` is derived from `vi`), so a missing translation is a type error, not a blank.
 * Texts that take values are functions.
 */
import type { Lang } from "../lib/format.ts";

const vi = {
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

  deShareTitle: "Tỷ trọng kinh tế số trong GDP",
  deShareIntro:
    "Các chuỗi số liệu được vẽ thành những đường riêng, không nối với nhau: số liệu chính thức của cơ quan thống kê, ước tính của Bộ và số liệu minh họa.",
  showTable: "Xem dạng bảng",
  showChart: "Xem biểu đồ",
  year: "Năm",
  target: "Mục tiêu",
  targetSeries: "Mục tiêu",
  targetText: (comparator: string, value: string, year: number) => `${comparator} ${value} năm ${year}`,
  chartSummary: (title: string, parts: string, targets: string) =>
    `Biểu đồ đường: ${title}. Giá trị mới nhất — ${parts}.${targets ? ` Mục tiêu: ${targets}.` : ""}`,
  latestOf: (series: string, value: string, year: string) => `${series}: ${value} (${year})`,
  tableCaptionDeShare: "Tỷ trọng kinh tế số trong GDP theo năm và chuỗi số liệu (%)",
  targetSources: (sources: string) => `Mục tiêu theo: ${sources}.`,

  provincesTitle: "Các tỉnh, thành phố",
  provincesIntro: (year: string, geography: string) =>
    `Năm ${year}, theo địa giới ${geography}. Nhấn vào tiêu đề cột để sắp xếp.`,
  provincesNoYear: "Chưa có số liệu năm cho các tỉnh, thành phố.",
  geographyLabel: "Địa giới",
  geography2025: "2025 (34 tỉnh, thành phố)",
  geography2008: "2008 (63 tỉnh, thành phố)",
  seriesLabel: "Chuỗi số liệu",
  filterLabel: "Lọc theo tên",
  filterPlaceholder: "vd. dak lak, ho chi minh",
  filterCount: (shown: number, total: number) => `${shown} / ${total} tỉnh, thành phố`,
  filterNone: (query: string) => `Không có tỉnh, thành phố nào khớp với “${query}”.`,
  colProvince: "Tỉnh, thành phố",
  colRegion: "Vùng",
  colDeShare: "Kinh tế số / GRDP",
  colEcom: "TMĐT / tổng mức bán lẻ",
  colSme: "DNNVV dùng nền tảng số",
  sortAscending: "tăng dần",
  sortDescending: "giảm dần",
  sortBy: (column: string) => `Sắp xếp theo ${column}`,
  incomplete: "chưa đầy đủ",
  incompleteTitle: (missing: string) => `Chưa đầy đủ — thiếu: ${missing}`,
  incompleteNote: "* Giá trị chưa đầy đủ: thiếu số liệu của một số đơn vị hoặc kỳ thành phần.",
  missingValue: "không có số liệu",
  tableCaptionProvinces: (year: string, geography: string) =>
    `Chỉ số kinh tế số của các tỉnh, thành phố, năm ${year}, địa giới ${geography} (%)`,
};

export type Messages = typeof vi;

const en: Messages = {
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

  deShareTitle: "Digital economy share of GDP",
  deShareIntro:
    "Each series is drawn as its own line and never joined to another: the statistics office's official figures, the ministry's estimates and demo data.",
  showTable: "Show as table",
  showChart: "Show chart",
  year: "Year",
  target: "Target",
  targetSeries: "Target",
  targetText: (comparator: string, value: string, year: number) => `${comparator} ${value} in ${year}`,
  chartSummary: (title: string, parts: string, targets: string) =>
    `Line chart: ${title}. Latest values — ${parts}.${targets ? ` Targets: ${targets}.` : ""}`,
  latestOf: (series: string, value: string, year: string) => `${series}: ${value} (${year})`,
  tableCaptionDeShare: "Digital economy share of GDP by year and series (%)",
  targetSources: (sources: string) => `Targets from: ${sources}.`,

  provincesTitle: "Provinces and cities",
  provincesIntro: (year: string, geography: string) =>
    `Year ${year}, ${geography} boundaries. Click a column heading to sort.`,
  provincesNoYear: "No annual provincial data yet.",
  geographyLabel: "Boundaries",
  geography2025: "2025 (34 provinces and cities)",
  geography2008: "2008 (63 provinces and cities)",
  seriesLabel: "Series",
  filterLabel: "Filter by name",
  filterPlaceholder: "e.g. dak lak, ho chi minh",
  filterCount: (shown: number, total: number) => `${shown} of ${total} provinces and cities`,
  filterNone: (query: string) => `No province or city matches “${query}”.`,
  colProvince: "Province or city",
  colRegion: "Region",
  colDeShare: "Digital economy / GRDP",
  colEcom: "E-commerce / retail sales",
  colSme: "SMEs on digital platforms",
  sortAscending: "ascending",
  sortDescending: "descending",
  sortBy: (column: string) => `Sort by ${column}`,
  incomplete: "incomplete",
  incompleteTitle: (missing: string) => `Incomplete — missing: ${missing}`,
  incompleteNote: "* Incomplete value: data of some member areas or sub-periods are missing.",
  missingValue: "no data",
  tableCaptionProvinces: (year: string, geography: string) =>
    `Digital-economy indicators of provinces and cities, ${year}, ${geography} boundaries (%)`,
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, en };
