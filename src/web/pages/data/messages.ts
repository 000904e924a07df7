/**
 * Texts of the data page, Vietnamese first; English must have the same keys (`typeof vi`). They
 * come with the page's chunk, not the entry; the page reads them with the shared texts through
 * `usePageLanguage(DATA_MESSAGES)`.
 */
import { pageMessages } from "../../i18n/language.tsx";

const vi = {
  dataTitle: "Dữ liệu mở",
  dataIntro:
    "Mọi số liệu đã công bố đều tải được, miễn phí: theo từng chỉ tiêu, theo từng đợt công bố, hoặc toàn bộ trong một tệp. Định dạng CSV, Excel (XLSX), JSON, SDMX-CSV 2.0 và SDMX-JSON 2.0.",
  dataBulkTitle: "Toàn bộ số liệu đã công bố",
  dataBulkIntro: "Một tệp gồm mọi chỉ tiêu, chuỗi số liệu, địa bàn và kỳ (tệp lớn).",
  dataByIndicatorTitle: "Theo chỉ tiêu",
  dataSdmxTitle: "Cấu trúc SDMX",
  dataSdmxIntro:
    "Các chiều: FREQ (tần suất), REF_AREA (địa bàn, mã kèm địa giới, vd. 2025_79), INDICATOR, UNIT_MEASURE, SERIES, TIME_PERIOD; giá trị OBS_VALUE; trạng thái OBS_STATUS.",
  dataDsd: "Định nghĩa cấu trúc dữ liệu (DSD, SDMX-JSON)",
  dataCodelists: "Bảng mã",
  dataApiDocs: "Mô tả API (OpenAPI)",
  dataDemoNote: "Chuỗi “demo” là số liệu minh họa, không phải số liệu chính thức.",
};

const en: typeof vi = {
  dataTitle: "Open data",
  dataIntro:
    "Every published value can be downloaded, free of charge: per indicator, per release, or everything in one file. Formats: CSV, Excel (XLSX), JSON, SDMX-CSV 2.0 and SDMX-JSON 2.0.",
  dataBulkTitle: "Everything published",
  dataBulkIntro: "One file with every indicator, series, area and period (a large file).",
  dataByIndicatorTitle: "By indicator",
  dataSdmxTitle: "SDMX structure",
  dataSdmxIntro:
    "Dimensions: FREQ, REF_AREA (area, its code prefixed by the geography, e.g. 2025_79), INDICATOR, UNIT_MEASURE, SERIES, TIME_PERIOD; measure OBS_VALUE; attribute OBS_STATUS.",
  dataDsd: "Data structure definition (DSD, SDMX-JSON)",
  dataCodelists: "Codelists",
  dataApiDocs: "API description (OpenAPI)",
  dataDemoNote: "The “demo” series is generated demonstration data, not official statistics.",
};

export const DATA_MESSAGES = pageMessages(vi, en);
export type DataMessages = typeof vi;
