/**
 * Texts of the dti page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(DTI_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  dtiTitle: "Chỉ số chuyển đổi số cấp tỉnh (DTI)",
  dtiIntro:
    "Điểm (thang 0–1), thứ hạng và khoảng bất định của thứ hạng của từng tỉnh, thành phố, tính từ các chỉ tiêu của hệ thống theo khung chỉ số đã chọn.",
  dtiFramework: "Khung chỉ số",
  dtiYear: "Năm",
  dtiBasis: "Cách tính cho 34 đơn vị",
  dtiBasisIndicators: "Từ chỉ tiêu đã quy đổi",
  dtiBasisMean: "Trung bình các tỉnh cũ",
  dtiMethod: (version: string, norm: string, goalYear: number, agg: string, draws: number) =>
    `Khung ${version} · chuẩn hóa: ${norm}, mốc cố định năm ${goalYear} · tổng hợp: ${agg} · Monte Carlo ${draws} lần rút`,
  dtiNorm: (m: string): string =>
    (<Record<string, string>>{
      minmax: "min–max",
      target: "khoảng cách tới mục tiêu",
      mixed: "min–max và khoảng cách tới mục tiêu",
    })[m] ?? m,
  dtiAgg: (m: string): string =>
    (<Record<string, string>>{
      arithmetic: "trung bình cộng có trọng số",
      geometric: "trung bình nhân có trọng số",
    })[m] ?? m,
  dtiRankingTitle: "Xếp hạng và khoảng bất định",
  dtiRankingNote:
    "Chấm: thứ hạng; vạch: khoảng 5%–95% của thứ hạng qua các lần rút Monte Carlo (trọng số ±25%, cách chuẩn hóa và cách tổng hợp khác).",
  dtiColRank: "Hạng",
  dtiColScore: "Điểm",
  dtiColBand: "Khoảng hạng 5–95%",
  dtiColMedian: "Hạng trung vị",
  dtiRankingSummary: (first: string, score: string, n: number) =>
    `Biểu đồ xếp hạng ${n} tỉnh, thành phố theo điểm DTI với khoảng bất định; dẫn đầu: ${first} (${score}).`,
  dtiProfileTitle: "Hồ sơ trụ cột của một tỉnh",
  dtiProvince: "Tỉnh, thành phố",
  dtiThisProvince: "Tỉnh đã chọn",
  dtiBest: "Cao nhất",
  dtiMedian: "Trung vị",
  dtiPillar: "Chỉ số chính",
  dtiProfileSummary: (name: string, rank: string, score: string) =>
    `Biểu đồ cột: điểm từng chỉ số chính của ${name} (hạng ${rank}, điểm ${score}) so với tỉnh cao nhất và trung vị.`,
  dtiChangeTitle: "Vì sao điểm thay đổi: đóng góp của từng chỉ số chính",
  dtiFrom: "So với năm",
  dtiChangeText: (from: number, to: number, a: string, b: string, change: string) =>
    `Điểm năm ${from}: ${a}; năm ${to}: ${b}; thay đổi ${change}. Mỗi cột là trọng số × thay đổi điểm của chỉ số chính; tổng các cột bằng mức thay đổi.`,
  dtiChangeSummary: (change: string) => `Biểu đồ thác nước: thay đổi điểm ${change} chia theo chỉ số chính.`,
  dtiTotal: "Tổng thay đổi",
  dtiContribution: "Đóng góp",
  dtiNoPrevious: "Chưa có năm trước để so sánh.",
  dtiPublishedTitle: "Xếp hạng DTI 2022 do Bộ công bố và chỉ số tính từ dữ liệu minh họa",
  dtiPublishedNote: (rho: string, n: number) =>
    `Tương quan hạng Spearman giữa hai bảng: ρ = ${rho} (${n} tỉnh). Cột “công bố” là số liệu chính thức (dti.gov.vn); cột “tính toán” là chỉ số tính từ dữ liệu minh họa, không phải số liệu thật.`,
  dtiPublishedRank: "Hạng công bố (chính thức)",
  dtiPublishedScore: "Điểm công bố",
  dtiComputedRank: "Hạng tính toán (minh họa)",
  dtiComputedScore: "Điểm tính toán (minh họa)",
  dtiPublishedSummary: (rho: string) =>
    `Biểu đồ phân tán: hạng công bố năm 2022 (trục ngang) và hạng tính từ dữ liệu minh họa (trục dọc); ρ = ${rho}.`,
  dtiFlagged: (n: number) =>
    `${n} tỉnh thiếu số liệu một số chỉ tiêu (được đánh dấu ⚑; giá trị thiếu được thay bằng trung bình trụ cột).`,
  dtiAssumed: "Ghi chú về khung chỉ số",
  dtiGroupsTitle: "Trụ cột",
  dtiAssumedTag: "giả định",
  dtiAssumedWeights:
    "Trọng số các chỉ số chính trong khung này là giả định của dxmonitor (chưa tìm được trong văn bản gốc), không phải số liệu của Quyết định.",
  dtiGroupScores: (province: string) => `Điểm trụ cột của ${province}`,
};

const en: typeof vi = {
  dtiTitle: "Provincial digital transformation index (DTI)",
  dtiIntro:
    "Each province's score (0–1 scale), rank and the uncertainty of that rank, computed from this system's indicators under the chosen index framework.",
  dtiFramework: "Framework",
  dtiYear: "Year",
  dtiBasis: "How the 34 units are scored",
  dtiBasisIndicators: "From re-based indicators",
  dtiBasisMean: "Mean of former provinces",
  dtiMethod: (version: string, norm: string, goalYear: number, agg: string, draws: number) =>
    `Framework ${version} · normalisation: ${norm}, goalposts fixed at ${goalYear} · aggregation: ${agg} · Monte Carlo ${draws} draws`,
  dtiNorm: (m: string): string =>
    (<Record<string, string>>{
      minmax: "min–max",
      target: "distance to target",
      mixed: "min–max and distance to target",
    })[m] ?? m,
  dtiAgg: (m: string): string =>
    (<Record<string, string>>{
      arithmetic: "weighted arithmetic mean",
      geometric: "weighted geometric mean",
    })[m] ?? m,
  dtiRankingTitle: "Ranking and its uncertainty",
  dtiRankingNote:
    "Dot: rank; bar: 5th–95th percentile of the rank over the Monte Carlo draws (weights ±25 %, the other normalisation and aggregation).",
  dtiColRank: "Rank",
  dtiColScore: "Score",
  dtiColBand: "Rank band 5–95 %",
  dtiColMedian: "Median rank",
  dtiRankingSummary: (first: string, score: string, n: number) =>
    `Chart ranking ${n} provinces by DTI score with uncertainty bands; first: ${first} (${score}).`,
  dtiProfileTitle: "A province's pillar profile",
  dtiProvince: "Province or city",
  dtiThisProvince: "Selected province",
  dtiBest: "Best",
  dtiMedian: "Median",
  dtiPillar: "Main index",
  dtiProfileSummary: (name: string, rank: string, score: string) =>
    `Bar chart: ${name}'s score on each main index (rank ${rank}, score ${score}) against the best province and the median.`,
  dtiChangeTitle: "Why the score changed: each main index's contribution",
  dtiFrom: "Compared with",
  dtiChangeText: (from: number, to: number, a: string, b: string, change: string) =>
    `Score ${from}: ${a}; ${to}: ${b}; change ${change}. Each bar is weight × change of the main index's score; the bars add up to the change.`,
  dtiChangeSummary: (change: string) => `Waterfall chart: the score change of ${change} split by main index.`,
  dtiTotal: "Total change",
  dtiContribution: "Contribution",
  dtiNoPrevious: "No earlier year to compare with.",
  dtiPublishedTitle: "The published DTI 2022 ranking and the index computed from demo data",
  dtiPublishedNote: (rho: string, n: number) =>
    `Spearman rank correlation between the two tables: ρ = ${rho} (${n} provinces). “Published” is the official ranking (dti.gov.vn); “computed” is the index computed from demo data, not real figures.`,
  dtiPublishedRank: "Published rank (official)",
  dtiPublishedScore: "Published score",
  dtiComputedRank: "Computed rank (demo)",
  dtiComputedScore: "Computed score (demo)",
  dtiPublishedSummary: (rho: string) =>
    `Scatter chart: the published 2022 rank (horizontal) against the rank computed from demo data (vertical); ρ = ${rho}.`,
  dtiFlagged: (n: number) =>
    `${n} provinces lack some indicators (marked ⚑; missing values take the pillar mean).`,
  dtiAssumed: "About this framework",
  dtiGroupsTitle: "Pillars",
  dtiAssumedTag: "assumed",
  dtiAssumedWeights:
    "The main-index weights of this framework are dxmonitor's assumption (not found in the decision's text), not figures of the decision.",
  dtiGroupScores: (province: string) => `Pillar scores of ${province}`,
};

export const DTI_MESSAGES = pageMessages(vi, en);
export type DtiMessages = typeof vi;
