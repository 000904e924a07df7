/**
 * The enterprise digital-transformation self-assessment (DESIGN §4.7) as data: the questionnaire
 * over the six pillars of the enterprise index DBI (Decision 1970/QĐ-BTTTT, pillars and level names
 * read from `data/facts/dbi-sme-framework-1970.csv`), the digital platforms a firm may use, pillar
 * weights, level thresholds, next-step advice, and the SME size classes of Decree 80/2021/NĐ-CP.
 *
 * Choices recorded here (dxmonitor's own, not official):
 * - The official DBI SME version has 60 criteria in 10 component indices; its wording and scoring
 *   are not published in a reusable form, so these 30 questions (5 per pillar) are our own plain
 *   summary of what each pillar covers. Every answer is 0–5 on one common scale (SCALE), and each
 *   question says what 0 and 5 mean for it.
 * - Pillar weights are equal: the decision does not publish weights for the SME version.
 * - Level thresholds (overall score 0–100 → level 0–5) are not published either; ours are in
 *   DEFAULT_LEVEL_THRESHOLDS and can be changed by configuration (`DXM_MATURITY_THRESHOLDS`).
 * - "Regularly uses digital platforms" is approximated by using at least REGULAR_PLATFORM_MIN of
 *   the listed platforms: a self-assessment cannot observe frequency of use.
 * - Question and platform codes are stable identifiers stored with every answer: never rename or
 *   reorder PLATFORMS (the store keeps a bit mask by position); append new ones at the end.
 */
import { readCsvTable } from "./csv.ts";

export type MaturityPillarCode = "CUSTOMER" | "STRATEGY" | "TECHNOLOGY" | "OPERATIONS" | "CULTURE" | "DATA";

export interface MaturityPillar {
  readonly code: MaturityPillarCode;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Relative weight in the overall score (normalised when scoring). */
  readonly weight: number;
}

export interface Question {
  /** Stable code, e.g. `CUS1`. */
  readonly code: string;
  readonly pillar: MaturityPillarCode;
  readonly textVi: string;
  readonly textEn: string;
  /** What an answer of 0 means for this question. */
  readonly lowVi: string;
  readonly lowEn: string;
  /** What an answer of 5 means for this question. */
  readonly highVi: string;
  readonly highEn: string;
}

export interface ScaleLevel {
  readonly value: 0 | 1 | 2 | 3 | 4 | 5;
  readonly nameVi: string;
  readonly nameEn: string;
}

export interface Platform {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
}

export interface MaturityLevel {
  readonly level: 0 | 1 | 2 | 3 | 4 | 5;
  readonly nameVi: string;
  readonly nameEn: string;
}

export type SizeClass = "micro" | "small" | "medium" | "large";
export const SIZE_CLASSES: readonly SizeClass[] = ["micro", "small", "medium", "large"];

/** Sector groups of Decree 80/2021/NĐ-CP Art. 5. */
export type SectorGroup = "agriculture_industry_construction" | "trade_services";

export interface SizeCriterion {
  readonly size: Exclude<SizeClass, "large">;
  /** Annual average employees with social insurance, at most. */
  readonly maxEmployees: number;
  /** Annual revenue, VND billion, at most (either this or the capital criterion). */
  readonly maxRevenue: number;
  /** Total capital, VND billion, at most. */
  readonly maxCapital: number;
}

const FRAMEWORK = readCsvTable("facts/dbi-sme-framework-1970.csv", ["kind", "code", "name_vi", "name_en"]);
const named = (kind: string, code: string) => {
  const row = FRAMEWORK.find((r) => r.text("kind") === kind && r.text("code") === code);
  if (!row) throw new Error(`dbi-sme-framework-1970.csv: no ${kind} ${code}`);
  return { nameVi: row.text("name_vi"), nameEn: row.text("name_en") };
};

const PILLAR_CODES: readonly MaturityPillarCode[] = [
  "CUSTOMER",
  "STRATEGY",
  "TECHNOLOGY",
  "OPERATIONS",
  "CULTURE",
  "DATA",
];

