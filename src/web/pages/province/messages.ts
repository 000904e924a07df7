/**
 * Texts of the province page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(PROVINCE_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
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
};

const en: typeof vi = {
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
};

export const PROVINCE_MESSAGES = pageMessages(vi, en);
export type ProvinceMessages = typeof vi;
