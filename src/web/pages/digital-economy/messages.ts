/**
 * Texts of the digital-economy page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(DIGITAL_ECONOMY_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

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

const vi = {
  sectorName: (s: string): string => SECTORS_VI[s] ?? s,
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

const en: typeof vi = {
  sectorName: (s: string): string => SECTORS_EN[s] ?? s,
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

export const DIGITAL_ECONOMY_MESSAGES = pageMessages(vi, en);
export type DigitalEconomyMessages = typeof vi;
