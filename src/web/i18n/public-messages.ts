/**
 * Texts of the public pages (overview, indicator, province, rankings, digital economy, navigation,
 * search), Vietnamese first; English must have every key (`typeof publicVi`). Spread into the
 * messages of `messages.ts`, so pages use them as `t.xxx` like every other text.
 */
import type { ProgressClass } from "../data/types.ts";

const PROGRESS_VI: Record<ProgressClass, string> = {
  achieved: "Đã đạt",
  on_track: "Đúng lộ trình",
  acceleration_needed: "Cần tăng tốc",
  off_track: "Chậm so với lộ trình",
  regressing: "Đi lùi",
  insufficient_data: "Chưa đủ số liệu",
};
const PROGRESS_EN: Record<ProgressClass, string> = {
  achieved: "Achieved",
  on_track: "On track",
  acceleration_needed: "Acceleration needed",
  off_track: "Off track",
  regressing: "Regressing",
  insufficient_data: "Insufficient data",
};

const PILLARS_VI: Record<string, string> = {
  digital_economy: "Kinh tế số",
  platforms: "Nền tảng số",
  human_resources: "Nhân lực số",
  digital_society: "Xã hội số",
  infrastructure: "Hạ tầng số",
  cybersecurity: "An toàn thông tin",
  awareness: "Nhận thức số",
  institutions: "Thể chế số",
  digital_government: "Chính quyền số",
  smart_cities: "Đô thị thông minh",
};
const PILLARS_EN: Record<string, string> = {
  digital_economy: "Digital economy",
  platforms: "Digital platforms",
  human_resources: "Digital human resources",
  digital_society: "Digital society",
  infrastructure: "Digital infrastructure",
  cybersecurity: "Cybersecurity",
  awareness: "Digital awareness",
  institutions: "Digital institutions",
  digital_government: "Digital government",
  smart_cities: "Smart cities",
};

/** VSIC 2018 sections. */
const SECTORS_VI: Record<string, string> = {
  A: "Nông, lâm nghiệp và thủy sản",
  B: "Khai khoáng",
  C: "Công nghiệp chế biến, chế tạo",
  D: "Sản xuất, phân phối điện, khí đốt",
  E: "Cung cấp nước, xử lý rác thải",
  F: "Xây dựng",
  G: "Bán buôn và bán lẻ",
  H: "Vận tải, kho bãi",
  I: "Dịch vụ lưu trú và ăn uống",
  J: "Thông tin và truyền thông",
  K: "Tài chính, ngân hàng, bảo hiểm",
  L: "Kinh doanh bất động sản",
  M: "Chuyên môn, khoa học và công nghệ",
  N: "Hành chính và dịch vụ hỗ trợ",
  O: "Đảng, quản lý nhà nước, an ninh quốc phòng",
  P: "Giáo dục và đào tạo",
  Q: "Y tế và trợ giúp xã hội",
  R: "Nghệ thuật, vui chơi và giải trí",
  S: "Hoạt động dịch vụ khác",
  T: "Hoạt động làm thuê của hộ gia đình",
  U: "Tổ chức quốc tế",
};
const SECTORS_EN: Record<string, string> = {
  A: "Agriculture, forestry and fishing",
  B: "Mining and quarrying",
  C: "Manufacturing",
  D: "Electricity and gas supply",
  E: "Water supply and waste management",
  F: "Construction",
  G: "Wholesale and retail trade",
  H: "Transportation and storage",
  I: "Accommodation and food services",
  J: "Information and communication",
  K: "Finance and insurance",
  L: "Real estate",
  M: "Professional, scientific and technical",
  N: "Administrative and support services",
  O: "Public administration and defence",
  P: "Education",
  Q: "Health and social work",
  R: "Arts and recreation",
  S: "Other services",
  T: "Households as employers",
  U: "Extraterritorial organisations",
};

/** `2025` → `Năm 2025`, `2025-Q3` → `Quý 3/2025`, `2025-S1` → `6 tháng đầu 2025`. */
function periodVi(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `Quý ${q[2]}/${q[1]}`;
  const s = /^(\d{4})-S([12])$/.exec(p);
  if (s) return `${s[2] === "1" ? "6 tháng đầu" : "6 tháng cuối"} ${s[1]}`;
  return /^\d{4}$/.test(p) ? `Năm ${p}` : p;
}
function periodEn(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `Q${q[2]} ${q[1]}`;
  const s = /^(\d{4})-S([12])$/.exec(p);
  if (s) return `H${s[2]} ${s[1]}`;
  return p;
}