export const MATURITY_PILLARS: readonly MaturityPillar[] = Object.freeze(
  PILLAR_CODES.map((code) => ({ code, ...named("pillar", code), weight: 1 })),
);

export const MATURITY_LEVELS: readonly MaturityLevel[] = Object.freeze(
  ([0, 1, 2, 3, 4, 5] as const).map((level) => ({ level, ...named("level", String(level)) })),
);

/**
 * Lower bounds of levels 1…5 on the overall score (0–100); below the first is level 0.
 * dxmonitor's own: the official thresholds are not published.
 */
export const DEFAULT_LEVEL_THRESHOLDS: readonly number[] = Object.freeze([10, 30, 50, 70, 85]);

/** The answer scale shared by every question. */
export const SCALE: readonly ScaleLevel[] = Object.freeze([
  { value: 0, nameVi: "Chưa có, chưa làm", nameEn: "Not at all" },
  { value: 1, nameVi: "Mới có ý định, đang tìm hiểu", nameEn: "Intended, exploring" },
  { value: 2, nameVi: "Làm thử, rời rạc ở một vài việc", nameEn: "Tried in a few places, ad hoc" },
  { value: 3, nameVi: "Áp dụng ở một số bộ phận", nameEn: "Used in some departments" },
  {
    value: 4,
    nameVi: "Áp dụng rộng rãi, có theo dõi kết quả",
    nameEn: "Used widely, results tracked",
  },
  {
    value: 5,
    nameVi: "Áp dụng toàn diện, liên thông và liên tục cải tiến",
    nameEn: "Used throughout, integrated and continually improved",
  },
] satisfies ScaleLevel[]);

const q = (
  code: string,
  pillar: MaturityPillarCode,
  textVi: string,
  textEn: string,
  lowVi: string,
  lowEn: string,
  highVi: string,
  highEn: string,
): Question => ({ code, pillar, textVi, textEn, lowVi, lowEn, highVi, highEn });

