/**
 * Texts of the programmes page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(PROGRAMMES_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  programmesTitle: "Chương trình hành động",
  programmesIntro:
    "10 chương trình hành động của Diễn đàn quốc gia về kinh tế số và xã hội số (9/2023) và các chương trình của địa phương: cơ quan chủ trì, thời hạn, trạng thái, tiến độ, minh chứng và các chỉ tiêu mà mỗi chương trình cần thúc đẩy.",
  programmeOwnerLabel: "Cơ quan chủ trì",
  programmeOwnerAll: "Tất cả cơ quan",
  programmeCount: (shown: number, total: number) => `${shown} / ${total} chương trình`,
  programmeStatus: (s: string): string =>
    (<Record<string, string>>{
      not_started: "Chưa bắt đầu",
      on_track: "Đúng tiến độ",
      at_risk: "Có nguy cơ chậm",
      late: "Trễ hạn",
      done: "Hoàn thành",
    })[s] ?? s,
  programmeStatusSource: (s: string): string =>
    (<Record<string, string>>{
      reviewer: "do người duyệt đặt",
      deadline: "đã quá hạn, tự động",
      indicators: "suy ra từ các chỉ tiêu",
      default: "chưa có thông tin",
    })[s] ?? s,
  timelineTitle: "Tiến trình thực hiện",
  timelineSummary: (total: number, late: number, noDeadline: number) =>
    `Biểu đồ thời gian của ${total} chương trình: mỗi thanh chạy từ ngày bắt đầu đến hạn; ${late} chương trình trễ hạn; ${noDeadline} chương trình chưa có hạn (thanh mờ dần đến hôm nay).`,
  timelineToday: "Hôm nay",
  timelineCaption: "Các chương trình hành động: thời gian, cơ quan chủ trì và trạng thái",
  colProgramme: "Chương trình",
  colLead: "Cơ quan chủ trì",
  colStart: "Bắt đầu",
  colDeadline: "Hạn",
  colStatus: "Trạng thái",
  colProgress: "Tiến độ",
  noDeadline: "chưa có hạn",
  deadlineText: (d: string) => `Hạn: ${d}`,
  progressText: (p: number) => `Tiến độ: ${p}%`,
  progressUnknown: "Tiến độ: chưa cập nhật",
  scopeText: (name: string) => `Phạm vi: ${name}`,
  showDetails: "Chi tiết",
  indicatorsTitle: "Chỉ tiêu cần thúc đẩy",
  noIndicators: "Chương trình này chưa gắn chỉ tiêu nào.",
  colProgressClass: "Đánh giá tiến độ",
  statusFromReviewer: (status: string, reason: string, by: string, at: string) =>
    `Người duyệt đặt “${status}” (${by}, ${at}): ${reason}`,
  statusFromIndicators: (status: string, rag: string) => `Theo các chỉ tiêu: ${status} (mức ${rag})`,
  statusNoIndicators: "Theo các chỉ tiêu: chưa đánh giá được",
  evidenceTitle: "Minh chứng",
  noEvidence: "Chưa có minh chứng.",
  updatesTitle: "Cập nhật",
  noUpdates: "Chưa có cập nhật.",
  postUpdate: "Đăng cập nhật",
  updateLabel: "Nội dung cập nhật",
  setStatus: "Lưu trạng thái",
  statusLabel: "Trạng thái",
  statusAuto: "Tự động (theo chỉ tiêu và thời hạn)",
  reasonLabel: "Lý do",
  progressLabel: "Tiến độ (%)",
  reviewerTools: "Dành cho người duyệt",
  loginToEdit: "Đăng nhập với vai trò người duyệt để cập nhật chương trình.",
};

const en: typeof vi = {
  programmesTitle: "Action programmes",
  programmesIntro:
    "The 10 action programmes of the National Forum on the Digital Economy and Digital Society (September 2023) and provincial programmes: lead agency, deadline, status, progress, evidence and the indicators each should move.",
  programmeOwnerLabel: "Lead agency",
  programmeOwnerAll: "All agencies",
  programmeCount: (shown: number, total: number) => `${shown} of ${total} programmes`,
  programmeStatus: (s: string): string =>
    (<Record<string, string>>{
      not_started: "Not started",
      on_track: "On track",
      at_risk: "At risk",
      late: "Late",
      done: "Done",
    })[s] ?? s,
  programmeStatusSource: (s: string): string =>
    (<Record<string, string>>{
      reviewer: "set by a reviewer",
      deadline: "past its deadline, automatic",
      indicators: "derived from the indicators",
      default: "no information yet",
    })[s] ?? s,
  timelineTitle: "Timeline",
  timelineSummary: (total: number, late: number, noDeadline: number) =>
    `Timeline of ${total} programmes: each bar runs from the start to the deadline; ${late} are late; ${noDeadline} have no deadline (bar fading out up to today).`,
  timelineToday: "Today",
  timelineCaption: "Action programmes: dates, lead agency and status",
  colProgramme: "Programme",
  colLead: "Lead agency",
  colStart: "Start",
  colDeadline: "Deadline",
  colStatus: "Status",
  colProgress: "Progress",
  noDeadline: "no deadline",
  deadlineText: (d: string) => `Deadline: ${d}`,
  progressText: (p: number) => `Progress: ${p}%`,
  progressUnknown: "Progress: not reported",
  scopeText: (name: string) => `Scope: ${name}`,
  showDetails: "Details",
  indicatorsTitle: "Indicators it should move",
  noIndicators: "No indicator is linked to this programme.",
  colProgressClass: "Progress class",
  statusFromReviewer: (status: string, reason: string, by: string, at: string) =>
    `A reviewer set “${status}” (${by}, ${at}): ${reason}`,
  statusFromIndicators: (status: string, rag: string) => `From the indicators: ${status} (${rag})`,
  statusNoIndicators: "From the indicators: cannot be assessed",
  evidenceTitle: "Evidence",
  noEvidence: "No evidence yet.",
  updatesTitle: "Updates",
  noUpdates: "No updates yet.",
  postUpdate: "Post update",
  updateLabel: "Update",
  setStatus: "Save status",
  statusLabel: "Status",
  statusAuto: "Automatic (from indicators and deadline)",
  reasonLabel: "Reason",
  progressLabel: "Progress (%)",
  reviewerTools: "For reviewers",
  loginToEdit: "Log in as a reviewer to update programmes.",
};

export const PROGRAMMES_MESSAGES = pageMessages(vi, en);
export type ProgrammesMessages = typeof vi;
