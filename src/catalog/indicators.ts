/**
 * The indicator catalogue: data elements (raw quantities a province reports or the system loads)
 * and indicators (formulas over elements). Design decisions:
 * - Every percentage is `100 × numerator / denominator` over elements, so a region's or the
 *   nation's value is always a ratio of sums (DESIGN §4.1), never a mean of provincial ratios.
 * - `DE_SHARE_GDP` is one code for the nation (share of GDP) and for a province (share of GRDP):
 *   the denominator element `GRDP` is the nation's GDP when summed over all provinces.
 * - Both measurement methods of the digital economy are kept (§4.3): the statistics office's
 *   (`DE_CORE_VA` + `DE_DIGITALISED_VA`) and Decision 411's three components (`DE_ICT_VA`,
 *   `DE_PLATFORM_VA`, `DE_SECTORAL_VA`).
 * - Value added by industry (`VA_<code>`, the 28 industries of `industries.ts`) is what a province
 *   reports; the digital economy's components (`DE_CORE_VA`, `DE_ICT_VA`, `DE_DIGITALISED_VA`,
 *   `DE_SECTORAL_VA`, `DE_SECTORAL_VA_<S>`) are derived from it and the national input–output
 *   table at recompute, unless a series stores them itself, so they stay elements. Each industry
 *   also has its share of GRDP (`VA_SHARE_<code>`, tag `economic-structure`), which makes the
 *   engine aggregate and store sector value added.
 * - An indicator's frequency is derived from its elements: annual as soon as one element is only
 *   measured yearly (population surveys), quarterly otherwise.
 * - Tags say where an indicator belongs: `decision-411`, `decision-1354:<level>:<no>`,
 *   `annual-plan:<year>`, `provincial-target`, `action-programme:<no>`, `seed` (measured in a seed
 *   article), `method:gso` / `method:mic411`, and `project-defined` for indicators this project
 *   defined itself (including those placed in the rows of Decision 1354 that could not be read).
 */
import type { DataElement, Direction, Frequency, Indicator, PillarCode, Unit } from "../domain/catalog.ts";
import { industries, vaElementCode } from "./industries.ts";

export { pillars } from "./pillars.ts";

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const D411 =
  "Quyết định 411/QĐ-TTg ngày 31/3/2022 (Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030)";
const D1354 = "Quyết định 1354/QĐ-BTTTT ngày 7/7/2022 (Bộ chỉ tiêu, công cụ đo lường kinh tế số)";
const DE_STAT =
  "Nghị định 94/2022/NĐ-CP (chỉ tiêu thống kê quốc gia); Quyết định 05/2023/QĐ-TTg (chỉ tiêu cấp tỉnh, GRDP); Tổng cục Thống kê: kinh tế số lõi + số hóa các ngành khác";
const PLAN_2022 = "Kế hoạch năm 2022 của Ủy ban Quốc gia về chuyển đổi số";
const PLAN_2023 = "Kế hoạch năm 2023 của Ủy ban Quốc gia về chuyển đổi số";
const SESSION_2023 =
  "Bộ Thông tin và Truyền thông, phiên họp chuyên đề lần 2 của Ủy ban Quốc gia về chuyển đổi số (30/8/2023; seed 000)";
const FORUM_2023 = "Diễn đàn Quốc gia phát triển kinh tế số và xã hội số lần thứ I (13–14/9/2023; seed 002)";
const DTI_2022 =
  "Bộ Thông tin và Truyền thông, Chỉ số chuyển đổi số cấp tỉnh năm 2022 theo Quyết định 922/QĐ-BTTTT (công bố 12/7/2023, dti.gov.vn/xep-hang-2022)";
const PROJECT = "Chỉ tiêu do dxmonitor tự định nghĩa (project-defined)";
const fill1354 = (level: string, no: number) =>
  `${PROJECT}; đặt vào dòng ${level} ${no} của Quyết định 1354/QĐ-BTTTT, dòng này không đọc được từ nguồn công khai`;

// ---------------------------------------------------------------------------------------------
// Data elements
// ---------------------------------------------------------------------------------------------

interface ElementSpec {
  nameVi: string;
  nameEn: string;
  pillar: PillarCode;
  descriptionVi?: string;
  descriptionEn?: string;
  frequency?: Frequency;
  max?: number;
}

/** A money flow in VND billion (value added, sales, spending): sums over areas and quarters. */
function money(code: string, s: ElementSpec): DataElement {
  return {
    code,
    unit: "vnd_billion",
    valueType: "number",
    areaAggregation: "sum",
    timeAggregation: "sum",
    frequency: s.frequency ?? "quarterly",
    min: 0,
    max: s.max ?? 50_000_000,
    ...describe(s),
  };
}

/** A stock counted at the end of the period (enterprises, people, households…): last over time. */
function stock(code: string, unit: Unit, s: ElementSpec): DataElement {
  return {
    code,
    unit,
    valueType: "integer",
    areaAggregation: "sum",
    timeAggregation: "last",
    frequency: s.frequency ?? "quarterly",
    min: 0,
    max: s.max ?? 200_000_000,
    ...describe(s),
  };
}

/** A count of events over the period (applications, transactions): sums over areas and quarters. */
function flow(code: string, unit: Unit, s: ElementSpec): DataElement {
  return {
    code,
    unit,
    valueType: "integer",
    areaAggregation: "sum",
    timeAggregation: "sum",
    frequency: s.frequency ?? "quarterly",
    min: 0,
    max: s.max ?? 2_000_000_000,
    ...describe(s),
  };
}

/** A published index value (rank, score): not aggregated over areas, last over time. */
function publishedIndex(code: string, unit: Unit, s: ElementSpec): DataElement {
  return {
    code,
    unit,
    valueType: "number",
    areaAggregation: "none",
    timeAggregation: "last",
    frequency: s.frequency ?? "annual",
    min: 0,
    max: s.max ?? 1,
    ...describe(s),
  };
}

/** An average level over the period (labour force in the quarterly survey): mean over quarters. */
function average(code: string, unit: Unit, s: ElementSpec): DataElement {
  return {
    code,
    unit,
    valueType: "integer",
    areaAggregation: "sum",
    timeAggregation: "mean",
    frequency: s.frequency ?? "quarterly",
    min: 0,
    max: s.max ?? 200_000_000,
    ...describe(s),
  };
}

function describe(s: ElementSpec) {
  return {
    nameVi: s.nameVi,
    nameEn: s.nameEn,
    pillar: s.pillar,
    ...(s.descriptionVi === undefined ? {} : { descriptionVi: s.descriptionVi }),
    ...(s.descriptionEn === undefined ? {} : { descriptionEn: s.descriptionEn }),
  };
}

const DE = "digital_economy" as const;
const SOC = "digital_society" as const;