export const QUESTIONS: readonly Question[] = Object.freeze([
  // Trải nghiệm số cho khách hàng
  q(
    "CUS1",
    "CUSTOMER",
    "Khách hàng có tìm thấy doanh nghiệp trên mạng không (trang web, mạng xã hội, bản đồ số)?",
    "Can customers find the firm online (website, social media, digital maps)?",
    "Không có mặt trên mạng",
    "No online presence",
    "Trang web và kênh mạng xã hội cập nhật thường xuyên, thông tin đầy đủ",
    "Website and social channels kept up to date with complete information",
  ),
  q(
    "CUS2",
    "CUSTOMER",
    "Khách hàng có đặt hàng, mua hàng trực tuyến được không?",
    "Can customers order or buy online?",
    "Chỉ bán trực tiếp",
    "In-person sales only",
    "Bán trên nhiều kênh trực tuyến, đơn hàng về một hệ thống chung",
    "Sells on several online channels, orders flow into one system",
  ),
  q(
    "CUS3",
    "CUSTOMER",
    "Khách hàng có thanh toán không dùng tiền mặt được không?",
    "Can customers pay without cash?",
    "Chỉ nhận tiền mặt",
    "Cash only",
    "Nhận chuyển khoản, mã QR, ví điện tử; tự đối soát với kế toán",
    "Takes transfers, QR codes and e-wallets, reconciled automatically with accounting",
  ),
  q(
    "CUS4",
    "CUSTOMER",
    "Doanh nghiệp có chăm sóc, hỗ trợ khách hàng qua kênh số không (chat, tổng đài, email)?",
    "Does the firm serve customers through digital channels (chat, hotline, email)?",
    "Không có kênh hỗ trợ số",
    "No digital support channel",
    "Hỗ trợ nhiều kênh, mọi yêu cầu được ghi nhận và theo dõi đến khi xong",
    "Support on several channels, every request logged and tracked to completion",
  ),
  q(
    "CUS5",
    "CUSTOMER",
    "Doanh nghiệp có lưu thông tin khách hàng và dùng nó để phục vụ tốt hơn không?",
    "Does the firm keep customer records and use them to serve customers better?",
    "Không lưu thông tin khách hàng",
    "No customer records",
    "Hệ thống quản lý khách hàng (CRM) dùng để cá nhân hóa ưu đãi và đo mức hài lòng",
    "A CRM used to personalise offers and measure satisfaction",
  ),
  // Chiến lược
  q(
    "STR1",
    "STRATEGY",
    "Lãnh đạo doanh nghiệp có mục tiêu chuyển đổi số rõ ràng không?",
    "Does the firm's leadership have clear digital-transformation goals?",
    "Chưa nghĩ đến",
    "Not considered",
    "Mục tiêu viết thành văn bản, gắn với chiến lược kinh doanh và được rà soát hằng năm",
    "Written goals tied to the business strategy and reviewed every year",
  ),
  q(
    "STR2",
    "STRATEGY",
    "Có kế hoạch và ngân sách riêng cho chuyển đổi số không?",
    "Is there a plan and a budget for digital transformation?",
    "Không có",
    "None",
    "Kế hoạch nhiều năm với ngân sách hằng năm được duyệt",
    "A multi-year plan with an approved yearly budget",
  ),
  q(
    "STR3",
    "STRATEGY",
    "Có người hoặc bộ phận chịu trách nhiệm dẫn dắt chuyển đổi số không?",
    "Is someone responsible for leading digital transformation?",
    "Không ai phụ trách",
    "Nobody is responsible",
    "Một lãnh đạo cấp cao phụ trách, có nhóm thực hiện và quyền quyết định",
    "A senior leader in charge, with a team and decision rights",
  ),
  q(
    "STR4",
    "STRATEGY",
    "Doanh nghiệp có đo lường kết quả của các việc chuyển đổi số không?",
    "Does the firm measure the results of its digital initiatives?",
    "Không đo lường",
    "Not measured",
    "Có chỉ tiêu cụ thể (doanh thu trực tuyến, chi phí, thời gian xử lý) theo dõi định kỳ",
    "Specific targets (online revenue, cost, processing time) tracked regularly",
  ),
  q(
    "STR5",
    "STRATEGY",
    "Doanh nghiệp có dùng công nghệ số để tạo sản phẩm, dịch vụ hoặc mô hình kinh doanh mới không?",
    "Does the firm use digital technology to create new products, services or business models?",
    "Không",
    "No",
    "Một phần đáng kể doanh thu đến từ sản phẩm, dịch vụ hoặc mô hình số mới",
    "A significant share of revenue comes from new digital products, services or models",
  ),
  // Hạ tầng và công nghệ số
  q(
    "TEC1",
    "TECHNOLOGY",
    "Nhân viên có đủ máy tính, thiết bị và kết nối Internet ổn định để làm việc không?",
    "Do staff have the computers, devices and reliable Internet they need?",
    "Rất thiếu thiết bị, mạng chập chờn",
    "Few devices, unreliable connection",
    "Đủ thiết bị cho mọi vị trí, mạng tốc độ cao có dự phòng",
    "Devices for every role, fast Internet with a backup line",
  ),
  q(
    "TEC2",
    "TECHNOLOGY",
    "Doanh nghiệp có dùng dịch vụ điện toán đám mây không (lưu trữ, văn phòng, phần mềm)?",
    "Does the firm use cloud services (storage, office suite, software)?",
    "Không dùng",
    "None",
    "Phần lớn phần mềm và dữ liệu chạy trên đám mây, quản lý tập trung",
    "Most software and data run in the cloud, managed centrally",
  ),
  q(
    "TEC3",
    "TECHNOLOGY",
    "Có dùng chữ ký số, hóa đơn điện tử, hợp đồng điện tử không?",
    "Does the firm use digital signatures, e-invoices and e-contracts?",
    "Không dùng",
    "None",
    "Dùng cả ba cho mọi giao dịch phù hợp, kết nối với phần mềm kế toán",
    "All three for every suitable transaction, linked to accounting software",
  ),
  q(
    "TEC4",
    "TECHNOLOGY",
    "Các phần mềm của doanh nghiệp có kết nối, trao đổi dữ liệu với nhau không?",
    "Do the firm's software systems exchange data with each other?",
    "Không có phần mềm hoặc mỗi phần mềm riêng lẻ",
    "No software, or each stands alone",
    "Các hệ thống liên thông tự động (bán hàng, kho, kế toán, nhân sự)",
    "Systems linked automatically (sales, stock, accounting, HR)",
  ),
  q(
    "TEC5",
    "TECHNOLOGY",
    "Doanh nghiệp có bảo vệ an toàn thông tin không (mật khẩu mạnh, sao lưu, phần mềm diệt virus)?",
    "Does the firm protect its information (strong passwords, backups, anti-malware)?",
    "Không có biện pháp nào",
    "No measures",
    "Có quy định an toàn thông tin, sao lưu tự động, phân quyền, kiểm tra định kỳ",
    "Security rules, automatic backups, access control and regular checks",
  ),
  // Vận hành
  q(
    "OPE1",
    "OPERATIONS",
    "Kế toán, tài chính có làm trên phần mềm không?",
    "Are accounting and finance done in software?",
    "Ghi chép tay",
    "On paper",
    "Phần mềm kế toán hoặc ERP, báo cáo tài chính có ngay khi cần",
    "Accounting software or ERP, financial reports available on demand",
  ),
  q(
    "OPE2",
    "OPERATIONS",
    "Bán hàng, kho hàng, sản xuất có được quản lý trên phần mềm không?",
    "Are sales, stock and production managed in software?",
    "Ghi chép tay",
    "On paper",
    "Quản lý hoàn toàn trên phần mềm, số liệu cập nhật theo thời gian thực",
    "Fully in software, figures updated in real time",
  ),
  q(
    "OPE3",
    "OPERATIONS",
    "Nhân sự, chấm công, tiền lương có làm trên phần mềm không?",
    "Are HR, attendance and payroll done in software?",
    "Ghi chép tay",
    "On paper",
    "Phần mềm nhân sự liên thông với chấm công và kế toán",
    "HR software linked to attendance and accounting",
  ),
  q(
    "OPE4",
    "OPERATIONS",
    "Công việc nội bộ (duyệt đề xuất, giao việc, văn bản) có làm trên môi trường số không?",
    "Is internal work (approvals, task assignment, documents) done digitally?",
    "Hoàn toàn trên giấy",
    "Entirely on paper",
    "Quy trình số từ đầu đến cuối, theo dõi được tiến độ từng việc",
    "End-to-end digital workflows with every task's progress visible",
  ),
  q(
    "OPE5",
    "OPERATIONS",
    "Doanh nghiệp có kết nối số với nhà cung cấp, đối tác (đặt hàng, vận chuyển, thanh toán) không?",
    "Is the firm digitally connected with suppliers and partners (orders, delivery, payment)?",
    "Không kết nối số",
    "No digital links",
    "Đơn hàng, vận chuyển và thanh toán với đối tác trao đổi tự động qua hệ thống",
    "Orders, delivery and payment exchanged automatically with partners",
  ),
  // Chuyển đổi số văn hóa doanh nghiệp
  q(
    "CUL1",
    "CULTURE",
    "Nhân viên có kỹ năng số cần thiết cho công việc không?",
    "Do staff have the digital skills their work needs?",
    "Rất ít người dùng được công cụ số",
    "Few can use digital tools",
    "Mọi người thành thạo; có người giỏi hỗ trợ đồng nghiệp",
    "Everyone is proficient; experts support colleagues",
  ),
  q(
    "CUL2",
    "CULTURE",
    "Doanh nghiệp có đào tạo kỹ năng số cho nhân viên không?",
    "Does the firm train staff in digital skills?",
    "Không đào tạo",
    "No training",
    "Kế hoạch đào tạo hằng năm cho mọi vị trí, có đánh giá sau đào tạo",
    "A yearly training plan for every role, with follow-up assessment",
  ),
  q(
    "CUL3",
    "CULTURE",
    "Nhân viên có sẵn sàng thay đổi cách làm việc và thử công cụ mới không?",
    "Are staff willing to change how they work and try new tools?",
    "Ngại thay đổi",
    "Reluctant",
    "Chủ động đề xuất và thử nghiệm cách làm mới",
    "They propose and try new ways of working themselves",
  ),
  q(
    "CUL4",
    "CULTURE",
    "Doanh nghiệp có khuyến khích, khen thưởng sáng kiến số không?",
    "Does the firm encourage and reward digital initiatives?",
    "Không",
    "No",
    "Có cơ chế khen thưởng và nguồn lực cho sáng kiến số",
    "Rewards and resources for digital initiatives",
  ),
  q(
    "CUL5",
    "CULTURE",
    "Mọi người có làm việc, trao đổi, chia sẻ tài liệu trên công cụ cộng tác số không?",
    "Do people work together and share documents on digital collaboration tools?",
    "Không dùng",
    "Not used",
    "Toàn bộ trao đổi và tài liệu trên công cụ cộng tác chung",
    "All communication and documents on shared collaboration tools",
  ),
  // Dữ liệu và tài sản thông tin
  q(
    "DAT1",
    "DATA",
    "Dữ liệu kinh doanh (khách hàng, đơn hàng, kho, tài chính) có được lưu dạng số không?",
    "Are business data (customers, orders, stock, finance) kept in digital form?",
    "Chủ yếu trên giấy",
    "Mostly on paper",
    "Toàn bộ dữ liệu số, có cấu trúc, lưu tập trung",
    "All data digital, structured and stored centrally",
  ),
  q(
    "DAT2",
    "DATA",
    "Dữ liệu có chính xác, đầy đủ và cập nhật không?",
    "Are the data accurate, complete and up to date?",
    "Không kiểm soát",
    "Not controlled",
    "Có quy tắc nhập liệu và kiểm tra chất lượng dữ liệu định kỳ",
    "Entry rules and regular data-quality checks",
  ),
  q(
    "DAT3",
    "DATA",
    "Lãnh đạo có dùng số liệu, báo cáo để ra quyết định không?",
    "Does leadership use data and reports to make decisions?",
    "Quyết định theo cảm tính",
    "Decisions by instinct",
    "Bảng điều khiển số liệu cập nhật, dùng trong mọi quyết định quan trọng",
    "Up-to-date dashboards used in every important decision",
  ),
  q(
    "DAT4",
    "DATA",
    "Doanh nghiệp có phân tích dữ liệu để dự báo hoặc tối ưu hoạt động không?",
    "Does the firm analyse data to forecast or optimise its work?",
    "Không",
    "No",
    "Phân tích nâng cao hoặc trí tuệ nhân tạo để dự báo nhu cầu, tối ưu chi phí",
    "Advanced analytics or AI to forecast demand and optimise costs",
  ),
  q(
    "DAT5",
    "DATA",
    "Dữ liệu cá nhân của khách hàng, nhân viên có được bảo vệ theo quy định không?",
    "Are customers' and staff's personal data protected as the law requires?",
    "Chưa quan tâm",
    "Not considered",
    "Có quy định bảo vệ dữ liệu cá nhân, phân quyền truy cập, xin đồng ý khi thu thập",
    "Personal-data rules, access control and consent at collection",
  ),
] satisfies Question[]);

