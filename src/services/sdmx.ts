/**
 * SDMX description of the published data (DESIGN §6): one data structure definition (DSD) with
 * the dimensions FREQ, REF_AREA, INDICATOR, UNIT_MEASURE, SERIES and TIME_PERIOD, the measure
 * OBS_VALUE and the observation attribute OBS_STATUS, and its codelists, as SDMX-JSON 2.0
 * structure messages. Pure: the catalogue comes in as arguments.
 *
 * Choices:
 * - An area is identified by (geography, code) (§3), and province codes of 2008 and 2025 overlap
 *   with different meanings, so REF_AREA codes carry the geography: `2025_79`, `2008_01`,
 *   `2025_VN`. One codelist (CL_AREA) holds both geographies, each code with its parent.
 * - TIME_PERIOD uses SDMX's own reporting periods, which are ours: `2024`, `2024-S1`, `2024-Q3`.
 * - OBS_STATUS uses the SDMX codes A (normal: official), P (provisional: preliminary), E
 *   (estimated); SDMX has no code for a revised value, so the agency's codelist adds R (revised).
 */
import type { Area } from "../domain/area.ts";
import type { Indicator, Series, Unit } from "../domain/catalog.ts";
import type { PeriodKind } from "../domain/period.ts";

export const AGENCY = "DXM";
export const DSD_ID = "DSD_DXM";
export const DSD_VERSION = "1.0";
export const STRUCTURE_REF = `${AGENCY}:${DSD_ID}(${DSD_VERSION})`;
export const DSD_URN = `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${STRUCTURE_REF}`;

/** Dimensions in key order (TIME_PERIOD last). */
export const SDMX_DIMENSIONS = [
  "FREQ",
  "REF_AREA",
  "INDICATOR",
  "UNIT_MEASURE",
  "SERIES",
  "TIME_PERIOD",
] as const;
export const SDMX_CSV_COLUMNS = [
  "STRUCTURE",
  "STRUCTURE_ID",
  "ACTION",
  ...SDMX_DIMENSIONS,
  "OBS_VALUE",
  "OBS_STATUS",
] as const;

export const CODELIST_IDS = [
  "CL_FREQ",
  "CL_AREA",
  "CL_INDICATOR",
  "CL_UNIT",
  "CL_SERIES",
  "CL_OBS_STATUS",
] as const;
export type CodelistId = (typeof CODELIST_IDS)[number];

/** The codelist of each coded component. */
const CODELIST_OF: Record<string, CodelistId> = {
  FREQ: "CL_FREQ",
  REF_AREA: "CL_AREA",
  INDICATOR: "CL_INDICATOR",
  UNIT_MEASURE: "CL_UNIT",
  SERIES: "CL_SERIES",
  OBS_STATUS: "CL_OBS_STATUS",
};

interface Names {
  vi: string;
  en: string;
}

const CONCEPTS: Record<string, Names> = {
  FREQ: { vi: "Tần suất", en: "Frequency" },
  REF_AREA: { vi: "Địa bàn", en: "Reference area" },
  INDICATOR: { vi: "Chỉ tiêu", en: "Indicator" },
  UNIT_MEASURE: { vi: "Đơn vị tính", en: "Unit of measure" },
  SERIES: { vi: "Chuỗi số liệu", en: "Data series" },
  TIME_PERIOD: { vi: "Kỳ", en: "Time period" },
  OBS_VALUE: { vi: "Giá trị", en: "Observation value" },
  OBS_STATUS: { vi: "Trạng thái số liệu", en: "Observation status" },
};

const FREQ_NAMES: Record<string, Names> = {
  A: { vi: "Năm", en: "Annual" },
  S: { vi: "Nửa năm", en: "Half-yearly" },
  Q: { vi: "Quý", en: "Quarterly" },
};

const STATUS_NAMES: Record<string, Names> = {
  A: { vi: "Chính thức", en: "Normal value (official)" },
  P: { vi: "Sơ bộ", en: "Provisional value (preliminary)" },
  E: { vi: "Ước tính", en: "Estimated value" },
  R: { vi: "Điều chỉnh", en: "Revised value" },
};