export const publicVi = {
  navLabel: "Điều hướng chính",
  navOverview: "Tổng quan",
  navRankings: "Xếp hạng",
  navDigitalEconomy: "Kinh tế số",
  navDti: "Chỉ số DTI",
  searchLabel: "Tìm tỉnh, thành phố hoặc chỉ tiêu",
  searchPlaceholder: "Tìm: dak nong, thuong mai dien tu…",
  searchNone: (q: string) => `Không tìm thấy “${q}”.`,
  searchProvince: (geography: string) => `Tỉnh, thành phố (${geography})`,
  searchIndicator: "Chỉ tiêu",
  geoAttribution: "Ranh giới hành chính: geoBoundaries (VNM ADM1), CC BY 4.0.",
  downloadCsv: "Tải CSV",
  noValue: "Không có số liệu",
  allValues: "Mọi giá trị",
  mapLegend: "Chú giải bản đồ",
  progressClass: (c: ProgressClass): string => PROGRESS_VI[c] ?? c,
  pillar: (p: string): string => PILLARS_VI[p] ?? p,
  sectorName: (s: string): string => SECTORS_VI[s] ?? s,
  periodName: periodVi,
  periodLabelField: "Kỳ",
  indicatorLabel: "Chỉ tiêu",
  code: "Mã",
  national: "Cả nước",
  colIndicator: "Chỉ tiêu",
  colLatest: "Giá trị mới nhất",
  colYear: "Năm",
  valueLabel: "Giá trị",
  colRank: "Hạng",
  colClass: "Đánh giá",
  colChange: "Thay đổi",
  colChangeSince: (period: string) => `Thay đổi so với ${period}`,
  targetPathOf: (series: string) => `Lộ trình đến mục tiêu (${series})`,

  targetsTitle: "Các mục tiêu của Quyết định 411",
  targetsIntro:
    "Giá trị mới nhất của cả nước so với mục tiêu gần nhất chưa đến hạn; đánh giá theo tốc độ tăng thực tế so với tốc độ cần thiết.",
  mapTitle: "Bản đồ các tỉnh, thành phố",
  mapSummary: (
    indicator: string,
    period: string,
    geography: string,
    highest: string,
    lowest: string,
    withData: number,
    total: number,
  ) =>
    `Bản đồ ${indicator}, ${period}, địa giới ${geography}: cao nhất ${highest}, thấp nhất ${lowest}; ${withData}/${total} tỉnh, thành phố có số liệu. Xem dạng bảng để đọc từng giá trị.`,
  mapNoData: (indicator: string) => `Bản đồ ${indicator}: chưa có số liệu.`,
  moversTitle: "Biến động lớn nhất trong quý",
  moversIntro: (indicator: string, from: string, to: string) =>
    `${indicator}: ${from} → ${to}, địa giới 2025.`,
  rises: "Tăng nhiều nhất",
  falls: "Giảm nhiều nhất",

  indicatorEyebrow: "Chỉ tiêu",
  indicatorNotFound: (code: string) => `Không có chỉ tiêu “${code}”`,
  unitLabel: "Đơn vị",
  unitPercent: "phần trăm (%)",
  pillarLabel: "Trụ cột",
  directionLabel: "Chiều tốt",
  direction: (d: string): string => (d === "lower" ? "Càng thấp càng tốt" : "Càng cao càng tốt"),
  frequencyLabel: "Tần suất",
  frequency: (f: string): string =>
    ({ quarterly: "Hằng quý", annual: "Hằng năm", monthly: "Hằng tháng" })[f] ?? f,
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
  rankingTableTitle: "Xếp hạng các tỉnh, thành phố",
  allRegions: "Tất cả các vùng",

  provinceEyebrow: (geography: string) => `Tỉnh, thành phố · địa giới ${geography}`,
  provinceNotFound: (geography: string, code: string) =>
    `Không có tỉnh, thành phố mã “${code}” trong địa giới ${geography}`,
  formedFrom: "Hình thành từ (địa giới 2008)",
  mergedInto: "Từ 1/7/2025 thuộc",
  pillarTitle: "Vị trí theo trụ cột",
  pillarIntro:
    "Điểm vị trí 0–100 (100 = đứng đầu) theo thứ hạng của tỉnh trong từng chỉ tiêu, bình quân trong mỗi trụ cột; năm mới nhất.",
  pillarSummary: (best: string, worst: string) =>
    `Biểu đồ cột: điểm vị trí theo trụ cột. Cao nhất ${best}, thấp nhất ${worst}.`,
  pillarScore: "Điểm vị trí (0–100)",
  pillarIndicators: "Số chỉ tiêu",
  provinceIndicatorsTitle: "Các chỉ tiêu so với cả nước và mục tiêu",
  provinceIndicatorsIntro: (geography: string) =>
    `Năm mới nhất của từng chỉ tiêu, địa giới ${geography}; mục tiêu riêng của tỉnh nếu có, nếu không là mục tiêu quốc gia; hạng trong số các tỉnh, thành phố có số liệu.`,
  ownTarget: "mục tiêu riêng",
  rankOf: (rank: number, n: number) => `hạng ${rank}/${n}`,
  historyTitle: "Lịch sử các tỉnh cũ (trước 1/7/2025)",
  historyIntro: "Số liệu của các tỉnh, thành phố theo địa giới 2008 đã hợp nhất thành đơn vị này.",
  historySummary: (indicator: string, year: string, values: string) =>
    `Biểu đồ đường: ${indicator} của các tỉnh cũ. Năm ${year}: ${values}.`,

  rankingsTitle: "Xếp hạng các tỉnh, thành phố",
  rankingsIntro:
    "Chọn một chỉ tiêu; lọc theo vùng; đổi địa giới 2025/2008. Xếp hạng đồng hạng (1, 2, 2, 4) theo chiều tốt của chỉ tiêu.",
  rankingsDtiLink: "Xếp hạng theo chỉ số chuyển đổi số (DTI) →",

  deTitle: "Đo lường kinh tế số",
  deIntro:
    "Giá trị tăng thêm của kinh tế số và tỷ trọng trong GDP theo hai phương pháp; lan tỏa sang các ngành theo cường độ số từ bảng cân đối liên ngành.",
  methodLabel: "Phương pháp",
  methodName: (m: string): string => (m === "gso" ? "Thống kê (gso)" : "Quyết định 411 (mic411)"),
  methodExplain: (m: string): string =>
    m === "gso"
      ? "gso: kinh tế số = giá trị tăng thêm của các ngành số lõi + phần số hóa của các ngành khác."
      : "mic411: kinh tế số = kinh tế số ICT + kinh tế số nền tảng + kinh tế số ngành.",
  deSeriesNote: (series: string, ioYear: number | null, ioDemo: boolean) =>
    `Chuỗi: ${series}.${ioYear ? ` Bảng cân đối liên ngành năm ${ioYear}${ioDemo ? " (minh họa)" : ""}.` : ""}`,
  deComponent: (method: string, key: string): string =>
    key === "core"
      ? method === "gso"
        ? "Ngành số lõi"
        : "Kinh tế số ICT"
      : key === "platform"
        ? "Kinh tế số nền tảng"
        : method === "gso"
          ? "Số hóa các ngành khác"
          : "Kinh tế số ngành",
  deComponentsTitle: "Các thành phần của kinh tế số theo năm",
  deComponentsIntro:
    "Giá trị tăng thêm, tỷ đồng (trục: nghìn tỷ đồng); các cột chồng lên nhau cộng thành tổng.",
  deComponentsSummary: (year: string, total: string, share: string, parts: string) =>
    `Biểu đồ cột chồng: kinh tế số năm ${year} là ${total} tỷ đồng (${share} GDP): ${parts} tỷ đồng.`,
  deValueAdded: "Kinh tế số (tỷ đồng)",
  deGrdp: "GDP/GRDP (tỷ đồng)",
  deShare: "Tỷ trọng (%)",
  spilloverTitle: (year: string) => `Lan tỏa theo ngành, năm ${year}`,
  spilloverIntro: "Tỷ lệ của từng ngành trong phần số hóa (giá trị tăng thêm × cường độ số).",
  spilloverSummary: (year: string, top: string, n: number) =>
    `Biểu đồ thanh: lan tỏa theo ${n} ngành năm ${year}; lớn nhất ${top}.`,
  sectorLabel: "Ngành (VSIC 2018)",
  deSectorVa: "Giá trị tăng thêm (tỷ đồng)",
  deIntensity: "Cường độ số δ",
  deDigitalVa: "Phần số hóa (tỷ đồng)",
  deShareOfSectoral: "Tỷ lệ trong phần số hóa (%)",
  deProvincesTitle: (year: string) => `So sánh các tỉnh, thành phố, năm ${year}`,
  deProvincesIntro: "Phần số hóa của các ngành (ngoài ngành số lõi) tính theo % GRDP của tỉnh.",
  deProvincesSummary: (year: string, first: string, last: string) =>
    `Biểu đồ thanh: số hóa các ngành theo tỉnh năm ${year}; cao nhất ${first}, thấp nhất ${last}.`,
  deSectoralVa: "Phần số hóa (tỷ đồng)",
  deSectoralShare: "Số hóa / GRDP (%)",
};