/** Digital platforms a firm may tick. Append only: the store keeps a bit mask by position. */
export const PLATFORMS: readonly Platform[] = Object.freeze([
  { code: "EINVOICE", nameVi: "Hóa đơn điện tử", nameEn: "E-invoice" },
  { code: "ECONTRACT", nameVi: "Hợp đồng điện tử", nameEn: "E-contract" },
  { code: "DIGITAL_SIGNATURE", nameVi: "Chữ ký số", nameEn: "Digital signature" },
  { code: "ACCOUNTING_ERP", nameVi: "Phần mềm kế toán / ERP", nameEn: "Accounting software / ERP" },
  { code: "CRM", nameVi: "Quản lý khách hàng (CRM)", nameEn: "Customer relationship management (CRM)" },
  { code: "MARKETPLACE", nameVi: "Sàn thương mại điện tử", nameEn: "E-commerce marketplace" },
  { code: "WEBSHOP", nameVi: "Trang web bán hàng riêng", nameEn: "Own online shop" },
  { code: "SOCIAL_COMMERCE", nameVi: "Bán hàng qua mạng xã hội", nameEn: "Selling on social media" },
  { code: "CLOUD_OFFICE", nameVi: "Văn phòng số trên đám mây", nameEn: "Cloud office suite" },
  { code: "CASHLESS", nameVi: "Thanh toán không dùng tiền mặt", nameEn: "Cashless payment" },
  {
    code: "ETAX_EINSURANCE",
    nameVi: "Thuế, bảo hiểm xã hội điện tử",
    nameEn: "E-tax and e-social insurance",
  },
  { code: "HRM", nameVi: "Quản lý nhân sự, tiền lương", nameEn: "HR and payroll software" },
  { code: "LOGISTICS", nameVi: "Nền tảng vận chuyển, giao nhận", nameEn: "Delivery and logistics platform" },
] satisfies Platform[]);