export const dataElements: readonly DataElement[] = Object.freeze([
  // Output and the digital economy (statistics office method)
  money("GRDP", {
    nameVi: "Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)",
    nameEn: "Gross regional domestic product (GRDP, current prices)",
    pillar: DE,
    descriptionVi: "Cộng qua các tỉnh là GDP cả nước.",
    descriptionEn: "Summed over all provinces it is the nation's GDP.",
  }),
  money("DE_CORE_VA", {
    nameVi: "Giá trị tăng thêm của các ngành kinh tế số lõi",
    nameEn: "Value added of the core digital-economy industries",
    pillar: DE,
    descriptionVi:
      "Các ngành lõi theo VSIC 2018: sản xuất điện tử (261–268), bán buôn thiết bị CNTT (4651–4652), xuất bản phần mềm (582), viễn thông (61), lập trình và tư vấn (62), xử lý dữ liệu (631), sửa chữa máy tính (951) Σ_{i∈D} VA_i. Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "Core industries in VSIC 2018: electronics (261–268), ICT wholesale (4651–4652), software publishing (582), telecommunications (61), programming and consultancy (62), data processing (631), computer repair (951) Σ_{i∈D} VA_i. When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  money("DE_DIGITALISED_VA", {
    nameVi: "Giá trị tăng thêm số hóa của các ngành kinh tế khác",
    nameEn: "Digitalised value added of the other industries",
    pillar: DE,
    descriptionVi:
      "Phần giá trị tăng thêm của các ngành ngoài kinh tế số lõi được tạo ra nhờ đầu vào số: Σ_{j∉D} VAⱼ × δⱼ, δⱼ là tỷ trọng đầu vào trung gian trực tiếp từ các ngành lõi (bảng vào–ra). Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "The part of the non-core industries' value added due to digital inputs: Σ_{j∉D} VAⱼ × δⱼ, δⱼ the share of direct intermediate inputs from the core industries (input–output table). When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  // The three components of Decision 411
  money("DE_ICT_VA", {
    nameVi: "Kinh tế số ICT (công nghiệp CNTT và dịch vụ viễn thông)",
    nameEn: "ICT digital economy (IT industry and telecommunications services)",
    pillar: DE,
    descriptionVi:
      "Bằng giá trị tăng thêm của các ngành kinh tế số lõi. Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "Equal to the value added of the core digital industries. When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  money("DE_PLATFORM_VA", {
    nameVi: "Kinh tế số nền tảng (hoạt động của các nền tảng số và dịch vụ trực tuyến)",
    nameEn: "Platform digital economy (digital platforms and online services)",
    pillar: DE,
  }),
  money("DE_SECTORAL_VA", {
    nameVi: "Kinh tế số ngành (hoạt động kinh tế số trong các ngành, lĩnh vực)",
    nameEn: "Sectoral digital economy (digital activity within the other sectors)",
    pillar: DE,
    descriptionVi:
      "Σ_{j∉D} VAⱼ × δⱼ, δⱼ là cường độ số toàn phần (trực tiếp và gián tiếp qua chuỗi cung ứng, ma trận Leontief). Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "Σ_{j∉D} VAⱼ × δⱼ, δⱼ the total digital intensity (direct and through the supply chain, Leontief inverse). When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  money("DE_SECTORAL_VA_G", {
    nameVi: "Kinh tế số ngành: bán buôn, bán lẻ (VSIC G)",
    nameEn: "Sectoral digital economy: wholesale and retail trade (VSIC G)",
    pillar: DE,
    descriptionVi:
      "VA_G × δ_G (cường độ số toàn phần). Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "VA_G × δ_G (total digital intensity). When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  money("DE_SECTORAL_VA_M", {
    nameVi: "Kinh tế số ngành: hoạt động chuyên môn, khoa học và công nghệ (VSIC M)",
    nameEn: "Sectoral digital economy: professional, scientific and technical activities (VSIC M)",
    pillar: DE,
    descriptionVi:
      "VA_M × δ_M (cường độ số toàn phần). Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "VA_M × δ_M (total digital intensity). When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  money("DE_SECTORAL_VA_O", {
    nameVi:
      "Kinh tế số ngành: hoạt động của Đảng, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng (VSIC O)",
    nameEn:
      "Sectoral digital economy: party, socio-political organisations, public administration, defence (VSIC O)",
    pillar: DE,
    descriptionVi:
      "VA_O × δ_O (cường độ số toàn phần). Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "VA_O × δ_O (total digital intensity). When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  money("DE_SECTORAL_VA_P", {
    nameVi: "Kinh tế số ngành: giáo dục và đào tạo (VSIC P)",
    nameEn: "Sectoral digital economy: education and training (VSIC P)",
    pillar: DE,
    descriptionVi:
      "VA_P × δ_P (cường độ số toàn phần). Nếu chuỗi số liệu không lưu giá trị này, hệ thống tính nó từ giá trị tăng thêm theo ngành và bảng vào–ra quốc gia.",
    descriptionEn:
      "VA_P × δ_P (total digital intensity). When a series does not store it, it is derived from value added by industry and the national input–output table.",
  }),
  // Value added by industry (the 28 industries of the input–output classification)
  ...industries.map((i) =>
    money(vaElementCode(i.code), {
      nameVi: `Giá trị tăng thêm ngành ${i.nameVi} (VSIC ${i.vsic})`,
      nameEn: `Value added: ${i.nameEn} (VSIC ${i.vsic})`,
      pillar: DE,
      descriptionVi: i.core
        ? "Nhóm ngành kinh tế số lõi. Giá hiện hành, tỷ đồng; cùng 27 ngành còn lại cộng thành tổng giá trị tăng thêm (GRDP trừ thuế sản phẩm trừ trợ cấp sản phẩm)."
        : "Giá hiện hành, tỷ đồng; cùng 27 ngành còn lại cộng thành tổng giá trị tăng thêm (GRDP trừ thuế sản phẩm trừ trợ cấp sản phẩm).",
      descriptionEn: i.core
        ? "A core digital-economy group. Current prices, VND billion; with the other 27 industries it adds up to total value added (GRDP less taxes less subsidies on products)."
        : "Current prices, VND billion; with the other 27 industries it adds up to total value added (GRDP less taxes less subsidies on products).",
    }),
  ),
  // Trade
  money("RETAIL_SALES", {
    nameVi: "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
    nameEn: "Retail sales of goods and consumer services",
    pillar: DE,
  }),
  money("ECOM_REVENUE", {
    nameVi: "Doanh thu thương mại điện tử bán lẻ (B2C)",
    nameEn: "Retail (B2C) e-commerce revenue",
    pillar: DE,
  }),
  // Enterprises
  stock("ENT_ACTIVE", "enterprises", {
    nameVi: "Số doanh nghiệp đang hoạt động",
    nameEn: "Active enterprises",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("ENT_ECONTRACT_USERS", "enterprises", {
    nameVi: "Số doanh nghiệp sử dụng hợp đồng điện tử",
    nameEn: "Enterprises using electronic contracts",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("ENT_ETAX_FILERS", "enterprises", {
    nameVi: "Số doanh nghiệp kê khai, nộp thuế điện tử",
    nameEn: "Enterprises filing and paying taxes electronically",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("ENT_EINVOICE_USERS", "enterprises", {
    nameVi: "Số doanh nghiệp sử dụng hóa đơn điện tử",
    nameEn: "Enterprises using electronic invoices",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("SME_ACTIVE", "enterprises", {
    nameVi: "Số doanh nghiệp nhỏ và vừa đang hoạt động",
    nameEn: "Active small and medium-sized enterprises",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("SME_PLATFORM_USERS", "enterprises", {
    nameVi: "Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
    nameEn: "SMEs using digital platforms",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("SME_PLATFORM_REGULAR", "enterprises", {
    nameVi: "Số doanh nghiệp nhỏ và vừa thường xuyên sử dụng các nền tảng chuyển đổi số",
    nameEn: "SMEs regularly using digital-transformation platforms",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("SME_ASSESSED", "enterprises", {
    nameVi: "Số doanh nghiệp nhỏ và vừa đã tự đánh giá mức độ chuyển đổi số (lũy kế)",
    nameEn: "SMEs that took the digital-maturity self-assessment (cumulative)",
    pillar: DE,
    max: 5_000_000,
    descriptionVi:
      "Số mã số thuế có ít nhất một phiếu tự đánh giá đến cuối kỳ; người trả lời tự chọn tham gia, không phải mẫu đại diện.",
    descriptionEn:
      "Tax codes with at least one self-assessment by the end of the period; respondents select themselves, they are not a representative sample.",
  }),
  stock("SME_ASSESSED_PLATFORM_USERS", "enterprises", {
    nameVi: "Số doanh nghiệp đã tự đánh giá có sử dụng nền tảng số",
    nameEn: "Self-assessed SMEs using at least one digital platform",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("SME_ASSESSED_PLATFORM_REGULAR", "enterprises", {
    nameVi: "Số doanh nghiệp đã tự đánh giá sử dụng từ 3 nền tảng số trở lên",
    nameEn: "Self-assessed SMEs using three or more digital platforms",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("SME_SMEDX_REACHED", "enterprises", {
    nameVi:
      "Số doanh nghiệp nhỏ và vừa được tiếp cận, dùng thử nền tảng chuyển đổi số (chương trình SMEdx, lũy kế)",
    nameEn: "SMEs that accessed or trialled digital-transformation platforms (SMEdx programme, cumulative)",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("DIGITAL_TECH_ENT", "enterprises", {
    nameVi: "Số doanh nghiệp công nghệ số (cung cấp dịch vụ viễn thông - công nghệ thông tin)",
    nameEn: "Digital technology enterprises (telecom and IT service providers)",
    pillar: DE,
    max: 5_000_000,
  }),
  stock("DIGITAL_PLATFORM_ENT", "enterprises", {
    nameVi: "Số doanh nghiệp nền tảng số",
    nameEn: "Digital platform enterprises",
    pillar: "platforms",
    max: 1_000_000,
  }),
  stock("OPEN_DATA_ENT", "enterprises", {
    nameVi: "Số doanh nghiệp khai thác, sử dụng dữ liệu mở của cơ quan nhà nước trong năm",
    nameEn: "Enterprises that used government open data during the year",
    pillar: "platforms",
    frequency: "annual",
    max: 5_000_000,
    descriptionVi: "Đếm doanh nghiệp khác nhau trong cả năm nên không cộng theo quý.",
    descriptionEn: "Distinct enterprises over the year, so not additive over quarters.",
  }),
  {
    code: "SECTOR_PLATFORMS_DEPLOYED",
    nameVi: "Số nền tảng số chuyên ngành, nền tảng quản trị và kinh doanh đã triển khai (cấp quốc gia)",
    nameEn: "Sector digital platforms and management/business platforms deployed (national)",
    unit: "count",
    valueType: "integer",
    areaAggregation: "none",
    timeAggregation: "last",
    frequency: "quarterly",
    pillar: "platforms",
    min: 0,
    max: 100_000,
    descriptionVi: "Một nền tảng phục vụ nhiều tỉnh nên không cộng theo địa bàn: chỉ báo cáo cho cả nước.",
    descriptionEn:
      "One platform serves many provinces, so values are not summed over areas: reported for the nation only.",
  },
  stock("POSTAL_ECOM_POINTS", "count", {
    nameVi: "Số điểm phục vụ thương mại điện tử trên nền tảng bưu chính (Vỏ Sò, Postmart)",
    nameEn: "Service points of postal e-commerce platforms (Vỏ Sò, Postmart)",
    pillar: DE,
    max: 10_000_000,
  }),
  // Labour
  average("LABOUR_FORCE", "persons", {
    nameVi: "Lực lượng lao động từ 15 tuổi trở lên (bình quân kỳ)",
    nameEn: "Labour force aged 15 and over (period average)",
    pillar: "human_resources",
  }),
  average("DE_WORKERS", "persons", {
    nameVi: "Số lao động làm việc trong kinh tế số (bình quân kỳ)",
    nameEn: "Workers in the digital economy (period average)",
    pillar: "human_resources",
  }),
  average("IT_WORKERS", "persons", {
    nameVi: "Nhân lực công nghệ thông tin, công nghệ số (bình quân kỳ)",
    nameEn: "IT and digital-technology workforce (period average)",
    pillar: "human_resources",
  }),
  // Population (surveys: annual)
  stock("POP_TOTAL", "persons", {
    nameVi: "Dân số",
    nameEn: "Population",
    pillar: SOC,
    frequency: "annual",
  }),
  stock("POP_15PLUS", "persons", {
    nameVi: "Dân số từ 15 tuổi trở lên",
    nameEn: "Population aged 15 and over",
    pillar: SOC,
    frequency: "annual",
  }),
  stock("POP_ADULT", "persons", {
    nameVi: "Dân số trưởng thành (từ 18 tuổi trở lên)",
    nameEn: "Adult population (aged 18 and over)",
    pillar: SOC,
    frequency: "annual",
  }),
  stock("POP_WORKING_AGE", "persons", {
    nameVi: "Dân số trong độ tuổi lao động",
    nameEn: "Working-age population",
    pillar: SOC,
    frequency: "annual",
  }),
  stock("HOUSEHOLDS", "households", {
    nameVi: "Số hộ gia đình",
    nameEn: "Households",
    pillar: SOC,
    frequency: "annual",
    max: 100_000_000,
  }),
  stock("ADULTS_SMARTPHONE", "persons", {
    nameVi: "Số người trưởng thành có điện thoại thông minh",
    nameEn: "Adults with a smartphone",
    pillar: SOC,
    frequency: "annual",
  }),
  stock("POP15_PAYMENT_ACCOUNT", "persons", {
    nameVi:
      "Số người từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác",
    nameEn: "People aged 15+ with a payment account at a bank or another licensed institution",
    pillar: SOC,
    frequency: "annual",
  }),
  stock("ADULTS_DIGITAL_SIGNATURE", "persons", {
    nameVi: "Số người trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân còn hiệu lực",
    nameEn: "Adults with a valid personal digital or electronic signature",
    pillar: SOC,
  }),
  stock("WORKING_AGE_DIGITAL_SKILLS", "persons", {
    nameVi: "Số người trong độ tuổi lao động được đào tạo kỹ năng số cơ bản (lũy kế)",
    nameEn: "Working-age people trained in basic digital skills (cumulative)",
    pillar: SOC,
  }),
  stock("HOUSEHOLDS_FIBRE", "households", {
    nameVi: "Số hộ gia đình được phủ mạng Internet băng rộng cáp quang",
    nameEn: "Households covered by fibre broadband",
    pillar: "infrastructure",
    max: 100_000_000,
  }),
  stock("ADULTS_ONLINE_PUBLIC_SERVICE", "persons", {
    nameVi: "Số người trưởng thành đã sử dụng dịch vụ công trực tuyến trong năm",
    nameEn: "Adults who used online public services during the year",
    pillar: SOC,
    frequency: "annual",
    descriptionVi: "Đếm người khác nhau trong cả năm nên chỉ đo theo năm.",
    descriptionEn: "Distinct people over the year, so measured yearly only.",
  }),
  stock("PERSONS_EHEALTH_RECORD", "persons", {
    nameVi: "Số người dân có hồ sơ sức khỏe điện tử",
    nameEn: "People with an electronic health record",
    pillar: SOC,
  }),
  stock("EDU_FACILITIES_URBAN", "count", {
    nameVi: "Số cơ sở giáo dục và đào tạo trên địa bàn đô thị",
    nameEn: "Education and training institutions in urban areas",
    pillar: SOC,
    max: 1_000_000,
  }),
  stock("EDU_FACILITIES_URBAN_CASHLESS", "count", {
    nameVi: "Số cơ sở giáo dục và đào tạo trên địa bàn đô thị thu học phí, dịch vụ không dùng tiền mặt",
    nameEn: "Urban education institutions that accept cashless payment of fees and services",
    pillar: SOC,
    max: 1_000_000,
  }),
  stock("HEALTH_FACILITIES_URBAN", "count", {
    nameVi: "Số cơ sở khám bệnh, chữa bệnh trên địa bàn đô thị",
    nameEn: "Medical examination and treatment facilities in urban areas",
    pillar: SOC,
    max: 1_000_000,
  }),
  stock("HEALTH_FACILITIES_URBAN_CASHLESS", "count", {
    nameVi: "Số cơ sở khám bệnh, chữa bệnh trên địa bàn đô thị chấp nhận thanh toán không dùng tiền mặt",
    nameEn: "Urban medical facilities that accept cashless payment",
    pillar: SOC,
    max: 1_000_000,
  }),
  // Infrastructure and cybersecurity
  stock("INTERNET_SUBSCRIPTIONS", "count", {
    nameVi: "Số thuê bao Internet băng rộng (cố định và di động)",
    nameEn: "Broadband Internet subscriptions (fixed and mobile)",
    pillar: "infrastructure",
    max: 500_000_000,
  }),
  stock("INTERNET_SUBS_PROTECTED", "count", {
    nameVi: "Số thuê bao Internet được bảo đảm truy cập an toàn (có dịch vụ bảo vệ)",
    nameEn: "Internet subscriptions protected by a safe-access service",
    pillar: "cybersecurity",
    max: 500_000_000,
  }),
  // Awareness: community digital technology teams
  stock("HAMLETS", "count", {
    nameVi: "Số thôn, tổ dân phố",
    nameEn: "Villages and residential groups",
    pillar: "awareness",
    max: 1_000_000,
  }),
  stock("HAMLETS_CDT_TEAM", "count", {
    nameVi: "Số thôn, tổ dân phố có Tổ công nghệ số cộng đồng",
    nameEn: "Villages and residential groups with a community digital technology team",
    pillar: "awareness",
    max: 1_000_000,
  }),
  // Institutions: budget
  money("BUDGET_SPEND", {
    nameVi: "Tổng chi ngân sách địa phương",
    nameEn: "Local government budget expenditure",
    pillar: "institutions",
  }),
  money("DX_BUDGET_SPEND", {
    nameVi: "Chi ngân sách địa phương cho chuyển đổi số",
    nameEn: "Local government expenditure on digital transformation",
    pillar: "institutions",
  }),
  // Digital government
  flow("ADMIN_APPLICATIONS", "count", {
    nameVi: "Số hồ sơ thủ tục hành chính tiếp nhận",
    nameEn: "Administrative applications received",
    pillar: "digital_government",
  }),
  flow("ONLINE_APPLICATIONS", "count", {
    nameVi: "Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến",
    nameEn: "Administrative applications received online",
    pillar: "digital_government",
  }),
  stock("PUBLIC_SERVICES_TOTAL", "count", {
    nameVi: "Số thủ tục hành chính thuộc thẩm quyền giải quyết",
    nameEn: "Administrative procedures under the authority's responsibility",
    pillar: "digital_government",
    max: 10_000_000,
  }),
  stock("PUBLIC_SERVICES_FULL_ONLINE", "count", {
    nameVi: "Số thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
    nameEn: "Administrative procedures offered as fully online public services",
    pillar: "digital_government",
    max: 10_000_000,
  }),
  // Smart cities
  stock("IOC_CENTRES", "count", {
    nameVi: "Số trung tâm giám sát, điều hành đô thị thông minh (IOC) đang vận hành",
    nameEn: "Smart-city intelligent operations centres (IOC) in operation",
    pillar: "smart_cities",
    max: 100_000,
  }),
  // The published provincial digital-transformation index (DTI): loaded as published, never
  // generated nor reported (see PUBLISHED_ONLY_ELEMENTS). A rank or a score is not additive over
  // provinces, so neither is aggregated nor re-based (`none`).
  publishedIndex("DTI_PUBLISHED_RANK", "count", {
    nameVi: "Thứ hạng công bố của tỉnh theo Chỉ số chuyển đổi số (DTI)",
    nameEn: "Published rank of the province in the digital transformation index (DTI)",
    pillar: "digital_government",
    frequency: "annual",
    max: 100,
  }),
  publishedIndex("DTI_PUBLISHED_SCORE", "index", {
    nameVi: "Điểm công bố của tỉnh theo Chỉ số chuyển đổi số (DTI), thang 0–1",
    nameEn: "Published score of the province in the digital transformation index (DTI), 0–1 scale",
    pillar: "digital_government",
    frequency: "annual",
    max: 1,
  }),
] satisfies DataElement[]);

/**
 * Elements that only published sources fill (the ministry's DTI ranking): the demo generator and
 * the reporting forms leave them out.
 */
export const PUBLISHED_ONLY_ELEMENTS: ReadonlySet<string> = new Set([
  "DTI_PUBLISHED_RANK",
  "DTI_PUBLISHED_SCORE",
]);

const elementByCode = new Map(dataElements.map((e) => [e.code, e]));

/** The element codes a formula refers to, in order of first appearance. */
export function formulaReferences(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/\{([^{}]*)\}/g)) {
    const code = m[1] ?? "";
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

interface IndicatorSpec {
  nameVi: string;
  nameEn: string;
  definitionVi: string;
  definitionEn: string;
  pillar: PillarCode;
  numerator: string;
  denominator?: string;
  source: string;
  tags: string[];
  unit?: Unit;
  decimals?: number;
  direction?: Direction;
}

/** Annual when any element is annual; quarterly otherwise (unknown references are caught by tests). */
function frequencyOf(numerator: string, denominator: string | null): Frequency {
  const refs = [...formulaReferences(numerator), ...(denominator ? formulaReferences(denominator) : [])];
  return refs.some((r) => elementByCode.get(r)?.frequency === "annual") ? "annual" : "quarterly";
}

/** A percentage: 100 × numerator / denominator. */
function percent(code: string, s: IndicatorSpec & { denominator: string }): Indicator {
  return build(code, s, "percent", 100, s.decimals ?? 1);
}

/** A level: the numerator itself (a count or an amount). */
function level(code: string, s: IndicatorSpec & { unit: Unit }): Indicator {
  return build(code, s, s.unit, 1, s.decimals ?? 0);
}

function build(code: string, s: IndicatorSpec, unit: Unit, factor: number, decimals: number): Indicator {
  const denominator = s.denominator ?? null;
  return {
    code,
    nameVi: s.nameVi,
    nameEn: s.nameEn,
    definitionVi: s.definitionVi,
    definitionEn: s.definitionEn,
    unit,
    pillar: s.pillar,
    direction: s.direction ?? "higher",
    decimals,
    numerator: s.numerator,
    denominator,
    factor,
    frequency: frequencyOf(s.numerator, denominator),
    source: s.source,
    tags: Object.freeze([...s.tags]),
  };
}

export const indicators: readonly Indicator[] = Object.freeze([
  // ---- Digital economy: size and share --------------------------------------------------------
  percent("DE_SHARE_GDP", {
    nameVi: "Tỷ trọng kinh tế số trong GDP/GRDP",
    nameEn: "Digital economy value added as share of GDP/GRDP",
    definitionVi:
      "Giá trị tăng thêm của kinh tế số (ngành kinh tế số lõi cộng phần số hóa của các ngành khác) chia cho GDP (cả nước) hoặc GRDP (tỉnh), nhân 100.",
    definitionEn:
      "Digital-economy value added (core digital industries plus the digitalised part of other industries) divided by GDP (nation) or GRDP (province), times 100.",
    pillar: DE,
    numerator: "{DE_CORE_VA} + {DE_DIGITALISED_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: `${D411}; ${D1354}; ${DE_STAT}`,
    tags: [
      "decision-411",
      "decision-1354:national:1",
      "decision-1354:province:1",
      "annual-plan:2023",
      "provincial-target",
      "action-programme:8",
      "method:gso",
      "seed",
    ],
  }),
  percent("DE_SHARE_GDP_MIC411", {
    nameVi: "Tỷ trọng kinh tế số trong GDP/GRDP (ba thành phần theo Quyết định 411)",
    nameEn: "Digital economy share of GDP/GRDP (three components of Decision 411)",
    definitionVi:
      "Tổng kinh tế số ICT, kinh tế số nền tảng và kinh tế số ngành chia cho GDP hoặc GRDP, nhân 100; cách tính của Bộ Thông tin và Truyền thông.",
    definitionEn:
      "ICT digital economy plus platform digital economy plus sectoral digital economy, divided by GDP or GRDP, times 100; the ministry's method.",
    pillar: DE,
    numerator: "{DE_ICT_VA} + {DE_PLATFORM_VA} + {DE_SECTORAL_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: `${D411} (định nghĩa ba thành phần); Bộ Thông tin và Truyền thông (ước tính từ doanh thu thuế)`,
    tags: ["method:mic411", "seed"],
  }),
  level("DE_VA", {
    nameVi: "Giá trị tăng thêm của kinh tế số",
    nameEn: "Digital economy value added",
    definitionVi:
      "Giá trị tăng thêm của các ngành kinh tế số lõi cộng giá trị tăng thêm số hóa của các ngành khác, tỷ đồng.",
    definitionEn:
      "Value added of the core digital industries plus the digitalised value added of the other industries, VND billion.",
    pillar: DE,
    unit: "vnd_billion",
    numerator: "{DE_CORE_VA} + {DE_DIGITALISED_VA}",
    source: fill1354("province", 12),
    tags: ["decision-1354:province:12", "project-defined", "method:gso"],
  }),
  percent("DE_CORE_SHARE_GDP", {
    nameVi: "Tỷ trọng kinh tế số lõi trong GDP/GRDP",
    nameEn: "Core digital economy as share of GDP/GRDP",
    definitionVi: "Giá trị tăng thêm của các ngành kinh tế số lõi chia cho GDP hoặc GRDP, nhân 100.",
    definitionEn: "Value added of the core digital industries divided by GDP or GRDP, times 100.",
    pillar: DE,
    numerator: "{DE_CORE_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: DE_STAT,
    tags: ["method:gso"],
  }),
  percent("DE_DIGITALISED_SHARE_GDP", {
    nameVi: "Tỷ trọng số hóa các ngành kinh tế khác trong GDP/GRDP",
    nameEn: "Digitalisation of other industries as share of GDP/GRDP",
    definitionVi:
      "Giá trị tăng thêm số hóa của các ngành ngoài kinh tế số lõi chia cho GDP hoặc GRDP, nhân 100.",
    definitionEn:
      "Digitalised value added of the industries outside the core, divided by GDP or GRDP, times 100.",
    pillar: DE,
    numerator: "{DE_DIGITALISED_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: DE_STAT,
    tags: ["method:gso"],
  }),
  percent("DE_ICT_SHARE_GDP", {
    nameVi: "Tỷ trọng kinh tế số ICT trong GDP/GRDP",
    nameEn: "ICT digital economy as share of GDP/GRDP",
    definitionVi:
      "Giá trị tăng thêm của công nghiệp công nghệ thông tin và dịch vụ viễn thông chia cho GDP hoặc GRDP, nhân 100.",
    definitionEn:
      "Value added of the IT industry and telecommunications services divided by GDP or GRDP, times 100.",
    pillar: DE,
    numerator: "{DE_ICT_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: `${D411} (kinh tế số ICT)`,
    tags: ["method:mic411"],
  }),
  percent("DE_PLATFORM_SHARE_GDP", {
    nameVi: "Tỷ trọng kinh tế số nền tảng trong GDP/GRDP",
    nameEn: "Platform digital economy as share of GDP/GRDP",
    definitionVi:
      "Giá trị tăng thêm của các nền tảng số, hệ thống trực tuyến kết nối cung cầu và dịch vụ trực tuyến chia cho GDP hoặc GRDP, nhân 100.",
    definitionEn:
      "Value added of digital platforms, online marketplaces and online services divided by GDP or GRDP, times 100.",
    pillar: DE,
    numerator: "{DE_PLATFORM_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: `${D411} (kinh tế số nền tảng)`,
    tags: ["method:mic411"],
  }),
  percent("DE_SECTORAL_SHARE_GDP", {
    nameVi: "Tỷ trọng kinh tế số ngành trong GDP/GRDP",
    nameEn: "Sectoral digital economy as share of GDP/GRDP",
    definitionVi:
      "Giá trị tăng thêm của hoạt động kinh tế số trong các ngành, lĩnh vực chia cho GDP hoặc GRDP, nhân 100.",
    definitionEn: "Value added of digital activity within the sectors divided by GDP or GRDP, times 100.",
    pillar: DE,
    numerator: "{DE_SECTORAL_VA}",
    denominator: "{GRDP}",
    decimals: 2,
    source: `${D411} (kinh tế số ngành)`,
    tags: ["method:mic411"],
  }),
  percent("DE_SHARE_SECTOR", {
    nameVi: "Tỷ trọng kinh tế số trong các ngành, lĩnh vực",
    nameEn: "Digital economy share in the sectors",
    definitionVi:
      "Giá trị tăng thêm số hóa của các ngành ngoài kinh tế số lõi chia cho tổng giá trị tăng thêm của các ngành đó (GRDP trừ kinh tế số lõi), nhân 100.",
    definitionEn:
      "Digitalised value added of the industries outside the core divided by those industries' total value added (GRDP minus the core), times 100.",
    pillar: DE,
    numerator: "{DE_DIGITALISED_VA}",
    denominator: "{GRDP} - {DE_CORE_VA}",
    decimals: 2,
    source: `${D411}; ${D1354}`,
    tags: ["decision-411", "decision-1354:sector:1", "provincial-target", "method:gso", "seed"],
  }),
  // ICT spillover by sector (seed 000): share of the sectoral digital economy
  ...(
    [
      ["G", "bán buôn, bán lẻ", "wholesale and retail trade"],
      [
        "M",
        "hoạt động chuyên môn, khoa học và công nghệ",
        "professional, scientific and technical activities",
      ],
      [
        "O",
        "hoạt động của Đảng, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng",
        "party, socio-political organisations, public administration and defence",
      ],
      ["P", "giáo dục và đào tạo", "education and training"],
    ] as const
  ).map(([section, vi, en]) =>
    percent(`DE_SECTORAL_SHARE_${section}`, {
      nameVi: `Mức độ lan tỏa ICT: tỷ trọng ngành ${vi} trong kinh tế số ngành`,
      nameEn: `ICT spillover: ${en} as share of the sectoral digital economy`,
      definitionVi: `Kinh tế số của ngành ${vi} (VSIC ${section}) chia cho tổng kinh tế số ngành, nhân 100.`,
      definitionEn: `Digital economy within ${en} (VSIC ${section}) divided by the whole sectoral digital economy, times 100.`,
      pillar: DE,
      numerator: `{DE_SECTORAL_VA_${section}}`,
      denominator: "{DE_SECTORAL_VA}",
      source: SESSION_2023,
      tags: ["seed", "method:mic411"],
    }),
  ),
  // ---- Economic structure: value added by industry as a share of GRDP ----------------------------
  ...industries.map((i) =>
    percent(`VA_SHARE_${i.code}`, {
      nameVi: `Tỷ trọng giá trị tăng thêm ngành ${i.nameVi} trong GRDP`,
      nameEn: `Value added of ${i.nameEn} as share of GRDP`,
      definitionVi: `Giá trị tăng thêm của ngành (VSIC ${i.vsic}) chia cho GDP (cả nước) hoặc GRDP (tỉnh), nhân 100.`,
      definitionEn: `Value added of the industry (VSIC ${i.vsic}) divided by GDP (nation) or GRDP (province), times 100.`,
      pillar: DE,
      numerator: `{${vaElementCode(i.code)}}`,
      denominator: "{GRDP}",
      decimals: 2,
      source: `${DE_STAT}; Hệ thống ngành kinh tế Việt Nam (VSIC 2018, Quyết định 27/2018/QĐ-TTg)`,
      tags: ["economic-structure"],
    }),
  ),
  // ---- Digital economy: trade and enterprises ----------------------------------------------------
  percent("ECOM_SHARE_RETAIL", {
    nameVi: "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ",
    nameEn: "E-commerce share of total retail sales",
    definitionVi:
      "Doanh thu thương mại điện tử bán lẻ (B2C) chia cho tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng, nhân 100.",
    definitionEn:
      "Retail (B2C) e-commerce revenue divided by retail sales of goods and consumer services, times 100.",
    pillar: DE,
    numerator: "{ECOM_REVENUE}",
    denominator: "{RETAIL_SALES}",
    decimals: 2,
    source: `${D411}; ${D1354}; ${PLAN_2022}; ${PLAN_2023}`,
    tags: [
      "decision-411",
      "decision-1354:national:2",
      "annual-plan:2022",
      "annual-plan:2023",
      "provincial-target",
      "seed",
    ],
  }),
  percent("ENT_ECONTRACT", {
    nameVi: "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử",
    nameEn: "Enterprises using e-contracts",
    definitionVi:
      "Số doanh nghiệp sử dụng hợp đồng điện tử chia cho số doanh nghiệp đang hoạt động, nhân 100.",
    definitionEn: "Enterprises using electronic contracts divided by active enterprises, times 100.",
    pillar: DE,
    numerator: "{ENT_ECONTRACT_USERS}",
    denominator: "{ENT_ACTIVE}",
    source: `${D411}; ${D1354}; ${PLAN_2022}`,
    tags: [
      "decision-411",
      "decision-1354:national:3",
      "decision-1354:province:6",
      "annual-plan:2022",
      "provincial-target",
      "seed",
    ],
  }),
  percent("ENT_ETAX", {
    nameVi: "Tỷ lệ doanh nghiệp nộp thuế điện tử",
    nameEn: "Enterprises filing taxes electronically",
    definitionVi:
      "Số doanh nghiệp kê khai, nộp thuế điện tử chia cho số doanh nghiệp đang hoạt động, nhân 100.",
    definitionEn:
      "Enterprises filing and paying taxes electronically divided by active enterprises, times 100.",
    pillar: DE,
    numerator: "{ENT_ETAX_FILERS}",
    denominator: "{ENT_ACTIVE}",
    source: D1354,
    tags: ["decision-1354:national:4", "decision-1354:province:7"],
  }),
  percent("ENT_EINVOICE", {
    nameVi: "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử",
    nameEn: "Enterprises using e-invoices",
    definitionVi:
      "Số doanh nghiệp sử dụng hóa đơn điện tử chia cho số doanh nghiệp đang hoạt động, nhân 100.",
    definitionEn: "Enterprises using electronic invoices divided by active enterprises, times 100.",
    pillar: DE,
    numerator: "{ENT_EINVOICE_USERS}",
    denominator: "{ENT_ACTIVE}",
    source: `${fill1354("province", 9)}; Bộ Thông tin và Truyền thông, phiên họp thứ ba của Ủy ban Quốc gia về chuyển đổi số (8/8/2022; seed 003)`,
    tags: ["decision-1354:province:9", "project-defined", "seed"],
  }),
  percent("SME_DIGITAL_PLATFORM", {
    nameVi: "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
    nameEn: "SMEs using digital platforms",
    definitionVi:
      "Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số chia cho số doanh nghiệp nhỏ và vừa đang hoạt động, nhân 100.",
    definitionEn: "SMEs using digital platforms divided by active SMEs, times 100.",
    pillar: DE,
    numerator: "{SME_PLATFORM_USERS}",
    denominator: "{SME_ACTIVE}",
    source: `${D411}; ${D1354}; ${PLAN_2022}`,
    tags: [
      "decision-411",
      "decision-1354:province:5",
      "annual-plan:2022",
      "provincial-target",
      "action-programme:2",
      "seed",
    ],
  }),
  percent("SME_DIGITAL_PLATFORM_REGULAR", {
    nameVi: "Tỷ lệ doanh nghiệp nhỏ và vừa thường xuyên sử dụng các nền tảng chuyển đổi số",
    nameEn: "SMEs regularly using digital-transformation platforms",
    definitionVi:
      "Số doanh nghiệp nhỏ và vừa thường xuyên sử dụng các nền tảng chuyển đổi số chia cho số doanh nghiệp nhỏ và vừa đang hoạt động, nhân 100.",
    definitionEn:
      "SMEs that regularly use digital-transformation platforms divided by active SMEs, times 100.",
    pillar: DE,
    numerator: "{SME_PLATFORM_REGULAR}",
    denominator: "{SME_ACTIVE}",
    source: `${PLAN_2023}; ${SESSION_2023}`,
    tags: ["annual-plan:2023", "seed"],
  }),
  percent("SME_ASSESSED_PLATFORM_SHARE", {
    nameVi: "Tỷ lệ doanh nghiệp tự đánh giá có sử dụng nền tảng số",
    nameEn: "Self-assessed SMEs using digital platforms",
    definitionVi:
      "Trong các doanh nghiệp đã tự đánh giá (phiếu mới nhất của mỗi mã số thuế), số doanh nghiệp dùng ít nhất một nền tảng số chia cho số doanh nghiệp đã tự đánh giá, nhân 100. Người trả lời tự chọn tham gia: không đại diện cho mọi doanh nghiệp.",
    definitionEn:
      "Among SMEs that took the self-assessment (each tax code's latest), those using at least one digital platform divided by all of them, times 100. Respondents select themselves: not representative of all firms.",
    pillar: DE,
    numerator: "{SME_ASSESSED_PLATFORM_USERS}",
    denominator: "{SME_ASSESSED}",
    source: "dxmonitor: tự đánh giá của doanh nghiệp (DESIGN §4.7)",
    tags: ["self-assessment", "project-defined"],
  }),
  percent("SME_ASSESSED_PLATFORM_REGULAR_SHARE", {
    nameVi: "Tỷ lệ doanh nghiệp tự đánh giá thường xuyên sử dụng nền tảng số",
    nameEn: "Self-assessed SMEs regularly using digital platforms",
    definitionVi:
      "Trong các doanh nghiệp đã tự đánh giá, số doanh nghiệp dùng từ 3 nền tảng số trở lên (cách đo gần đúng của dxmonitor) chia cho số doanh nghiệp đã tự đánh giá, nhân 100. Không đại diện cho mọi doanh nghiệp.",
    definitionEn:
      "Among SMEs that took the self-assessment, those using three or more digital platforms (dxmonitor's proxy for regular use) divided by all of them, times 100. Not representative of all firms.",
    pillar: DE,
    numerator: "{SME_ASSESSED_PLATFORM_REGULAR}",
    denominator: "{SME_ASSESSED}",
    source: "dxmonitor: tự đánh giá của doanh nghiệp (DESIGN §4.7)",
    tags: ["self-assessment", "project-defined"],
  }),
  percent("SME_DIGITAL_PLATFORM_REACHED", {
    nameVi: "Tỷ lệ doanh nghiệp nhỏ và vừa được tiếp cận, dùng thử nền tảng chuyển đổi số",
    nameEn: "SMEs that accessed or trialled digital-transformation platforms",
    definitionVi:
      "Số doanh nghiệp nhỏ và vừa đã được tiếp cận, dùng thử nền tảng chuyển đổi số doanh nghiệp (lũy kế) chia cho số doanh nghiệp nhỏ và vừa đang hoạt động, nhân 100.",
    definitionEn:
      "SMEs that have accessed or trialled enterprise digital-transformation platforms (cumulative) divided by active SMEs, times 100.",
    pillar: DE,
    numerator: "{SME_SMEDX_REACHED}",
    denominator: "{SME_ACTIVE}",
    source: SESSION_2023,
    tags: ["annual-plan:2023", "seed"],
  }),
  level("SMEDX_SMES", {
    nameVi: "Số doanh nghiệp nhỏ và vừa tiếp cận, tham gia chương trình SMEdx",
    nameEn: "SMEs reached by or taking part in the SMEdx programme",
    definitionVi:
      "Số doanh nghiệp nhỏ và vừa (lũy kế) đã tiếp cận, dùng thử nền tảng chuyển đổi số trong chương trình SMEdx.",
    definitionEn:
      "SMEs (cumulative) that have accessed or trialled digital-transformation platforms in the SMEdx programme.",
    pillar: DE,
    unit: "enterprises",
    numerator: "{SME_SMEDX_REACHED}",
    source: D1354,
    tags: ["decision-1354:province:4"],
  }),
  level("DIGITAL_TECH_ENTERPRISES", {
    nameVi: "Số doanh nghiệp công nghệ số",
    nameEn: "Digital technology enterprises",
    definitionVi:
      "Số doanh nghiệp công nghệ số đang hoạt động (doanh nghiệp cung cấp dịch vụ viễn thông - công nghệ thông tin).",
    definitionEn: "Active digital technology enterprises (providers of telecom and IT services).",
    pillar: DE,
    unit: "enterprises",
    numerator: "{DIGITAL_TECH_ENT}",
    source: D1354,
    tags: ["decision-1354:province:2"],
  }),
  level("DIGITAL_PLATFORM_ENTERPRISES", {
    nameVi: "Số doanh nghiệp nền tảng số",
    nameEn: "Digital platform enterprises",
    definitionVi:
      "Số doanh nghiệp đang vận hành nền tảng số (nền tảng kết nối cung cầu, dịch vụ trực tuyến).",
    definitionEn: "Enterprises operating digital platforms (marketplaces, online services).",
    pillar: "platforms",
    unit: "enterprises",
    numerator: "{DIGITAL_PLATFORM_ENT}",
    source: D1354,
    tags: ["decision-1354:province:3"],
  }),
  level("POSTAL_ECOM_POINTS_COUNT", {
    nameVi: "Số điểm phục vụ thương mại điện tử trên nền tảng bưu chính",
    nameEn: "Postal e-commerce service points",
    definitionVi:
      "Số điểm phục vụ của các sàn thương mại điện tử bưu chính (Vỏ Sò, Postmart). Tên chỉ tiêu trong nguồn bị cắt; định nghĩa này là cách dự án hiểu.",
    definitionEn:
      "Service points of the postal e-commerce platforms (Vỏ Sò, Postmart). The indicator's name is cut off in the source; this definition is the project's reading.",
    pillar: DE,
    unit: "count",
    numerator: "{POSTAL_ECOM_POINTS}",
    source: `${D1354} (tên chỉ tiêu bị cắt trong nguồn)`,
    tags: ["decision-1354:province:8"],
  }),
  level("OPEN_DATA_ENTERPRISES", {
    nameVi: "Số doanh nghiệp khai thác, sử dụng dữ liệu mở",
    nameEn: "Enterprises using open data",
    definitionVi:
      "Số doanh nghiệp khai thác, sử dụng dữ liệu mở trên cổng dữ liệu mở của cơ quan nhà nước để phục vụ sản xuất kinh doanh trong năm.",
    definitionEn:
      "Enterprises that used data from a government open-data portal in their business during the year.",
    pillar: "platforms",
    unit: "enterprises",
    numerator: "{OPEN_DATA_ENT}",
    source: D1354,
    tags: ["decision-1354:sector:2"],
  }),
  level("SECTOR_PLATFORMS", {
    nameVi: "Số nền tảng số chuyên ngành đã triển khai",
    nameEn: "Sector digital platforms deployed",
    definitionVi:
      "Số nền tảng số chuyên ngành, nền tảng quản trị và kinh doanh theo từng lĩnh vực đã được triển khai (chỉ tính cho cả nước).",
    definitionEn:
      "Sector digital platforms and management/business platforms deployed, by field (nation only).",
    pillar: "platforms",
    unit: "count",
    numerator: "{SECTOR_PLATFORMS_DEPLOYED}",
    source: D1354,
    tags: ["decision-1354:sector:3", "action-programme:2"],
  }),
  // ---- Human resources ----------------------------------------------------------------------------
  percent("DE_WORKFORCE_SHARE", {
    nameVi: "Tỷ lệ nhân lực lao động kinh tế số trong lực lượng lao động",
    nameEn: "Digital economy workers as share of the labour force",
    definitionVi:
      "Số lao động làm việc trong kinh tế số chia cho lực lượng lao động từ 15 tuổi trở lên, nhân 100 (bình quân kỳ).",
    definitionEn:
      "Workers in the digital economy divided by the labour force aged 15 and over, times 100 (period averages).",
    pillar: DE,
    numerator: "{DE_WORKERS}",
    denominator: "{LABOUR_FORCE}",
    decimals: 2,
    source: `${D411}; ${D1354} (chỉ tiêu quốc gia 5 dùng mẫu số là tổng số lao động; ở đây dùng lực lượng lao động như Quyết định 411)`,
    tags: ["decision-411", "decision-1354:national:5", "provincial-target", "seed"],
  }),
  percent("IT_WORKFORCE_SHARE", {
    nameVi: "Tỷ lệ nhân lực công nghệ thông tin, công nghệ số trong lực lượng lao động",
    nameEn: "IT and digital technology workforce as share of the labour force",
    definitionVi:
      "Nhân lực công nghệ thông tin, công nghệ số chia cho lực lượng lao động từ 15 tuổi trở lên, nhân 100 (bình quân kỳ).",
    definitionEn:
      "IT and digital-technology workers divided by the labour force aged 15 and over, times 100 (period averages).",
    pillar: "human_resources",
    numerator: "{IT_WORKERS}",
    denominator: "{LABOUR_FORCE}",
    decimals: 2,
    source: D1354,
    tags: ["decision-1354:national:6"],
  }),
  // ---- Digital society ---------------------------------------------------------------------------
  percent("SMARTPHONE_ADULTS", {
    nameVi: "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
    nameEn: "Adults with a smartphone",
    definitionVi: "Số người trưởng thành có điện thoại thông minh chia cho dân số trưởng thành, nhân 100.",
    definitionEn: "Adults with a smartphone divided by the adult population, times 100.",
    pillar: SOC,
    numerator: "{ADULTS_SMARTPHONE}",
    denominator: "{POP_ADULT}",
    source: `${D411}; ${PLAN_2022}; ${FORUM_2023}`,
    tags: ["decision-411", "annual-plan:2022", "action-programme:1", "seed"],
  }),
  percent("PAYMENT_ACCOUNT_15", {
    nameVi: "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán",
    nameEn: "Population aged 15+ with a payment account",
    definitionVi:
      "Số người từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác chia cho dân số từ 15 tuổi trở lên, nhân 100.",
    definitionEn:
      "People aged 15 and over with a payment account at a bank or another licensed institution divided by the population aged 15 and over, times 100.",
    pillar: SOC,
    numerator: "{POP15_PAYMENT_ACCOUNT}",
    denominator: "{POP_15PLUS}",
    source: `${D411}; ${PLAN_2022}`,
    tags: ["decision-411", "annual-plan:2022", "seed"],
  }),
  percent("DIGITAL_SIGNATURE_ADULTS", {
    nameVi: "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân",
    nameEn: "Adults with a personal digital or electronic signature",
    definitionVi:
      "Số người trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân còn hiệu lực chia cho dân số trưởng thành, nhân 100.",
    definitionEn:
      "Adults with a valid personal digital or electronic signature divided by the adult population, times 100.",
    pillar: SOC,
    numerator: "{ADULTS_DIGITAL_SIGNATURE}",
    denominator: "{POP_ADULT}",
    source: `${D411}; ${FORUM_2023}`,
    tags: ["decision-411", "action-programme:7", "seed"],
  }),
  percent("DIGITAL_SKILLS_BASIC", {
    nameVi: "Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản",
    nameEn: "Working-age people trained in basic digital skills",
    definitionVi:
      "Số người trong độ tuổi lao động đã được đào tạo kỹ năng số cơ bản (lũy kế) chia cho dân số trong độ tuổi lao động, nhân 100.",
    definitionEn:
      "Working-age people trained in basic digital skills (cumulative) divided by the working-age population, times 100.",
    pillar: SOC,
    numerator: "{WORKING_AGE_DIGITAL_SKILLS}",
    denominator: "{POP_WORKING_AGE}",
    source: `${D411}; ${FORUM_2023}`,
    tags: ["decision-411", "action-programme:3"],
  }),
  percent("FIBRE_HOUSEHOLDS", {
    nameVi: "Tỷ lệ hộ gia đình được phủ mạng Internet băng rộng cáp quang",
    nameEn: "Households covered by fibre broadband",
    definitionVi:
      "Số hộ gia đình được phủ mạng Internet băng rộng cáp quang chia cho tổng số hộ gia đình, nhân 100.",
    definitionEn: "Households covered by fibre broadband divided by all households, times 100.",
    pillar: SOC,
    numerator: "{HOUSEHOLDS_FIBRE}",
    denominator: "{HOUSEHOLDS}",
    source: `${D411}; ${PLAN_2023}; ${FORUM_2023}`,
    tags: ["decision-411", "annual-plan:2023", "action-programme:1", "seed"],
  }),
  percent("ONLINE_PUBLIC_SERVICE_ADULTS", {
    nameVi: "Tỷ lệ dân số trưởng thành sử dụng dịch vụ công trực tuyến",
    nameEn: "Adults using online public services",
    definitionVi:
      "Số người trưởng thành đã sử dụng dịch vụ công trực tuyến trong năm chia cho dân số trưởng thành, nhân 100.",
    definitionEn:
      "Adults who used online public services during the year divided by the adult population, times 100.",
    pillar: SOC,
    numerator: "{ADULTS_ONLINE_PUBLIC_SERVICE}",
    denominator: "{POP_ADULT}",
    source: D411,
    tags: ["decision-411", "seed"],
  }),
  percent("EHEALTH_RECORD", {
    nameVi: "Tỷ lệ người dân có hồ sơ sức khỏe điện tử",
    nameEn: "People with an electronic health record",
    definitionVi: "Số người dân có hồ sơ sức khỏe điện tử chia cho dân số, nhân 100.",
    definitionEn: "People with an electronic health record divided by the population, times 100.",
    pillar: SOC,
    numerator: "{PERSONS_EHEALTH_RECORD}",
    denominator: "{POP_TOTAL}",
    source: `${D411}; ${PLAN_2023}`,
    tags: ["decision-411", "annual-plan:2023"],
  }),
  percent("CASHLESS_EDU_SHARE", {
    nameVi: "Tỷ lệ cơ sở giáo dục và đào tạo ở đô thị thanh toán không dùng tiền mặt",
    nameEn: "Urban education institutions accepting cashless payment",
    definitionVi:
      "Số cơ sở giáo dục và đào tạo trên địa bàn đô thị thu học phí, dịch vụ không dùng tiền mặt chia cho tổng số cơ sở đó, nhân 100.",
    definitionEn:
      "Urban education and training institutions that accept cashless payment of fees and services divided by all such institutions, times 100.",
    pillar: SOC,
    numerator: "{EDU_FACILITIES_URBAN_CASHLESS}",
    denominator: "{EDU_FACILITIES_URBAN}",
    source: `${fill1354("province", 10)}; ${SESSION_2023} (mục tiêu 100% cơ sở giáo dục ở đô thị)`,
    tags: ["decision-1354:province:10", "project-defined", "seed"],
  }),
  percent("CASHLESS_HEALTH_SHARE", {
    nameVi: "Tỷ lệ cơ sở khám, chữa bệnh ở đô thị thanh toán không dùng tiền mặt",
    nameEn: "Urban medical facilities accepting cashless payment",
    definitionVi:
      "Số cơ sở khám bệnh, chữa bệnh trên địa bàn đô thị chấp nhận thanh toán không dùng tiền mặt chia cho tổng số cơ sở đó, nhân 100.",
    definitionEn:
      "Urban medical examination and treatment facilities that accept cashless payment divided by all such facilities, times 100.",
    pillar: SOC,
    numerator: "{HEALTH_FACILITIES_URBAN_CASHLESS}",
    denominator: "{HEALTH_FACILITIES_URBAN}",
    source: `${fill1354("province", 11)}; ${SESSION_2023} (mục tiêu 100% cơ sở khám, chữa bệnh ở đô thị)`,
    tags: ["decision-1354:province:11", "project-defined", "seed"],
  }),
  // ---- Infrastructure, cybersecurity, awareness, institutions ------------------------------------
  percent("INTERNET_SUBS_PER_100", {
    nameVi: "Số thuê bao Internet băng rộng trên 100 dân",
    nameEn: "Broadband Internet subscriptions per 100 inhabitants",
    definitionVi: "Số thuê bao Internet băng rộng cố định và di động chia cho dân số, nhân 100.",
    definitionEn: "Fixed and mobile broadband subscriptions divided by the population, times 100.",
    pillar: "infrastructure",
    numerator: "{INTERNET_SUBSCRIPTIONS}",
    denominator: "{POP_TOTAL}",
    source: PROJECT,
    tags: ["project-defined"],
  }),
  percent("PROTECTED_INTERNET_SUBS", {
    nameVi: "Tỷ lệ thuê bao Internet được bảo đảm truy cập an toàn",
    nameEn: "Internet subscriptions with safe access",
    definitionVi:
      "Số thuê bao Internet được bảo đảm truy cập an toàn chia cho tổng số thuê bao Internet băng rộng, nhân 100.",
    definitionEn:
      "Internet subscriptions protected by a safe-access service divided by all broadband subscriptions, times 100.",
    pillar: "cybersecurity",
    numerator: "{INTERNET_SUBS_PROTECTED}",
    denominator: "{INTERNET_SUBSCRIPTIONS}",
    source: `${FORUM_2023} (chương trình 6: tối thiểu 70% thuê bao)`,
    tags: ["action-programme:6", "seed"],
  }),
  percent("CDT_TEAM_COVERAGE", {
    nameVi: "Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng",
    nameEn: "Villages and residential groups with a community digital technology team",
    definitionVi:
      "Số thôn, tổ dân phố có Tổ công nghệ số cộng đồng chia cho tổng số thôn, tổ dân phố, nhân 100.",
    definitionEn:
      "Villages and residential groups with a community digital technology team divided by all of them, times 100.",
    pillar: "awareness",
    numerator: "{HAMLETS_CDT_TEAM}",
    denominator: "{HAMLETS}",
    source: `${FORUM_2023} (chương trình 5); Báo điện tử ĐCSVN 8/7/2022 (seed 004)`,
    tags: ["action-programme:5", "seed"],
  }),
  percent("DX_BUDGET_SHARE", {
    nameVi: "Tỷ lệ chi ngân sách địa phương cho chuyển đổi số",
    nameEn: "Share of local budget spent on digital transformation",
    definitionVi:
      "Chi ngân sách địa phương cho chuyển đổi số chia cho tổng chi ngân sách địa phương, nhân 100.",
    definitionEn:
      "Local government expenditure on digital transformation divided by total local government expenditure, times 100.",
    pillar: "institutions",
    numerator: "{DX_BUDGET_SPEND}",
    denominator: "{BUDGET_SPEND}",
    decimals: 2,
    source: PROJECT,
    tags: ["project-defined"],
  }),
  // ---- Digital government -------------------------------------------------------------------------
  percent("FULL_ONLINE_SERVICES_SHARE", {
    nameVi: "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
    nameEn: "Administrative procedures offered fully online",
    definitionVi:
      "Số thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình chia cho tổng số thủ tục hành chính thuộc thẩm quyền, nhân 100.",
    definitionEn:
      "Administrative procedures offered as fully online public services divided by all procedures under the authority, times 100.",
    pillar: "digital_government",
    numerator: "{PUBLIC_SERVICES_FULL_ONLINE}",
    denominator: "{PUBLIC_SERVICES_TOTAL}",
    source: `${fill1354("sector", 4)}; Báo điện tử ĐCSVN 8/7/2022 (seed 004: dịch vụ công trực tuyến mức 3, 4)`,
    tags: ["decision-1354:sector:4", "project-defined", "seed"],
  }),
  percent("ONLINE_APPLICATIONS_SHARE", {
    nameVi: "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến",
    nameEn: "Administrative applications received online",
    definitionVi:
      "Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến chia cho tổng số hồ sơ tiếp nhận, nhân 100.",
    definitionEn:
      "Administrative applications received online divided by all applications received, times 100.",
    pillar: "digital_government",
    numerator: "{ONLINE_APPLICATIONS}",
    denominator: "{ADMIN_APPLICATIONS}",
    source: fill1354("sector", 5),
    tags: ["decision-1354:sector:5", "project-defined", "seed"],
  }),
  // ---- Smart cities -------------------------------------------------------------------------------
  level("SMART_CITY_IOC", {
    nameVi: "Số trung tâm giám sát, điều hành đô thị thông minh (IOC)",
    nameEn: "Smart-city intelligent operations centres (IOC)",
    definitionVi: "Số trung tâm giám sát, điều hành đô thị thông minh cấp tỉnh và cấp huyện đang vận hành.",
    definitionEn: "Provincial and district intelligent operations centres for smart cities in operation.",
    pillar: "smart_cities",
    unit: "count",
    numerator: "{IOC_CENTRES}",
    source: `${PROJECT}; Báo điện tử ĐCSVN 8/7/2022 (seed 004: Trung tâm Giám sát điều hành đô thị thông minh)`,
    tags: ["project-defined", "seed"],
  }),
  // ---- The published digital-transformation index (DTI) --------------------------------------------
  level("DTI_RANK", {
    nameVi: "Thứ hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) công bố",
    nameEn: "Published provincial digital transformation index (DTI) rank",
    definitionVi:
      "Thứ hạng của tỉnh, thành phố trong bảng xếp hạng DTI do Bộ Thông tin và Truyền thông công bố (1 = cao nhất; các tỉnh bằng điểm cùng hạng).",
    definitionEn:
      "The province's rank in the DTI ranking published by the Ministry of Information and Communications (1 = best; equal scores share a rank).",
    pillar: "digital_government",
    unit: "rank",
    direction: "lower",
    numerator: "{DTI_PUBLISHED_RANK}",
    source: DTI_2022,
    tags: ["dti-published"],
  }),
  level("DTI_SCORE", {
    nameVi: "Điểm Chỉ số chuyển đổi số cấp tỉnh (DTI) công bố",
    nameEn: "Published provincial digital transformation index (DTI) score",
    definitionVi:
      "Điểm DTI của tỉnh, thành phố do Bộ công bố, thang 0–1 (điểm / 1000); chỉ có ở những tỉnh được công bố điểm.",
    definitionEn:
      "The province's DTI score as published by the ministry, 0–1 scale (points / 1000); only where the score was published.",
    pillar: "digital_government",
    unit: "index",
    numerator: "{DTI_PUBLISHED_SCORE}",
    decimals: 3,
    source: DTI_2022,
    tags: ["dti-published"],
  }),
] satisfies Indicator[]);

export function findIndicator(code: string): Indicator | undefined {
  return indicators.find((i) => i.code === code);
}

export function findDataElement(code: string): DataElement | undefined {
  return elementByCode.get(code);
}
