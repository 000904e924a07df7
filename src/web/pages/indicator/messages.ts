/**
 * Texts of the indicator page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(INDICATOR_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  indicatorEyebrow: "Chỉ tiêu",
  indicatorNotFound: (code: string) => `Không có chỉ tiêu “${code}”`,
  unitLabel: "Đơn vị",
  unitPercent: "phần trăm (%)",
  directionLabel: "Chiều tốt",
  frequencyLabel: "Tần suất",
  formulaLabel: "Công thức",
  sourceLabel: "Nguồn",
  targetsOf: "Mục tiêu",
  provinceCode: (code: string) => `Tỉnh, thành phố ${code}`,
  downloadsTitle: "Tải dữ liệu",
  downloadAllCsv: "Mọi giá trị đã công bố (CSV)",
  downloadAllXlsx: "Mọi giá trị đã công bố (Excel .xlsx)",
  trendTitle: "Xu hướng cả nước",
  trendIntro:
    "Mỗi chuỗi số liệu là một đường riêng. Lộ trình mục tiêu (chấm) và dự báo xu hướng (nét đứt, dải 80%) không phải là số liệu.",
  trendSummary: (indicator: string, latest: string) =>
    `Biểu đồ đường: ${indicator}, cả nước. Mới nhất — ${latest}.`,
  forecastSeries: "Dự báo xu hướng",
  forecastInterval: "Khoảng dự báo 80%",
  forecastLower: "Dự báo: cận dưới 80%",
  forecastUpper: "Dự báo: cận trên 80%",
  forecastLegend: "Dự báo xu hướng (nét đứt) và khoảng dự báo 80%",
  forecastText: (value: string, year: number, lower: string, upper: string) =>
    `Dự báo theo xu hướng log-tuyến tính: ${value} năm ${year} (khoảng 80%: ${lower} – ${upper}).`,
  forecastNote:
    "Dự báo: xu hướng log-tuyến tính ước lượng từ các năm đã có của chuỗi đầu tiên; chỉ để tham khảo, không phải số liệu.",
  progressTitle: "Tiến độ so với mục tiêu (cả nước)",
  progressIntro:
    "Mỗi dòng cho một mục tiêu và một chuỗi số liệu, kèm mọi đầu vào để có thể tự kiểm tra: giá trị gốc x₀ (năm t₀), giá trị mới nhất x_c (năm t_c), tốc độ tăng bình quân thực tế và cần thiết.",
  progressNone: "Chỉ tiêu này chưa có mục tiêu hoặc chưa có số liệu.",
  progressMethodNote:
    "Tăng thực tế = (x_c/x₀)^(1/(t_c−t₀)) − 1; cần thiết = (x*/x₀)^(1/(T−t₀)) − 1; từ nay = (x*/x_c)^(1/(T−t_c)) − 1. Đúng lộ trình khi tỷ số ≥ 0,95; cần tăng tốc từ 0,60; chậm dưới 0,60; đi lùi khi âm.",
  growthActual: "Tăng thực tế/năm",
  growthRequired: "Tăng cần thiết/năm",
  growthFromNow: "Cần từ nay/năm",
  projectionCol: "Dự phóng [khoảng 80%]",
};

const en: typeof vi = {
  indicatorEyebrow: "Indicator",
  indicatorNotFound: (code: string) => `No indicator “${code}”`,
  unitLabel: "Unit",
  unitPercent: "percent (%)",
  directionLabel: "Better when",
  frequencyLabel: "Frequency",
  formulaLabel: "Formula",
  sourceLabel: "Source",
  targetsOf: "Targets",
  provinceCode: (code: string) => `Province ${code}`,
  downloadsTitle: "Downloads",
  downloadAllCsv: "All published values (CSV)",
  downloadAllXlsx: "All published values (Excel .xlsx)",
  trendTitle: "National trend",
  trendIntro:
    "Each series is its own line. The target path (dotted) and the trend forecast (dashed, 80% band) are not data.",
  trendSummary: (indicator: string, latest: string) =>
    `Line chart: ${indicator}, nation. Latest — ${latest}.`,
  forecastSeries: "Trend forecast",
  forecastInterval: "80% forecast interval",
  forecastLower: "Forecast: lower 80% bound",
  forecastUpper: "Forecast: upper 80% bound",
  forecastLegend: "Trend forecast (dashed) and 80% interval",
  forecastText: (value: string, year: number, lower: string, upper: string) =>
    `Log-linear trend forecast: ${value} in ${year} (80% interval ${lower} – ${upper}).`,
  forecastNote:
    "Forecast: a log-linear trend fitted to the first series' years; for reference only, not data.",
  progressTitle: "Progress toward the targets (nation)",
  progressIntro:
    "One row per target and series, with every input so it can be checked: baseline x₀ (year t₀), latest x_c (year t_c), actual and required average growth.",
  progressNone: "This indicator has no target or no data yet.",
  progressMethodNote:
    "Actual growth = (x_c/x₀)^(1/(t_c−t₀)) − 1; required = (x*/x₀)^(1/(T−t₀)) − 1; from now = (x*/x_c)^(1/(T−t_c)) − 1. On track when the ratio ≥ 0.95; acceleration needed from 0.60; off track below 0.60; regressing when negative.",
  growthActual: "Actual growth/yr",
  growthRequired: "Required growth/yr",
  growthFromNow: "Required from now/yr",
  projectionCol: "Projection [80% interval]",
};

export const INDICATOR_MESSAGES = pageMessages(vi, en);
export type IndicatorMessages = typeof vi;