/** A firm that ticks at least this many platforms counts as regularly using digital platforms. */
export const REGULAR_PLATFORM_MIN = 3;

/** VSIC 2018 sections (Decision 27/2018/QĐ-TTg). */
export const SECTIONS: readonly { code: string; nameVi: string; nameEn: string }[] = Object.freeze([
  { code: "A", nameVi: "Nông nghiệp, lâm nghiệp và thủy sản", nameEn: "Agriculture, forestry and fishing" },
  { code: "B", nameVi: "Khai khoáng", nameEn: "Mining and quarrying" },
  { code: "C", nameVi: "Công nghiệp chế biến, chế tạo", nameEn: "Manufacturing" },
  {
    code: "D",
    nameVi: "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    nameEn: "Electricity, gas, steam and air conditioning supply",
  },
  {
    code: "E",
    nameVi: "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
    nameEn: "Water supply; sewerage, waste management",
  },
  { code: "F", nameVi: "Xây dựng", nameEn: "Construction" },
  {
    code: "G",
    nameVi: "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy",
    nameEn: "Wholesale and retail trade; repair of motor vehicles",
  },
  { code: "H", nameVi: "Vận tải kho bãi", nameEn: "Transportation and storage" },
  { code: "I", nameVi: "Dịch vụ lưu trú và ăn uống", nameEn: "Accommodation and food services" },
  { code: "J", nameVi: "Thông tin và truyền thông", nameEn: "Information and communication" },
  {
    code: "K",
    nameVi: "Hoạt động tài chính, ngân hàng và bảo hiểm",
    nameEn: "Financial and insurance activities",
  },
  { code: "L", nameVi: "Hoạt động kinh doanh bất động sản", nameEn: "Real estate activities" },
  {
    code: "M",
    nameVi: "Hoạt động chuyên môn, khoa học và công nghệ",
    nameEn: "Professional, scientific and technical activities",
  },
  {
    code: "N",
    nameVi: "Hoạt động hành chính và dịch vụ hỗ trợ",
    nameEn: "Administrative and support services",
  },
  {
    code: "O",
    nameVi: "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý nhà nước, an ninh quốc phòng",
    nameEn: "Public administration and defence",
  },
  { code: "P", nameVi: "Giáo dục và đào tạo", nameEn: "Education" },
  { code: "Q", nameVi: "Y tế và hoạt động trợ giúp xã hội", nameEn: "Human health and social work" },
  { code: "R", nameVi: "Nghệ thuật, vui chơi và giải trí", nameEn: "Arts, entertainment and recreation" },
  { code: "S", nameVi: "Hoạt động dịch vụ khác", nameEn: "Other service activities" },
  {
    code: "T",
    nameVi: "Hoạt động làm thuê các công việc trong các hộ gia đình",
    nameEn: "Activities of households as employers",
  },
  {
    code: "U",
    nameVi: "Hoạt động của các tổ chức và cơ quan quốc tế",
    nameEn: "Activities of extraterritorial organisations",
  },
]);

