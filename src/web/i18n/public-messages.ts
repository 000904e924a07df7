/**
 * Shared texts of the public pages (navigation, search, map, ranking table, texts several pages use),
 * Vietnamese first; English must have every key (`typeof publicVi`). Spread into the messages of
 * `messages.ts`, so pages use them as `t.xxx` like every other text. A page's own texts are in its
 * `pages/<page>/messages.ts`.
 */
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
  mapKeyboardHint:
    "Bấm vào một tỉnh, thành phố trên bản đồ, hoặc chọn trong danh sách dưới bản đồ rồi bấm “Mở trang”, để xem trang của tỉnh, thành phố đó.",
  mapChooserLabel: "Tỉnh, thành phố trên bản đồ",
  mapChooserOpen: "Mở trang",
  pillar: (p: string): string => PILLARS_VI[p] ?? p,
  periodName: periodVi,
  periodLabelField: "Kỳ",
  indicatorLabel: "Chỉ tiêu",
  code: "Mã",
  national: "Cả nước",
  colYear: "Năm",
  valueLabel: "Giá trị",
  colRank: "Hạng",
  colClass: "Đánh giá",
  colChangeSince: (period: string) => `Thay đổi so với ${period}`,
  targetPathOf: (series: string) => `Lộ trình đến mục tiêu (${series})`,
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
  rises: "Tăng nhiều nhất",
  falls: "Giảm nhiều nhất",
  pillarLabel: "Trụ cột",
  direction: (d: string): string => (d === "lower" ? "Càng thấp càng tốt" : "Càng cao càng tốt"),
  frequency: (f: string): string =>
    ({ quarterly: "Hằng quý", annual: "Hằng năm", monthly: "Hằng tháng" })[f] ?? f,
  rankingTableTitle: "Xếp hạng các tỉnh, thành phố",
  allRegions: "Tất cả các vùng",
};

export type PublicMessages = typeof publicVi;

export const publicEn: PublicMessages = {
  navLabel: "Main navigation",
  navOverview: "Overview",
  navRankings: "Rankings",
  navDigitalEconomy: "Digital economy",
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
  mapKeyboardHint:
    "Click a province on the map, or choose one in the list under the map and press “Open page”, to see that province's page.",
  mapChooserLabel: "Province or city on the map",
  mapChooserOpen: "Open page",
  pillar: (p: string): string => PILLARS_EN[p] ?? p,
  periodName: periodEn,
  periodLabelField: "Period",
  indicatorLabel: "Indicator",
  code: "Code",
  national: "Nation",
  colYear: "Year",
  valueLabel: "Value",
  colRank: "Rank",
  colClass: "Assessment",
  colChangeSince: (period: string) => `Change since ${period}`,
  targetPathOf: (series: string) => `Path to the target (${series})`,
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
  rises: "Largest rises",
  falls: "Largest falls",
  pillarLabel: "Pillar",
  direction: (d: string): string => (d === "lower" ? "Lower is better" : "Higher is better"),
  frequency: (f: string): string =>
    ({ quarterly: "Quarterly", annual: "Annual", monthly: "Monthly" })[f] ?? f,
  rankingTableTitle: "Provinces ranked",
  allRegions: "All regions",
};