export const UNIT_NAMES: Record<Unit, Names> = {
  vnd_billion: { vi: "tỷ đồng", en: "VND billion" },
  persons: { vi: "người", en: "persons" },
  enterprises: { vi: "doanh nghiệp", en: "enterprises" },
  households: { vi: "hộ", en: "households" },
  transactions: { vi: "giao dịch", en: "transactions" },
  count: { vi: "số lượng", en: "count" },
  percent: { vi: "%", en: "percent" },
  index: { vi: "chỉ số", en: "index" },
  rank: { vi: "thứ hạng", en: "rank" },
};

/** FREQ of a period text (`2024` → A, `2024-S1` → S, `2024-Q3` → Q). */
export function freqOf(period: string): "A" | "S" | "Q" {
  const kind = (period.length === 4 ? "Y" : period[5]) as PeriodKind;
  return kind === "Y" ? "A" : kind;
}

export function refArea(geography: string, code: string): string {
  return `${geography}_${code}`;
}

export function obsStatus(status: string): string {
  if (status === "official") return "A";
  if (status === "preliminary") return "P";
  if (status === "estimate") return "E";
  if (status === "revised") return "R";
  return "A";
}

export interface SdmxCatalogue {
  areas: readonly Area[];
  indicators: readonly Indicator[];
  series: readonly Series[];
}

export interface Code {
  id: string;
  names: Names;
  parent?: string;
}

/** The codes of a codelist. */
export function codelistCodes(id: CodelistId, c: SdmxCatalogue): Code[] {
  switch (id) {
    case "CL_FREQ":
      return Object.entries(FREQ_NAMES).map(([code, names]) => ({ id: code, names }));
    case "CL_OBS_STATUS":
      return Object.entries(STATUS_NAMES).map(([code, names]) => ({ id: code, names }));
    case "CL_UNIT":
      return Object.entries(UNIT_NAMES).map(([code, names]) => ({ id: code, names }));
    case "CL_SERIES":
      return c.series.map((s) => ({ id: s.code, names: { vi: s.nameVi, en: s.nameEn } }));
    case "CL_INDICATOR":
      return c.indicators.map((i) => ({ id: i.code, names: { vi: i.nameVi, en: i.nameEn } }));
    case "CL_AREA":
      return c.areas.map((a) => ({
        id: refArea(a.geography, a.code),
        names: { vi: `${a.nameVi} (${a.geography})`, en: `${a.nameEn} (${a.geography})` },
        ...(a.parent ? { parent: refArea(a.geography, a.parent) } : {}),
      }));
  }
}

const CODELIST_NAMES: Record<CodelistId, Names> = {
  CL_FREQ: { vi: "Tần suất", en: "Frequency" },
  CL_AREA: { vi: "Địa bàn (địa giới 2008 và 2025)", en: "Areas (2008 and 2025 geographies)" },
  CL_INDICATOR: { vi: "Chỉ tiêu", en: "Indicators" },
  CL_UNIT: { vi: "Đơn vị tính", en: "Units of measure" },
  CL_SERIES: { vi: "Chuỗi số liệu", en: "Data series" },
  CL_OBS_STATUS: { vi: "Trạng thái số liệu", en: "Observation status" },
};

const codelistUrn = (id: CodelistId) =>
  `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${AGENCY}:${id}(${DSD_VERSION})`;
const conceptUrn = (id: string) =>
  `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=${AGENCY}:CS_DXM(${DSD_VERSION}).${id}`;

function codelistJson(id: CodelistId, c: SdmxCatalogue) {
  const names = CODELIST_NAMES[id];
  return {
    id,
    agencyID: AGENCY,
    version: DSD_VERSION,
    isExternalReference: false,
    isFinal: true,
    name: names.en,
    names,
    codes: codelistCodes(id, c).map((code) => ({
      id: code.id,
      name: code.names.en,
      names: code.names,
      ...(code.parent ? { parent: code.parent } : {}),
    })),
  };
}