/** Sections A (agriculture, forestry, fishing) and B–F (industry, construction); the rest are trade and services. */
export function sectorGroupOf(section: string): SectorGroup {
  return /^[A-F]$/.test(section) ? "agriculture_industry_construction" : "trade_services";
}

/**
 * Size classes of Decree 80/2021/NĐ-CP Art. 5 (VND billion; employees = annual average with social
 * insurance). A firm is in the first class whose employee limit it meets AND whose revenue OR
 * capital limit it meets; a firm meeting none is large.
 */
export const SIZE_CRITERIA: Readonly<Record<SectorGroup, readonly SizeCriterion[]>> = Object.freeze({
  agriculture_industry_construction: [
    { size: "micro", maxEmployees: 10, maxRevenue: 3, maxCapital: 3 },
    { size: "small", maxEmployees: 100, maxRevenue: 50, maxCapital: 20 },
    { size: "medium", maxEmployees: 200, maxRevenue: 200, maxCapital: 100 },
  ],
  trade_services: [
    { size: "micro", maxEmployees: 10, maxRevenue: 10, maxCapital: 3 },
    { size: "small", maxEmployees: 50, maxRevenue: 100, maxCapital: 50 },
    { size: "medium", maxEmployees: 100, maxRevenue: 300, maxCapital: 100 },
  ],
});

