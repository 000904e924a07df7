/**
 * Texts of the reporting page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(REPORTING_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  reportingTitle: "Báo cáo định kỳ",
  openPeriod: (period: string, deadline: string) => `Kỳ báo cáo đang mở: ${period}, hạn nộp ${deadline}`,
  noOpenPeriod: "Hiện không có kỳ báo cáo nào đang mở.",
  noAreas: "Tài khoản này chưa được giao tỉnh, thành phố nào.",
  provinceLabel: "Tỉnh, thành phố",
  reportState: (state: string): string =>
    (<Record<string, string>>{
      not_started: "Chưa bắt đầu",
      draft: "Bản nháp",
      submitted: "Đã nộp",
      returned: "Bị trả lại",
      approved: "Đã duyệt",
    })[state] ?? state,
  colElement: "Chỉ tiêu",
  colPrevious: "Quý trước",
  colValue: "Giá trị kỳ này",
  commentLabel: "Giải trình",
  downloadTemplate: "Tải mẫu Excel (.xlsx)",
  validationTitle: (errors: number, warnings: number) => `Kiểm tra: ${errors} lỗi, ${warnings} cảnh báo`,
  submittedReportsTitle: "Báo cáo chờ duyệt",
  noSubmitted: "Không có báo cáo nào chờ duyệt.",
  returnReport: "Trả lại",
  returnComment: "Lý do trả lại",
  completenessTitle: (period: string) => `Tình hình nộp báo cáo kỳ ${period}`,
  colLate: "Trễ hạn",
  colSubmittedAt: "Ngày nộp",
  uploadTitle: "Nộp bằng tệp Excel",
  uploadIntro:
    "Tải mẫu Excel, điền offline rồi chọn tệp để kiểm tra. Chưa có gì được lưu cho đến khi bạn xác nhận.",
  uploadFileLabel: "Tệp mẫu đã điền (.xlsx)",
  uploadCheck: "Kiểm tra tệp",
  uploadChecking: "Đang kiểm tra…",
  uploadProblems: (n: number) => `Tệp có ${n} lỗi; sửa trong Excel rồi tải lên lại. Chưa lưu gì.`,
  uploadClean: (n: number) => `Tệp hợp lệ: ${n} giá trị. Nhấn “Xác nhận lưu” để lưu vào báo cáo.`,
  uploadConfirm: "Xác nhận lưu",
  uploadStored: "Đã lưu số liệu từ tệp Excel.",
  colSheet: "Trang tính",
  colCell: "Ô",
  colProblem: "Vấn đề",
  conflictMessage:
    "Báo cáo vừa được người khác thay đổi nên chưa lưu được. Đã tải lại trạng thái hiện tại; những gì bạn nhập vẫn còn trong ô — các ô khác với số đã lưu được đánh dấu. Hãy kiểm tra rồi lưu lại.",
  conflictDiscard: "Bỏ phần tôi nhập, dùng số đã lưu",
  conflictStored: (value: string) => `Đã lưu: ${value}`,
  inputNotNumber: (code: string) => `${code}: giá trị không phải là số`,
  slipNotNumber: "Không phải là số",
  slipNotInteger: "Phải là số nguyên",
  slipBelow: (min: string) => `Không được nhỏ hơn ${min}`,
  slipAbove: (max: string) => `Không được lớn hơn ${max}`,
  reviewWarnings: (n: number) => (n === 0 ? "Không có cảnh báo" : `${n} cảnh báo và giải trình của tỉnh`),
  reviewCommentOf: (element: string) => `Giải trình (${element}):`,
  reviewNoComment: "chưa có",
  reviewChanges: (n: number) => `Thay đổi so với quý trước (${n} chỉ tiêu, thay đổi lớn nhất trước)`,
  returnCommentFor: (report: string) => `Lý do trả lại báo cáo của ${report}`,
  approvedReportsTitle: "Báo cáo đã duyệt",
  noApproved: "Chưa có báo cáo nào được duyệt.",
  reopenReason: "Lý do mở lại (không bắt buộc)",
  reopenReasonFor: (report: string) => `Lý do mở lại báo cáo của ${report}`,
  returnedWith: (by: string, comment: string) => `Báo cáo bị trả lại bởi ${by}: “${comment}”`,
  annualElement: "số liệu cả năm",
  annualElementHelp:
    "Chỉ tiêu năm: báo cáo một lần trong kỳ quý IV; cột “Quý trước” là giá trị của năm trước.",
};

const en: typeof vi = {
  reportingTitle: "Periodic reporting",
  openPeriod: (period: string, deadline: string) => `Open reporting period: ${period}, due ${deadline}`,
  noOpenPeriod: "No reporting period is open.",
  noAreas: "This account has no province assigned.",
  provinceLabel: "Province or city",
  reportState: (state: string): string =>
    (<Record<string, string>>{
      not_started: "Not started",
      draft: "Draft",
      submitted: "Submitted",
      returned: "Returned",
      approved: "Approved",
    })[state] ?? state,
  colElement: "Data element",
  colPrevious: "Previous quarter",
  colValue: "This period",
  commentLabel: "Explanation",
  downloadTemplate: "Download the Excel template (.xlsx)",
  validationTitle: (errors: number, warnings: number) => `Checks: ${errors} error(s), ${warnings} warning(s)`,
  submittedReportsTitle: "Reports awaiting review",
  noSubmitted: "No report awaits review.",
  returnReport: "Return",
  returnComment: "Reason for returning",
  completenessTitle: (period: string) => `Reporting completeness, ${period}`,
  colLate: "Late",
  colSubmittedAt: "Submitted",
  uploadTitle: "Upload the Excel file",
  uploadIntro:
    "Download the template, fill it offline, then pick the file to check it. Nothing is stored until you confirm.",
  uploadFileLabel: "Filled template (.xlsx)",
  uploadCheck: "Check the file",
  uploadChecking: "Checking…",
  uploadProblems: (n: number) =>
    `The file has ${n} problem(s); fix them in Excel and upload it again. Nothing was stored.`,
  uploadClean: (n: number) =>
    `The file is valid: ${n} value(s). Press “Confirm and store” to store them in the report.`,
  uploadConfirm: "Confirm and store",
  uploadStored: "The values from the Excel file are stored.",
  colSheet: "Sheet",
  colCell: "Cell",
  colProblem: "Problem",
  conflictMessage:
    "Someone else changed the report meanwhile, so nothing was saved. The current state is reloaded; what you typed is still in the fields — those that differ from the stored values are marked. Check them and save again.",
  conflictDiscard: "Drop my edits and use the stored values",
  conflictStored: (value: string) => `Stored: ${value}`,
  inputNotNumber: (code: string) => `${code}: the value is not a number`,
  slipNotNumber: "Not a number",
  slipNotInteger: "Must be a whole number",
  slipBelow: (min: string) => `Must not be below ${min}`,
  slipAbove: (max: string) => `Must not be above ${max}`,
  reviewWarnings: (n: number) =>
    n === 0 ? "No warnings" : `${n} warning(s) and the province's explanations`,
  reviewCommentOf: (element: string) => `Explanation (${element}):`,
  reviewNoComment: "none",
  reviewChanges: (n: number) => `Changes against last quarter (${n} elements, largest first)`,
  returnCommentFor: (report: string) => `Reason for returning the report of ${report}`,
  approvedReportsTitle: "Approved reports",
  noApproved: "No report is approved yet.",
  reopenReason: "Reason for reopening (optional)",
  reopenReasonFor: (report: string) => `Reason for reopening the report of ${report}`,
  returnedWith: (by: string, comment: string) => `Returned by ${by}: “${comment}”`,
  annualElement: "annual figure",
  annualElementHelp:
    "Annual element: reported once, in the Q4 report; the “Previous” column holds last year's value.",
};

export const REPORTING_MESSAGES = pageMessages(vi, en);
export type ReportingMessages = typeof vi;
