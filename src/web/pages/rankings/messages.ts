/**
 * Texts of the rankings page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(RANKINGS_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  rankingsTitle: "Xếp hạng các tỉnh, thành phố",
  rankingsIntro:
    "Chọn một chỉ tiêu; lọc theo vùng; đổi địa giới 2025/2008. Xếp hạng đồng hạng (1, 2, 2, 4) theo chiều tốt của chỉ tiêu.",
  rankingsDtiLink: "Xếp hạng theo chỉ số chuyển đổi số (DTI) →",
};

const en: typeof vi = {
  rankingsTitle: "Provinces ranked",
  rankingsIntro:
    "Choose an indicator; filter by region; switch between the 2025 and 2008 geographies. Ties share a rank (1, 2, 2, 4), by the indicator's direction.",
  rankingsDtiLink: "Ranking by the digital transformation index (DTI) →",
};

export const RANKINGS_MESSAGES = pageMessages(vi, en);
export type RankingsMessages = typeof vi;