export const SIZE_NAMES: Readonly<Record<SizeClass, { nameVi: string; nameEn: string }>> = Object.freeze({
  micro: { nameVi: "Siêu nhỏ", nameEn: "Micro" },
  small: { nameVi: "Nhỏ", nameEn: "Small" },
  medium: { nameVi: "Vừa", nameEn: "Medium" },
  large: { nameVi: "Lớn", nameEn: "Large" },
});

export const SIZE_SOURCE = "Nghị định 80/2021/NĐ-CP, Điều 5 (26/8/2021)";

/**
 * Secondary sources checked against {@link SIZE_CRITERIA}: both restate the Art. 5 limits (employees,
 * revenue, capital by sector group) and match the numbers above. The decree's own text is the
 * authority; these are cited because they are openly readable.
 * - https://baodautu.vn/ban-hanh-tieu-chi-xac-dinh-doanh-nghiep-nho-va-vua-d78629.html
 * - https://huongdanketoan.com/xac-dinh-doanh-nghiep-vua-nho-va-sieu-nho-theo-nghi-dinh-80-2021/
 */
export const SIZE_SOURCE_URLS: readonly string[] = Object.freeze([
  "https://baodautu.vn/ban-hanh-tieu-chi-xac-dinh-doanh-nghiep-nho-va-vua-d78629.html",
  "https://huongdanketoan.com/xac-dinh-doanh-nghiep-vua-nho-va-sieu-nho-theo-nghi-dinh-80-2021/",
]);

export interface Advice {
  readonly vi: string;
  readonly en: string;
}

/**
 * Next steps per pillar for three bands of the pillar's level: getting started (levels 0–1),
 * spreading (2–3) and leading (4–5). The result page shows them for the weakest pillars.
 */
