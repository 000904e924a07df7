/**
 * Texts of the home page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(HOME_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  targetsTitle: "Các mục tiêu của Quyết định 411",
  targetsIntro:
    "Giá trị mới nhất của cả nước so với mục tiêu gần nhất chưa đến hạn; đánh giá theo tốc độ tăng thực tế so với tốc độ cần thiết.",
  moversTitle: "Biến động lớn nhất trong quý",
  moversIntro: (indicator: string, from: string, to: string) =>
    `${indicator}: ${from} → ${to}, địa giới 2025.`,
  deShareTitle: "Tỷ trọng kinh tế số trong GDP",
  deShareIntro:
    "Các chuỗi số liệu được vẽ thành những đường riêng, không nối với nhau: số liệu chính thức của cơ quan thống kê, ước tính của Bộ và số liệu minh họa.",
  targetText: (comparator: string, value: string, year: number) => `${comparator} ${value} năm ${year}`,
  chartSummary: (title: string, parts: string, targets: string) =>
    `Biểu đồ đường: ${title}. Giá trị mới nhất — ${parts}.${targets ? ` Mục tiêu: ${targets}.` : ""}`,
  tableCaptionDeShare: "Tỷ trọng kinh tế số trong GDP theo năm và chuỗi số liệu (%)",
  targetSources: (sources: string) => `Mục tiêu theo: ${sources}.`,
  provincesTitle: "Các tỉnh, thành phố",
  provincesIntro: (year: string, geography: string) =>
    `Năm ${year}, theo địa giới ${geography}. Nhấn vào tiêu đề cột để sắp xếp.`,
  provincesNoYear: "Chưa có số liệu năm cho các tỉnh, thành phố.",
  filterLabel: "Lọc theo tên",
  filterPlaceholder: "vd. dak lak, ho chi minh",
  filterCount: (shown: number, total: number) => `${shown} / ${total} tỉnh, thành phố`,
  filterNone: (query: string) => `Không có tỉnh, thành phố nào khớp với “${query}”.`,
  colDeShare: "Kinh tế số / GRDP",
  colEcom: "TMĐT / tổng mức bán lẻ",
  colSme: "DNNVV dùng nền tảng số",
  sortBy: (column: string) => `Sắp xếp theo ${column}`,
  incompleteTitle: (missing: string) => `Chưa đầy đủ — thiếu: ${missing}`,
  incompleteNote: "* Giá trị chưa đầy đủ: thiếu số liệu của một số đơn vị hoặc kỳ thành phần.",
  missingValue: "không có số liệu",
  tableCaptionProvinces: (year: string, geography: string) =>
    `Chỉ số kinh tế số của các tỉnh, thành phố, năm ${year}, địa giới ${geography} (%)`,
};

const en: typeof vi = {
  targetsTitle: "The targets of Decision 411",
  targetsIntro:
    "The nation's latest value against the next target not yet due; assessed by the actual growth against the growth required.",
  moversTitle: "Biggest movers this quarter",
  moversIntro: (indicator: string, from: string, to: string) =>
    `${indicator}: ${from} → ${to}, 2025 geography.`,
  deShareTitle: "Digital economy share of GDP",
  deShareIntro:
    "Each series is drawn as its own line and never joined to another: the statistics office's official figures, the ministry's estimates and demo data.",
  targetText: (comparator: string, value: string, year: number) => `${comparator} ${value} in ${year}`,
  chartSummary: (title: string, parts: string, targets: string) =>
    `Line chart: ${title}. Latest values — ${parts}.${targets ? ` Targets: ${targets}.` : ""}`,
  tableCaptionDeShare: "Digital economy share of GDP by year and series (%)",
  targetSources: (sources: string) => `Targets from: ${sources}.`,
  provincesTitle: "Provinces and cities",
  provincesIntro: (year: string, geography: string) =>
    `Year ${year}, ${geography} boundaries. Click a column heading to sort.`,
  provincesNoYear: "No annual provincial data yet.",
  filterLabel: "Filter by name",
  filterPlaceholder: "e.g. dak lak, ho chi minh",
  filterCount: (shown: number, total: number) => `${shown} of ${total} provinces and cities`,
  filterNone: (query: string) => `No province or city matches “${query}”.`,
  colDeShare: "Digital economy / GRDP",
  colEcom: "E-commerce / retail sales",
  colSme: "SMEs on digital platforms",
  sortBy: (column: string) => `Sort by ${column}`,
  incompleteTitle: (missing: string) => `Incomplete — missing: ${missing}`,
  incompleteNote: "* Incomplete value: data of some member areas or sub-periods are missing.",
  missingValue: "no data",
  tableCaptionProvinces: (year: string, geography: string) =>
    `Digital-economy indicators of provinces and cities, ${year}, ${geography} boundaries (%)`,
};

export const HOME_MESSAGES = pageMessages(vi, en);
export type HomeMessages = typeof vi;
