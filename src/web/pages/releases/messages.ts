/**
 * Texts of the releases page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(RELEASES_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  colDownloads: "Tải về",
  releasesTitle: "Các đợt công bố",
  releasesIntro:
    "Số liệu các tỉnh báo cáo được công bố theo từng đợt, vào đúng thời điểm đã định (giờ Việt Nam); trước thời điểm đó số liệu chưa hiển thị. Đợt đã công bố không sửa được: hiệu chỉnh đưa vào đợt sau, kèm ghi chú.",
  releasesNone: "Chưa có đợt công bố nào.",
  colRelease: "Đợt",
  colPeriod: "Kỳ",
  colState: "Trạng thái",
  colReleaseAt: "Thời điểm công bố (giờ Việt Nam)",
  colChanges: "Thay đổi",
  colNote: "Ghi chú điều chỉnh",
  releaseState: (s: string): string =>
    (<Record<string, string>>{
      draft: "Bản nháp",
      scheduled: "Đã lên lịch (chưa công bố)",
      published: "Đã công bố",
    })[s] ?? s,
  changeKind: (s: string): string =>
    (<Record<string, string>>{ new: "Mới", revised: "Điều chỉnh", withdrawn: "Rút lại" })[s] ?? s,
  changeCounts: (n: number, r: number, w: number) => `${n} mới, ${r} điều chỉnh, ${w} rút lại`,
  releaseShow: "Xem thay đổi",
  releaseChangesTitle: (id: number, period: string) => `Đợt ${id} (kỳ ${period}): thay đổi so với đợt trước`,
  releaseChangesCaption: "Giá trị mới, giá trị điều chỉnh (cũ → mới) và giá trị rút lại",
  changeFilter: "Loại thay đổi",
  changeAll: "Tất cả",
  colCode: "Mã",
  colArea: "Địa bàn",
  colOld: "Giá trị cũ",
  colNew: "Giá trị mới",
  releaseDownloads: "Tải số liệu của đợt này",
  releasePrepareTitle: "Chuẩn bị đợt công bố",
  releasePrepareIntro: "Lấy các số liệu đã duyệt đến hết kỳ đã chọn và so sánh với đợt đã công bố gần nhất.",
  releasePeriod: "Kỳ (vd. 2026-Q3)",
  releaseNote: "Ghi chú điều chỉnh",
  releasePrepare: "Chuẩn bị",
  releaseScheduleTitle: (id: number) => `Lên lịch công bố đợt ${id}`,
  releaseAt: "Ngày giờ công bố (giờ Việt Nam)",
  releaseSchedule: "Lên lịch",
  releaseDelete: "Xóa đợt chưa công bố",
  releaseDone: "Đã lưu.",
  releasePreviewNotice: (at: string) =>
    `Bản xem trước cho cán bộ: đợt này chưa công bố, công chúng chưa thấy số liệu này${at ? ` cho đến ${at}` : ""}.`,
  releaseValuesTitle: "Số liệu của đợt",
  releaseValuesCaption: "Giá trị các chỉ tiêu trong ảnh chụp số liệu của đợt",
  releaseColSeries: "Chuỗi",
  releaseColValue: "Giá trị",
  releaseColUnit: "Đơn vị",
  releaseMore: "Xem thêm",
  releaseReport: "Báo cáo quý",
  releaseReportPreview: "Xem trước báo cáo quý (HTML)",
};

const en: typeof vi = {
  colDownloads: "Download",
  releasesTitle: "Releases",
  releasesIntro:
    "Provinces' reported values are published release by release, at the announced time (Vietnam time); before it nothing of a release is shown. A published release cannot change: corrections go into the next one, with a note.",
  releasesNone: "No release yet.",
  colRelease: "Release",
  colPeriod: "Period",
  colState: "State",
  colReleaseAt: "Release time (Vietnam time)",
  colChanges: "Changes",
  colNote: "Revision note",
  releaseState: (s: string): string =>
    (<Record<string, string>>{ draft: "Draft", scheduled: "Scheduled (embargoed)", published: "Published" })[
      s
    ] ?? s,
  changeKind: (s: string): string =>
    (<Record<string, string>>{ new: "New", revised: "Revised", withdrawn: "Withdrawn" })[s] ?? s,
  changeCounts: (n: number, r: number, w: number) => `${n} new, ${r} revised, ${w} withdrawn`,
  releaseShow: "Show changes",
  releaseChangesTitle: (id: number, period: string) =>
    `Release ${id} (${period}): changes since the previous one`,
  releaseChangesCaption: "New values, revised values (old → new) and withdrawn values",
  changeFilter: "Kind of change",
  changeAll: "All",
  colCode: "Code",
  colArea: "Area",
  colOld: "Old value",
  colNew: "New value",
  releaseDownloads: "Download this release's values",
  releasePrepareTitle: "Prepare a release",
  releasePrepareIntro:
    "Takes the approved values up to the end of the period and compares them with the latest published release.",
  releasePeriod: "Period (e.g. 2026-Q3)",
  releaseNote: "Revision note",
  releasePrepare: "Prepare",
  releaseScheduleTitle: (id: number) => `Schedule release ${id}`,
  releaseAt: "Release date and time (Vietnam time)",
  releaseSchedule: "Schedule",
  releaseDelete: "Delete this unpublished release",
  releaseDone: "Saved.",
  releasePreviewNotice: (at: string) =>
    `Staff preview: this release is not published; the public cannot see these values${at ? ` until ${at}` : ""}.`,
  releaseValuesTitle: "Values of the release",
  releaseValuesCaption: "Indicator values in the release's snapshot",
  releaseColSeries: "Series",
  releaseColValue: "Value",
  releaseColUnit: "Unit",
  releaseMore: "Show more",
  releaseReport: "Quarterly report",
  releaseReportPreview: "Preview the quarterly report (HTML)",
};

export const RELEASES_MESSAGES = pageMessages(vi, en);
export type ReleasesMessages = typeof vi;