export const ADVICE: Readonly<Record<MaturityPillarCode, readonly [Advice, Advice, Advice]>> = Object.freeze({
  CUSTOMER: [
    {
      vi: "Tạo trang doanh nghiệp trên bản đồ số và mạng xã hội; nhận thanh toán bằng mã QR.",
      en: "Put the firm on digital maps and social media; accept QR-code payments.",
    },
    {
      vi: "Bán trên một sàn thương mại điện tử hoặc trang web riêng; lưu thông tin khách hàng trong một phần mềm CRM đơn giản.",
      en: "Sell on a marketplace or your own web shop; keep customer records in a simple CRM.",
    },
    {
      vi: "Gom đơn hàng mọi kênh về một hệ thống; dùng dữ liệu khách hàng để cá nhân hóa ưu đãi và đo mức hài lòng.",
      en: "Bring every channel's orders into one system; use customer data to personalise offers and measure satisfaction.",
    },
  ],
  STRATEGY: [
    {
      vi: "Viết ra 2–3 mục tiêu chuyển đổi số cho năm tới và giao một người phụ trách.",
      en: "Write down two or three digital goals for next year and name one person responsible.",
    },
    {
      vi: "Lập kế hoạch có ngân sách và chỉ tiêu đo được (doanh thu trực tuyến, thời gian xử lý đơn).",
      en: "Make a budgeted plan with measurable targets (online revenue, order processing time).",
    },
    {
      vi: "Gắn chuyển đổi số với chiến lược kinh doanh; thử nghiệm sản phẩm, dịch vụ hoặc mô hình số mới.",
      en: "Tie digital transformation to the business strategy; pilot new digital products, services or models.",
    },
  ],
  TECHNOLOGY: [
    {
      vi: "Đăng ký chữ ký số và hóa đơn điện tử; bật sao lưu tự động và mật khẩu mạnh cho mọi tài khoản.",
      en: "Get a digital signature and e-invoicing; turn on automatic backups and strong passwords everywhere.",
    },
    {
      vi: "Chuyển tài liệu và phần mềm lên đám mây; dùng hợp đồng điện tử với khách hàng và nhà cung cấp.",
      en: "Move documents and software to the cloud; use e-contracts with customers and suppliers.",
    },
    {
      vi: "Kết nối các phần mềm với nhau qua giao diện lập trình (API); kiểm tra an toàn thông tin định kỳ.",
      en: "Connect your software through APIs; audit information security regularly.",
    },
  ],
  OPERATIONS: [
    {
      vi: "Dùng phần mềm kế toán thay cho sổ sách; quản lý kho, bán hàng trên một ứng dụng đơn giản.",
      en: "Replace paper books with accounting software; manage stock and sales in a simple app.",
    },
    {
      vi: "Số hóa quy trình duyệt, giao việc và chấm công; liên thông bán hàng, kho với kế toán.",
      en: "Digitise approvals, task assignment and attendance; link sales and stock to accounting.",
    },
    {
      vi: "Triển khai ERP tích hợp; kết nối số với nhà cung cấp và đơn vị vận chuyển.",
      en: "Deploy an integrated ERP; connect digitally with suppliers and carriers.",
    },
  ],
  CULTURE: [
    {
      vi: "Cho nhân viên học các khóa kỹ năng số cơ bản miễn phí; dùng một công cụ nhắn tin, chia sẻ tài liệu chung.",
      en: "Enrol staff in free basic digital-skills courses; use one shared messaging and document tool.",
    },
    {
      vi: "Lập kế hoạch đào tạo theo vị trí; khen thưởng những sáng kiến số giúp tiết kiệm thời gian, chi phí.",
      en: "Plan training by role; reward digital ideas that save time or money.",
    },
    {
      vi: "Xây dựng đội ngũ nòng cốt số hỗ trợ đồng nghiệp; dành nguồn lực cho thử nghiệm cách làm mới.",
      en: "Build a core digital team that coaches colleagues; set aside resources for experiments.",
    },
  ],
  DATA: [
    {
      vi: "Đưa danh sách khách hàng, đơn hàng, kho vào bảng tính hoặc phần mềm thay cho sổ giấy.",
      en: "Move customer, order and stock lists from paper into spreadsheets or software.",
    },
    {
      vi: "Đặt quy tắc nhập liệu, lưu tập trung; làm báo cáo định kỳ cho lãnh đạo; có quy định bảo vệ dữ liệu cá nhân.",
      en: "Set data-entry rules and store data centrally; give leadership regular reports; adopt personal-data rules.",
    },
    {
      vi: "Dùng bảng điều khiển số liệu và phân tích dự báo; cân nhắc trí tuệ nhân tạo cho dự báo nhu cầu.",
      en: "Use dashboards and predictive analytics; consider AI for demand forecasting.",
    },
  ],
});

/** The advice band of a pillar level: 0 for levels 0–1, 1 for 2–3, 2 for 4–5. */
export function adviceBand(level: number): 0 | 1 | 2 {
  return level <= 1 ? 0 : level <= 3 ? 1 : 2;
}

export function findQuestion(code: string): Question | undefined {
  return QUESTIONS.find((x) => x.code === code);
}
