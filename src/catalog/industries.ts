/**
 * The industries of the input–output classification (DESIGN §4.3): the 21 sections A…U of VSIC 2018
 * (Quyết định 27/2018/QĐ-TTg), where C, G, J and S stand for the section *without* its core digital
 * groups, plus the 7 core digital groups D (the OECD ICT sector, the default core of the statistics
 * office's method). Every value of an industry's value added (`VA_<code>`) and every row and column
 * of an input–output table uses these codes, so the 28 industries add up to the whole economy with
 * nothing counted twice.
 */

export interface Industry {
  /** `A`…`U` for a section (C, G, J, S without their core groups), or the core group (`C26`, `J61`…). */
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The VSIC 2018 codes it covers, e.g. `C (trừ 26)` or `261–268`. */
  readonly vsic: string;
  /** The VSIC 2018 section it belongs to (`C` for `C26`). */
  readonly section: string;
  /** True for the 7 core digital groups. */
  readonly core: boolean;
}

const section = (code: string, nameVi: string, nameEn: string, vsic = code): Industry => ({
  code,
  nameVi,
  nameEn,
  vsic,
  section: code,
  core: false,
});

const coreGroup = (code: string, nameVi: string, nameEn: string, vsic: string): Industry => ({
  code,
  nameVi,
  nameEn,
  vsic,
  section: code.charAt(0),
  core: true,
});

/** The 28 industries in VSIC order, each core group after the rest of its section. */
export const industries: readonly Industry[] = Object.freeze([
  section("A", "Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture, forestry and fishing"),
  section("B", "Khai khoáng", "Mining and quarrying"),
  section(
    "C",
    "Công nghiệp chế biến, chế tạo (trừ sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học)",
    "Manufacturing (except computer, electronic and optical products)",
    "C (trừ 26)",
  ),
  coreGroup(
    "C26",
    "Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học",
    "Manufacture of computer, electronic and optical products",
    "261–268",
  ),
  section(
    "D",
    "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    "Electricity, gas, steam and air conditioning supply",
  ),
  section(
    "E",
    "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
    "Water supply; sewerage, waste management and remediation",
  ),
  section("F", "Xây dựng", "Construction"),
  section(
    "G",
    "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác (trừ bán buôn thiết bị công nghệ thông tin và truyền thông)",
    "Wholesale and retail trade; repair of motor vehicles and motorcycles (except wholesale of ICT equipment)",
    "G (trừ 4651–4652)",
  ),
  coreGroup(
    "G465",
    "Bán buôn máy vi tính, thiết bị ngoại vi, phần mềm; thiết bị và linh kiện điện tử, viễn thông",
    "Wholesale of computers, peripheral equipment and software; electronic and telecommunications equipment and parts",
    "4651–4652",
  ),
  section("H", "Vận tải kho bãi", "Transportation and storage"),
  section("I", "Dịch vụ lưu trú và ăn uống", "Accommodation and food service activities"),
  section(
    "J",
    "Thông tin và truyền thông (trừ xuất bản phần mềm, viễn thông, lập trình, xử lý dữ liệu)",
    "Information and communication (except software publishing, telecommunications, programming, data processing)",
    "J (trừ 582, 61, 62, 631)",
  ),
  coreGroup("J582", "Xuất bản phần mềm", "Software publishing", "582"),
  coreGroup("J61", "Viễn thông", "Telecommunications", "61"),
  coreGroup(
    "J62",
    "Lập trình máy vi tính, dịch vụ tư vấn và các hoạt động khác liên quan đến máy vi tính",
    "Computer programming, consultancy and related activities",
    "62",
  ),
  coreGroup(
    "J631",
    "Xử lý dữ liệu, cho thuê và các hoạt động liên quan; cổng thông tin",
    "Data processing, hosting and related activities; web portals",
    "631",
  ),
  section("K", "Hoạt động tài chính, ngân hàng và bảo hiểm", "Financial and insurance activities"),
  section("L", "Hoạt động kinh doanh bất động sản", "Real estate activities"),
  section(
    "M",
    "Hoạt động chuyên môn, khoa học và công nghệ",
    "Professional, scientific and technical activities",
  ),
  section("N", "Hoạt động hành chính và dịch vụ hỗ trợ", "Administrative and support service activities"),
  section(
    "O",
    "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc",
    "Activities of the Communist Party, socio-political organisations, public administration and defence; compulsory social security",
  ),
  section("P", "Giáo dục và đào tạo", "Education and training"),
  section("Q", "Y tế và hoạt động trợ giúp xã hội", "Human health and social work activities"),
  section("R", "Nghệ thuật, vui chơi và giải trí", "Arts, entertainment and recreation"),
  section(
    "S",
    "Hoạt động dịch vụ khác (trừ sửa chữa máy vi tính và thiết bị liên lạc)",
    "Other service activities (except repair of computers and communication equipment)",
    "S (trừ 951)",
  ),
  coreGroup(
    "S951",
    "Sửa chữa máy vi tính và thiết bị liên lạc",
    "Repair of computers and communication equipment",
    "951",
  ),
  section(
    "T",
    "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình",
    "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
  ),
  section(
    "U",
    "Hoạt động của các tổ chức và cơ quan quốc tế",
    "Activities of extraterritorial organisations and bodies",
  ),
]);

/** The codes of the 28 industries, in table order. */
export const industryCodes: readonly string[] = Object.freeze(industries.map((i) => i.code));

/** The core digital groups D (DESIGN §4.3 default: the OECD ICT sector in VSIC 2018). */
export const CORE_INDUSTRIES: ReadonlySet<string> = new Set(
  industries.filter((i) => i.core).map((i) => i.code),
);

/** Element code of an industry's value added, e.g. `VA_C26` (one definition, shared with recompute). */
export { vaElement as vaElementCode } from "../methods/derive-de.ts";

export function findIndustry(code: string): Industry | undefined {
  return industries.find((i) => i.code === code);
}