export type PublicMessages = typeof publicVi;

export const publicEn: PublicMessages = {
  navLabel: "Main navigation",
  navOverview: "Overview",
  navRankings: "Rankings",
  navDigitalEconomy: "Digital economy",
  navDti: "DTI index",
  searchLabel: "Find a province or an indicator",
  searchPlaceholder: "Search: dak nong, e-commerce…",
  searchNone: (q: string) => `Nothing found for “${q}”.`,
  searchProvince: (geography: string) => `Province (${geography})`,
  searchIndicator: "Indicator",
  geoAttribution: "Administrative boundaries: geoBoundaries (VNM ADM1), CC BY 4.0.",
  downloadCsv: "Download CSV",
  noValue: "No data",
  allValues: "All values",
  mapLegend: "Map legend",
  progressClass: (c: ProgressClass): string => PROGRESS_EN[c] ?? c,
  pillar: (p: string): string => PILLARS_EN[p] ?? p,
  sectorName: (s: string): string => SECTORS_EN[s] ?? s,
  periodName: periodEn,
  periodLabelField: "Period",
  indicatorLabel: "Indicator",
  code: "Code",
  national: "Nation",
  colIndicator: "Indicator",
  colLatest: "Latest value",
  colYear: "Year",
  valueLabel: "Value",
  colRank: "Rank",
  colClass: "Assessment",
  colChange: "Change",
  colChangeSince: (period: string) => `Change since ${period}`,
  targetPathOf: (series: string) => `Path to the target (${series})`,

  targetsTitle: "The targets of Decision 411",
  targetsIntro:
    "The nation's latest value against the next target not yet due; assessed by the actual growth against the growth required.",
  mapTitle: "Map of provinces",
  mapSummary: (
    indicator: string,
    period: string,
    geography: string,
    highest: string,
    lowest: string,
    withData: number,
    total: number,
  ) =>
    `Map of ${indicator}, ${period}, ${geography} geography: highest ${highest}, lowest ${lowest}; ${withData} of ${total} provinces have data. Use the table view to read every value.`,
  mapNoData: (indicator: string) => `Map of ${indicator}: no data yet.`,
  moversTitle: "Biggest movers this quarter",
  moversIntro: (indicator: string, from: string, to: string) =>
    `${indicator}: ${from} → ${to}, 2025 geography.`,
  rises: "Largest rises",
  falls: "Largest falls",

  indicatorEyebrow: "Indicator",
  indicatorNotFound: (code: string) => `No indicator “${code}”`,
  unitLabel: "Unit",
  unitPercent: "percent (%)",
  pillarLabel: "Pillar",
  directionLabel: "Better when",
  direction: (d: string): string => (d === "lower" ? "Lower is better" : "Higher is better"),
  frequencyLabel: "Frequency",
  frequency: (f: string): string =>
    ({ quarterly: "Quarterly", annual: "Annual", monthly: "Monthly" })[f] ?? f,
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
  rankingTableTitle: "Provinces ranked",
  allRegions: "All regions",

  provinceEyebrow: (geography: string) => `Province · ${geography} geography`,
  provinceNotFound: (geography: string, code: string) =>
    `No province with code “${code}” in the ${geography} geography`,
  formedFrom: "Formed from (2008 geography)",
  mergedInto: "Since 1 July 2025 part of",
  pillarTitle: "Position by pillar",
  pillarIntro:
    "Position score 0–100 (100 = first) from the province's rank on each indicator, averaged within each pillar; latest year.",
  pillarSummary: (best: string, worst: string) =>
    `Bar chart: position score by pillar. Highest ${best}, lowest ${worst}.`,
  pillarScore: "Position score (0–100)",
  pillarIndicators: "Indicators",
  provinceIndicatorsTitle: "Indicators against the nation and the targets",
  provinceIndicatorsIntro: (geography: string) =>
    `Latest year of each indicator, ${geography} geography; the province's own target where it has one, else the national target; rank among provinces with data.`,
  ownTarget: "own target",
  rankOf: (rank: number, n: number) => `rank ${rank} of ${n}`,
  historyTitle: "History of the former provinces (before 1 July 2025)",
  historyIntro: "Values of the 2008-geography provinces merged into this unit.",
  historySummary: (indicator: string, year: string, values: string) =>
    `Line chart: ${indicator} of the former provinces. ${year}: ${values}.`,

  rankingsTitle: "Provinces ranked",
  rankingsIntro:
    "Choose an indicator; filter by region; switch between the 2025 and 2008 geographies. Ties share a rank (1, 2, 2, 4), by the indicator's direction.",
  rankingsDtiLink: "Ranking by the digital transformation index (DTI) →",

  deTitle: "Measuring the digital economy",
  deIntro:
    "The digital economy's value added and share of GDP by either method; its spillover to other industries from the input–output table's digital intensities.",
  methodLabel: "Method",
  methodName: (m: string): string => (m === "gso" ? "Statistics office (gso)" : "Decision 411 (mic411)"),
  methodExplain: (m: string): string =>
    m === "gso"
      ? "gso: digital economy = core digital industries' value added + digitalisation of the other industries."
      : "mic411: digital economy = ICT digital economy + platform digital economy + sectoral digital economy.",
  deSeriesNote: (series: string, ioYear: number | null, ioDemo: boolean) =>
    `Series: ${series}.${ioYear ? ` Input–output table of ${ioYear}${ioDemo ? " (demo)" : ""}.` : ""}`,
  deComponent: (method: string, key: string): string =>
    key === "core"
      ? method === "gso"
        ? "Core digital industries"
        : "ICT digital economy"
      : key === "platform"
        ? "Platform digital economy"
        : method === "gso"
          ? "Digitalisation of other industries"
          : "Sectoral digital economy",
  deComponentsTitle: "Components of the digital economy by year",
  deComponentsIntro: "Value added, VND billion (axis: VND trillion); stacked bars add up to the total.",
  deComponentsSummary: (year: string, total: string, share: string, parts: string) =>
    `Stacked bar chart: the digital economy in ${year} is VND ${total} billion (${share} of GDP): ${parts} VND billion.`,
  deValueAdded: "Digital economy (VND bn)",
  deGrdp: "GDP/GRDP (VND bn)",
  deShare: "Share (%)",
  spilloverTitle: (year: string) => `Spillover by sector, ${year}`,
  spilloverIntro: "Each industry's part of the digitalised value added (value added × digital intensity).",
  spilloverSummary: (year: string, top: string, n: number) =>
    `Bar chart: spillover over ${n} sectors in ${year}; largest ${top}.`,
  sectorLabel: "Sector (VSIC 2018)",
  deSectorVa: "Value added (VND bn)",
  deIntensity: "Digital intensity δ",
  deDigitalVa: "Digitalised (VND bn)",
  deShareOfSectoral: "Share of digitalised (%)",
  deProvincesTitle: (year: string) => `Provinces compared, ${year}`,
  deProvincesIntro: "Digitalised value added of the non-core industries as % of the province's GRDP.",
  deProvincesSummary: (year: string, first: string, last: string) =>
    `Bar chart: sectoral digitalisation by province in ${year}; highest ${first}, lowest ${last}.`,
  deSectoralVa: "Digitalised (VND bn)",
  deSectoralShare: "Digitalised / GRDP (%)",
};