function meta(id: string, prepared: Date) {
  return {
    schema:
      "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json",
    id,
    test: false,
    prepared: prepared.toISOString(),
    contentLanguages: ["vi", "en"],
    sender: { id: AGENCY, name: "dxmonitor" },
  };
}

/** One codelist as an SDMX-JSON 2.0 structure message. */
export function codelistMessage(id: CodelistId, c: SdmxCatalogue, prepared: Date) {
  return { meta: meta(`${id}-${DSD_VERSION}`, prepared), data: { codelists: [codelistJson(id, c)] } };
}

/** The DSD with its concept scheme and every codelist, as an SDMX-JSON 2.0 structure message. */
export function dsdMessage(c: SdmxCatalogue, prepared: Date) {
  const coded = (id: string, position: number) => ({
    id,
    position,
    conceptIdentity: conceptUrn(id),
    localRepresentation: { enumeration: codelistUrn(CODELIST_OF[id]!) },
  });
  return {
    meta: meta(`${DSD_ID}-${DSD_VERSION}`, prepared),
    data: {
      dataStructures: [
        {
          id: DSD_ID,
          agencyID: AGENCY,
          version: DSD_VERSION,
          isFinal: true,
          name: "Vietnam digital economy and digital transformation indicators",
          names: {
            vi: "Chỉ tiêu kinh tế số và chuyển đổi số của Việt Nam",
            en: "Vietnam digital economy and digital transformation indicators",
          },
          dataStructureComponents: {
            dimensionList: {
              id: "DimensionDescriptor",
              dimensions: SDMX_DIMENSIONS.slice(0, -1).map((d, i) => coded(d, i)),
              timeDimension: {
                id: "TIME_PERIOD",
                position: SDMX_DIMENSIONS.length - 1,
                conceptIdentity: conceptUrn("TIME_PERIOD"),
                localRepresentation: { format: { dataType: "ReportingTimePeriod" } },
              },
            },
            attributeList: {
              id: "AttributeDescriptor",
              attributes: [
                {
                  id: "OBS_STATUS",
                  usage: "optional",
                  attributeRelationship: { observation: {} },
                  conceptIdentity: conceptUrn("OBS_STATUS"),
                  localRepresentation: { enumeration: codelistUrn("CL_OBS_STATUS") },
                },
              ],
            },
            measureList: {
              id: "MeasureDescriptor",
              measures: [
                {
                  id: "OBS_VALUE",
                  conceptIdentity: conceptUrn("OBS_VALUE"),
                  localRepresentation: { format: { dataType: "Double" } },
                },
              ],
            },
          },
        },
      ],
      conceptSchemes: [
        {
          id: "CS_DXM",
          agencyID: AGENCY,
          version: DSD_VERSION,
          isFinal: true,
          name: "dxmonitor concepts",
          names: { vi: "Khái niệm của dxmonitor", en: "dxmonitor concepts" },
          concepts: Object.entries(CONCEPTS).map(([id, names]) => ({ id, name: names.en, names })),
        },
      ],
      codelists: CODELIST_IDS.map((id) => codelistJson(id, c)),
    },
  };
}

/** The series-level dimensions of an SDMX-JSON data message, with every code of their codelists. */
export function seriesDimensions(c: SdmxCatalogue) {
  return SDMX_DIMENSIONS.slice(0, -1).map((id, keyPosition) => ({
    id,
    name: CONCEPTS[id]!.en,
    names: CONCEPTS[id]!,
    keyPosition,
    values: codelistCodes(CODELIST_OF[id]!, c).map((code) => ({
      id: code.id,
      name: code.names.en,
      names: code.names,
    })),
  }));
}

export function statusValues() {
  return codelistCodes("CL_OBS_STATUS", { areas: [], indicators: [], series: [] }).map((code) => ({
    id: code.id,
    name: code.names.en,
    names: code.names,
  }));
}

export { CONCEPTS as SDMX_CONCEPTS };
